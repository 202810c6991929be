"""The bot's settings: the [slack] and [digest] sections of the config, and the environment.

Secrets (tokens, signing secret) come only from the environment. Every value is checked here, with a
message that names the setting and how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.slack_client import SLACK_API_URL
from digest.config import Config, ConfigError

BOT_TOKEN_ENV = "SLACK_BOT_TOKEN"  # noqa: S105 (the variable's name, not a token)
API_URL_ENV = "SLACK_API_URL"
DIGEST_CHANNEL_ENV = "SLACK_DIGEST_CHANNEL"
LAST_SAFE_DAY = 28  # every month has a 28th, so a digest day up to it falls in every month


@dataclass(frozen=True)
class Schedule:
    day: int
    hour: int
    minute: int
    timezone: str
    retry_every_minutes: int


@dataclass(frozen=True)
class Settings:
    bot_token: str | None
    api_url: str
    digest_channel: str | None
    schedule: Schedule
    deadline_seconds: int
    outbox: Path


def _int(section: Mapping[str, Any], key: str, default: int, low: int, high: int, where: str) -> int:
    value = section.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"{where} {key} = {value!r} must be a whole number from {low} to {high}")
    return value


def _section(config: Config, name: str) -> Mapping[str, Any]:
    value = config.raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"config file {config.source}: [{name}] must be a table")
    return value


def load_settings(config: Config, environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
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
        raise ConfigError(f"the Slack API URL {api_url!r} must start with https:// ({API_URL_ENV} or [slack] api_url)")
    return Settings(
        bot_token=env.get(BOT_TOKEN_ENV) or None,
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        digest_channel=env.get(DIGEST_CHANNEL_ENV) or str(slack.get("digest_channel") or "") or None,
        schedule=schedule,
        deadline_seconds=_int(digest, "deadline_seconds", 300, 5, 3600, where),
        outbox=Path(str(digest.get("outbox", "outbox"))),
    )
