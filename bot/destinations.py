"""After each new snapshot, tell the alerts channel when more children are missing; and the drop-folder job.

Where alerts go is decided once from the settings: Slack when there is a bot token and an alerts
channel, otherwise the outbox folder and the terminal (or log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from bot.delivery.alerts import AlertNotifier, deliver_alerts
from bot.outbox import OUTBOX_CHANNEL, OutboxNotifier
from bot.settings import Settings
from bot.slack.notifier import slack_notifier
from digest.alerts.still_missing import decide_alerts
from digest.store.alerts import AlertRecord
from digest.store.snapshots import SnapshotStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertSender:
    channel: str
    make_notifier: Callable[[], AlertNotifier]
    where: str


def alert_sender(settings: Settings, echo: Callable[[str], None]) -> AlertSender:
    if settings.bot_token and settings.alerts_channel:
        channel = settings.alerts_channel
        return AlertSender(channel, partial(slack_notifier, settings, channel), f"Slack channel {channel}")
    return AlertSender(OUTBOX_CHANNEL, partial(OutboxNotifier, settings.outbox, echo), f"{settings.outbox}/alerts")


def alert_after_snapshot(
    store: SnapshotStore, snapshot_id: int, settings: Settings, sender: AlertSender
) -> list[AlertRecord]:
    """Decide what the new snapshot warrants, then send whatever is waiting (earlier failures included)."""
    decide_alerts(store, store.get_snapshot(snapshot_id), settings.alert_rules, sender.channel)
    return deliver_alerts(store, sender.make_notifier(), sender.channel)
