"""The drop folder: extracts the case-management system leaves there become snapshots, hands-free.

A file is taken once it has not changed for settle_seconds (so one still being written is left
alone), ingested with its as-at time read from its name (or else its modification time), then moved
to archive/, or, if it is refused, to rejected/ beside a note of why. A folder (an SSD export; a zip of
one is a file like any other) is taken likewise, once none of its files has changed for settle_seconds.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest.contract.config import Config
from digest.contract.names import shown_name
from digest.contract.privacy import PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, make_private_folder, write_private_text
from digest.contract.timestamps import check_as_at
from digest.intake.refusals import ExtractRefused
from digest.store.snapshots import SnapshotStore, StoreError

if TYPE_CHECKING:
    from digest.intake.ingest import IngestReport

log = logging.getLogger(__name__)

ARCHIVE, REJECTED = "archive", "rejected"
INGESTED, DUPLICATE, REFUSED = "ingested", "duplicate", "refused"
TEMPORARY_PREFIXES = (".", "~$")  # hidden files, and Excel's lock files
TEMPORARY_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial")
_FORMAT_PIECES = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}", "%H": r"\d{2}", "%M": r"\d{2}", "%S": r"\d{2}"}


@dataclass(frozen=True)
class InboxSettings:
    folder: Path
    as_at_format: str | None  # strptime format found in file names, e.g. "%Y-%m-%d_%H%M"
    settle_seconds: float


@dataclass(frozen=True)
class InboxResult:
    file_name: str
    outcome: str  # ingested, duplicate, refused
    moved_to: Path
    report: IngestReport | None = None
    reason: str = ""


def format_pattern(fmt: str) -> re.Pattern[str]:
    """A regular expression that finds text written in the strptime format fmt."""
    parts = re.split(r"(%[YmdHMS])", fmt)
    return re.compile("".join(_FORMAT_PIECES.get(part, re.escape(part)) for part in parts))


def as_at_for(path: Path, fmt: str | None) -> dt.datetime:
    """The file's as-at time: from its name when it carries one in fmt, else its modification time."""
    if fmt:
        match = format_pattern(fmt).search(path.name)
        if match:
            try:
                return dt.datetime.strptime(match.group(0), fmt)
            except ValueError:
                pass
    return dt.datetime.fromtimestamp(_changed_at(path) / 1e9).replace(microsecond=0)


def _changed_at(path: Path) -> int:
    """When a file, or the last file in a folder, last changed (nanoseconds since the epoch)."""
    if not path.is_dir():
        return path.stat().st_mtime_ns
    return max([path.stat().st_mtime_ns, *(inner.stat().st_mtime_ns for inner in path.rglob("*"))])


def find_ready_files(settings: InboxSettings, now: Callable[[], float] = time.time) -> list[Path]:
    """Files in the inbox that have settled, oldest first; temporary and hidden files are left alone."""
    if not settings.folder.is_dir():
        return []
    ready = []
    for path in settings.folder.iterdir():
        name = path.name.lower()
        if name.startswith(TEMPORARY_PREFIXES) or name.endswith(TEMPORARY_SUFFIXES):
            continue
        if path.is_dir() and (path.is_symlink() or name in (ARCHIVE, REJECTED)):
            continue
        if not (path.is_file() or path.is_dir()):
            continue
        if now() - _changed_at(path) / 1e9 >= settings.settle_seconds:
            ready.append(path)
    return sorted(ready, key=lambda p: (_changed_at(p), p.name))


def _move(path: Path, folder: Path) -> Path:
    """Move into folder, never over an earlier file of the same name."""
    make_private_folder(folder)
    target = folder / path.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.stem}-{number}{path.suffix}"
    os.replace(path, target)
    # An extract holds ids and dates of birth, whoever could read the inbox.
    target.chmod(PRIVATE_FOLDER_MODE if target.is_dir() else PRIVATE_FILE_MODE)
    return target


def _set_aside(path: Path, settings: InboxSettings, reason: str) -> InboxResult:
    """Move a refused file to rejected/ beside a note of why (readable by its owner only, like the file)."""
    moved = _move(path, settings.folder / REJECTED)
    note = moved.with_name(moved.name + ".reason.txt")
    write_private_text(note, reason + "\n")
    return InboxResult(path.name, REFUSED, moved, reason=reason)


def _as_at_or_earliest(path: Path, fmt: str | None) -> dt.datetime:
    try:
        return as_at_for(path, fmt)
    except (OSError, ValueError, OverflowError):
        return dt.datetime.min  # it will be refused on its turn


def _checked_as_at(path: Path, fmt: str | None) -> dt.datetime:
    """The file's as-at time, if it is plausible (as --as-at must be).

    Raises:
        ExtractRefused: it is before 1990 or more than a day ahead of the clock.
    """
    as_at = as_at_for(path, fmt)
    try:
        check_as_at(as_at, dt.datetime.now())
    except ValueError as err:
        raise ExtractRefused(f"{shown_name(path.name)}: its as-at time {as_at:%d/%m/%Y %H:%M} {err}") from None
    return as_at


def _fingerprint(path: Path) -> tuple[int, int]:
    if path.is_dir():
        return sum(inner.stat().st_size for inner in path.rglob("*")), _changed_at(path)
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def ingest_inbox(store: SnapshotStore, config: Config, settings: InboxSettings) -> list[InboxResult]:
    """Ingest every settled file in the inbox and move it out of the way.

    Whatever one file does, it is set aside in rejected/ with a reason and the other files go on: a file
    that fails every pass would otherwise hold up every file after it for good.
    """
    from digest.intake.ingest import ingest_extract  # pandas: only when the drop folder is read

    results = []
    # Oldest extract first, so that each snapshot of the pass is compared with the one before it for alerts.
    ready = sorted(find_ready_files(settings), key=lambda p: _as_at_or_earliest(p, settings.as_at_format))
    for path in ready:
        before = _fingerprint(path)
        try:
            report = ingest_extract(store, path, _checked_as_at(path, settings.as_at_format), config)
        except ExtractRefused as refused:
            results.append(_set_aside(path, settings, str(refused)))
            continue
        except StoreError:
            raise  # the store, not the file: every file would fail alike, so stop and say so
        except Exception as err:  # any failure of one file must not stop the others
            # Only the kind of failure is kept: an error's own text can quote a cell of the file.
            log.error("ingesting %s failed unexpectedly (%s)", shown_name(path.name), type(err).__name__)
            reason = (
                f"{shown_name(path.name)} could not be ingested ({type(err).__name__}); run missing-report ingest "
                "on it with --debug to see why"
            )
            results.append(_set_aside(path, settings, reason))
            continue
        if _fingerprint(path) != before:
            # Still being written after all: drop what was read, and take the whole file on a later pass.
            if not report.duplicate:
                store.delete_snapshot(report.snapshot_id)
            continue
        moved = _move(path, settings.folder / ARCHIVE)
        results.append(InboxResult(path.name, DUPLICATE if report.duplicate else INGESTED, moved, report))
    return results
