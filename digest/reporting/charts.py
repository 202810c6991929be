"""The digest's charts, drawn with matplotlib's Figure API (never pyplot, which keeps every figure alive
in a long-running server) and returned as PNG bytes with alt text.

Each chart stands alone and is drawn large-lettered, so it reads at the size a chat preview shows it.
One colour means one thing throughout: COLOURS below.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from digest.figures.catalogue import ALL_EPISODES, Group
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, month_key, month_label, parse_month
from digest.reporting.content import Chart
from digest.reporting.profile import Profile

CHART_SIZE_INCHES = (8, 4.5)
CHART_DPI = 100  # 800 x 450 pixels
FONT_SIZE_POINTS = 13
TICK_LABEL_CHARS = 10  # a bar's label wraps beyond this many characters, so neighbours never touch
COLOURS = {
    "all": "#1f4e79",  # all children / all episodes
    "lac": "#e07b00",  # looked-after children
    "offered": "#5b8db8",
    "accepted": "#1f4e79",
    "in_time": "#2e7d32",
    "late": "#c62828",
    "pending": "#9e9e9e",
    "share": "#607d8b",  # a breakdown's share of the month's episodes
}


# The month's profile page: (file name, breakdown group, heading); the groups come from the catalogue.
PROFILE_CHARTS = (
    ("ethnicity", "ethnicity", "Ethnicity"),
    ("bme", "bme", "BME summary"),
    ("age", "age", "Age"),
    ("gender", "gender", "Gender"),
    ("case-type", "status", "% by case type"),
)
RHI_COLOURS = ("in_time", "late", "pending")  # the RHI group's rows: in time, not in time, not yet due


def render_charts(profile: Profile) -> list[Chart]:
    """Every chart of the digest: the month's profile page, then the financial year's trends."""
    return [
        chart_days_missing(profile),
        chart_rhi_in_time(profile),
        *(chart_breakdown(profile, name, heading, profile.groups[group]) for name, group, heading in PROFILE_CHARTS),
        chart_trend(
            profile,
            "trend-episodes",
            "Missing episodes",
            [("episodes.all", "All", "all"), ("episodes.lac", "LAC", "lac")],
        ),
        chart_trend(
            profile,
            "trend-children",
            "Children missing",
            [("children.all", "All", "all"), ("children.lac", "LAC", "lac")],
        ),
        chart_trend(
            profile,
            "trend-3plus",
            "Children with 3+ episodes",
            [("children.3plus.all", "All", "all"), ("children.3plus.lac", "LAC", "lac")],
        ),
        chart_trend(
            profile,
            "trend-rhi",
            "Return home interviews",
            [("rhi.offered", "Offered", "offered"), ("rhi.accepted", "Accepted", "accepted")],
        ),
        chart_trend(
            profile,
            "trend-rhi-in-time",
            "Return home interviews completed in time",
            [("rhi.completed_in_time", "In time", "in_time"), ("rhi.not_completed_in_time", "Not in time", "late")],
            stacked=True,
        ),
    ]


def _month_column(profile: Profile) -> str:
    return month_key(profile.month)


def _count(profile: Profile, keys: Sequence[str], column: str) -> int:
    """The sum of a group row's indicators in column."""
    return sum(profile.row(key).values[column].count or 0 for key in keys)


def _group_bars(profile: Profile, group: Group, column: str) -> tuple[list[str], list[int]]:
    """A breakdown's bar labels and values; a long list (ethnicity codes) keeps only the rows that occur."""
    bars = [(row.label, _count(profile, row.keys, column)) for row in group.rows]
    if group.hide_zero_rows:
        bars = [(label, value) for label, value in bars if value]
    return [label for label, _ in bars], [value for _, value in bars]


def _new_figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=CHART_SIZE_INCHES, dpi=CHART_DPI, layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=FONT_SIZE_POINTS - 1)
    return figure, axes


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _title(profile: Profile, text: str) -> str:
    mark = " (partial)" if profile.partial_month else ""
    return f"{text}, {month_label(profile.month)}{mark}"


def _bars(axes: Axes, labels: Sequence[str], values: Sequence[int], colour: str, totals: int | None) -> None:
    positions = range(len(labels))
    bars = axes.bar(positions, values, color=colour)
    ticks = [textwrap.fill(label, TICK_LABEL_CHARS) for label in labels]  # long labels on two lines
    axes.set_xticks(list(positions), ticks, fontsize=FONT_SIZE_POINTS - 1)
    notes = [f"{v}\n{format_percentage(v, totals)}" if totals else str(v) for v in values]
    axes.bar_label(bars, notes, fontsize=FONT_SIZE_POINTS - 2, padding=2)
    axes.set_ylim(0, max([*values, 1]) * 1.3)
    axes.set_yticks([])
    axes.spines[["left"]].set_visible(False)


def _describe(title: str, labels: Sequence[str], values: Sequence[int], total: int | None) -> str:
    parts = [
        f"{label}: {value}" + (f" ({format_percentage(value, total)})" if total else "")
        for label, value in zip(labels, values, strict=True)
    ]
    return f"Bar chart, {title}. " + "; ".join(parts) + "."


def chart_days_missing(profile: Profile) -> Chart:
    column = _month_column(profile)
    labels, values = _group_bars(profile, profile.groups["duration"], column)
    total = profile.row(ALL_EPISODES).values[column].count or 0
    title = _title(profile, "Number of days missing")
    figure, axes = _new_figure()
    _bars(axes, labels, values, COLOURS["share"], total)
    axes.set_title(title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    return Chart("days-missing.png", title, _describe(title, labels, values, total), _png(figure), "profile")


def chart_rhi_in_time(profile: Profile) -> Chart:
    column = _month_column(profile)
    group = profile.groups["rhi"]
    labels, values = _group_bars(profile, group, column)
    accepted = profile.row(group.denominator).values[column].count or 0
    title = _title(profile, "Return home interviews completed in time")
    figure, axes = _new_figure()
    positions = range(len(labels))
    bars = axes.barh(list(positions), values, color=[COLOURS[c] for c in RHI_COLOURS])
    axes.set_yticks(list(positions), labels, fontsize=FONT_SIZE_POINTS)
    axes.invert_yaxis()
    axes.bar_label(
        bars, [f"{v} ({format_percentage(v, accepted)})" for v in values], fontsize=FONT_SIZE_POINTS - 1, padding=3
    )
    axes.set_xlim(0, max([*values, 1]) * 1.35)
    axes.set_xticks([])
    axes.set_title(title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    return Chart("rhi-in-time.png", title, _describe(title, labels, values, accepted), _png(figure), "profile")


def chart_breakdown(profile: Profile, name: str, heading: str, group: Group) -> Chart:
    column = _month_column(profile)
    labels, values = _group_bars(profile, group, column)
    total = profile.row(group.denominator).values[column].count or 0
    title = _title(profile, heading)
    figure, axes = _new_figure()
    _bars(axes, labels, values, COLOURS["share"], total)
    axes.set_title(title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    return Chart(f"{name}.png", title, _describe(title, labels, values, total), _png(figure), "profile")


def chart_trend(
    profile: Profile, name: str, heading: str, series: list[tuple[str, str, str]], stacked: bool = False
) -> Chart:
    months = [column for column in profile.columns if column != YTD]
    labels = [
        month_label(parse_month(m)) + ("*" if profile.partial_month and parse_month(m) == profile.month else "")
        for m in months
    ]
    title = f"{heading}, {profile.financial_year}"
    figure, axes = _new_figure()
    width = 0.8 if stacked else 0.8 / len(series)
    bottoms = [0] * len(months)
    described = []
    for index, (key, label, colour) in enumerate(series):
        values = [profile.row(key).values[m].count or 0 for m in months]
        offsets = [i if stacked else i - 0.4 + width * (index + 0.5) for i in range(len(months))]
        bars = axes.bar(offsets, values, width, bottom=bottoms if stacked else None, color=COLOURS[colour], label=label)
        axes.bar_label(
            bars,
            fontsize=FONT_SIZE_POINTS - 2,
            label_type="center" if stacked else "edge",
            color="white" if stacked else "black",
        )
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        described.append(f"{label}: " + ", ".join(f"{m} {v}" for m, v in zip(labels, values, strict=True)))
    axes.set_xticks(range(len(months)), labels, fontsize=FONT_SIZE_POINTS - 1)
    axes.legend(fontsize=FONT_SIZE_POINTS - 1, frameon=False, loc="upper left")
    top = max([*bottoms, *(profile.row(k).values[m].count or 0 for k, _, _ in series for m in months), 1])
    axes.set_ylim(0, top * 1.35)
    axes.set_yticks([])
    axes.spines[["left"]].set_visible(False)
    axes.set_title(title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    note = " (* partial month)" if profile.partial_month else ""
    alt = f"{'Stacked bar' if stacked else 'Bar'} chart, {title}{note}. " + "; ".join(described) + "."
    return Chart(f"{name}.png", title, alt, _png(figure), "trends")
