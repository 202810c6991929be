"""The digest's charts as plain numbers (ChartData): what each chart shows, decided once for every chat tool.

charts.py draws them as PNGs for Slack; a chat tool that draws its own charts (Teams) takes the numbers.
The month's "Missing Profile" (days missing, RHI in time, ethnicity, BME, age, gender, case type) comes
from the catalogue's breakdown groups, so a council's own ethnicity codes and BME grouping are charted
as its config says; then the financial year's trends (all vs LAC; RHI).
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.figures.catalogue import DENOMINATOR_NOUNS, GroupRow
from digest.figures.periods import YTD, month_key, month_label, parse_month
from digest.reporting.content import ChartData, Series
from digest.reporting.profile import Cell, Profile

PROFILE = "profile"  # a chart of the month
TRENDS = "trends"  # a chart of the financial year, month by month
# The month's profile page, in order: (chart name, breakdown group, heading).
PROFILE_CHARTS = (
    ("days-missing", "duration", "Number of days missing"),
    ("rhi-in-time", "rhi", "Return home interviews completed in time"),
    ("ethnicity", "ethnicity", "Ethnicity"),
    ("bme", "bme", "BME summary"),
    ("age", "age", "Age"),
    ("gender", "gender", "Gender"),
    ("case-type", "status", "% by case type"),
)
TREND_CHARTS = (  # (name, heading, [(key, series label)])
    ("trend-episodes", "Missing episodes", [("episodes.all", "All"), ("episodes.lac", "LAC")]),
    ("trend-children", "Children missing", [("children.all", "All"), ("children.lac", "LAC")]),
    ("trend-3plus", "Children with 3+ episodes", [("children.3plus.all", "All"), ("children.3plus.lac", "LAC")]),
    ("trend-rhi", "Return home interviews", [("rhi.offered", "Offered"), ("rhi.accepted", "Accepted")]),
    (
        "trend-rhi-in-time",
        "Return home interviews completed in time",
        [("rhi.completed_in_time", "In time"), ("rhi.not_completed_in_time", "Not in time")],
    ),
)


def add_cells(cells: Sequence[Cell]) -> int | None:
    """A bar adding up indicators: None (withheld) if any of them is, since the sum would give it away."""
    if any(cell.suppressed for cell in cells):
        return None
    return sum(cell.count or 0 for cell in cells)


def label_bar(profile: Profile, group_name: str, row: GroupRow) -> str:
    """An ethnicity code is charted with its label ("A1 White British"), so a manager need not look it up."""
    if group_name == "ethnicity" and row.keys[0] != "ethnicity.unrecognised":
        return profile.row(row.keys[0]).indicator.label.replace(" - ", " ", 1)
    return row.label


def compute_chart_data(profile: Profile) -> list[ChartData]:
    """Every chart of the digest as numbers: the month's profile, then the financial year's trends.

    A breakdown leaves out rows that are zero in every month of the year (and the year to date), so a long
    list (ethnicity codes) shows only what occurs; each title says what its shares are of.
    """
    column = month_key(profile.month)
    mark = " (partial)" if profile.partial_month else ""
    charts = []
    for name, group_name, heading in PROFILE_CHARTS:
        group = profile.groups[group_name]
        rows = [row for row in group.rows if not all(profile.row(key).is_zero() for key in row.keys)]
        labels = [label_bar(profile, group_name, row) for row in rows]
        values = [add_cells([profile.row(key).values[column] for key in row.keys]) for row in rows]
        base = profile.row(group.denominator).values[column]
        total = None if base.suppressed else base.count or 0
        of = f" (of {total:,} {DENOMINATOR_NOUNS[group.denominator]})" if total is not None else ""
        title = f"{heading}, {month_label(profile.month)}{mark}{of}"
        charts.append(ChartData(name, title, labels, [Series("", values)], total, PROFILE))
    months = [column for column in profile.columns if column != YTD]
    labels = [
        month_label(parse_month(m)) + ("*" if profile.partial_month and parse_month(m) == profile.month else "")
        for m in months
    ]
    for name, heading, keys in TREND_CHARTS:
        series = [Series(label, [add_cells([profile.row(key).values[m]]) for m in months]) for key, label in keys]
        charts.append(ChartData(name, f"{heading}, {profile.financial_year}", labels, series, None, TRENDS))
    return charts
