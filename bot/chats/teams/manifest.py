"""The Teams app package a council's Teams admin uploads: manifest.json and two icons, zipped.

The bot's id is the Azure bot registration's client id (TEAMS_CLIENT_ID); the app's own id is the same
GUID, so one registration is one app and a new package replaces the old one when uploaded again.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from bot.settings import GUID

MANIFEST_VERSION = "1.22"  # the Teams app manifest schema this package follows
SCHEMA_URL = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
APP_VERSION = "1.0.0"
COLOR_ICON_PIXELS = 192  # Teams: full-colour icon, 192 x 192
OUTLINE_ICON_PIXELS = 32  # Teams: white outline on transparent, 32 x 32
ACCENT = "#1F4E79"
SHORT_NAME = "Missing report"  # at most 30 characters
COMMANDS = (
    ("help", "What can be asked"),
    ("LAC episodes June", "A figure for a month, with the month before and the year to date"),
    ("trend LAC episodes", "Month by month this financial year"),
    ("ethnicity", "A breakdown as a table"),
    ("profile", "The month's headlines"),
    ("review here", "In the analysts' channel: the config lines that have each month's draft posted there"),
)


class ManifestError(ValueError):
    """The package cannot be made: the message says which setting to fix."""


def build_manifest(client_id: str, website: str) -> dict[str, Any]:
    if not GUID.fullmatch(client_id):
        raise ManifestError(
            f"TEAMS_CLIENT_ID {client_id!r} is not a GUID: copy the bot's Microsoft App ID from its Azure Bot "
            "resource (Configuration), like 00000000-0000-0000-0000-000000000000"
        )
    commands = [{"title": title, "description": description} for title, description in COMMANDS]
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": APP_VERSION,
        "id": client_id,
        "developer": {
            "name": "Performance team",
            "websiteUrl": website,
            "privacyUrl": website,
            "termsOfUseUrl": website,
        },
        "name": {"short": SHORT_NAME, "full": "Children missing from home or care: monthly figures"},
        "description": {
            "short": "Ask for the missing-from-home/care figures",
            "full": "Answers questions about the monthly 'children missing from home or care' figures from the "
            "performance team's latest snapshot: a figure with the month before and the year to date, a trend, "
            "or a breakdown. Aggregates only. In a 1:1 chat the answer is private; @mentioned in a channel, "
            "everyone in the channel sees it.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": client_id,
                "scopes": ["personal", "team", "groupChat"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [{"scopes": ["personal", "team", "groupChat"], "commands": commands}],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [],
    }


def draw_icon(pixels: int, outline: bool) -> bytes:
    """A bar chart with a rising line: white strokes on transparent for the outline icon."""
    dpi = 96
    figure = Figure(figsize=(pixels / dpi, pixels / dpi), dpi=dpi)
    figure.patch.set_alpha(0.0)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.axis("off")
    ink = "white"
    if not outline:
        axes.add_patch(_rounded_square(ACCENT))
    width = 0.14 if outline else 0.12
    for x, height in ((0.2, 0.3), (0.43, 0.5), (0.66, 0.4)):
        axes.bar(x, height, width=width, bottom=0.15, color=ink, align="edge")
    axes.plot([0.2, 0.5, 0.82], [0.62, 0.78, 0.88], color=ink, linewidth=max(1.0, pixels / 48))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, transparent=True)
    return buffer.getvalue()


def _rounded_square(colour: str) -> Any:
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((0.04, 0.04), 0.92, 0.92, boxstyle="round,pad=0,rounding_size=0.12", color=colour)


def write_app_package(path: Path, client_id: str, website: str) -> None:
    """The zip Teams takes for sideloading: manifest.json, color.png and outline.png at its top level."""
    manifest = build_manifest(client_id, website)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2) + "\n")
        package.writestr("color.png", draw_icon(COLOR_ICON_PIXELS, outline=False))
        package.writestr("outline.png", draw_icon(OUTLINE_ICON_PIXELS, outline=True))
