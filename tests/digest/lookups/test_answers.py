"""Answers the reference report cannot show: open episodes now, months before the data, quarters."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.conftest import WriteExtract, episode, numbered

AS_AT = dt.datetime(2018, 9, 3, 12, 0)


def service_for(tmp_path: Path, config: Config, write_extract: WriteExtract) -> LookupService:
    rows = numbered(
        [
            episode(child_id="C1", missing_start="2018-05-02 10:00", missing_end="2018-05-02 18:00"),
            episode(child_id="C2", missing_start="2018-07-10 10:00", missing_end="2018-07-11 10:00"),
            episode(child_id="C2", missing_start="2018-08-10 10:00", missing_end="2018-08-10 12:00"),
            episode(child_id="C3", missing_start="2018-08-30 08:00", missing_end="", cse_risk="High"),
            episode(child_id="C4", missing_start="2018-09-03 09:00", missing_end="", care_status="CIN"),
        ]
    )
    store = open_store(tmp_path / "store.db")
    ingest_extract(store, write_extract(rows), AS_AT, config)
    store.close()
    return LookupService(partial(open_store, tmp_path / "store.db"), config)


def test_still_missing_means_now_unless_a_month_is_named(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    service = service_for(tmp_path, config, write_extract)
    assert service.ask("U", "C", "still missing").plain_text().splitlines()[:3] == [
        "Still missing now (open at 03/09/2018 12:00)",
        "2",
        "Of them: 1 LAC, 1 at CSE risk (medium/high); 1 missing over 24 hours, 1 over 72 hours; "
        "the longest missing for 4 days 4 hours.",  # 30/08 08:00 to 03/09 12:00
    ]
    assert service.ask("U", "C", "still missing august").plain_text().splitlines()[:2] == [
        "Still missing at the end of the month, August 2018",
        "1 (50% of 2 episodes)",
    ]


def test_a_month_before_the_data_has_no_data_not_zero(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    service = service_for(tmp_path, config, write_extract)
    answer = service.ask("U", "C", "episodes april 2018")
    assert answer.outcome == "no data"
    assert answer.plain_text().splitlines()[:2] == [
        "There is no data for April 2018.",
        "The data starts in May 2018, so it cannot say how many went missing before then (that is not the same "
        "as none). Months with data: May 2018 to September 2018.",
    ]
    assert service.ask("U", "C", "episodes ytd").title.startswith("The figures for April to August 2018 are incomplete")


def test_quarters_add_up_episodes_and_explain_children(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    service = service_for(tmp_path, config, write_extract)
    episodes = service.ask("U", "C", "episodes q2")
    assert episodes.plain_text().splitlines()[:3] == [
        "Missing episodes, July to September 2018 (Q2 2018/19, Sep-18 partial, to 03/09/2018 12:00)",
        "4",
        "By month: Jul-18 1 · Aug-18 2 · Sep-18 1",
    ]
    children = service.ask("U", "C", "children q2")
    assert children.outcome == "no data"
    assert children.lines[0].startswith("Children are counted once over a period, so this cannot be added up")
