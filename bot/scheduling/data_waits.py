"""The data-wait job: tell the alerts channels, once, that a due digest has no extract covering its month, and
once again when one arrives (digest.alerts.data_waits decides; the store remembers what was told).

Without it a digest with no data failed quietly at every retry, for ever, and nobody was told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from apscheduler.schedulers.base import BaseScheduler

from bot.chat import AlertSender
from bot.scheduling.digests import add_repeating_job, digest_trigger, last_fire_time, reported_month
from bot.services.alerts import tell_data_waits
from bot.settings import Schedule
from digest.store.snapshots import SnapshotStore

DATA_WAIT_JOB = "data-waits"


@dataclass
class DataWaitJob:
    """For the most recent due digest's month: each alerts channel told once that its data is missing, and once
    that it has come."""

    open_store: Callable[[], SnapshotStore]
    schedule: Schedule
    senders: list[AlertSender]
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC))

    def __call__(self) -> list[str]:
        fire = last_fire_time(digest_trigger(self.schedule), self.clock())
        if fire is None:
            return []
        due = reported_month(fire)
        store = self.open_store()
        try:
            return tell_data_waits(store, due, self.senders)
        finally:
            store.close()


def add_data_wait_job(scheduler: BaseScheduler, job: Callable[[], object], every_minutes: int) -> None:
    """The data-wait job: at start, then every every_minutes (the digest's retry interval)."""
    add_repeating_job(scheduler, job, DATA_WAIT_JOB, every_minutes)
