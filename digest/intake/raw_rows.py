"""Reading a snapshot's raw rows back: each cell exactly as the ingest read it from the extract.

The store keeps the extract file byte for byte (checked against its content hash); its rows are read back
through the same reader the ingest used, so a raw row is what the ingest saw, cell for cell. The file is
copied to an owner-only temporary folder for the reader and deleted as soon as it is read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from digest.contract.config import Config
from digest.figures.absence import SSD_SOURCE
from digest.intake.episodes import EpisodeBuilder
from digest.intake.extracts import Extract, open_extract
from digest.intake.ssd.export import MISSING_TABLE, read_bundled_table
from digest.store.snapshots import SnapshotInfo, SnapshotStore, StoreError

if TYPE_CHECKING:
    import pandas as pd


def read_raw_rows(store: SnapshotStore, snapshot_id: int) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row, cells in header order) of every row a snapshot read, in file order.

    Raises:
        StoreError: the snapshot's file was not kept (stored before this version, or pruned).
    """
    with _kept_file(store, snapshot_id) as (info, copy):
        if info.source_kind == SSD_SOURCE:  # the kept export's ssd_missing table holds the rows
            frame = read_bundled_table(copy, MISSING_TABLE)
            cells = zip(*(frame[i].tolist() for i in frame.columns), strict=True)
            yield from ((int(row) + 2, list(values)) for row, values in zip(frame.index, cells, strict=True))
            return
        extract = _open_kept_extract(store, snapshot_id, copy)
        for chunk in extract.chunks():
            cells = zip(*(chunk[h].tolist() for h in extract.headers), strict=True)
            rows = (chunk.index.to_numpy() + 2).tolist()
            yield from ((row, list(values)) for row, values in zip(rows, cells, strict=True))


def read_unrecognised_values(store: SnapshotStore, snapshot_id: int, config: Config) -> pd.DataFrame:
    """column, value, count of each value the snapshot's kept rows did not recognise, read again from its file
    (the store keeps only their counts: a value may be a name typed into the wrong column).

    Raises:
        StoreError: the snapshot's file was not kept, or it is an SSD export (whose values are derived from
        several tables, and not read back).
    """
    with _kept_file(store, snapshot_id) as (info, copy):
        if info.source_kind == SSD_SOURCE:
            raise StoreError(
                f"snapshot {snapshot_id} is an SSD export: its unrecognised values are not read back; look for "
                "them in the export's ssd_person and ssd_missing tables"
            )
        builder = EpisodeBuilder(info.as_at, config, config.date_order)
        extract = _open_kept_extract(store, snapshot_id, copy)
        for chunk in extract.chunks():
            builder.add(chunk, extract.column_of)
    return builder.finish().unrecognised


@contextmanager
def _kept_file(store: SnapshotStore, snapshot_id: int) -> Iterator[tuple[SnapshotInfo, Path]]:
    """A snapshot and an owner-only copy of its kept file, deleted after."""
    info = store.get_snapshot(snapshot_id)
    with tempfile.TemporaryDirectory(prefix="missing-report-raw-") as folder:  # created owner-only
        copy = Path(folder) / f"extract{Path(info.file_name).suffix}"
        if not store.copy_original_file(snapshot_id, copy):
            raise StoreError(
                f"snapshot {snapshot_id} does not keep its file (it was pruned, or stored by an older version)"
            )
        yield info, copy


def _open_kept_extract(store: SnapshotStore, snapshot_id: int, copy: Path) -> Extract:
    """The kept extract file, opened as the ingest opened it (by the headers it mapped)."""
    column_map = store.load_column_map(snapshot_id)
    return open_extract(copy, {column: [header] for column, header in column_map.items()})


def read_raw_row(store: SnapshotStore, snapshot_id: int, row: int) -> list[str] | None:
    """The cells of one spreadsheet row of a snapshot's file (None if it read no such row)."""
    old = store.load_json_raw_row(snapshot_id, row)
    if old is not None:
        return old
    for number, cells in read_raw_rows(store, snapshot_id):
        if number == row:
            return cells
        if number > row:
            break
    return None
