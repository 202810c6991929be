"""Months and financial years (April to March).

A month is one `Month` value from the command line or chat to the store's SQL: parsed once at the edge,
compared, stepped and formatted by itself ("2019-06", "June 2019", "Jun-19"). Inside the figures, where
pandas groups a million episodes, a month is its whole-number index, year * 12 + (month - 1), so that
consecutive months are consecutive integers; `Month.index` and `Month(index)` cross between the two.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FIRST_MONTH_OF_YEAR = 4  # the financial year starts in April
MONTH = "month"  # the scope of one calendar month's figures
YTD = "ytd"  # the scope, and the profile column, of year-to-date figures
_MONTH_TEXT = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month. Written "2019-06" (its key, as the store and the outbox name it); read from
    "2019-06" or "2019-6" by parse. Month words ("June", "last month") are read by digest.lookups.periods."""

    index: int  # year * 12 + (month - 1)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read 'YYYY-MM' (or 'YYYY-M').

        Raises:
            ValueError: text is not a month, with how to write one.
        """
        match = _MONTH_TEXT.match(text)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f'{text!r} is not a month; write it as YYYY-MM, for example "2019-06"')
        return cls(month_index(int(match.group(1)), int(match.group(2))))

    @classmethod
    def from_key(cls, text: str) -> Month | None:
        """The month of a key in exactly its own spelling ("2019-06"; not "2019-6"), else None: for values
        that only this program writes, such as a button's."""
        try:
            month = cls.parse(text)
        except ValueError:
            return None
        return month if month.key == text else None

    @classmethod
    def of(cls, moment: dt.datetime | dt.date) -> Month:
        return cls(month_of(moment))

    @property
    def key(self) -> str:
        """'2019-06': the machine name of a month, in the store and the outbox."""
        return month_key(self.index)

    @property
    def name(self) -> str:
        """'June 2019'."""
        return month_name(self.index)

    @property
    def label(self) -> str:
        """'Jun-19'."""
        return month_label(self.index)

    def __add__(self, months: int) -> Month:
        return Month(self.index + months)

    def __sub__(self, months: int) -> Month:
        return Month(self.index - months)

    def __str__(self) -> str:
        return self.key

    def __format__(self, spec: str) -> str:
        return format(self.key, spec)


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(moment: dt.datetime | dt.date) -> int:
    return month_index(moment.year, moment.month)


def parse_month(text: str) -> int:
    """Read 'YYYY-MM' (a figure column's key) as a month index."""
    return Month.parse(text).index


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
