"""Synthetic episode extracts for the demo and the benchmarks: realistic in shape, about no real person.

Shaped like the reference report: at the default size about 120 episodes and 55 children a month,
most of them 13 or older, most back within a day, about 60% looked after, a few children going
missing again and again. Children are drawn from a population whose missing rates are heavy-tailed
(a gamma distribution), which is what gives the repeat-missing figures their shape.
Ids are "DEMO-" numbers; dates of birth are made up. Everything is vectorised with numpy, so a
million episodes take seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from digest.figures.periods import month_index, month_start

EPISODES_PER_MONTH = 120
POPULATION_PER_EPISODE_PER_MONTH = 1.6  # children who could go missing, per monthly episode
RATE_SHAPE = 0.35  # gamma shape of each child's missing rate: lower means more repeat missing

ETHNICITY_MIX = {
    "A1 - White British": 0.62,
    "A2 - White Irish": 0.005,
    "A3 - Any other White background": 0.02,
    "A5 - Gypsy / Roma": 0.10,
    "B1 - White and Black Caribbean": 0.02,
    "B2 - White and Black African": 0.01,
    "B3 - White and Asian": 0.01,
    "B4 - Any other mixed background": 0.05,
    "C2 - Pakistani": 0.04,
    "C4 - Any other Asian background": 0.015,
    "D2 - African": 0.02,
    "E2 - Any other ethnic group": 0.01,
    "E3 - Refused": 0.005,
    "": 0.075,
}
OTHER_STATUS_MIX = {"Early Help": 0.2, "CIN": 0.2, "CPP": 0.12, "Care Leaver": 0.03, "Not a client": 0.45}
CSE_MIX = {"": 0.45, "None": 0.25, "Low": 0.18, "Medium": 0.08, "High": 0.04}
DURATION_DAYS_MIX = {0: 0.43, 1: 0.44, 2: 0.05, 3: 0.025, 4: 0.013, 5: 0.005, 7: 0.01, 12: 0.017}
AGE_MIX = {7: 0.01, 9: 0.01, 10: 0.03, 11: 0.1, 12: 0.12, 13: 0.2, 14: 0.22, 15: 0.17, 16: 0.14}
DISTANCE_MILES_MIX = {5: 0.3, 15: 0.3, 25: 0.04, 35: 0.2, 45: 0.05, 65: 0.04, 75: 0.02, 120: 0.05}


@dataclass(frozen=True)
class DemoShape:
    first_month: int  # month index
    months: int
    episodes: int
    seed: int = 2019


def default_shape(as_at: dt.datetime, months: int = 15, seed: int = 2019) -> DemoShape:
    """A year and a quarter of episodes ending at the as-at month, at the reference report's size."""
    last = month_index(as_at.year, as_at.month)
    return DemoShape(last - months + 1, months, EPISODES_PER_MONTH * months, seed)


def _pick(rng: np.random.Generator, mix: Mapping[Any, float], size: int) -> np.ndarray:
    values = list(mix)
    weights = np.array(list(mix.values()), dtype=float)
    return np.array(values, dtype=object)[rng.choice(len(values), size=size, p=weights / weights.sum())]


def generate_extract(shape: DemoShape, as_at: dt.datetime, with_flaws: bool = True) -> pd.DataFrame:
    """A synthetic extract as the case-management system would export it: every value text.

    with_flaws adds the few mistakes real extracts carry (a repeated episode id, a return
    recorded before the start, a care status and a gender the config does not know), so the
    demo shows what the ingest report says about them.
    """
    rng = np.random.default_rng(shape.seed)
    per_month = shape.episodes / shape.months
    population = max(10, int(per_month * POPULATION_PER_EPISODE_PER_MONTH))

    # The children: who they are, and how often each goes missing.
    looked_after = rng.random(population) < 0.15
    rate = rng.gamma(RATE_SHAPE, 1.0, population) * np.where(looked_after, 8.0, 1.0)
    child_gender = _pick(rng, {"Female": 0.46, "Male": 0.53, "": 0.01}, population)
    child_ethnicity = _pick(rng, ETHNICITY_MIX, population)
    child_cse = _pick(rng, CSE_MIX, population)
    child_status = _pick(rng, OTHER_STATUS_MIX, population)
    child_other_la = rng.random(population) < 0.45
    child_distance = _pick(rng, DISTANCE_MILES_MIX, population).astype(float) + rng.uniform(-4.9, 4.9, population)
    age_at_first = _pick(rng, AGE_MIX, population).astype(int)
    first_day = month_start(shape.first_month)
    born = (
        pd.Timestamp(first_day)
        - pd.to_timedelta(age_at_first * 365.25, unit="D")
        - pd.to_timedelta(rng.integers(0, 365, population), unit="D")
    ).normalize()

    # The episodes: which child, when, for how long.
    n = shape.episodes
    child = rng.choice(population, size=n, p=rate / rate.sum())
    # Starts run to the end of the last month, or to the as-at time when that comes first.
    last_moment = min(pd.Timestamp(month_start(shape.first_month + shape.months)), pd.Timestamp(as_at))
    span = (last_moment - pd.Timestamp(first_day)).total_seconds()
    start = pd.Timestamp(first_day) + pd.to_timedelta(np.sort(rng.uniform(0, span, n)).astype("int64"), unit="s")
    start = start.floor("min")
    days = _pick(rng, DURATION_DAYS_MIX, n).astype(int)
    end = start.normalize() + pd.to_timedelta(days, unit="D") + pd.to_timedelta(rng.integers(0, 1440, n), unit="m")
    end = pd.DatetimeIndex(np.where(days == 0, start + pd.to_timedelta(rng.integers(30, 240, n), unit="m"), end))
    as_at_ts = pd.Timestamp(as_at)
    still_out = end > as_at_ts

    status = np.where(looked_after[child] & (rng.random(n) < 0.97), "LAC", child_status[child])
    is_lac = status == "LAC"
    offered = _pick(rng, {"Yes": 0.8, "No": 0.12, "N/A": 0.08}, n)
    accepted = np.where(offered == "Yes", _pick(rng, {"Yes": 0.9, "No": 0.1}, n), "")
    lag = _pick(rng, {0: 0.2, 1: 0.35, 2: 0.2, 3: 0.1, 6: 0.1, 10: 0.05}, n).astype(int)
    completed_at = end.normalize() + pd.to_timedelta(lag, unit="D")
    done = (accepted == "Yes") & ~still_out & (completed_at <= as_at_ts) & (rng.random(n) < 0.95)

    frame = pd.DataFrame(
        {
            "Episode ID": [f"EP{i:07d}" for i in range(1, n + 1)],
            "Child ID": [f"DEMO-{c:06d}" for c in child],
            "Missing Start": start.strftime("%Y-%m-%d %H:%M"),
            "Missing End": np.where(still_out, "", end.strftime("%Y-%m-%d %H:%M")),
            "Gender": child_gender[child],
            "DOB": born[child].strftime("%d/%m/%Y"),
            "Ethnicity": child_ethnicity[child],
            "Care Status": status,
            "Other LA": np.where((status == "Not a client") & child_other_la[child], "Y", "N"),
            "CSE Risk": child_cse[child],
            "Placement Distance": np.where(is_lac, np.round(child_distance[child], 1).astype(str), ""),
            "RHI Offered": np.where(still_out, "", offered),
            "RHI Accepted": np.where(still_out, "", accepted),
            "RHI Completed": np.where(done, completed_at.strftime("%d/%m/%Y"), ""),
        }
    )
    if with_flaws and len(frame) > FLAW_ROWS[-1]:
        _add_flaws(frame)
    return frame


FLAW_ROWS = (10, 20, 30, 40)  # rows given a mistake each


def _add_flaws(frame: pd.DataFrame) -> None:
    repeat, backwards, status, gender = FLAW_ROWS
    ids, starts, ends = frame["Episode ID"].to_numpy(), frame["Missing Start"], frame["Missing End"].to_numpy()
    ids[repeat] = ids[repeat - 1]
    ends[backwards] = (pd.Timestamp(str(starts.iloc[backwards])) - pd.Timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    frame["Episode ID"], frame["Missing End"] = ids, ends
    frame.loc[frame.index == status, "Care Status"] = "Foster Care"
    frame.loc[frame.index == gender, "Gender"] = "U"
