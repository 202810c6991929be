"""The layout of a CSV extract: which character separates its cells, and what a parser's complaint means
for the person who must mend the file.

Excel writes commas, or semicolons where the decimal separator is a comma, and "Unicode text" with tabs;
the separator is taken from the header row, the one line that has no free text in it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

DELIMITERS = (",", ";", "\t")  # in order of preference when a header row holds as many of each
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars", ":": "colons"}
SNIFF_BYTES = 64 << 10  # the header row is looked for in this much of the start of the file
_TOKENIZER_PREFIX = "Error tokenizing data. C error: "
_EOF_IN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")
_WRONG_WIDTH = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def find_delimiter(path: Path, encoding: str) -> str:
    """The separator the header row uses: the most frequent of comma, semicolon and tab outside quotes
    (a comma on a tie, or when the row has none of them)."""
    line = first_line(path, encoding)
    counts = count_outside_quotes(line)
    best = max(DELIMITERS, key=lambda d: (counts.get(d, 0), -DELIMITERS.index(d)))
    return best if counts.get(best, 0) else ","


def first_line(path: Path, encoding: str) -> str:
    """The first line with anything but separators and spaces on it (the header row, normally)."""
    with path.open("rb") as handle:
        start = handle.read(SNIFF_BYTES)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(start)
    for line in text.splitlines():
        if line.strip(" ,;\t\"'"):
            return line
    return ""


def count_outside_quotes(line: str) -> dict[str, int]:
    """How often each character stands outside double quotes on a line."""
    counts: dict[str, int] = {}
    quoted = False
    for character in line:
        if character == '"':
            quoted = not quoted
        elif not quoted:
            counts[character] = counts.get(character, 0) + 1
    return counts


def other_separator(line: str) -> str | None:
    """The name of the separator a one-cell header row seems to use instead (a vertical bar, a colon), if
    any: a character other than letters, digits, spaces and underscores that stands on it several times."""
    counts = count_outside_quotes(line)
    candidates = [c for c in DELIMITER_NAMES if c not in DELIMITERS and counts.get(c, 0) >= 2]
    return DELIMITER_NAMES[max(candidates, key=lambda c: counts[c])] if candidates else None


def explain_parser_error(message: str, file_name: str, header_cells: int | None, title_rows: int) -> str:
    """A CSV parser's complaint as what is wrong, where (the spreadsheet row), and how to mend it.

    header_cells: how many cells the header row has, where known; title_rows: how many non-blank lines
    stand above the line the parser complained of that have fewer cells than it (a title above the header).
    """
    message = message.replace(_TOKENIZER_PREFIX, "").strip()
    quote = _EOF_IN_QUOTE.search(message)
    if quote:
        row = int(quote.group(1)) + 1  # the parser counts records from 0; a spreadsheet from 1
        return (
            f'{file_name}: row {row} opens a quote (") that is never closed, so every row after it would be '
            "read as part of one cell; close or remove that quote and save the file again"
        )
    width = _WRONG_WIDTH.search(message)
    if width:
        expected, line, seen = (int(n) for n in width.groups())
        if title_rows:
            return (
                f"{file_name}: the header row is row {line}, below {title_rows} row{'s' if title_rows > 1 else ''} "
                "of title; delete the rows above the header row and save the file again"
            )
        return (
            f"{file_name}: row {line} has {seen} cells but the header row has {header_cells or expected}; "
            "a cell with a comma in it must be in quotes. Mend that row and save the file again"
        )
    return f"{file_name} is not readable CSV: {message}"
