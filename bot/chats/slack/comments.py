"""Comments from Slack: `/missing comment June` or the "Add comment" button opens a form (a modal: the report
section and the comment); submitting it saves the comment with the Slack user id of whoever wrote it.

The form is opened with views.open on the request's trigger_id (valid for 3 seconds, so the store is read
first and the form sent at once); the month and the channel travel in the view's private_metadata, which
Slack returns unchanged in the signed submission. Access lists and the audit are the lookup service's.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View

from bot.chats.slack.blocks import MAX_SECTION_TEXT_CHARS
from digest.figures.catalogue import SECTIONS
from digest.figures.periods import month_key, month_name
from digest.lookups.comments import CommentReply
from digest.lookups.service import LookupService
from digest.reporting.commentary import MAX_COMMENT_CHARS, PRIVACY_NOTE, Author
from digest.store.lookups import SLACK

log = logging.getLogger(__name__)

COMMENT_OPEN_ACTION = "comment_open"  # the "Add comment" button; its value is the month key, "2019-06"
COMMENT_VIEW = "comment_save"  # the form's callback_id
SECTION_BLOCK, SECTION_ACTION = "comment_section", "section"
TEXT_BLOCK, TEXT_ACTION = "comment_text", "text"
MAX_TITLE_CHARS = 24  # Slack modal title limit
MAX_OPTION_TEXT_CHARS = 75  # Slack select option text limit
MAX_ERROR_CHARS = 2000  # what a form shows under an input; Slack cuts longer ones
OPEN_FAILED = "Sorry, the comment form could not be opened; it has been logged. Please try again."


def render_comment_button(month_key: str) -> dict[str, Any]:
    """The "Add comment" button for a month's digest (value "2019-06"), as a Block Kit element dict."""
    return {
        "type": "button",
        "action_id": COMMENT_OPEN_ACTION,
        "text": {"type": "plain_text", "text": "Add comment"},
        "value": month_key,
    }


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_comment_form(reply: CommentReply, channel_id: str) -> dict[str, Any]:
    """The modal: the month, its comments so far, a section select and the comment's text."""
    assert reply.month is not None
    options = [
        {"text": _plain(_cut(f"{s.number} {s.title}", MAX_OPTION_TEXT_CHARS)), "value": s.number} for s in SECTIONS
    ]
    so_far = [f"• Section {c.section}: {c.text} ({c.attribution})" for c in reply.comments]
    existing = (
        "Comments so far (a new one on the same section replaces it):\n" + "\n".join(so_far)
        if so_far
        else "No comments for this month yet."
    )
    return _checked(
        {
            "type": "modal",
            "callback_id": COMMENT_VIEW,
            "private_metadata": json.dumps({"month": month_key(reply.month), "channel": channel_id}),
            "title": _plain(_cut(f"Comment, {month_name(reply.month)}", MAX_TITLE_CHARS)),
            "submit": _plain("Save"),
            "close": _plain("Cancel"),
            "blocks": [
                {"type": "section", "text": _plain(_cut(existing, MAX_SECTION_TEXT_CHARS))},
                {
                    "type": "input",
                    "block_id": SECTION_BLOCK,
                    "label": _plain("Report section"),
                    "element": {
                        "type": "static_select",
                        "action_id": SECTION_ACTION,
                        "placeholder": _plain("Choose the section it explains"),
                        "options": options,
                    },
                },
                {
                    "type": "input",
                    "block_id": TEXT_BLOCK,
                    "label": _plain("Comment"),
                    "hint": _plain(PRIVACY_NOTE),
                    "element": {
                        "type": "plain_text_input",
                        "action_id": TEXT_ACTION,
                        "multiline": True,
                        "max_length": MAX_COMMENT_CHARS,
                    },
                },
            ],
        }
    )


def render_saved_view(message: str) -> dict[str, Any]:
    """What the form turns into once saved: the confirmation, and a Close button."""
    return _checked(
        {
            "type": "modal",
            "title": _plain("Comment saved"),
            "close": _plain("Close"),
            "blocks": [{"type": "section", "text": _plain(_cut(message, MAX_SECTION_TEXT_CHARS))}],
        }
    )


def _checked(view: dict[str, Any]) -> dict[str, Any]:
    """The view as slack_sdk's View model writes it, which checks Slack's limits (raising on one broken)."""
    checked: dict[str, Any] = View(**view).to_dict()
    return checked


def open_comment_form(
    service: LookupService, client: WebClient, trigger_id: str, user_id: str, channel_id: str, month_text: str
) -> str:
    """Open the form for the month; returns "" when opened, else what to tell the person instead."""
    reply = service.start_comment(user_id, channel_id, month_text)
    if not reply.ok:
        return reply.message
    try:
        client.views_open(trigger_id=trigger_id, view=render_comment_form(reply, channel_id))
    except SlackApiError as error:
        log.warning("views.open failed: %s", error.response.get("error", "unknown error"))
        return OPEN_FAILED
    return ""


def read_submission(body: dict[str, Any]) -> tuple[Author, str, str, str, str]:
    """The author, channel, month, section and text of a submitted form."""
    view = body.get("view") or {}
    values = (view.get("state") or {}).get("values") or {}
    selected = ((values.get(SECTION_BLOCK) or {}).get(SECTION_ACTION) or {}).get("selected_option") or {}
    text = ((values.get(TEXT_BLOCK) or {}).get(TEXT_ACTION) or {}).get("value") or ""
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        metadata = {}
    user = body.get("user") or {}
    author = Author(str(user.get("id", "")), str(user.get("name") or user.get("username") or ""), SLACK)
    return (
        author,
        str(metadata.get("channel", "")),
        str(metadata.get("month", "")),
        str(selected.get("value", "")),
        text,
    )


def add_comment_handlers(app: App, service: LookupService) -> None:
    """The "Add comment" button and the form's submission."""

    @app.action(COMMENT_OPEN_ACTION)
    def open_from_button(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        user, channel = (body.get("user") or {}).get("id", ""), (body.get("channel") or {}).get("id", "")
        month = (body.get("actions") or [{}])[0].get("value", "")
        refusal = open_comment_form(service, client, body.get("trigger_id", ""), user, channel, month)
        if refusal:
            respond(text=refusal, replace_original=False, response_type="ephemeral")

    @app.view(COMMENT_VIEW)
    def save_from_form(ack: Ack, body: dict[str, Any]) -> None:
        author, channel, month, section, text = read_submission(body)
        reply = service.save_comment(author, channel, month, section, text)
        if reply.ok:
            ack(response_action="update", view=render_saved_view(reply.message))
        else:
            ack(response_action="errors", errors={TEXT_BLOCK: _cut(reply.message, MAX_ERROR_CHARS)})
