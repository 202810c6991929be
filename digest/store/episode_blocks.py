"""A snapshot's accepted episodes, kept column by column as compressed Arrow blocks in the episode_blocks table.

Episodes are only ever read whole (to work the figures out again under new settings) or a few columns at a
time (still-missing counts); nothing filters them in SQL. Kept as Arrow record batches compressed with zstd,
a million episodes take about 20 MB, a quarter of a second to write and a tenth to read back, where one SQL
row per episode took 160 MB, 4.3 s (a third of an ingest) and 6 s to read. Each block is a whole Arrow IPC
stream (schema and one batch) of at most EPISODE_BLOCK_ROWS episodes in file order, with the frame's pandas
types in its metadata, so a snapshot reads back as the frame the ingest computed its figures from: the same
values, times to the microsecond, and the same types (but that text pandas' own reader left as Python
objects comes back as pandas' str, which compares alike).
Snapshots stored before m011 keep one row per episode in the episodes table; SnapshotStore reads both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digest.store.database import StoreDatabase

if TYPE_CHECKING:
    import pandas as pd

EPISODE_BLOCK_ROWS = 100_000  # episodes per block: what one compressed stream holds
EPISODE_CODEC = "zstd"  # Arrow's codec for each column's buffers: 8 times smaller than the plain batch


def save_episode_blocks(
    db: StoreDatabase, snapshot_id: int, episodes: pd.DataFrame, block_rows: int = EPISODE_BLOCK_ROWS
) -> None:
    """Write a snapshot's episodes (no block for an empty frame) inside the caller's transaction."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    table = pa.Table.from_pandas(episodes, preserve_index=False)
    options = ipc.IpcWriteOptions(compression=EPISODE_CODEC)
    for block, batch in enumerate(table.to_batches(max_chunksize=block_rows)):
        sink = pa.BufferOutputStream()
        with ipc.new_stream(sink, table.schema, options=options) as writer:
            writer.write_batch(batch)
        db.execute("INSERT INTO episode_blocks VALUES (?,?,?)", [snapshot_id, block, memoryview(sink.getvalue())])


def load_episode_blocks(db: StoreDatabase, snapshot_id: int, columns: Sequence[str] | None) -> pd.DataFrame | None:
    """A snapshot's episodes (only the named columns, if given), in file order; None if it has no blocks
    (stored before m011, pruned, or no episode was accepted)."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    cursor = db.execute("SELECT data FROM episode_blocks WHERE snapshot_id = ? ORDER BY block", [snapshot_id])
    tables = []
    for (data,) in cursor:
        buffer = pa.py_buffer(data)
        if columns is None:
            options = ipc.IpcReadOptions()
        else:  # only the named columns are decompressed
            names = ipc.open_stream(buffer).schema.names
            options = ipc.IpcReadOptions(included_fields=[names.index(column) for column in columns])
        tables.append(ipc.open_stream(buffer, options=options).read_all())
    if not tables:
        return None
    frame: pd.DataFrame = pa.concat_tables(tables).to_pandas()
    return frame
