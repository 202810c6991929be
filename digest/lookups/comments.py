"""Comments from chat and the terminal: which month a comment is for, read as `ask` reads a month and checked
against the latest snapshot, and the reply a person gets when they save one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.figures.periods import month_name
from digest.lookups.answers import ANSWERED, Answer
from digest.lookups.periods import PeriodError, read_month, resolve_period
from digest.reporting.commentary import CommentError, SectionComment
from digest.store.snapshots import SnapshotInfo, SnapshotStore, available_months


@dataclass(frozen=True)
class CommentReply:
    """What came of a comment request: saved (or a form to fill), or why not, in words for the person."""

    ok: bool
    message: str
    month: int | None = None
    comments: list[SectionComment] = field(default_factory=list)  # the month's current comments


def check_comment_month(month: int, snapshot: SnapshotInfo) -> None:
    """Refuse a month the latest snapshot has no figures for (most often a mistyped year).

    Raises:
        CommentError: the month is outside the snapshot's months.
    """
    first, last = available_months(snapshot)
    if not first <= month <= last:
        raise CommentError(
            f"there are no figures for {month_name(month)} in the latest snapshot to comment on; "
            f"months with figures: {month_name(first)} to {month_name(last)}"
        )


def resolve_comment_month(store: SnapshotStore, text: str) -> int:
    """The month a comment request names ("June", "2019-06", "last month"; none: the latest complete month).

    Raises:
        CommentError: not a month, or one without figures.
        StoreError: the store has no snapshot yet.
    """
    try:
        period = read_month(text)
    except PeriodError:  # not quoted back: a reply in a channel is seen by all, and the words may name someone
        raise CommentError("that is not a month; write June, Jun-19, 2019-06 or last month") from None
    snapshot = store.get_snapshot()
    month = resolve_period(period, snapshot).last
    check_comment_month(month, snapshot)
    return month


def describe_saved(comment: SectionComment, month: int) -> str:
    """The confirmation: which section and month, and where it will be seen."""
    return (
        f"Saved the comment on section {comment.section}, {comment.section_title}, for {month_name(month)}. "
        "It shows under those figures in the digest, and in the table's Comments column."
    )


# "comment June", "add a comment for 2019-06", "comment last month": the word and a month, in at most three words; a
# longer message opening with "comment" is a question ("comment says an increase in not a client - June vs May?").
COMMENT_REQUEST = re.compile(
    r"^\s*(?:add\s+(?:a\s+)?)?comments?\b(?:\s+(?:on|for))?\s*((?:\S+\s*){0,3})$", re.IGNORECASE | re.DOTALL
)


def read_comment_request(text: str) -> str | None:
    """The month words of a request to comment ("comment June", "add a comment for 2019-06"), or None when the
    text is a question rather than a request to comment."""
    match = COMMENT_REQUEST.match(text)
    return match.group(1).strip() if match else None


def comment_help_answer() -> Answer:
    """Where a comment cannot be written (a terminal's `ask`, a Teams outgoing webhook): where it can."""
    return Answer(
        ANSWERED,
        "Comments are written in a form, not asked as a question:",
        [
            "In Slack: `/missing comment June` opens the form.",
            "To the Teams bot: `comment June` sends the form as a card.",
            "In a terminal: `missing-report comment --month June --section 5 --text '...'`.",
        ],
    )
