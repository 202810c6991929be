"""The review's part of each scheduler tick: the due month's draft to the review channel (once, through the
digest-run ledger, as any due digest), then the desk's follow-up (bot.services.reviews): the review recorded, and at
its deadline publication or a reminder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.scheduling.digests import DueDigestJob, digest_trigger, last_fire_time, reported_month
from bot.services.digests import RunOutcome
from bot.services.reviews import ReviewDesk


@dataclass
class ReviewJob:
    """The review's tick, first in the scheduler's jobs ([digest] review_channel): the managers' jobs wait for it."""

    desk: ReviewDesk
    clock: Callable[[], dt.datetime] | None = None  # the desk's, unless a test sets another

    @property
    def channel(self) -> str:
        return self.desk.channel.key

    def now(self) -> dt.datetime:
        return (self.clock or self.desk.context.clock)()

    def __call__(self, startup: bool = False) -> RunOutcome | None:
        """One scheduler tick: the due month's draft (once), then its deadline (publish, or remind)."""
        context, channel = self.desk.context, self.desk.channel
        schedule = context.settings.schedule
        fire = last_fire_time(digest_trigger(schedule), self.now())
        if fire is None:
            return None
        month = reported_month(fire)
        if self.desk.posted_without_review(month):
            return None  # review was switched on after this month went out: nothing to draft
        draft = DueDigestJob(
            context.open_store,
            context.config,
            schedule,
            channel.key,
            channel.make_draft_notifier,
            self.now,
            suppress=channel.suppress,
        )
        outcome = draft(startup)
        self.desk.follow_up(month)
        return outcome
