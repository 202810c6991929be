"""The data-waits ledger: the data_waits table, one row per due digest's month no snapshot covered, per channel.

A row is made when the alerts channel is told that the month's extract has not arrived, and closed when it is
told that one has; so each is said once, across restarts. Only this module runs the SQL of data waits.
"""

from __future__ import annotations

import datetime as dt

from digest.figures.periods import Month
from digest.store.snapshots import SnapshotStore


def start_data_wait(store: SnapshotStore, month: Month, channel: str) -> bool:
    """Record that channel is told month's data is missing; False when it was recorded before (told already)."""
    cursor = store.db.execute(
        "INSERT OR IGNORE INTO data_waits (month, channel, told_at) VALUES (?, ?, ?)", [month.key, channel, _now()]
    )
    return cursor.rowcount == 1


def list_open_data_waits(store: SnapshotStore, channel: str) -> list[Month]:
    """The months channel was told are waiting for data, and not yet told have arrived, oldest first."""
    rows = store.db.execute(
        "SELECT month FROM data_waits WHERE channel = ? AND arrived_at IS NULL ORDER BY month", [channel]
    ).fetchall()
    return [Month.parse(row[0]) for row in rows]


def end_data_wait(store: SnapshotStore, month: Month, channel: str) -> bool:
    """Record that channel is told month's data has arrived; False when it was recorded before."""
    cursor = store.db.execute(
        "UPDATE data_waits SET arrived_at = ? WHERE month = ? AND channel = ? AND arrived_at IS NULL",
        [_now(), month.key, channel],
    )
    return cursor.rowcount == 1


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
