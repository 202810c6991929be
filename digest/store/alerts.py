"""The alerts ledger and the still-missing counts it is decided from: the alerts and still_missing tables.

An alert row is unique per snapshot, kind and channel, so each is decided once; its state records
whether it was sent, so each is sent once. Only this module runs the SQL of alerts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from digest.figures.still_missing import (
    STILL_MISSING_COLUMNS,
    StillMissing,
    compute_still_missing,
    count_open_started_since,
)
from digest.store.owners import owner_is_gone, this_owner
from digest.store.snapshots import SnapshotInfo, SnapshotStore


class AlertKind(StrEnum):
    RISE = "rise"  # more children missing than at the last extract
    BACK = "back"  # back to the level before the last rise
    REMINDER = "reminder"  # at or above a level for long enough
    NOTICE = "notice"  # a one-line notice, such as a refused file


class AlertState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by an owner process, perhaps sent already
    SENT = "sent"
    FAILED = "failed"  # to be sent at the next attempt


@dataclass(frozen=True)
class AlertRecord:
    id: int
    snapshot_id: int | None  # None for a notice
    previous_snapshot_id: int | None
    kind: AlertKind
    channel: str
    count_before: int | None
    count_after: int
    text: str
    state: AlertState
    owner: str | None
    created_at: str
    attempted_at: str | None
    sent_at: str | None
    message_ref: str | None
    error: str | None


def load_still_missing(store: SnapshotStore, snapshot: SnapshotInfo) -> StillMissing:
    """The open episodes at the snapshot's as-at time: kept in still_missing at ingest (for a snapshot
    stored before that, computed from its episodes once, then kept)."""
    row = store.db.execute(
        "SELECT count, lac, cse, over_24h, over_72h, longest_start FROM still_missing WHERE snapshot_id = ?",
        [snapshot.id],
    ).fetchone()
    if row is None:
        still = compute_still_missing(store.load_episodes(snapshot.id, STILL_MISSING_COLUMNS), snapshot.as_at)
        with store.db.atomic():
            save_still_missing(store, snapshot.id, still)
        return still
    count, lac, cse, over_24h, over_72h, longest = row
    return StillMissing(count, lac, cse, over_24h, over_72h, dt.datetime.fromisoformat(longest) if longest else None)


def save_still_missing(store: SnapshotStore, snapshot_id: int, still: StillMissing) -> None:
    """Keep a snapshot's still-missing counts (a snapshot's are written once: a second write is ignored)."""
    longest = still.longest_start.isoformat() if still.longest_start else None
    store.db.execute(
        "INSERT OR IGNORE INTO still_missing VALUES (?,?,?,?,?,?,?)",
        [snapshot_id, still.count, still.lac, still.cse, still.over_24h, still.over_72h, longest],
    )


def count_started_since(store: SnapshotStore, snapshot: SnapshotInfo, since: dt.datetime) -> int:
    """Of the episodes open at the snapshot, how many began after since."""
    episodes = store.load_episodes(snapshot.id, STILL_MISSING_COLUMNS)
    return count_open_started_since(episodes, snapshot.as_at, since)


def save_alerts(
    store: SnapshotStore,
    snapshot: SnapshotInfo,
    previous: SnapshotInfo,
    channel: str,
    count_after: int,
    decided: list[tuple[AlertKind, int | None, str]],
) -> None:
    """Record decided alerts (kind, count before, text); one already recorded for the snapshot stays as it was."""
    created = _now()
    with store.db.atomic():
        for kind, count_before, text in decided:
            store.db.execute(
                "INSERT OR IGNORE INTO alerts (snapshot_id, previous_snapshot_id, kind, channel, count_before, "
                "count_after, text, state, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [snapshot.id, previous.id, kind, channel, count_before, count_after, text, AlertState.PENDING, created],
            )


def save_notice(store: SnapshotStore, channel: str, text: str) -> None:
    """A notice for the alerts channel, waiting to be sent."""
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO alerts (snapshot_id, kind, channel, count_after, text, state, created_at) "
            "VALUES (NULL, ?, ?, 0, ?, ?, ?)",
            [AlertKind.NOTICE, channel, text, AlertState.PENDING, _now()],
        )


def list_alerts(store: SnapshotStore) -> list[AlertRecord]:
    cursor = store.db.execute("SELECT * FROM alerts ORDER BY id")
    names = [d[0] for d in cursor.description]
    records = []
    for row in cursor.fetchall():
        data = dict(zip(names, row, strict=True))
        records.append(AlertRecord(**{**data, "kind": AlertKind(data["kind"]), "state": AlertState(data["state"])}))
    return records


def claim_alert(store: SnapshotStore, alert: AlertRecord) -> bool:
    """Take the alert for this process: one that is waiting, failed, or left 'sending' by a dead process."""
    if alert.state == AlertState.SENDING and not owner_is_gone(alert.owner):
        return False
    with store.db.atomic():
        cursor = store.db.execute(
            "UPDATE alerts SET state = ?, owner = ?, attempted_at = coalesce(attempted_at, ?) "
            "WHERE id = ? AND state = ? AND coalesce(owner, '') = ?",
            [AlertState.SENDING, this_owner(), _now(), alert.id, alert.state, alert.owner or ""],
        )
    return cursor.rowcount == 1


def finish_alert(
    store: SnapshotStore, alert: AlertRecord, state: AlertState, ref: str | None = None, error: str | None = None
) -> None:
    """Record how sending a claimed alert ended: sent (with the message's reference) or failed (with why)."""
    with store.db.atomic():
        store.db.execute(
            "UPDATE alerts SET state = ?, sent_at = ?, message_ref = ?, error = ? WHERE id = ?",
            [state, _now() if state == AlertState.SENT else None, ref, error, alert.id],
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
