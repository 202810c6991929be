"""Test-only chat platforms: registered (one line, as a real one is in bot/platforms.py) for one test only, and one
that does nothing of its own to build them on."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import TypeVar

import pytest

from bot.chat import AlertSender, DigestDestination, ReviewChannel, Routes, Serving
from bot.checks import Check
from bot.platforms import PLATFORMS
from bot.settings import SettingError, Settings
from bot.web import WebApp
from digest.contract.config import Config

Platform = TypeVar("Platform")


@contextlib.contextmanager
def register_platform(
    platform: Platform, monkeypatch: pytest.MonkeyPatch, setting: str, value: str
) -> Iterator[Platform]:
    """platform in the registry, set up by the environment variable setting = value, until the block ends."""
    monkeypatch.setenv(setting, value)
    PLATFORMS.append(platform)  # type: ignore[arg-type]  # a fake: it has what the test exercises
    try:
        yield platform
    finally:
        PLATFORMS.remove(platform)  # type: ignore[arg-type]


class QuietPlatform:
    """A chat platform that does nothing of its own (no digests, alerts, questions, review or doctor lines): a test's
    platform overrides what it is about."""

    name = "quiet"
    setting = "MISSING_REPORT_QUIET"  # what describe_set_up names

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        return False

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        raise SettingError(f"{self.name} takes no digests")

    def describe_set_up(self, settings: Settings) -> str:
        return f"{self.setting} for {self.name.capitalize()}"

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        return None

    def describe_digests(self, settings: Settings) -> list[str]:
        return []

    def keeps_outbox_off(self, settings: Settings) -> bool:
        return False

    def alert_sender(self, settings: Settings) -> AlertSender | None:
        return None

    def answers(self, serving: Serving) -> bool:
        return False

    def add_routes(self, web: WebApp, routes: Routes, serving: Serving) -> None:
        return None

    def describe_not_answering(self, serving: Serving) -> list[str]:
        return []

    def check_set_up(self, settings: Settings, config: Config, environ: Mapping[str, str]) -> list[Check]:
        return []

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        return None
