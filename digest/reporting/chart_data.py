"""The digest's charts as plain numbers (ChartData): what each chart shows, decided once for every chat tool.

charts.py draws them as PNGs for Slack; a chat tool that draws its own charts (Teams) takes the numbers.
The month's "Missing Profile" (days missing, RHI in time, ethnicity, BME, age, gender, case type) comes
from the catalogue's breakdown groups, so a council's own ethnicity codes and BME grouping are charted
as its config says; then the trends over a rolling 13 months (all vs LAC; RHI), each with the same months a
year earlier where the snapshot's data reaches back.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.figures.absence import Absence
from digest.figures.catalogue import DENOMINATOR_NOUNS, GroupRow
from digest.figures.periods import month_key, month_label
from digest.reporting.content import ChartData, Series
from digest.reporting.profile import MONTHS_IN_YEAR, Cell, Profile
from digest.store.snapshots import first_data_month

PROFILE = "profile"  # a chart of the month
TRENDS = "trends"  # a chart of the rolling 13 months, month by month
# The report month and the twelve before: April's trend is not one bar, and the month a year ago shows.
TREND_MONTHS = 13
YEAR_AGO = "last year"  # what a trend's year-ago series is called
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


def compute_chart_data(profile: Profile, earlier_years: Sequence[Profile]) -> list[ChartData]:
    """Every chart of the digest as numbers: the month's profile, then the rolling 13 months' trends.

    A breakdown leaves out rows that are zero in every month of the year (and the year to date), so a long
    list (ethnicity codes) shows only what occurs; each title says what its shares are of. earlier_years are
    the whole-year profiles of the financial years before (load_earlier_years), under the same disclosure
    control as profile: a trend's earlier months and its year-ago line come from them.
    """
    column = month_key(profile.month)
    mark = " (partial)" if profile.partial_month else ""
    charts = []
    for name, group_name, heading in PROFILE_CHARTS:
        group = profile.groups[group_name]
        charted = [row for row in group.rows if not _absence([profile.row(key).values[column] for key in row.keys])]
        if not charted:  # nothing this source or month can chart: left out, its sentence in its place
            absence = _absence([profile.row(key).values[column] for row in group.rows for key in row.keys])
            title = f"{heading}, {month_label(profile.month)}{mark}"
            charts.append(_left_out(name, title, PROFILE, absence, _data_note(profile, absence)))
            continue
        rows = [row for row in charted if not all(profile.row(key).is_zero() for key in row.keys)]
        labels = [label_bar(profile, group_name, row) for row in rows]
        values = [add_cells([profile.row(key).values[column] for key in row.keys]) for row in rows]
        base = profile.row(group.denominator).values[column]
        total = None if base.suppressed else base.count or 0
        of = f" (of {total:,} {DENOMINATOR_NOUNS[group.denominator]})" if total is not None else ""
        title = f"{heading}, {month_label(profile.month)}{mark}{of}"
        charts.append(ChartData(name, title, labels, [Series("", values)], total, PROFILE))
    return charts + compute_trend_data(profile, earlier_years)


def compute_trend_data(profile: Profile, earlier_years: Sequence[Profile]) -> list[ChartData]:
    """The trends over the 13 months to profile's month, and the same months a year earlier.

    A month before the snapshot's data is unknown, not zero: the window starts at the data, the year-ago line
    starts where the data does (Series.known_from), and the chart's note says so. Each month's figure is read
    from the profile of its own financial year, so under disclosure control it is withheld exactly where that
    year's table withholds it.
    """
    first = first_data_month(profile.snapshot)
    # A month asked for before the data starts keeps its own bar, as its profile shows it.
    window = list(range(min(max(profile.month - TREND_MONTHS + 1, first), profile.month), profile.month + 1))
    by_column = {column: p for p in reversed([profile, *earlier_years]) for column in p.columns}
    known_from = next((i for i, m in enumerate(window) if m - MONTHS_IN_YEAR >= first), len(window))

    def values(key: str, months: list[int]) -> list[int | None]:
        """Each month's figure from its own year's profile; None for a month no profile holds (before the data),
        which a year-ago Series marks unknown through known_from."""
        columns = [month_key(m) for m in months]
        return [add_cells([by_column[c].row(key).values[c]]) if c in by_column else None for c in columns]

    labels = [month_label(m) + ("*" if profile.partial_month and m == profile.month else "") for m in window]
    title_span = f"{month_label(window[0])} to {month_label(window[-1])}" if len(window) > 1 else month_label(window[0])
    note = _describe_gaps(window, known_from, first)
    charts = []
    for name, heading, keys in TREND_CHARTS:
        cells = [by_column[c].row(key).values[c] for key, _ in keys for c in map(month_key, window) if c in by_column]
        absence = _absence(cells)
        if absence is not None:  # not in this source, or the month asked for is before the data
            title = f"{heading}, {title_span}"
            charts.append(_left_out(name, title, TRENDS, absence, _data_note(profile, absence)))
            continue
        series = [Series(label, values(key, window)) for key, label in keys]
        year_ago = [
            Series(f"{label}, {YEAR_AGO}", values(key, [m - MONTHS_IN_YEAR for m in window]), known_from)
            for key, label in keys
        ]
        shown_year_ago = year_ago if known_from < len(window) else []
        charts.append(ChartData(name, f"{heading}, {title_span}", labels, series, None, TRENDS, shown_year_ago, note))
    return charts


def _absence(cells: Sequence[Cell]) -> Absence | None:
    """Why a bar (or a chart) has nothing to draw: "not in this source" if any of its cells is, "no data" if all
    of them are; None when it has figures."""
    reasons = [cell.absence for cell in cells]
    if Absence.NOT_IN_SOURCE in reasons:
        return Absence.NOT_IN_SOURCE
    return Absence.NO_DATA if reasons and all(reason == Absence.NO_DATA for reason in reasons) else None


def _data_note(profile: Profile, absence: Absence | None) -> str:
    return f"The data starts in {month_label(profile.data_starts)}." if absence == Absence.NO_DATA else ""


def _left_out(name: str, title: str, group: str, absence: Absence | None, note: str) -> ChartData:
    return ChartData(name, title, [], [], None, group, note=note, absence=absence)


def _describe_gaps(window: list[int], known_from: int, first: int) -> str:
    """The note under a trend when the data does not reach back 13 months, or a year before them."""
    if len(window) < TREND_MONTHS:
        return f"The data starts in {month_label(first)}: no earlier month, and no {YEAR_AGO}, is shown."
    if known_from == len(window):
        return f"The data starts in {month_label(first)}: {YEAR_AGO} is not shown."
    if known_from:
        return f"The data starts in {month_label(first)}: {YEAR_AGO}'s line starts there."
    return ""
