"""A test-only chat platform, registered (one line, as a real one is in bot/platforms.py) for one test only."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TypeVar

import pytest

from bot.platforms import PLATFORMS

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
