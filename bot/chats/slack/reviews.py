"""Review before publishing, in Slack: the draft in the analysts' channel, its buttons, and what is said there.

The draft is the whole digest (message, then charts and table in its thread) under a banner saying it
is a draft, with three buttons: "Add comment" (the comments feature's modal), "Preview" and "Publish".
Once published, the draft is updated in place to say by whom and when, and loses its buttons.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
from bot.chats.slack.client import CONNECTION_ERRORS, build_web_client
from bot.chats.slack.comments import render_comment_button
from bot.chats.slack.notifier import explain_slack_error, explain_unreachable, slack_notifier
from bot.settings import BOT_TOKEN_ENV, ReviewSettings, SettingError, Settings
from digest.figures.periods import Month, month_key, month_name
from digest.reporting.content import Digest
from digest.store.reviews import PublishedHow, review_channel_key

if TYPE_CHECKING:
    from bot.chat import ReviewDeskActions
    from bot.delivery import Notifier

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


class SlackReviewChannel:
    """The review in a Slack channel (bot.chat.ReviewChannel): the draft with its buttons, the draft updated once
    published, and lines in its thread. Each call has a client with its own retry deadline, as each notifier has."""

    def __init__(self, settings: Settings, channel: str, token: str) -> None:
        self.settings = settings
        self.channel = channel
        self.token = token
        self.key = review_channel_key(channel)
        self.where = f"Slack channel {channel}"
        self.suppress = False  # the analysts see the draft whole: disclosure control is for the managers' channels

    def make_draft_notifier(self) -> Notifier:
        return slack_notifier(self.settings, self.channel, render_draft_message, REVIEW_CHANNEL_SETTING)

    def update_draft(self, ref: str, digest: Digest | None, note: str) -> None:
        message = render_reviewed_note(note) if digest is None else render_reviewed_message(digest, note)
        draft = DraftRef.parse(ref)
        client = self._client()
        self._call(
            lambda: client.chat_update(channel=draft.channel, ts=draft.ts, text=message.text, blocks=message.blocks)
        )

    def reply(self, ref: str | None, text: str, broadcast: bool = False) -> None:
        """A line in the draft's thread (broadcast: shown in the channel too), or in the channel without a draft."""
        draft = DraftRef.parse(ref) if ref else None
        client = self._client()
        self._call(
            lambda: client.chat_postMessage(
                channel=self.channel,
                text=text,
                thread_ts=draft.ts if draft else None,
                reply_broadcast=broadcast if draft else None,
            )
        )

    def render_preview(self, digest: Digest, where: str) -> SlackMessage:
        return render_preview_message(digest, where)

    def name_presser(self, by: str) -> str:
        """A presser as the reviews ledger records them (their Slack user ID), named in a message: a mention."""
        return f"<@{by}>"

    def _client(self) -> WebClient:
        return build_web_client(self.token, self.settings.api_url, time.monotonic() + self.settings.deadline_seconds)

    def _call(self, request: Any) -> None:
        try:
            request()
        except SlackApiError as error:
            raise explain_slack_error(error, self.channel, REVIEW_CHANNEL_SETTING) from None
        except CONNECTION_ERRORS as error:
            raise explain_unreachable(error) from None


def slack_review_channel(settings: Settings) -> SlackReviewChannel | None:
    """The review channel of [digest] review_channel, if set.

    Raises:
        SettingError: it is set, but there is no bot token to post the drafts with.
    """
    channel = settings.review.channel
    if not channel:
        return None
    if not settings.bot_token:
        raise SettingError(
            f"{REVIEW_CHANNEL_SETTING} needs {BOT_TOKEN_ENV}: drafts are posted to that Slack channel by the bot. "
            'Set it, or set review_channel = "" to publish without review'
        )
    return SlackReviewChannel(settings, channel, settings.bot_token)


class SlackReviewButtons:
    """The draft's Publish and Preview buttons (bot.chats.slack.app.ReviewActions) over the review desk: who may
    publish is Slack's to say ([digest] publishers, else anyone in the review channel)."""

    def __init__(self, desk: ReviewDeskActions, review: ReviewSettings) -> None:
        self.desk = desk
        self.review = review

    def press_publish(self, month: str, user: str, channel: str) -> str | None:
        """Someone pressed Publish: publish if they may (an answer for them otherwise, or if it was done)."""
        review = self.review
        if not review.may_publish(user) or (not review.publishers and channel != review.channel):
            allowed = ", ".join(f"<@{u}>" for u in sorted(review.publishers)) or f"people in <#{review.channel}>"
            return f"Only {allowed} may publish the digest ([digest] publishers in the config)."
        key = Month.from_key(month)  # only Slack sends them, signed, but a bad one is not a crash
        if key is None:
            return f"{month!r} is not a month this button can publish."
        result = self.desk.publish(key, PublishedHow.BUTTON, user)
        return None if result.published else result.reply

    def preview(self, month: str) -> SlackMessage:
        """The message as it will be published to the managers' Slack channel: the draft's figures, today's comments."""
        key = Month.from_key(month)
        if key is None:
            return render_notice(f"{month!r} is not a month this button can preview.")
        message = self.desk.preview(key)
        assert isinstance(message, SlackMessage)  # the desk's review channel is this one: it renders Slack's
        return message
