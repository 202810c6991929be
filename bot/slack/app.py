"""The Bolt app: the `/missing` slash command, answered from the snapshot store inside Slack's 3 seconds.

Answers are computed while handling the request (stored figures make that a matter of
milliseconds), so the reply goes back in the acknowledgement itself. Every request, answered or
not, is written to the lookup audit.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack.answers import render_answer
from digest.lookups.service import LookupService


def build_app(
    service: LookupService, command: str, signing_secret: str, client: WebClient, token_verification: bool = True
) -> App:
    """The Bolt app with the slash command registered; requests are verified with signing_secret."""
    app = App(client=client, signing_secret=signing_secret, token_verification_enabled=token_verification)

    @app.command(command)
    def answer_command(ack: Ack, command: dict[str, Any]) -> None:
        answer = service.ask(command.get("user_id", ""), command.get("channel_id", ""), command.get("text", ""))
        ack(**render_answer(answer))

    return app
