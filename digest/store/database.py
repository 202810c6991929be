"""An open SQLite file of the store: a plain sqlite3 connection, with transactions and schema steps.

sqlite-utils imports pandas and numpy whenever they are installed (about half a second), so a command
that only reads (`ask`, `profile`, `snapshots`) must not import it. The connection here is plain
sqlite3 in autocommit mode, with sqlite-utils' transaction shape (atomic: BEGIN/COMMIT, savepoints when
nested); sqlite-utils itself is imported only to apply schema steps a file does not have yet, which
happens once per file, on first open after an upgrade.

A file is opened only if it is one of this program's own (issue 21): a database it creates carries its
schema's mark in SQLite's application_id header field; one made by an earlier version has no mark but holds
the schema's own record of steps applied, and is marked when next opened. Anything else (another
application's SQLite file, a text file, an empty file) is refused before it is changed in any way: not
written, not given another mode.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.contract.privacy import narrow_to_owner

if TYPE_CHECKING:
    from sqlite_utils import Database as UtilsDatabase

MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the steps applied to a file
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
SQLITE_HEADER_BYTES = 100
APPLICATION_ID_AT = 68  # where the 4-byte big-endian application_id stands in the header


class NotOwnDatabase(Exception):
    """A file that is not one of this schema's databases; the message says what it is instead."""


class NoDatabase(Exception):
    """No file where a database should be, and none may be created."""


@dataclass
class SchemaSteps:
    """A named, ordered list of schema steps (sqlite-utils migrations), registered without importing it."""

    name: str
    steps: list[Callable[[UtilsDatabase], None]] = field(default_factory=list)

    @property
    def application_id(self) -> int:
        """The mark a database of these steps carries in its header: a positive 31-bit number from the name."""
        return zlib.crc32(self.name.encode()) & 0x7FFFFFFF or 1

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


def database_files(path: Path) -> list[Path]:
    """The files a SQLite database in write-ahead-log mode may have on disk: itself, its -wal and its -shm."""
    return [path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")]


def connect_private_database(
    path: Path, busy_timeout_seconds: float, steps: SchemaSteps, create: bool = True
) -> StoreDatabase:
    """Connect to an owner-only SQLite file of steps' schema in WAL mode and bring the schema up to date.

    A missing file is created (owner-only, marked) if create, else refused.

    Raises:
        NoDatabase: there is no file at path, and create is False.
        NotOwnDatabase: the file is not a database of this schema; it is left exactly as it was.
    """
    if not (path.exists() or path.is_symlink()):
        if not create:
            raise NoDatabase(str(path))
        _create_marked_database(path, steps)
    check_own_database(path, steps)
    narrow_to_owner(path)  # ours: take others' access away (SQLite gives the -wal and -shm files its mode)
    conn = sqlite3.connect(str(path), timeout=busy_timeout_seconds, check_same_thread=False, isolation_level=None)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != steps.application_id:
            conn.execute(f"PRAGMA application_id = {steps.application_id}")  # one made by an earlier version
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=wal")
        steps.apply(conn)
    except BaseException:
        conn.close()
        raise
    return StoreDatabase(conn)


def _create_marked_database(path: Path, steps: SchemaSteps) -> None:
    """Make an empty database at path, owner-only and already marked, all at once: it is made beside it and
    linked into place, so that a second process opening the path at the same moment never sees a file that
    is not yet marked (and a file made there meanwhile by anyone else is left alone)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")  # mode 0600
    os.close(handle)
    try:
        made = sqlite3.connect(temporary)
        try:
            made.execute(f"PRAGMA application_id = {steps.application_id}")
            made.commit()
        finally:
            made.close()
        with contextlib.suppress(FileExistsError):  # another process made it first: that one is used
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def check_own_database(path: Path, steps: SchemaSteps) -> None:
    """Refuse a file that is not a database of steps' schema, without changing it.

    Raises:
        NotOwnDatabase: saying what the file is instead.
    """
    if not path.is_file():
        raise NotOwnDatabase("is not a file")
    with path.open("rb") as handle:
        header = handle.read(SQLITE_HEADER_BYTES)
    if not header:
        raise NotOwnDatabase("is an empty file, not a database")
    if len(header) < SQLITE_HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise NotOwnDatabase("is not a SQLite database")
    marked = int.from_bytes(header[APPLICATION_ID_AT : APPLICATION_ID_AT + 4], "big")
    if marked == steps.application_id:
        return
    if marked:
        raise NotOwnDatabase("is another application's SQLite database")
    # No mark in the file's header: made by an earlier version (its record of steps says so), or marked in
    # a write-ahead log not yet copied into the file. Read without writing to tell.
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise NotOwnDatabase("cannot be read as a SQLite database") from None
    try:
        if probe.execute("PRAGMA application_id").fetchone()[0] == steps.application_id:
            return
        recorded = probe.execute(
            f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE migration_set = ? LIMIT 1", [steps.name]
        ).fetchone()
    except sqlite3.Error:
        recorded = None
    finally:
        probe.close()
    if recorded is None:
        raise NotOwnDatabase("is another application's SQLite database")
