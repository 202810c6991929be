"""A month's profile: every indicator for each month of its financial year so far, and year-to-date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from digest.contract.config import Config
from digest.figures.absence import Absence
from digest.figures.catalogue import Group, Indicator, build_catalogue, build_groups
from digest.figures.fingerprint import compute_fingerprint
from digest.figures.periods import (
    YTD,
    financial_year_label,
    financial_year_start,
    is_partial,
    month_key,
    month_name,
    month_of,
    parse_month,
)
from digest.figures.small_counts import SUPPRESSED
from digest.store.snapshots import SnapshotInfo, SnapshotStore


class ProfileError(Exception):
    """A profile that cannot be made (a month outside the data); the message names the months there are."""


class StaleFiguresError(ProfileError):
    """The snapshot's stored figures were computed under other settings; refresh_figures recomputes them."""


@dataclass(frozen=True)
class Cell:
    count: int | None
    denominator: int | None  # None also where disclosure control hides it (a suppressed base)
    suppressed: bool = False  # withheld by disclosure control: shown as "c", count and denominator None
    absence: Absence | None = None  # no figure at all, and why: its words stand in for count and percentage

    def describe_count(self) -> str:
        """The count as a person reads it: "c" when suppressed, the absence's words where there is no figure,
        "" when there is none."""
        if self.absence is not None:
            return str(self.absence)
        if self.suppressed:
            return SUPPRESSED
        return "" if self.count is None else str(self.count)


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    values: dict[str, Cell]  # column ("2019-04", ..., "ytd") -> cell

    def is_zero(self) -> bool:
        return all(not cell.count and not cell.suppressed and cell.absence is None for cell in self.values.values())


@dataclass(frozen=True)
class Profile:
    month: int
    snapshot: SnapshotInfo
    columns: list[str]
    rows: list[ProfileRow]
    groups: dict[str, Group]  # the breakdowns, as the catalogue and the config define them
    suppressed: bool = False  # disclosure control applied (digest.reporting.disclosure)

    @property
    def as_at(self) -> dt.datetime:
        return self.snapshot.as_at

    @property
    def partial_month(self) -> bool:
        return is_partial(self.month, self.as_at)

    @property
    def financial_year(self) -> str:
        return financial_year_label(self.month)

    def row(self, key: str) -> ProfileRow:
        for row in self.rows:
            if row.indicator.key == key:
                return row
        raise KeyError(key)

    def to_json_dict(self) -> dict[str, Any]:
        """Exactly the object of spec section 5."""
        shown: dict[str, Any] = {"disclosure_control": True} if self.suppressed else {}
        return shown | {
            "month": month_key(self.month),
            "as_at": self.as_at.isoformat(timespec="seconds"),
            "financial_year": self.financial_year,
            "partial_month": self.partial_month,
            "columns": self.columns,
            "indicators": [
                {
                    "ref": row.indicator.ref,
                    "key": row.indicator.key,
                    "label": row.indicator.label,
                    "values": {
                        column: {
                            "count": SUPPRESSED if cell.suppressed else cell.count,
                            "denominator": cell.denominator,
                        }
                        for column, cell in row.values.items()
                    },
                }
                for row in self.rows
            ],
        }


def available_months(snapshot: SnapshotInfo) -> tuple[int, int]:
    """The first and last month a profile can be made for from this snapshot."""
    return financial_year_start(first_data_month(snapshot)), month_of(snapshot.as_at)


def load_profile(
    store: SnapshotStore, config: Config, month: int, snapshot: SnapshotInfo | int | None = None
) -> Profile:
    """The profile of a month from a snapshot (one already looked up, an id, or by default the latest).

    Reading never writes: figures stored under other settings raise StaleFiguresError rather than
    being recomputed here (digest.intake.refresh does that, as a step of its own).

    Raises:
        StoreError: no such snapshot, or none at all.
        ProfileError: the month is outside what the snapshot covers.
        StaleFiguresError: the config's ethnicity groups or RHI rule changed since the figures were computed.
    """
    if not isinstance(snapshot, SnapshotInfo):
        snapshot = store.get_snapshot(snapshot)
    first, last = available_months(snapshot)
    if not first <= month <= last:
        raise ProfileError(
            f"snapshot {snapshot.id} (as at {snapshot.as_at:%d/%m/%Y %H:%M}) has no figures for {month_name(month)}; "
            f"choose a month from {month_key(first)} to {month_key(last)}"
        )
    if snapshot.indicators_fingerprint != compute_fingerprint(config) and snapshot.pruned_at is not None:
        raise StaleFiguresError(
            f"the figures of snapshot {snapshot.id} were computed before the ethnicity groups, the RHI rule or "
            "missing-report's own figure definitions changed, and the snapshot was pruned (its rows deleted), so "
            "they cannot be recomputed; ask of a later snapshot (--snapshot; `missing-report snapshots` lists them)"
        )
    if snapshot.indicators_fingerprint != compute_fingerprint(config):
        raise StaleFiguresError(
            f"the figures of snapshot {snapshot.id} were computed before the ethnicity groups or the RHI rule "
            "changed in the config; run `missing-report refresh` to recompute them"
        )
    months = list(range(financial_year_start(month), month + 1))
    stored = store.load_indicators(snapshot.id, months, month)
    cells = {
        (YTD if scope == YTD else stored_month, key): Cell(count, denominator)
        for scope, stored_month, key, count, denominator in stored
    }
    columns = [month_key(m) for m in months] + [YTD]
    rows = [
        ProfileRow(indicator, {column: cells[(column, indicator.key)] for column in columns})
        for indicator in build_catalogue(config)
    ]
    return Profile(month, snapshot, columns, rows, build_groups(config))


def load_previous_profile(store: SnapshotStore, config: Config, profile: Profile) -> Profile | None:
    """The profile of the month before profile's, from the same snapshot, if the snapshot reaches back to it."""
    first, _ = available_months(profile.snapshot)
    if profile.month - 1 < first:
        return None
    return load_profile(store, config, profile.month - 1, profile.snapshot)


MONTHS_IN_YEAR = 12


def first_data_month(snapshot: SnapshotInfo) -> int:
    """The first month with episodes in the snapshot: before it, a count is unknown, not zero."""
    return parse_month(snapshot.first_month) if snapshot.first_month else month_of(snapshot.as_at)


def is_year_to_date_complete(profile: Profile) -> bool:
    """Whether the snapshot's data covers the profile's whole year to date (from April), so it can be compared."""
    return financial_year_start(profile.month) >= first_data_month(profile.snapshot)


def load_year_ago_profile(store: SnapshotStore, config: Config, profile: Profile) -> Profile | None:
    """The profile of the same month a year before, from the same snapshot, if the snapshot's data reaches back
    to that month; otherwise None (a month before the data is unknown, not zero)."""
    year_ago = profile.month - MONTHS_IN_YEAR
    if year_ago < first_data_month(profile.snapshot):
        return None
    return load_profile(store, config, year_ago, profile.snapshot)


TREND_YEARS_BACK = 2  # a 13-month trend and its year-ago line reach into the two financial years before


def load_earlier_years(store: SnapshotStore, config: Config, profile: Profile) -> list[Profile]:
    """The whole-year profiles (to March) of the financial years before profile's, most recent first, as far back
    as a 13-month trend and its year-ago line reach and the snapshot's data goes (none before the data)."""
    start = financial_year_start(profile.month)
    first = first_data_month(profile.snapshot)
    marches = [start - 1 - MONTHS_IN_YEAR * years for years in range(TREND_YEARS_BACK)]
    return [load_profile(store, config, march, profile.snapshot) for march in marches if march >= first]
