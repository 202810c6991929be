"""The common spellings of a date and time read straight from Arrow's bytes, a million cells in a few hundredths
of a second: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.f...]]` (or with a T), and the UK's `DD/MM/YYYY[ HH:MM]`.

This is a shortcut, never a second definition: a cell is read here only when it has exactly one of those
shapes, ASCII digits in every digit place, and fields that make a real date and time in a year of
EARLIEST_YEAR to LATEST_YEAR. What parse_timestamps' general reading gives such a cell is that very date and
time (a property test checks the two against each other over generated text). Every other cell (a
one-digit day, an impossible date, a placeholder year, a time zone, other digits) is left to that reading,
with whatever it makes of it. A blank cell is NaT either way, so it is settled here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from digest.contract.text_bytes import gather_words, text_bytes

if TYPE_CHECKING:
    import pyarrow as pa

# Years read here; a date outside them (a placeholder such as 0001-01-01, or 9999-12-31) takes the long way.
EARLIEST_YEAR, LATEST_YEAR = 1800, 2199
WIDEST = 26  # YYYY-MM-DD HH:MM:SS.ffffff
ISO_WIDTHS = (10, 16, 19, 21, 22, 23, 24, 25, 26)
UK_WIDTHS = (10, 16)  # DD/MM/YYYY and DD/MM/YYYY HH:MM, the first two UK forms parse_timestamps tries
# Which cell widths (in bytes, up to WIDEST; any wider counts as WIDEST + 1) may hold one of the shapes.
_ISO_WIDTH = np.isin(np.arange(WIDEST + 2), ISO_WIDTHS)
_ISO_OR_UK_WIDTH = np.isin(np.arange(WIDEST + 2), ISO_WIDTHS + UK_WIDTHS)
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_ZERO = ord("0")


def read_fixed_width(text: pa.Array, day_first: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's datetime64[us] where it is read here (NaT elsewhere), and where that is (a bool mask). A
    blank or missing cell is read, as NaT.

    text: Arrow text (string or large_string, no nulls needed). UK slash dates are read only if day_first.
    """
    rows = len(text)
    values = np.full(rows, np.datetime64("NaT", "us"))
    if rows == 0:
        return values, np.zeros(0, dtype=bool)
    offsets, data = text_bytes(text)
    widths = np.diff(offsets)
    read = widths == 0  # blank: NaT, as the general reading has it (and so is a missing cell)
    if text.null_count:
        read |= ~np.asarray(text.is_valid())
    shaped = _ISO_OR_UK_WIDTH if day_first else _ISO_WIDTH
    candidate = shaped[np.minimum(widths, WIDEST + 1)]
    if text.null_count:
        candidate &= np.asarray(text.is_valid())
    at = np.flatnonzero(candidate)
    if not len(at):
        return values, read
    first = offsets[at]
    width = widths[at]
    # Only the words some cell reaches into: two for a column of dates, three for SQL Server's times.
    words = [gather_words(data, first + 8 * i, width - 8 * i) for i in range((int(width.max()) + 7) // 8)]
    numbers: dict[int, np.ndarray] = {}

    def number(place: int) -> np.ndarray:
        """Each candidate's byte at place less the code of "0" (a digit's value; any other byte wraps round to
        10 or more; past the cell's end, the byte is 0)."""
        if place not in numbers:
            word = words[place // 8] if place // 8 < len(words) else np.zeros(len(at), dtype=np.uint64)
            numbers[place] = (word >> np.uint64(8 * (place % 8))).astype(np.uint8) - np.uint8(_ZERO)
        return numbers[place]

    def byte(place: int) -> np.ndarray:
        return number(place) + np.uint8(_ZERO)

    def digits(*places: int) -> np.ndarray:
        result = number(places[0]) < 10
        for place in places[1:]:
            result &= number(place) < 10
        return result

    def field(place: int, count: int) -> np.ndarray:
        result = number(place).astype(np.int32)
        for i in range(place + 1, place + count):
            result = result * 10 + number(i)
        return result

    timed, seconds_given = width > 10, width > 16
    any_timed, any_seconds = bool(timed.any()), bool(seconds_given.any())  # not in a column of dates
    iso = (byte(4) == ord("-")) & (byte(7) == ord("-")) & digits(0, 1, 2, 3, 5, 6, 8, 9)
    clock = (byte(13) == ord(":")) & digits(11, 12, 14, 15) if any_timed else timed
    if any_timed:
        iso &= ~timed | (((byte(10) == ord(" ")) | (byte(10) == ord("T"))) & clock)
    if any_seconds:
        iso &= ~seconds_given | ((byte(16) == ord(":")) & digits(17, 18))
    fraction = width > 19
    last_place = int(width.max())  # no cell reaches past it: the places after it are past every cell's end
    if fraction.any():
        iso &= ~fraction | (byte(19) == ord("."))
        for place in range(20, last_place):
            iso &= (place >= width) | (number(place) < 10)
    uk = np.zeros(len(at), dtype=bool)
    if day_first:
        uk = (
            ((width == 10) | (width == 16))
            & (byte(2) == ord("/"))
            & (byte(5) == ord("/"))
            & digits(0, 1, 3, 4, 6, 7, 8, 9)
        )
        if any_timed:
            uk &= ~timed | ((byte(10) == ord(" ")) & clock)
    if uk.any():
        year = np.where(uk, field(6, 4), field(0, 4))
        month = np.where(uk, field(3, 2), field(5, 2))
        day = np.where(uk, field(0, 2), field(8, 2))
    else:
        year, month, day = field(0, 4), field(5, 2), field(8, 2)
    hour = np.where(timed, field(11, 2), 0) if any_timed else 0
    minute = np.where(timed, field(14, 2), 0) if any_timed else 0
    second = np.where(iso & seconds_given, field(17, 2), 0) if any_seconds else 0
    micro = np.zeros(len(at), dtype=np.int64)
    if fraction.any():
        for place in range(20, last_place):  # the fraction's digits (past the cell's end, 0), as microseconds
            micro = micro * 10 + np.where(place < width, number(place), 0)
        micro = np.where(iso, micro * 10 ** (WIDEST - last_place), 0)

    month_ok = (month >= 1) & (month <= 12)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    last_day = _DAYS_IN_MONTH[np.clip(month - 1, 0, 11)] + ((month == 2) & leap)
    good = (
        (iso | uk)
        & (year >= EARLIEST_YEAR)
        & (year <= LATEST_YEAR)
        & month_ok
        & (day >= 1)
        & (day <= last_day)
        & (hour < 24)
        & (minute < 60)
        & (second < 60)
    )
    seconds = _days_from_civil(year, month, day).astype(np.int64) * 86_400 + (hour * 60 + minute) * 60 + second
    micros = seconds * 1_000_000 + micro
    moments = micros.view("datetime64[us]")
    chosen = at[good]
    values[chosen] = moments[good]
    read[chosen] = True
    return values, read


def _days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of each proleptic Gregorian date (H. Hinnant's days_from_civil), in whole-array
    arithmetic: numpy's own month-to-day conversion is ten times slower."""
    shifted = year - (month <= 2)
    era = shifted // 400
    year_of_era = shifted - era * 400
    day_of_year = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    days: np.ndarray = era * 146_097 + day_of_era - 719_468
    return days
