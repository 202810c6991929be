"""Reading the dates and times an extract carries: ISO or UK day-first; US month-first only when a council
says its extracts are written so, and otherwise noticed and refused (spec section 1, "The file as a whole")."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# ISO dates and times, read by pandas' fast ISO parser; checked against this pattern first (by Arrow's
# RE2, whose \d is ASCII only: a date in other digits is unreadable either way) so that nothing looser
# (a bare "2019-06", a time zone) slips through.
ISO_PATTERN = r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$"
# UK day-first forms, tried in order: 03/04/2019 is 3 April. US month-first ones, when a council says so.
UK_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M:%S")
US_FORMATS = tuple(fmt.replace("%d/%m", "%m/%d") for fmt in UK_FORMATS)
# Below this many cells the general reading alone is as quick (and a column of distinct values is short).
FIXED_WIDTH_MIN_CELLS = 1000
DAY_FIRST, MONTH_FIRST = "day-first", "month-first"
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)
AS_AT_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)


def parse_timestamps(text: pd.Series, month_first: bool = False) -> pd.Series:
    """Parse trimmed text to datetime64; blank and unreadable values become NaT (tell them apart by the text).

    The common fixed-width spellings are read straight from the text's bytes (fixed_width_dates.py); each
    other distinct value is parsed once, which makes columns of dates (birth, interview) cheap. Slash dates
    are day-first, or month-first if month_first.
    """
    import pandas as pd  # here, not at the top: reading --as-at must not cost pandas' import

    values, read = _read_fixed_width(text, month_first)
    rest = text[~read] if read.any() else text
    if len(rest):
        values[~read] = parse_distinct_timestamps(rest, month_first)
    return pd.Series(values, index=text.index, dtype="datetime64[us]")


def _read_fixed_width(text: pd.Series, month_first: bool) -> tuple[np.ndarray, np.ndarray]:
    """The cells the fixed-width reader takes (fixed_width_dates.py): their values, and where they are."""
    import numpy as np
    import pyarrow as pa

    from digest.contract.fixed_width_dates import read_fixed_width

    if len(text) < FIXED_WIDTH_MIN_CELLS or getattr(text.dtype, "storage", None) != "pyarrow":
        # Short, or Python strings (pandas' own reader, a blank column made up): the general reading alone.
        return np.full(len(text), np.datetime64("NaT", "us")), np.zeros(len(text), dtype=bool)
    arrow = pa.array(text.array)
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    return read_fixed_width(arrow, day_first=not month_first)


def parse_distinct_timestamps(text: pd.Series, month_first: bool) -> np.ndarray:
    """The general reading: each distinct value parsed once, ISO by pandas' parser, then the slash forms."""
    import numpy as np
    import pandas as pd
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
    for fmt in US_FORMATS if month_first else UK_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(distinct[todo], format=fmt, errors="coerce").astype("datetime64[us]")
        done = attempt.notna()
        parsed[done[done].index] = attempt[done]
        todo[done[done].index] = False
    values = np.append(parsed.to_numpy(), np.datetime64("NaT", "us"))  # code -1 (missing) picks the NaT
    return values[codes]


def count_month_first(text: pd.Series, parsed: pd.Series) -> int:
    """How many values day-first reading left unreadable (NaT, not blank) that read as month-first dates:
    06/13/2019 cannot be 6th of the 13th month, so the file was most likely written month-first."""
    import pandas as pd

    unread = text[parsed.isna() & (text != "")]
    if unread.empty:
        return 0
    codes, uniques = pd.factorize(unread)
    readable = parse_timestamps(pd.Series(uniques, dtype=object), month_first=True).notna().to_numpy()
    return int(readable[codes].sum())


EARLIEST_AS_AT = dt.datetime(1990, 1, 1)  # as the plausible window of the extract's own dates (spec section 1)
AS_AT_AHEAD_OF_CLOCK = dt.timedelta(days=1)  # an extract cannot be taken later than now; a day covers clock skew
LATEST_AS_AT = dt.datetime(2200, 1, 1)  # even when a later one is said outright: beyond what dates can be reckoned


def check_as_at(as_at: dt.datetime, now: dt.datetime, future_allowed: bool = False) -> None:
    """Refuse an as-at time before EARLIEST_AS_AT, or more than AS_AT_AHEAD_OF_CLOCK after now (unless
    future_allowed), or after LATEST_AS_AT.

    Raises:
        ValueError: saying what is wrong with it, to follow the as-at time in a message.
    """
    if as_at < EARLIEST_AS_AT:
        raise ValueError(f"is before {EARLIEST_AS_AT:%d/%m/%Y}; give the date and time the extract was taken")
    if as_at >= LATEST_AS_AT:
        raise ValueError(f"is not before {LATEST_AS_AT:%Y}; give the date and time the extract was taken")
    if not future_allowed and as_at > now + AS_AT_AHEAD_OF_CLOCK:
        raise ValueError(
            f"is more than a day after now ({now:%d/%m/%Y %H:%M}); give the date and time the extract was taken"
        )


def parse_as_at(text: str) -> dt.datetime:
    """Read the --as-at value ('YYYY-MM-DD HH:MM'; a bare date means midnight)."""
    for fmt in AS_AT_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise ValueError(f'{text!r} is not an as-at time; write it as "YYYY-MM-DD HH:MM", for example "2019-07-18 09:00"')
