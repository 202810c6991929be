"""Telling the alerts channel that a due digest has no data, and again when its data arrives.

A digest falls due for a month; when the latest snapshot does not cover that month (no extract since), the
digest cannot be made and would fail at every retry. The channel is told once that the month's extract has not
arrived, and once that it has; the data_waits ledger (digest.store.data_waits) holds what was told, so a
restart repeats neither. Aggregates only: a month, a snapshot's number and its as-at time.
"""

from __future__ import annotations

from digest.figures.periods import Month
from digest.store.alerts import save_notice
from digest.store.data_waits import end_data_wait, list_open_data_waits, start_data_wait
from digest.store.snapshots import SnapshotInfo, SnapshotStore, StoreError, covers_month


def describe_latest(snapshot: SnapshotInfo | None) -> str:
    if snapshot is None:
        return "the store holds no snapshot yet"
    return f"the latest snapshot is as at {snapshot.as_at:%d/%m/%Y %H:%M}"


def describe_data_missing(month: Month, snapshot: SnapshotInfo | None) -> str:
    return (
        f"The {month.name} digest is due, but no extract covers {month.name}: {describe_latest(snapshot)}. "
        "Put this month's extract in the inbox folder (or run missing-report ingest); the digest goes out once "
        "it is in."
    )


def describe_data_arrived(month: Month, snapshot: SnapshotInfo) -> str:
    return (
        f"An extract covering {month.name} has arrived (snapshot {snapshot.id}, as at "
        f"{snapshot.as_at:%d/%m/%Y %H:%M}): the {month.name} digest goes out at its next try."
    )


def load_latest_snapshot(store: SnapshotStore) -> SnapshotInfo | None:
    try:
        return store.get_snapshot()
    except StoreError:  # no snapshot yet
        return None


def decide_data_notices(store: SnapshotStore, due: Month, channel: str) -> list[str]:
    """Notices for channel: that the due month has no data (once), and that data has arrived for each month it
    was told of (once). Returns the notices recorded now; they are sent like alerts (digest.store.alerts)."""
    snapshot = load_latest_snapshot(store)
    told = []
    with store.db.atomic():
        if (snapshot is None or not covers_month(snapshot, due.index)) and start_data_wait(store, due, channel):
            told.append(describe_data_missing(due, snapshot))
        if snapshot is not None:
            for waiting in list_open_data_waits(store, channel):
                if covers_month(snapshot, waiting.index) and end_data_wait(store, waiting, channel):
                    told.append(describe_data_arrived(waiting, snapshot))
        for text in told:
            save_notice(store, channel, text)
    return told
