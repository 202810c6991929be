"""The rule behind issue 21, over generated files: every extract, however damaged, is read completely
(rows read = the records a standards-following CSV parser finds, blank ones aside) or refused whole,
with the store left byte for byte as it was.

A seeded generator writes extracts with random damage: stray quotes, other delimiters, blank lines, dates
in either order, other encodings, extra cells, a title above the header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.intake.refusals import ExtractRefused
from digest.store.snapshots import open_store
from tests.conftest import episode

CASES = 60  # about 3 seconds on one core
AS_AT = dt.datetime(2019, 7, 18)
DAMAGE = ("none", "quote", "blank lines", "month-first", "extra cell", "title", "encoding", "all at once")


def random_rows(rng: random.Random, count: int) -> list[list[str]]:
    rows = []
    for number in range(count):
        day, month = rng.randint(1, 28), rng.choice((4, 5, 6))
        start = dt.datetime(2019, month, day, rng.randint(0, 23), rng.randint(0, 59))
        end = start + dt.timedelta(hours=rng.randint(1, 90))
        as_text = rng.choice(("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"))
        row = episode(
            episode_id=f"E{number}",
            child_id=f"C{rng.randint(1, count)}",
            missing_start=start.strftime(as_text),
            missing_end="" if rng.random() < 0.1 else end.strftime(as_text),
            gender=rng.choice(("F", "M", "Female", "")),
            care_status=rng.choice(("LAC", "CIN", "CPP", "Looked After")),
        )
        rows.append(list(row.values()))
    return rows


def damaged_file(rng: random.Random, path: Path, damage: str) -> tuple[str, int]:
    """Write an extract with the damage; return its delimiter and encoding's name, and rows written."""
    rows = random_rows(rng, rng.randint(1, 60))
    everything = damage == "all at once"
    if damage in ("month-first",) or everything:
        for row in rng.sample(rows, k=max(1, len(rows) // 4)):
            start = dt.datetime(2019, 6, rng.randint(13, 28), 10, 0)
            row[2], row[3] = start.strftime("%m/%d/%Y %H:%M"), ""
    if damage == "quote" or everything:
        row = rng.choice(rows)
        # Often the last cell (a note typed with a stray quote, as in the issue), else anywhere.
        at = len(row) - 1 if rng.random() < 0.5 else rng.randrange(len(row))
        row[at] = '"' + rng.choice(("left at 10", "5'10", 'said "no"', ""))
    if damage == "extra cell" or everything:
        rng.choice(rows).append("by car")
    delimiter = rng.choice((",", ";", "\t"))
    lines = [delimiter.join(CONTRACT_COLUMNS)]
    for row in rows:
        lines.append(delimiter.join(_quoted(cell, delimiter) for cell in row))
    if damage == "blank lines" or everything:
        for _ in range(rng.randint(1, 4)):
            lines.insert(rng.randint(1, len(lines)), rng.choice(("", delimiter * 13)))
    if damage == "title" or everything:
        lines.insert(0, "Missing episodes report")
    text = rng.choice(("\n", "\r\n")).join(lines) + "\n"
    encoding = rng.choice(("utf-8", "utf-8-sig", "utf-16", "cp1252"))
    if damage == "encoding" or everything:
        encoding = rng.choice(("utf-16-le", "latin-1-with-bad-byte"))
    if encoding == "latin-1-with-bad-byte":
        path.write_bytes(text.encode("latin-1").replace(b"LAC", b"LAC\x81", 1))
    else:
        path.write_bytes(text.encode(encoding))
    return delimiter, len(rows)


def _quoted(cell: str, delimiter: str) -> str:
    """A cell as a CSV writer would write it: quoted when it holds the delimiter; a stray quote left as typed."""
    return f'"{cell}"' if delimiter in cell else cell


def records(path: Path, delimiter: str) -> int | None:
    """Data records of the file as Python's csv module splits it (blank ones aside); None if its last record
    never ends, or it is not text."""
    raw = path.read_bytes()
    for encoding in ("utf-16", "utf-8-sig", "cp1252") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            return None
    try:  # a quote still open at the end of the file: no complete last record (RFC 4180)
        list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            return None
    found = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))  # "ab"c as Excel reads it
    return sum(1 for row in found if any(cell.strip() for cell in row)) - 1  # the header


def test_every_row_is_read_or_the_file_is_refused_whole(config: Config, tmp_path: Path) -> None:
    rng = random.Random(21)
    store_path = tmp_path / "store.db"
    outcomes: dict[str, int] = {}
    for case in range(CASES):
        damage = DAMAGE[case % len(DAMAGE)]
        path = tmp_path / f"case-{case}.csv"
        delimiter, written = damaged_file(rng, path, damage)
        before = store_path.read_bytes() if store_path.exists() else None
        store = open_store(store_path)
        try:
            report = ingest_extract(store, path, AS_AT + dt.timedelta(minutes=case), config)
        except ExtractRefused:
            store.close()
            if before is not None:
                assert store_path.read_bytes() == before, f"case {case} ({damage}) changed the store"
            outcomes["refused"] = outcomes.get("refused", 0) + 1
            continue
        store.close()
        expected = records(path, delimiter)
        assert report.rows_read == expected, f"case {case} ({damage}): read {report.rows_read}, records {expected}"
        if damage in ("none", "blank lines", "encoding"):
            assert report.rows_read == written, f"case {case} ({damage})"
        outcomes["read"] = outcomes.get("read", 0) + 1
    assert outcomes["read"] > CASES // 4  # both sides of the rule were tried
    assert outcomes["refused"] > CASES // 4
