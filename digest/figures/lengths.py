"""The average and median length of a closed episode (derived figures; defined in docs/indicators.md).

Length is counted as section 4 counts it: whole calendar days from the start date to the end date, 0 for a
same-day return. Closed: an end recorded at or before the as-at time. The episodes are those starting in the
period's months; episodes still open are left out (their length is not known yet), and the answer says how
many were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is loaded only when a length is asked for: quick commands must start without it
    import pandas as pd


@dataclass(frozen=True)
class Lengths:
    closed: int  # episodes with a recorded end by the as-at time
    still_open: int  # episodes starting in the period with no end by the as-at time
    average_days: float | None  # None when no episode has closed
    median_days: float | None


# The columns a length of each family needs, and the row whose episodes it is over: all (1.1), LAC (2.1), CSE (3.1).
LENGTH_COLUMNS = {
    "all": ["missing_start", "missing_end"],
    "lac": ["missing_start", "missing_end", "care_status"],
    "cse": ["missing_start", "missing_end", "cse_risk"],
}
FAMILY_EPISODES = {"all": "episodes.all", "lac": "episodes.lac", "cse": "episodes.cse"}


def compute_lengths(
    episodes: pd.DataFrame, as_at: dt.datetime, first_month: int, last_month: int, family: str = "all"
) -> Lengths:
    """Lengths of the episodes (of all, LAC or CSE-risk episodes) starting from first_month to last_month (month
    indexes, inclusive)."""
    import pandas as pd

    from digest.figures.indicators import CSE_AT_RISK
    from digest.figures.periods import month_indexes

    months = month_indexes(episodes["missing_start"])
    wanted = (months >= first_month) & (months <= last_month)
    if family == "lac":
        wanted &= episodes["care_status"] == "lac"
    elif family == "cse":
        wanted &= episodes["cse_risk"].isin(CSE_AT_RISK)
    chosen = episodes[wanted]
    end = chosen["missing_end"]
    closed = end.notna() & (end <= pd.Timestamp(as_at))
    days = (end[closed].dt.normalize() - chosen["missing_start"][closed].dt.normalize()).dt.days
    if days.empty:
        return Lengths(0, int((~closed).sum()), None, None)
    return Lengths(int(closed.sum()), int((~closed).sum()), float(days.mean()), float(days.median()))
