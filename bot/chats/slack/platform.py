"""Slack as one chat platform (bot.chat.ChatPlatform): the digest and alerts channels, /missing over HTTP or
Socket Mode with the draft's buttons, and doctor's checks of the token, scopes and channels. The Slack
libraries load only when a method needs them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from bot.chat import AlertSender, DigestDestination, ReviewChannel, Routes, Serving
from bot.checks import FAILED, NOT_SET_UP, PASSED, Check
from bot.settings import (
    ALERTS_CHANNEL_ENV,
    APP_TOKEN_ENV,
    BOT_TOKEN_ENV,
    DIGEST_CHANNEL_ENV,
    SIGNING_SECRET_ENV,
    SettingError,
    Settings,
)
from digest.store.lookups import SLACK as SLACK_NAME

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.chats.slack.notifier import SlackNotifier
    from bot.web import WebApp
    from digest.contract.config import Config
    from digest.lookups.service import Access

DOCTOR_DEADLINE_SECONDS = 15  # how long the Slack checks may keep retrying a slow connection


def slack_notifier(settings: Settings, channel: str) -> SlackNotifier:
    """bot.chats.slack.notifier's, loaded only when Slack is used: an ingest sending alerts to the outbox needs none."""
    from bot.chats.slack.notifier import slack_notifier

    return slack_notifier(settings, channel)


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


class SlackPlatform:
    name = SLACK_NAME  # the audit's name for questions from Slack, and what `digest --to` takes

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        return settings.bot_token is not None or channel is not None

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        return slack_destination(settings, channel)

    def describe_set_up(self, settings: Settings) -> str:
        return f"{BOT_TOKEN_ENV} and {DIGEST_CHANNEL_ENV} for Slack"

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        return slack_destination(settings) if settings.bot_token and settings.digest_channel else None

    def describe_digests(self, settings: Settings) -> list[str]:
        if settings.bot_token and not settings.digest_channel:
            return [
                f"Not posting digests to Slack: no channel for them (set {DIGEST_CHANNEL_ENV} or [slack] "
                "digest_channel)."
            ]
        return []

    def keeps_outbox_off(self, settings: Settings) -> bool:
        """Slack with a bot token but no digest channel is set up for lookups only: no digest goes there, nor to
        the outbox in its place."""
        return settings.bot_token is not None

    def alert_sender(self, settings: Settings) -> AlertSender | None:
        if not (settings.bot_token and settings.alerts_channel):
            return None
        channel = settings.alerts_channel
        return AlertSender(channel, partial(slack_notifier, settings, channel), f"Slack channel {channel}")

    def answers(self, serving: Serving) -> bool:
        return bool(serving.settings.signing_secret or serving.settings.app_token)

    def add_routes(self, web: WebApp, routes: Routes, serving: Serving) -> None:
        app = add_slack(web, routes, serving)
        token = serving.settings.app_token
        if app is not None and token:
            routes.connections.append(partial(connect_socket_mode, app, token))

    def describe_not_answering(self, serving: Serving) -> list[str]:
        settings = serving.settings
        if settings.signing_secret or settings.app_token:
            return []
        lines = [
            f"Not answering {settings.slash.command} in Slack: {SIGNING_SECRET_ENV} (or {APP_TOKEN_ENV}) is not set."
        ]
        if settings.review.channel:
            lines.append(
                "The draft's Preview and Publish buttons will not work without it: publish a draft with "
                "missing-report publish --month YYYY-MM."
            )
        return lines

    def check_set_up(self, settings: Settings, config: Config, environ: Mapping[str, str]) -> list[Check]:
        return [*check_slack_setup(settings), check_slash_command(settings)]

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        """[digest] review_channel: drafts wait in that Slack channel (bot.chats.slack.reviews)."""
        if not settings.review.channel:
            return None
        from bot.chats.slack.reviews import slack_review_channel

        return slack_review_channel(settings)


SLACK = SlackPlatform()


def connect_socket_mode(app: App, token: str) -> Callable[[], None]:
    """Socket Mode's connection, once serve has said what it serves; gives back how to close it."""
    from bot.chats.slack.socket_mode import close_socket_mode, connect_socket_mode

    handler = connect_socket_mode(app, token)
    return partial(close_socket_mode, handler)


def compute_slack_access(settings: Settings) -> Access:
    """Who may ask and comment in Slack: [slash]'s lists, and the analysts' review channel, which must be able to
    comment on (and ask about) the draft it is shown whatever the lists say."""
    from digest.lookups.service import Access

    access = Access(settings.slash.allowed_channels, settings.slash.allowed_users)
    if settings.review.channel and (access.channels or access.users):
        return Access(access.channels | {settings.review.channel}, access.users)
    return access


def add_slack(web: WebApp, routes: Routes, serving: Serving) -> App | None:
    """/missing over HTTP (and the draft's buttons), or the app to connect over Socket Mode; nothing when Slack is
    not set up for it. The answering processes' shared replay memory is kept beside the store."""
    settings = serving.settings
    if not (settings.signing_secret or settings.app_token):
        return None
    from slack_sdk import WebClient

    from bot.chats.slack.app import build_app
    from bot.chats.slack.requests import RequestGuard, audit_refusals
    from bot.chats.slack.reviews import SlackReviewButtons
    from bot.chats.slack.routes import EVENTS_PATH, add_slack_route
    from digest.lookups.service import LookupService
    from digest.store.recent_keys import RecentKeys, recent_keys_path

    command = settings.slash.command
    if not settings.bot_token:
        raise SettingError(f"answering {command} needs {BOT_TOKEN_ENV} as well: set it to the bot token")
    access = compute_slack_access(settings)
    service = LookupService(serving.open_store, serving.config, access, suppress=settings.slash.suppress)
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    buttons = SlackReviewButtons(serving.desk, settings.review) if serving.desk is not None else None
    app = build_app(service, command, settings.signing_secret or "", client, reviews=buttons)
    if settings.app_token:
        routes.lines.append(lambda base: f"Answering {command} over Socket Mode.")
        return app
    seen = RecentKeys(recent_keys_path(serving.store_path))
    seen.prepare()
    add_slack_route(web, app, RequestGuard(settings.signing_secret or "", seen), audit_refusals(service))
    routes.paths.append(EVENTS_PATH)
    routes.lines.append(lambda base: f"Answering {command} at {base}{EVENTS_PATH}.")
    return None


def check_slack_setup(settings: Settings) -> list[Check]:
    from bot.chats.slack.client import build_web_client, quiet_sdk_logs
    from bot.chats.slack.setup_checks import check_slack

    # slack-sdk logs each failed request at ERROR: with no network, a screenful; the check's line says it once.
    quiet_sdk_logs(logging.getLogger().isEnabledFor(logging.DEBUG))

    if not settings.bot_token:
        return [
            Check(
                NOT_SET_UP,
                "Slack",
                f"{BOT_TOKEN_ENV} is not set: digests and alerts go to the outbox folder {settings.outbox}/",
            )
        ]
    channels = {
        purpose: channel
        for purpose, channel in (
            ("digest channel", settings.digest_channel),
            ("alerts channel", settings.alerts_channel),
            ("review channel", settings.review.channel),
        )
        if channel
    }
    # Its retries are not told: the check's one line says how it ended.
    deadline = time.monotonic() + DOCTOR_DEADLINE_SECONDS
    client = build_web_client(settings.bot_token, settings.api_url, deadline, report=logging.getLogger(__name__).debug)
    checks = check_slack(client, channels, answers_slash_command=bool(settings.signing_secret or settings.app_token))
    if not settings.digest_channel:
        checks.append(
            Check(NOT_SET_UP, "Slack digest channel", f"not set ({DIGEST_CHANNEL_ENV}): the digest goes to the outbox")
        )
    if not settings.alerts_channel:
        checks.append(
            Check(NOT_SET_UP, "Slack alerts channel", f"not set ({ALERTS_CHANNEL_ENV}): alerts go to the outbox")
        )
    return checks


def check_slash_command(settings: Settings) -> Check:
    """How the slash command would be answered: Socket Mode, HTTP with a signing secret, or not at all."""
    from bot.chats.slack.routes import EVENTS_PATH

    name = f"Slash command {settings.slash.command}"
    if not (settings.app_token or settings.signing_secret):
        return Check(
            NOT_SET_UP,
            name,
            f"not answered; set {APP_TOKEN_ENV} for Socket Mode (no public URL), "
            f"or {SIGNING_SECRET_ENV} to answer over HTTP",
        )
    if not settings.bot_token:
        return Check(FAILED, name, f"{BOT_TOKEN_ENV} is not set", f"set {BOT_TOKEN_ENV} to the bot token as well")
    if settings.app_token:
        if not settings.app_token.startswith("xapp-"):
            return Check(
                FAILED,
                name,
                f"{APP_TOKEN_ENV} is not an app-level token (they start xapp-)",
                f"in the Slack app's Basic Information, generate an app-level token with connections:write "
                f"and set {APP_TOKEN_ENV} to it",
            )
        return Check(PASSED, name, f"answered over Socket Mode ({APP_TOKEN_ENV} is set); no public URL needed")
    if settings.signing_secret and settings.signing_secret.startswith(("xox", "xapp-")):
        return Check(
            FAILED,
            name,
            f"{SIGNING_SECRET_ENV} holds a token, not the signing secret",
            f"copy the Signing Secret from the Slack app's Basic Information into {SIGNING_SECRET_ENV}",
        )
    return Check(
        PASSED,
        name,
        f"answered over HTTP on port {settings.slash.port} at {EVENTS_PATH}, "
        f"requests verified with {SIGNING_SECRET_ENV}",
    )
