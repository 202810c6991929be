"""An Answer (plain data from digest.lookups.answers) as a slash-command reply: Block Kit and a plain-text fallback."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, MarkdownTextObject, SectionBlock

from digest.lookups.answers import Answer

MAX_SECTION_TEXT_CHARS = 3000  # Slack section text limit
MAX_FALLBACK_TEXT_CHARS = 3000  # what a slash-command reply's text can usefully carry
EPHEMERAL, IN_CHANNEL = "ephemeral", "in_channel"


def render_table(answer: Answer) -> str:
    """The table, monospaced, as a code block."""
    text = "\n".join(answer.table_lines())
    budget = MAX_SECTION_TEXT_CHARS - 8
    if len(text) > budget:
        text = text[: budget - 2].rsplit("\n", 1)[0] + "\n…"
    return f"```{text}```"


def render_answer(answer: Answer) -> dict[str, Any]:
    """The reply: text, blocks and who sees it (only the asker, unless they said "share")."""
    body = "\n".join([f"*{answer.title}*", *answer.lines])
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=body[:MAX_SECTION_TEXT_CHARS]))]
    if answer.table:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=render_table(answer))))
    if answer.footer:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=answer.footer)]))
    return {
        "text": answer.plain_text()[:MAX_FALLBACK_TEXT_CHARS],
        "blocks": [block.to_dict() for block in blocks],
        "response_type": IN_CHANNEL if answer.share else EPHEMERAL,
    }
