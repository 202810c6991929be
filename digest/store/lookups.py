"""The lookup audit: every question asked of the bot, by whom and where, how it was read, and what came of it.

It lives in its own SQLite file beside the store (store.db -> store-audit.db), so that writing an audit
row never waits for an ingest, which holds the store's write lock for as long as a big extract takes.
Its writes are tiny, so a writer waits at most AUDIT_BUSY_TIMEOUT_SECONDS for another.

A server writes it through an AuditWriter: one thread that commits every row waiting in one transaction.
Each commit is flushed to disk (SQLite's synchronous=FULL, its default), and a lookup's answer goes back
only once its row is committed, so a crash (of the server or the machine) loses no answered lookup; what
the group commit saves is an fsync per lookup, which one at a time held 200 askers in a queue.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from digest.store.database import SchemaSteps, StoreDatabase, connect_private_database
from digest.store.snapshots import SnapshotStore, StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

REFUSED = "refused"  # the asker is not on the access list
REJECTED = "rejected (signature)"  # not a genuine request: bad signature or token, stale or replayed
# Where a question came from: the audit's platform column.
SLACK, TEAMS, TEAMS_WEBHOOK, TERMINAL, WEB = "slack", "teams", "teams webhook", "terminal", "web"
ERROR = "error"
AUDIT_SUFFIX = "-audit"  # store.db -> store-audit.db
AUDIT_BUSY_TIMEOUT_SECONDS = 8  # serve's answering processes take turns, each commit flushed to disk: on a busy
# disk a batch may wait a few of those; still within AUDIT_WAIT_SECONDS, which a lookup waits in all
AUDIT_WAIT_SECONDS = 10  # the longest a lookup waits for its row to be committed before it is reported unwritten
WRITER_IDLE_SECONDS = 1  # the writer thread closes the file and ends after this long with nothing to write

audit_migrations = SchemaSteps("missing-report-audit")


@audit_migrations()
def m001_lookups(db: Database) -> None:
    db.execute(
        "CREATE TABLE lookups (id INTEGER PRIMARY KEY, asked_at TEXT NOT NULL, user_id TEXT NOT NULL, "
        "channel_id TEXT NOT NULL, question TEXT NOT NULL, outcome TEXT NOT NULL, snapshot_id INTEGER, "
        "milliseconds INTEGER, reading TEXT NOT NULL DEFAULT '', platform TEXT NOT NULL DEFAULT 'slack')"
    )


@dataclass(frozen=True)
class Lookup:
    asked_at: str
    user_id: str
    channel_id: str
    question: str  # as typed, each word outside the bot's vocabulary masked; "" for a refused request
    outcome: str  # answered, not understood, no data, refused, rejected (...), error
    snapshot_id: int | None
    milliseconds: int
    reading: str = ""  # how the question was read (figure, period), or why a request was refused
    platform: str = SLACK


class AuditLog:
    """The audit file, open for writing and reading."""

    def __init__(self, db: StoreDatabase) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()


def audit_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.stem + AUDIT_SUFFIX + store_path.suffix)


def open_audit(store_path: Path) -> AuditLog:
    """Open (creating if need be, owner-only) the audit file that belongs to the store at store_path."""
    path = audit_path(store_path)
    try:
        db = connect_private_database(path, AUDIT_BUSY_TIMEOUT_SECONDS, audit_migrations)
    except (OSError, sqlite3.DatabaseError) as err:
        raise StoreError(f"the lookup audit {path} cannot be opened: {err}") from None
    return AuditLog(db)


def save_lookups(audit: AuditLog, lookups: list[Lookup]) -> None:
    """Rows for lookups, all in one transaction."""
    with audit.db.atomic():
        audit.db.conn.executemany(
            "INSERT INTO lookups (asked_at, user_id, channel_id, question, outcome, snapshot_id, milliseconds, "
            "reading, platform) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    lookup.asked_at,
                    lookup.user_id,
                    lookup.channel_id,
                    lookup.question,
                    lookup.outcome,
                    lookup.snapshot_id,
                    lookup.milliseconds,
                    lookup.reading,
                    lookup.platform,
                )
                for lookup in lookups
            ],
        )


@dataclass
class _Waiting:
    lookup: Lookup
    committed: threading.Event = field(default_factory=threading.Event)
    error: Exception | None = None


class AuditWriter:
    """Writes a server's audit rows from one thread: the rows waiting when it is free go in one commit."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self._waiting: list[_Waiting] = []
        self._wake = threading.Condition()
        self._running = False

    def save(self, lookup: Lookup) -> None:
        """Return once lookup's row is committed to disk.

        Raises:
            StoreError: the row could not be written (the audit cannot be opened, or stayed locked).
        """
        waiting = _Waiting(lookup)
        with self._wake:
            self._waiting.append(waiting)
            if not self._running:
                self._running = True
                threading.Thread(target=self._write, name="lookup-audit", daemon=True).start()
            self._wake.notify()
        if not waiting.committed.wait(AUDIT_WAIT_SECONDS):
            raise StoreError(f"the lookup audit was not written within {AUDIT_WAIT_SECONDS} seconds")
        if waiting.error is not None:
            raise StoreError(f"the lookup audit was not written: {waiting.error}")

    def _write(self) -> None:
        audit: AuditLog | None = None
        try:
            while True:
                with self._wake:
                    if not self._waiting:
                        self._wake.wait(WRITER_IDLE_SECONDS)
                    if not self._waiting:
                        self._running = False
                        return
                    batch, self._waiting = self._waiting, []
                error: Exception | None = None
                try:
                    audit = audit or open_audit(self.store_path)
                    save_lookups(audit, [waiting.lookup for waiting in batch])
                except Exception as failure:  # handed to every lookup of the batch, whose service logs it
                    error = failure
                    if audit is not None:
                        audit.close()
                    audit = None  # opened afresh for the next batch
                for waiting in batch:
                    waiting.error = error
                    waiting.committed.set()
        finally:
            if audit is not None:
                audit.close()


def load_lookups(store: SnapshotStore) -> list[Lookup]:
    """The audit of the store's lookups, oldest first."""
    audit = open_audit(store.path)
    try:
        rows = audit.db.execute(
            "SELECT asked_at, user_id, channel_id, question, outcome, snapshot_id, milliseconds, reading, platform "
            "FROM lookups ORDER BY id"
        ).fetchall()
    finally:
        audit.close()
    return [Lookup(*row) for row in rows]


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
