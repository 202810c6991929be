"""Still-missing alerts: how many children are missing at each snapshot, and when that warrants telling.

After each new snapshot, the count of episodes open at its as-at time is compared with the snapshot
before (by as-at time). A rise of at least the configured step raises one "rise" alert; optionally a
fall back to the level before the last rise raises one "back" alert; a count at or above a level
for long enough raises a "reminder". Alerts are rows in the store's alerts table, unique per
snapshot, kind and channel, so each is decided once and sent once. Aggregates only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digest.store.snapshots import SnapshotInfo, SnapshotStore

RISE, BACK, REMINDER, NOTICE = "rise", "back", "reminder", "notice"
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
HOUR = dt.timedelta(hours=1)
REMINDER_LOOK_BACK_SNAPSHOTS = 200  # how far back "at or above the level since" is traced


@dataclass(frozen=True)
class StillMissing:
    """Episodes open at a snapshot's as-at time."""

    count: int
    lac: int
    cse: int
    over_24h: int
    over_72h: int
    longest_start: dt.datetime | None  # when the longest-missing of them went missing


@dataclass(frozen=True)
class AlertRules:
    rise_step: int = 1
    back_to_earlier_level: bool = True
    reminder_level: int = 0  # 0: no reminders
    reminder_hours: int = 24


@dataclass(frozen=True)
class AlertRecord:
    id: int
    snapshot_id: int | None  # None for a notice
    previous_snapshot_id: int | None
    kind: str
    channel: str
    count_before: int | None
    count_after: int
    text: str
    state: str
    owner: str | None
    created_at: str
    attempted_at: str | None
    sent_at: str | None
    message_ref: str | None
    error: str | None


def load_still_missing(store: SnapshotStore, snapshot: SnapshotInfo) -> StillMissing:
    """The open episodes at the snapshot's as-at time (computed once, then kept in still_missing)."""
    row = store.db.execute(
        "SELECT count, lac, cse, over_24h, over_72h, longest_start FROM still_missing WHERE snapshot_id = ?",
        [snapshot.id],
    ).fetchone()
    if row is None:
        as_at = snapshot.as_at
        row = store.db.execute(
            "SELECT count(*), coalesce(sum(care_status = 'lac'), 0), "
            "coalesce(sum(cse_risk IN ('medium', 'high')), 0), coalesce(sum(missing_start <= ?), 0), "
            "coalesce(sum(missing_start <= ?), 0), min(missing_start) FROM episodes "
            "WHERE snapshot_id = ? AND missing_start <= ? AND (missing_end IS NULL OR missing_end > ?)",
            [
                (as_at - 24 * HOUR).isoformat(),
                (as_at - 72 * HOUR).isoformat(),
                snapshot.id,
                as_at.isoformat(),
                as_at.isoformat(),
            ],
        ).fetchone()
        with store.db.atomic():
            store.db.execute("INSERT OR IGNORE INTO still_missing VALUES (?,?,?,?,?,?,?)", [snapshot.id, *row])
    count, lac, cse, over_24h, over_72h, longest = row
    return StillMissing(count, lac, cse, over_24h, over_72h, dt.datetime.fromisoformat(longest) if longest else None)


def count_started_since(store: SnapshotStore, snapshot: SnapshotInfo, since: dt.datetime) -> int:
    """Of the episodes open at the snapshot, how many began after since."""
    return int(
        store.db.execute(
            "SELECT count(*) FROM episodes WHERE snapshot_id = ? AND missing_start > ? AND missing_start <= ? "
            "AND (missing_end IS NULL OR missing_end > ?)",
            [snapshot.id, since.isoformat(), snapshot.as_at.isoformat(), snapshot.as_at.isoformat()],
        ).fetchone()[0]
    )


def previous_snapshot(store: SnapshotStore, snapshot: SnapshotInfo) -> SnapshotInfo | None:
    """The snapshot before this one by as-at time."""
    earlier = [s for s in store.list_snapshots() if s.as_at < snapshot.as_at]
    return max(earlier, key=lambda s: (s.as_at, s.id)) if earlier else None


def describe_duration(delta: dt.timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} hour{'s' if hours != 1 else ''}"
    return f"{hours} hour{'s' if hours != 1 else ''}"


def _when(moment: dt.datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def render_rise(
    now: StillMissing, before: StillMissing, snapshot: SnapshotInfo, previous: SnapshotInfo, started_since: int
) -> str:
    longest = describe_duration(snapshot.as_at - now.longest_start) if now.longest_start else "n/a"
    return (
        f"More children missing: {now.count} now, up from {before.count} at the last extract "
        f"({_when(previous.as_at)} to {_when(snapshot.as_at)}). Of the {now.count}: {now.lac} LAC, {now.cse} at "
        f"CSE risk (medium/high); {now.over_24h} missing over 24 hours, {now.over_72h} over 72 hours; the longest "
        f"missing for {longest}. {started_since} went missing since the last extract."
    )


def render_back(now: StillMissing, before: StillMissing, earlier_level: int, snapshot: SnapshotInfo) -> str:
    return (
        f"Children missing are back to the earlier level: {now.count} now (as at {_when(snapshot.as_at)}), down from "
        f"{before.count} at the last extract; the level before the rise was {earlier_level}."
    )


def render_reminder(now: StillMissing, level: int, since: dt.datetime, snapshot: SnapshotInfo) -> str:
    return (
        f"Still {now.count} children missing as at {_when(snapshot.as_at)}: at or above {level} since "
        f"{_when(since)} ({describe_duration(snapshot.as_at - since)}). {now.over_72h} "
        f"{'has' if now.over_72h == 1 else 'have'} been missing over 72 hours."
    )


def decide_alerts(store: SnapshotStore, snapshot: SnapshotInfo, rules: AlertRules, channel: str) -> list[AlertRecord]:
    """Record the alerts this snapshot warrants (once; deciding again changes nothing) and return them."""
    latest = store.get_snapshot()
    previous = previous_snapshot(store, snapshot)
    if snapshot.id != latest.id or previous is None:
        return []  # an older extract ingested late says nothing about now; the first has nothing to compare
    now, before = load_still_missing(store, snapshot), load_still_missing(store, previous)
    decided: list[tuple[str, int | None, str]] = []
    if now.count - before.count >= rules.rise_step:
        started = count_started_since(store, snapshot, previous.as_at)
        decided.append((RISE, before.count, render_rise(now, before, snapshot, previous, started)))
    elif rules.back_to_earlier_level and now.count < before.count:
        # Back to (or below) the level before the last rise, said once per rise.
        rise = _last_alert(store, RISE, channel, before_snapshot=snapshot)
        level = rise.count_before if rise is not None else None
        said = rise is not None and _last_alert(store, BACK, channel, before_snapshot=snapshot, after_id=rise.id)
        if level is not None and now.count <= level < before.count and not said:
            decided.append((BACK, before.count, render_back(now, before, level, snapshot)))
    if rules.reminder_level and now.count >= rules.reminder_level:
        since = _above_since(store, snapshot, rules.reminder_level)
        if snapshot.as_at - since >= rules.reminder_hours * HOUR:
            last = _last_alert(store, REMINDER, channel, before_snapshot=snapshot)
            last_at = store.get_snapshot(last.snapshot_id).as_at if last else None
            # One reminder for each stretch above the level, repeated every reminder_hours while it lasts.
            if last_at is None or last_at < since or snapshot.as_at - last_at >= rules.reminder_hours * HOUR:
                decided.append((REMINDER, before.count, render_reminder(now, rules.reminder_level, since, snapshot)))
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.db.atomic():
        for kind, count_before, text in decided:
            store.db.execute(
                "INSERT OR IGNORE INTO alerts (snapshot_id, previous_snapshot_id, kind, channel, count_before, "
                "count_after, text, state, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                [snapshot.id, previous.id, kind, channel, count_before, now.count, text, PENDING, created],
            )
    return [a for a in list_alerts(store) if a.snapshot_id == snapshot.id and a.channel == channel]


def _above_since(store: SnapshotStore, snapshot: SnapshotInfo, level: int) -> dt.datetime:
    """The as-at time from which the count has stayed at or above level, up to this snapshot."""
    since = snapshot.as_at
    earlier = sorted((s for s in store.list_snapshots() if s.as_at <= snapshot.as_at), key=lambda s: (s.as_at, s.id))
    for older in reversed(earlier[-REMINDER_LOOK_BACK_SNAPSHOTS:]):
        if load_still_missing(store, older).count < level:
            break
        since = older.as_at
    return since


def _last_alert(
    store: SnapshotStore, kind: str, channel: str, before_snapshot: SnapshotInfo, after_id: int = 0
) -> AlertRecord | None:
    candidates = [
        a
        for a in list_alerts(store)
        if a.kind == kind and a.channel == channel and a.id > after_id and a.snapshot_id != before_snapshot.id
    ]
    return candidates[-1] if candidates else None


def list_alerts(store: SnapshotStore) -> list[AlertRecord]:
    cursor = store.db.execute("SELECT * FROM alerts ORDER BY id")
    names = [d[0] for d in cursor.description]
    return [AlertRecord(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def record_notice(store: SnapshotStore, channel: str, text: str) -> None:
    """A one-line notice for the alerts channel (a refused file), sent like an alert, once."""
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO alerts (snapshot_id, kind, channel, count_after, text, state, created_at) "
            "VALUES (NULL, ?, ?, 0, ?, ?, ?)",
            [NOTICE, channel, text, PENDING, created],
        )
