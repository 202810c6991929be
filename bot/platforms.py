"""The chat platforms: one line each. Destinations, `serve`, `doctor` and `digest --to` loop over this list,
in its order (digests go to Slack, then Teams). To add a platform, see docs/adding-a-chat-platform.md.
"""

from __future__ import annotations

from bot.chat import ChatPlatform
from bot.chats.slack.platform import SLACK
from bot.chats.teams.platform import TEAMS

PLATFORMS: list[ChatPlatform] = [
    SLACK,
    TEAMS,
]


def platform_names() -> list[str]:
    """What `digest --to` takes."""
    return [platform.name for platform in PLATFORMS]
