"""When a return home interview is due: N working days after the return, or N hours after it.

Working days are Monday to Friday except England and Wales bank holidays, which come from the
`holidays` package: it computes them by rule for any year and carries the one-off days (jubilees,
state funerals), so it works offline and never runs out of years the way a typed list does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    import pandas as pd

_RULE = re.compile(r"^\s*(\d+)\s+(working days?|hours?)\s*$", re.IGNORECASE)
MAX_DEADLINE_WORKING_DAYS = 30
MAX_DEADLINE_HOURS = 720


@dataclass(frozen=True)
class DeadlineRule:
    amount: int
    unit: str  # "working_days" or "hours"

    def describe(self) -> str:
        return f"{self.amount} working days" if self.unit == "working_days" else f"{self.amount} hours"


def parse_deadline_rule(text: str) -> DeadlineRule:
    """Read '3 working days' or '72 hours'."""
    match = _RULE.match(text)
    if not match:
        raise ValueError(f'{text!r} is not a deadline; write "3 working days" or "72 hours"')
    amount = int(match.group(1))
    unit = "working_days" if match.group(2).lower().startswith("working") else "hours"
    limit = MAX_DEADLINE_WORKING_DAYS if unit == "working_days" else MAX_DEADLINE_HOURS
    if not 1 <= amount <= limit:
        raise ValueError(f"{text!r} is out of range; use 1 to {limit} {unit.replace('_', ' ')}")
    return DeadlineRule(amount, unit)


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # about 0.1 s to import: only when a working-day deadline is computed

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The count-th working day after day (a Friday plus 3 is the Wednesday)."""
    current = day
    remaining = count
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def compute_deadlines(returned: pd.Series, rule: DeadlineRule) -> tuple[pd.Series, pd.Series]:
    """For each return time: the last day an interview counts as in time, and when the deadline passes.

    Returns two datetime64 series aligned with returned: the deadline day (midnight), and the moment
    after which an interview not yet done is late. NaT where there was no return.
    """
    import pandas as pd

    if rule.unit == "hours":
        expires = returned + pd.Timedelta(hours=rule.amount)
        return expires.dt.normalize(), expires
    days = returned.dt.normalize()
    unique = days.dropna().unique()
    lookup = {day: pd.Timestamp(add_working_days(day.date(), rule.amount)) for day in pd.DatetimeIndex(unique)}
    deadline = days.map(lookup).astype("datetime64[us]")
    # A working-day deadline passes at the end of its day.
    return deadline, deadline + pd.Timedelta(days=1)


def describe_time(moment: str | dt.datetime, timezone: str) -> str:
    """'09:00 on Friday 12 July 2019', on the clock people read (moment: an aware time, or its ISO text)."""
    when = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    local = when.astimezone(ZoneInfo(timezone))
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"
