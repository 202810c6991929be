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
from digest.intake.episodes import EpisodeBuilder
from digest.intake.extracts import Extract, open_extract
from digest.store.snapshots import SnapshotStore, StoreError

if TYPE_CHECKING:
    import pandas as pd


def read_raw_rows(store: SnapshotStore, snapshot_id: int) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row, cells in header order) of every row a snapshot read, in file order.

    Raises:
        StoreError: the snapshot's file was not kept (stored before this version, or pruned).
    """
    with _kept_extract(store, snapshot_id) as extract:
        for chunk in extract.chunks():
            cells = zip(*(chunk[h].tolist() for h in extract.headers), strict=True)
            rows = (chunk.index.to_numpy() + 2).tolist()
            yield from ((row, list(values)) for row, values in zip(rows, cells, strict=True))


def read_unrecognised_values(store: SnapshotStore, snapshot_id: int, config: Config) -> pd.DataFrame:
    """column, value, count of each value the snapshot's kept rows did not recognise, read again from its file
    (the store keeps only their counts: a value may be a name typed into the wrong column).

    Raises:
        StoreError: the snapshot's file was not kept.
    """
    info = store.get_snapshot(snapshot_id)
    builder = EpisodeBuilder(info.as_at, config, config.date_order)
    with _kept_extract(store, snapshot_id) as extract:
        for chunk in extract.chunks():
            builder.add(chunk, extract.column_of)
    return builder.finish().unrecognised


@contextmanager
def _kept_extract(store: SnapshotStore, snapshot_id: int) -> Iterator[Extract]:
    """A snapshot's kept file, opened as the ingest opened it, from an owner-only copy deleted after."""
    info = store.get_snapshot(snapshot_id)
    with tempfile.TemporaryDirectory(prefix="missing-report-raw-") as folder:  # created owner-only
        copy = Path(folder) / f"extract{Path(info.file_name).suffix}"
        if not store.copy_original_file(snapshot_id, copy):
            raise StoreError(
                f"snapshot {snapshot_id} does not keep its file (it was pruned, or stored by an older version)"
            )
        column_map = store.load_column_map(snapshot_id)
        yield open_extract(copy, {column: [header] for column, header in column_map.items()})


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
