"""The drop-folder job: ingest what has arrived, decide and send alerts, and tell of refused files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.base import BaseScheduler

from bot.scheduling.digests import add_repeating_job
from bot.services.alerts import AlertContext, decide_after_snapshot, send_waiting_alerts, tell_refused_file
from digest.contract.config import Config
from digest.contract.names import shown_name
from digest.intake.inbox import INGESTED, REFUSED, REJECTED, InboxResult, ingest_inbox
from digest.store.snapshots import SnapshotStore

log = logging.getLogger(__name__)

INBOX_JOB = "inbox"


@dataclass
class InboxJob:
    """The scheduler's drop-folder job: ingest what has arrived, alert, and tell of refused files."""

    open_store: Callable[[], SnapshotStore]
    config: Config
    alerts: AlertContext  # its settings name the drop folder too

    def __call__(self) -> list[InboxResult]:
        store = self.open_store()
        try:
            results = ingest_inbox(store, self.config, self.alerts.settings.inbox.inbox)
            for result in results:
                if result.outcome == INGESTED and result.report is not None:
                    log.info("ingested %s as snapshot %s", shown_name(result.file_name), result.report.snapshot_id)
                    decide_after_snapshot(store, store.get_snapshot(result.report.snapshot_id), self.alerts)
                elif result.outcome == REFUSED:
                    log.warning("refused %s: %s", shown_name(result.file_name), result.reason)
                    name = shown_name(result.file_name)
                    notice = f"Refused {name}: {result.reason}. It is in {REJECTED}/ beside a note of why."
                    tell_refused_file(store, notice, self.alerts)
            send_waiting_alerts(store, self.alerts)
            return results
        finally:
            store.close()


def add_inbox_job(scheduler: BaseScheduler, job: Callable[[], object], every_minutes: int) -> None:
    """The drop-folder job: at start, then every every_minutes."""
    add_repeating_job(scheduler, job, INBOX_JOB, every_minutes)
