"""The reviews ledger: a month's draft in the analysts' channel, and the one decision to publish it.

The draft itself is posted through the digest-run ledger (under the channel key "review:<channel id>",
so that it is never mistaken for a publication); this table records what the review needs on top:
where the draft is, the snapshot it showed, its deadline, and who published it, how and when. The
decision is taken with one conditional UPDATE, so two presses of "Publish" (or a press and the
deadline) cannot both win. Reminders record the day they were sent, so a restart does not repeat one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from digest.figures.periods import Month
from digest.store.snapshots import SnapshotStore

REVIEW_CHANNEL_PREFIX = "review:"  # the ledger key of a draft run: "review:C0123456789"


class PublishedHow(StrEnum):
    """How a review ended in publication."""

    BUTTON = "button"  # someone pressed Publish on the draft
    DEADLINE = "deadline"  # nobody did by the deadline, and [digest] if_not_published = "publish"
    COMMAND = "command"  # `missing-report publish`


@dataclass(frozen=True)
class ReviewRecord:
    month: Month
    channel: str  # the review channel's ID
    draft_ref: str | None  # "channel:ts" of the draft message
    snapshot_id: int | None  # the snapshot the draft showed: what is published
    drafted_at: str
    deadline_at: str
    published_at: str | None
    published_by: str | None  # a Slack user ID, or the login that ran `publish`; None at the deadline
    published_how: PublishedHow | None
    reminded_on: str | None  # the local date of the last reminder
    reminders: int
    draft_updated_at: str | None  # when the draft was changed to say it is published

    @property
    def published(self) -> bool:
        return self.published_at is not None


def review_channel_key(channel: str) -> str:
    return f"{REVIEW_CHANNEL_PREFIX}{channel}"


class ReviewLedger:
    """The reviews table of a snapshot store."""

    def __init__(self, store: SnapshotStore) -> None:
        self.store = store
        self.db = store.db

    def open_review(
        self, month: Month, channel: str, draft_ref: str | None, snapshot_id: int | None, drafted_at: str, deadline: str
    ) -> ReviewRecord:
        """Record a posted draft (once: a second call for the month keeps the first)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO reviews (month, channel, draft_ref, snapshot_id, drafted_at, deadline_at) "
                "VALUES (?,?,?,?,?,?)",
                [month.key, channel, draft_ref, snapshot_id, drafted_at, deadline],
            )
        record = self.get(month)
        assert record is not None  # just inserted, or there already
        return record

    def decide(
        self, month: Month, how: PublishedHow, by: str | None, at: dt.datetime | None = None
    ) -> ReviewRecord | None:
        """Take the decision to publish the month (at: now); None when it was taken already (the record says who)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reviews SET published_at = ?, published_by = ?, published_how = ? "
                "WHERE month = ? AND published_at IS NULL",
                [(at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"), by, how, month.key],
            )
        return self.get(month) if cursor.rowcount == 1 else None

    def claim_reminder(self, month: Month, day: dt.date) -> bool:
        """Take the day's reminder for the month; False when it was sent already (or the month is published)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reviews SET reminded_on = ?, reminders = reminders + 1 "
                "WHERE month = ? AND published_at IS NULL AND (reminded_on IS NULL OR reminded_on < ?)",
                [day.isoformat(), month.key, day.isoformat()],
            )
        return cursor.rowcount == 1

    def release_reminder(self, month: Month, previous: str | None) -> None:
        """A reminder that could not be posted: give its day back, so the next tick tries again."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE reviews SET reminded_on = ?, reminders = reminders - 1 WHERE month = ?", [previous, month.key]
            )

    def claim_draft_update(self, month: Month) -> bool:
        """Take the one update of a published month's draft; False when it is done or being done."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reviews SET draft_updated_at = ? "
                "WHERE month = ? AND published_at IS NOT NULL AND draft_updated_at IS NULL",
                [dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), month.key],
            )
        return cursor.rowcount == 1

    def release_draft_update(self, month: Month) -> None:
        """The draft could not be updated: leave it for the next tick."""
        with self.db.atomic():
            self.db.execute("UPDATE reviews SET draft_updated_at = NULL WHERE month = ?", [month.key])

    def get(self, month: Month) -> ReviewRecord | None:
        rows = self._select("WHERE month = ?", [month.key])
        return rows[0] if rows else None

    def list_reviews(self) -> list[ReviewRecord]:
        return self._select("ORDER BY month", [])

    def _select(self, where: str, params: list[Any]) -> list[ReviewRecord]:
        records = []
        for data in self.store._rows(f"SELECT * FROM reviews {where}", params):  # the store room's own row reader
            data["month"] = Month.parse(data["month"])
            data["published_how"] = PublishedHow(data["published_how"]) if data["published_how"] else None
            records.append(ReviewRecord(**data))
        return records
