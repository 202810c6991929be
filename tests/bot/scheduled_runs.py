"""The scheduler run for real until its jobs have caught up."""

from __future__ import annotations

import threading
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler

from bot.scheduling.digests import (
    CATCH_UP_JOB,
    DigestTick,
    add_digest_jobs,
)


def run_scheduler_until_catch_up(job: DigestTick) -> None:
    """Start a real scheduler with the digest jobs and wait for its catch-up run to finish."""
    done = threading.Event()
    errors: list[BaseException] = []

    def listen(event: JobExecutionEvent) -> None:
        if event.job_id == CATCH_UP_JOB:
            if event.exception:
                errors.append(event.exception)
            done.set()

    scheduler = BackgroundScheduler(timezone=LONDON)
    scheduler.add_listener(listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    add_digest_jobs(scheduler, job)
    scheduler.start()
    try:
        assert done.wait(60), "the catch-up job did not run"
    finally:
        scheduler.shutdown(wait=True)
    assert not errors, errors


LONDON = ZoneInfo("Europe/London")
