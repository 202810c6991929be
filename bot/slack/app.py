"""The Bolt app: the `/missing` slash command, answered from the snapshot store inside Slack's 3 seconds, and
the buttons on its answers (a clarification's choices, "Share in channel").

Answers are computed while handling the request (stored figures make that a matter of
milliseconds), so the reply goes back in the acknowledgement itself, from the request's own thread
(process_before_response): Bolt's default hands each listener to a pool of ten threads and looks for
its ack() every 10 ms, which added 10 ms to every answer and let only ten be worked on at once. A
button press is acknowledged at once and answered through the interaction's response_url by a lazy
listener (Bolt runs it after the acknowledgement has gone back). Every question, typed or pressed, is
written to the lookup audit.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.slack.answers import CHOICE_ACTIONS, SHARE_ACTION, render_answer
from digest.lookups.service import LookupService


def _asker(body: dict[str, Any]) -> tuple[str, str]:
    return (body.get("user") or {}).get("id", ""), (body.get("channel") or {}).get("id", "")


def build_app(
    service: LookupService, command: str, signing_secret: str, client: WebClient, token_verification: bool = True
) -> App:
    """The Bolt app with the slash command and its buttons registered; requests are verified with signing_secret."""
    app = App(
        client=client,
        signing_secret=signing_secret,
        token_verification_enabled=token_verification,
        process_before_response=True,
    )

    @app.command(command)
    def answer_command(ack: Ack, command: dict[str, Any]) -> None:
        answer = service.ask(command.get("user_id", ""), command.get("channel_id", ""), command.get("text", ""))
        ack(**render_answer(answer))

    def answer_choice(body: dict[str, Any], respond: Respond) -> None:
        """A clarification's button: answer the reading chosen, in place of the question back."""
        user, channel = _asker(body)
        answer = service.ask(user, channel, body["actions"][0].get("value", ""))
        respond(replace_original=True, **render_answer(answer))

    def share_answer(body: dict[str, Any], respond: Respond) -> None:
        """ "Share in channel": the same question answered again, visible to the channel, saying who shared it."""
        user, channel = _asker(body)
        answer = service.ask(user, channel, body["actions"][0].get("value", ""))
        respond(replace_original=False, **render_answer(dataclasses.replace(answer, share=True), shared_by=user))

    app.action(CHOICE_ACTIONS)(ack=_acknowledge, lazy=[answer_choice])
    app.action(SHARE_ACTION)(ack=_acknowledge, lazy=[share_answer])
    return app


def _acknowledge(ack: Ack) -> None:
    """A button press: acknowledged at once, answered afterwards by its lazy listener."""
    ack()
