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

from digest.figures.absence import Absence, keys_not_in_source
from digest.figures.catalogue import CSE_EPISODES
from digest.figures.small_counts import SUPPRESSED, SUPPRESSED_MEANING, describe_number, is_small
from digest.figures.still_missing import HOUR, StillMissing
from digest.store.alerts import (
    AlertKind,
    AlertRecord,
    count_started_since,
    list_alerts,
    load_still_missing,
    save_alerts,
    save_notice,
)
from digest.store.snapshots import SnapshotInfo, SnapshotStore

REMINDER_LOOK_BACK_SNAPSHOTS = 200  # how far back "at or above the level since" is traced


@dataclass(frozen=True)
class AlertRules:
    rise_step: int = 1
    back_to_earlier_level: bool = True
    reminder_level: int = 0  # 0: no reminders
    reminder_hours: int = 24
    suppress: bool = False  # disclosure control: a count from 1 to 5 said as "c" ([alerts] suppress)


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


def describe_at_cse_risk(shown_count: str, snapshot: SnapshotInfo) -> str:
    """ "3 at CSE risk (medium/high)", or where the snapshot's source holds no CSE risk, "CSE risk not in this
    source" (an SSD export: a count of 0 would say none were at risk)."""
    if CSE_EPISODES in keys_not_in_source(snapshot.source_kind):
        return f"CSE risk {Absence.NOT_IN_SOURCE}"
    return f"{shown_count} at CSE risk (medium/high)"


def _when(moment: dt.datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def render_rise(
    now: StillMissing,
    before: StillMissing,
    snapshot: SnapshotInfo,
    previous: SnapshotInfo,
    started_since: int,
    suppress: bool = False,
) -> str:
    """The rise, said with every count; under disclosure control a count from 1 to 5 is "c", and the words
    ("more children missing", "up from") still say that the number rose."""

    def shown(number: int) -> str:
        return describe_number(number, suppress)

    longest = describe_duration(snapshot.as_at - now.longest_start) if now.longest_start else "n/a"
    of = "Of them" if shown(now.count) == SUPPRESSED else f"Of the {now.count}"
    # A CSE count the source does not hold is not shown, so it cannot call for the note on "c".
    cse_counts = [] if CSE_EPISODES in keys_not_in_source(snapshot.source_kind) else [now.cse]
    numbers = [now.count, before.count, now.lac, *cse_counts, now.over_24h, now.over_72h, started_since]
    return (
        f"More children missing: {shown(now.count)} now, up from {shown(before.count)} at the last extract "
        f"({_when(previous.as_at)} to {_when(snapshot.as_at)}). {of}: {shown(now.lac)} LAC, "
        f"{describe_at_cse_risk(shown(now.cse), snapshot)}; {shown(now.over_24h)} missing over 24 hours, "
        f"{shown(now.over_72h)} over 72 hours; "
        f"the longest missing for {longest}. {shown(started_since)} went missing since the last extract."
        + _explain(suppress, *numbers)
    )


def render_back(
    now: StillMissing, before: StillMissing, earlier_level: int, snapshot: SnapshotInfo, suppress: bool = False
) -> str:
    numbers = (now.count, before.count, earlier_level)
    shown = [describe_number(number, suppress) for number in numbers]
    return (
        f"Children missing are back to the earlier level: {shown[0]} now (as at {_when(snapshot.as_at)}), down from "
        f"{shown[1]} at the last extract; the level before the rise was {shown[2]}." + _explain(suppress, *numbers)
    )


def render_reminder(
    now: StillMissing, level: int, since: dt.datetime, snapshot: SnapshotInfo, suppress: bool = False
) -> str:
    count, long_missing = describe_number(now.count, suppress), describe_number(now.over_72h, suppress)
    # "c children, at or above 4" would say 4 or 5: a withheld count is not set beside the level.
    above = "the reminder level" if count == SUPPRESSED else str(level)
    return (
        f"Still {count} children missing as at {_when(snapshot.as_at)}: at or above {above} since "
        f"{_when(since)} ({describe_duration(snapshot.as_at - since)}). {long_missing} "
        f"{'has' if now.over_72h == 1 and long_missing != SUPPRESSED else 'have'} been missing over 72 hours."
        + _explain(suppress, now.count, now.over_72h)
    )


def _explain(suppress: bool, *numbers: int) -> str:
    """What "c" means, after an alert that shows one."""
    return f" {SUPPRESSED_MEANING}" if suppress and any(is_small(number) for number in numbers) else ""


def decide_alerts(store: SnapshotStore, snapshot: SnapshotInfo, rules: AlertRules, channel: str) -> list[AlertRecord]:
    """Record the alerts this snapshot warrants (once; deciding again changes nothing) and return them.

    A snapshot is compared with the one before it by as-at time, if it was the latest when it was stored:
    an older extract ingested late says nothing about now, but each of several extracts stored in one pass
    of the drop folder, oldest first, is compared in turn (issue 21), not only the last.
    """
    previous = previous_snapshot(store, snapshot)
    later_first = any(s.as_at > snapshot.as_at and s.id < snapshot.id for s in store.list_snapshots())
    if later_first or previous is None:
        return []  # an older extract ingested late; or the first, with nothing to compare
    now, before = load_still_missing(store, snapshot), load_still_missing(store, previous)
    decided: list[tuple[AlertKind, int | None, str]] = []
    if now.count - before.count >= rules.rise_step:
        started = count_started_since(store, snapshot, previous.as_at)
        decided.append(
            (AlertKind.RISE, before.count, render_rise(now, before, snapshot, previous, started, rules.suppress))
        )
    elif rules.back_to_earlier_level and now.count < before.count:
        # Back to (or below) the level before the last rise, said once per rise.
        rise = _last_alert(store, AlertKind.RISE, channel, before_snapshot=snapshot)
        level = rise.count_before if rise is not None else None
        said = rise is not None and _last_alert(
            store, AlertKind.BACK, channel, before_snapshot=snapshot, after_id=rise.id
        )
        if level is not None and now.count <= level < before.count and not said:
            decided.append((AlertKind.BACK, before.count, render_back(now, before, level, snapshot, rules.suppress)))
    if rules.reminder_level and now.count >= rules.reminder_level:
        since = _above_since(store, snapshot, rules.reminder_level)
        if snapshot.as_at - since >= rules.reminder_hours * HOUR:
            last = _last_alert(store, AlertKind.REMINDER, channel, before_snapshot=snapshot)
            last_at = store.get_snapshot(last.snapshot_id).as_at if last else None
            # One reminder for each stretch above the level, repeated every reminder_hours while it lasts.
            if last_at is None or last_at < since or snapshot.as_at - last_at >= rules.reminder_hours * HOUR:
                decided.append(
                    (
                        AlertKind.REMINDER,
                        before.count,
                        render_reminder(now, rules.reminder_level, since, snapshot, rules.suppress),
                    )
                )
    save_alerts(store, snapshot, previous, channel, now.count, decided)
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
    store: SnapshotStore, kind: AlertKind, channel: str, before_snapshot: SnapshotInfo, after_id: int = 0
) -> AlertRecord | None:
    candidates = [
        a
        for a in list_alerts(store)
        if a.kind == kind and a.channel == channel and a.id > after_id and a.snapshot_id != before_snapshot.id
    ]
    return candidates[-1] if candidates else None


def record_notice(store: SnapshotStore, channel: str, text: str) -> None:
    """A one-line notice for the alerts channel (a refused file), sent like an alert, once."""
    save_notice(store, channel, text)
