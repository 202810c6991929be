"""The snapshot store: atomic writes, duplicates, WAL reads during writes, reopening, recomputing."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from digest.contract.config import Config
from digest.contract.deadlines import parse_deadline_rule
from digest.intake.raw_rows import read_raw_rows
from digest.intake.refresh import refresh_figures
from digest.reporting.profile import StaleFiguresError
from digest.store.schema import migrations
from digest.store.snapshots import SnapshotStore, StoreError, open_store
from tests.conftest import WriteExtract, counts, episode, ingest_rows, numbered, stored_profile


def test_same_file_and_as_at_twice_changes_nothing(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    path = write_extract([episode()])
    first = ingest_rows(store, config, path)
    before = list(store.db.conn.iterdump())
    again = ingest_rows(store, config, path)
    assert (again.duplicate, again.snapshot_id) == (True, first.snapshot_id)
    assert list(store.db.conn.iterdump()) == before
    other_time = ingest_rows(store, config, path, dt.datetime(2019, 7, 19))
    assert (other_time.duplicate, other_time.snapshot_id) == (False, first.snapshot_id + 1)


def test_snapshot_keeps_file_facts(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    path = write_extract(numbered([episode(), episode(), episode(child_id="")]), "june.csv")
    report = ingest_rows(store, config, path, dt.datetime(2019, 7, 18, 9, 15))
    [info] = store.list_snapshots()
    assert (info.id, info.as_at, info.file_name, info.rows_read, info.rows_accepted, info.rows_rejected) == (
        report.snapshot_id,
        dt.datetime(2019, 7, 18, 9, 15),
        "june.csv",
        3,
        2,
        1,
    )
    assert info.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert store.count_rows("episode_blocks", info.id) == 1
    assert [row for row, _ in read_raw_rows(store, info.id)] == [2, 3, 4]
    episodes = store.load_episodes(info.id)
    assert list(episodes["episode_id"]) == ["E1", "E2"]
    assert str(episodes["missing_start"][0]) == "2019-06-10 10:00:00"


@pytest.mark.parametrize(
    ("table", "when"),
    [
        ("episode_blocks", "1"),  # after the snapshot, the file and the rows' checks, at the episodes
        ("original_file_blocks", "NEW.snapshot_id > 1"),  # the file, kept on a second thread as rows are checked
        ("still_missing", "1"),  # the last of it: the still-missing counts
    ],
)
def test_failure_mid_write_leaves_store_as_it_was(
    store: SnapshotStore, config: Config, write_extract: WriteExtract, table: str, when: str
) -> None:
    ingest_rows(store, config, write_extract([episode()], "first.csv"))
    # A real SQLite failure part-way through the write.
    store.db.execute(
        f"CREATE TRIGGER boom BEFORE INSERT ON {table} WHEN {when} BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    before = list(store.db.conn.iterdump())
    rows = numbered([episode(), episode(episode_id="BOOM")])
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        ingest_rows(store, config, write_extract(rows, "second.csv"))
    assert list(store.db.conn.iterdump()) == before
    assert [s.file_name for s in store.list_snapshots()] == ["first.csv"]


@pytest.mark.slow
def test_killed_ingest_leaves_no_partial_snapshot(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    extract = tmp_path / "big.csv"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "demo-data", "--out", str(extract), "--episodes", "60000"],
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "ingest", str(extract), "--as-at", "2019-07-18 09:00"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Wait until the write is under way (the write-ahead log is growing), then kill it outright.
    wal = db.with_name(db.name + "-wal")
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the ingest finished before it could be killed; make the extract bigger"
    process.kill()
    assert process.wait() == -9
    store = open_store(db)
    try:
        for snapshot in store.list_snapshots():  # either the whole snapshot is there, or none of it
            assert store.count_rows("original_file_blocks", snapshot.id) > 0
            assert len(store.load_episodes(snapshot.id)) == snapshot.rows_accepted
        orphans = store.db.execute(
            "SELECT count(*) FROM original_file_blocks WHERE snapshot_id NOT IN (SELECT id FROM snapshots)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        store.close()


def test_store_is_wal_and_readable_during_a_write(tmp_path: Path, config: Config, write_extract: WriteExtract) -> None:
    store = open_store(tmp_path / "s.db")
    ingest_rows(store, config, write_extract([episode()]))
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reader = open_store(tmp_path / "s.db")
    store.db.execute("BEGIN IMMEDIATE")
    store.db.execute("DELETE FROM indicator_values")
    started = time.monotonic()
    assert counts(stored_profile(reader, config, 1), "episodes.all")["2019-06"] == 1
    assert time.monotonic() - started < 5  # did not wait for the writer
    store.db.execute("ROLLBACK")
    reader.close()
    store.close()


def test_reopening_keeps_data_and_applies_migrations_once(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    store = open_store(tmp_path / "s.db")
    ingest_rows(store, config, write_extract([episode()]))
    store.close()
    again = open_store(tmp_path / "s.db")
    names = [r[0] for r in again.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id").fetchall()]
    assert names == [
        "m001_snapshots",
        "m002_digest_runs",
        "m003_lookups",
        "m004_alerts",
        "m005_pruning",
        "m006_original_files",
        "m007_comments",
        "m008_reviews",
        "m009_published_figures",
        "m010_old_lookup_questions",
        "m011_compressed_episodes",
        "m012_snapshot_source",
        "m013_data_waits",
    ]
    assert len(again.list_snapshots()) == 1
    again.close()


def test_newer_version_opens_an_older_store(tmp_path: Path, config: Config, write_extract: WriteExtract) -> None:
    # A store as the first version left it: only the first migration applied, with a snapshot in it.
    old = Database(sqlite3.connect(tmp_path / "old.db"))
    migrations.as_migrations().apply(old, stop_before="m002_digest_runs")
    assert not old.table("digest_runs").exists()
    old.close()
    store = open_store(tmp_path / "old.db")
    ingest_rows(store, config, write_extract([episode()]))
    store.close()
    store = open_store(tmp_path / "old.db")
    assert store.db.has_table("digest_runs")
    assert [s.rows_read for s in store.list_snapshots()] == [1]
    store.close()
    # Before the new steps ran, the store as it was was copied beside it (SQLite's online backup): once.
    [backup] = [f for f in tmp_path.iterdir() if f.name.startswith("old.db.before-upgrade-")]
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT name FROM _sqlite_migrations").fetchall() == [("m001_snapshots",)]
    assert copy.execute("SELECT count(*) FROM snapshots").fetchone() == (0,)
    copy.close()


def test_questions_typed_into_an_old_stores_own_lookups_table_are_not_kept(tmp_path: Path) -> None:
    """Before the audit had its own file and masked unknown words, the store kept each question as typed."""
    old = Database(sqlite3.connect(tmp_path / "old.db"))
    migrations.as_migrations().apply(old, stop_before="m010_old_lookup_questions")
    old.execute(
        "INSERT INTO lookups (asked_at, user_id, channel_id, question, outcome) "
        "VALUES ('2019-07-20T09:00:00', 'U0A', 'C0A', 'episodes for Jane Doe', 'not understood')"
    )
    old.conn.commit()
    old.close()
    store = open_store(tmp_path / "old.db")
    rows = store.db.execute("SELECT user_id, channel_id, question, outcome FROM lookups").fetchall()
    store.close()
    assert rows == [("U0A", "C0A", "", "not understood")]
    # Only the copy of the store as it was before the upgrade (owner-only, to go back with) still holds them.
    [backup] = [f for f in tmp_path.iterdir() if b"Jane Doe" in f.read_bytes()]
    assert backup.name.startswith("old.db.before-upgrade-")
    assert backup.stat().st_mode & 0o777 == 0o600


def test_store_that_is_not_sqlite_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_text("hello, this is not a database" * 100)
    before = path.read_bytes(), path.stat().st_mode
    with pytest.raises(StoreError) as refused:
        open_store(path)
    assert str(refused.value) == (
        f"{path} is not a SQLite database, not a missing-report store; it was left as it was. "
        "Check the path (--db or MISSING_REPORT_DB)"
    )
    assert (path.read_bytes(), path.stat().st_mode) == before


def test_no_snapshot_yet_and_unknown_snapshot(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    with pytest.raises(StoreError, match="has no snapshots yet; ingest an extract first"):
        store.get_snapshot()
    ingest_rows(store, config, write_extract([episode()]))
    with pytest.raises(StoreError, match=r"there is no snapshot 7 in .*; snapshots there: 1"):
        store.get_snapshot(7)


def test_changed_rhi_rule_is_a_refresh_step_not_a_write_on_read(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    # Returned Friday 16:00, interviewed Tuesday: in time in 3 working days, late after 72 hours.
    rows = [episode(missing_start="2019-06-07 10:00", missing_end="2019-06-07 16:00", rhi_completed="2019-06-11")]
    report = ingest_rows(store, config, write_extract(rows))
    assert counts(stored_profile(store, config, report.snapshot_id), "rhi.completed_in_time")["2019-06"] == 1
    hours = replace(config, rhi_deadline=parse_deadline_rule("72 hours"))
    before = store.db.execute("SELECT count(*), total(count) FROM indicator_values").fetchone()
    with pytest.raises(StaleFiguresError, match="run `missing-report refresh` to recompute them"):
        stored_profile(store, hours, report.snapshot_id)
    assert store.db.execute("SELECT count(*), total(count) FROM indicator_values").fetchone() == before
    assert refresh_figures(store, hours) == [report.snapshot_id]
    assert refresh_figures(store, hours) == []
    assert counts(stored_profile(store, hours, report.snapshot_id), "rhi.completed_in_time")["2019-06"] == 0
    assert refresh_figures(store, config) == [report.snapshot_id]
    assert counts(stored_profile(store, config, report.snapshot_id), "rhi.completed_in_time")["2019-06"] == 1


def test_snapshot_with_no_accepted_episode_still_profiles_its_year(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    report = ingest_rows(store, config, write_extract([episode(child_id="")]))
    assert report.rows_accepted == 0
    profile = stored_profile(store, config, report.snapshot_id, "2019-06")
    # No episode at all: the months before the as-at month have no data, not 0 (spec, "Months with no data").
    assert counts(profile, "episodes.all") == {"2019-04": None, "2019-05": None, "2019-06": None, "ytd": None}
    assert profile.snapshot.rows_rejected == 1


def test_delete_snapshot_removes_all_of_it(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    keep = ingest_rows(store, config, write_extract([episode()], "keep.csv")).snapshot_id
    drop = ingest_rows(
        store, config, write_extract(numbered([episode(), episode(child_id="")]), "drop.csv")
    ).snapshot_id
    store.delete_snapshot(drop)
    assert [s.id for s in store.list_snapshots()] == [keep]
    for table in ("original_file_blocks", "episode_blocks", "rejected_rows", "indicator_values"):
        assert store.count_rows(table, drop) == 0
        assert store.count_rows(table, keep) > 0 or table == "rejected_rows"


def test_a_new_store_is_private_to_its_owner(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.db") as opened:
        opened.db.execute("CREATE TABLE probe (x)")  # a write, so the WAL file exists too
        files = [p for p in tmp_path.iterdir() if p.name.startswith("new.db")]
        assert {p.name for p in files} >= {"new.db", "new.db-wal"}
        assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
