"""What `serve`'s scheduler runs, decided once at its start: the due-digest jobs for each destination (the review's
tick first, when a platform has a review channel set up), the data waits, the drop folder and the heartbeat; and
the lines saying where digests and alerts go."""

from __future__ import annotations

from collections.abc import Callable

from apscheduler.schedulers.base import BaseScheduler

from bot.chat import Serving
from bot.destinations import scheduled_destinations
from bot.platforms import PLATFORMS
from bot.scheduling.data_waits import DataWaitJob, add_data_wait_job
from bot.scheduling.digests import DueDigestJobs, add_digest_jobs, due_digest_jobs
from bot.scheduling.health import add_heartbeat_job
from bot.scheduling.inbox import InboxJob, add_inbox_job
from bot.scheduling.reviews import ReviewJob
from bot.services.alerts import AlertContext
from bot.services.reviews import describe_review, review_desk
from bot.settings import Settings
from digest.contract.config import Config
from digest.store.snapshots import SnapshotStore


def plan_digests(
    settings: Settings, config: Config, open_store_now: Callable[[], SnapshotStore]
) -> tuple[DueDigestJobs | None, list[str], ReviewJob | None]:
    """The due-digest jobs, one for each destination (and the review's first, when a platform has a review channel
    set up), and the lines saying where digests go and where not."""
    schedule = settings.schedule
    lines = [line for platform in PLATFORMS for line in platform.describe_digests(settings)]
    destinations = scheduled_destinations(settings)
    if not destinations:
        return None, lines, None
    where = " and ".join(d.where for d in destinations)
    reviewing = any(platform.review_channel(settings) is not None for platform in PLATFORMS)
    review = ReviewJob(review_desk(settings, config, open_store_now, destinations)) if reviewing else None
    first = f"first as a draft to {review.desk.channel.where} for review, then " if review else ""
    lines.append(
        f"Serving: the previous month's digest goes {first}to {where} on day {schedule.day} at "
        f"{schedule.hour:02d}:{schedule.minute:02d} {schedule.timezone}; a digest not yet posted is tried "
        f"every {schedule.retry_every_minutes} minutes."
    )
    if review is not None:
        lines.append(describe_review(settings, review.desk.channel))
    return due_digest_jobs(open_store_now, config, schedule, destinations, review), lines, review


def plan_jobs(
    serving: Serving, digest_job: DueDigestJobs | None, out: Callable[[str], None]
) -> tuple[Callable[[BaseScheduler], None], str]:
    """The scheduler's jobs (the heartbeat, the due digests and their data waits, the drop folder), and the line
    saying where alerts go."""
    settings = serving.settings
    alerts = AlertContext.of(settings, out)
    inbox_job = InboxJob(serving.open_store, serving.config, alerts)
    data_wait_job = DataWaitJob(serving.open_store, settings.schedule, alerts.senders)

    def add_jobs(scheduler: BaseScheduler) -> None:
        add_heartbeat_job(scheduler, serving.store_path)
        if digest_job is not None:
            add_digest_jobs(scheduler, digest_job)
            add_data_wait_job(scheduler, data_wait_job, settings.schedule.retry_every_minutes)
        add_inbox_job(scheduler, inbox_job, settings.inbox.every_minutes)

    line = (
        f"Watching {settings.inbox.inbox.folder}/ every {settings.inbox.every_minutes} minutes; "
        f"alerts go to {alerts.describe()}."
    )
    return add_jobs, line
