"""The same month last year and the year to date against last year's, where the snapshot reaches back."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bot.chats.slack.blocks import render_digest_message
from digest.contract.config import Config
from digest.lookups.service import LookupService
from digest.reporting.digests import build_digest
from digest.store.snapshots import open_store
from tests.bot.extracts import store_of, two_years
from tests.conftest import WriteExtract

JUNE_2019 = 2019 * 12 + 5


def test_the_digest_compares_with_the_same_month_and_year_to_date_last_year(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    store = open_store(store_of(tmp_path, config, two_years(write_extract)))
    digest = build_digest(store, config, JUNE_2019)
    episodes, lac, _ = digest.episodes
    assert episodes.shown == "5"
    assert episodes.year_ago_shown == "3"
    assert episodes.comparisons == "up 3 on May-19; up 2 on Jun-18; year to date 8, up 2 on 2018/19 to date"
    assert lac.comparisons == "same as May-19; same as Jun-18; year to date 3, same as 2018/19 to date"
    assert digest.still_missing.comparisons == "same as May-19; same as Jun-18"  # a month figure: no year to date
    fields = render_digest_message(digest).block_dicts()[2]["fields"]
    assert fields[0]["text"] == (
        "*5* Episodes\n_up 3 on May-19; up 2 on Jun-18; year to date 8, up 2 on 2018/19 to date_"
    )


def test_ask_gives_last_years_month_and_year_to_date(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    service = LookupService(partial(open_store, store_of(tmp_path, config, two_years(write_extract))), config)
    assert service.ask("U", "C", "episodes june 2019").plain_text().splitlines() == [
        "Missing episodes, June 2019",
        "5",
        "May 2019: 2",
        "June 2018: 3",
        "Year to date 2019/20: 8",
        "Year to date 2018/19 (to June 2018): 6",
        "Data as at 18/07/2019 00:00 (snapshot 1).",
    ]


def test_data_starting_after_april_gives_the_month_but_not_the_year_to_date(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    extract = two_years(write_extract, first_month="2018-05")
    path = store_of(tmp_path, config, extract)
    episodes = build_digest(open_store(path), config, JUNE_2019).episodes[0]
    assert episodes.comparisons == "up 3 on May-19; up 2 on Jun-18"
    answer = LookupService(partial(open_store, path), config).ask("U", "C", "episodes april 2019")
    assert answer.plain_text().splitlines()[1:4] == [
        "1",
        "March 2019: 0",
        "Year to date 2019/20: 1",
    ]


def test_the_reference_store_does_not_reach_back_so_nothing_is_said(reference_db: Path, config: Config) -> None:
    digest = build_digest(open_store(reference_db), config, JUNE_2019)
    assert [f.comparisons for f in digest.episodes] == ["down 14 on May-19", "down 13 on May-19", "up 12 on May-19"]
    assert all(f.year_ago_shown is None for f in (*digest.episodes, *digest.children, *digest.rhi))
    answer = LookupService(partial(open_store, reference_db), config).ask("U", "C", "LAC episodes June")
    assert answer.lines == ["*74*", "May 2019: 87", "Year to date 2019/20: 236"]
