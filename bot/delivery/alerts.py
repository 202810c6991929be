"""Sending the alerts the ledger holds: each once, resumed after a failure or a crash."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from bot.delivery import DeliveryError
from digest.alerts.still_missing import FAILED, PENDING, SENDING, SENT, AlertRecord, list_alerts
from digest.store.digest_runs import owner_is_gone, this_owner
from digest.store.snapshots import SnapshotStore

log = logging.getLogger(__name__)


class AlertNotifier(Protocol):
    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str: ...


def _claim(store: SnapshotStore, alert: AlertRecord) -> bool:
    """Take the alert for this process: one that is waiting, failed, or left 'sending' by a dead process."""
    if alert.state == SENDING and not owner_is_gone(alert.owner):
        return False
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.db.atomic():
        cursor = store.db.execute(
            "UPDATE alerts SET state = ?, owner = ?, attempted_at = coalesce(attempted_at, ?) "
            "WHERE id = ? AND state = ? AND coalesce(owner, '') = ?",
            [SENDING, this_owner(), now, alert.id, alert.state, alert.owner or ""],
        )
    return cursor.rowcount == 1


def deliver_alerts(store: SnapshotStore, notifier: AlertNotifier, channel: str) -> list[AlertRecord]:
    """Send every alert for channel not yet sent; returns those sent now."""
    sent = []
    for alert in list_alerts(store):
        if alert.channel != channel or alert.state not in (PENDING, FAILED, SENDING) or not _claim(store, alert):
            continue
        try:
            ref = notifier.send_alert(
                alert.text,
                f"alert-{alert.id}",
                may_have_posted=alert.attempted_at is not None or alert.state == SENDING,
            )
        except DeliveryError as error:
            _finish(store, alert, FAILED, error=str(error))
            log.warning("alert %s not sent: %s", alert.id, error)
            continue
        _finish(store, alert, SENT, ref=ref)
        sent.append(alert)
    return sent


def _finish(
    store: SnapshotStore, alert: AlertRecord, state: str, ref: str | None = None, error: str | None = None
) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.db.atomic():
        store.db.execute(
            "UPDATE alerts SET state = ?, sent_at = ?, message_ref = ?, error = ? WHERE id = ?",
            [state, now if state == SENT else None, ref, error, alert.id],
        )
