"""Reading an episode extract file (CSV or XLSX) as text, and finding the contract's columns in it."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import itertools
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from digest.contract.columns import CONTRACT_COLUMNS, REQUIRED_COLUMNS
from digest.contract.names import shown_name
from digest.contract.vocabulary import is_code_like, normalise
from digest.intake.csv_layout import explain_parser_error, find_delimiter, first_line, other_separator
from digest.intake.csv_tables import blank_rows, is_arrow_text, read_csv_table, table_frames
from digest.intake.refusals import ExtractRefused
from digest.intake.workbook_size import check_workbook_size

CSV_SUFFIXES = {".csv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ZIP_MAGIC = b"PK\x03\x04"
# An OLE2 compound file: what Excel saves a password-protected workbook as (and the old .xls format).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HASH_CHUNK_BYTES = 1 << 20
CHUNK_ROWS = 100_000  # rows read, checked and stored at a time: bounds memory on large extracts


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
    bytes_read: Callable[[], int]  # how far into the file the reader is: for showing progress
    explain: Callable[[Exception], str]  # a parser's complaint part-way through, as the refusal says it

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def chunks(self) -> Iterator[pd.DataFrame]:
        """The rows, CHUNK_ROWS at a time: every cell as text ("" for blank), indexed by data row (0-based).

        Raises:
            ExtractRefused: the file turns out to be malformed part-way through.
        """
        try:
            yield from self._chunks
        except (pd.errors.ParserError, csv.Error, UnicodeDecodeError) as err:
            raise ExtractRefused(self.explain(err)) from None


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def open_extract(path: Path, column_aliases: dict[str, list[str]]) -> Extract:
    """Open a CSV or XLSX extract and map its headers onto the contract's columns.

    Raises:
        ExtractRefused: the file is missing, unreadable, not CSV/XLSX, empty, or lacks a required column.
            The message describes the file, never a cell of it.
    """
    name = shown_name(path.name)
    if not path.is_file():
        raise ExtractRefused(f"{shown_name(str(path))} does not exist or is not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(OLE2_MAGIC))
    except PermissionError:
        raise ExtractRefused(
            f"{name} cannot be read: permission denied. Ask whoever saved it to let you read it, "
            "or copy it somewhere you can"
        ) from None
    if not head:
        raise ExtractRefused(f"{name} is empty; export the extract again")
    wanted = alias_lookup(column_aliases)
    suffix = path.suffix.lower()
    size = path.stat().st_size

    def bytes_read() -> int:  # a workbook is read whole, before its first row
        return size

    def explain_any(err: Exception) -> str:
        return f"{name} is not readable CSV: {err}"

    explain: Callable[[Exception], str] = explain_any
    if head == OLE2_MAGIC and suffix != ".xls":
        raise ExtractRefused(
            f"{name} is password-protected, or an Excel 97-2003 workbook; remove the password in Excel "
            "(File, Info, Protect Workbook) and save it as .xlsx, or save it as CSV"
        )
    if suffix in XLSX_SUFFIXES or (head.startswith(ZIP_MAGIC) and suffix not in CSV_SUFFIXES):
        rows = _xlsx_rows(path, wanted)
    elif suffix in CSV_SUFFIXES:
        if head.startswith(ZIP_MAGIC):
            raise ExtractRefused(f"{name} is a spreadsheet, not CSV text; rename it to .xlsx")
        rows, bytes_read, explain = _csv_rows(path, wanted)
    else:
        hint = " (save it from Excel as .xlsx or .csv)" if suffix in {".xls", ".ods"} else ""
        raise ExtractRefused(f"{name} is not a CSV or XLSX file{hint}")
    try:
        header_cells, chunks = _split_header(rows)
        first = next(chunks, None)
    except (pd.errors.ParserError, csv.Error) as err:
        raise ExtractRefused(explain(err)) from None
    if header_cells is None:
        raise ExtractRefused(f"{name} is empty; export the extract again")
    column_at, ignored_at = map_headers(header_cells, column_aliases, name)
    labels = _unique_labels(header_cells)
    if first is None or first.empty:
        raise ExtractRefused(f"{name} has a header row but no episodes")
    labelled = _labelled(itertools.chain([first], chunks), labels)
    return Extract(
        path,
        hash_file(path),
        labels,
        {column: labels[i] for column, i in column_at.items()},
        [labels[i] for i in ignored_at],
        labelled,
        bytes_read,
        explain,
    )


def alias_lookup(column_aliases: dict[str, list[str]]) -> dict[str, str]:
    """Normalised header name -> contract column."""
    return {normalise(alias): column for column, aliases in column_aliases.items() for alias in aliases}


def map_headers(
    headers: list[str], column_aliases: dict[str, list[str]], file_name: str
) -> tuple[dict[str, int], list[int]]:
    """Find each contract column among the file's headers (case-insensitive, trimmed), by position.

    Messages name only headers that are contract column names or their configured aliases: in a file
    saved without its header row, the "headers" are the first episode's cells.
    """
    wanted = alias_lookup(column_aliases)
    column_at: dict[str, int] = {}
    ignored: list[int] = []
    for i, header in enumerate(headers):
        column = wanted.get(normalise(header))
        if column is None:
            ignored.append(i)
        elif column in column_at:
            raise ExtractRefused(
                f'{file_name}: headers "{headers[column_at[column]]}" and "{header}" both mean {column}; '
                "remove one of them or change [columns] in the config"
            )
        else:
            column_at[column] = i
    if not column_at:
        separator = other_separator(headers[0]) if len(headers) == 1 else None
        if separator is not None:
            raise ExtractRefused(
                f"{file_name}: the first row is one cell, and its cells seem to be separated by {separator}; "
                "save the extract as CSV with commas, semicolons or tabs between cells"
            )
        raise ExtractRefused(
            f"{file_name}: the first row has {len(headers)} cell{'s' if len(headers) != 1 else ''} and none is a "
            "column name the extract needs; is the header row missing? Export the extract with its header row, "
            "or map your header names under [columns] in the config"
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in column_at]
    if missing:
        # This row names contract columns, so it is the header row: a header that reads as a name is shown
        # (it is most likely the renamed column to map); anything else could be a cell, and is counted.
        known = [headers[i] for i in sorted(column_at.values())]
        named = [headers[i] for i in ignored if headers[i] and is_code_like(headers[i])]
        hidden = len(ignored) - len(named)
        known += [f'"{header}"' for header in named]
        others = f", and {hidden} other header{'s' if hidden > 1 else ''} (not shown)" if hidden else ""
        raise ExtractRefused(
            f"{file_name} lacks the required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"the columns it has: {', '.join(known)}{others}. Add the column, or map your header name "
            "onto it under [columns] in the config"
        )
    assert set(column_at) <= set(CONTRACT_COLUMNS)
    return column_at, ignored


def _unique_labels(headers: list[str]) -> list[str]:
    """Headers as column labels: a blank one named by its place, a repeated one numbered, as pandas does."""
    labels: list[str] = []
    for i, header in enumerate(headers):
        label = header or f"(column {i + 1})"
        number = 1
        while label in labels:
            label = f"{header or f'(column {i + 1})'}.{number}"
            number += 1
        labels.append(label)
    return labels


def _is_blank(frame: pd.DataFrame) -> pd.Series:
    blank = blank_rows(frame)
    return (frame.isna() | (frame == "")).all(axis=1) if blank is None else blank


def _split_header(rows: Iterator[pd.DataFrame]) -> tuple[list[str] | None, Iterator[pd.DataFrame]]:
    """The first non-blank row as headers, and the frames of rows after it, blank rows dropped.

    Frames are indexed so that index + 2 is the row number a spreadsheet shows (blank lines counted).
    """
    for frame in rows:
        blank = _is_blank(frame)
        if blank.all():
            continue
        at = int(blank.to_numpy().argmin())
        headers = [v.strip() if isinstance(v, str) else "" for v in frame.iloc[at].tolist()]
        return headers, _data_frames(itertools.chain([frame.iloc[at + 1 :]], rows))
    return None, iter(())


def _data_frames(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        frame = frame[~_is_blank(frame)] if len(frame) else frame
        frame.index = frame.index - 1  # position 0 is line 1: data at position p is spreadsheet row p + 1
        if len(frame):
            yield frame


def _labelled(frames: Iterator[pd.DataFrame], labels: list[str]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        frame.columns = pd.Index(labels[: frame.shape[1]])
        yield frame if is_arrow_text(frame) else frame.fillna("")


def _csv_encoding(path: Path) -> str:
    """UTF-16 when it starts with a byte-order mark (Excel's "Unicode text"); UTF-8, with or without Excel's
    mark; else Windows-1252, which Excel uses for "CSV" saved on a UK Windows machine. Read block by block,
    so a large file costs no memory.

    Raises:
        ExtractRefused: binary data, or bytes that are neither UTF-8 nor Windows-1252.
    """
    with path.open("rb") as handle:
        start = handle.read(len(codecs.BOM_UTF16_LE))
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = 0
        with path.open("rb") as handle:
            try:
                while block := handle.read(HASH_CHUNK_BYTES):
                    if b"\x00" in block:
                        raise ExtractRefused(_binary_problem(path, block if offset == 0 else b""))
                    decoder.decode(block)
                    offset += len(block)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as err:
                bad = err.object[err.start : err.start + 1].hex()
                position = offset + err.start
                continue
        return "utf-8-sig" if encoding == "utf-8" else encoding
    raise ExtractRefused(
        f"{shown_name(path.name)} cannot be read as text: byte 0x{bad} at position {position} is neither UTF-8 nor "
        "Windows-1252. Open it in Excel and save it again as CSV UTF-8"
    )


def _binary_problem(path: Path, start: bytes) -> str:
    """What a file with NUL bytes is: UTF-16 text saved without its byte-order mark (every other byte NUL
    at the start), or binary data."""
    name = shown_name(path.name)
    sample = start[:200]
    if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4):
        return (
            f"{name} looks like UTF-16 text saved without its byte-order mark; open it in Excel and save it "
            "again as CSV UTF-8"
        )
    return f"{name} is not a text file (it holds binary data); export the extract again as CSV or XLSX"


def _csv_rows(
    path: Path, wanted: dict[str, str]
) -> tuple[Iterator[pd.DataFrame], Callable[[], int], Callable[[Exception], str]]:
    """The file's rows in chunks, how many of its bytes are behind the rows given so far, and how a parser's
    complaint about it is said.

    A plain UTF-8 file is read whole by Arrow (see csv_tables); any other by pandas, a chunk at a time.
    Cells are separated by commas, or by semicolons or tabs where the header row uses them.
    """
    encoding = _csv_encoding(path)
    delimiter = find_delimiter(path, encoding)
    name = shown_name(path.name)

    def explain(err: Exception) -> str:
        header = first_line(path, encoding)
        header_cells = len(next(csv.reader([header], delimiter=delimiter), []))
        return explain_parser_error(str(err), name, header_cells, _title_rows(path, encoding, delimiter, wanted))

    table = read_csv_table(path, encoding, delimiter)
    if table is not None:
        return (*_table_rows(table, path.stat().st_size), explain)
    handle = path.open("rb")
    try:
        return (
            iter(
                pd.read_csv(
                    handle,
                    header=None,
                    dtype=object,
                    keep_default_na=False,
                    encoding=encoding,
                    sep=delimiter,
                    skip_blank_lines=False,
                    chunksize=CHUNK_ROWS,
                )
            ),
            handle.tell,
            explain,
        )
    except pd.errors.EmptyDataError:
        raise ExtractRefused(f"{name} is empty; export the extract again") from None
    except (pd.errors.ParserError, csv.Error) as err:
        raise ExtractRefused(explain(err)) from None


TITLE_SEARCH_ROWS = 20  # how far down a header row below a title is looked for


def _title_rows(path: Path, encoding: str, delimiter: str, wanted: dict[str, str]) -> int:
    """How many non-blank rows stand above the header row, when the header row (the first to name a contract
    column) is not the first: a title, or a note of when the report was run."""
    with path.open(encoding=encoding, newline="", errors="replace") as handle:
        rows = itertools.islice(csv.reader(handle, delimiter=delimiter), TITLE_SEARCH_ROWS)
        above = 0
        try:
            for row in rows:
                if any(normalise(cell) in wanted for cell in row):
                    return above
                above += any(cell.strip() for cell in row)
        except csv.Error:
            return 0
    return 0


def _table_rows(table: pa.Table, size: int) -> tuple[Iterator[pd.DataFrame], Callable[[], int]]:
    """Chunks of a table read whole; progress counts the rows handed on, as a share of the file's bytes."""
    total, given = table.num_rows, 0
    chunks = table_frames(table, CHUNK_ROWS)  # holds the table only until it is sliced

    def frames() -> Iterator[pd.DataFrame]:
        nonlocal given
        for frame in chunks:
            given += len(frame)
            yield frame

    return frames(), lambda: size * given // total


def _xlsx_rows(path: Path, wanted: dict[str, str]) -> Iterator[pd.DataFrame]:
    """The rows of the sheet that holds the extract: the first whose first row names a contract column,
    else the first that is not empty (a cover sheet of notes often comes first)."""
    check_workbook_size(path)  # before openpyxl: a 2 KB file can claim a grid of billions of cells
    name = shown_name(path.name)
    try:
        sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except (zipfile.BadZipFile, OSError) as err:
        raise ExtractRefused(f"{name} is not a readable XLSX workbook: {type(err).__name__}") from None
    except Exception:  # openpyxl raises many kinds (KeyError, ParseError, TypeError...) for a damaged part
        raise ExtractRefused(
            f"{name} is not a readable XLSX workbook (a sheet is damaged); open it in Excel and save it again"
        ) from None
    filled = []
    for frame in sheets.values():
        frame = frame.dropna(how="all")  # Excel often keeps formatted blank rows
        if frame.empty:
            continue
        frame = frame.apply(_cell_text).astype("object")
        filled.append(frame)
        if any(normalise(cell) in wanted for cell in frame.iloc[0].tolist()):
            return iter(_slices(frame))
    return iter(_slices(filled[0])) if filled else iter(())


def _slices(frame: pd.DataFrame) -> list[pd.DataFrame]:
    return [frame.iloc[i : i + CHUNK_ROWS] for i in range(0, max(len(frame), 1), CHUNK_ROWS)]


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
