"""The bot's settings: the [slack], [teams], [digest] and other bot sections of the config, and the environment.

Secrets (tokens, signing secret, webhook URLs) come only from the environment. Every value is checked here, with a
message that names the setting and how to fix it. This module names every environment variable the bot reads and
is the only one in bot/ that reads the environment (read_environment); the core reads only $MISSING_REPORT_CONFIG,
to find the config file (digest.contract.config.CONFIG_ENV).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.alerts.still_missing import AlertRules
from digest.contract.config import CONFIG_ENV as CONFIG_ENV  # named here with the rest
from digest.contract.config import SHIPPED_CONFIG, Config, ConfigError
from digest.contract.deadlines import DeadlineRule, parse_deadline_rule
from digest.figures.periods import month_key
from digest.intake.inbox import InboxSettings

SLACK_API_URL = "https://slack.com/api/"  # Slack's Web API, unless SLACK_API_URL points elsewhere
# Every variable's name starts with one of these (a test's clean environment leaves them all out).
SETTING_PREFIXES = ("MISSING_REPORT_", "SLACK_", "TEAMS_")
DB_ENV = "MISSING_REPORT_DB"
HOME_ENV = "MISSING_REPORT_HOME"  # the folder the store, outbox and drop folder of the config live under
APP_NAME = "missing-report"  # the user's data folder's name, when that is the home
CONFIG_FOLDER = "config"  # a config file in a folder of this name has its home in the folder above
CI_ENV = "CI"  # set to "true" by GitHub Actions, GitLab CI and most others: no progress bar is drawn there
BOT_TOKEN_ENV = "SLACK_BOT_TOKEN"  # noqa: S105 (the variable's name, not a token)
API_URL_ENV = "SLACK_API_URL"
DIGEST_CHANNEL_ENV = "SLACK_DIGEST_CHANNEL"
SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET"  # noqa: S105 (the variable's name)
APP_TOKEN_ENV = "SLACK_APP_TOKEN"  # noqa: S105 (the variable's name)
ALERTS_CHANNEL_ENV = "SLACK_ALERTS_CHANNEL"
TEAMS_DIGEST_WEBHOOK_ENV = "TEAMS_DIGEST_WEBHOOK_URL"
TEAMS_ALERTS_WEBHOOK_ENV = "TEAMS_ALERTS_WEBHOOK_URL"
TEAMS_CLIENT_ID_ENV = "TEAMS_CLIENT_ID"
TEAMS_CLIENT_SECRET_ENV = "TEAMS_CLIENT_SECRET"  # noqa: S105 (the variable's name)
TEAMS_TENANT_ID_ENV = "TEAMS_TENANT_ID"
TEAMS_OUTGOING_SECRET_ENV = "TEAMS_OUTGOING_WEBHOOK_SECRET"  # noqa: S105 (the variable's name)
# Only to point the bot at test servers, as SLACK_API_URL does for Slack.
TEAMS_LOGIN_URL_ENV = "TEAMS_LOGIN_URL"
TEAMS_OPENID_URL_ENV = "TEAMS_OPENID_URL"
PORT_ENV = "MISSING_REPORT_PORT"  # serve's HTTP port when --port is not given: a service's /healthz (deploy/)
PUBLIC_URL_ENV = "MISSING_REPORT_PUBLIC_URL"  # where people reach serve's web report; digests link to it
REPORT_PATH = "/report"  # the web report's pages: /report/ and /report/YYYY-MM
ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/teams/"  # the Bot Connector for proactive messages, any region
GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")  # Entra's ids
TEAMS_CHANNEL_ID = re.compile(r"19:[^;\s]+@thread\.(tacv2|skype)")  # a Teams channel's conversation id
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")  # plain http is allowed only to these (a test server)
MAX_PORT = 65535
LAST_SAFE_DAY = 28  # every month has a 28th, so a digest day up to it falls in every month
SLACK_CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{6,20}")  # a public (C) or private (G) channel's ID
SLACK_USER_ID = re.compile(r"[UW][A-Z0-9]{6,20}")
DEFAULT_REVIEW_DEADLINE = "2 working days"


class EnvironmentSettingError(ConfigError):
    """An environment variable that holds a wrong value (not the config file's doing); names the variable, so that
    `doctor` can say so and go on checking without it."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(message)
        self.variable = variable


class SettingError(Exception):
    """A missing or wrong setting for sending (token, channel); the message says how to set it."""


@dataclass(frozen=True)
class Schedule:
    day: int
    hour: int
    minute: int
    timezone: str
    retry_every_minutes: int


@dataclass(frozen=True)
class SlashSettings:
    command: str
    allowed_channels: frozenset[str]
    allowed_users: frozenset[str]
    port: int
    suppress: bool = False  # disclosure control on /missing answers ([slash] suppress)


@dataclass(frozen=True)
class InboxJobSettings:
    inbox: InboxSettings
    every_minutes: int


@dataclass(frozen=True)
class Webhook:
    """A Teams Workflows webhook: its URL (a secret, never logged in full) and the variable it came from."""

    url: str = field(repr=False)
    env: str

    @property
    def shown(self) -> str:
        """The URL as it may be shown: its host and an ellipsis."""
        return f"{urlsplit(self.url).hostname or '?'}/…"


TEAMS_REVIEW_NEEDS_BOT = (
    f"[teams] review_conversation needs {TEAMS_CLIENT_ID_ENV} and {TEAMS_CLIENT_SECRET_ENV}: the Teams bot posts the "
    "drafts there"
)
TEAMS_REVIEW_BOT_FIX = 'set them, or set review_conversation = "" for no review in Teams'


@dataclass(frozen=True)
class TeamsBotCredentials:
    """The Teams bot's registration, for what it posts unasked (the review's draft)."""

    client_id: str | None
    client_secret: str | None = field(repr=False)
    tenant_id: str | None
    login_url: str | None  # TEAMS_LOGIN_URL: tests' token endpoint; None for Microsoft's


@dataclass(frozen=True)
class TeamsReviewSettings:
    """Review in a Teams channel ([teams] review_conversation): where the bot posts drafts, and who may publish."""

    conversation: str  # the analysts' channel's conversation id, "19:...@thread.tacv2"
    service_url: str  # the Bot Connector the bot posts there through ([teams] review_service_url)
    publishers: frozenset[str]  # Entra object ids; empty: anyone in the review channel
    publishers_setting: str  # the setting they come from: "[teams] publishers", or "[teams] allowed_users" for want
    bot: TeamsBotCredentials

    def may_publish(self, user: str, conversation: str) -> bool:
        """user (an Entra object id) pressed Publish in conversation (a channel's id, without its thread)."""
        return user in self.publishers if self.publishers else conversation == self.conversation

    def describe_publishers(self) -> str:
        """Who may press Publish, in words: "the 2 people in [teams] publishers"."""
        count = len(self.publishers)
        if not count:
            return "anyone in the Teams review channel"
        return f"the {count} {'person' if count == 1 else 'people'} in {self.publishers_setting}"


@dataclass(frozen=True)
class TeamsSettings:
    digest_webhook: Webhook | None
    digest_webhook_env: str  # the variable it is read from, named in messages even when unset
    alerts_webhook: Webhook | None
    alerts_webhook_env: str
    table_link: str | None  # where people find the full table (XLSX), since a webhook cannot carry it
    suppress: bool = False  # disclosure control on the Teams digest ([teams] suppress)
    review: TeamsReviewSettings | None = None  # [teams] review_conversation: drafts reviewed in Teams


class IfNotPublished(StrEnum):
    """What happens to a draft nobody has published by its deadline ([digest] if_not_published)."""

    PUBLISH = "publish"  # publish it anyway, recorded as published at the deadline
    REMIND = "remind"  # remind the review channel once each working day, and keep waiting


@dataclass(frozen=True)
class ReviewSettings:
    """Review before publishing ([digest] review_channel and the rest); off without a channel."""

    channel: str | None = None
    deadline: DeadlineRule = field(default_factory=lambda: parse_deadline_rule(DEFAULT_REVIEW_DEADLINE))
    if_not_published: IfNotPublished = IfNotPublished.REMIND
    publishers: frozenset[str] = frozenset()  # empty: anyone in the review channel may publish

    def may_publish(self, user: str) -> bool:
        return not self.publishers or user in self.publishers


@dataclass(frozen=True)
class Settings:
    bot_token: str | None
    api_url: str
    digest_channel: str | None
    schedule: Schedule
    deadline_seconds: int
    outbox: Path
    signing_secret: str | None
    app_token: str | None
    slash: SlashSettings
    alerts_channel: str | None
    alert_rules: AlertRules
    inbox: InboxJobSettings
    teams: TeamsSettings
    slack_suppress: bool = False  # disclosure control on the Slack digest ([slack] suppress)
    outbox_suppress: bool = False  # disclosure control on the outbox folder ([digest] outbox_suppress)
    review: ReviewSettings = ReviewSettings()
    public_url: str | None = None  # MISSING_REPORT_PUBLIC_URL: digests link to the month's web report there

    def report_link(self, month: int) -> str | None:
        """The month's web report, where digests link to it: None without a public URL."""
        return f"{self.public_url}{REPORT_PATH}/{month_key(month)}" if self.public_url else None


def _int(section: Mapping[str, Any], key: str, default: int, low: int, high: int, where: str) -> int:
    value = section.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"{where} {key} = {value!r} must be a whole number from {low} to {high}")
    return value


def _flag(section: Mapping[str, Any], key: str, where: str) -> bool:
    value = section.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where} {key} = {value!r} must be true or false")
    return value


def _section(config: Config, name: str) -> Mapping[str, Any]:
    value = config.raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"config file {config.source}: [{name}] must be a table")
    return value


def read_environment(environ: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """The environment settings are read from: this process's, unless one is given (a test's)."""
    return os.environ if environ is None else environ


def load_store_path(config: Config, given: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The snapshot store: given (--db), else $MISSING_REPORT_DB, else the config's [store] path under the home."""
    env = read_environment(environ)
    return Path(given or env.get(DB_ENV) or load_home(config, env).path / config.store_path)


@dataclass(frozen=True)
class Home:
    """The folder the config's relative paths (store, outbox, drop folder) are read under, and why it is that one."""

    path: Path
    why: str


def load_home(config: Config, environ: Mapping[str, str] | None = None) -> Home:
    """$MISSING_REPORT_HOME; else the folder of the config file (the one above it when that is named config/, as
    in `<home>/config/missing-report.toml`); else, with no config file of the user's, the user's data folder."""
    env = read_environment(environ)
    if env.get(HOME_ENV):
        return Home(Path(env[HOME_ENV]).expanduser(), HOME_ENV)
    if config.source.is_file() and config.source != SHIPPED_CONFIG:
        folder = config.source.parent
        return Home(folder.parent if folder.name == CONFIG_FOLDER else folder, "the config file's home")
    import platformdirs

    return Home(platformdirs.user_data_path(APP_NAME, appauthor=False), "the user's data folder")


def place_under_home(settings: Settings, home: Path) -> Settings:
    """The settings with the outbox and drop folder under home (a path that is absolute already stays)."""
    inbox = replace(settings.inbox.inbox, folder=home / settings.inbox.inbox.folder)
    return replace(settings, outbox=home / settings.outbox, inbox=replace(settings.inbox, inbox=inbox))


def load_settings_at_home(config: Config, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings a command runs with: load_settings, its paths under the home."""
    env = read_environment(environ)
    return place_under_home(load_settings(config, env), load_home(config, env).path)


def is_under_ci(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a CI service runs us ($CI set to anything but a no)."""
    return read_environment(environ).get(CI_ENV, "").strip().lower() not in ("", "0", "false", "no")


def load_settings(config: Config, environ: Mapping[str, str] | None = None) -> Settings:
    env = read_environment(environ)
    slack, digest = _section(config, "slack"), _section(config, "digest")
    where = f"config file {config.source}: [digest]"
    timezone = digest.get("timezone", "Europe/London")
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f'{where} timezone = {timezone!r} is not a time zone; use a name like "Europe/London"'
        ) from None
    schedule = Schedule(
        day=_int(digest, "day", 10, 1, LAST_SAFE_DAY, where),
        hour=_int(digest, "hour", 9, 0, 23, where),
        minute=_int(digest, "minute", 0, 0, 59, where),
        timezone=str(timezone),
        retry_every_minutes=_int(digest, "retry_every_minutes", 15, 1, 24 * 60, where),
    )
    api_url = env.get(API_URL_ENV) or str(slack.get("api_url") or SLACK_API_URL)
    if not api_url.startswith(("http://", "https://")):
        message = f"the Slack API URL {api_url!r} must start with https:// ({API_URL_ENV} or [slack] api_url)"
        raise EnvironmentSettingError(API_URL_ENV, message) if env.get(API_URL_ENV) else ConfigError(message)
    settings = Settings(
        signing_secret=env.get(SIGNING_SECRET_ENV) or None,
        app_token=env.get(APP_TOKEN_ENV) or None,
        slash=_slash(config),
        alerts_channel=env.get(ALERTS_CHANNEL_ENV) or str(_section(config, "alerts").get("channel") or "") or None,
        alert_rules=_alert_rules(config),
        inbox=_inbox(config),
        teams=_teams(config, env),
        bot_token=env.get(BOT_TOKEN_ENV) or None,
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        digest_channel=env.get(DIGEST_CHANNEL_ENV) or str(slack.get("digest_channel") or "") or None,
        schedule=schedule,
        deadline_seconds=_int(digest, "deadline_seconds", 300, 5, 3600, where),
        outbox=Path(str(digest.get("outbox", "outbox"))),
        slack_suppress=_flag(slack, "suppress", f"config file {config.source}: [slack]"),
        outbox_suppress=_flag(digest, "outbox_suppress", where),
        review=_review(digest, where),
        public_url=read_public_url(env),
    )
    if settings.review.channel and settings.review.channel == settings.digest_channel:
        raise ConfigError(
            f"{where} review_channel is the managers' digest channel ({settings.digest_channel}): drafts go to the "
            "analysts' own channel, so set review_channel to that channel's ID, or to \"\" for no review"
        )
    return settings


def read_port(environ: Mapping[str, str] | None = None) -> int | None:
    """MISSING_REPORT_PORT: the port serve listens on when --port is not given (0: any free one); None if unset."""
    text = read_environment(environ).get(PORT_ENV, "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_PORT:
        raise EnvironmentSettingError(
            PORT_ENV, f"{PORT_ENV} = {text!r} must be a port number from 1 to {MAX_PORT}, like 3000, or unset"
        )
    return int(text)


def read_public_url(env: Mapping[str, str]) -> str | None:
    """MISSING_REPORT_PUBLIC_URL without its trailing slash: https://, or http:// on this machine (tests)."""
    url = (env.get(PUBLIC_URL_ENV) or "").rstrip("/")
    if not url:
        return None
    parts = urlsplit(url)
    if not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS)) or (
        parts.path or parts.query
    ):
        raise ConfigError(
            f"{PUBLIC_URL_ENV} = {url!r} must be the https:// address people reach the server at, without a path, "
            'like "https://missing-report.council.gov.uk"'
        )
    return url


def _review(digest: Mapping[str, Any], where: str) -> ReviewSettings:
    channel = digest.get("review_channel", "")
    if not isinstance(channel, str) or (channel and not SLACK_CHANNEL_ID.fullmatch(channel)):
        raise ConfigError(
            f"{where} review_channel = {channel!r} is not a Slack channel ID: use the analysts' channel's ID, "
            'like "C0123456789" (in Slack, the channel\'s details, at the bottom of About), or "" for no review'
        )
    deadline = digest.get("review_deadline", DEFAULT_REVIEW_DEADLINE)
    try:
        rule = parse_deadline_rule(str(deadline))
    except ValueError as error:
        raise ConfigError(f"{where} review_deadline: {error}") from None
    choice = digest.get("if_not_published", IfNotPublished.REMIND.value)
    if choice not in {c.value for c in IfNotPublished}:
        raise ConfigError(
            f'{where} if_not_published = {choice!r} must be "publish" (publish the draft at the deadline) or '
            '"remind" (remind the review channel each working day and keep waiting)'
        )
    publishers = _checked_ids(
        digest,
        "publishers",
        where,
        SLACK_USER_ID,
        'a Slack user ID: use member IDs like "U0123456789" (in Slack, a person\'s profile > ⋮ > Copy member ID), or '
        "[] for anyone in the review channel",
    )
    return ReviewSettings(channel or None, rule, IfNotPublished(choice), publishers)


def _ids(section: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where} {key} must be a list of IDs in quotes, like ["C0123456789"]')
    return frozenset(value)


def _checked_ids(
    section: Mapping[str, Any], key: str, where: str, pattern: re.Pattern[str], wanted: str
) -> frozenset[str]:
    """A list of people's ids, each of the platform's form (pattern); wanted says what one is and how to find it."""
    ids = _ids(section, key, where)
    wrong = sorted(value for value in ids if not pattern.fullmatch(value))
    if wrong:
        raise ConfigError(f"{where} {key} lists {wrong[0]!r}, which is not {wanted}")
    return ids


def _slash(config: Config) -> SlashSettings:
    slash = _section(config, "slash")
    where = f"config file {config.source}: [slash]"
    command = slash.get("command", "/missing")
    if not isinstance(command, str) or not command.startswith("/") or " " in command:
        raise ConfigError(f'{where} command = {command!r} must be a slash command like "/missing"')
    return SlashSettings(
        command=command,
        allowed_channels=_ids(slash, "allowed_channels", where),
        allowed_users=_ids(slash, "allowed_users", where),
        port=_int(slash, "port", 3000, 1, 65535, where),
        suppress=_flag(slash, "suppress", where),
    )


def _alert_rules(config: Config) -> AlertRules:
    alerts = _section(config, "alerts")
    where = f"config file {config.source}: [alerts]"
    back = alerts.get("back_to_earlier_level", True)
    if not isinstance(back, bool):
        raise ConfigError(f"{where} back_to_earlier_level = {back!r} must be true or false")
    return AlertRules(
        rise_step=_int(alerts, "rise_step", 1, 1, 10_000, where),
        back_to_earlier_level=back,
        reminder_level=_int(alerts, "reminder_level", 0, 0, 100_000, where),
        reminder_hours=_int(alerts, "reminder_hours", 24, 1, 24 * 365, where),
        suppress=_flag(alerts, "suppress", where),
    )


def _inbox(config: Config) -> InboxJobSettings:
    inbox = _section(config, "inbox")
    where = f"config file {config.source}: [inbox]"
    fmt = inbox.get("as_at_format", "%Y-%m-%d_%H%M")
    if not isinstance(fmt, str) or (fmt and "%Y" not in fmt):
        raise ConfigError(f'{where} as_at_format = {fmt!r} must be a date format with %Y, like "%Y-%m-%d_%H%M"')
    return InboxJobSettings(
        InboxSettings(
            folder=Path(str(inbox.get("folder", "inbox"))),
            as_at_format=fmt or None,
            settle_seconds=_int(inbox, "settle_seconds", 60, 0, 24 * 3600, where),
        ),
        every_minutes=_int(inbox, "every_minutes", 15, 1, 24 * 60, where),
    )


@dataclass(frozen=True)
class TeamsQuestionSettings:
    """The Teams bot's credentials, the outgoing webhook's secret, and who may ask in Teams ([teams])."""

    client_id: str | None
    client_secret: str | None
    tenant_id: str | None
    outgoing_secret: str | None
    allowed_channels: frozenset[str]
    allowed_users: frozenset[str]
    login_url: str | None
    openid_url: str | None
    suppress: bool = (
        False  # disclosure control on answers in Teams, bot and outgoing webhook ([teams] questions_suppress)
    )


def load_teams_question_settings(config: Config, environ: Mapping[str, str] | None = None) -> TeamsQuestionSettings:
    env = read_environment(environ)
    teams = _section(config, "teams")
    where = f"config file {config.source}: [teams]"
    urls = {name: env.get(name) or None for name in (TEAMS_LOGIN_URL_ENV, TEAMS_OPENID_URL_ENV)}
    for name, url in urls.items():
        if url and not url.startswith(("http://", "https://")):
            raise EnvironmentSettingError(name, f"{name} = {url!r} must be a URL starting with https://")
    return TeamsQuestionSettings(
        client_id=env.get(TEAMS_CLIENT_ID_ENV) or None,
        client_secret=env.get(TEAMS_CLIENT_SECRET_ENV) or None,
        tenant_id=env.get(TEAMS_TENANT_ID_ENV) or None,
        outgoing_secret=env.get(TEAMS_OUTGOING_SECRET_ENV) or None,
        allowed_channels=_ids(teams, "allowed_channels", where),
        allowed_users=_ids(teams, "allowed_users", where),
        login_url=urls[TEAMS_LOGIN_URL_ENV],
        openid_url=urls[TEAMS_OPENID_URL_ENV],
        suppress=_flag(teams, "questions_suppress", where),
    )


def _teams(config: Config, env: Mapping[str, str]) -> TeamsSettings:
    teams = _section(config, "teams")
    where = f"config file {config.source}: [teams]"

    def webhook(key: str, default: str) -> tuple[Webhook | None, str]:
        name = teams.get(key, default)
        if not isinstance(name, str) or not ENV_NAME.fullmatch(name):
            hint = " (the URL is a secret: put it in that variable, never in this file)" if "://" in str(name) else ""
            raise ConfigError(
                f'{where} {key} must name an environment variable that holds the webhook URL, like "{default}"{hint}'
            )
        url = env.get(name) or ""
        if not url:
            return None, name
        parts = urlsplit(url)
        if not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS)):
            raise EnvironmentSettingError(
                name,
                f"{name} (in the environment) must be the https:// URL of the Teams workflow's webhook trigger "
                '(Workflows: "When a Teams webhook request is received")',
            )
        return Webhook(url, name), name

    digest_webhook, digest_env = webhook("digest_webhook", TEAMS_DIGEST_WEBHOOK_ENV)
    alerts_webhook, alerts_env = webhook("alerts_webhook", TEAMS_ALERTS_WEBHOOK_ENV)
    link = teams.get("table_link", "")
    if not isinstance(link, str) or (link and not link.startswith("https://")):
        raise ConfigError(f"{where} table_link = {link!r} must be an https:// link (a SharePoint folder, say) or empty")
    return TeamsSettings(
        digest_webhook,
        digest_env,
        alerts_webhook,
        alerts_env,
        link or None,
        _flag(teams, "suppress", where),
        _teams_review(teams, env, where),
    )


def _teams_review(teams: Mapping[str, Any], env: Mapping[str, str], where: str) -> TeamsReviewSettings | None:
    conversation = teams.get("review_conversation", "")
    if not isinstance(conversation, str) or (conversation and not TEAMS_CHANNEL_ID.fullmatch(conversation)):
        raise ConfigError(
            f"{where} review_conversation = {conversation!r} is not a Teams channel's conversation id: @mention the "
            'bot with "review here" in the analysts\' channel and copy the line it answers, like '
            '"19:0123abcd@thread.tacv2", or "" for no review in Teams'
        )
    service_url = teams.get("review_service_url", TEAMS_SERVICE_URL)
    parts = urlsplit(service_url) if isinstance(service_url, str) else None
    if parts is None or not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS)):
        raise ConfigError(
            f"{where} review_service_url = {service_url!r} must be the https:// Bot Connector URL the bot's \"review "
            f'here" answer gave, like "{TEAMS_SERVICE_URL}"'
        )
    publishers = _checked_ids(
        teams,
        "publishers",
        where,
        GUID,
        'an Entra object id: use ids like "00000000-0000-0000-0000-000000000000" (Entra admin centre > Users > the '
        "person > Object ID), or [] for the people in [teams] allowed_users",
    )
    if not conversation:
        return None
    setting = "[teams] publishers"
    if not publishers:
        publishers, setting = _ids(teams, "allowed_users", where), "[teams] allowed_users"
    bot = TeamsBotCredentials(
        env.get(TEAMS_CLIENT_ID_ENV) or None,
        env.get(TEAMS_CLIENT_SECRET_ENV) or None,
        env.get(TEAMS_TENANT_ID_ENV) or None,
        env.get(TEAMS_LOGIN_URL_ENV) or None,
    )
    return TeamsReviewSettings(conversation, service_url.rstrip("/") + "/", publishers, setting, bot)
