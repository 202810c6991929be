"""An open SQLite file of the store: a plain sqlite3 connection, with transactions and schema steps.

sqlite-utils imports pandas and numpy whenever they are installed (about half a second), so a command
that only reads (`ask`, `profile`, `snapshots`) must not import it. The connection here is plain
sqlite3 in autocommit mode, with sqlite-utils' transaction shape (atomic: BEGIN/COMMIT, savepoints when
nested); sqlite-utils itself is imported only to apply schema steps a file does not have yet, which
happens once per file, on first open after an upgrade.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.contract.privacy import make_private_file

if TYPE_CHECKING:
    from sqlite_utils import Database as UtilsDatabase

MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the steps applied to a file


@dataclass
class SchemaSteps:
    """A named, ordered list of schema steps (sqlite-utils migrations), registered without importing it."""

    name: str
    steps: list[Callable[[UtilsDatabase], None]] = field(default_factory=list)

    def __call__(self) -> Callable[[Callable[[UtilsDatabase], None]], Callable[[UtilsDatabase], None]]:
        def register(step: Callable[[UtilsDatabase], None]) -> Callable[[UtilsDatabase], None]:
            self.steps.append(step)
            return step

        return register

    def as_migrations(self) -> Any:
        """The steps as a sqlite_utils Migrations set (imports sqlite-utils, and with it pandas)."""
        from sqlite_utils.migrations import Migrations

        migrations = Migrations(self.name)
        for step in self.steps:
            migrations(name=step.__name__)(step)
        return migrations

    def apply(self, conn: sqlite3.Connection) -> None:
        """Bring the file's schema up to date; a file already up to date costs one query."""
        try:
            applied = {
                row[0]
                for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [self.name])
            }
        except sqlite3.OperationalError:  # a new file: no record yet
            applied = set()
        if all(step.__name__ in applied for step in self.steps):
            return
        if applied:  # an older store, about to be changed: a copy of it first, for going back
            self.save_upgrade_backup(conn)
        from sqlite_utils import Database

        self.as_migrations().apply(Database(conn))

    @staticmethod
    def save_upgrade_backup(conn: sqlite3.Connection) -> None:
        """The file as it was, beside it (SQLite's online backup), before an upgrade's steps change it."""
        import datetime as dt

        from digest.store.backups import name_upgrade_backup, save_backup

        path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
        save_backup(conn, name_upgrade_backup(path, dt.datetime.now(dt.UTC)))


class StoreDatabase:
    """A connection in autocommit mode: each statement commits alone unless inside atomic()."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or [])

    @contextlib.contextmanager
    def atomic(self) -> Iterator[StoreDatabase]:
        """A transaction: all of it is kept or none. Nested blocks are savepoints."""
        if self.conn.in_transaction:
            savepoint = f"nested_{uuid.uuid4().hex}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone()
        return row is not None

    def close(self) -> None:
        self.conn.close()


def connect_private_database(path: Path, busy_timeout_seconds: float, steps: SchemaSteps) -> StoreDatabase:
    """Connect to an owner-only SQLite file in WAL mode and bring its schema up to date with steps."""
    # SQLite gives the -wal and -shm files the database's own mode, so they are owner-only too.
    make_private_file(path)
    conn = sqlite3.connect(str(path), timeout=busy_timeout_seconds, check_same_thread=False, isolation_level=None)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode=wal")
    steps.apply(conn)
    return StoreDatabase(conn)
