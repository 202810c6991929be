"""The SQLite snapshot store: one snapshot per ingested extract, written whole or not at all.

In WAL mode so that lookups read while an ingest writes. The schema is a list of sqlite-utils migrations
applied on open, so a newer version of this program opens an older store. pandas and pyarrow are imported
only by the methods that write or read episodes or the kept file, so that listing snapshots or reading a
profile starts without them. The episodes are kept as compressed Arrow blocks (episode_blocks.py) and the
extract file as zstd blocks: together a sixth of the bytes, and a third of the ingest time, of one SQL row
per episode beside the plain file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.contract.names import shown_name
from digest.contract.privacy import make_private_file, make_private_folder
from digest.figures.absence import EXTRACT_SOURCE
from digest.figures.periods import financial_year_start, month_key, month_of, parse_month
from digest.store.database import NoDatabase, NotOwnDatabase, StoreDatabase, connect_private_database
from digest.store.episode_blocks import load_episode_blocks, save_episode_blocks
from digest.store.schema import migrations

if TYPE_CHECKING:
    import pandas as pd

BUSY_TIMEOUT_SECONDS = 60  # how long a writer waits for another writer before giving up
# What `prune` deletes: every id and date of birth a snapshot holds (raw_rows: snapshots stored before m006).
PRUNED_TABLES = ("original_file_blocks", "raw_rows", "episodes", "episode_blocks")
ORIGINAL_BLOCK_BYTES = 4 << 20  # the extract file is kept in blocks of this many bytes: bounds memory
# zstd's fastest level: a 121 MB extract keeps as 23 MB in 0.3 s, on a second core while the rows are
# checked (the compressor lets go of Python's lock); higher levels save under 1% more.
ORIGINAL_CODEC, ORIGINAL_CODEC_LEVEL = "zstd", 1
EPISODE_ROW_COLUMNS = (  # the episodes table of snapshots stored before m011, but its snapshot_id
    "row",
    "episode_id",
    "child_id",
    "missing_start",
    "missing_end",
    "gender",
    "date_of_birth",
    "ethnicity",
    "care_status",
    "other_la",
    "cse_risk",
    "placement_distance_miles",
    "rhi_offered",
    "rhi_accepted",
    "rhi_completed",
)
INGEST_LOCK_SUFFIX = ".ingest-lock"  # beside the store: held by the ingest whose turn it is


class StoreError(Exception):
    """The store cannot be opened or read; the message says why and what to do."""


class FileChangedError(StoreError):
    """An extract file changed between being read and being kept."""


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    as_at: dt.datetime
    file_name: str
    file_sha256: str
    ingested_at: str
    rows_read: int
    rows_accepted: int
    rows_rejected: int
    first_month: str | None
    last_month: str | None
    indicators_fingerprint: str
    pruned_at: str | None = None
    source_kind: str = EXTRACT_SOURCE  # an extract file, or an SSD export (digest.figures.absence)


def first_data_month(snapshot: SnapshotInfo) -> int:
    """The first month with episodes in the snapshot: before it, a count is unknown, not zero."""
    return parse_month(snapshot.first_month) if snapshot.first_month else month_of(snapshot.as_at)


def available_months(snapshot: SnapshotInfo) -> tuple[int, int]:
    """The first and last month a profile (and so a digest) can be made for from this snapshot."""
    return financial_year_start(first_data_month(snapshot)), month_of(snapshot.as_at)


def covers_month(snapshot: SnapshotInfo, month: int) -> bool:
    """Whether a profile, and so a digest, of month can be made from this snapshot."""
    first, last = available_months(snapshot)
    return first <= month <= last


@dataclass(frozen=True)
class SnapshotSource:
    """Where a snapshot comes from: the file and how its headers were read."""

    as_at: dt.datetime
    file_name: str
    file_sha256: str
    headers: list[str]
    column_map: dict[str, str]
    ignored_headers: list[str]
    kind: str = EXTRACT_SOURCE  # an extract file, or an SSD export (digest.figures.absence)


class SnapshotWriter:
    """Writes one snapshot inside an open transaction: raw rows as they are read, then the rest."""

    def __init__(self, store: SnapshotStore, snapshot_id: int, headers: list[str]) -> None:
        self.store = store
        self.snapshot_id = snapshot_id
        self.headers = headers
        self.rows_read = 0

    def keep_original_file(self, path: Path, sha256: str) -> None:
        """Keep the extract file byte for byte, so that every raw row can be read back from it exactly.

        Raises:
            FileChangedError: the file is no longer the one that was read (its content hash differs).
        """
        digest = hashlib.sha256()
        with path.open("rb") as handle:

            def blocks() -> Iterator[bytes]:
                while data := handle.read(ORIGINAL_BLOCK_BYTES):
                    digest.update(data)
                    yield data

            self.keep_original_blocks(blocks())
        if digest.hexdigest() != sha256:
            raise FileChangedError(
                f"{shown_name(path.name)} changed while it was being read; nothing was stored. Ingest it again"
            )

    def keep_original_blocks(self, blocks: Iterable[bytes]) -> None:
        """Keep a file given as its bytes in blocks of ORIGINAL_BLOCK_BYTES (the last may be shorter), in order."""
        import pyarrow as pa

        codec = pa.Codec(ORIGINAL_CODEC, compression_level=ORIGINAL_CODEC_LEVEL)
        for block, data in enumerate(blocks):
            self.store.db.execute(
                "INSERT INTO original_file_blocks (snapshot_id, block, data, codec, size) VALUES (?,?,?,?,?)",
                [self.snapshot_id, block, codec.compress(data, asbytes=True), ORIGINAL_CODEC, len(data)],
            )

    def count_rows_read(self, rows: int) -> None:
        self.rows_read += rows

    def finish(
        self,
        episodes: pd.DataFrame,
        rejected: pd.DataFrame,
        unrecognised: pd.DataFrame,
        indicators: pd.DataFrame,
        fingerprint: str,
    ) -> None:
        """Write the normalised episodes, rejections, odd values and figures, and the snapshot's totals."""
        sid = self.snapshot_id
        store = self.store
        save_episode_blocks(store.db, sid, episodes)
        store.insert_rows(
            "rejected_rows",
            3,
            zip([sid] * len(rejected), rejected["row"].tolist(), rejected["reason"].tolist(), strict=True),
        )
        store.insert_rows(
            "unrecognised_values",
            4,
            ((sid, c, v, int(n)) for c, v, n in unrecognised.itertuples(index=False, name=None)),
        )
        store.write_indicators(sid, indicators)
        starts = episodes["missing_start"]
        store.db.execute(
            "UPDATE snapshots SET rows_read = ?, rows_accepted = ?, rows_rejected = ?, first_month = ?, "
            "last_month = ?, indicators_fingerprint = ? WHERE id = ?",
            [
                self.rows_read,
                len(episodes),
                len(rejected),
                starts.min().strftime("%Y-%m") if len(starts) else None,
                starts.max().strftime("%Y-%m") if len(starts) else None,
                fingerprint,
                sid,
            ],
        )


class SnapshotStore:
    """Save and read snapshots in one SQLite file."""

    def __init__(self, db: StoreDatabase, path: Path) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SnapshotStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def find_snapshot(self, file_sha256: str, as_at: dt.datetime) -> int | None:
        row = self.db.execute(
            "SELECT id FROM snapshots WHERE file_sha256 = ? AND as_at = ?", [file_sha256, as_at.isoformat()]
        ).fetchone()
        return int(row[0]) if row else None

    @contextlib.contextmanager
    def ingest_turn(self, on_wait: Callable[[], None]) -> Iterator[None]:
        """Ingests into this store one at a time: a second waits its turn (on_wait is called once, first)
        rather than failing with "database is locked" after the busy timeout.

        Raises:
            StoreError: the store's folder is read-only for this user.
        """
        lock_path = self.path.with_name(self.path.name + INGEST_LOCK_SUFFIX)
        try:
            make_private_file(lock_path)
            handle = lock_path.open("r+b")
        except PermissionError:
            raise StoreError(_read_only_message(self.path)) from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                on_wait()
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def write_snapshot(self, source: SnapshotSource) -> Iterator[SnapshotWriter]:
        """A transaction that writes one snapshot; if anything inside it fails, nothing of it is kept.

        Raises:
            StoreError: the store is read-only for this user, or another program held it too long.
        """
        try:
            with self._write_snapshot(source) as writer:
                yield writer
        except sqlite3.OperationalError as err:
            if "readonly" in str(err):
                raise StoreError(_read_only_message(self.path)) from None
            if "locked" in str(err):
                raise StoreError(
                    f"the store {self.path} stayed locked by another program for {BUSY_TIMEOUT_SECONDS} seconds; "
                    "nothing was stored. Try again when it has finished"
                ) from None
            raise

    @contextlib.contextmanager
    def _write_snapshot(self, source: SnapshotSource) -> Iterator[SnapshotWriter]:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO snapshots (as_at, file_name, file_sha256, ingested_at, rows_read, rows_accepted, "
                "rows_rejected, headers, column_map, ignored_headers, indicators_fingerprint, source_kind) "
                "VALUES (?,?,?,?,0,0,0,?,?,?,'',?)",
                [
                    source.as_at.isoformat(),
                    source.file_name,
                    source.file_sha256,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    json.dumps(source.headers),
                    json.dumps(source.column_map),
                    json.dumps(source.ignored_headers),
                    source.kind,
                ],
            )
            yield SnapshotWriter(self, int(cursor.lastrowid or 0), source.headers)

    def replace_indicators(self, snapshot_id: int, indicators: pd.DataFrame, fingerprint: str) -> None:
        """Swap a snapshot's stored figures for ones computed under another config, atomically.

        A pruned snapshot keeps the figures it has: its episodes are gone, so nothing can be recomputed.
        """
        if self.get_snapshot(snapshot_id).pruned_at is not None:
            return
        with self.db.atomic():
            self.db.execute("DELETE FROM indicator_values WHERE snapshot_id = ?", [snapshot_id])
            self.write_indicators(snapshot_id, indicators)
            self.db.execute("UPDATE snapshots SET indicators_fingerprint = ? WHERE id = ?", [fingerprint, snapshot_id])

    def delete_snapshot(self, snapshot_id: int) -> None:
        """Remove a snapshot and everything of it, in one transaction."""
        with self.db.atomic():
            for table in (*PRUNED_TABLES, "rejected_rows", "unrecognised_values", "indicator_values", "still_missing"):
                self.db.execute(f"DELETE FROM {table} WHERE snapshot_id = ?", [snapshot_id])
            self.db.execute("DELETE FROM snapshots WHERE id = ?", [snapshot_id])

    def prune_snapshots(self, keep: int | None, older_than: dt.datetime | None) -> list[int]:
        """Delete old snapshots' rows and ids (raw rows and episodes), keeping their figures, totals and
        rejection reasons; then reclaim the space. Returns the ids pruned.

        A snapshot is kept whole if any rule keeps it: it is among the `keep` latest, or its as-at time is
        not before `older_than`. The latest snapshot is always kept whole.
        """
        ordered = self.db.execute(
            "SELECT id, as_at FROM snapshots WHERE pruned_at IS NULL ORDER BY as_at DESC, id DESC"
        ).fetchall()
        latest = self.get_snapshot().id if ordered else None
        doomed = [
            int(sid)
            for place, (sid, as_at) in enumerate(ordered)
            if sid != latest
            and (keep is None or place >= keep)
            and (older_than is None or dt.datetime.fromisoformat(as_at) < older_than)
        ]
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.atomic():
            for sid in doomed:
                for table in PRUNED_TABLES:
                    self.db.execute(f"DELETE FROM {table} WHERE snapshot_id = ?", [sid])
                self.db.execute("UPDATE snapshots SET pruned_at = ? WHERE id = ?", [now, sid])
        if doomed:
            self.db.execute("VACUUM")  # deleted pages would otherwise still hold the ids on disk
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and the write-ahead log a copy of them
        return sorted(doomed)

    def list_snapshots(self) -> list[SnapshotInfo]:
        return [_info(row) for row in self._rows("SELECT * FROM snapshots ORDER BY id")]

    def get_snapshot(self, snapshot_id: int | None = None) -> SnapshotInfo:
        """A snapshot by id, or the latest one (the latest as-at time, then the latest ingested)."""
        if snapshot_id is None:
            rows = list(self._rows("SELECT * FROM snapshots ORDER BY as_at DESC, id DESC LIMIT 1"))
            if not rows:
                raise StoreError(
                    f"the store {self.path} has no snapshots yet; ingest an extract first: "
                    'missing-report ingest FILE --as-at "YYYY-MM-DD HH:MM"'
                )
        else:
            rows = list(self._rows("SELECT * FROM snapshots WHERE id = ?", [snapshot_id]))
            if not rows:
                known = ", ".join(str(s.id) for s in self.list_snapshots()) or "none"
                raise StoreError(f"there is no snapshot {snapshot_id} in {self.path}; snapshots there: {known}")
        return _info(rows[0])

    def load_indicators(
        self, snapshot_id: int, months: list[int], ytd_month: int
    ) -> list[tuple[str, str, str, int | None, int | None]]:
        """Stored figures for the given months, and the year-to-date to ytd_month."""
        keys = [month_key(m) for m in months]
        marks = ",".join("?" for _ in keys)
        sql = (
            "SELECT scope, month, key, count, denominator FROM indicator_values WHERE snapshot_id = ? AND "
            f"((scope = 'month' AND month IN ({marks})) OR (scope = 'ytd' AND month = ?))"
        )
        return [tuple(row) for row in self.db.execute(sql, [snapshot_id, *keys, month_key(ytd_month)]).fetchall()]

    def load_episodes(self, snapshot_id: int, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """A snapshot's accepted episodes (only the named columns, if given), in file order."""
        frame = load_episode_blocks(self.db, snapshot_id, columns)
        return frame if frame is not None else self._load_episode_rows(snapshot_id, columns)

    def _load_episode_rows(self, snapshot_id: int, columns: Sequence[str] | None) -> pd.DataFrame:
        """Episodes as snapshots stored before m011 kept them, one SQL row each (none for a later snapshot)."""
        import pandas as pd

        named = list(columns or EPISODE_ROW_COLUMNS)
        if not set(named) <= set(EPISODE_ROW_COLUMNS):
            raise ValueError(f"no such episode columns: {sorted(set(named) - set(EPISODE_ROW_COLUMNS))}")
        frame = pd.read_sql_query(
            f"SELECT {', '.join(named)} FROM episodes WHERE snapshot_id = ? ORDER BY row",
            self.db.conn,
            params=[snapshot_id],
        )
        for column in set(named) & {"missing_start", "missing_end", "date_of_birth", "rhi_completed"}:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601").astype("datetime64[us]")
        if "placement_distance_miles" in named:
            frame["placement_distance_miles"] = frame["placement_distance_miles"].astype("float64")
        return frame

    def load_rejected(self, snapshot_id: int) -> list[tuple[int, str]]:
        """(spreadsheet row, reason) of each rejected row, in row order."""
        rows = self.db.execute(
            "SELECT row, reason FROM rejected_rows WHERE snapshot_id = ? ORDER BY row", [snapshot_id]
        ).fetchall()
        return [(int(row), str(reason)) for row, reason in rows]

    def load_unrecognised(self, snapshot_id: int) -> pd.DataFrame:
        import pandas as pd

        return pd.read_sql_query(
            "SELECT column_name AS column, value, count FROM unrecognised_values WHERE snapshot_id = ? ORDER BY rowid",
            self.db.conn,
            params=[snapshot_id],
        )

    def copy_original_file(self, snapshot_id: int, target: Path) -> bool:
        """Write a snapshot's extract file, as it came, to target (owner-only); False if it was not kept
        (stored before m006, or pruned).

        Raises:
            StoreError: the blocks no longer add up to the file that was ingested.
        """
        info = self.get_snapshot(snapshot_id)
        digest = hashlib.sha256()
        make_private_file(target)
        with target.open("wb") as handle:
            cursor = self.db.execute(
                "SELECT data, codec, size FROM original_file_blocks WHERE snapshot_id = ? ORDER BY block", [snapshot_id]
            )
            blocks = 0
            for data, codec, size in cursor:
                if codec is not None:  # compressed (m011 on); a block kept before is the file's bytes as they came
                    import pyarrow as pa

                    data = pa.Codec(codec).decompress(data, decompressed_size=size, asbytes=True)
                digest.update(data)
                handle.write(data)
                blocks += 1
        if not blocks:
            return False
        if digest.hexdigest() != info.file_sha256:
            raise StoreError(f"snapshot {snapshot_id}'s kept file does not match the file that was ingested")
        return True

    def load_column_map(self, snapshot_id: int) -> dict[str, str]:
        """Contract column -> the header it was read from, in the snapshot's file."""
        found = self.db.execute("SELECT column_map FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        return dict(json.loads(found[0])) if found else {}

    def load_headers(self, snapshot_id: int) -> list[str]:
        """The snapshot's file's headers, in file order."""
        found = self.db.execute("SELECT headers FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        return list(json.loads(found[0])) if found else []

    def load_json_raw_row(self, snapshot_id: int, row: int) -> list[str] | None:
        """A raw row as snapshots stored before m006 kept it (a JSON array of its cells); None if there is none."""
        found = self.db.execute(
            "SELECT cells FROM raw_rows WHERE snapshot_id = ? AND row = ?", [snapshot_id, row]
        ).fetchone()
        return None if found is None else list(json.loads(found[0]))

    def count_rows(self, table: str, snapshot_id: int) -> int:
        allowed = {*PRUNED_TABLES, "rejected_rows", "unrecognised_values", "indicator_values"}
        if table not in allowed:
            raise ValueError(f"unknown table {table}")
        return int(self.db.execute(f"SELECT count(*) FROM {table} WHERE snapshot_id = ?", [snapshot_id]).fetchone()[0])

    def write_indicators(self, snapshot_id: int, table: pd.DataFrame) -> None:
        import pandas as pd

        months = [month_key(int(m)) for m in table["month"]]
        counts = [None if pd.isna(c) else int(c) for c in table["count"]]
        denominators = [None if pd.isna(d) else int(d) for d in table["denominator"]]
        self.insert_rows(
            "indicator_values",
            6,
            zip(
                [snapshot_id] * len(table),
                table["scope"],
                months,
                table["key"],
                counts,
                denominators,
                strict=True,
            ),
        )

    def insert_rows(self, table: str, width: int, rows: Any) -> None:
        marks = ",".join("?" * width)
        self.db.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def _rows(self, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row, strict=True))


def open_store(path: str | Path, create: bool = True) -> SnapshotStore:
    """Open the store at path (creating it if create and there is none) and bring its schema up to date.

    Raises:
        StoreError: there is no store there (and create is False), the file is not a store of this program
            (it is left as it was), or it cannot be opened.
    """
    target = Path(path)
    try:
        if create:
            make_private_folder(target.parent)
        db = connect_private_database(target, BUSY_TIMEOUT_SECONDS, migrations, create)
    except NoDatabase:
        raise StoreError(
            f"there is no store at {shown_name(str(target))}; check the path (--db or MISSING_REPORT_DB), or "
            "ingest an extract to make a new store there"
        ) from None
    except NotOwnDatabase as err:
        raise StoreError(
            f"{shown_name(str(target))} {err}, not a missing-report store; it was left as it was. Check the path "
            "(--db or MISSING_REPORT_DB)"
        ) from None
    except (OSError, sqlite3.DatabaseError) as err:
        raise StoreError(
            f"the store {target} cannot be opened: {err}. Check the path (--db or MISSING_REPORT_DB) "
            "points at a missing-report store you can write to"
        ) from None
    return SnapshotStore(db, target)


def _read_only_message(path: Path) -> str:
    return (
        f"the store {path} is read-only for you; nothing was stored. Ask whoever looks after it for write "
        "access to the file and its folder, or point --db (or MISSING_REPORT_DB) at a store you can write to"
    )


def _info(row: dict[str, Any]) -> SnapshotInfo:
    return SnapshotInfo(
        id=int(row["id"]),
        as_at=dt.datetime.fromisoformat(row["as_at"]),
        file_name=row["file_name"],
        file_sha256=row["file_sha256"],
        ingested_at=row["ingested_at"],
        rows_read=int(row["rows_read"]),
        rows_accepted=int(row["rows_accepted"]),
        rows_rejected=int(row["rows_rejected"]),
        first_month=row["first_month"],
        last_month=row["last_month"],
        indicators_fingerprint=row["indicators_fingerprint"],
        pruned_at=row.get("pruned_at"),
        source_kind=row.get("source_kind") or EXTRACT_SOURCE,
    )
