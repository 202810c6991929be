"""The lookup audit: every question asked of the bot, by whom and where, how it was read, and what came of it.

It lives in its own SQLite file beside the store (store.db -> store-audit.db), so that writing an audit
row never waits for an ingest, which holds the store's write lock for as long as a big extract takes.
Its writes are tiny, so a writer waits at most AUDIT_BUSY_TIMEOUT_SECONDS for another.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest.store.database import SchemaSteps, StoreDatabase, connect_private_database
from digest.store.snapshots import SnapshotStore, StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

REFUSED = "refused"  # the asker is not on the access list
REJECTED = "rejected (signature)"  # not a genuine request: bad signature or token, stale or replayed
# Where a question came from: the audit's platform column.
SLACK, TEAMS, TEAMS_WEBHOOK, TERMINAL = "slack", "teams", "teams webhook", "terminal"
ERROR = "error"
AUDIT_SUFFIX = "-audit"  # store.db -> store-audit.db
AUDIT_BUSY_TIMEOUT_SECONDS = 2  # audit rows are tiny: a writer never waits long for another

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


def save_lookup(audit: AuditLog, lookup: Lookup) -> None:
    with audit.db.atomic():
        audit.db.execute(
            "INSERT INTO lookups (asked_at, user_id, channel_id, question, outcome, snapshot_id, milliseconds, "
            "reading, platform) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                lookup.asked_at,
                lookup.user_id,
                lookup.channel_id,
                lookup.question,
                lookup.outcome,
                lookup.snapshot_id,
                lookup.milliseconds,
                lookup.reading,
                lookup.platform,
            ],
        )


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
