"""The drop folder: extracts the case-management system leaves there become snapshots, hands-free.

A file is taken once it has not changed for settle_seconds (so one still being written is left
alone), ingested with its as-at time read from its name (or else its modification time), then moved
to archive/, or, if it is refused, to rejected/ beside a note of why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.contract.config import Config
from digest.intake.extracts import ExtractRefused
from digest.intake.ingest import IngestReport, ingest_extract
from digest.store.snapshots import SnapshotStore

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
    return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def find_ready_files(settings: InboxSettings, now: Callable[[], float] = time.time) -> list[Path]:
    """Files in the inbox that have settled, oldest first; temporary and hidden files are left alone."""
    if not settings.folder.is_dir():
        return []
    ready = []
    for path in settings.folder.iterdir():
        name = path.name.lower()
        if not path.is_file() or name.startswith(TEMPORARY_PREFIXES) or name.endswith(TEMPORARY_SUFFIXES):
            continue
        if now() - path.stat().st_mtime >= settings.settle_seconds:
            ready.append(path)
    return sorted(ready, key=lambda p: (p.stat().st_mtime, p.name))


def _move(path: Path, folder: Path) -> Path:
    """Move into folder, never over an earlier file of the same name."""
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.stem}-{number}{path.suffix}"
    os.replace(path, target)
    return target


def _fingerprint(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def ingest_inbox(store: SnapshotStore, config: Config, settings: InboxSettings) -> list[InboxResult]:
    """Ingest every settled file in the inbox and move it out of the way."""
    results = []
    for path in find_ready_files(settings):
        before = _fingerprint(path)
        try:
            report = ingest_extract(store, path, as_at_for(path, settings.as_at_format), config)
        except ExtractRefused as refused:
            moved = _move(path, settings.folder / REJECTED)
            reason = str(refused)
            moved.with_name(moved.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
            results.append(InboxResult(path.name, REFUSED, moved, reason=reason))
            continue
        if _fingerprint(path) != before:
            # Still being written after all: drop what was read, and take the whole file on a later pass.
            if not report.duplicate:
                store.delete_snapshot(report.snapshot_id)
            continue
        moved = _move(path, settings.folder / ARCHIVE)
        results.append(InboxResult(path.name, DUPLICATE if report.duplicate else INGESTED, moved, report))
    return results
