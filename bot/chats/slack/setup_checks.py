"""Checking a Slack set-up without posting anything: the token (auth.test), the scopes it was granted
(auth.test's X-OAuth-Scopes header) and the bot's membership of each channel it posts to
(conversations.info's is_member).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.checks import FAILED, PASSED, Check

# Scope -> why the bot needs it, as the fix tells the person adding it.
NEEDED_SCOPES = {
    "chat:write": "to post the digest and alerts",
    "files:write": "to upload the digest's charts and workbook",
    "channels:history": "to find its own message again after a crash",
}
SLASH_SCOPE = "commands"
SLASH_SCOPE_WHY = "to receive the slash command"
# Scopes that depend on the channels: doctor names them when Slack answers missing_scope for a channel.
CHANNEL_SCOPES = {
    "channels:read": "to let doctor see that the bot is in each public channel",
    "groups:read": "to let doctor see that the bot is in each private channel",
    "groups:history": "to find its own message again after a crash, in a private channel",
}
# Every scope the app is made with (deploy/slack-app-manifest.yml lists exactly these).
APP_SCOPES = {**NEEDED_SCOPES, SLASH_SCOPE: SLASH_SCOPE_WHY, **CHANNEL_SCOPES}
SCOPES_HEADER = "x-oauth-scopes"
TOKEN_REFUSED = {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"}
APP_SETTINGS = "in the Slack app's settings (api.slack.com/apps) under OAuth & Permissions"
NEW_TOKEN = "set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-...)"  # noqa: S105 (advice, not a token)


def check_slack(client: WebClient, channels: Mapping[str, str], answers_slash_command: bool) -> list[Check]:
    """The token, then (only if Slack accepted it) its scopes and each channel: purpose -> channel ID."""
    try:
        identity = client.auth_test()
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown error"))
        if code in TOKEN_REFUSED:
            return [
                Check(
                    FAILED,
                    "Slack token",
                    f"Slack refused it ({code})",
                    f"reinstall the app {APP_SETTINGS} and {NEW_TOKEN}",
                )
            ]
        return [Check(FAILED, "Slack token", f"auth.test failed ({code})", "check SLACK_BOT_TOKEN and SLACK_API_URL")]
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return [
            Check(
                FAILED,
                "Slack token",
                f"could not reach Slack at {client.base_url} ({reason})",
                "check this machine can reach slack.com (a proxy needs HTTPS_PROXY set)",
            )
        ]
    bot_name = str(identity.get("user") or "the bot")
    checks = [Check(PASSED, "Slack token", f"valid: the bot @{bot_name} in workspace {identity.get('team_id')}")]
    checks.append(_check_scopes(identity, answers_slash_command))
    checks += [_check_member(client, purpose, channel, bot_name) for purpose, channel in channels.items()]
    return checks


def granted_scopes(response: SlackResponse) -> set[str]:
    for name, value in response.headers.items():
        if name.lower() == SCOPES_HEADER:
            return {scope.strip() for scope in str(value).split(",") if scope.strip()}
    return set()


def _check_scopes(identity: SlackResponse, answers_slash_command: bool) -> Check:
    needed = dict(NEEDED_SCOPES)
    if answers_slash_command:
        needed[SLASH_SCOPE] = SLASH_SCOPE_WHY
    missing = [scope for scope in needed if scope not in granted_scopes(identity)]
    if not missing:
        return Check(PASSED, "Slack scopes", ", ".join(needed))
    why = "; ".join(f"{scope} {needed[scope]}" for scope in missing)
    return Check(
        FAILED,
        "Slack scopes",
        f"missing {', '.join(missing)} ({why})",
        f"add {' and '.join(missing)} under Bot Token Scopes {APP_SETTINGS}, then reinstall the app and {NEW_TOKEN}",
    )


def _check_member(client: WebClient, purpose: str, channel: str, bot_name: str) -> Check:
    name = f"Slack {purpose} {channel}"
    try:
        info = client.conversations_info(channel=channel)
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown error"))
        if code == "missing_scope":
            return Check(
                FAILED,
                name,
                "doctor cannot see the channel: the app lacks channels:read (groups:read for a private channel)",
                f"add channels:read under Bot Token Scopes {APP_SETTINGS}, then reinstall the app and {NEW_TOKEN}",
            )
        if code == "channel_not_found":
            return Check(
                FAILED,
                name,
                "no such channel that the bot can see",
                "check the ID (in Slack: the channel's name > About, at the bottom); "
                f"for a private channel, invite the bot first: /invite @{bot_name}",
            )
        return Check(FAILED, name, f"conversations.info failed ({code})", "check the channel ID")
    except (URLError, OSError) as error:
        return Check(FAILED, name, f"Slack stopped answering ({getattr(error, 'reason', error)})", "run doctor again")
    details = info.get("channel") or {}
    shown = f"#{details['name']}" if details.get("name") else channel
    if not details.get("is_member"):
        return Check(FAILED, name, f"the bot is not a member of {shown}", f"in {shown}, type /invite @{bot_name}")
    return Check(PASSED, name, f"the bot is a member of {shown}")
