"""Review before publishing, in Slack: the draft in the analysts' channel, its buttons, and what is said there.

The draft is the whole digest (message, then charts and table in its thread) under a banner saying it
is a draft, with three buttons: "Add comment" (the comments feature's modal), "Preview" and "Publish".
Once published, the draft is updated in place to say by whom and when, and loses its buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.chats.slack.blocks import MAX_FALLBACK_TEXT_CHARS, MAX_HEADER_CHARS, SlackMessage, check_message
from bot.chats.slack.blocks import render_digest_message as render_published_message
from bot.chats.slack.client import CONNECTION_ERRORS
from bot.chats.slack.comments import render_comment_button
from bot.chats.slack.notifier import explain_slack_error, explain_unreachable
from digest.figures.periods import month_key, month_name
from digest.reporting.content import Digest

PUBLISH_ACTION = "digest_publish"
PREVIEW_ACTION = "digest_preview"
REVIEW_CHANNEL_SETTING = "[digest] review_channel"
DRAFT_MARK = "DRAFT"


def _with_banner(digest: Digest, title: str, banner: str, tail: list[Block], fallback: str) -> SlackMessage:
    """The published message's blocks under another header and a banner, with tail in place of its last line."""
    published = render_published_message(digest)
    body = published.blocks[1:]  # the published header is replaced by title
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=title[:MAX_HEADER_CHARS])),
        SectionBlock(text=MarkdownTextObject(text=banner)),
        *body,
        *tail,
    ]
    message = SlackMessage(f"{fallback} {published.text}"[:MAX_FALLBACK_TEXT_CHARS], blocks)
    check_message(message)
    return message


def render_draft_message(digest: Digest) -> SlackMessage:
    """The draft for the review channel: clearly marked, with Add comment, Preview and Publish."""
    key, name = month_key(digest.month), month_name(digest.month)
    buttons = ActionsBlock(
        block_id=f"review-{key}",
        elements=[
            render_comment_button(key),
            ButtonElement(text="Preview", action_id=PREVIEW_ACTION, value=key),
            ButtonElement(
                text="Publish",
                action_id=PUBLISH_ACTION,
                value=key,
                style="primary",
                confirm=ConfirmObject(
                    title=f"Publish the {name} digest?",
                    text="It goes to the managers' channels now, with the comments it has.",
                    confirm="Publish",
                    deny="Not yet",
                ),
            ),
        ],
    )
    banner = (
        f":memo: *{DRAFT_MARK} for review: not published.* The managers see nothing until someone presses "
        "*Publish*. Add comments, then *Preview* shows the message as it will be posted."
    )
    return _with_banner(
        digest, f"{DRAFT_MARK}: {digest.title}", banner, [buttons], f"{DRAFT_MARK} for review, not published."
    )


def render_reviewed_message(digest: Digest, note: str) -> SlackMessage:
    """The draft once published: the same figures, the buttons gone, note saying who published it and when."""
    return _with_banner(digest, digest.title, f":white_check_mark: {note}", [], note)


def render_notice(text: str, mark: str = "") -> SlackMessage:
    """A message of one paragraph."""
    return SlackMessage(text, [SectionBlock(text=MarkdownTextObject(text=f"{mark}{text}"))])


def render_reviewed_note(note: str) -> SlackMessage:
    """The published draft when its figures cannot be read again: the note alone."""
    return render_notice(note, ":white_check_mark: ")


def render_preview_message(digest: Digest, where: str) -> SlackMessage:
    """The message exactly as it will be published, under a line saying that it is a preview."""
    published = render_published_message(digest)
    line = ContextBlock(
        elements=[MarkdownTextObject(text=f"Preview, only you see this: the digest as it will be posted to {where}.")]
    )
    return SlackMessage(published.text, [line, *published.blocks])


@dataclass(frozen=True)
class DraftRef:
    channel: str
    ts: str

    @classmethod
    def parse(cls, ref: str) -> DraftRef:
        channel, _, ts = ref.partition(":")
        return cls(channel, ts)


class ReviewChannel:
    """What the review says in the analysts' channel besides the draft: the draft updated, replies in its thread."""

    def __init__(self, client: WebClient, channel: str) -> None:
        self.client = client
        self.channel = channel

    def update_draft(self, ref: DraftRef, message: SlackMessage) -> None:
        self._call(
            lambda: self.client.chat_update(channel=ref.channel, ts=ref.ts, text=message.text, blocks=message.blocks)
        )

    def reply(self, ref: DraftRef | None, text: str, broadcast: bool = False) -> None:
        """A line in the draft's thread (broadcast: shown in the channel too), or in the channel without a draft."""
        self._call(
            lambda: self.client.chat_postMessage(
                channel=self.channel,
                text=text,
                thread_ts=ref.ts if ref else None,
                reply_broadcast=broadcast if ref else None,
            )
        )

    def _call(self, request: Any) -> None:
        try:
            request()
        except SlackApiError as error:
            raise explain_slack_error(error, self.channel, REVIEW_CHANNEL_SETTING) from None
        except CONNECTION_ERRORS as error:
            raise explain_unreachable(error) from None
