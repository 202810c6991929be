"""Putting a month's digest together from the store: profile, the month before, comments, charts and spreadsheet."""

from __future__ import annotations

from dataclasses import replace

from digest.contract.config import Config
from digest.figures.periods import YTD, month_key, parse_month
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.charts import render_chart
from digest.reporting.commentary import load_section_comments
from digest.reporting.content import HEADLINE_KEYS, RATE_KEYS, Digest, compute_digest
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import (
    Profile,
    load_earlier_years,
    load_previous_profile,
    load_profile,
    load_year_ago_profile,
)
from digest.reporting.revisions import Revision, compute_revisions, disclose_revisions, list_shown_figures
from digest.reporting.workbook import render_workbook
from digest.store.published_figures import load_last_published
from digest.store.snapshots import SnapshotInfo, SnapshotStore


def name_workbook(month: int) -> str:
    """The full table's file name: missing-report-2019-06.xlsx."""
    return f"missing-report-{month_key(month)}.xlsx"


def build_digest(
    store: SnapshotStore,
    config: Config,
    month: int,
    snapshot_id: SnapshotInfo | int | None = None,
    suppress: bool = False,
    files: bool = True,
) -> Digest:
    """The digest of a month from a snapshot (default: the latest); with suppress, under disclosure control
    (digest.reporting.disclosure) in every part: figures, highlights, charts and the workbook. Without files,
    only the message's content: no charts or workbook (drawing them is most of the time taken). The snapshot
    may be given as one already looked up, as load_profile takes it.

    Raises:
        StoreError, ProfileError: as load_profile does.
    """
    profile = load_profile(store, config, month, snapshot_id)
    exact = profile
    previous = load_previous_profile(store, config, profile)
    year_ago = load_year_ago_profile(store, config, profile)
    if suppress:
        profile = suppress_profile(profile)
        previous = suppress_profile(previous) if previous else None
        year_ago = suppress_profile(year_ago) if year_ago else None
    comments = load_section_comments(store, month)
    unrecognised = store.load_unrecognised(profile.snapshot.id)
    digest = compute_digest(
        profile,
        previous,
        rows_read=profile.snapshot.rows_read,
        rows_rejected=profile.snapshot.rows_rejected,
        unrecognised_values=int(unrecognised["count"].sum()) if len(unrecognised) else 0,
        year_ago=year_ago,
    )
    revisions = load_revisions(store, config, exact, profile)
    digest = replace(
        digest,
        revisions=[r for r in revisions if r.key in HEADLINE_KEYS],
        revised_cells=len(revisions),
        figures=list(list_shown_figures(exact, profile)),
        comments=comments,
    )
    if not files:
        return digest
    earlier_years = load_earlier_years(store, config, exact)  # for the trends' 13 months and last year's line
    if suppress:
        earlier_years = [suppress_profile(year) for year in earlier_years]
    chart_data = compute_chart_data(profile, earlier_years)
    return replace(
        digest,
        charts=[render_chart(data) for data in chart_data if data.absence is None],  # left out: no figures
        chart_data=chart_data,
        workbook_name=name_workbook(month),
        workbook=render_workbook(profile, revisions, comments),
    )


def load_revisions(store: SnapshotStore, config: Config, exact: Profile, shown: Profile) -> list[Revision]:
    """The figures of exact's months revised since earlier months' digests published them, as shown may tell
    them (shown: exact, or its suppressed profile)."""
    months = [parse_month(column) for column in exact.columns if column != YTD]
    published = load_last_published(store, months, before_digest=exact.month)
    return disclose_revisions(compute_revisions(exact, published, config.revision_threshold, RATE_KEYS), shown)
