"""Review before publishing, in Teams: the draft card the bot posts in the analysts' channel, its actions, and what
is said there.

The draft is the Teams digest card under a banner saying it is a draft, with two Action.Execute buttons: "Add
comment" (the comment card, bot.chats.teams.comments, in the draft's thread) and "Publish". Teams sends a press to
the bot as an `adaptiveCard/action` invoke (bot.chats.teams.bot), which checks the presser against the access list.
Once published, the card is updated in place to say by whom and when, and loses its buttons. A Workflows webhook
cannot take a press, so the bot posts the draft itself, through the Bot Connector (bot.chats.teams.connector).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from microsoft_teams.cards import ActionSet, AdaptiveCard, CardElement, Container, ExecuteAction, TextBlock

from bot.chat import ReviewDeskActions
from bot.chats.teams.cards import render_card, render_envelope
from bot.chats.teams.connector import ConnectorClient, split_thread, thread_of
from bot.chats.teams.digest_card import ChartDetail, render_digest_card, render_table_note
from bot.chats.teams.notifier import CardNotifier, render_digest_envelopes
from bot.delivery import DeliveryError
from bot.settings import Settings, TeamsReviewSettings
from digest.figures.periods import Month, month_key, month_name
from digest.reporting.content import Digest
from digest.reporting.digests import name_workbook
from digest.store.reviews import PublishedHow

PUBLISH_VERB = "review_publish"  # the Action.Execute verbs the bot answers
COMMENT_VERB = "review_comment"
PREVIEW_VERB = "review_preview"
REVIEW_KEY = "review:teams"  # the digest-run ledger's channel for the drafts
REVIEW_WHERE = "the Teams review channel"
DRAFT_MARK = "DRAFT"
REVIEW_HERE = "review here"


def render_draft_card(
    digest: Digest, table_note: str, table_link: str | None = None, detail: ChartDetail = ChartDetail.ALL
) -> AdaptiveCard:
    """The draft for the review channel: the digest card, clearly marked, with Add comment and Publish."""
    key, name = month_key(digest.month), month_name(digest.month)
    card = render_digest_card(digest, table_note, table_link, detail)
    banner = [
        TextBlock(text=f"{DRAFT_MARK} for review: not published.", weight="Bolder", wrap=True),
        TextBlock(
            text="The managers see nothing until someone presses Publish. Add comments first: the published digest "
            "carries them, and Preview shows it with them.",
            wrap=True,
            spacing="None",
        ),
    ]
    actions: list[CardElement] = [
        TextBlock(
            text=f"Publish sends the {name} digest to the managers at once, with the comments it has: it cannot be "
            "taken back.",
            wrap=True,
            separator=True,
        ),
        ActionSet(
            actions=[
                ExecuteAction(title="Add comment", verb=COMMENT_VERB, data={"month": key}),
                ExecuteAction(title="Preview", verb=PREVIEW_VERB, data={"month": key}),
                ExecuteAction(title="Publish", verb=PUBLISH_VERB, data={"month": key}, style="positive"),
            ]
        ),
    ]
    title = f"{DRAFT_MARK}: {digest.title}"
    return _under_banner(card, title, banner, "warning", actions)


def render_reviewed_card(
    digest: Digest, note: str, table_note: str, table_link: str | None = None, detail: ChartDetail = ChartDetail.ALL
) -> AdaptiveCard:
    """The draft once published: the same figures, the buttons gone, the note saying who published it and when."""
    banner = [TextBlock(text=note, weight="Bolder", wrap=True)]
    return _under_banner(render_digest_card(digest, table_note, table_link, detail), digest.title, banner, "good")


def render_preview_card(digest: Digest, where: str, table_note: str) -> AdaptiveCard:
    """The digest card exactly as it will be published, under a line saying that it is a preview."""
    line = f"Preview: the digest's figures and comments as they will be posted to {where} (its charts are the draft's)."
    banner = [TextBlock(text=line, is_subtle=True, wrap=True)]
    return _under_banner(render_digest_card(digest, table_note), digest.title, banner, "default")


def render_reviewed_note(note: str) -> AdaptiveCard:
    """The published draft when its figures cannot be read again: the note alone."""
    return render_card([TextBlock(text=note, weight="Bolder", wrap=True)], summary=note)


def _under_banner(
    card: AdaptiveCard, title: str, banner: Sequence[CardElement], style: Any, tail: list[CardElement] | None = None
) -> AdaptiveCard:
    """card with title in place of its own and banner under it; tail at the end."""
    assert card.body is not None  # the digest card always has a body
    heading = card.body[0]
    assert isinstance(heading, TextBlock)
    body = [
        heading.model_copy(update={"text": title}),
        Container(style=style, items=list(banner)),
        *card.body[1:],
        *(tail or []),
    ]
    return card.model_copy(update={"body": body, "fallback_text": title})


def read_action(verb: str | None, data: Any) -> tuple[str, str] | None:
    """(verb, month) of an Action.Execute press on a draft, or None when it is none of the draft's."""
    if verb not in (PUBLISH_VERB, COMMENT_VERB, PREVIEW_VERB) or not isinstance(data, dict):
        return None
    return verb, str(data.get("month") or "")


def is_review_here(text: str) -> bool:
    """ "review here", @mentioning the bot: which ids the config needs for drafts to be posted in this channel."""
    return text.strip().lower().rstrip(".!") == REVIEW_HERE


def render_review_here_card(conversation: str, service_url: str, in_channel: bool) -> AdaptiveCard:
    """The config lines that have drafts posted where the bot was asked, or where to ask instead."""
    if not in_channel:
        text = f'Drafts are reviewed in a channel: @mention me with "{REVIEW_HERE}" in the analysts\' channel.'
        return render_card([TextBlock(text=text, wrap=True)], summary=text)
    intro = (
        "To have each month's draft posted in this channel for review, put these lines in the [teams] section of "
        "the config (missing-report.toml), then restart missing-report serve:"
    )
    lines = f'review_conversation = "{conversation}"\nreview_service_url = "{service_url}"'
    after = (
        "Then only the people in [teams] publishers (Entra object ids; else those in [teams] allowed_users; else "
        "anyone in this channel) may press its Publish and Add comment."
    )
    body: list[CardElement] = [
        TextBlock(text=intro, wrap=True),
        TextBlock(text=lines, wrap=True, font_type="Monospace"),
        TextBlock(text=after, wrap=True, is_subtle=True),
    ]
    return render_card(body, summary=intro)


def describe_refusal(review: TeamsReviewSettings, user: str) -> str:
    """What someone not on the access list is told when they press Publish or Add comment."""
    if review.publishers:
        return (
            f"Only the people in {review.publishers_setting} may publish or comment on the draft. Ask one of them, "
            f"or ask whoever runs missing-report to add your Entra object id ({user}) there."
        )
    return "Only people in the Teams review channel may publish or comment on the draft, from the draft there."


class DraftNotifier(CardNotifier):
    """Posts the draft card in the review channel as a new post; the ledger keeps its thread ("19:…;messageid=…")."""

    def __init__(self, client: ConnectorClient, settings: Settings) -> None:
        super().__init__(settings.teams.table_link, None, settings.report_link, render_draft_card)
        self.client = client

    def post(self, body: bytes, detail: str) -> str:
        return thread_of(self.client.channel, self.client.post(self.client.channel, body))

    def describe_uncertain(self, digest: Digest) -> str:
        return (
            f"an earlier attempt sent the {month_name(digest.month)} draft and stopped before hearing back, so it may "
            f"be in {REVIEW_WHERE}; look there, and if it is not, send it with `missing-report digest --month "
            f"{month_key(digest.month)} --review --force`"
        )


@dataclass
class TeamsReviewChannel:
    """Where Teams' drafts wait for review (bot.chat.ReviewChannel): a channel the bot posts in unasked."""

    settings: Settings
    review: TeamsReviewSettings
    key: str = REVIEW_KEY
    where: str = REVIEW_WHERE
    suppress: bool = field(init=False)

    def __post_init__(self) -> None:
        self.suppress = self.settings.teams.suppress  # the draft shows what the Teams digest will

    def _client(self) -> ConnectorClient:
        """A client with its own retry deadline, as each notifier has."""
        return ConnectorClient(self.review, self.settings.deadline_seconds)

    def make_draft_notifier(self) -> DraftNotifier:
        return DraftNotifier(self._client(), self.settings)

    def update_draft(self, ref: str, digest: Digest | None, note: str) -> None:
        client = self._client()
        if digest is None:
            client.update(ref, _message(render_envelope(render_reviewed_note(note)), ref))
            return
        digest = replace(with_table_name(digest), report_link=self.settings.report_link(digest.month))
        link = self.settings.teams.table_link
        table_note = render_table_note(digest, link)

        def render(digest: Digest, table_note: str, link: str | None, detail: ChartDetail) -> AdaptiveCard:
            return render_reviewed_card(digest, note, table_note, link, detail)

        bodies = render_digest_envelopes(digest, table_note, link, render)
        if not bodies:
            raise DeliveryError("the published draft's card is too large for Teams; this is a bug", permanent=True)
        client.update(ref, _message(bodies[0][1], ref))

    def reply(self, ref: str | None, text: str, broadcast: bool = False) -> None:
        """A line in the draft's thread, or the channel without a draft. Teams brings a thread with a new reply to
        the channel's foot, so a broadcast is the same reply."""
        client = self._client()
        client.post(ref or client.channel, {"type": "message", "text": text})

    def describe_publishers(self) -> str:
        """Who may press Publish, for serve's line (bot.chat.NamesPublishers)."""
        return self.review.describe_publishers()

    def render_preview(self, digest: Digest, where: str) -> AdaptiveCard:
        """The digest card as it will be published, with today's comments (Preview posts it in the draft's thread)."""
        digest = with_table_name(digest)
        return render_preview_card(digest, where, render_table_note(digest, self.settings.teams.table_link))


def with_table_name(digest: Digest) -> Digest:
    """Figures read again without the files (the desk's): the note names the table as the published digest does."""
    return replace(digest, workbook_name=digest.workbook_name or name_workbook(digest.month))


def _message(envelope: bytes, ref: str) -> dict[str, Any]:
    """The activity that replaces the post ref: the envelope's card, with the post's id."""
    activity: dict[str, Any] = json.loads(envelope)
    activity["id"] = split_thread(ref)[1]
    return activity


@dataclass(frozen=True)
class DraftPresses:
    """What the draft's buttons do in Teams: who may press them, and the desk that publishes."""

    review: TeamsReviewSettings
    desk: ReviewDeskActions | None  # None: serve runs without review, so an old draft's buttons cannot publish

    def admit(self, user: str, conversation: str, month: str) -> str | Month:
        """The month a press by user (an Entra object id) in conversation acts on, or what they are told instead."""
        if not self.review.may_publish(user, conversation):
            return describe_refusal(self.review, user)
        key = Month.from_key(month)  # only Teams sends them, signed, but a bad one is not a crash
        if key is None:
            return f"{month!r} is not a month this button can act on."
        return key

    def preview(self, month: Month) -> AdaptiveCard | str:
        """The month's digest as it will be published, or why there is none to show."""
        if self.desk is None:
            return f"Review is not on in this server, so there is no {month.name} draft to preview."
        card = self.desk.preview(month)
        return card if isinstance(card, AdaptiveCard) else f"The {month.name} digest has no preview in Teams."

    def publish(self, month: Month, by: str) -> str:
        """Publish month's draft, pressed by by (their name in Teams): what the presser is told."""
        if self.desk is None:
            return (
                f"Review is not on in this server, so the {month.name} draft cannot be published from Teams: run "
                f"`missing-report publish --month {month.key}`."
            )
        return self.desk.publish(month, PublishedHow.BUTTON, by).reply
