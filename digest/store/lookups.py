"""The lookup audit: every question asked of the bot, by whom and where, and whether it was answered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digest.store.snapshots import SnapshotStore

REFUSED = "refused"  # the asker is not on the access list
REJECTED = "rejected (signature)"  # not a genuine request: bad signature or token, stale or replayed
# Where a question came from: the audit's platform column.
SLACK, TEAMS, TEAMS_WEBHOOK, TERMINAL = "slack", "teams", "teams webhook", "terminal"
ERROR = "error"


@dataclass(frozen=True)
class Lookup:
    asked_at: str
    user_id: str
    channel_id: str
    question: str
    outcome: str  # answered, not understood, no data, refused, error
    snapshot_id: int | None
    milliseconds: int
    platform: str = SLACK


def save_lookup(store: SnapshotStore, lookup: Lookup) -> None:
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO lookups (asked_at, user_id, channel_id, question, outcome, snapshot_id, milliseconds, "
            "platform) VALUES (?,?,?,?,?,?,?,?)",
            [
                lookup.asked_at,
                lookup.user_id,
                lookup.channel_id,
                lookup.question,
                lookup.outcome,
                lookup.snapshot_id,
                lookup.milliseconds,
                lookup.platform,
            ],
        )


def load_lookups(store: SnapshotStore) -> list[Lookup]:
    rows = store.db.execute(
        "SELECT asked_at, user_id, channel_id, question, outcome, snapshot_id, milliseconds, platform "
        "FROM lookups ORDER BY id"
    ).fetchall()
    return [Lookup(*row) for row in rows]


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
