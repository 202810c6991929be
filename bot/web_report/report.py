"""What the web report shows, as plain data: the month's digest, its whole table, every revised cell and the
charts' numbers, all from the core (digest.reporting), under disclosure control when [web] suppress is on."""

from __future__ import annotations

from dataclasses import dataclass

from digest.contract.config import Config
from digest.figures.periods import month_key, month_name
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.commentary import load_section_comments
from digest.reporting.content import ChartData, Digest
from digest.reporting.digests import build_digest, load_revisions
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import (
    Profile,
    load_earlier_years,
    load_profile,
)
from digest.reporting.revisions import Revision
from digest.reporting.workbook import render_workbook
from digest.store.snapshots import SnapshotInfo, SnapshotStore, available_months, first_data_month


@dataclass(frozen=True)
class MonthReport:
    """One month's whole report as the page shows it."""

    digest: Digest  # the headlines, highlights, comments and the revised headline figures
    profile: Profile  # the table: every indicator, every month of the year so far and the year to date
    revisions: list[Revision]  # every figure of the table revised since a digest published it
    charts: list[ChartData]

    def revision_of(self, key: str, column: str) -> Revision | None:
        for revision in self.revisions:
            if revision.key == key and month_key(revision.month) == column:
                return revision
        return None


@dataclass(frozen=True)
class MonthsWithData:
    """The months the latest snapshot has figures for, from the first with any episode to the as-at month."""

    first: int
    last: int
    snapshot: SnapshotInfo

    def __contains__(self, month: int) -> bool:
        return self.first <= month <= self.last

    def newest_first(self) -> list[int]:
        return list(range(self.last, self.first - 1, -1))

    def describe(self) -> str:
        """ "April 2018 to June 2019"."""
        if self.first == self.last:
            return month_name(self.first)
        return f"{month_name(self.first)} to {month_name(self.last)}"


def load_months_with_data(store: SnapshotStore) -> MonthsWithData | None:
    """None when the store holds no snapshot yet.

    Raises:
        StoreError: the store cannot be read.
    """
    if not store.list_snapshots():
        return None
    snapshot = store.get_snapshot()
    _, last = available_months(snapshot)
    return MonthsWithData(first_data_month(snapshot), last, snapshot)


def _profiles(
    store: SnapshotStore, config: Config, month: int, snapshot: SnapshotInfo, suppress: bool
) -> tuple[Profile, Profile]:
    """The month's exact profile, and the one shown (under disclosure control with suppress)."""
    exact = load_profile(store, config, month, snapshot)
    return exact, suppress_profile(exact) if suppress else exact


def load_month_report(
    store: SnapshotStore, config: Config, month: int, snapshot: SnapshotInfo, suppress: bool
) -> MonthReport:
    """The month's report from the snapshot (the latest, which the months with data were read from).

    Raises:
        StoreError, ProfileError: as load_profile does.
    """
    exact, shown = _profiles(store, config, month, snapshot, suppress)
    earlier = load_earlier_years(store, config, exact)
    digest = build_digest(store, config, month, snapshot.id, suppress=suppress, files=False)
    return MonthReport(
        digest=digest,
        profile=shown,
        revisions=load_revisions(store, config, exact, shown),
        charts=compute_chart_data(shown, [suppress_profile(p) for p in earlier] if suppress else earlier),
    )


def render_month_workbook(
    store: SnapshotStore, config: Config, month: int, snapshot: SnapshotInfo, suppress: bool
) -> bytes:
    """The month's full table as the XLSX the digest carries, under the page's disclosure control."""
    exact, shown = _profiles(store, config, month, snapshot, suppress)
    revisions = load_revisions(store, config, exact, shown)
    return render_workbook(shown, revisions, load_section_comments(store, month))
