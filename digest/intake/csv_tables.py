"""Reading a plain UTF-8 CSV extract whole with pyarrow's CSV reader, several times faster than pandas'.

It takes only files it reads exactly as pandas' reader would: every line has the header's number of
cells (a blank line is a row of blank cells, as pandas reads it). Anything else (a short or long row,
another encoding) is left to pandas' reader, whose messages the rest of the intake is built on. So is a
file whose last row has a line break inside a cell: Arrow reads a quote left open to the end of the file
as one long last cell, silently, where pandas' reader says "EOF inside string" (issue 21). The choice
depends on the file alone, so `raw --row N` reads a kept file back through the same reader the ingest
used. The table of a 100 MB extract takes about 150 MB: text in Arrow buffers, not Python objects.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

ARROW_BLOCK_BYTES = 16 << 20  # bytes the reader parses at a time; a cell may not be longer
# A file read whole holds about 1.5 times its size in memory at once, where pandas' reader holds one chunk;
# a larger file is read by pandas, so reading whole never adds more than about 450 MB to an ingest.
ARROW_MAX_FILE_BYTES = 300_000_000
# Exactly the characters Python's str.strip() removes (str.isspace), so trimming in Arrow trims as the
# per-cell code did; a test checks the list against Python's own.
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
TEXT_COLUMNS = 1000  # columns read as text without a guess at their type; a file with more is left to pandas
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' own "str": Arrow text, compared in Arrow


def read_csv_table(
    path: Path, encoding: str, delimiter: str = ",", max_bytes: int = ARROW_MAX_FILE_BYTES
) -> pa.Table | None:
    """The whole file as a table of text columns (header line included, as row 0), or None when pandas'
    reader must read it (not UTF-8, larger than max_bytes, a line with another number of cells, or a line
    break in a cell of the last row)."""
    if encoding != "utf-8-sig" or path.stat().st_size > max_bytes:
        return None
    try:
        table = pa_csv.read_csv(
            path,
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True, block_size=ARROW_BLOCK_BYTES),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(TEXT_COLUMNS)},  # the reader's own names
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        return None
    if table.num_rows == 0 or any(not pa.types.is_string(column.type) for column in table.columns):
        return None
    last = table.slice(table.num_rows - 1)
    if any(pc.any(pc.match_substring_regex(column, "[\r\n]")).as_py() for column in last.columns):
        return None  # perhaps a quote never closed: pandas' reader tells
    return table


def is_arrow_text(frame: pd.DataFrame) -> bool:
    """Whether every column is Arrow text as read here: no cell is missing (strings_can_be_null=False)."""
    return all(dtype == TEXT for dtype in frame.dtypes)


def blank_rows(frame: pd.DataFrame) -> pd.Series | None:
    """True where every cell of a row is empty text (a blank line, or a line of commas), compared in Arrow;
    None when the frame is not all Arrow text."""
    if not is_arrow_text(frame):
        return None
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        blank &= pc.equal(pa.array(frame[column].array), "").to_numpy(zero_copy_only=False)
    return pd.Series(blank, index=frame.index)


def table_frames(table: pa.Table, rows: int) -> Iterator[pd.DataFrame]:
    """The table as frames of at most rows rows, indexed by line (0 = the first line), columns numbered.

    Each slice is let go once handed on, so the text of the rows already read is freed as the reading goes.
    """
    parts = deque(table.slice(first, rows) for first in range(0, table.num_rows, rows))
    del table
    first = 0
    while parts:
        part = parts.popleft()
        frame = pd.DataFrame({i: pd.Series(part.column(i), dtype=TEXT) for i in range(part.num_columns)})
        frame.index = pd.RangeIndex(first, first + part.num_rows)
        first += part.num_rows
        del part
        yield frame


def trim_text(values: pd.Series) -> pd.Series | None:
    """Cells trimmed as str.strip() trims them, in Arrow; None when values are not Arrow text."""
    if values.dtype != TEXT:
        return None
    text = pa.array(values.array)  # the Arrow array itself (__arrow_array__): no copy
    return pd.Series(trim_arrow_text(text), index=values.index, dtype=TEXT)


def _edge_bytes(position: int) -> np.ndarray:
    """Which byte values can be the first (position 0) or last (-1) byte of a whitespace character in UTF-8."""
    table = np.zeros(256, dtype=bool)
    table[[character.encode()[position] for character in PYTHON_WHITESPACE]] = True
    return table


_MAY_START_SPACE, _MAY_END_SPACE = _edge_bytes(0), _edge_bytes(-1)


def trim_arrow_text(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Arrow text trimmed as str.strip() trims it. Text none of whose cells starts or ends with a byte that a
    whitespace character can start or end with is given back as it is: a look at two bytes a cell, where
    trimming decodes every character (most exports have no space to trim)."""
    chunks = text.chunks if isinstance(text, pa.ChunkedArray) else [text]
    if not any(_may_have_edge_space(chunk) for chunk in chunks):
        return text
    return pc.utf8_trim(text, characters=PYTHON_WHITESPACE)


def _may_have_edge_space(chunk: pa.Array) -> bool:
    if not pa.types.is_string(chunk.type) and not pa.types.is_large_string(chunk.type):
        return True
    if len(chunk) == 0:
        return False
    _, offsets_buffer, data_buffer = chunk.buffers()
    if data_buffer is None:
        return False
    width = 8 if pa.types.is_large_string(chunk.type) else 4
    offsets = np.frombuffer(offsets_buffer, dtype=f"<i{width}", count=len(chunk) + 1, offset=chunk.offset * width)
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    filled = offsets[1:] > offsets[:-1]
    first, last = offsets[:-1][filled], offsets[1:][filled] - 1
    return bool(_MAY_START_SPACE[data[first]].any() or _MAY_END_SPACE[data[last]].any())
