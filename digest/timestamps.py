"""Reading the dates and times an extract carries: ISO or UK day-first, never US month-first."""

from __future__ import annotations

import datetime as dt

import pandas as pd

# Tried in order; a value takes the first format that reads it whole. Day-first only: 03/04/2019 is 3 April.
FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S.%f",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)
AS_AT_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)


def parse_timestamps(raw: pd.Series) -> pd.Series:
    """Parse text to datetime64; blank and unreadable values become NaT (tell them apart by the raw text)."""
    text = raw.fillna("").astype(str).str.strip()
    result = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    todo = text != ""
    for fmt in FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        ok = parsed.notna()
        result.loc[ok[ok].index] = parsed[ok].astype("datetime64[us]")
        todo.loc[ok[ok].index] = False
    return result


def parse_as_at(text: str) -> dt.datetime:
    """Read the --as-at value ('YYYY-MM-DD HH:MM'; a bare date means midnight)."""
    for fmt in AS_AT_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise ValueError(f'{text!r} is not an as-at time; write it as "YYYY-MM-DD HH:MM", for example "2019-07-18 09:00"')
