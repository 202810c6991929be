"""The digest's charts as plain numbers (ChartData), for a chat tool that draws its charts itself.

The same charts as digest/reporting/charts.py draws for Slack, in the same order: the month's
"Missing Profile" (days missing, RHI in time, ethnicity, BME, age, gender, case type), then the
financial year's trends (all vs LAC; RHI). Which rows make up each breakdown is read in one place,
breakdown_groups below, from the profile's sections and the config's ethnicity groups.
"""

from __future__ import annotations

from digest.contract.config import Config
from digest.figures.periods import YTD, month_key, month_label, parse_month
from digest.reporting.content import ChartData, Series
from digest.reporting.profile import Profile

NOT_RECORDED = "_not_recorded"  # a group's name for ethnicity not recorded: refused, not obtained, unrecognised
SHORT_LABELS = {  # where the table's label is too long for a chart's axis
    "duration.0": "Same day",
    "duration.gt5": "6+ days",
    "duration.still_missing": "Still missing",
    "gender.other": "Other / not recorded",
}
DAYS_SECTION, STATUS_SECTION, GENDER_SECTION, ETHNICITY_SECTION, AGE_SECTION = "4", "6", "7", "8", "9"
STATUS_NOT_SHOWN = {"status.other_la", "status.unrecognised"}  # a subset of "Not a client", and a data-quality row
TRENDS = (  # (name, heading, [(key, series label)])
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
RHI_OUTCOMES = (
    ("rhi.completed_in_time", "In time"),
    ("rhi.not_completed_in_time", "Not in time"),
    ("rhi.pending", "Not yet due"),
)


def breakdown_groups(profile: Profile, config: Config) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each breakdown of the month: (name, heading, [(key, short label)]), in chart order.

    The one place that decides which rows a breakdown shows (to be read from the catalogue's groups
    once it has them).
    """

    def section(number: str) -> list[tuple[str, str]]:
        return [
            (row.indicator.key, SHORT_LABELS.get(row.indicator.key, row.indicator.label))
            for row in profile.rows
            if row.indicator.section == number
        ]

    ethnicity = config.ethnicity
    recorded = [(key, label) for key, label in section(ETHNICITY_SECTION) if key != "ethnicity.bme"]
    not_bme = [(f"ethnicity.{code}", ethnicity.label(code)) for code, _ in ethnicity.codes if code in ethnicity.not_bme]
    return [
        ("days-missing", "Number of days missing", section(DAYS_SECTION)),
        ("ethnicity", "Ethnicity", [(k, label) for k, label in recorded if _count(profile, k)]),
        ("bme", "BME summary", [("ethnicity.bme", "BME"), *not_bme, (NOT_RECORDED, "Not recorded")]),
        ("age", "Age", section(AGE_SECTION)),
        ("gender", "Gender", section(GENDER_SECTION)),
        ("case-type", "% by case type", [(k, lb) for k, lb in section(STATUS_SECTION) if k not in STATUS_NOT_SHOWN]),
    ]


def _count(profile: Profile, key: str) -> int:
    return profile.row(key).values[month_key(profile.month)].count or 0


def _group_count(profile: Profile, key: str, config: Config) -> int:
    if key == NOT_RECORDED:
        keys = [f"ethnicity.{code}" for code in sorted(config.ethnicity.not_recorded)] + ["ethnicity.unrecognised"]
        return sum(_count(profile, k) for k in keys)
    return _count(profile, key)


def _title(profile: Profile, text: str) -> str:
    return f"{text}, {month_label(profile.month)}{' (partial)' if profile.partial_month else ''}"


def compute_chart_data(profile: Profile, config: Config) -> list[ChartData]:
    """Every chart of the digest as numbers: the month's profile, then the financial year's trends."""
    episodes = _count(profile, "episodes.all")
    charts = []
    for name, heading, keys in breakdown_groups(profile, config):
        charts.append(
            ChartData(
                name,
                _title(profile, heading),
                [label for _, label in keys],
                [Series("", [_group_count(profile, key, config) for key, _ in keys])],
                episodes,
                "profile",
            )
        )
    rhi = ChartData(
        "rhi-in-time",
        _title(profile, "Return home interviews completed in time"),
        [label for _, label in RHI_OUTCOMES],
        [Series("", [_count(profile, key) for key, _ in RHI_OUTCOMES])],
        _count(profile, "rhi.accepted"),
        "profile",
    )
    charts.insert(1, rhi)  # second, as on the Slack profile page
    months = [column for column in profile.columns if column != YTD]
    labels = [
        month_label(parse_month(m)) + ("*" if profile.partial_month and parse_month(m) == profile.month else "")
        for m in months
    ]
    for name, heading, series in TRENDS:
        values = [Series(label, [profile.row(key).values[m].count or 0 for m in months]) for key, label in series]
        charts.append(ChartData(name, f"{heading}, {profile.financial_year}", labels, values, None, "trends"))
    return charts
