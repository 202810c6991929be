"""After each new snapshot, tell the alerts channel when more children are missing; and the drop-folder job.

Where alerts go is decided once from the settings: Slack when there is a bot token and an alerts
channel, otherwise the outbox folder and the terminal (or log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from bot.alerting import AlertNotifier, deliver_alerts
from bot.notifiers.outbox import OutboxNotifier
from bot.notifiers.slack import slack_notifier
from bot.settings import Settings
from digest.alerts import AlertRecord, decide_alerts, record_notice
from digest.config import Config
from digest.inbox import INGESTED, REFUSED, REJECTED, InboxResult, ingest_inbox
from digest.snapshots import SnapshotStore

log = logging.getLogger(__name__)

OUTBOX_ALERTS = "outbox"  # the ledger's channel name for alerts written to the outbox


@dataclass(frozen=True)
class AlertSender:
    channel: str
    make_notifier: Callable[[], AlertNotifier]
    where: str


def alert_sender(settings: Settings, echo: Callable[[str], None]) -> AlertSender:
    if settings.bot_token and settings.alerts_channel:
        channel = settings.alerts_channel
        return AlertSender(channel, partial(slack_notifier, settings, channel), f"Slack channel {channel}")
    return AlertSender(OUTBOX_ALERTS, partial(OutboxNotifier, settings.outbox, echo), f"{settings.outbox}/alerts")


def alert_after_snapshot(
    store: SnapshotStore, snapshot_id: int, settings: Settings, sender: AlertSender
) -> list[AlertRecord]:
    """Decide what the new snapshot warrants, then send whatever is waiting (earlier failures included)."""
    decide_alerts(store, store.get_snapshot(snapshot_id), settings.alert_rules, sender.channel)
    return deliver_alerts(store, sender.make_notifier(), sender.channel)


@dataclass
class InboxJob:
    """The scheduler's drop-folder job: ingest what has arrived, alert, and tell of refused files."""

    open_store: Callable[[], SnapshotStore]
    config: Config
    settings: Settings
    sender: AlertSender

    def __call__(self) -> list[InboxResult]:
        store = self.open_store()
        try:
            results = ingest_inbox(store, self.config, self.settings.inbox.inbox)
            for result in results:
                if result.outcome == INGESTED and result.report is not None:
                    log.info("ingested %s as snapshot %s", result.file_name, result.report.snapshot_id)
                    decide_alerts(
                        store,
                        store.get_snapshot(result.report.snapshot_id),
                        self.settings.alert_rules,
                        self.sender.channel,
                    )
                elif result.outcome == REFUSED:
                    log.warning("refused %s: %s", result.file_name, result.reason)
                    record_notice(
                        store,
                        self.sender.channel,
                        f"Refused {result.file_name}: {result.reason}. It is in {REJECTED}/ beside a note of why.",
                    )
            deliver_alerts(store, self.sender.make_notifier(), self.sender.channel)
            return results
        finally:
            store.close()
