"""How much memory reading an XLSX workbook would take, judged from its zip directory and its sheets' cell
references before any XML is parsed: a 2 KB file can claim a billion cells or unpack to gigabytes.

pandas' openpyxl reader pads every row to the widest row and keeps every row up to the last one with a
cell, so the grid it builds is (last row) x (last column) of the cells a sheet really holds, whatever the
sheet's own `<dimension>` claims. The zip directory's sizes are honest bounds: Python's zipfile never
unpacks more than an entry declares.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from digest.contract.names import shown_name
from digest.intake.refusals import ExtractRefused

MAX_READ_BYTES = 1_000_000_000  # the spec's bound: a file that would need more memory than this is refused
MAX_UNPACKED_BYTES = MAX_READ_BYTES  # the workbook's parts, unpacked: XML text costs at least its own size
# Memory per cell of the grid pandas builds (measured about 24 bytes for an empty padded cell and 150 for
# text, through openpyxl, the frame and the cells made text): 100 is a fair bound for an extract's mix.
BYTES_PER_CELL = 100
MAX_CELLS = MAX_READ_BYTES // BYTES_PER_CELL  # 10 million: 660,000 rows of 15 columns
# A part that unpacks to more than this many times its packed size is a zip bomb, not a sheet: XML of real
# cells packs 5 to 30 times. Checked only for parts larger than BOMB_CHECK_BYTES unpacked.
MAX_PACKING_RATIO = 200
BOMB_CHECK_BYTES = 50_000_000
SCAN_BLOCK_BYTES = 1 << 20  # sheet XML is scanned for cell references this much at a time
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d{1,9})"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,4})(\d{1,9})"')
_OVERLAP_BYTES = 64  # a reference split between two blocks is seen whole in the next


def check_workbook_size(path: Path) -> None:
    """Refuse a workbook that would need more than MAX_READ_BYTES to read, within seconds.

    Raises:
        ExtractRefused: it unpacks to more than MAX_UNPACKED_BYTES, or its sheets' cells span more than
            MAX_CELLS; or it is not a zip at all.
    """
    name = shown_name(path.name)
    try:
        with zipfile.ZipFile(path) as book:
            parts = book.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise ExtractRefused(
                    f"{name} unpacks to {unpacked / 1e9:,.1f} GB, more than the {MAX_UNPACKED_BYTES / 1e9:.1f} GB "
                    "it may take to read; export the extract as CSV instead"
                )
            for part in parts:
                if part.file_size > BOMB_CHECK_BYTES and part.file_size > MAX_PACKING_RATIO * part.compress_size:
                    raise ExtractRefused(
                        f"{name} holds a part that unpacks to {part.file_size / 1e6:,.0f} MB from "
                        f"{part.compress_size / 1e6:,.1f} MB, which no real sheet does; export the extract as CSV"
                    )
            cells = 0
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    rows, columns = _sheet_extent(book, part)
                    cells += rows * columns
            if cells > MAX_CELLS:
                raise ExtractRefused(
                    f"{name} has cells spanning {cells:,} places in its sheets (last row x last column), more "
                    f"than the {MAX_CELLS:,} that fit in {MAX_READ_BYTES / 1e9:.1f} GB; delete the rows and columns "
                    "below and to the right of the data in Excel and save again, or export the extract as CSV"
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as err:
        raise ExtractRefused(f"{name} is not a readable XLSX workbook: {type(err).__name__}") from None


def _sheet_extent(book: zipfile.ZipFile, part: zipfile.ZipInfo) -> tuple[int, int]:
    """(last row, last column) of the cells a sheet's XML holds, scanned a block at a time."""
    last_row = last_column = 0
    rows_seen = 0
    tail = b""
    with book.open(part) as stream:
        while block := stream.read(SCAN_BLOCK_BYTES):
            text = tail + block
            numbers = _ROW_NUMBER.findall(text)
            rows_seen += text.count(b"<row") - tail.count(b"<row")
            if numbers:
                last_row = max(last_row, *map(int, numbers))
            for letters, row in set(_CELL_REF.findall(text)):
                last_column = max(last_column, _column_number(letters))
                last_row = max(last_row, int(row))
            tail = text[-_OVERLAP_BYTES:]
    # Rows written without a number follow one another: there are at least as many rows as <row> elements.
    return max(last_row, rows_seen), max(last_column, 1 if rows_seen else 0)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number
