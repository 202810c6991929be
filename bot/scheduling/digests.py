"""When digests go out: an APScheduler cron job for the monthly digest, and a retry job that also
catches up, from the ledger, a digest that fell due while the server was down.

Jobs live in APScheduler's memory job store and are made afresh at each start; what has been posted
is known from the ledger, not from the scheduler, so a restart can neither lose nor double a digest.
Only the most recent due digest is caught up: one that fell due months ago is stale news.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.chat import DigestDestination
from bot.delivery import Notifier
from bot.services.digests import RunOutcome, run_digest
from bot.services.reviews import ReviewDesk
from bot.settings import Schedule
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.store.digest_runs import DigestLedger, RunState
from digest.store.reviews import ReviewLedger
from digest.store.snapshots import SnapshotStore, StoreError

log = logging.getLogger(__name__)

MONTHLY_JOB = "monthly-digest"
RETRY_JOB = "digest-retry"
CATCH_UP_JOB = "digest-catch-up"
MISFIRE_GRACE_SECONDS = 3600  # a tick delayed by a busy process still runs within the hour
LOOK_BACK_DAYS = 70  # far enough back to find the previous monthly fire time


def digest_trigger(schedule: Schedule) -> CronTrigger:
    return CronTrigger(
        day=schedule.day, hour=schedule.hour, minute=schedule.minute, timezone=ZoneInfo(schedule.timezone)
    )


def last_fire_time(trigger: CronTrigger, now: dt.datetime) -> dt.datetime | None:
    """The latest time at or before now when the monthly digest fell due."""
    fire = trigger.get_next_fire_time(None, now - dt.timedelta(days=LOOK_BACK_DAYS))
    latest = None
    while fire is not None and fire <= now:
        latest = fire
        fire = trigger.get_next_fire_time(fire, fire + dt.timedelta(seconds=1))
    return latest


def reported_month(fire_time: dt.datetime) -> Month:
    """A digest that falls due in a month reports the month before."""
    return Month.of(fire_time) - 1


@dataclass
class DueDigestJob:
    """What both scheduler jobs run: post the most recent due digest if the ledger says it is not posted.

    open_store, make_notifier and clock are injected so the job can run against a test store, a fake
    Slack and a fixed time.
    """

    open_store: Callable[[], SnapshotStore]
    config: Config
    schedule: Schedule
    channel: str
    make_notifier: Callable[[], Notifier]
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    suppress: bool = False  # disclosure control for this destination
    held_for_review: bool = False  # [digest] review_channel: only once the month's review is published

    def __call__(self, startup: bool = False) -> RunOutcome | None:
        fire = last_fire_time(digest_trigger(self.schedule), self.clock())
        if fire is None:
            return None
        month = reported_month(fire)
        store = self.open_store()
        try:
            snapshot_id: int | None = None
            if self.held_for_review:
                review = ReviewLedger(store).get(month)
                if review is None or not review.published:
                    return None  # not yet published: the draft is with the analysts
                snapshot_id = review.snapshot_id  # what was reviewed is what goes out
            latest = DigestLedger(store).latest(month, self.channel)
            if latest is not None and latest.state in (RunState.POSTED, RunState.UNCERTAIN):
                return None  # posted, or held for a person to check: never sent again by the schedule
            # A permanent failure is not retried until something changes: a new snapshot, or a restart.
            snapshot = store.get_snapshot(snapshot_id)  # once: the run below is given it
            unchanged = latest is not None and latest.snapshot_id == snapshot.id
            if (
                latest is not None
                and latest.state == RunState.FAILED
                and latest.permanent_error
                and unchanged
                and not startup
            ):
                return None
            return run_digest(
                store, self.config, month, self.channel, self.make_notifier(), snapshot, suppress=self.suppress
            )
        except StoreError as error:
            log.warning("digest for %s not sent: %s", month, error)
            return None
        finally:
            store.close()


class DestinationJob(Protocol):
    """One destination's part of a tick: a due digest (DueDigestJob), or a review's draft and deadline."""

    @property
    def channel(self) -> str: ...

    def __call__(self, startup: bool = False) -> RunOutcome | None: ...


@dataclass
class DueDigestJobs:
    """One tick for every destination (Slack, Teams): each destination's due digest in turn, each once."""

    jobs: list[DestinationJob]
    schedule: Schedule

    def __call__(self, startup: bool = False) -> list[RunOutcome | None]:
        outcomes = []
        for job in self.jobs:
            try:
                outcomes.append(job(startup))
            except Exception as error:  # one destination's bug must not keep the digest from the others
                log.error("digest for %s not sent: unexpected %s", job.channel, type(error).__name__, exc_info=True)
                outcomes.append(None)
        return outcomes


def due_digest_jobs(
    open_store: Callable[[], SnapshotStore],
    config: Config,
    schedule: Schedule,
    destinations: list[DigestDestination],
    review: ReviewDesk | DestinationJob | None = None,
) -> DueDigestJobs:
    """Each destination's job; with a review (the desk, or its job: bot.scheduling.reviews), its tick first and the
    others held for it."""
    if isinstance(review, ReviewDesk):
        from bot.scheduling.reviews import ReviewJob  # it imports this module's DueDigestJob

        review = ReviewJob(review)
    jobs: list[DestinationJob] = [
        DueDigestJob(
            open_store, config, schedule, d.channel, d.make_notifier, suppress=d.suppress, held_for_review=bool(review)
        )
        for d in destinations
    ]
    return DueDigestJobs([review, *jobs] if review else jobs, schedule)


class DigestTick(Protocol):
    schedule: Schedule

    def __call__(self, startup: bool = False) -> object: ...


def add_digest_jobs(scheduler: BaseScheduler, job: DigestTick, catch_up: bool = True) -> None:
    """The monthly cron job, the retry job, and (catch_up) one run straight away for a digest missed while down."""
    common = {"replace_existing": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS, "coalesce": True}
    scheduler.add_job(job, digest_trigger(job.schedule), id=MONTHLY_JOB, max_instances=1, **common)
    scheduler.add_job(
        job, IntervalTrigger(minutes=job.schedule.retry_every_minutes), id=RETRY_JOB, max_instances=1, **common
    )
    if catch_up:
        scheduler.add_job(job, DateTrigger(), id=CATCH_UP_JOB, kwargs={"startup": True}, **common)


def add_repeating_job(scheduler: BaseScheduler, job: Callable[[], object], job_id: str, every_minutes: int) -> None:
    """A job run at start, then every every_minutes (the drop folder's, the data waits')."""
    scheduler.add_job(
        job,
        IntervalTrigger(minutes=every_minutes),
        id=job_id,
        next_run_time=dt.datetime.now(dt.UTC),
        replace_existing=True,
        misfire_grace_time=MISFIRE_GRACE_SECONDS,
        coalesce=True,
        max_instances=1,
    )
