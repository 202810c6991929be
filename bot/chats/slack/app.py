"""The Bolt app: the `/missing` slash command, answered from the snapshot store inside Slack's 3 seconds, and
the buttons on its answers (a clarification's choices, "Share in channel"); `/missing comment June` and the
"Add comment" button open the comment form (bot.chats.slack.comments).

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
from typing import Any, Protocol

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.chats.slack.answers import CHOICE_ACTIONS, EPHEMERAL, SHARE_ACTION, render_answer
from bot.chats.slack.blocks import SlackMessage, unescape_mrkdwn
from bot.chats.slack.comments import add_comment_handlers, open_comment_form
from bot.chats.slack.reviews import PREVIEW_ACTION, PUBLISH_ACTION
from bot.library_logs import drop_library_lines
from digest.lookups.comments import read_comment_request
from digest.lookups.service import LookupService


def _asker(body: dict[str, Any]) -> tuple[str, str]:
    return (body.get("user") or {}).get("id", ""), (body.get("channel") or {}).get("id", "")


class ReviewActions(Protocol):
    """The draft's buttons ([digest] review_channel): bot.chats.slack.reviews.SlackReviewButtons over the desk."""

    def press_publish(self, month: str, user: str, channel: str) -> str | None: ...

    def preview(self, month: str) -> SlackMessage: ...


def build_app(
    service: LookupService,
    command: str,
    signing_secret: str,
    client: WebClient,
    token_verification: bool = True,
    reviews: ReviewActions | None = None,
) -> App:
    """The Bolt app with the slash command and its buttons registered; requests are verified with signing_secret."""
    # Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the client given wins; the
    # client is ours on purpose (it carries that very token, with our retries), so the warning says nothing.
    drop_library_lines("slack_bolt.App", "`token` will be unused")
    app = App(
        client=client,
        signing_secret=signing_secret,
        token_verification_enabled=token_verification,
        process_before_response=True,
    )
    if reviews is not None:
        add_review_actions(app, reviews)

    @app.command(command)
    def answer_command(ack: Ack, command: dict[str, Any]) -> None:
        user, channel = command.get("user_id", ""), command.get("channel_id", "")
        text = unescape_mrkdwn(command.get("text", ""))  # "LAC &amp; CSE" as typed: "LAC & CSE"
        month = read_comment_request(text)
        if month is not None:  # "comment June": the comment form, opened on this command's trigger
            refusal = open_comment_form(service, client, command.get("trigger_id", ""), user, channel, month)
            if refusal:
                ack(text=refusal, response_type=EPHEMERAL)  # only the person who asked sees why
            else:
                ack()
            return
        answer = service.ask(user, channel, text)
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
    add_comment_handlers(app, service)
    return app


def _acknowledge(ack: Ack) -> None:
    """A button press: acknowledged at once, answered afterwards by its lazy listener."""
    ack()


def add_review_actions(app: App, reviews: ReviewActions) -> None:
    """The draft's Preview and Publish. Each is acknowledged at once (Slack's 3 seconds) and done afterwards by a
    lazy listener in its own thread, so building and posting the digest may take as long as it needs (the app
    answers other requests before responding, process_before_response, so work after ack() would hold it up)."""

    def publish_digest(body: dict[str, Any], respond: Respond) -> None:
        user, channel = _asker(body)
        reply = reviews.press_publish(body["actions"][0].get("value", ""), user, channel)
        if reply is not None:  # refused, or published already: only the presser is told
            respond(replace_original=False, response_type="ephemeral", text=reply)

    def preview_digest(body: dict[str, Any], respond: Respond) -> None:
        message = reviews.preview(body["actions"][0].get("value", ""))
        respond(replace_original=False, response_type="ephemeral", text=message.text, blocks=message.block_dicts())

    app.action(PUBLISH_ACTION)(ack=_acknowledge, lazy=[publish_digest])
    app.action(PREVIEW_ACTION)(ack=_acknowledge, lazy=[preview_digest])
