"""Revised figures end to end: real stores, the real command line, the digest posted to the fake Slack over HTTP.

The May 2019 digest is posted from the reference extract; a second extract adds two late-recorded April
episodes (129 becomes 131); the June digest lists the revision, its workbook marks the cell, and `ask` says so.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from bot.chats.teams.answers import render_answer_card
from bot.chats.teams.cards import dump_card
from digest.contract.config import Config, load_config
from digest.lookups.answers import answer_question
from digest.lookups.questions import Question, Reader
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.bot.extracts import late_april_rows
from tests.cli_runner import run_cli
from tests.conftest import write_csv
from tests.fake_slack import FakeSlack
from tests.fixtures.reference_june_2019 import HEADERS, build_rows

SHIPPED_CONFIG = Path(__file__).resolve().parents[2] / "config" / "missing-report.toml"
LATE_AS_AT = "2019-07-25 09:00"  # a week after the reference extract


def post_digest(db: Path, month: str, tmp_path: Path, env: dict[str, str], *config: str) -> str:
    result = run_cli(*config, "--db", str(db), "digest", "--month", month, "--post", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def ingest(db: Path, rows: list[dict[str, str]], tmp_path: Path, *config: str) -> None:
    path = write_csv(tmp_path / "late.csv", rows, HEADERS)
    result = run_cli(*config, "--db", str(db), "ingest", str(path), "--as-at", LATE_AS_AT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def section_texts(message: dict[str, Any]) -> list[str]:
    return [block["text"]["text"] for block in message["blocks"] if block["type"] == "section"]


def revisions_section(message: dict[str, Any]) -> str | None:
    found = [text for text in section_texts(message) if text.startswith("*Revised since last published*")]
    return found[0] if found else None


def ask(db: Path, tmp_path: Path, *words: str) -> str:
    result = run_cli("--db", str(db), "ask", *words, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_june_digest_lists_the_april_revision_since_the_may_digest(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    assert post_digest(reference_db, "2019-05", tmp_path, slack_env) == "May 2019 digest for C0DIGEST: posted\n"
    assert revisions_section(slack.messages[0]) is None  # nothing was published before
    ingest(reference_db, late_april_rows(), tmp_path)

    assert ask(reference_db, tmp_path, "episodes", "April", "2019").splitlines()[:2] == [
        "Missing episodes, April 2019",
        "131 (revised from 129 since the May 2019 digest)",
    ]
    assert (
        "April 2019: 77 (revised from 75 since the May 2019 digest)"
        in ask(reference_db, tmp_path, "LAC", "episodes", "May", "2019").splitlines()
    )
    assert "revised" not in ask(reference_db, tmp_path, "children", "April", "2019")  # the same children
    # A server keeps answers per snapshot (digest.recall): publishing must still change them.
    serving = LookupService(lambda: open_store(reference_db), load_config())
    revised = "*131* (revised from 129 since the May 2019 digest)"
    assert serving.ask("U0A", "C0A", "episodes April 2019").lines[0] == revised

    assert post_digest(reference_db, "2019-06", tmp_path, slack_env) == "June 2019 digest for C0DIGEST: posted\n"
    june = slack.messages[1]
    assert revisions_section(june) == (
        "*Revised since last published*\n"
        "• April 2019 missing episodes revised from 129 to 131 since the May 2019 digest\n"
        "• April 2019 LAC episodes revised from 75 to 77 since the May 2019 digest\n"
        "_The full table (XLSX) marks all 8 revised figures, each with what was published._"
    )
    # Once the June digest has published 131, April is as published again.
    assert ask(reference_db, tmp_path, "episodes", "April", "2019").splitlines()[1] == "131"
    assert serving.ask("U0A", "C0A", "episodes April 2019").lines[0] == "*131*"

    [table] = [f for f in slack.completed_files() if f["filename"] == "missing-report-2019-06.xlsx"]
    sheet = load_workbook(io.BytesIO(table["content"])).active
    assert sheet is not None
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    april_episodes, may_episodes = rows["1.1"][2], rows["1.1"][5]
    assert (april_episodes.value, may_episodes.value) == (131, 130)
    assert april_episodes.fill.fgColor.rgb == "00FFE699"
    assert april_episodes.comment.text == "was 129 in the May 2019 digest"
    assert may_episodes.comment is None
    assert may_episodes.fill.fill_type is None
    marked = [(row[0].value, c.comment.text) for row in sheet.iter_rows() for c in row if c.comment is not None]
    assert marked == [  # the reference report's April figures, each now 2 higher
        ("1.1", "was 129 in the May 2019 digest"),
        ("2.1", "was 75 in the May 2019 digest"),
        ("4.1", "was 49 (of 129) in the May 2019 digest"),  # same-day returns
        ("6.4", "was 75 (of 129) in the May 2019 digest"),  # LAC, by care status
        ("7.1", "was 51 (of 129) in the May 2019 digest"),  # female
        ("8.1", "was 65 (of 129) in the May 2019 digest"),  # A1 White British
        ("9.6", "was 23 (of 129) in the May 2019 digest"),  # aged 14
        ("10.2", "was 28 (of 75) in the May 2019 digest"),  # 11 to 20 miles
    ]
    key = next(row[0] for row in sheet.iter_rows() if str(row[0].value).startswith("Cells filled amber"))
    assert key.fill.fgColor.rgb == "00FFE699"


def test_the_july_digest_lists_the_april_revision_since_the_june_digest(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    """As the issue tells it: June's digest goes out on 10 July; the August extract has late April episodes."""
    assert post_digest(reference_db, "2019-06", tmp_path, slack_env) == "June 2019 digest for C0DIGEST: posted\n"
    path = write_csv(tmp_path / "august.csv", late_april_rows(), HEADERS)
    result = run_cli("--db", str(reference_db), "ingest", str(path), "--as-at", "2019-08-09 09:00", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert post_digest(reference_db, "2019-07", tmp_path, slack_env) == "July 2019 digest for C0DIGEST: posted\n"
    assert revisions_section(slack.messages[1]) == (
        "*Revised since last published*\n"
        "• April 2019 missing episodes revised from 129 to 131 since the June 2019 digest\n"
        "• April 2019 LAC episodes revised from 75 to 77 since the June 2019 digest\n"
        "_The full table (XLSX) marks all 8 revised figures, each with what was published._"
    )


def test_below_the_threshold_nothing_is_listed(
    may_published: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text(SHIPPED_CONFIG.read_text().replace("revision_threshold = 1\n", "revision_threshold = 3\n"))
    config = ("--config", str(strict))
    ingest(may_published, late_april_rows(), tmp_path, *config)
    post_digest(may_published, "2019-06", tmp_path, slack_env, *config)
    assert [revisions_section(m) for m in slack.messages] == [None]  # April moved by 2, under 3


def test_a_new_snapshot_with_no_changes_lists_none(
    may_published: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(may_published, build_rows(), tmp_path)
    post_digest(may_published, "2019-06", tmp_path, slack_env)
    assert [revisions_section(m) for m in slack.messages] == [None]
    assert "revised" not in ask(may_published, tmp_path, "episodes", "April", "2019")


def late_rows_with_one_open_at_april_end() -> list[dict[str, str]]:
    """As late_april_rows, and a third late episode still open at the end of April (still missing: 2 to 3)."""
    rows = late_april_rows()
    open_at_month_end = {
        **rows[-1],
        "episode_id": "LATE-3",
        "missing_start": "2019-04-30 20:00",
        "missing_end": "2019-05-02 10:00",
    }
    return [*rows, open_at_month_end]


def revision_lines(text: str) -> list[str]:
    return [line.removeprefix("• ") for line in text.splitlines()[1:]]


def test_under_disclosure_control_a_revision_of_a_small_count_is_left_out(
    may_published: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(may_published, late_rows_with_one_open_at_april_end(), tmp_path)
    exact_lines = [
        "April 2019 missing episodes revised from 129 to 132 since the May 2019 digest",
        "April 2019 LAC episodes revised from 75 to 78 since the May 2019 digest",
        "April 2019 still missing at the end of the month revised from 2 to 3 since the May 2019 digest",
    ]
    preview = run_cli("--db", str(may_published), "digest", "--month", "2019-06", "--out", "exact", cwd=tmp_path)
    assert preview.returncode == 0, preview.stderr
    page = (tmp_path / "exact" / "2019-06" / "preview.html").read_text()
    assert "<h2>Revised since last published</h2>" in page
    for line in exact_lines:
        assert f"<li>{line}</li>" in page
    assert "<p class=q>The full table (XLSX) marks all 10 revised figures, each with what was published.</p>" in page
    card = (tmp_path / "exact" / "2019-06" / "teams-card.json").read_text()
    assert f'"text": "• {exact_lines[2]}"' in card

    result = run_cli(
        "--db", str(may_published), "digest", "--month", "2019-06", "--post", "--suppress", cwd=tmp_path, env=slack_env
    )
    assert result.returncode == 0, result.stderr
    section = revisions_section(slack.messages[0])
    assert section is not None
    assert revision_lines(section) == [
        *exact_lines[:2],  # April's still missing (2, then 3) is "c" under disclosure control: not told
        "_The full table (XLSX) marks all 9 revised figures, each with what was published._",
    ]
    [table] = [f for f in slack.completed_files() if f["filename"] == "missing-report-2019-06.xlsx"]
    sheet = load_workbook(io.BytesIO(table["content"])).active
    assert sheet is not None
    still_missing = next(row for row in sheet.iter_rows() if row[0].value == "4.8")
    assert (still_missing[2].value, still_missing[2].comment) == ("c", None)
    marked = [(row[0].value, c.comment.text) for row in sheet.iter_rows() for c in row if c.comment is not None]
    assert marked == [
        ("1.1", "was 129 in the May 2019 digest"),
        ("2.1", "was 75 in the May 2019 digest"),
        ("4.1", "was 49 (of 129) in the May 2019 digest"),
        ("4.3", "was 12 (of 129) in the May 2019 digest"),  # 2 days: the episode open at the end of April
        ("6.4", "was 75 (of 129) in the May 2019 digest"),
        ("7.1", "was 51 (of 129) in the May 2019 digest"),
        ("8.1", "was 65 (of 129) in the May 2019 digest"),
        ("9.6", "was 23 (of 129) in the May 2019 digest"),
        ("10.2", "was 28 (of 75) in the May 2019 digest"),
    ]
    assert not re.search(r"\b[1-5]\b", section.replace("2019", ""))  # no count from 1 to 5 in what is told


def test_ask_says_revised_only_where_disclosure_control_allows(
    may_published: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(may_published, late_rows_with_one_open_at_april_end(), tmp_path)
    exact = ask(may_published, tmp_path, "still", "missing", "April", "2019").splitlines()
    assert exact[1] == "3 (2% of 132 episodes) (revised from 2 since the May 2019 digest)"
    suppressed = ask(may_published, tmp_path, "--suppress", "still", "missing", "April", "2019").splitlines()
    assert suppressed[1] == "c"
    assert "revised" not in "\n".join(suppressed)
    episodes = ask(may_published, tmp_path, "--suppress", "episodes", "April", "2019").splitlines()
    assert episodes[1] == "132 (revised from 129 since the May 2019 digest)"


def test_a_teams_answer_shows_the_figure_large_and_the_revision_under_it(
    may_published: Path, config: Config, tmp_path: Path
) -> None:
    ingest(may_published, late_april_rows(), tmp_path)
    reader = Reader(config)
    store = open_store(may_published)
    question = reader.read("episodes April 2019")
    assert isinstance(question, Question)
    answer = answer_question(store, config, question, reader)
    store.close()
    body = dump_card(render_answer_card(answer))["body"]
    texts = [(element.get("text"), element.get("size"), element.get("isSubtle")) for element in body]
    assert ("131", "ExtraLarge", None) in texts
    assert ("Revised from 129 since the May 2019 digest.", None, True) in texts
