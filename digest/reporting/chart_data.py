"""The digest's charts as plain numbers (ChartData): what each chart shows, decided once for every chat tool.

charts.py draws them as PNGs for Slack; a chat tool that draws its own charts (Teams) takes the numbers.
The month's "Missing Profile" (days missing, RHI in time, ethnicity, BME, age, gender, case type) comes
from the catalogue's breakdown groups, so a council's own ethnicity codes and BME grouping are charted
as its config says; then the financial year's trends (all vs LAC; RHI).
"""

from __future__ import annotations

from digest.figures.periods import YTD, month_key, month_label, parse_month
from digest.reporting.content import ChartData, Series
from digest.reporting.profile import Profile

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


def compute_chart_data(profile: Profile) -> list[ChartData]:
    """Every chart of the digest as numbers: the month's profile, then the financial year's trends."""
    column = month_key(profile.month)
    mark = " (partial)" if profile.partial_month else ""
    charts = []
    for name, group_name, heading in PROFILE_CHARTS:
        group = profile.groups[group_name]
        bars = [(row.label, sum(profile.row(key).values[column].count or 0 for key in row.keys)) for row in group.rows]
        if group.hide_zero_rows:  # a long list (ethnicity codes) charts only the codes that occur
            bars = [(label, value) for label, value in bars if value]
        total = profile.row(group.denominator).values[column].count or 0
        title = f"{heading}, {month_label(profile.month)}{mark}"
        charts.append(ChartData(name, title, [b[0] for b in bars], [Series("", [b[1] for b in bars])], total, PROFILE))
    months = [column for column in profile.columns if column != YTD]
    labels = [
        month_label(parse_month(m)) + ("*" if profile.partial_month and parse_month(m) == profile.month else "")
        for m in months
    ]
    for name, heading, keys in TREND_CHARTS:
        values = [Series(label, [profile.row(key).values[m].count or 0 for m in months]) for key, label in keys]
        charts.append(ChartData(name, f"{heading}, {profile.financial_year}", labels, values, None, TRENDS))
    return charts
