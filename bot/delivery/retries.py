"""How long to wait before trying a chat service again (exponential backoff, capped), and the progress line
that says so; shared by every platform."""

from __future__ import annotations

import datetime as dt

FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0


def backoff_seconds(attempt: int) -> float:
    """The wait before retry number attempt + 1 (attempt counts from 0)."""
    return float(min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2**attempt))


def describe_seconds(seconds: float) -> str:
    return f"{round(seconds, 1):g} s"


def retry_line(what: str, wait: float, seconds_left: float) -> str:
    """ "Slack did not answer (connection refused); trying again in 4 s, giving up at 09:05:00"."""
    giving_up = dt.datetime.now() + dt.timedelta(seconds=seconds_left)
    return f"{what}; trying again in {describe_seconds(wait)}, giving up at {giving_up:%H:%M:%S}"
