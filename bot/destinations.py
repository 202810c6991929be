"""Where digests and alerts go, decided once from the settings: Slack, Teams, both, or the outbox folder.

A digest destination names its ledger channel (the Slack channel ID, or "teams:digest"), so the one
ledger holds each month once per destination. Alerts are decided and sent per channel the same way.
Without any chat tool set up, both go to the outbox folder (and alerts to the terminal or log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot.delivery import Notifier
from bot.delivery.alerts import AlertNotifier, deliver_alerts
from bot.outbox import OUTBOX_CHANNEL, OutboxNotifier, save_workbook
from bot.settings import BOT_TOKEN_ENV, DIGEST_CHANNEL_ENV, SettingError, Settings, Webhook
from bot.teams.channels import TEAMS_ALERTS_CHANNEL, TEAMS_DIGEST_CHANNEL
from digest.alerts.still_missing import decide_alerts
from digest.reporting.content import Digest
from digest.store.alerts import AlertRecord
from digest.store.snapshots import SnapshotStore

if TYPE_CHECKING:
    from bot.slack.notifier import SlackNotifier
    from bot.teams.notifier import TeamsNotifier

log = logging.getLogger(__name__)


def slack_notifier(settings: Settings, channel: str) -> SlackNotifier:
    """bot.slack.notifier's, loaded only when Slack is used: an ingest sending alerts to the outbox needs none of it."""
    from bot.slack.notifier import slack_notifier

    return slack_notifier(settings, channel)


def teams_notifier(
    settings: Settings, webhook: Webhook | None, env: str, save_table: Callable[[Digest], Path] | None = None
) -> TeamsNotifier:
    """bot.teams.notifier's, loaded only when Teams is used (its card library alone takes a third of a second)."""
    from bot.teams.notifier import teams_notifier

    return teams_notifier(settings, webhook, env, save_table)


class Platform(StrEnum):
    SLACK = "slack"
    TEAMS = "teams"


@dataclass(frozen=True)
class DigestDestination:
    channel: str  # the ledger's key: a Slack channel ID, "teams:digest" or "outbox"
    make_notifier: Callable[[], Notifier]  # one per delivery, each with its own retry deadline
    where: str  # for people: "Slack channel C0123", "Teams (host/…)"
    suppress: bool = False  # disclosure control: [slack] suppress, [teams] suppress, [digest] outbox_suppress


@dataclass(frozen=True)
class AlertSender:
    channel: str
    make_notifier: Callable[[], AlertNotifier]
    where: str


def pick_channel(settings: Settings, given: str | None) -> str:
    channel = given or settings.digest_channel
    if not channel:
        raise SettingError(
            f"no Slack channel to post to: pass --channel C0123456789, or set {DIGEST_CHANNEL_ENV} "
            "or [slack] digest_channel in the config"
        )
    return channel


def slack_destination(settings: Settings, given: str | None = None) -> DigestDestination:
    channel = pick_channel(settings, given)
    slack_notifier(settings, channel)  # a missing token stops here, before any work
    return DigestDestination(
        channel, partial(slack_notifier, settings, channel), f"Slack channel {channel}", settings.slack_suppress
    )


def teams_destination(settings: Settings) -> DigestDestination:
    teams = settings.teams
    make = partial(
        teams_notifier,
        settings,
        teams.digest_webhook,
        teams.digest_webhook_env,
        partial(save_workbook, settings.outbox),
    )
    make()  # an unset webhook stops here, before any work
    shown = teams.digest_webhook.shown if teams.digest_webhook else "?"
    return DigestDestination(TEAMS_DIGEST_CHANNEL, make, f"Teams ({shown})", teams.suppress)


def digest_destinations(
    settings: Settings, to: Platform | None = None, slack_channel: str | None = None
) -> list[DigestDestination]:
    """Where `digest --post` sends: the one platform asked for, or every one set up.

    Raises:
        SettingError: the platform asked for is not set up, or none is.
    """
    slack_wanted = settings.bot_token is not None or slack_channel is not None
    teams_wanted = settings.teams.digest_webhook is not None
    destinations = []
    if to == Platform.SLACK or (to is None and slack_wanted):
        destinations.append(slack_destination(settings, slack_channel))
    if to == Platform.TEAMS or (to is None and teams_wanted):
        destinations.append(teams_destination(settings))
    if not destinations:
        raise SettingError(
            f"no chat tool is set up to post to: set {BOT_TOKEN_ENV} and {DIGEST_CHANNEL_ENV} for Slack, or "
            f"{settings.teams.digest_webhook_env} for Teams (see the README), or leave out --post to write the outbox"
        )
    return destinations


def scheduled_destinations(settings: Settings) -> list[DigestDestination]:
    """Where `serve` sends each due digest: every platform set up, or else the outbox folder (recorded as 'outbox').

    Slack with a bot token but no digest channel is set up for lookups only: no digest goes there, nor to
    the outbox in its place.
    """
    destinations = []
    if settings.bot_token and settings.digest_channel:
        destinations.append(slack_destination(settings))
    if settings.teams.digest_webhook:
        destinations.append(teams_destination(settings))
    if destinations or settings.bot_token:
        return destinations
    where = f"the outbox folder {settings.outbox} ({BOT_TOKEN_ENV} is not set)"
    return [
        DigestDestination(OUTBOX_CHANNEL, partial(OutboxNotifier, settings.outbox), where, settings.outbox_suppress)
    ]


def alert_senders(settings: Settings, echo: Callable[[str], None]) -> list[AlertSender]:
    """Every alerts channel set up (Slack, Teams), or else the outbox folder and the terminal (or log)."""
    senders = []
    if settings.bot_token and settings.alerts_channel:
        channel = settings.alerts_channel
        senders.append(AlertSender(channel, partial(slack_notifier, settings, channel), f"Slack channel {channel}"))
    webhook = settings.teams.alerts_webhook
    if webhook is not None:
        make = partial(teams_notifier, settings, webhook, settings.teams.alerts_webhook_env)
        senders.append(AlertSender(TEAMS_ALERTS_CHANNEL, make, f"Teams ({webhook.shown})"))
    if senders:
        return senders
    return [AlertSender(OUTBOX_CHANNEL, partial(OutboxNotifier, settings.outbox, echo), f"{settings.outbox}/alerts")]


def alert_after_snapshot(
    store: SnapshotStore, snapshot_id: int, settings: Settings, senders: list[AlertSender]
) -> list[AlertRecord]:
    """Decide what the new snapshot warrants for each channel, then send whatever is waiting (earlier failures too)."""
    sent = []
    for sender in senders:
        decide_alerts(store, store.get_snapshot(snapshot_id), settings.alert_rules, sender.channel)
        sent += deliver_alerts(store, sender.make_notifier(), sender.channel)
    return sent
