"""A due digest with no extract covering its month: the alerts channel is told once, and again when one arrives.

A real store, the real Slack client against the fake Slack, and the job run both by hand at a fixed time and by a
real APScheduler."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from functools import partial
from pathlib import Path

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler

from bot.destinations import alert_senders
from bot.scheduling.data_waits import DATA_WAIT_JOB, DataWaitJob, add_data_wait_job
from bot.settings import Settings
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.store.snapshots import open_store
from tests.bot.extracts import build_later_rows
from tests.conftest import write_csv
from tests.fake_slack import FakeSlack
from tests.fixtures.reference_june_2019 import HEADERS

ALERTS = "C0ALERTS"
# The shipped schedule: the 10th at 09:00 London. On 10 September 2019 the August digest falls due, and the
# reference extract (as at 18/07/2019) does not cover August.
AUGUST_DUE = dt.datetime(2019, 9, 10, 9, 30, tzinfo=dt.UTC)
MISSING = (
    "The August 2019 digest is due, but no extract covers August 2019: the latest snapshot is as at "
    "18/07/2019 00:00. Put this month's extract in the inbox folder (or run missing-report ingest); the digest "
    "goes out once it is in."
)
ARRIVED = (
    "An extract covering August 2019 has arrived (snapshot 2, as at 02/09/2019 06:00): the August 2019 digest "
    "goes out at its next try."
)


def job_for(reference_db: Path, settings: Settings, slack: FakeSlack, now: dt.datetime) -> DataWaitJob:
    slack.channels.add(ALERTS)
    ready = replace(settings, alerts_channel=ALERTS)
    return DataWaitJob(partial(open_store, reference_db), ready.schedule, alert_senders(ready, print), lambda: now)


def ingest_september_extract(reference_db: Path, config: Config) -> None:
    store = open_store(reference_db)
    extract = write_csv(reference_db.parent / "later.csv", build_later_rows(), HEADERS)
    ingest_extract(store, extract, dt.datetime(2019, 9, 2, 6, 0), config)
    store.close()


def test_missing_data_is_told_once_across_restarts_and_its_arrival_once(
    reference_db: Path, settings: Settings, slack: FakeSlack, config: Config
) -> None:
    job = job_for(reference_db, settings, slack, AUGUST_DUE)
    assert job() == [MISSING]
    assert job() == []  # the next retry, 15 minutes on: not told again
    restarted = job_for(reference_db, settings, slack, AUGUST_DUE + dt.timedelta(hours=2))
    assert restarted() == []  # serve restarted: the store remembers it was told
    ingest_september_extract(reference_db, config)
    assert restarted() == [ARRIVED]
    assert restarted() == []
    assert [(m["channel"], m["text"]) for m in slack.messages] == [(ALERTS, MISSING), (ALERTS, ARRIVED)]


def test_nothing_is_told_while_the_data_covers_the_due_month(
    reference_db: Path, settings: Settings, slack: FakeSlack
) -> None:
    july_due = dt.datetime(2019, 8, 10, 9, 30, tzinfo=dt.UTC)  # the July digest: the reference covers July
    assert job_for(reference_db, settings, slack, july_due)() == []
    assert slack.messages == []


def test_the_scheduler_runs_the_data_wait_job_at_start(
    reference_db: Path, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(reference_db, settings, slack, AUGUST_DUE)
    ran = threading.Event()
    results: list[object] = []

    def listen(event: JobExecutionEvent) -> None:
        if event.job_id == DATA_WAIT_JOB:
            results.append(event.exception or event.retval)
            ran.set()

    scheduler = BackgroundScheduler(timezone="Europe/London")
    scheduler.add_listener(listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    add_data_wait_job(scheduler, job, settings.schedule.retry_every_minutes)
    scheduler.start()
    try:
        assert ran.wait(30), "the data-wait job did not run"
    finally:
        scheduler.shutdown(wait=True)
    assert results == [[MISSING]]
    assert [m["text"] for m in slack.messages] == [MISSING]
