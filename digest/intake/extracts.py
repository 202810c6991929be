"""Reading an episode extract file (CSV or XLSX) as text, and finding the contract's columns in it."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digest.contract.columns import CONTRACT_COLUMNS, REQUIRED_COLUMNS
from digest.contract.vocabulary import normalise

CSV_SUFFIXES = {".csv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ZIP_MAGIC = b"PK\x03\x04"
HASH_CHUNK_BYTES = 1 << 20
CHUNK_ROWS = 100_000  # rows read, checked and stored at a time: bounds memory on large extracts


class ExtractRefused(Exception):
    """A file refused as a whole; the message names the problem and the fix. Nothing is stored."""


@dataclass
class Extract:
    """An extract opened for reading: its headers, where each contract column is, and its rows in chunks.

    Rows come in chunks so that a million-row file never sits in memory whole as text.
    """

    path: Path
    sha256: str
    headers: list[str]
    column_of: dict[str, str]  # contract column -> header in this file
    ignored_headers: list[str]
    _chunks: Iterator[pd.DataFrame]

    def chunks(self) -> Iterator[pd.DataFrame]:
        """The rows, CHUNK_ROWS at a time: every cell as text ("" for blank), indexed by data row (0-based).

        Raises:
            ExtractRefused: the file turns out to be malformed part-way through.
        """
        try:
            yield from self._chunks
        except (pd.errors.ParserError, csv.Error, UnicodeDecodeError) as err:
            raise ExtractRefused(f"{self.path.name} is not readable CSV: {err}") from None


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def open_extract(path: Path, column_aliases: dict[str, list[str]]) -> Extract:
    """Open a CSV or XLSX extract and map its headers onto the contract's columns.

    Raises:
        ExtractRefused: the file is missing, not CSV/XLSX, empty, or lacks a required column.
    """
    if not path.is_file():
        raise ExtractRefused(f"{path} does not exist or is not a file")
    with path.open("rb") as handle:
        head = handle.read(4)
    if not head:
        raise ExtractRefused(f"{path.name} is empty; export the extract again")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES or (head == ZIP_MAGIC and suffix not in CSV_SUFFIXES):
        chunks = _xlsx_chunks(path)
    elif suffix in CSV_SUFFIXES:
        if head == ZIP_MAGIC:
            raise ExtractRefused(f"{path.name} is a spreadsheet, not CSV text; rename it to .xlsx")
        chunks = _csv_chunks(path)
    else:
        hint = " (save it from Excel as .xlsx or .csv)" if suffix in {".xls", ".ods"} else ""
        raise ExtractRefused(f"{path.name} is not a CSV or XLSX file{hint}")
    try:
        first = next(chunks, None)
    except (pd.errors.ParserError, csv.Error) as err:
        raise ExtractRefused(f"{path.name} is not readable CSV: {err}") from None
    if first is None or first.empty:
        raise ExtractRefused(f"{path.name} has a header row but no episodes")
    headers = [str(h) for h in first.columns]
    column_of, ignored = map_headers(headers, column_aliases, path.name)
    return Extract(path, hash_file(path), headers, column_of, ignored, itertools.chain([first], chunks))


def map_headers(
    headers: list[str], column_aliases: dict[str, list[str]], file_name: str
) -> tuple[dict[str, str], list[str]]:
    """Find each contract column among the file's headers (case-insensitive, trimmed)."""
    wanted = {normalise(alias): column for column, aliases in column_aliases.items() for alias in aliases}
    column_of: dict[str, str] = {}
    ignored: list[str] = []
    for header in headers:
        column = wanted.get(normalise(header))
        if column is None:
            ignored.append(header)
        elif column in column_of:
            raise ExtractRefused(
                f'{file_name}: headers "{column_of[column]}" and "{header}" both mean {column}; '
                "remove one of them or change [columns] in the config"
            )
        else:
            column_of[column] = header
    missing = [column for column in REQUIRED_COLUMNS if column not in column_of]
    if missing:
        names = ", ".join(missing)
        raise ExtractRefused(
            f"{file_name} lacks the required column{'s' if len(missing) > 1 else ''} {names}; "
            f"its headers are: {', '.join(headers) or '(none)'}. Add the column, or map your header name "
            "onto it under [columns] in the config"
        )
    assert set(column_of) <= set(CONTRACT_COLUMNS)
    return column_of, ignored


def _csv_encoding(path: Path) -> str:
    # UTF-8 (with or without Excel's byte-order mark), else Windows-1252, which Excel uses for "CSV"
    # saved on a UK Windows machine. Decoded block by block, so a large file costs no memory.
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while block := handle.read(HASH_CHUNK_BYTES):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def _csv_chunks(path: Path) -> Iterator[pd.DataFrame]:
    try:
        reader = pd.read_csv(
            path,
            dtype=object,
            keep_default_na=False,
            encoding=_csv_encoding(path),
            skip_blank_lines=True,
            chunksize=CHUNK_ROWS,
        )
    except pd.errors.EmptyDataError:
        raise ExtractRefused(f"{path.name} is empty; export the extract again") from None
    except (pd.errors.ParserError, csv.Error) as err:
        raise ExtractRefused(f"{path.name} is not readable CSV: {err}") from None
    return _clean_headers(iter(reader))


def _clean_headers(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        frame.columns = pd.Index([str(h).strip() for h in frame.columns])
        yield frame


def _xlsx_chunks(path: Path) -> Iterator[pd.DataFrame]:
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=object, engine="openpyxl")
    except (zipfile.BadZipFile, ValueError, KeyError, OSError) as err:
        raise ExtractRefused(f"{path.name} is not a readable XLSX workbook: {err}") from None
    frame = frame.dropna(how="all")  # Excel often keeps formatted blank rows at the end
    frame = frame.apply(_cell_text).astype("object") if not frame.empty else frame
    slices = [frame.iloc[i : i + CHUNK_ROWS] for i in range(0, max(len(frame), 1), CHUNK_ROWS)]
    return _clean_headers(iter(slices))


def _cell_text(column: pd.Series) -> pd.Series:
    """Excel cells as the text a CSV export would hold: dates ISO, whole numbers without '.0'."""

    def one(value: object) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        if isinstance(value, dt.datetime | dt.date):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    return column.map(one)
