"""The drop folder with real files: ingested and archived, refused with a reason, never read half-written."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from bot.scheduling.inbox import InboxJob
from bot.services.alerts import AlertContext
from bot.settings import InboxJobSettings, Settings
from digest.contract.config import Config
from digest.intake.inbox import InboxSettings, as_at_for, format_pattern
from digest.store.snapshots import open_store
from tests.conftest import episode, numbered, write_csv
from tests.fake_slack import FakeSlack

ALERTS = "C0ALERTS"


def job_for(tmp_path: Path, config: Config, settings: Settings, settle_seconds: float = 0) -> InboxJob:
    inbox = InboxJobSettings(InboxSettings(tmp_path / "inbox", "%Y-%m-%d_%H%M", settle_seconds), 15)
    ready = replace(settings, alerts_channel=ALERTS, inbox=inbox)
    (tmp_path / "inbox").mkdir(exist_ok=True)
    return InboxJob(partial(open_store, tmp_path / "store.db"), config, AlertContext.of(ready, print))


def test_new_file_becomes_a_snapshot_and_is_archived(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(tmp_path, config, settings)
    write_csv(tmp_path / "inbox" / "missing-2019-07-18_0930.csv", numbered([episode(), episode()]))
    [result] = job()
    assert (result.outcome, result.moved_to) == (
        "ingested",
        tmp_path / "inbox" / "archive" / "missing-2019-07-18_0930.csv",
    )
    store = open_store(tmp_path / "store.db")
    [snapshot] = store.list_snapshots()
    assert (snapshot.as_at, snapshot.rows_accepted) == (dt.datetime(2019, 7, 18, 9, 30), 2)
    store.close()
    assert list((tmp_path / "inbox").iterdir()) == [tmp_path / "inbox" / "archive"]
    assert job() == []  # nothing new


def test_refused_file_lands_in_rejected_with_its_reason_and_one_notice(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    job = job_for(tmp_path, config, settings)
    row = episode()
    del row["child_id"]
    write_csv(tmp_path / "inbox" / "bad-2019-07-18_0930.csv", [row])
    [result] = job()
    rejected = tmp_path / "inbox" / "rejected" / "bad-2019-07-18_0930.csv"
    assert (result.outcome, result.moved_to) == ("refused", rejected)
    reason = (tmp_path / "inbox" / "rejected" / "bad-2019-07-18_0930.csv.reason.txt").read_text()
    assert reason.startswith("bad-2019-07-18_0930.csv lacks the required column child_id; the columns it has:")
    job()
    assert [m["text"] for m in slack.messages] == [
        f"Refused bad-2019-07-18_0930.csv: {reason.strip()}. It is in rejected/ beside a note of why."
    ]
    store = open_store(tmp_path / "store.db")
    assert store.list_snapshots() == []
    store.close()


def test_rise_after_a_dropped_file_is_alerted(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    job = job_for(tmp_path, config, settings)
    first = numbered([episode(missing_start="2019-07-18 08:00", missing_end="")])
    write_csv(tmp_path / "inbox" / "missing-2019-07-18_0900.csv", first)
    job()
    second = [*first, episode(episode_id="E9", child_id="C9", missing_start="2019-07-18 10:00", missing_end="")]
    write_csv(tmp_path / "inbox" / "missing-2019-07-18_1200.csv", second)
    job()
    assert [m["text"].split(" (")[0] for m in slack.messages] == [
        "More children missing: 2 now, up from 1 at the last extract"
    ]


@pytest.mark.slow
def test_file_still_being_written_is_ingested_once_and_whole(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(tmp_path, config, settings, settle_seconds=1.0)
    rows = numbered([episode(child_id=f"C{i}") for i in range(400)])
    header = ",".join(rows[0]) + "\n"
    lines = [",".join(r.values()) + "\n" for r in rows]
    target = tmp_path / "inbox" / "missing-2019-07-18_0930.csv"
    done = threading.Event()

    def write_slowly() -> None:
        with target.open("w") as handle:
            handle.write(header)
            for start in range(0, len(lines), 50):
                handle.writelines(lines[start : start + 50])
                handle.flush()
                time.sleep(0.3)  # pauses shorter than the settle time, as a slow export makes
        done.set()

    writer = threading.Thread(target=write_slowly)
    writer.start()
    results = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (done.is_set() and results):
        results += job()
        time.sleep(0.1)
    writer.join()
    assert [r.outcome for r in results] == ["ingested"]
    store = open_store(tmp_path / "store.db")
    [snapshot] = store.list_snapshots()
    assert (snapshot.rows_read, snapshot.rows_accepted) == (400, 400)
    store.close()


def test_as_at_from_the_file_name_or_its_time(tmp_path: Path) -> None:
    named = tmp_path / "lcs-missing-2019-07-18_0930.csv"
    named.write_text("x")
    assert as_at_for(named, "%Y-%m-%d_%H%M") == dt.datetime(2019, 7, 18, 9, 30)
    plain = tmp_path / "export.csv"
    plain.write_text("x")
    stamp = dt.datetime(2019, 7, 19, 8, 15).timestamp()
    os.utime(plain, (stamp, stamp))
    assert as_at_for(plain, "%Y-%m-%d_%H%M") == dt.datetime(2019, 7, 19, 8, 15)
    assert format_pattern("%Y-%m-%d_%H%M").pattern == r"\d{4}\-\d{2}\-\d{2}_\d{2}\d{2}"


def test_one_bad_file_never_stops_the_drop_folder(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    """Issue 10, case 2: a headerless file and a 9999-12-31 end made every pass fail; later files waited for ever."""
    slack.channels.add(ALERTS)
    job = job_for(tmp_path, config, settings)
    inbox = tmp_path / "inbox"
    headerless = inbox / "a-2019-07-18_0800.csv"
    headerless.write_text(",".join(episode(child_id="CH-4410023").values()) + "\n")
    # One row in 21 rejected: under the 5% that would refuse the file (issue 21).
    rows = [*[episode() for _ in range(20)], episode(missing_end="9999-12-31 23:59")]
    write_csv(inbox / "b-2019-07-18_0900.csv", numbered(rows))
    for name in ("a-2019-07-18_0800.csv", "b-2019-07-18_0900.csv"):
        stamp = (inbox / name).stat().st_mtime - 60
        os.utime(inbox / name, (stamp, stamp))
    results = job()
    assert sorted((r.file_name, r.outcome) for r in results) == [
        ("a-2019-07-18_0800.csv", "refused"),
        ("b-2019-07-18_0900.csv", "ingested"),
    ]
    write_csv(inbox / "d-2019-07-19_0900.csv", numbered([episode()]))
    assert [(r.file_name, r.outcome) for r in job()] == [("d-2019-07-19_0900.csv", "ingested")]
    assert job() == []
    texts = sorted(m["text"] for m in slack.messages)
    assert texts == [
        "Refused a-2019-07-18_0800.csv: a-2019-07-18_0800.csv: the first row has 14 cells and none is a column name "
        "the extract needs; is the header row missing? Export the extract with its header row, or map your header "
        "names under [columns] in the config. It is in rejected/ beside a note of why.",
    ]
    assert "CH-4410023" not in (inbox / "rejected" / "a-2019-07-18_0800.csv.reason.txt").read_text()
    store = open_store(tmp_path / "store.db")
    first, second = store.list_snapshots()
    assert (first.rows_accepted, first.rows_rejected, first.first_month, first.last_month) == (
        20,
        1,
        "2019-06",
        "2019-06",
    )
    assert second.rows_accepted == 1
    store.close()


def test_store_and_set_aside_files_are_owner_only(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    """Issue 10, case 6: the store (with its -wal and -shm), archived and rejected files were world-readable."""
    os.umask(0o022)
    job = job_for(tmp_path, config, settings)
    inbox = tmp_path / "inbox"
    write_csv(inbox / "good-2019-07-18_0900.csv", numbered([episode()]))
    (inbox / "bad-2019-07-18_0900.csv").write_text("just,some,text\n1,2,3\n")
    job()
    store = open_store(tmp_path / "store.db")  # held open, so -wal and -shm exist
    store.list_snapshots()
    modes = {
        path.relative_to(tmp_path).as_posix(): oct(path.stat().st_mode & 0o777)
        for path in [*tmp_path.glob("store.db*"), *inbox.rglob("*")]
    }
    store.close()
    assert modes == {
        "store.db": "0o600",
        "store.db-wal": "0o600",
        "store.db-shm": "0o600",
        "store.db.ingest-lock": "0o600",
        "inbox/archive": "0o700",
        "inbox/rejected": "0o700",
        "inbox/archive/good-2019-07-18_0900.csv": "0o600",
        "inbox/rejected/bad-2019-07-18_0900.csv": "0o600",
        "inbox/rejected/bad-2019-07-18_0900.csv.reason.txt": "0o600",
    }


def test_new_store_folder_is_owner_only(tmp_path: Path) -> None:
    os.umask(0o022)
    open_store(tmp_path / "data" / "store.db").close()
    assert oct((tmp_path / "data").stat().st_mode & 0o777) == "0o700"
