"""Sending the alerts the ledger holds: each once, resumed after a failure or a crash."""

from __future__ import annotations

import logging
from typing import Protocol

from bot.delivery import DeliveryError
from digest.store.alerts import AlertRecord, AlertState, claim_alert, finish_alert, list_alerts
from digest.store.snapshots import SnapshotStore

log = logging.getLogger(__name__)


class AlertNotifier(Protocol):
    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str: ...


def deliver_alerts(store: SnapshotStore, notifier: AlertNotifier, channel: str) -> list[AlertRecord]:
    """Send every alert for channel not yet sent; returns those sent now."""
    sent = []
    for alert in list_alerts(store):
        if alert.channel != channel or alert.state == AlertState.SENT or not claim_alert(store, alert):
            continue
        try:
            ref = notifier.send_alert(
                alert.text,
                f"alert-{alert.id}",
                may_have_posted=alert.attempted_at is not None or alert.state == AlertState.SENDING,
            )
        except DeliveryError as error:
            finish_alert(store, alert, AlertState.FAILED, error=str(error))
            log.warning("alert %s not sent: %s", alert.id, error)
            continue
        finish_alert(store, alert, AlertState.SENT, ref=ref)
        sent.append(alert)
    return sent
