"""`missing-report backup`: the store copied whole and consistent by SQLite's online backup, even while another
connection holds uncommitted work and the write-ahead log has not been folded in; owner-only; never over a file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from digest.store.snapshots import open_store
from tests.cli_runner import run_cli


def test_backup_copies_the_whole_store_while_it_is_in_use(reference_db: Path, tmp_path: Path) -> None:
    store = open_store(reference_db)  # open, as serve keeps it: recent writes may sit in the -wal file
    store.db.execute("CREATE TABLE scratch (n INTEGER)")
    store.db.execute("INSERT INTO scratch VALUES (1)")
    store.db.execute("BEGIN")
    store.db.execute("INSERT INTO scratch VALUES (2)")  # not committed: not in the backup
    try:
        result = run_cli("--db", str(reference_db), "backup", "backups/store.db", cwd=tmp_path)
    finally:
        store.db.execute("ROLLBACK")
        store.close()
    assert result.returncode == 0, result.stdout + result.stderr
    backup = tmp_path / "backups" / "store.db"
    assert result.stdout == f"Backed up {reference_db} to backups/store.db (owner-only: it holds child ids).\n"
    assert backup.stat().st_mode & 0o777 == 0o600
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT n FROM scratch").fetchall() == [(1,)]
    copy.close()
    restored = tmp_path / "restored.db"
    shutil.copy(backup, restored)  # restoring: the backup is a whole store, used as it is
    again = open_store(restored)
    assert [s.id for s in again.list_snapshots()] == [1]
    again.close()


def test_backup_never_writes_over_a_file(reference_db: Path, tmp_path: Path) -> None:
    (tmp_path / "old.db").write_text("last week's backup")
    result = run_cli("--db", str(reference_db), "backup", "old.db", cwd=tmp_path)
    assert result.returncode == 1
    assert "old.db exists already: choose a new name, or move the old backup away" in result.stdout + result.stderr
    assert (tmp_path / "old.db").read_text() == "last week's backup"
