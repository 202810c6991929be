"""Keys seen lately, remembered across processes: a small SQLite file beside the store.

`serve` answers on several processes at once, each taking requests from the same port, so a request
replayed to a second process, or after a restart, must be refused as the first would refuse it: the keys
of the requests answered (Slack's signatures, Teams' activity ids) are remembered here, each until a
replay of it would be refused anyway (its timestamp too old), where every process sees them. Each check
is one short write (no fsync: losing the last few at a power cut only lets a replay through that the
platform's own five minutes have not yet ruled out). It holds those keys, nothing of what was asked.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from digest.contract.privacy import make_private_file
from digest.store.snapshots import StoreError

BUSY_TIMEOUT_SECONDS = 1  # another process's check takes microseconds; this long means something is wrong
FORGET_EVERY_SECONDS = 60  # how often a process deletes the keys no longer needed


def recent_keys_path(store_path: Path) -> Path:
    """The replay memory's file, beside the store (missing-report-recent-requests.db)."""
    return store_path.with_name(f"{store_path.stem}-recent-requests.db")


class RecentKeys:
    """first_time(key, now, until): whether key is not remembered, remembering it until `until` if so.

    One connection per process, taken in turn by its threads (a check takes microseconds): forty answering
    threads with a connection each would wait on one another in SQLite's busy handler, which sleeps.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None  # the process that opened _conn: one opened before a fork is not used after
        self._lock = threading.Lock()
        self._forgotten_at = 0.0

    def prepare(self) -> None:
        """Create the file now (then close it: a connection must not cross a fork), so that a wrong path or
        a read-only folder stops `serve` at start, not each question.

        Raises:
            StoreError: the file cannot be created or written.
        """
        with self._lock:
            self._connection().close()
            self._conn = self._pid = None

    def first_time(self, key: str, now: float, until: float) -> bool:
        """Raises:
        StoreError: the file cannot be written (locked by something else for a second, or gone read-only).
        """
        with self._lock:
            try:
                conn = self._connection()
                if now - self._forgotten_at > FORGET_EVERY_SECONDS:
                    conn.execute("DELETE FROM recent_keys WHERE until < ?", [now])
                    self._forgotten_at = now
                return conn.execute("INSERT OR IGNORE INTO recent_keys VALUES (?, ?)", [key, until]).rowcount == 1
            except sqlite3.Error as err:
                raise StoreError(f"the replay memory {self.path} cannot be written: {err}") from None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            try:
                make_private_file(self.path)
                opened = sqlite3.connect(
                    self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
                )
                opened.execute("PRAGMA journal_mode=wal")
                opened.execute("PRAGMA synchronous=off")
                columns = {row[1] for row in opened.execute("PRAGMA table_info(recent_keys)")}
                if columns and columns != {"key", "until"}:  # another layout: it only ever holds minutes' worth
                    opened.execute("DROP TABLE recent_keys")
                opened.execute(
                    "CREATE TABLE IF NOT EXISTS recent_keys (key TEXT PRIMARY KEY, until REAL NOT NULL) WITHOUT ROWID"
                )
            except (OSError, sqlite3.Error) as err:
                raise StoreError(f"the replay memory {self.path} cannot be opened: {err}") from None
            self._conn, self._pid = opened, os.getpid()
        return self._conn
