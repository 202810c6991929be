"""A month's profile: every indicator for each month of its financial year so far, and year-to-date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from digest.contract.config import Config
from digest.figures.absence import Absence, keys_not_in_source
from digest.figures.catalogue import Group, Indicator, build_catalogue, build_groups
from digest.figures.fingerprint import compute_fingerprint
from digest.figures.periods import (
    YTD,
    financial_year_label,
    financial_year_start,
    is_partial,
    month_key,
    month_name,
    parse_month,
)
from digest.figures.small_counts import SUPPRESSED
from digest.store.snapshots import SnapshotInfo, SnapshotStore, available_months, covers_month, first_data_month


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
        """Zero in every column that has data: a row people may skip. A month with no data is neither zero nor a
        reason to show the row, but a row with no data at all is shown, to say so; so is a row not in this source."""
        with_data = [cell for cell in self.values.values() if cell.absence != Absence.NO_DATA]
        return bool(with_data) and all(not c.count and not c.suppressed and c.absence is None for c in with_data)

    @property
    def not_in_source(self) -> bool:
        """The source of the snapshot cannot fill this indicator (every cell says "not in this source")."""
        return any(cell.absence == Absence.NOT_IN_SOURCE for cell in self.values.values())


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

    @property
    def data_starts(self) -> int:
        """The first month with any episode in the snapshot: before it, a month has no data."""
        return first_data_month(self.snapshot)

    @property
    def no_data_columns(self) -> list[str]:
        """The columns with no data at all: months before the data starts, and a year to date wholly before it."""
        return [column for column in self.columns if is_no_data_column(column, self.month, self.data_starts)]

    @property
    def partial_year_to_date(self) -> bool:
        """The year to date starts (in April) before the data does, but the month has data: its figures are from
        the first month of the data only, not the whole year so far."""
        return financial_year_start(self.month) < self.data_starts <= self.month

    def row(self, key: str) -> ProfileRow:
        for row in self.rows:
            if row.indicator.key == key:
                return row
        raise KeyError(key)

    def to_json_dict(self) -> dict[str, Any]:
        """Exactly the object of spec section 5, and where cells have no figure, why (docs/indicators.md, "The JSON
        profile"): "no_data_columns" lists the columns before the data (each cell's count and denominator null),
        "partial_year_to_date" says the year to date starts with the data, not in April, and an indicator the
        source cannot fill carries "not_in_source" (its cells null too)."""
        shown: dict[str, Any] = {"disclosure_control": True} if self.suppressed else {}
        shown |= {
            "month": month_key(self.month),
            "as_at": self.as_at.isoformat(timespec="seconds"),
            "financial_year": self.financial_year,
            "partial_month": self.partial_month,
        }
        no_data = self.no_data_columns
        if no_data or self.partial_year_to_date:
            shown["data_starts"] = month_key(self.data_starts)
        if no_data:
            shown["no_data_columns"] = no_data
        if self.partial_year_to_date:
            shown["partial_year_to_date"] = True
        return shown | {
            "columns": self.columns,
            "indicators": [
                {
                    "ref": row.indicator.ref,
                    "key": row.indicator.key,
                    "label": row.indicator.label,
                    **({"not_in_source": True} if row.not_in_source else {}),
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
    if not covers_month(snapshot, month):
        first, last = available_months(snapshot)
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
    data_starts = first_data_month(snapshot)
    no_data = {column for column in columns if is_no_data_column(column, month, data_starts)}
    not_in_source = keys_not_in_source(snapshot.source_kind)
    rows = [
        ProfileRow(
            indicator,
            {
                column: _absent_cell(indicator.key, column, not_in_source, no_data) or cells[(column, indicator.key)]
                for column in columns
            },
        )
        for indicator in build_catalogue(config)
    ]
    return Profile(month, snapshot, columns, rows, build_groups(config))


NOT_IN_SOURCE_CELL = Cell(None, None, absence=Absence.NOT_IN_SOURCE)
NO_DATA_CELL = Cell(None, None, absence=Absence.NO_DATA)


def _absent_cell(key: str, column: str, not_in_source: frozenset[str], no_data: set[str]) -> Cell | None:
    """The cell that says why there is no figure, or None where there is one. A row the source cannot fill says
    so in every column, months before the data included: that is true of it whatever the month."""
    if key in not_in_source:
        return NOT_IN_SOURCE_CELL
    return NO_DATA_CELL if column in no_data else None


def is_no_data_column(column: str, month: int, data_starts: int) -> bool:
    """Whether a profile column of month has no data: a month before the data starts, or a year to date that
    ends (at month) before it. Months after the as-at time are never columns (load_profile refuses them)."""
    return (month if column == YTD else parse_month(column)) < data_starts


def load_previous_profile(store: SnapshotStore, config: Config, profile: Profile) -> Profile | None:
    """The profile of the month before profile's, from the same snapshot, if the snapshot reaches back to it."""
    first, _ = available_months(profile.snapshot)
    if profile.month - 1 < first:
        return None
    return load_profile(store, config, profile.month - 1, profile.snapshot)


MONTHS_IN_YEAR = 12


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
