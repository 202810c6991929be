"""Keys seen in the last few minutes, remembered across processes: a small SQLite file of their own.

`serve` answers on several processes at once, each taking requests from the one listening socket, so a
request replayed to a second process must be refused as the first would refuse it: the signatures of the
requests answered are remembered here, where every process sees them. Each check is one short write
(no fsync: the file matters only while serve runs, and is deleted when it stops). It holds signatures of
requests, nothing of what they asked.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from digest.contract.privacy import make_private_file

BUSY_TIMEOUT_SECONDS = 5  # another process's check takes microseconds; this long means something is wrong
FORGET_EVERY_SECONDS = 60  # how often a process deletes keys older than the window


class RecentKeys:
    """first_time(key, now): whether key was not seen in the window before now, remembering it if so."""

    def __init__(self, path: Path, window_seconds: float) -> None:
        self.path = path
        self.window_seconds = window_seconds
        self._local = threading.local()  # a connection per thread, and per process (one made before a fork stays)
        self._forgotten_at = 0.0

    def first_time(self, key: str, now: float) -> bool:
        conn = self._connection()
        if now - self._forgotten_at > FORGET_EVERY_SECONDS:
            conn.execute("DELETE FROM recent_keys WHERE seen_at < ?", [now - self.window_seconds])
            self._forgotten_at = now
        return conn.execute("INSERT OR IGNORE INTO recent_keys VALUES (?, ?)", [key, now]).rowcount == 1

    def _connection(self) -> sqlite3.Connection:
        if getattr(self._local, "pid", None) != os.getpid():
            make_private_file(self.path)
            opened = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            opened.execute("PRAGMA journal_mode=wal")
            opened.execute("PRAGMA synchronous=off")
            opened.execute(
                "CREATE TABLE IF NOT EXISTS recent_keys (key TEXT PRIMARY KEY, seen_at REAL NOT NULL) WITHOUT ROWID"
            )
            self._local.conn, self._local.pid = opened, os.getpid()
        conn: sqlite3.Connection = self._local.conn
        return conn
