"""Finding and reading the eight tables of an SSD export: a folder of CSV files, or a zip of one.

The export is read completely or refused as a whole before anything is stored: a missing file or column,
a file that is not UTF-8 CSV, or an unsafe zip (a path outside the export, a link, a bomb) is refused with a
message naming the file and the problem, never a cell. Each table is read once into memory; the same bytes
are parsed and written into a tar of the eight files (fixed names, times and owners), which is what the
snapshot keeps and what its content hash names, so a folder and a zip of it are the same export. The tar is
made in memory, in the store's blocks: written to a file and read back, it cost 0.2 s of a million rows.
"""

from __future__ import annotations

import hashlib
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, cast

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from digest.contract.vocabulary import is_code_like, normalise
from digest.intake.csv_tables import TEXT, TEXT_COLUMNS, trim_arrow_text
from digest.intake.refusals import ExtractRefused
from digest.store.snapshots import ORIGINAL_BLOCK_BYTES

# The tables and the columns read from each (the SSD's own names, from data-to-insight's ssd-data-model).
SSD_COLUMNS: dict[str, tuple[str, ...]] = {
    "ssd_missing": (
        "miss_table_id",
        "miss_person_id",
        "miss_missing_episode_start_date",
        "miss_missing_episode_end_date",
        "miss_missing_rhi_offered",
        "miss_missing_rhi_accepted",
    ),
    "ssd_person": ("pers_person_id", "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob"),
    "ssd_cla_episodes": (
        "clae_person_id",
        "clae_cla_episode_start_date",
        "clae_cla_episode_ceased_date",
        "clae_cla_id",
    ),
    "ssd_cla_placement": (
        "clap_cla_id",
        "clap_cla_placement_start_date",
        "clap_cla_placement_end_date",
        "clap_cla_placement_distance",
    ),
    "ssd_cp_plans": ("cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    "ssd_cin_episodes": ("cine_person_id", "cine_referral_date", "cine_close_date", "cine_referral_nfa"),
    "ssd_early_help_episodes": ("earl_person_id", "earl_episode_start_date", "earl_episode_end_date"),
    "ssd_care_leavers": ("clea_person_id", "clea_care_leaver_eligibility"),
}
MISSING_TABLE = "ssd_missing"
# Headers of SSD v1.0 (February 2024), renamed since: a file carrying them gets a hint to export again.
V1_HEADERS = frozenset({"miss_la_person_id", "miss_mis_epi_start", "miss_mis_epi_end", "miss_mis_epi_rhi_offered"})

MAX_EXPORT_BYTES = 1_000_000_000  # the eight tables are read into memory: more than this is refused unread
MAX_COMPRESSION_RATIO = 200  # a zip entry expanding more than this is a bomb (CSV text compresses 5 to 30 times)
RATIO_FREE_BYTES = 1 << 20  # entries smaller than this may compress any amount (a near-empty table does)
MAX_ZIP_ENTRIES = 10_000  # a zip listing more entries than this is not an export
ARROW_BLOCK_BYTES = 16 << 20  # bytes Arrow parses at a time; a cell may not be longer
TAR_COPY_BYTES = 4 << 20  # a table is copied into the tar (and hashed) this much at a time, not 16 KiB
_LINK_MODE = 0o120000  # a symbolic link, in a zip entry's Unix mode bits
_FIXED_TIME = 0  # the tar's member times: the kept bytes depend on the tables' content only


@dataclass
class SsdTable:
    """One table: its listed columns as trimmed text (index = data row, 0 for the first), and its headers."""

    name: str
    headers: list[str]
    columns: dict[str, pd.Series]
    rows: int


@dataclass
class SsdExport:
    """An export read whole: its tables, and the tar of its files that the snapshot keeps, in blocks of the
    store's size (ORIGINAL_BLOCK_BYTES), let go as take_bundle() hands them on or by close()."""

    name: str
    sha256: str
    bundle: list[bytes]
    bundle_bytes: int
    tables: dict[str, SsdTable] = field(default_factory=dict)

    def take_bundle(self) -> Iterator[bytes]:
        """The tar's blocks, in order, each let go once handed on."""
        self.bundle.reverse()
        while self.bundle:
            yield self.bundle.pop()

    def close(self) -> None:
        self.bundle.clear()

    def __enter__(self) -> SsdExport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_ssd_export(path: Path) -> bool:
    """Whether path is given as an SSD export: a folder, or a .zip file (an extract is a single CSV or XLSX)."""
    return path.is_dir() or (path.is_file() and path.suffix.lower() == ".zip")


def open_ssd_export(path: Path) -> SsdExport:
    """Read an SSD export folder, or a zip of one, whole.

    Raises:
        ExtractRefused: a table or a listed column is missing, a file is not UTF-8 CSV, the export is too
            large, or the zip is unsafe. Nothing has been stored.
    """
    if path.is_dir():
        loaders = _folder_files(path)
    elif path.is_file() and path.suffix.lower() == ".zip":
        loaders = _zip_files(path)
    else:
        raise ExtractRefused(f"{path} is not a folder or a .zip file of an SSD export")
    return _read_export(path.name, loaders)


def read_bundled_table(bundle: Path, table: str) -> pd.DataFrame:
    """Every column of one table of a kept export, its rows as text (index = data row), to read raw rows back."""
    with tarfile.open(bundle) as tar:
        member = tar.extractfile(f"{table}.csv")
        if member is None:
            raise ExtractRefused(f"the kept export has no {table}.csv")
        data = member.read()
    cells = _parse_csv(f"{table}.csv", data).slice(1)
    return pd.DataFrame({i: pd.Series(column, dtype=TEXT) for i, column in enumerate(cells.columns)})


_Loader = tuple[str, int, "_Reader"]


class _Reader:
    """Reads one file's bytes: from a folder, or a zip entry (never more than it declared)."""

    def __init__(self, path: Path, entry: zipfile.ZipInfo | None = None) -> None:
        self.path = path
        self.entry = entry

    def read(self) -> bytes:
        if self.entry is None:
            return self.path.read_bytes()
        with zipfile.ZipFile(self.path) as archive, archive.open(self.entry) as handle:
            return _read_declared(handle, self.entry)


def _read_declared(handle: IO[bytes], entry: zipfile.ZipInfo) -> bytes:
    data = handle.read(entry.file_size + 1)
    if len(data) > entry.file_size:
        raise ExtractRefused(f"{entry.filename} in the zip holds more than its declared size; it is refused as unsafe")
    return data


def _folder_files(folder: Path) -> dict[str, _Loader]:
    found: dict[str, _Loader] = {}
    for path in sorted(folder.iterdir()):
        table = path.name.lower().removesuffix(".csv")
        if table not in SSD_COLUMNS or not path.name.lower().endswith(".csv") or not path.is_file():
            continue
        if table in found:
            raise ExtractRefused(f"{folder.name} holds both {found[table][0]} and {path.name}; keep one file per table")
        found[table] = (path.name, path.stat().st_size, _Reader(path))
    _check_total(folder.name, found)
    return found


def _zip_files(path: Path) -> dict[str, _Loader]:
    """The tables in a zip, checked before a byte is expanded: every entry stays inside the export and is no
    link; the tables sit in one folder of it; their declared sizes are within the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ExtractRefused(f"{path.name} is not a readable zip file; make the zip again") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ExtractRefused(f"{path.name} lists {len(entries):,} entries; an SSD export has eight tables")
    found: dict[str, _Loader] = {}
    folders: set[PurePosixPath] = set()
    for entry in entries:
        name = PurePosixPath(entry.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or (name.parts and name.parts[0].endswith(":")):
            raise ExtractRefused(f"{path.name} holds a path outside the export; it is refused as unsafe")
        if stat.S_IFMT(entry.external_attr >> 16) == _LINK_MODE:
            raise ExtractRefused(f"{path.name} holds a link; it is refused as unsafe. Zip the files themselves")
        if entry.flag_bits & 0x1:
            raise ExtractRefused(f"{path.name} is encrypted; zip the export without a password")
        table = name.name.lower().removesuffix(".csv")
        if entry.is_dir() or table not in SSD_COLUMNS or not name.name.lower().endswith(".csv"):
            continue
        if name.name.startswith(".") or "__MACOSX" in name.parts:
            continue  # macOS's resource forks beside the files
        if table in found:
            raise ExtractRefused(f"{path.name} holds {table}.csv twice; zip one export only")
        ratio_ok = entry.file_size <= RATIO_FREE_BYTES or entry.file_size <= MAX_COMPRESSION_RATIO * entry.compress_size
        if not ratio_ok:
            raise ExtractRefused(
                f"{path.name}: {name.name} would expand {entry.file_size // max(entry.compress_size, 1):,} times; "
                "it is refused as a zip bomb"
            )
        folders.add(name.parent)
        found[table] = (name.name, entry.file_size, _Reader(path, entry))
    if len(folders) > 1:
        raise ExtractRefused(f"{path.name} holds the tables in more than one folder; zip one export folder only")
    _check_total(path.name, found)
    return found


def _check_total(name: str, found: dict[str, _Loader]) -> None:
    total = sum(size for _, size, _ in found.values())
    if total > MAX_EXPORT_BYTES:
        raise ExtractRefused(
            f"{name}: the tables hold {total / 1e6:,.0f} MB, more than the {MAX_EXPORT_BYTES / 1e6:,.0f} MB this "
            "reads in one go; export a shorter period"
        )


def _read_export(name: str, loaders: dict[str, _Loader]) -> SsdExport:
    problems = [f"{table}.csv is missing" for table in SSD_COLUMNS if table not in loaders]
    tables: dict[str, SsdTable] = {}
    bundle = _Blocks(ORIGINAL_BLOCK_BYTES)
    with tarfile.TarFile(
        fileobj=cast(IO[bytes], bundle), mode="w", format=tarfile.PAX_FORMAT, copybufsize=TAR_COPY_BYTES
    ) as tar:
        for table, listed in SSD_COLUMNS.items():
            if table not in loaders:
                continue
            file_name, _, reader = loaders[table]
            data = reader.read()
            _add_to_tar(tar, f"{table}.csv", data)
            cells = _parse_csv(file_name, data)
            del data
            headers, columns, missing = _listed_columns(file_name, cells, listed)
            if missing:
                hint = (
                    " (these are SSD v1.0 names: export again with the current SSD)"
                    if V1_HEADERS & {normalise(header) for header in headers}
                    else ""
                )
                problems.append(
                    f"{file_name} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}{hint}"
                )
            tables[table] = SsdTable(table, headers, columns, max(cells.num_rows - 1, 0))
    if problems:
        raise ExtractRefused(
            f"{name} is not a complete SSD export: {'; '.join(problems)}. Export every table the docs list "
            "(docs/ssd.md), with its header row"
        )
    return SsdExport(name, bundle.digest.hexdigest(), bundle.finish(), bundle.written, tables)


class _Blocks:
    """A write-only file in memory, cut into blocks of block_bytes, that hashes what passes through it
    (tarfile writes the bundle through it)."""

    def __init__(self, block_bytes: int) -> None:
        self.block_bytes = block_bytes
        self.digest = hashlib.sha256()
        self.blocks: list[bytes] = []
        self.pending = bytearray()
        self.written = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.written += len(data)
        self.pending += data
        while len(self.pending) >= self.block_bytes:
            with memoryview(self.pending) as view:  # one copy of the block, not two
                self.blocks.append(bytes(view[: self.block_bytes]))
            del self.pending[: self.block_bytes]
        return len(data)

    def tell(self) -> int:
        return self.written

    def finish(self) -> list[bytes]:
        if self.pending:
            self.blocks.append(bytes(self.pending))
            self.pending.clear()
        return self.blocks


def _add_to_tar(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = _FIXED_TIME
    info.mode = 0o600
    tar.addfile(info, pa.BufferReader(data))


def _parse_csv(file_name: str, data: bytes) -> pa.Table:
    """The file as a table of text columns, header line included as row 0 (Arrow skips a UTF-8 mark)."""
    if not data or data.isspace():  # (no stripped copy of a large file)
        raise ExtractRefused(f"{file_name} is empty; it needs at least its header row")
    try:
        return pa_csv.read_csv(
            pa.BufferReader(data),
            # One thread: the blocks are few (16 MiB each), and threads cost more CPU than they save in time.
            read_options=pa_csv.ReadOptions(
                autogenerate_column_names=True, block_size=ARROW_BLOCK_BYTES, use_threads=False
            ),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(TEXT_COLUMNS)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as err:
        # Arrow's message quotes the offending line: only its kind is told.
        if "UTF8" in str(err):
            problem = "it is not UTF-8 text; export it again as UTF-8"
        elif "Expected" in str(err) and "columns" in str(err):
            problem = "a line has more or fewer cells than the header; export it again"
        else:
            problem = "it is not readable CSV; export it again"
        raise ExtractRefused(f"{file_name} cannot be read: {problem}") from None


def _listed_columns(
    file_name: str, cells: pa.Table, listed: tuple[str, ...]
) -> tuple[list[str], dict[str, pd.Series], list[str]]:
    """The table's headers, its listed columns (trimmed text) and the listed columns it lacks."""
    first = cells.slice(0, 1).to_pylist()[0] if cells.num_rows else {}
    headers = [str(value).strip() for value in first.values()]
    at: dict[str, int] = {}
    for i, header in enumerate(headers):
        key = normalise(header)
        if key in listed:
            if key in at:
                shown = header if is_code_like(header) else key
                raise ExtractRefused(f"{file_name} has the column {shown} twice; keep one")
            at[key] = i
    body = cells.slice(1)
    columns = {
        column: pd.Series(trim_arrow_text(body.column(at[column])), dtype=TEXT) for column in listed if column in at
    }
    return headers, columns, [column for column in listed if column not in at]
