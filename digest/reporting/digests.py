"""Putting a month's digest together from the store: profile, the month before, charts and spreadsheet."""

from __future__ import annotations

from dataclasses import replace

from digest.contract.config import Config
from digest.figures.periods import month_key
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.charts import render_chart
from digest.reporting.content import Digest, compute_digest
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import (
    load_earlier_years,
    load_previous_profile,
    load_profile,
    load_year_ago_profile,
)
from digest.reporting.workbook import render_workbook
from digest.store.snapshots import SnapshotStore


def build_digest(
    store: SnapshotStore, config: Config, month: int, snapshot_id: int | None = None, suppress: bool = False
) -> Digest:
    """The digest of a month from a snapshot (default: the latest); with suppress, under disclosure control
    (digest.reporting.disclosure) in every part: figures, highlights, charts and the workbook.

    Raises:
        StoreError, ProfileError: as load_profile does.
    """
    profile = load_profile(store, config, month, snapshot_id)
    previous = load_previous_profile(store, config, profile)
    year_ago = load_year_ago_profile(store, config, profile)
    earlier_years = load_earlier_years(store, config, profile)  # for the trends' 13 months and last year's line
    if suppress:
        profile = suppress_profile(profile)
        previous = suppress_profile(previous) if previous else None
        year_ago = suppress_profile(year_ago) if year_ago else None
        earlier_years = [suppress_profile(year) for year in earlier_years]
    unrecognised = store.load_unrecognised(profile.snapshot.id)
    digest = compute_digest(
        profile,
        previous,
        rows_read=profile.snapshot.rows_read,
        rows_rejected=profile.snapshot.rows_rejected,
        unrecognised_values=int(unrecognised["count"].sum()) if len(unrecognised) else 0,
        year_ago=year_ago,
    )
    chart_data = compute_chart_data(profile, earlier_years)
    return replace(
        digest,
        charts=[render_chart(data) for data in chart_data],
        chart_data=chart_data,
        workbook_name=f"missing-report-{month_key(month)}.xlsx",
        workbook=render_workbook(profile),
    )
