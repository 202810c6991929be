"""Reading an episode extract file (CSV or XLSX) as text, and finding the contract's columns in it."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digest.columns import CONTRACT_COLUMNS, REQUIRED_COLUMNS
from digest.vocabulary import normalise

CSV_SUFFIXES = {".csv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ZIP_MAGIC = b"PK\x03\x04"
HASH_CHUNK_BYTES = 1 << 20


class ExtractRefused(Exception):
    """A file refused as a whole; the message names the problem and the fix. Nothing is stored."""


@dataclass
class Extract:
    """An extract as read: every cell as text, plus where each contract column was found."""

    path: Path
    sha256: str
    headers: list[str]
    rows: pd.DataFrame  # one column per header, all text, blanks as ""
    column_of: dict[str, str]  # contract column -> header in this file
    ignored_headers: list[str]

    def column(self, name: str) -> pd.Series:
        """The raw text of a contract column; an optional column the file lacks reads as blank."""
        header = self.column_of.get(name)
        if header is None:
            return pd.Series("", index=self.rows.index, dtype="object")
        return self.rows[header]


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def read_extract(path: Path, column_aliases: dict[str, list[str]]) -> Extract:
    """Read a CSV or XLSX extract and map its headers onto the contract's columns.

    Raises:
        ExtractRefused: the file is missing, not CSV/XLSX, empty, or lacks a required column.
    """
    if not path.is_file():
        raise ExtractRefused(f"{path} does not exist or is not a file")
    head = path.open("rb").read(4)
    if not head:
        raise ExtractRefused(f"{path.name} is empty; export the extract again")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES or (head == ZIP_MAGIC and suffix not in CSV_SUFFIXES):
        frame = _read_xlsx(path)
    elif suffix in CSV_SUFFIXES:
        if head == ZIP_MAGIC:
            raise ExtractRefused(f"{path.name} is a spreadsheet, not CSV text; rename it to .xlsx")
        frame = _read_csv(path)
    else:
        hint = " (save it from Excel as .xlsx or .csv)" if suffix in {".xls", ".ods"} else ""
        raise ExtractRefused(f"{path.name} is not a CSV or XLSX file{hint}")
    headers = [str(h).strip() for h in frame.columns]
    frame.columns = pd.Index(headers)
    if frame.empty:
        raise ExtractRefused(f"{path.name} has a header row but no episodes")
    column_of, ignored = map_headers(headers, column_aliases, path.name)
    return Extract(path, hash_file(path), headers, frame, column_of, ignored)


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


def _read_csv(path: Path) -> pd.DataFrame:
    # UTF-8 first (with or without Excel's byte-order mark), then Windows-1252, which Excel uses
    # for "CSV" saved on a UK Windows machine.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding, skip_blank_lines=True)
        except UnicodeDecodeError:
            continue
        except pd.errors.EmptyDataError:
            raise ExtractRefused(f"{path.name} is empty; export the extract again") from None
        except (pd.errors.ParserError, csv.Error) as err:
            raise ExtractRefused(f"{path.name} is not readable CSV: {err}") from None
    raise ExtractRefused(f"{path.name} is not text in UTF-8 or Windows-1252; save it as CSV UTF-8")


def _read_xlsx(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=object, engine="openpyxl")
    except (zipfile.BadZipFile, ValueError, KeyError, OSError) as err:
        raise ExtractRefused(f"{path.name} is not a readable XLSX workbook: {err}") from None
    frame = frame.dropna(how="all")
    return frame.apply(_cell_text).astype("object") if not frame.empty else frame


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
