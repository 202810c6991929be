"""What people read in chat where a cell has no figure: answers over real signed requests (Slack and Teams), the
digest's Slack message and Teams card, its charts and the still-missing alert. "no data" before the data starts,
a partial year to date said so, "not in this source" for what an SSD export cannot fill; never 0."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.chats.slack.blocks import render_digest_message
from bot.chats.slack.notifier import upload_groups
from bot.chats.teams.cards import dump_card
from bot.chats.teams.digest_card import render_digest_card
from bot.outbox import render_preview_html
from bot.server import EVENTS_PATH
from digest.alerts.still_missing import render_rise
from digest.contract.config import Config
from digest.figures.periods import parse_month
from digest.figures.still_missing import StillMissing
from digest.intake.ingest import ingest_extract
from digest.lookups.service import Access
from digest.reporting.content import Digest
from digest.reporting.digests import build_digest
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.slack_questions import ask, start
from tests.bot.teams_questions import Teams, card_of, facts, run_teams, texts
from tests.conftest import episode, mark_ssd_kind, numbered, write_csv
from tests.fake_slack import FakeSlack

NOT_IN_SOURCE = "not in this source"


@pytest.fixture
def from_may_db(tmp_path: Path, config: Config) -> Path:
    """A store whose data starts in May 2018 (as at 10/09/2018): April 2018, in the same financial year, has none."""
    rows = numbered(
        [
            episode(missing_start="2018-05-03 10:00", missing_end="2018-05-04 10:00"),
            episode(child_id="C2", missing_start="2018-05-20 10:00", missing_end="2018-05-20 18:00"),
            episode(missing_start="2018-06-03 10:00", missing_end="2018-06-05 10:00", care_status="CIN"),
            episode(child_id="C3", missing_start="2018-08-01 10:00", missing_end=""),  # still missing
        ]
    )
    path = tmp_path / "from-may.db"
    store = open_store(path)
    ingest_extract(store, write_csv(tmp_path / "from-may.csv", rows), dt.datetime(2018, 9, 10), config)
    store.close()
    return path


@pytest.fixture
def ssd_db(reference_db: Path) -> Path:
    """The reference extract's store, its snapshot one of an SSD export (as the SSD reader leaves it)."""
    store = open_store(reference_db)
    mark_ssd_kind(store, 1)
    store.close()
    return reference_db


def slack_url(db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    server, _ = start(db, config, slack, Access(users=frozenset(), channels=frozenset()))
    yield f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    server.close()


@pytest.fixture
def slack_from_may(from_may_db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    yield from slack_url(from_may_db, config, slack)


@pytest.fixture
def slack_ssd(ssd_db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    yield from slack_url(ssd_db, config, slack)


def answer_text(url: str, question: str) -> str:
    status, reply = ask(url, question)
    assert status == 200
    text: str = reply["text"]
    return text


FROM_MAY_FOOTER = "\nData as at 10/09/2018 00:00 (snapshot 1)."


def test_the_first_month_of_the_data_says_the_month_before_has_no_data_not_0(slack_from_may: str) -> None:
    assert answer_text(slack_from_may, "LAC episodes May 2018") == (
        "LAC episodes, May 2018\n2\nApril 2018: no data (the data starts in May 2018)\n"
        "Year to date 2018/19 (partial, from May 2018): 2" + FROM_MAY_FOOTER
    )


def test_a_year_to_date_that_starts_before_the_data_says_it_is_partial(slack_from_may: str) -> None:
    assert answer_text(slack_from_may, "LAC episodes August") == (
        "LAC episodes, August 2018\n1\nJuly 2018: 0\nYear to date 2018/19 (partial, from May 2018): 3" + FROM_MAY_FOOTER
    )
    # A trend is the digest's 13 months to the month named, from the first month with data, and says so.
    assert answer_text(slack_from_may, "trend LAC episodes August") == (
        "LAC episodes, May to August 2018 month by month\nMay 2018: 2\nJune 2018: 0\nJuly 2018: 0\n"
        "August 2018: 1\nNo data before May 2018: the data starts then.\n"
        "Highest figure: May 2018, 2; lowest: June 2018, 0.\nMay to August 2018 as a whole: 3" + FROM_MAY_FOOTER
    )
    assert answer_text(slack_from_may, "gender August").splitlines()[2:4] == [
        "        Aug-18  YTD 2018/19 (partial, from May 2018)",
        "Female  1 100%                                4 100%",
    ]


def test_an_ssd_snapshot_answers_not_in_this_source_never_0(slack_ssd: str) -> None:
    footer = "\nData as at 18/07/2019 00:00 (snapshot 1)."
    assert answer_text(slack_ssd, "CSE episodes June") == (
        "Episodes at CSE risk (medium/high), June 2019\nnot in this source\nMay 2019: not in this source\n"
        "Year to date 2019/20: not in this source" + footer
    )
    assert answer_text(slack_ssd, "rhi in time Q1").startswith(
        "Return home interviews completed in time, April to June 2019 (Q1 2019/20)\nnot in this source\n"
        "By month: Apr-19 not in this source · May-19 not in this source · Jun-19 not in this source"
    )
    care = answer_text(slack_ssd, "care status June")
    assert (
        "Of those 'Not a client', episodes of children from another local authority  not in this source  "
        "not in this source" in care
    )


def test_still_missing_now_from_an_ssd_snapshot_says_cse_risk_is_not_in_this_source(
    from_may_db: Path, config: Config, slack: FakeSlack
) -> None:
    store = open_store(from_may_db)
    mark_ssd_kind(store, 1)
    store.close()
    for url in slack_url(from_may_db, config, slack):
        assert answer_text(url, "still missing").splitlines()[2] == (
            "Of them: 1 LAC, CSE risk not in this source; 1 missing over 24 hours, 1 over 72 hours; "
            "the longest missing for 39 days 14 hours."
        )


@pytest.fixture
def teams_ssd(ssd_db: Path, config: Config) -> Iterator[Teams]:
    yield from run_teams(ssd_db, config)


@pytest.fixture
def teams_from_may(from_may_db: Path, config: Config) -> Iterator[Teams]:
    yield from run_teams(from_may_db, config)


def test_teams_answers_say_not_in_this_source_and_no_data(teams_ssd: Teams, teams_from_may: Teams) -> None:
    card = card_of(teams_ssd.ask("CSE episodes June")["activity"])
    assert texts(card)[:2] == ["Episodes at CSE risk (medium/high), June 2019", NOT_IN_SOURCE]
    assert facts(card["body"][2]) == [("May 2019", NOT_IN_SOURCE), ("Year to date 2019/20", NOT_IN_SOURCE)]
    card = card_of(teams_from_may.ask("LAC episodes May 2018")["activity"])
    assert texts(card)[:2] == ["LAC episodes, May 2018", "2"]
    assert facts(card["body"][2]) == [
        ("April 2018", "no data (the data starts in May 2018)"),
        ("Year to date 2018/19 (partial, from May 2018)", "2"),
    ]
    card = card_of(teams_from_may.ask("trend LAC episodes August")["activity"])
    assert "No data before May 2018: the data starts then." in texts(card)


def all_texts(node: Any) -> list[str]:
    """Every "text" in a Slack block list or a Teams card, in order."""
    if isinstance(node, dict):
        own = [node["text"]] if isinstance(node.get("text"), str) else []
        return own + [t for key, value in node.items() if key != "text" for t in all_texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in all_texts(item)]
    return []


@pytest.fixture
def ssd_digest(ssd_db: Path, config: Config) -> Digest:
    store = open_store(ssd_db)
    digest = build_digest(store, config, parse_month("2019-06"))
    store.close()
    return digest


LEFT_OUT = (
    "Return home interviews completed in time, Jun-19: not in this source.",
    "Return home interviews completed in time, Apr-19 to Jun-19: not in this source.",
)


def test_the_ssd_digest_in_slack_says_not_in_this_source_and_leaves_its_charts_out(
    ssd_digest: Digest, tmp_path: Path
) -> None:
    message = render_digest_message(ssd_digest)
    blocks = message.block_dicts()
    shown = all_texts(blocks)
    assert "*not in this source* of which at CSE risk" in shown
    assert "*not in this source* of those accepted, completed in time" in shown
    assert shown[-1] == "Charts and the full table (XLSX) are in the thread. Not charted: " + " ".join(LEFT_OUT)
    assert "at CSE risk: not in this source; " in message.text
    assert " 0 at CSE risk" not in message.text
    names = [chart.file_name for chart in ssd_digest.charts]
    assert "rhi-in-time.png" not in names
    assert "trend-rhi-in-time.png" not in names
    assert len(names) == 10
    comments = {group: comment for group, _, comment in upload_groups(ssd_digest)}
    assert comments["profile"] == f"Missing profile, June 2019, and the full table. {LEFT_OUT[0]}"
    assert comments["trends"].endswith(f"reaches back. {LEFT_OUT[1]}")
    page = render_preview_html(ssd_digest)  # the outbox's page of the message: the sentence in the chart's place
    assert page.index("days-missing.png") < page.index(f"<p class=q>{LEFT_OUT[0]}</p>") < page.index("ethnicity.png")
    (tmp_path / "slack-blocks.json").write_text(json.dumps(blocks, indent=1))


def test_the_ssd_digest_as_a_teams_card_says_not_in_this_source_in_place_of_figures_and_charts(
    ssd_digest: Digest,
) -> None:
    card = dump_card(render_digest_card(ssd_digest, "The full table is attached."))
    shown = all_texts(card)
    assert shown.count(NOT_IN_SOURCE) == 3  # CSE episodes, CSE children, RHI completed in time
    for sentence in LEFT_OUT:
        assert sentence in shown
    columns = [e for e in card["body"] if e.get("type") == "ColumnSet"]
    cse = columns[0]["columns"][2]["items"][0]
    assert (cse["text"], cse["wrap"]) == (NOT_IN_SOURCE, True)  # wrapped: never cut to "not in thi..."
    charts = [e.get("title") for e in card["body"] if str(e.get("type", "")).startswith("Chart.")]
    assert not any("completed in time" in str(title) for title in charts)


def test_a_still_missing_alert_from_an_ssd_snapshot_says_cse_risk_is_not_in_this_source(
    reference_store: SnapshotStore,
) -> None:
    mark_ssd_kind(reference_store, 1)
    snapshot = reference_store.get_snapshot(1)
    now = StillMissing(count=7, lac=4, cse=0, over_24h=3, over_72h=1, longest_start=snapshot.as_at)
    before = StillMissing(count=5, lac=3, cse=0, over_24h=2, over_72h=1, longest_start=snapshot.as_at)
    text = render_rise(now, before, snapshot, snapshot, 2)
    assert "Of the 7: 4 LAC, CSE risk not in this source; 3 missing over 24 hours" in text
