"""The schedule: 09:00 London time in winter and summer, and a missed digest caught up once, with a real APScheduler."""

from __future__ import annotations

import datetime as dt
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from bot.chats.slack.notifier import slack_notifier
from bot.scheduling.digests import (
    MONTHLY_JOB,
    DueDigestJob,
    add_digest_jobs,
    digest_trigger,
    last_fire_time,
)
from bot.settings import Settings
from digest.contract.config import Config
from digest.store.digest_runs import DigestLedger
from digest.store.snapshots import open_store
from tests.bot.scheduled_runs import LONDON, run_scheduler_until_catch_up
from tests.fake_slack import CHANNEL, FakeSlack, wait_until


def test_monthly_digest_is_at_nine_london_time_in_gmt_and_bst(settings: Settings) -> None:
    trigger = digest_trigger(settings.schedule)
    winter = trigger.get_next_fire_time(None, dt.datetime(2019, 1, 1, tzinfo=dt.UTC))
    summer = trigger.get_next_fire_time(None, dt.datetime(2019, 7, 1, tzinfo=dt.UTC))
    assert winter == dt.datetime(2019, 1, 10, 9, 0, tzinfo=LONDON)
    assert winter.astimezone(dt.UTC).hour == 9  # GMT
    assert summer == dt.datetime(2019, 7, 10, 9, 0, tzinfo=LONDON)
    assert summer.astimezone(dt.UTC).hour == 8  # BST
    # Across the clocks going back (27 October 2019), still 09:00 on the clock.
    after = trigger.get_next_fire_time(None, dt.datetime(2019, 10, 11, tzinfo=dt.UTC))
    assert after == dt.datetime(2019, 11, 10, 9, 0, tzinfo=LONDON)
    assert after.astimezone(dt.UTC).hour == 9


def test_the_scheduler_holds_the_monthly_job(settings: Settings, config: Config, reference_db: Path) -> None:
    scheduler = BackgroundScheduler(timezone=LONDON)
    job = DueDigestJob(partial(open_store, reference_db), config, settings.schedule, CHANNEL, lambda: None)  # type: ignore[arg-type,return-value]
    add_digest_jobs(scheduler, job, catch_up=False)
    scheduler.start(paused=True)
    try:
        monthly = scheduler.get_job(MONTHLY_JOB)
        now = dt.datetime.now(LONDON)
        expected = digest_trigger(settings.schedule).get_next_fire_time(None, now)
        assert monthly.next_run_time == expected
        assert (monthly.next_run_time.day, monthly.next_run_time.hour, monthly.next_run_time.minute) == (10, 9, 0)
    finally:
        scheduler.shutdown(wait=False)


def test_last_fire_time(settings: Settings) -> None:
    trigger = digest_trigger(settings.schedule)
    assert last_fire_time(trigger, dt.datetime(2019, 7, 10, 7, 59, tzinfo=dt.UTC)) == dt.datetime(
        2019, 6, 10, 9, 0, tzinfo=LONDON
    )
    assert last_fire_time(trigger, dt.datetime(2019, 7, 10, 8, 0, tzinfo=dt.UTC)) == dt.datetime(
        2019, 7, 10, 9, 0, tzinfo=LONDON
    )


def job_at(now: dt.datetime, db: Path, config: Config, settings: Settings) -> DueDigestJob:
    clock: Callable[[], dt.datetime] = lambda: now  # noqa: E731
    return DueDigestJob(
        partial(open_store, db), config, settings.schedule, CHANNEL, partial(slack_notifier, settings, CHANNEL), clock
    )


def test_missed_digest_is_caught_up_once(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    # The server was down at 09:00 on 10 July 2019; it starts on 18 July.
    now = dt.datetime(2019, 7, 18, 10, 0, tzinfo=dt.UTC)
    run_scheduler_until_catch_up(job_at(now, reference_db, config, settings))
    assert len(slack.messages) == 1
    assert slack.messages[0]["metadata"]["event_payload"]["month"] == "2019-06"
    # Restarted again the same day: nothing is doubled.
    run_scheduler_until_catch_up(job_at(now, reference_db, config, settings))
    assert len(slack.messages) == 1
    store = open_store(reference_db)
    assert [(r.month.key, r.state) for r in DigestLedger(store).list_runs()] == [("2019-06", "posted")]
    store.close()


def test_nothing_is_due_before_the_day(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    # On 9 July the June digest is not due yet: the most recent one due is May's (10 June).
    job = job_at(dt.datetime(2019, 7, 9, 12, 0, tzinfo=dt.UTC), reference_db, config, settings)
    outcome = job(startup=True)
    assert outcome is not None
    assert outcome.state == "posted"
    assert slack.messages[0]["metadata"]["event_payload"]["month"] == "2019-05"


def test_permanent_failure_is_not_retried_until_something_changes(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    now = dt.datetime(2019, 7, 18, 10, 0, tzinfo=dt.UTC)
    job = DueDigestJob(
        partial(open_store, reference_db),
        config,
        settings.schedule,
        "C0NOWHERE",
        partial(slack_notifier, settings, "C0NOWHERE"),
        lambda: now,
    )
    assert job(startup=True).state == "failed"  # type: ignore[union-attr]
    assert job() is None  # a retry tick: same snapshot, same settings, so not tried again
    assert slack.count("chat.postMessage") == 1
    assert job(startup=True).state == "failed"  # type: ignore[union-attr]  # a restart tries once more
    assert slack.count("chat.postMessage") == 2


@pytest.mark.slow
def test_serve_starts_reports_its_schedule_and_stops_on_sigterm(reference_db: Path, tmp_path: Path) -> None:
    environment = {"PATH": "/usr/bin:/bin", "MISSING_REPORT_HOME": "."}  # no Slack token: digests go to the outbox
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(reference_db), "serve"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 30)
    if not ready:
        process.kill()
        raise AssertionError("serve printed nothing in 30 s")
    first = process.stdout.readline()
    assert first == (
        "Serving: the previous month's digest goes to the outbox folder outbox (SLACK_BOT_TOKEN is not set) "
        "on day 10 at 09:00 Europe/London; a digest not yet posted is tried every 15 minutes.\n"
    )
    assert [process.stdout.readline() for _ in range(5)] == [
        "Watching inbox/ every 15 minutes; alerts go to outbox/alerts.\n",
        "Not answering /missing in Slack: SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) is not set.\n",
        "Not answering in Teams chats: TEAMS_CLIENT_ID is not set.\n",
        "No Teams outgoing webhook: TEAMS_OUTGOING_WEBHOOK_SECRET is not set.\n",
        "Ctrl-C stops.\n",
    ]
    # The reference is from 2019: the due digest's month has no data, and the alerts (here the outbox) are told.
    assert wait_until((tmp_path / "outbox" / "alerts" / "alert-1.txt").exists)
    time.sleep(1)  # let the catch-up job run once
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert re.fullmatch(
        r"Alert \(no chat tool set up; also in outbox/alerts/alert-1.txt\): The (\w+ \d{4}) digest is due, but no "
        r"extract covers \1: the latest snapshot is as at 18/07/2019 00:00\. Put this month's extract in the inbox "
        r"folder \(or run missing-report ingest\); the digest goes out once it is in\.\nStopped\.\n",
        out,
    ), out
    assert "Traceback" not in err
