"""The analyst's commentary: one comment per report section and month, as the paper report's Comments column.

What a comment may say (checked before anything is saved), which headline figures each section's comment
sits under in a digest, and the comments as plain data for any renderer. Comments are published with
the digest, so they carry staff ids (who wrote them), never a child's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from digest.figures.catalogue import SECTION_BY_NUMBER, SECTIONS, Section
from digest.figures.periods import month_key
from digest.store.comments import StoredComment, clear_comment, load_comments, save_comment
from digest.store.snapshots import SnapshotStore

MAX_COMMENT_CHARS = 1000  # a paragraph; the paper report's Comments column holds a sentence or two
MAX_AUTHOR_NAME_CHARS = 80  # a display name as a platform gives it; longer ones are cut


class Under(StrEnum):
    """Where in a digest a comment is shown: under the headline figures its section's rows feed."""

    EPISODES_AND_CHILDREN = "episodes and children"
    RHI = "return home interviews"
    STILL_MISSING = "still missing"
    BREAKDOWNS = "breakdowns"  # no headline figure: under their own heading, next to the charts


# Sections 1 to 3 are the episodes and children figures; 4 the days missing (still missing is its row 4.8);
# 5 the return home interviews; 6 to 10 are breakdowns, shown in the charts and the table only.
SECTIONS_UNDER = {
    Under.EPISODES_AND_CHILDREN: ("1", "2", "3"),
    Under.RHI: ("5",),
    Under.STILL_MISSING: ("4",),
    Under.BREAKDOWNS: ("6", "7", "8", "9", "10"),
}
BREAKDOWNS_HEADING = "Comments on the breakdowns"

# Text that looks like a child's details: a full date (a date of birth), or a long run of digits or a code
# mixing letters with several digits (a case or episode id). Years ("2019"), financial years ("2019/20"),
# months ("Jun-19"), refs ("5.3a") and counts up to 9999 pass.
_MONTH_WORDS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
FULL_DATE = re.compile(
    r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_WORDS})[a-z]*\.?,?\s+\d{{4}}\b"
    rf"|\b(?:{_MONTH_WORDS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
ID_LIKE = re.compile(
    r"\b(?=[A-Za-z0-9]*\d{5})[A-Za-z0-9]+\b|\b(?=[A-Za-z0-9]*[A-Za-z])(?=(?:[A-Za-z]*\d){4})[A-Za-z0-9]+\b"
)
PRIVACY_HINT = (
    "comments are published with the digest, so they must not carry anything about a child (no id, name, "
    "date of birth or address)"
)
PRIVACY_NOTE = PRIVACY_HINT[0].upper() + PRIVACY_HINT[1:] + "."  # the same, as a sentence on its own, by a form


class CommentError(ValueError):
    """A comment that cannot be saved; the message says what is wrong and how to put it right."""


@dataclass(frozen=True)
class Author:
    """Who wrote a comment: a member of staff, by the id their platform gives them."""

    id: str  # Slack user id, Entra (AAD) object id, or the OS user at a terminal
    name: str  # how the platform names them ("" if it does not)
    platform: str  # slack, teams, terminal


@dataclass(frozen=True)
class SectionComment:
    """One section's comment, as a digest, workbook or answer shows it."""

    section: str  # "5"
    section_title: str  # "Return Home Interviews"
    text: str
    author: str  # the name, else the id
    written_at: dt.datetime

    @property
    def attribution(self) -> str:
        """ "Priya Shah, 15/07/2019": who wrote it and when, as a reader sees it."""
        return f"{self.author}, {self.written_at:%d/%m/%Y}"

    @property
    def heading(self) -> str:
        """ "Section 5, Return Home Interviews"."""
        return f"Section {self.section}, {self.section_title}"


def read_section(text: str) -> Section:
    """The catalogue section a user names by its number ("5", "section 5").

    Raises:
        CommentError: not a section of the report; the message lists them.
    """
    number = text.strip().lower().removeprefix("section").strip()
    if number in SECTION_BY_NUMBER:
        return SECTION_BY_NUMBER[number]
    listed = "; ".join(f"{s.number} {s.title}" for s in SECTIONS)
    # Not quoted back: in a channel, the reply is seen by everyone there, and what was typed may name someone.
    raise CommentError(f"that is not a section of the report; give the section's number: {listed}")


def check_comment_text(text: str) -> str:
    """The comment as it will be saved (trimmed), once checked.

    Raises:
        CommentError: empty, too long, or holding what looks like a child's date of birth or an id.
    """
    cleaned = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if not cleaned:
        raise CommentError("the comment is empty; write what explains the section's figures")
    if len(cleaned) > MAX_COMMENT_CHARS:
        raise CommentError(
            f"the comment is {len(cleaned):,} characters; a comment takes at most {MAX_COMMENT_CHARS:,}. Shorten it"
        )
    if FULL_DATE.search(cleaned):
        raise CommentError(
            f"{PRIVACY_HINT}; take out the full date (day, month and year) and say the period instead, "
            'for example "mid-June" or "the week of 10 June"'
        )
    if ID_LIKE.search(cleaned):
        raise CommentError(f"{PRIVACY_HINT}; take out the number or code that looks like an id")
    return cleaned


def save_section_comment(
    store: SnapshotStore, month: int, section: Section, text: str, author: Author, now: dt.datetime | None = None
) -> SectionComment:
    """Check and save a comment as the current one of its section and month (replacing any before it).

    Raises:
        CommentError: as check_comment_text.
    """
    checked = check_comment_text(text)
    stored = StoredComment(
        month_key(month),
        section.number,
        checked,
        author.id,
        author.name[:MAX_AUTHOR_NAME_CHARS],
        author.platform,
        (now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
    )
    save_comment(store, stored)
    return _shown(stored)


def clear_section_comment(
    store: SnapshotStore, month: int, section: Section, author: Author, now: dt.datetime | None = None
) -> SectionComment | None:
    """End the section's current comment (it stays in the history); the one cleared, or None if there was none."""
    cleared = clear_comment(store, month_key(month), section.number, author.id, now or dt.datetime.now(dt.UTC))
    return _shown(cleared) if cleared else None


def load_section_comments(store: SnapshotStore, month: int) -> list[SectionComment]:
    """The month's current comments, in section order."""
    return [_shown(stored) for stored in load_comments(store, month_key(month))]


def select_comments(comments: list[SectionComment], under: Under) -> list[SectionComment]:
    """The comments shown under one group of figures, in section order."""
    return [c for c in comments if c.section in SECTIONS_UNDER[under]]


def _shown(stored: StoredComment) -> SectionComment:
    title = SECTION_BY_NUMBER[stored.section].title
    return SectionComment(stored.section, title, stored.text, stored.author_name or stored.author_id, stored.written_at)
