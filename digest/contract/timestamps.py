"""Reading the dates and times an extract carries: ISO or UK day-first, never US month-first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# ISO dates and times, read by pandas' fast ISO parser; checked against this pattern first (by Arrow's
# RE2, whose \d is ASCII only: a date in other digits is unreadable either way) so that nothing looser
# (a bare "2019-06", a time zone) slips through.
ISO_PATTERN = r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$"
# UK day-first forms, tried in order. Never US month-first: 03/04/2019 is 3 April.
UK_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M:%S")
AS_AT_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)


def parse_timestamps(text: pd.Series) -> pd.Series:
    """Parse trimmed text to datetime64; blank and unreadable values become NaT (tell them apart by the text).

    Each distinct value is parsed once, which makes columns of dates (birth, interview) cheap.
    """
    import numpy as np
    import pandas as pd  # here, not at the top: reading --as-at must not cost pandas' import
    import pyarrow as pa
    import pyarrow.compute as pc

    codes, uniques = pd.factorize(text)
    distinct = pd.Series(uniques, dtype=object)
    shaped = pc.match_substring_regex(pa.array(uniques, type=pa.large_string()), ISO_PATTERN)
    iso = pd.Series(shaped.to_numpy(zero_copy_only=False), index=distinct.index, dtype=bool)
    parsed = pd.Series(pd.NaT, index=distinct.index, dtype="datetime64[us]")
    if iso.any():
        parsed[iso] = pd.to_datetime(distinct[iso], format="ISO8601", errors="coerce").astype("datetime64[us]")
    todo = ~iso & (distinct != "")
    for fmt in UK_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(distinct[todo], format=fmt, errors="coerce").astype("datetime64[us]")
        done = attempt.notna()
        parsed[done[done].index] = attempt[done]
        todo[done[done].index] = False
    values = np.append(parsed.to_numpy(), np.datetime64("NaT", "us"))  # code -1 (missing) picks the NaT
    return pd.Series(values[codes], index=text.index, dtype="datetime64[us]")


def parse_as_at(text: str) -> dt.datetime:
    """Read the --as-at value ('YYYY-MM-DD HH:MM'; a bare date means midnight)."""
    for fmt in AS_AT_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise ValueError(f'{text!r} is not an as-at time; write it as "YYYY-MM-DD HH:MM", for example "2019-07-18 09:00"')
