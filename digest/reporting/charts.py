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

from digest.figures.percentages import format_percentage
from digest.reporting.chart_data import TRENDS, compute_chart_data
from digest.reporting.content import Chart, ChartData
from digest.reporting.profile import SUPPRESSED, Profile

CHART_SIZE_INCHES = (8, 4.5)
CHART_DPI = 200  # 1600 x 900 pixels: crisp on phones and high-DPI screens
MAX_CHART_PNG_BYTES = 1_000_000  # our budget per PNG (Slack takes up to 1 GB; phones on mobile data do not)
BAR_INCHES = 0.42  # a horizontal chart grows by this much per bar, so long lists keep their spacing
FONT_SIZE_POINTS = 13
TICK_LABEL_CHARS = 10  # a bar's label wraps beyond this many characters, so neighbours never touch
ROW_LABEL_CHARS = 22  # a horizontal bar's label wraps beyond this many characters
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
RHI_COLOURS = ("in_time", "late", "pending")  # the RHI chart's bars: in time, not in time, not yet due
SERIES_COLOURS = {  # a trend's series label -> its colour
    "All": "all",
    "LAC": "lac",
    "Offered": "offered",
    "Accepted": "accepted",
    "In time": "in_time",
    "Not in time": "late",
}
HORIZONTAL = {"rhi-in-time", "ethnicity"}  # charts whose long labels read better as horizontal bars
STACKED = {"trend-rhi-in-time"}  # trends whose series add up to a whole
SHARE_ABOVE = {"trend-rhi-in-time"}  # stacked trends that print the first series' share above each bar


def _note(value: int | None, total: int | None, on_two_lines: bool = False) -> str:
    """A bar's label: the count and its share ("12 (10%)"), or "c" for a count withheld by disclosure control."""
    if value is None:
        return SUPPRESSED
    share = format_percentage(value, total) if total else ""
    if not share:
        return str(value)
    return f"{value}\n{share}" if on_two_lines else f"{value} ({share})"


def render_charts(profile: Profile) -> list[Chart]:
    """Every chart of the digest, drawn from the numbers chart_data decides: the month, then the trends."""
    return [render_chart(data) for data in compute_chart_data(profile)]


def render_chart(data: ChartData) -> Chart:
    if data.group == TRENDS:
        return _trend(data)
    if data.name in HORIZONTAL:
        return _horizontal(data)
    return _breakdown(data)


def _new_figure(bars: int = 0) -> tuple[Figure, Axes]:
    width, height = CHART_SIZE_INCHES
    figure = Figure(figsize=(width, max(height, 1.2 + BAR_INCHES * bars)), dpi=CHART_DPI, layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=FONT_SIZE_POINTS - 1)
    return figure, axes


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _describe(title: str, labels: Sequence[str], values: Sequence[int | None], total: int | None) -> str:
    parts = [f"{label}: {_note(value, total)}" for label, value in zip(labels, values, strict=True)]
    return f"Bar chart, {title}. " + "; ".join(parts) + "."


def _breakdown(data: ChartData) -> Chart:
    values = data.series[0].values
    heights = [v or 0 for v in values]  # a withheld count is never drawn: no bar, only its "c"
    figure, axes = _new_figure()
    positions = range(len(data.labels))
    bars = axes.bar(positions, heights, color=COLOURS["share"])
    ticks = [textwrap.fill(label, TICK_LABEL_CHARS) for label in data.labels]  # long labels on two lines
    axes.set_xticks(list(positions), ticks, fontsize=FONT_SIZE_POINTS - 1)
    axes.bar_label(
        bars, [_note(v, data.total, on_two_lines=True) for v in values], fontsize=FONT_SIZE_POINTS - 2, padding=2
    )
    axes.set_ylim(0, max([*heights, 1]) * 1.3)
    axes.set_yticks([])
    axes.spines[["left"]].set_visible(False)
    axes.set_title(data.title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    alt = _describe(data.title, data.labels, values, data.total)
    return Chart(f"{data.name}.png", data.title, alt, _png(figure), data.group)


def _horizontal(data: ChartData) -> Chart:
    values = data.series[0].values
    heights = [v or 0 for v in values]
    figure, axes = _new_figure(len(values))
    positions = range(len(data.labels))
    colours = [COLOURS[c] for c in RHI_COLOURS[: len(values)]] if data.name == "rhi-in-time" else COLOURS["share"]
    bars = axes.barh(list(positions), heights, color=colours)
    ticks = [textwrap.fill(label, ROW_LABEL_CHARS) for label in data.labels]
    axes.set_yticks(list(positions), ticks, fontsize=FONT_SIZE_POINTS - (len(values) > len(RHI_COLOURS)))
    axes.invert_yaxis()
    axes.bar_label(bars, [_note(v, data.total) for v in values], fontsize=FONT_SIZE_POINTS - 1, padding=3)
    axes.set_xlim(0, max([*heights, 1]) * 1.35)
    axes.set_xticks([])
    axes.set_title(data.title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    alt = _describe(data.title, data.labels, values, data.total)
    return Chart(f"{data.name}.png", data.title, alt, _png(figure), data.group)


def _trend(data: ChartData) -> Chart:
    stacked = data.name in STACKED
    figure, axes = _new_figure()
    width = 0.8 if stacked else 0.8 / len(data.series)
    bottoms = [0] * len(data.labels)
    described = []
    for index, series in enumerate(data.series):
        offsets = [i if stacked else i - 0.4 + width * (index + 0.5) for i in range(len(data.labels))]
        colour = COLOURS[SERIES_COLOURS[series.label]]
        heights = [v or 0 for v in series.values]  # a withheld count is never drawn
        bars = axes.bar(offsets, heights, width, bottom=bottoms if stacked else None, color=colour, label=series.label)
        axes.bar_label(
            bars,
            [_note(v, None) for v in series.values],
            fontsize=FONT_SIZE_POINTS - 2,
            label_type="center" if stacked else "edge",
            color="white" if stacked else "black",
        )
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, heights, strict=True)]
        pairs = zip(data.labels, series.values, strict=True)
        described.append(f"{series.label}: " + ", ".join(f"{m} {_note(v, None)}" for m, v in pairs))
    if data.name in SHARE_ABOVE:
        shares = _first_shares(data)
        for position, (share, top) in enumerate(zip(shares, bottoms, strict=True)):
            if share:
                axes.annotate(
                    share,
                    (position, top),
                    ha="center",
                    va="bottom",
                    xytext=(0, 3),
                    textcoords="offset points",
                    fontsize=FONT_SIZE_POINTS - 1,
                    fontweight="bold",
                )
        described.append(
            f"{data.series[0].label} share: "
            + ", ".join(f"{m} {share or SUPPRESSED}" for m, share in zip(data.labels, shares, strict=True))
        )
    axes.set_xticks(range(len(data.labels)), data.labels, fontsize=FONT_SIZE_POINTS - 1)
    axes.legend(fontsize=FONT_SIZE_POINTS - 1, frameon=False, loc="upper left")
    top = max([*bottoms, *(v or 0 for series in data.series for v in series.values), 1])
    axes.set_ylim(0, top * 1.35)
    axes.set_yticks([])
    axes.spines[["left"]].set_visible(False)
    axes.set_title(data.title, fontsize=FONT_SIZE_POINTS + 2, loc="left")
    note = " (* partial month)" if any(label.endswith("*") for label in data.labels) else ""
    alt = f"{'Stacked bar' if stacked else 'Bar'} chart, {data.title}{note}. " + "; ".join(described) + "."
    return Chart(f"{data.name}.png", data.title, alt, _png(figure), data.group)


def _first_shares(data: ChartData) -> list[str]:
    """The first series' share of each stack ("69%"), or "" where a part is withheld or the stack is empty."""
    shares = []
    for values in zip(*(series.values for series in data.series), strict=True):
        known = [v for v in values if v is not None]
        shares.append(format_percentage(values[0], sum(known)) if len(known) == len(values) else "")
    return shares
