"""The fixed-width date reader is a shortcut of parse_timestamps' general reading, never a second definition:
whatever cell it reads, it reads as the general reading does (property over generated text)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.contract.fixed_width_dates import read_fixed_width
from digest.contract.timestamps import FIXED_WIDTH_MIN_CELLS, parse_distinct_timestamps, parse_timestamps


def padded(low: int, high: int, width: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: str(n).zfill(width))


# Fields near and past their limits, and sometimes not digits at all (other scripts' digits included).
YEARS = (
    padded(1795, 2205, 4)
    | st.sampled_from(["1900", "2000", "2019", "2020", "2100"])  # leap or not by the century rules
    | padded(0, 9999, 4)
    | st.sampled_from(["1799", "1800", "2199", "2200", "19x9", "２019", "201"])
)
MONTHS = padded(1, 12, 2) | st.sampled_from(["00", "13", "02", "1", "1a"])
DAYS = padded(1, 31, 2) | st.sampled_from(["00", "28", "29", "30", "31", "32", "1", "٣1"])
HOURS = padded(0, 23, 2) | st.sampled_from(["24", "25", "9", "ab"])
MINUTES = padded(0, 59, 2) | st.sampled_from(["60", "61"])
SECONDS = padded(0, 59, 2) | st.sampled_from(["60", "61"])
FRACTIONS = st.sampled_from(["", ".", ".0", ".000", ".123", ".123456", ".1234567", ".12a"])
TIME_MARKS = st.sampled_from([" ", "T", "t", "  ", "_"])


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    year, month, day = draw(YEARS), draw(MONTHS), draw(DAYS)
    clock = f"{draw(HOURS)}:{draw(MINUTES)}"
    shapes = [
        f"{year}-{month}-{day}",
        f"{year}-{month}-{day}{draw(TIME_MARKS)}{clock}",
        f"{year}-{month}-{day}{draw(TIME_MARKS)}{clock}:{draw(SECONDS)}{draw(FRACTIONS)}",
        f"{day}/{month}/{year}",
        f"{day}/{month}/{year} {clock}",
        f"{day}/{month}/{year} {clock}:{draw(SECONDS)}",
        f"{year}{month}{day}",
        draw(st.text(max_size=26)),
    ]
    return draw(st.sampled_from(shapes))


def same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a == b) | (np.isnat(a) & np.isnat(b))


@settings(max_examples=150, deadline=None)
@given(st.lists(date_texts(), min_size=1, max_size=60), st.booleans())
def test_what_the_fixed_width_reader_reads_is_what_the_general_reading_gives(texts: list[str], day_first: bool) -> None:
    values, read = read_fixed_width(pa.array(texts), day_first=day_first)
    general = parse_distinct_timestamps(pd.Series(texts, dtype=object), month_first=not day_first)
    assert same(values[read], general[read]).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(date_texts(), min_size=1, max_size=40), st.booleans())
def test_a_long_column_parses_as_the_general_reading(texts: list[str], month_first: bool) -> None:
    column = (texts * (FIXED_WIDTH_MIN_CELLS // len(texts) + 1))[: FIXED_WIDTH_MIN_CELLS + 3]
    for dtype in ("str", object):
        series = pd.Series(column, dtype=dtype)
        parsed = parse_timestamps(series, month_first).to_numpy()
        assert same(parsed, parse_distinct_timestamps(series, month_first)).all()


def test_the_common_spellings_are_read_from_the_bytes_and_the_odd_ones_left() -> None:
    texts = [
        "2024-12-10 00:00:00.000",  # SQL Server, as the SSD writes it
        "2019-06-01",
        "2019-06-01T10:30",
        "2019-06-01 10:30:15.5",
        "01/06/2019 10:30",
        "01/06/2019",
        "",
        "0001-01-01",  # a placeholder year: the general reading judges it
        "2019-02-29",
        "1/6/2019",
        "01/06/2019 10:30:15",
        "2019-06-01 10:30+01:00",
    ]
    values, read = read_fixed_width(pa.array(texts))
    assert read.tolist() == [True] * 7 + [False] * 5
    assert values[:6].tolist() == [
        np.datetime64("2024-12-10T00:00:00", "us"),
        np.datetime64("2019-06-01T00:00", "us"),
        np.datetime64("2019-06-01T10:30", "us"),
        np.datetime64("2019-06-01T10:30:15.500000", "us"),
        np.datetime64("2019-06-01T10:30", "us"),
        np.datetime64("2019-06-01T00:00", "us"),
    ]
    assert np.isnat(values[6])
    sliced_values, sliced_read = read_fixed_width(pa.array(texts).slice(3))  # an Arrow slice: offsets shifted
    assert sliced_read.tolist() == read[3:].tolist()
    assert same(sliced_values, values[3:]).all()
    _, month_first_read = read_fixed_width(pa.array(["01/06/2019", "2019-06-01"]), day_first=False)
    assert month_first_read.tolist() == [False, True]


def seeded_texts(count: int, seed: int) -> list[str]:
    """Dates and times with every field near and past its limits, in every shape, from a seeded generator."""
    rng = np.random.default_rng(seed)

    def pick(options: list[str]) -> np.ndarray:
        return rng.choice(np.array(options, dtype=object), count)

    years = pick(["1799", "1800", "1900", "2000", "2019", "2020", "2100", "2199", "2200", "0000", "0001", "2x19"])
    months = pick([f"{m:02d}" for m in range(14)] + ["02", "02", "2"])
    days = pick([f"{d:02d}" for d in range(33)] + ["28", "29", "29", "30", "31", "1"])
    hours = pick(["00", "09", "23", "24", "25", "9"])
    minutes = pick(["00", "30", "59", "60"])
    seconds = pick(["00", "59", "60", "61"])
    fractions = pick(["", ".", ".0", ".000", ".123", ".123456", ".1234567"])
    marks = pick([" ", "T", "t"])
    shapes = rng.integers(0, 6, count)
    texts = []
    for i in range(count):
        y, m, d, clock = years[i], months[i], days[i], f"{hours[i]}:{minutes[i]}"
        texts.append(
            (
                f"{y}-{m}-{d}",
                f"{y}-{m}-{d}{marks[i]}{clock}",
                f"{y}-{m}-{d}{marks[i]}{clock}:{seconds[i]}{fractions[i]}",
                f"{d}/{m}/{y}",
                f"{d}/{m}/{y} {clock}",
                f"{d}/{m}/{y} {clock}:{seconds[i]}",
            )[shapes[i]]
        )
    return texts


def test_over_many_seeded_dates_the_two_readings_agree() -> None:
    texts = seeded_texts(40_000, seed=24)
    dates_only = [text for text in texts if len(text) <= 10]  # a column of dates: no clock read at all
    for column, day_first in ((texts, True), (texts, False), (dates_only, True)):
        values, read = read_fixed_width(pa.array(column), day_first=day_first)
        general = parse_distinct_timestamps(pd.Series(column, dtype=object), month_first=not day_first)
        assert read.sum() > 1_000  # the shortcut is taken, and checked, on thousands of cells
        assert same(values[read], general[read]).all()
