"""Computing every indicator of spec section 3 for every month and every year-to-date at once.

The result is a long table (month, scope, key, count, denominator) covering each month from the
April before the first episode to the as-at month, in two scopes: "month" (episodes starting in
that month) and "ytd" (episodes from 1 April of its financial year to the end of that month, taken
as one period, so distinct children are distinct over the whole period). It is computed once per
snapshot and stored, so a profile of any month is a lookup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from digest.contract.config import Config
from digest.contract.deadlines import compute_deadlines
from digest.figures.catalogue import (
    AGES,
    DISTANCE_BANDS,
    DURATION_DAYS,
    MAX_RECORDED_AGE_YEARS,
    RHI_ANSWER_RECORDED,
    RHI_OFFER_RECORDED,
    STATUSES,
    Indicator,
    build_catalogue,
    distance_key,
)
from digest.figures.periods import MONTH, YTD, financial_year_starts, month_indexes, month_of

REPEAT_THRESHOLD = 3  # "3 or more episodes in the reporting period"
CSE_AT_RISK = ("medium", "high")
CATEGORY_COLUMNS = ("gender", "ethnicity", "care_status", "other_la", "cse_risk", "rhi_offered", "rhi_accepted")


def compute_indicator_table(episodes: pd.DataFrame, as_at: dt.datetime, config: Config) -> pd.DataFrame:
    """All indicators for every month and year-to-date covered by the episodes.

    Args:
        episodes: accepted episodes as digest.intake.episodes.EpisodeBuilder returns them.
        as_at: the snapshot's as-at time; every figure is as at it.
        config: for the ethnicity codes, BME groups and RHI deadline rule.

    Returns:
        A DataFrame with columns month (month index), scope ("month"/"ytd"), key, count and
        denominator (nullable integers; both null for month-only indicators in the ytd scope).
    """
    catalogue = build_catalogue(config)
    frame = episodes.assign(
        month=month_indexes(episodes["missing_start"]).astype("int64"),
        # Compared with each of their keys many times over: codes compare far faster than text.
        **{column: episodes[column].astype("category") for column in CATEGORY_COLUMNS},
        # Children are only told apart, so a number per child does (grouped by six times over).
        child_id=pd.factorize(episodes["child_id"])[0],
    )
    last = month_of(as_at)
    first = int(frame["month"].min()) if len(frame) else last
    months = pd.RangeIndex(int(financial_year_starts(pd.Series([first]))[0]), last + 1)
    fy_of = financial_year_starts(pd.Series(months, index=months))

    flags, one_hot = _episode_flags(frame, as_at, config)
    episode_counts = _count_flags(flags, one_hot, frame["month"], months)
    month_children, ytd_children = _children_counts(frame, months, fy_of)
    per_month = pd.concat([episode_counts, month_children], axis=1)
    ytd = pd.concat([episode_counts.groupby(fy_of).cumsum(), ytd_children], axis=1)
    return _to_long(per_month, ytd, catalogue)


def _episode_flags(
    frame: pd.DataFrame, as_at: dt.datetime, config: Config
) -> tuple[dict[str, pd.Series], list[OneHot]]:
    """One boolean column per episode-count indicator (and per internal denominator); and the indicators that
    are one category each of a column (care status, gender, ethnicity), which are counted from the codes."""
    as_at_ts = pd.Timestamp(as_at)
    start, end = frame["missing_start"], frame["missing_end"]
    flags: dict[str, pd.Series] = {
        "episodes.all": pd.Series(True, index=frame.index),
        "episodes.lac": frame["care_status"] == "lac",
        "episodes.cse": frame["cse_risk"].isin(CSE_AT_RISK),
    }

    # Days missing: only episodes that had ended by the as-at time.
    returned = end.notna() & (end <= as_at_ts)
    days = (end.dt.normalize() - start.dt.normalize()).dt.days.where(returned)
    for n in DURATION_DAYS:
        flags[f"duration.{n}"] = days == n
    flags["duration.gt5"] = days > DURATION_DAYS[-1]
    # Still missing at the end of its month: no end, or an end date after the month's last day. For
    # the month the as-at time falls in, "the end of the month" has not come: open at the as-at time.
    following = frame["month"] + 1
    month_end = pd.to_datetime(
        pd.DataFrame({"year": following // 12, "month": following % 12 + 1, "day": 1}), errors="raise"
    ).astype("datetime64[us]")
    partial = month_end > as_at_ts
    flags["duration.still_missing"] = end.isna() | np.where(partial, end > as_at_ts, end >= month_end)

    flags.update(_rhi_flags(frame, as_at_ts, config))
    one_hot = [OneHot(frame["care_status"], [key for key, _ in STATUSES] + ["unrecognised"], "status")]
    flags["status.other_la"] = (frame["care_status"] == "not_a_client") & (frame["other_la"] == "yes")
    one_hot.append(OneHot(frame["gender"], ["female", "male", "other"], "gender"))
    codes = [code for code, _ in config.ethnicity.codes]
    one_hot.append(OneHot(frame["ethnicity"], [*codes, "unrecognised"], "ethnicity"))
    flags["ethnicity.bme"] = frame["ethnicity"].isin(config.ethnicity.bme)
    flags.update(_age_flags(start, frame["date_of_birth"]))
    flags.update(_distance_flags(frame["placement_distance_miles"], flags["episodes.lac"]))
    return flags, one_hot


def _rhi_flags(frame: pd.DataFrame, as_at: pd.Timestamp, config: Config) -> dict[str, pd.Series]:
    offered, accepted = frame["rhi_offered"], frame["rhi_accepted"]
    is_offered = offered == "yes"
    is_accepted = is_offered & (accepted == "yes")
    completed = frame["rhi_completed"]
    deadline, expires = compute_deadlines(frame["missing_end"], config.rhi_deadline)
    done = completed.notna()
    # An interview recorded before any return is known cannot be late: it counts as in time.
    in_time = is_accepted & done & (deadline.isna() | (completed <= deadline))
    late = is_accepted & ((done & (completed > deadline)) | (~done & (expires <= as_at)))
    return {
        RHI_OFFER_RECORDED: offered.isin(("yes", "no")),
        "rhi.offered": is_offered,
        RHI_ANSWER_RECORDED: is_offered & accepted.isin(("yes", "no")),
        "rhi.accepted": is_accepted,
        "rhi.completed_in_time": in_time,
        "rhi.not_completed_in_time": late,
        "rhi.pending": is_accepted & ~in_time & ~late,
    }


@dataclass(frozen=True)
class OneHot:
    """The indicators prefix.key, each counting the episodes whose values (a category column) equal key."""

    values: pd.Series
    keys: list[str]
    prefix: str

    def count(self, position: np.ndarray, months: int) -> dict[str, np.ndarray]:
        """Each key's episodes per month position: one count over (month, key) pairs, from the codes."""
        at = {key: i for i, key in enumerate(self.keys)}
        key_of_code = np.array([at.get(category, -1) for category in self.values.cat.categories] + [-1])
        key = key_of_code[self.values.cat.codes.to_numpy()]  # a missing value's code, -1, takes the last: none
        known = key >= 0
        pairs = np.bincount(position[known] * len(self.keys) + key[known], minlength=months * len(self.keys))
        table = pairs.reshape(months, len(self.keys))
        return {f"{self.prefix}.{name}": table[:, i] for i, name in enumerate(self.keys)}


def is_birth_recorded(start: pd.Series, born: pd.Series) -> pd.Series:
    """Whether a date of birth is recorded (spec section 1): read, not after the start date, and not more
    than MAX_RECORDED_AGE_YEARS before it (0001-01-01 or 1900-01-01 is a placeholder, not an age)."""
    start_day, born_day = start.dt.normalize(), born.dt.normalize()
    earliest = start_day - pd.DateOffset(years=MAX_RECORDED_AGE_YEARS)
    recorded: pd.Series = born_day.notna() & (born_day <= start_day) & (born_day >= earliest)
    return recorded


def _age_flags(start: pd.Series, born: pd.Series) -> dict[str, pd.Series]:
    """Age in whole years on the start date: a child is a year older on their birthday itself. A date of
    birth that is not recorded puts the episode in age.not_recorded, never in an age band."""
    recorded = is_birth_recorded(start, born)
    before_birthday = (start.dt.month < born.dt.month) | (
        (start.dt.month == born.dt.month) & (start.dt.day < born.dt.day)
    )
    age = (start.dt.year - born.dt.year - before_birthday.astype("int64")).where(recorded)
    flags = {"age.under_10": age < AGES[0]}
    flags.update({f"age.{years}": age == years for years in AGES})
    flags["age.17_plus"] = age > AGES[-1]
    flags["age.not_recorded"] = ~recorded
    return flags


def _distance_flags(miles: pd.Series, is_lac: pd.Series) -> dict[str, pd.Series]:
    """LAC episodes by placement distance: 0_10 holds d <= 10, 11_20 holds 10 < d <= 20, ..."""
    band = np.ceil(miles / 10).clip(lower=1)  # 10 -> 1, 10.4 -> 2, 100 -> 10, 100.5 -> 11
    flags = {distance_key(upper): is_lac & (band == upper // 10) for upper in DISTANCE_BANDS}
    flags["distance.101_plus"] = is_lac & (band > DISTANCE_BANDS[-1] // 10)
    flags["distance.not_recorded"] = is_lac & miles.isna()
    return flags


def _count_flags(
    flags: dict[str, pd.Series], one_hot: list[OneHot], month: pd.Series, months: pd.RangeIndex
) -> pd.DataFrame:
    """Episodes flagged, per month. bincount over month positions: no int copy of a million-row table."""
    position = (month - months.start).to_numpy()
    counts: dict[str, np.ndarray] = {}
    for group in one_hot:
        counts.update(group.count(position, len(months)))
    counts.update(  # after the groups: a flag of the same name wins, as it did when it was set after them
        {key: np.bincount(position[flag.to_numpy(dtype=bool)], minlength=len(months)) for key, flag in flags.items()}
    )
    return pd.DataFrame(counts, index=months)


def _children_counts(frame: pd.DataFrame, months: pd.RangeIndex, fy_of: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Distinct children, and children with 3+ episodes, for all, LAC and CSE-risk episodes: per month, and
    year to date (both from one count of each child's episodes per month)."""
    subsets = {
        "all": np.ones(len(frame), dtype=bool),
        "lac": (frame["care_status"] == "lac").to_numpy(dtype=bool),
        "cse": frame["cse_risk"].isin(CSE_AT_RISK).to_numpy(dtype=bool),
    }
    position = (frame["month"] - months.start).to_numpy(dtype=np.int64)  # months since the first
    child = frame["child_id"].to_numpy(dtype=np.int64)
    fy_position = (fy_of - months.start).to_numpy(dtype=np.int64)
    columns: dict[str, dict[str, np.ndarray]] = {MONTH: {}, YTD: {}}
    for name, mask in subsets.items():
        # Each child's episodes per month: one number per (child, month), counted; sorted by child, then month.
        pairs, episodes = np.unique(child[mask] * len(months) + position[mask], return_counts=True)
        month = pairs % len(months)
        columns[MONTH][f"children.{name}"] = _per_month(month, len(months))
        columns[MONTH][f"children.3plus.{name}"] = _per_month(month[episodes >= REPEAT_THRESHOLD], len(months))
        appears, reached = _year_to_date_children(pairs // len(months), month, fy_position[month], episodes)
        columns[YTD][f"children.{name}"] = _per_month(appears, len(months))
        columns[YTD][f"children.3plus.{name}"] = _per_month(reached, len(months))
    per_month, ytd = (pd.DataFrame(columns[scope], index=months) for scope in (MONTH, YTD))
    return per_month, ytd.groupby(fy_of).cumsum()


def _per_month(month_positions: np.ndarray, months: int) -> np.ndarray:
    return np.bincount(month_positions, minlength=months).astype(np.int64)


def _year_to_date_children(
    child: np.ndarray, month: np.ndarray, year: np.ndarray, episodes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The months in which each child first appears, and first reaches 3 episodes, in each financial year
    (from each child's episodes per month, sorted by child, then month). The cumulative sums of these over
    the financial year are the year-to-date counts."""
    first = np.ones(len(child), dtype=bool)  # a child's first month in a financial year
    first[1:] = (child[1:] != child[:-1]) | (year[1:] != year[:-1])
    total = np.cumsum(episodes)
    starts = np.flatnonzero(first)
    before_year = np.repeat((total - episodes)[starts], np.diff(np.append(starts, len(child))))
    running = total - before_year  # the child's episodes in the year, up to and including this month
    reached = (running >= REPEAT_THRESHOLD) & (running - episodes < REPEAT_THRESHOLD)
    return month[first], month[reached]


def _to_long(per_month: pd.DataFrame, ytd: pd.DataFrame, catalogue: list[Indicator]) -> pd.DataFrame:
    """One row per scope, indicator and month (in that order), from the two wide tables: whole columns at a time."""
    months = per_month.index.to_numpy()
    keys = [indicator.key for indicator in catalogue]
    no_denominator = np.array([not indicator.denominator for indicator in catalogue])
    parts = []
    for scope, table in ((MONTH, per_month), (YTD, ytd)):
        counts = table[keys].to_numpy(dtype="int64").T  # indicators by months
        denominators = np.stack(
            [
                table[indicator.denominator].to_numpy(dtype="int64")
                if indicator.denominator
                else np.zeros(len(months), dtype="int64")
                for indicator in catalogue
            ]
        )
        absent = np.repeat([scope == YTD and indicator.month_only for indicator in catalogue], len(months))
        no_ratio = absent | np.repeat(no_denominator, len(months))
        parts.append(
            pd.DataFrame(
                {
                    "month": np.tile(months, len(keys)),
                    "scope": scope,
                    "key": np.repeat(np.array(keys, dtype=object), len(months)),
                    # Floats, NaN where there is no figure: as nullable integers' to_numpy() gives them.
                    "count": np.where(absent, np.nan, counts.ravel()),
                    "denominator": np.where(no_ratio, np.nan, denominators.ravel()),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)
