"""Ingesting an SSD export as a snapshot: read the tables whole, derive the episodes, store atomically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from digest.contract.config import Config
from digest.figures.absence import SSD_SOURCE
from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.indicators import compute_indicator_table
from digest.intake.ingest import IngestProgress, IngestReport, check_whole_file, finish_snapshot, stored_report
from digest.intake.ssd.episodes import build_ssd_episodes
from digest.intake.ssd.export import MISSING_TABLE, open_ssd_export
from digest.intake.whole_file import FileRules
from digest.store.snapshots import SnapshotSource, SnapshotStore

# The canonical column each ssd_missing header stands for: the snapshot's column map, as an extract's.
MISSING_COLUMN_MAP = {
    "episode_id": "miss_table_id",
    "child_id": "miss_person_id",
    "missing_start": "miss_missing_episode_start_date",
    "missing_end": "miss_missing_episode_end_date",
    "rhi_offered": "miss_missing_rhi_offered",
    "rhi_accepted": "miss_missing_rhi_accepted",
}
# What the SSD cannot fill (digest.figures.absence.NOT_IN_SSD), as the ingest report names it.
NOT_IN_SSD_SECTIONS = [
    f"section 3, {SECTION_BY_NUMBER['3'].title}: the SSD holds no CSE risk level per episode",
    f"rows 5.3a, 5.3b and pending of section 5, {SECTION_BY_NUMBER['5'].title} completed in time: "
    "the SSD holds no interview date",
    "row 6.7 of section 6, Not a client from another local authority: the SSD holds no such flag",
]


def ingest_ssd_export(
    store: SnapshotStore,
    path: Path,
    as_at: dt.datetime,
    config: Config,
    on_wait: Callable[[], None],
    on_progress: Callable[[IngestProgress], None],
    rules: FileRules,
) -> IngestReport:
    """Read an SSD export (a folder, or a zip of one) and save it as a snapshot of source kind SSD.

    The same export (by the content of its eight tables) with the same as-at time is not stored twice. Its
    missing episodes are judged as a whole as an extract's rows are (rules: month-first dates, the share
    rejected).

    Raises:
        ExtractRefused: the export as a whole cannot be used; the store is unchanged.
    """
    with open_ssd_export(path) as export, store.ingest_turn(on_wait):
        existing = store.find_snapshot(export.sha256, as_at)
        if existing is not None:
            return IngestReport(export.name, as_at, existing, duplicate=True, source_kind=SSD_SOURCE)
        missing = export.tables[MISSING_TABLE]
        source = SnapshotSource(as_at, export.name, export.sha256, missing.headers, MISSING_COLUMN_MAP, [], SSD_SOURCE)
        size = export.bundle_bytes
        with store.write_snapshot(source) as writer:
            # As for an extract: the export's tables are kept on the second core while the rows are derived.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-export") as keeper:
                kept = keeper.submit(writer.keep_original_blocks, export.take_bundle())
                built = build_ssd_episodes(export, as_at, config)
                writer.count_rows_read(built.rows_read)
                on_progress(IngestProgress(writer.rows_read, size, size))
                episodes = built.episodes
                check_whole_file(export.name, built.rows_read, episodes, built.rejected_by_reason, rules)
                indicators = compute_indicator_table(episodes.accepted, as_at, config)
                kept.result()
            finish_snapshot(store, writer, episodes, indicators, as_at, config)
    return replace(
        stored_report(export.name, as_at, writer, episodes, built.rejected_by_reason),
        source_kind=SSD_SOURCE,
        ignored_rows=built.ignored_rows,
        not_in_source=list(NOT_IN_SSD_SECTIONS),
    )
