"""Children still missing at an extract's as-at time: the episodes open then, and what they are.

Worked out from a snapshot's episodes (a frame with missing_start, missing_end, care_status and cse_risk),
at ingest from the frame already in memory; the store keeps the result, so a lookup of "still missing"
reads five numbers, not the episodes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

HOUR = dt.timedelta(hours=1)
STILL_MISSING_COLUMNS = ("missing_start", "missing_end", "care_status", "cse_risk")  # all the counts read
AT_CSE_RISK = ("medium", "high")


@dataclass(frozen=True)
class StillMissing:
    """Episodes open at a snapshot's as-at time."""

    count: int
    lac: int
    cse: int
    over_24h: int
    over_72h: int
    longest_start: dt.datetime | None  # when the longest-missing of them went missing


def select_open_episodes(episodes: pd.DataFrame, as_at: dt.datetime) -> pd.DataFrame:
    """The episodes begun by as_at and not ended by then (an end at as_at itself has ended)."""
    start, end = episodes["missing_start"], episodes["missing_end"]
    return episodes[(start <= as_at) & (end.isna() | (end > as_at))]


def compute_still_missing(episodes: pd.DataFrame, as_at: dt.datetime) -> StillMissing:
    """The still-missing counts at as_at."""
    still = select_open_episodes(episodes, as_at)
    starts = still["missing_start"]
    return StillMissing(
        count=len(still),
        lac=int((still["care_status"] == "lac").sum()),
        cse=int(still["cse_risk"].isin(AT_CSE_RISK).sum()),
        over_24h=int((starts <= as_at - 24 * HOUR).sum()),
        over_72h=int((starts <= as_at - 72 * HOUR).sum()),
        longest_start=starts.min().to_pydatetime() if len(still) else None,
    )


def count_open_started_since(episodes: pd.DataFrame, as_at: dt.datetime, since: dt.datetime) -> int:
    """Of the episodes open at as_at, how many began after since."""
    return int((select_open_episodes(episodes, as_at)["missing_start"] > since).sum())
