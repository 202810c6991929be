"""Ingesting one extract file as a snapshot: read, validate, compute the figures, store atomically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from digest.contract.config import Config
from digest.contract.names import shown_name
from digest.figures.absence import EXTRACT_SOURCE
from digest.figures.catalogue import SECTION_OF_OPTIONAL_COLUMN, describe_empty_section
from digest.figures.fingerprint import compute_fingerprint
from digest.figures.indicators import compute_indicator_table
from digest.figures.still_missing import compute_still_missing
from digest.intake.episodes import EpisodeBuilder, Episodes, without_values
from digest.intake.extracts import Extract, open_extract
from digest.intake.heap import arrow_on_heap, large_heap
from digest.intake.ssd.export import is_ssd_export
from digest.intake.whole_file import FileRules, check_date_order, check_rejected_share
from digest.store.alerts import save_still_missing
from digest.store.snapshots import SnapshotSource, SnapshotStore, SnapshotWriter


@dataclass(frozen=True)
class IngestProgress:
    """How far an ingest has got: for a progress bar. Bytes say how much is left; rows what was read."""

    rows_read: int
    bytes_read: int
    bytes_total: int


def ignore_progress(progress: IngestProgress) -> None:
    """The default: no one is watching."""


@dataclass
class IngestReport:
    """What an ingest did, in aggregates only (no ids, names or dates of birth)."""

    file_name: str
    as_at: dt.datetime
    snapshot_id: int
    duplicate: bool
    rows_read: int = 0
    rows_accepted: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    unrecognised: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["column", "value", "count"]))
    ignored_headers: list[str] = field(default_factory=list)
    empty_sections: dict[str, str] = field(default_factory=dict)  # absent optional column -> what stays empty
    source_kind: str = EXTRACT_SOURCE  # an extract file, or an SSD export folder (digest.figures.absence)
    ignored_rows: dict[str, int] = field(default_factory=dict)  # SSD: period table -> rows ignored
    not_in_source: list[str] = field(default_factory=list)  # SSD: the sections this source cannot fill

    @property
    def rows_rejected(self) -> int:
        return sum(self.rejected_by_reason.values())


def ingest_extract(
    store: SnapshotStore,
    path: Path,
    as_at: dt.datetime,
    config: Config,
    on_wait: Callable[[], None] = lambda: None,
    on_progress: Callable[[IngestProgress], None] = ignore_progress,
    rules: FileRules | None = None,
) -> IngestReport:
    """Read an extract (or an SSD export: a folder, or a zip of one) and save it as a snapshot as at as_at.

    The file is read, checked and stored in chunks inside one transaction, so a large extract needs
    little memory and a failure at any point leaves the store as it was. The same file (by content)
    with the same as-at time is not stored twice: the report says which snapshot already holds it.
    Ingests into one store take turns; on_wait is called if this one has to wait for another.
    on_progress is called after each chunk of rows is stored. rules judge the file as a whole (the
    config's, unless given).

    Raises:
        ExtractRefused: the file as a whole cannot be used (whole_file.py); the store is unchanged.
    """
    with large_heap():  # hundreds of million-row arrays made and dropped: see heap.py
        if is_ssd_export(path):
            from digest.intake.ssd.ingest import ingest_ssd_export  # it builds on this module

            with arrow_on_heap():  # see heap.py: the SSD's tables are parsed in blocks, from memory
                return ingest_ssd_export(
                    store, path, as_at, config, on_wait, on_progress, rules or FileRules.of(config)
                )
        extract = open_extract(path, config.column_aliases)
        with store.ingest_turn(on_wait):
            return _store_extract(store, extract, as_at, config, on_progress, rules or FileRules.of(config))


def _store_extract(
    store: SnapshotStore,
    extract: Extract,
    as_at: dt.datetime,
    config: Config,
    on_progress: Callable[[IngestProgress], None],
    rules: FileRules,
) -> IngestReport:
    path = extract.path
    existing = store.find_snapshot(extract.sha256, as_at)
    if existing is not None:
        return IngestReport(path.name, as_at, existing, duplicate=True)
    source = SnapshotSource(
        as_at, path.name, extract.sha256, extract.headers, extract.column_of, extract.ignored_headers
    )
    builder = EpisodeBuilder(as_at, config, rules.date_order)
    with store.write_snapshot(source) as writer:
        # The file is kept (hashed and written, work that lets go of Python's lock) on the second core while
        # the rows are checked and the figures computed, which use no SQL; it is done before the rows are
        # written. Leaving the `with` waits for it, so a failure anywhere rolls back a quiet connection.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-file") as keeper:
            kept = keeper.submit(writer.keep_original_file, path, extract.sha256)
            for chunk in extract.chunks():
                writer.count_rows_read(len(chunk))
                builder.add(chunk, extract.column_of)
                on_progress(IngestProgress(writer.rows_read, extract.bytes_read(), extract.size))
            episodes = builder.finish()
            check_whole_file(path.name, writer.rows_read, episodes, episodes.rejected_by_reason(), rules)
            indicators = compute_indicator_table(episodes.accepted, as_at, config)
            kept.result()  # raises FileChangedError, or the store's error, here
        finish_snapshot(store, writer, episodes, indicators, as_at, config)
    return replace(
        stored_report(path.name, as_at, writer, episodes, episodes.rejected_by_reason()),
        ignored_headers=extract.ignored_headers,
        empty_sections={
            column: describe_empty_section(column)
            for column in SECTION_OF_OPTIONAL_COLUMN
            if column not in extract.column_of
        },
    )


def check_whole_file(
    name: str, rows_read: int, episodes: Episodes, rejected_by_reason: dict[str, int], rules: FileRules
) -> None:
    """Refuse a file whose dates look month-first, or too many of whose rows would be rejected.

    Called inside the snapshot's transaction: the refusal leaving it rolls back the file kept so far.
    """
    check_date_order(shown_name(name), episodes.month_first_dates)
    check_rejected_share(shown_name(name), rows_read, rejected_by_reason, rules)


def finish_snapshot(
    store: SnapshotStore,
    writer: SnapshotWriter,
    episodes: Episodes,
    indicators: pd.DataFrame,
    as_at: dt.datetime,
    config: Config,
) -> None:
    """Write a snapshot's episodes, rejections, figures and still-missing count, inside its transaction."""
    unrecognised = without_values(episodes.unrecognised)  # never kept: a value may be a name
    writer.finish(episodes.accepted, episodes.rejected, unrecognised, indicators, compute_fingerprint(config))
    save_still_missing(store, writer.snapshot_id, compute_still_missing(episodes.accepted, as_at))


def stored_report(
    file_name: str, as_at: dt.datetime, writer: SnapshotWriter, episodes: Episodes, rejected_by_reason: dict[str, int]
) -> IngestReport:
    """The report of a snapshot just stored; a source adds what is its own with dataclasses.replace."""
    return IngestReport(
        file_name=file_name,
        as_at=as_at,
        snapshot_id=writer.snapshot_id,
        duplicate=False,
        rows_read=writer.rows_read,
        rows_accepted=len(episodes.accepted),
        rejected_by_reason=rejected_by_reason,
        unrecognised=without_values(episodes.unrecognised),  # counted, never shown: a value may be a name
    )
