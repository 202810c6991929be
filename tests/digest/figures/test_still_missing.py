"""Still missing at an as-at time: begun by then and not ended by then, to the microsecond."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from digest.figures.still_missing import StillMissing, compute_still_missing, count_open_started_since

AS_AT = dt.datetime(2019, 7, 18, 9, 0)


def episodes(*rows: tuple[str, str | None, str, str]) -> pd.DataFrame:
    starts, ends, care, cse = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "missing_start": pd.to_datetime(list(starts), format="ISO8601"),
            "missing_end": pd.to_datetime(list(ends), format="ISO8601"),
            "care_status": list(care),
            "cse_risk": list(cse),
        }
    )


def test_open_episodes_are_counted_with_their_care_status_risk_and_how_long() -> None:
    frame = episodes(
        ("2019-07-14 08:00", None, "lac", "high"),  # 4 days: over 72 hours
        ("2019-07-17 08:00", None, "cin", "medium"),  # 25 hours
        ("2019-07-18 08:00", "2019-07-18 09:00:00.300", "lac", "low"),  # ends 0.3 s after the as-at time
        ("2019-07-18 08:00", "2019-07-18 09:00", "cin", "none"),  # ended at the as-at time itself
        ("2019-07-18 09:00:00.001", None, "lac", "high"),  # begins just after it
    )
    assert compute_still_missing(frame, AS_AT) == StillMissing(
        count=3, lac=2, cse=2, over_24h=2, over_72h=1, longest_start=dt.datetime(2019, 7, 14, 8, 0)
    )
    assert count_open_started_since(frame, AS_AT, dt.datetime(2019, 7, 17)) == 2


def test_none_open_is_a_count_of_nothing() -> None:
    frame = episodes(("2019-07-14 08:00", "2019-07-15 08:00", "lac", "high"))
    assert compute_still_missing(frame, AS_AT) == StillMissing(0, 0, 0, 0, 0, None)
