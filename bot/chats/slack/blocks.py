"""The digest as a Slack message: Block Kit built with slack_sdk.models.blocks, plus a plain-text fallback.

The block classes check Slack's own limits (text lengths, field counts) when the message is turned
into JSON; the one limit they do not check, blocks per message, is checked here, before sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from digest.reporting.commentary import BREAKDOWNS_HEADING, SectionComment, Under, select_comments
from digest.reporting.content import (
    OPEN_REPORT,
    REVISIONS_HEADING,
    Digest,
    Figure,
    describe_revised_cells,
    describe_revisions,
)

MAX_BLOCKS = 50  # Slack blocks per message
MAX_SECTION_TEXT_CHARS = 3000  # Slack section block text limit
MAX_HEADER_CHARS = 150  # Slack header text limit
MAX_FALLBACK_TEXT_CHARS = 4000  # Slack truncates a message's top-level text beyond this


@dataclass(frozen=True)
class SlackMessage:
    text: str
    blocks: list[Block]

    def block_dicts(self) -> list[dict[str, Any]]:
        """The blocks as JSON-ready dicts; this is where slack_sdk validates them."""
        return [block.to_dict() for block in self.blocks]


class MessageTooLargeError(ValueError):
    """The rendered message breaks a Slack limit."""


def _figure_field(figure: Figure) -> MarkdownTextObject:
    change = f"\n_{figure.comparisons}_" if figure.comparisons else ""
    return MarkdownTextObject(text=f"*{figure.shown}* {figure.label}{change}")


def escape_mrkdwn(text: str) -> str:
    """Typed text as Slack shows it literally: &, < and > escaped, so a comment cannot ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape_mrkdwn(text: str) -> str:
    """A slash command's text as typed: Slack sends its control characters &, < and > as &amp;, &lt; and &gt;."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def render_comment_text(comment: SectionComment) -> str:
    """A comment under its figures: the section it explains, its words, and who wrote it when."""
    head = f":speech_balloon: *Comment on section {comment.section}, {escape_mrkdwn(comment.section_title)}*\n"
    tail = f"\n_{escape_mrkdwn(comment.attribution)}_"
    return head + _fit_escaped(comment.text, MAX_SECTION_TEXT_CHARS - len(head) - len(tail)) + tail


def _fit_escaped(text: str, room: int) -> str:
    """text escaped, cut (whole characters, never half an entity) to fit room characters with an ellipsis."""
    escaped = escape_mrkdwn(text)
    if len(escaped) <= room:
        return escaped
    kept, used = [], 0
    for char in text:
        piece = escape_mrkdwn(char)
        if used + len(piece) > room - 1:
            break
        kept.append(piece)
        used += len(piece)
    return "".join(kept) + "…"


def _comment_blocks(comments: list[SectionComment], under: Under) -> list[Block]:
    return [
        SectionBlock(text=MarkdownTextObject(text=render_comment_text(c))) for c in select_comments(comments, under)
    ]


def render_digest_message(digest: Digest) -> SlackMessage:
    """The digest's message; the charts and the spreadsheet follow as files in its thread. Each analyst's
    comment sits under the figures of its section (breakdowns' comments after the headline figures)."""
    comments = digest.comments
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=digest.title[:MAX_HEADER_CHARS])),
        ContextBlock(elements=[MarkdownTextObject(text=digest.data_quality)]),
        SectionBlock(
            text=MarkdownTextObject(text="*Missing episodes*"),
            fields=[_figure_field(f) for f in digest.episodes],
        ),
        SectionBlock(text=MarkdownTextObject(text="*Children*"), fields=[_figure_field(f) for f in digest.children]),
        *_comment_blocks(comments, Under.EPISODES_AND_CHILDREN),
        SectionBlock(
            text=MarkdownTextObject(text="*Return home interviews*"), fields=[_figure_field(f) for f in digest.rhi]
        ),
        *_comment_blocks(comments, Under.RHI),
        SectionBlock(text=_figure_field(digest.still_missing)),
        *_comment_blocks(comments, Under.STILL_MISSING),
    ]
    if digest.highlights:
        bullets = "\n".join(f"• {line}" for line in digest.highlights)
        blocks += [DividerBlock(), SectionBlock(text=MarkdownTextObject(text=f"*Highlights*\n{bullets}"))]
    revised, where = describe_revisions(digest), describe_revised_cells(digest)
    if where:
        lines = [f"*{REVISIONS_HEADING}*", *(f"• {line}" for line in revised), f"_{where}_"]
        blocks += [DividerBlock(), SectionBlock(text=MarkdownTextObject(text="\n".join(lines)))]
    if select_comments(comments, Under.BREAKDOWNS):  # next to the thread's charts, which show the breakdowns
        blocks += [
            DividerBlock(),
            SectionBlock(text=MarkdownTextObject(text=f"*{BREAKDOWNS_HEADING}*")),
            *_comment_blocks(comments, Under.BREAKDOWNS),
        ]
    if digest.report_link:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=render_report_link(digest.report_link))))
    left_out = " ".join(digest.describe_left_out())  # charts with no figures to draw: their sentences instead
    where = "Charts and the full table (XLSX) are in the thread." + (f" Not charted: {left_out}" if left_out else "")
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=where)]))
    message = SlackMessage(render_fallback_text(digest), blocks)
    check_message(message)
    return message


def render_report_link(link: str) -> str:
    """The line that opens the month's whole report (bot.web_report) in a browser."""
    return f"*<{link}|{OPEN_REPORT}>*: every figure, the comments and the charts, to read larger or print."


def render_fallback_text(digest: Digest) -> str:
    """What notifications and screen readers show: the headline in one paragraph."""
    episodes, children, still = digest.episodes, digest.children, digest.still_missing
    rhi = "; ".join(f.describe() for f in digest.rhi)
    text = (
        f"{digest.title}. {episodes[0].describe('missing episodes')}, of which {episodes[1].describe('LAC')} and "
        f"{episodes[2].describe('at CSE risk')}; {children[0].describe('children')}, of which "
        f"{children[1].describe('LAC')} and {children[2].describe('at CSE risk')}; {rhi}; {still.describe()}."
    )
    return text[:MAX_FALLBACK_TEXT_CHARS]


def check_message(message: SlackMessage) -> None:
    """Raise MessageTooLargeError if Slack would refuse the message."""
    if len(message.blocks) > MAX_BLOCKS:
        raise MessageTooLargeError(f"the message has {len(message.blocks)} blocks; Slack takes at most {MAX_BLOCKS}")
    message.block_dicts()  # slack_sdk raises SlackObjectFormationError on a text over its limit
