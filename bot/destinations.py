"""Where digests and alerts go, decided once from the settings: each chat platform set up (bot.platforms), or
the outbox folder.

A digest destination names its ledger channel (the Slack channel ID, or "teams:digest"), so the one
ledger holds each month once per destination. Alerts are decided and sent per channel the same way
(bot.services.alerts). Without any chat tool set up, both go to the outbox folder (and alerts to the terminal or log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from bot.chat import AlertSender as AlertSender
from bot.chat import DigestDestination as DigestDestination
from bot.chats.slack.platform import slack_destination as slack_destination
from bot.outbox import OUTBOX_CHANNEL, OutboxNotifier
from bot.platforms import PLATFORMS
from bot.settings import BOT_TOKEN_ENV, SettingError, Settings

log = logging.getLogger(__name__)


def digest_destinations(
    settings: Settings, to: str | None = None, slack_channel: str | None = None
) -> list[DigestDestination]:
    """Where `digest --post` sends: the one platform asked for, or every one set up.

    Raises:
        SettingError: the platform asked for is not set up, or none is.
    """
    destinations = [
        platform.digest_destination(settings, slack_channel)
        for platform in PLATFORMS
        if to == platform.name or (to is None and platform.posts_digests(settings, slack_channel))
    ]
    if not destinations:
        ways = ", or ".join(platform.describe_set_up(settings) for platform in PLATFORMS)
        raise SettingError(
            f"no chat tool is set up to post to: set {ways} (see the README), or leave out --post to write the outbox"
        )
    return destinations


def scheduled_destinations(settings: Settings) -> list[DigestDestination]:
    """Where `serve` sends each due digest: every platform set up, or else the outbox folder (recorded as 'outbox').

    Slack with a bot token but no digest channel is set up for lookups only: no digest goes there, nor to
    the outbox in its place.
    """
    destinations = [d for platform in PLATFORMS if (d := platform.scheduled_destination(settings)) is not None]
    if destinations or any(platform.keeps_outbox_off(settings) for platform in PLATFORMS):
        return destinations
    where = f"the outbox folder {settings.outbox} ({BOT_TOKEN_ENV} is not set)"
    return [
        DigestDestination(OUTBOX_CHANNEL, partial(OutboxNotifier, settings.outbox), where, settings.outbox_suppress)
    ]


def alert_senders(settings: Settings, echo: Callable[[str], None]) -> list[AlertSender]:
    """Every alerts channel set up (Slack, Teams), or else the outbox folder and the terminal (or log)."""
    senders = [sender for platform in PLATFORMS if (sender := platform.alert_sender(settings)) is not None]
    if senders:
        return senders
    return [AlertSender(OUTBOX_CHANNEL, partial(OutboxNotifier, settings.outbox, echo), f"{settings.outbox}/alerts")]
