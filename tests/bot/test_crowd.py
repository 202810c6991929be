"""Many askers at once, and answers kept in memory (issue 14): real signed requests to the app on uvicorn."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bot.server import EVENTS_PATH
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.lookups.service import Access
from digest.store.snapshots import open_store
from tests.bot.slack_questions import ask, audited, start
from tests.conftest import write_csv
from tests.fake_slack import FakeSlack
from tests.fixtures.reference_june_2019 import HEADERS, build_rows

CROWD = 40  # askers released together: enough to share commits and answers, few enough for a 2-core test run
LATER = dt.datetime(2019, 7, 19, 9, 0)


@pytest.fixture
def url(reference_db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    server, _ = start(reference_db, config, slack, Access())
    yield f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    server.close()


def test_an_answer_changes_when_a_new_snapshot_is_ingested(
    url: str, reference_db: Path, config: Config, tmp_path: Path
) -> None:
    assert ask(url, "LAC episodes June")[1]["text"] == (
        "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236\n"
        "Data as at 18/07/2019 00:00 (snapshot 1)."
    )
    # The next extract: the same, less the first ten LAC episodes that started in June.
    rows = build_rows()
    june_lac = [r for r in rows if r["missing_start"].startswith("2019-06") and r["care_status"] == "LAC"][:10]
    store = open_store(reference_db)
    ingest_extract(
        store, write_csv(tmp_path / "later.csv", [r for r in rows if r not in june_lac], HEADERS), LATER, config
    )
    store.close()
    assert ask(url, "LAC episodes June")[1]["text"] == (
        "LAC episodes, June 2019\n64\nMay 2019: 87\nYear to date 2019/20: 226\n"
        "Data as at 19/07/2019 09:00 (snapshot 2)."
    )


def test_an_answer_kept_from_one_phrasing_carries_the_next_askers_words(url: str) -> None:
    _, first = ask(url, "LAC episodes June")
    _, second = ask(url, "june lac episodes")
    assert second["text"] == first["text"]
    share = next(b for b in second["blocks"] if b["type"] == "actions")["elements"][0]
    assert share["value"] == "june lac episodes"  # the share button asks the question again as this asker put it


def test_a_crowd_asking_at_once_is_answered_and_every_question_audited(url: str, reference_db: Path) -> None:
    questions = ["LAC episodes June", "children ytd", "still missing april", "gender june"] * (CROWD // 4)
    gate = threading.Barrier(CROWD)

    def ask_together(question: str) -> tuple[int, dict[str, Any]]:
        gate.wait()
        return ask(url, question)

    with ThreadPoolExecutor(max_workers=CROWD) as pool:
        replies = list(pool.map(ask_together, questions))
    assert [status for status, _ in replies] == [200] * CROWD
    firsts = {reply["text"].splitlines()[0] for _, reply in replies}
    assert firsts == {
        "LAC episodes, June 2019",
        "Children missing, April to June 2019 (2019/20 year to date)",
        "Still missing at the end of the month, April 2019",
        "Gender, June 2019",
    }
    rows = audited(reference_db)
    assert len(rows) == CROWD
    assert sorted(question for _, question, _, _ in rows) == sorted(q.lower() for q in questions)
    assert {outcome for _, _, outcome, _ in rows} == {"answered"}
