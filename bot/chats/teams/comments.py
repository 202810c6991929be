"""Comments from Teams: "comment June" to the bot gets a card with the report's sections (Input.ChoiceSet), the
comment (Input.Text) and a Save button (Action.Submit); Teams sends the card's values back to the bot as a
message activity whose value carries them, and the comment is saved with the sender's Entra (AAD) object id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    SubmitAction,
    TextBlock,
    TextInput,
)

from bot.chats.teams.cards import render_card
from digest.figures.catalogue import SECTIONS
from digest.figures.periods import month_key, month_name
from digest.lookups.comments import CommentReply
from digest.reporting.commentary import MAX_COMMENT_CHARS, PRIVACY_NOTE

COMMENT_SUBMIT = "comment_save"  # the Save button's data "action": what marks a card's submission as a comment
SECTION_INPUT, TEXT_INPUT = "section", "comment"


@dataclass(frozen=True)
class CardSubmission:
    month: str  # "2019-06", as the card carried it
    section: str
    text: str


def render_comment_card(reply: CommentReply) -> AdaptiveCard:
    """The form: the month's comments so far, the section to choose, the comment, and Save."""
    assert reply.month is not None
    title = f"Comment on the {month_name(reply.month)} report"
    body: list[CardElement] = [TextBlock(text=title, size="Medium", weight="Bolder", wrap=True, style="heading")]
    if reply.comments:
        body.append(
            TextBlock(text="Comments so far (a new one on the same section replaces it):", weight="Bolder", wrap=True)
        )
        body += [
            TextBlock(text=f"Section {c.section}: {c.text} ({c.attribution})", wrap=True, spacing="Small")
            for c in reply.comments
        ]
    body += [
        ChoiceSetInput(
            id=SECTION_INPUT,
            label="Report section",
            is_required=True,
            error_message="Choose the section the comment explains.",
            style="compact",
            placeholder="Choose the section it explains",
            choices=[Choice(title=f"{s.number} {s.title}", value=s.number) for s in SECTIONS],
        ),
        TextInput(
            id=TEXT_INPUT,
            label="Comment",
            is_required=True,
            is_multiline=True,
            max_length=MAX_COMMENT_CHARS,
            error_message="Write the comment.",
        ),
        TextBlock(text=PRIVACY_NOTE, is_subtle=True, size="Small", wrap=True),
        ActionSet(
            actions=[
                SubmitAction(title="Save comment", data={"action": COMMENT_SUBMIT, "month": month_key(reply.month)})
            ]
        ),
    ]
    return render_card(body, summary=title)


def read_card_submission(value: Any) -> CardSubmission | None:
    """The comment in a card's submitted values, or None when the activity is no comment card's submission."""
    if not isinstance(value, dict) or value.get("action") != COMMENT_SUBMIT:
        return None
    return CardSubmission(
        str(value.get("month") or ""), str(value.get(SECTION_INPUT) or ""), str(value.get(TEXT_INPUT) or "")
    )


def render_reply_card(message: str) -> AdaptiveCard:
    """A saved comment's confirmation, or why it was not saved."""
    return render_card([TextBlock(text=message, wrap=True)], summary=message)
