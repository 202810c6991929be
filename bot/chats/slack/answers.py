"""An Answer (plain data from digest.lookups.answers) as a Slack reply: Block Kit and a plain-text fallback.

A clarification becomes up to four buttons, each carrying the question that asks for its reading; an
answer only the asker sees gets a "Share in channel" button carrying the question as asked.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.chats.slack.blocks import MAX_SECTION_TEXT_CHARS, escape_mrkdwn
from digest.lookups.answers import ANSWERED, DID_YOU_MEAN, Answer

MAX_FALLBACK_TEXT_CHARS = 3000  # what a slash-command reply's text can usefully carry
MAX_BUTTON_TEXT_CHARS = 75  # Slack button label limit
MAX_BUTTON_VALUE_CHARS = 2000  # Slack button value limit
EPHEMERAL, IN_CHANNEL = "ephemeral", "in_channel"
CHOICE_ACTION = "missing_choice_{}"  # one action id per button: Slack wants them unique within a block
CHOICE_ACTIONS = re.compile(r"^missing_choice_\d+$")
SHARE_ACTION = "missing_share"


def render_table(answer: Answer) -> str:
    """The table, monospaced, as a code block."""
    text = "\n".join(answer.table_lines())
    budget = MAX_SECTION_TEXT_CHARS - 8
    if len(text) > budget:
        text = text[: budget - 2].rsplit("\n", 1)[0] + "\n…"
    return f"```{text}```"


def _button(label: str, action_id: str, value: str) -> ButtonElement:
    text = label if len(label) <= MAX_BUTTON_TEXT_CHARS else label[: MAX_BUTTON_TEXT_CHARS - 1] + "…"
    return ButtonElement(text=text, action_id=action_id, value=value[:MAX_BUTTON_VALUE_CHARS])


def render_answer(answer: Answer, shared_by: str | None = None) -> dict[str, Any]:
    """The reply: text, blocks and who sees it (only the asker, unless they said "share" or pressed the button)."""
    # Escaped: an answer can quote an analyst's comment, which must show as typed, never ping or link.
    body = escape_mrkdwn("\n".join([f"*{answer.title}*", *answer.lines]))
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=body[:MAX_SECTION_TEXT_CHARS]))]
    if answer.table:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=render_table(answer))))
    shared = answer.share or shared_by is not None
    answered = answer.outcome == ANSWERED
    # Answered with other readings offered under it ("Did you mean ...?"), to the asker only: not in a channel.
    choices = [] if answered and shared else answer.choices
    if choices and answered:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=DID_YOU_MEAN)]))
    buttons = [_button(label, CHOICE_ACTION.format(i), question) for i, (label, question) in enumerate(choices)]
    if answered and not shared and answer.question:
        buttons.append(_button("Share in channel", SHARE_ACTION, answer.question))
    if buttons:
        blocks.append(ActionsBlock(elements=buttons))
    footer = answer.footer + (f" Shared by <@{shared_by}>." if shared_by else "")
    if footer.strip():
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=footer.strip())]))
    return {
        "text": answer.plain_text()[:MAX_FALLBACK_TEXT_CHARS],
        "blocks": [block.to_dict() for block in blocks],
        "response_type": IN_CHANNEL if answer.share or shared_by else EPHEMERAL,
    }
