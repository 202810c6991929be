"""Microsoft Teams as one chat platform (bot.chat.ChatPlatform): the digest and alerts webhooks (Workflows),
the bot answering chats and @mentions, the outgoing webhook, and doctor's checks (bot.chats.teams.setup_checks).
The Teams libraries load only when a method needs them (the SDK reads a .env file in the working folder
when it loads).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot.chat import AlertSender, DigestDestination, ReviewChannel, ReviewDeskActions, Routes, Serving
from bot.chats.teams.channels import TEAMS_ALERTS_CHANNEL, TEAMS_DIGEST_CHANNEL
from bot.checks import FAILED, Check
from bot.delivery.files import save_workbook
from bot.settings import (
    TEAMS_CLIENT_ID_ENV,
    TEAMS_CLIENT_SECRET_ENV,
    TEAMS_OUTGOING_SECRET_ENV,
    TEAMS_REVIEW_BOT_FIX,
    TEAMS_REVIEW_NEEDS_BOT,
    SettingError,
    Settings,
    TeamsQuestionSettings,
    TeamsReviewSettings,
    Webhook,
    load_teams_question_settings,
)
from digest.contract.config import Config, ConfigError
from digest.store.lookups import TEAMS as TEAMS_NAME

if TYPE_CHECKING:
    from bot.chats.teams.notifier import TeamsNotifier
    from bot.web import WebApp
    from digest.reporting.content import Digest
    from digest.store.snapshots import SnapshotStore


def teams_notifier(
    settings: Settings, webhook: Webhook | None, env: str, save_table: Callable[[Digest], Path] | None = None
) -> TeamsNotifier:
    """bot.chats.teams.notifier's, loaded only when Teams is used (its card library alone takes a third of a second)."""
    from bot.chats.teams.notifier import teams_notifier

    return teams_notifier(settings, webhook, env, save_table)


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


class TeamsPlatform:
    name = TEAMS_NAME  # the audit's name for questions from the Teams bot, and what `digest --to` takes

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        return settings.teams.digest_webhook is not None

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        return teams_destination(settings)

    def describe_set_up(self, settings: Settings) -> str:
        return f"{settings.teams.digest_webhook_env} for Teams"

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        return teams_destination(settings) if settings.teams.digest_webhook else None

    def describe_digests(self, settings: Settings) -> list[str]:
        return []

    def keeps_outbox_off(self, settings: Settings) -> bool:
        return settings.teams.digest_webhook is not None

    def alert_sender(self, settings: Settings) -> AlertSender | None:
        webhook = settings.teams.alerts_webhook
        if webhook is None:
            return None
        make = partial(teams_notifier, settings, webhook, settings.teams.alerts_webhook_env)
        return AlertSender(TEAMS_ALERTS_CHANNEL, make, f"Teams ({webhook.shown})")

    def answers(self, serving: Serving) -> bool:
        teams = load_teams_question_settings(serving.config)
        return bool(teams.client_id or teams.outgoing_secret)

    def add_routes(self, web: WebApp, routes: Routes, serving: Serving) -> None:
        teams = load_teams_question_settings(serving.config)
        add_teams(
            web,
            routes,
            serving.config,
            teams,
            serving.open_store,
            serving.dev_unauthenticated,
            serving.store_path,
            (serving.settings.teams.review, serving.desk),
        )

    def describe_not_answering(self, serving: Serving) -> list[str]:
        teams = load_teams_question_settings(serving.config)
        lines = []
        if not (teams.client_id or serving.dev_unauthenticated):
            lines.append(f"Not answering in Teams chats: {TEAMS_CLIENT_ID_ENV} is not set.")
        if not teams.outgoing_secret:
            lines.append(f"No Teams outgoing webhook: {TEAMS_OUTGOING_SECRET_ENV} is not set.")
        return lines

    def check_set_up(self, settings: Settings, config: Config, environ: Mapping[str, str]) -> list[Check]:
        from bot.chats.teams.setup_checks import check_teams_bot, check_teams_review, check_teams_webhooks

        try:
            bot = check_teams_bot(load_teams_question_settings(config, environ))
        except ConfigError as error:  # said by doctor's environment or config check
            bot = [Check(FAILED, "Teams bot", str(error))]
        return [*check_teams_webhooks(settings.teams), *bot, *check_teams_review(settings)]

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        """[teams] review_conversation: drafts wait in that Teams channel, posted by the bot (.reviews)."""
        review = settings.teams.review
        if review is None:
            return None
        if not (review.bot.client_id and review.bot.client_secret):
            raise SettingError(f"{TEAMS_REVIEW_NEEDS_BOT}; {TEAMS_REVIEW_BOT_FIX}")
        from bot.chats.teams.reviews import TeamsReviewChannel

        return TeamsReviewChannel(settings, review)


TEAMS = TeamsPlatform()


def add_teams(
    web: WebApp,
    routes: Routes,
    config: Config,
    teams: TeamsQuestionSettings,
    open_store_now: Callable[[], SnapshotStore],
    dev_unauthenticated: bool,
    store: Path,
    reviewing: tuple[TeamsReviewSettings | None, ReviewDeskActions | None] = (None, None),
) -> None:
    """The Teams bot and the outgoing webhook, each when its settings are there. The answering processes'
    shared replay memory is the one Slack's requests use, beside the store. reviewing: the Teams review's settings,
    and the review desk its draft's Publish calls."""
    from digest.lookups.service import Access, LookupService
    from digest.store.lookups import TEAMS_WEBHOOK
    from digest.store.recent_keys import RecentKeys, recent_keys_path

    review, desk = reviewing
    channels = teams.allowed_channels
    if review is not None and channels:  # the analysts comment on their draft from the review channel
        channels = channels | {review.conversation}
    access = Access(channels, teams.allowed_users)
    seen = RecentKeys(recent_keys_path(store))
    if teams.client_id or dev_unauthenticated or teams.outgoing_secret:
        seen.prepare()
    if teams.client_id or dev_unauthenticated:
        # Imported here: the Teams SDK reads a .env file in the working folder when it loads.
        from bot.chats.teams.sdk_warnings import ignore_sdk_previews

        ignore_sdk_previews()  # before the SDK loads: it warns as it loads
        from bot.chats.teams.bot import MESSAGES_PATH, add_teams_bot

        if not teams.client_secret and not dev_unauthenticated:
            raise SettingError(
                f"answering in Teams needs {TEAMS_CLIENT_SECRET_ENV} as well: set it to the bot's client secret"
            )
        service = LookupService(open_store_now, config, access, platform=TEAMS_NAME, suppress=teams.suppress)
        from bot.chats.teams.reviews import DraftPresses

        presses = DraftPresses(review, desk) if review is not None else None
        add_teams_bot(web, service, teams, seen, allow_unauthenticated=dev_unauthenticated, presses=presses)
        routes.paths.append(MESSAGES_PATH)
        mode = " WITHOUT authentication (local development only)" if dev_unauthenticated else ""
        routes.lines.append(lambda base: f"Answering Teams chats and @mentions at {base}{MESSAGES_PATH}{mode}.")
    if teams.outgoing_secret:
        from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook, SecretError, decode_secret
        from bot.chats.teams.routes import add_outgoing_webhook_route

        try:
            key = decode_secret(teams.outgoing_secret)
        except SecretError as error:
            raise SettingError(str(error)) from None
        answers = LookupService(open_store_now, config, access, platform=TEAMS_WEBHOOK, suppress=teams.suppress)
        webhook = OutgoingWebhook(answers, key, seen)
        add_outgoing_webhook_route(web, webhook)
        routes.paths.append(OUTGOING_PATH)
        routes.lines.append(
            lambda base: (
                f"Answering the Teams outgoing webhook at {base}{OUTGOING_PATH} "
                "(its answers are seen by the whole channel)."
            )
        )
