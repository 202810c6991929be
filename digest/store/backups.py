"""Backing up an SQLite file with SQLite's online backup API: a consistent copy, page by page, taken while other
processes read and write it (a plain file copy of a WAL-mode store can miss what is still in its -wal file, or
catch a write half-done). The copy is owner-only, as the store is: it holds child ids.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from digest.contract.privacy import make_private_file

PAGES_PER_STEP = 1024  # copied between the source's locks, so a writer is held up for a moment only


class BackupError(Exception):
    """A backup that cannot be made; the message says why and what to do."""


def save_backup(source: sqlite3.Connection, target: Path) -> None:
    """Copy the open database source, whole and consistent, to a new owner-only file target.

    Raises:
        BackupError: target exists already (a backup is never written over), or cannot be written.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x"):  # made empty, here and only here: an existing file is never overwritten
            pass
    except FileExistsError:
        raise BackupError(f"{target} exists already: choose a new name, or move the old backup away") from None
    except OSError as error:
        raise BackupError(f"{target} cannot be written ({error.strerror})") from None
    make_private_file(target)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy, pages=PAGES_PER_STEP)
    except sqlite3.Error as error:
        copy.close()
        target.unlink(missing_ok=True)  # never a half-written backup
        raise BackupError(f"the backup to {target} failed ({error})") from None
    copy.close()


def name_upgrade_backup(path: Path, now: dt.datetime) -> Path:
    """Where the copy taken before an upgrade's schema steps goes: beside the file, named for when."""
    return path.with_name(f"{path.name}.before-upgrade-{now:%Y%m%dT%H%M%S}")


def backup_file(path: Path, target: Path) -> None:
    """Back up the SQLite file at path to target (see save_backup)."""
    if not path.is_file():
        raise BackupError(f"there is no store at {path}")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        save_backup(source, target)
    finally:
        source.close()
