"""Months and financial years (April to March), as whole-number month indexes for fast grouping.

A month index is year * 12 + (month - 1), so consecutive months are consecutive integers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FIRST_MONTH_OF_YEAR = 4  # the financial year starts in April
MONTH = "month"  # the scope of one calendar month's figures
YTD = "ytd"  # the scope, and the profile column, of year-to-date figures
_MONTH_TEXT = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(moment: dt.datetime | dt.date) -> int:
    return month_index(moment.year, moment.month)


def parse_month(text: str) -> int:
    """Read 'YYYY-MM' as a month index."""
    match = _MONTH_TEXT.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f'{text!r} is not a month; write it as YYYY-MM, for example "2019-06"')
    return month_index(int(match.group(1)), int(match.group(2)))


def month_key(index: int) -> str:
    """'2019-06': the machine name of a month."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_label(index: int) -> str:
    """'Jun-19': how the reference report heads a month column."""
    return month_start(index).strftime("%b-%y")


def month_name(index: int) -> str:
    """'June 2019'."""
    return month_start(index).strftime("%B %Y")


def month_start(index: int) -> dt.datetime:
    return dt.datetime(index // 12, index % 12 + 1, 1)


def financial_year_start(index: int) -> int:
    """The month index of the April that opens this month's financial year."""
    year, month = index // 12, index % 12 + 1
    return month_index(year if month >= FIRST_MONTH_OF_YEAR else year - 1, FIRST_MONTH_OF_YEAR)


def financial_year_label(index: int) -> str:
    """'2019/20'."""
    start_year = financial_year_start(index) // 12
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def is_partial(index: int, as_at: dt.datetime) -> bool:
    """True when the month has not ended at the as-at time."""
    return month_start(index + 1) > as_at


def month_indexes(moments: pd.Series) -> pd.Series:
    """Vectorised month_of for a datetime64 series."""
    months: pd.Series = moments.dt.year * 12 + moments.dt.month - 1
    return months


def financial_year_starts(months: pd.Series) -> pd.Series:
    """Vectorised financial_year_start for a series of month indexes."""
    offset = (months % 12 + 1 - FIRST_MONTH_OF_YEAR) % 12
    return months - offset
