"""The analysts' comments on each month's report sections: the comments table. Only this module runs its SQL.

A month and section has at most one current comment; saving another replaces it, and clearing ends it,
but neither deletes: the replaced row keeps its text with when and by whom it was replaced, so what a
digest once published can be told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digest.store.snapshots import SnapshotStore


@dataclass(frozen=True)
class StoredComment:
    month: str  # "2019-06"
    section: str  # a catalogue section number, "5"
    text: str
    author_id: str  # a staff id: Slack user id, Entra (AAD) object id, or the OS user at a terminal
    author_name: str  # how the platform named them when they wrote it ("" if it did not say)
    platform: str  # slack, teams, terminal
    written_at: dt.datetime  # UTC
    replaced_at: dt.datetime | None = None
    replaced_by: str | None = None


_COLUMNS = "month, section, text, author_id, author_name, platform, written_at, replaced_at, replaced_by"


def save_comment(store: SnapshotStore, comment: StoredComment) -> None:
    """Make comment the current one for its month and section (the one before stays in the history)."""
    with store.db.atomic():
        _end_current(store, comment.month, comment.section, comment.written_at, comment.author_id)
        store.db.execute(
            f"INSERT INTO comments ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,NULL,NULL)",
            [
                comment.month,
                comment.section,
                comment.text,
                comment.author_id,
                comment.author_name,
                comment.platform,
                comment.written_at.isoformat(timespec="seconds"),
            ],
        )


def clear_comment(store: SnapshotStore, month: str, section: str, by: str, at: dt.datetime) -> StoredComment | None:
    """End the current comment of a month and section (kept in the history); returns it, or None if there was none."""
    with store.db.atomic():
        before = _current(store, month, section)
        _end_current(store, month, section, at, by)
    return before


def load_comments(store: SnapshotStore, month: str) -> list[StoredComment]:
    """The month's current comments, in section order."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM comments WHERE month = ? AND replaced_at IS NULL", [month]
    ).fetchall()
    return sorted((_comment(row) for row in rows), key=lambda c: _section_order(c.section))


def load_comment_history(store: SnapshotStore, month: str) -> list[StoredComment]:
    """Every comment ever saved for the month, replaced ones too, oldest first."""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM comments WHERE month = ? ORDER BY id", [month]).fetchall()
    return [_comment(row) for row in rows]


def _current(store: SnapshotStore, month: str, section: str) -> StoredComment | None:
    row = store.db.execute(
        f"SELECT {_COLUMNS} FROM comments WHERE month = ? AND section = ? AND replaced_at IS NULL", [month, section]
    ).fetchone()
    return _comment(row) if row else None


def _end_current(store: SnapshotStore, month: str, section: str, at: dt.datetime, by: str) -> None:
    store.db.execute(
        "UPDATE comments SET replaced_at = ?, replaced_by = ? WHERE month = ? AND section = ? AND replaced_at IS NULL",
        [at.isoformat(timespec="seconds"), by, month, section],
    )


def _section_order(section: str) -> tuple[int, str]:
    digits = "".join(ch for ch in section if ch.isdigit())
    return (int(digits) if digits else 0, section)


def _comment(row: tuple[str, ...]) -> StoredComment:
    month, section, text, author_id, author_name, platform, written_at, replaced_at, replaced_by = row
    return StoredComment(
        month,
        section,
        text,
        author_id,
        author_name,
        platform,
        dt.datetime.fromisoformat(written_at),
        dt.datetime.fromisoformat(replaced_at) if replaced_at else None,
        replaced_by,
    )


def load_comments_mark(store: SnapshotStore) -> tuple[int, int]:
    """What changes whenever any comment is written, replaced or cleared: for answers kept in memory."""
    row = store.db.execute("SELECT coalesce(max(id), 0), count(replaced_at) FROM comments").fetchone()
    return int(row[0]), int(row[1])
