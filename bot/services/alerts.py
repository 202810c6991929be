"""Alerting: after each new snapshot, what it warrants decided for every alerts channel and sent; a refused file
and a due digest's missing data told there too. `ingest`, the drop-folder job and the data-wait job run these;
whatever failed to send before is sent with the next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.chat import AlertSender
from bot.delivery.alerts import deliver_alerts
from bot.destinations import alert_senders
from bot.settings import Settings
from digest.alerts.data_waits import decide_data_notices
from digest.alerts.still_missing import decide_alerts, record_notice
from digest.figures.periods import Month
from digest.store.alerts import AlertRecord
from digest.store.snapshots import SnapshotInfo, SnapshotStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertContext:
    """What alerting needs: the settings (their alert rules) and every alerts channel (bot.destinations)."""

    settings: Settings
    senders: list[AlertSender]

    @classmethod
    def of(cls, settings: Settings, echo: Callable[[str], None]) -> AlertContext:
        """The channels set up, or else the outbox folder and echo (the terminal, or the log)."""
        return cls(settings, alert_senders(settings, echo))

    def describe(self) -> str:
        return " and ".join(sender.where for sender in self.senders)


def decide_after_snapshot(store: SnapshotStore, snapshot: SnapshotInfo, context: AlertContext) -> None:
    """What the new snapshot warrants, decided (and kept in the store) for each channel; nothing sent yet."""
    for sender in context.senders:
        decide_alerts(store, snapshot, context.settings.alert_rules, sender.channel)


def alert_after_snapshot(store: SnapshotStore, snapshot_id: int, context: AlertContext) -> list[AlertRecord]:
    """Decide what the new snapshot warrants for each channel, then send whatever is waiting (earlier failures too)."""
    snapshot = store.get_snapshot(snapshot_id)  # once, for every channel
    sent = []
    for sender in context.senders:
        decide_alerts(store, snapshot, context.settings.alert_rules, sender.channel)
        sent += deliver_alerts(store, sender.make_notifier(), sender.channel)
    return sent


def tell_refused_file(store: SnapshotStore, notice: str, context: AlertContext) -> None:
    """A file the drop folder refused, told to each channel with the next send."""
    for sender in context.senders:
        record_notice(store, sender.channel, notice)


def send_waiting_alerts(store: SnapshotStore, context: AlertContext) -> list[AlertRecord]:
    """Every alert not yet sent, to its channel."""
    return [
        alert for sender in context.senders for alert in deliver_alerts(store, sender.make_notifier(), sender.channel)
    ]


def tell_data_waits(store: SnapshotStore, due: Month, senders: list[AlertSender]) -> list[str]:
    """Each channel told once that the due digest's month has no data, and once that it has come (no alert rules
    needed: the data-wait job has the channels only)."""
    told = []
    for sender in senders:
        notices = decide_data_notices(store, due, sender.channel)
        for notice in notices:
            log.warning("%s", notice)
        if notices:
            deliver_alerts(store, sender.make_notifier(), sender.channel)
        told += notices
    return told
