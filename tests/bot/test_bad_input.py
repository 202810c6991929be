"""Issue 21 at the edges: what the command line and the drop folder show of a bad file, a bad --db, a bad
--as-at; and alerts when several extracts arrive in one pass."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.settings import Settings
from digest.contract.config import Config
from digest.store.alerts import list_alerts
from digest.store.snapshots import open_store
from tests.bot.test_inbox import ALERTS, job_for
from tests.cli_runner import run_cli as run
from tests.cli_runner import run_process
from tests.conftest import episode, numbered, write_csv
from tests.fake_slack import FakeSlack


def ingest_report_notes(folder: Path, name: str) -> list[str]:
    """The lines after the totals of the report of an ingest (a real process) that succeeded."""
    result = run_process("--db", "s.db", "ingest", name, "--as-at", "2019-07-18", cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[4:]


def test_a_name_typed_into_a_coded_column_is_never_printed(tmp_path: Path) -> None:
    """Case 6: gender "Jane Doe" appeared in the ingest report."""
    write_csv(tmp_path / "e.csv", numbered([episode(gender="Jane Doe"), episode(), episode(care_status="Foster")]))
    assert ingest_report_notes(tmp_path, "e.csv") == [
        "  unrecognised values (rows kept, counted as unrecognised / other / not recorded):",
        "    gender                     1 distinct value                                1 row",
        "    care_status                1 distinct value                                1 row",
        "  (the values are not shown: a name may be typed in; `missing-report unrecognised` shows them)",
    ]
    assert not [f.name for f in tmp_path.iterdir() if b"Jane Doe" in f.read_bytes() and f.name != "e.csv"]
    # Shown only to a person at a terminal who asks: not into a pipe.
    asked = run_process("--db", "s.db", "unrecognised", cwd=tmp_path)
    assert (asked.returncode, asked.stdout) == (1, "")
    assert asked.stderr == (
        "missing-report: unrecognised shows values that may name a child, so it prints only to a terminal, not "
        "into a pipe or a file; run it in a terminal on the store's machine\n"
    )


def test_file_names_are_shown_escaped(tmp_path: Path) -> None:
    """Case 7: a newline in a name forged an extra "Ingested ..." line; escape codes reached the terminal."""
    name = "june\nIngested forged.csv as snapshot 9\x1b[2J.csv"
    write_csv(tmp_path / name, numbered([episode(), episode()]))
    result = run("--db", "s.db", "ingest", name, "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        "Ingested june\\nIngested forged.csv as snapshot 9\\x1b[2J.csv as snapshot 1, as at 18/07/2019 00:00"
    )
    listing = run("--db", "s.db", "snapshots", cwd=tmp_path).stdout
    assert listing.splitlines()[1].endswith("june\\nIngested forged.csv as snapshot 9\\x1b[2J.csv")
    assert "\x1b" not in result.stdout + listing
    bad = "bad\x1b]0;owned\x07.csv"
    (tmp_path / bad).write_text("episode_id\n1\n")
    refused = run("--db", "s.db", "ingest", bad, "--as-at", "2019-07-18", cwd=tmp_path)
    assert refused.stderr.startswith("missing-report: bad\\x1b]0;owned\\x07.csv lacks the required columns")


def test_drop_folder_notice_escapes_the_name(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    job = job_for(tmp_path, config, settings)
    (tmp_path / "inbox" / "x\nRefused everything.csv").write_text("episode_id\n1\n")
    [result] = job()
    assert result.outcome == "refused"
    [message] = [m["text"] for m in slack.messages]
    assert message.startswith("Refused x\\nRefused everything.csv: x\\nRefused everything.csv lacks the required")
    assert "\n" not in message


def test_a_month_first_file_in_the_drop_folder_is_set_aside_with_the_reason(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(tmp_path, config, settings)
    rows = numbered([episode(missing_start=f"06/{day}/2019 10:00", missing_end="") for day in range(13, 29)])
    write_csv(tmp_path / "inbox" / "us-2019-07-18_0900.csv", rows)
    [result] = job()
    assert result.outcome == "refused"
    note = (tmp_path / "inbox" / "rejected" / "us-2019-07-18_0900.csv.reason.txt").read_text()
    assert note.startswith("us-2019-07-18_0900.csv: dates look month-first (US): 16 dates such as 06/13/2019")


@pytest.mark.parametrize("command", [["snapshots"], ["doctor"], ["profile", "--month", "2019-06"], ["ask", "LAC"]])
def test_db_pointed_at_a_text_file_leaves_it_alone(tmp_path: Path, command: list[str]) -> None:
    """Case 8: the file's mode was changed to 0600, even a text file, even for `snapshots` or `doctor`."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n" * 20)
    notes.chmod(0o644)
    result = run_process("--db", "notes.txt", *command, cwd=tmp_path)
    assert result.returncode == 1
    assert "notes.txt is not a SQLite database, not a missing-report store; it was left as it was" in (
        result.stderr + result.stdout
    )
    assert (notes.read_text(), stat.S_IMODE(notes.stat().st_mode)) == ("my notes\n" * 20, 0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_db_pointed_at_another_applications_database_is_refused(tmp_path: Path) -> None:
    """Case 8: this project's tables and child data were added to it."""
    other = tmp_path / "crm.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    other.chmod(0o664)
    before = other.read_bytes()
    write_csv(tmp_path / "e.csv", numbered([episode()]))
    result = run_process("--db", "crm.db", "ingest", "e.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "missing-report: crm.db is another application's SQLite database, not a missing-report store; it was left "
        "as it was. Check the path (--db or MISSING_REPORT_DB)\n",
    )
    assert (other.read_bytes(), stat.S_IMODE(other.stat().st_mode)) == (before, 0o664)


def test_read_only_commands_never_make_a_store(tmp_path: Path) -> None:
    """Case 8: a typo in --db made a folder and an empty store, and said "no snapshots yet"."""
    for command in (["snapshots"], ["profile"], ["rejected"], ["alerts"]):
        result = run("--db", "typo/s.db", *command, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (
            1,
            "missing-report: there is no store at typo/s.db; check the path (--db or MISSING_REPORT_DB), or ingest "
            "an extract to make a new store there\n",
        )
    assert list(tmp_path.iterdir()) == []
    # A store this program made is marked, and opened again without a guess.
    write_csv(tmp_path / "e.csv", numbered([episode()]))
    assert run("--db", "s.db", "ingest", "e.csv", "--as-at", "2019-07-18", cwd=tmp_path).returncode == 0
    assert run("--db", "s.db", "snapshots", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("as_at", "message"),
    [
        (
            "0001-01-01 00:00",
            '--as-at "0001-01-01 00:00" is before 01/01/1990; give the date and time the extract was taken',
        ),
        (
            "9999-12-31 23:59",
            '--as-at "9999-12-31 23:59" is not before 2200; give the date and time the extract was taken',
        ),
    ],
)
def test_as_at_out_of_range_gets_a_clear_line(tmp_path: Path, as_at: str, message: str) -> None:
    """Case 11: "unexpected error (OverflowError...)"."""
    write_csv(tmp_path / "e.csv", numbered([episode()]))
    result = run("--db", "s.db", "ingest", "e.csv", "--as-at", as_at, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, f"missing-report: {message}\n")


def test_as_at_in_the_future_is_refused_unless_said(tmp_path: Path) -> None:
    """Case 11: a 2030 as-at time was accepted ("missing for 3830 days")."""
    write_csv(tmp_path / "e.csv", numbered([episode()]))
    later = dt.datetime.now() + dt.timedelta(days=2)
    when = f"{later:%Y-%m-%d %H:%M}"
    result = run("--db", "s.db", "ingest", "e.csv", "--as-at", when, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f'missing-report: --as-at "{when}" is more than a day after now (')
    assert result.stderr.endswith(
        "); give the date and time the extract was taken, or add --future-as-at if it really is later\n"
    )
    assert run("--db", "s.db", "ingest", "e.csv", "--as-at", when, "--future-as-at", cwd=tmp_path).returncode == 0


def test_a_refusal_is_one_line_ending_once(tmp_path: Path) -> None:
    """Case 11: stray newlines stood before ". Nothing was stored."."""
    rows = numbered([episode() for _ in range(5)])
    path = write_csv(tmp_path / "q.csv", rows)
    path.write_text(path.read_text().rstrip("\n") + ',"left at 10\n\n\n')
    result = run("--db", "s.db", "ingest", "q.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.stderr.count("\n") == 1
    assert result.stderr.endswith("save the file again. Nothing was stored.\n")


def test_every_snapshot_of_one_drop_folder_pass_is_compared_for_alerts(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    """Case 10: extracts with 10 then 10 still missing (8 before) arrived together; only the newest was
    compared, so no alert was raised."""
    slack.channels.add(ALERTS)
    job = job_for(tmp_path, config, settings)
    inbox = tmp_path / "inbox"

    def extract(name: str, still_missing: int) -> None:
        rows = [episode(missing_start=f"2019-07-{1 + i:02d} 10:00", missing_end="") for i in range(still_missing)]
        write_csv(inbox / name, numbered([*rows, episode()]))

    extract("m-2019-07-18_0900.csv", 8)
    assert [r.outcome for r in job()] == ["ingested"]
    extract("m-2019-07-18_1200.csv", 10)
    extract("m-2019-07-18_1500.csv", 10)
    os.utime(inbox / "m-2019-07-18_1500.csv", (1, 1))  # the newest extract arrived first: order is by as-at
    assert [r.file_name for r in job()] == ["m-2019-07-18_1200.csv", "m-2019-07-18_1500.csv"]
    store = open_store(tmp_path / "store.db")
    alerts = [(a.kind, a.count_before, a.count_after) for a in list_alerts(store) if a.snapshot_id is not None]
    store.close()
    assert alerts == [("rise", 8, 10)]
    assert [m["text"][:54] for m in slack.messages] == ["More children missing: 10 now, up from 8 at the last e"]
