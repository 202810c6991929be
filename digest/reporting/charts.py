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
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patheffects import Normal, Stroke

from digest.figures.percentages import format_percentage
from digest.figures.small_counts import SUPPRESSED
from digest.recall import Recall
from digest.reporting.chart_data import TRENDS, YEAR_AGO
from digest.reporting.content import Chart, ChartData, Series

CHART_SIZE_INCHES = (8, 4.5)
CHART_DPI = 200  # 1600 x 900 pixels: crisp on phones and high-DPI screens
# zlib's fastest level: a tenth larger files (still far under the budget below) for a third of the digest's
# build time, most of which went on compressing its 12 PNGs at the default level 6
PNG_COMPRESS_LEVEL = 1
MAX_CHART_PNG_BYTES = 1_000_000  # our budget per PNG (Slack takes up to 1 GB; phones on mobile data do not)
BAR_INCHES = 0.42  # a horizontal chart grows by this much per bar, so long lists keep their spacing
FONT_SIZE_POINTS = 13
TICK_LABEL_CHARS = 10  # a bar's label wraps beyond this many characters, so neighbours never touch
TITLE_CHARS = 62  # a title wraps beyond this many characters: what fits across the chart at 15 points
TITLE_LEFT = 0.01  # the title's left edge, as a share of the chart's width
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
YEAR_AGO_TINT = 0.5  # last year's lines: the series' colour this much towards white, so this year's bars lead
NOTE_COLOUR = "#555555"  # a chart's note (what it leaves out), quieter than its title
SPACIOUS_MONTHS = 6  # a trend of more months than this gets smaller labels, so 13 months' numbers do not touch


def _note(value: int | None, total: int | None, on_two_lines: bool = False) -> str:
    """A bar's label: the count and its share ("12 (10%)"), or "c" for a count withheld by disclosure control."""
    if value is None:
        return SUPPRESSED
    share = format_percentage(value, total) if total else ""
    if not share:
        return str(value)
    return f"{value}\n{share}" if on_two_lines else f"{value} ({share})"


CHARTS_KEPT = 48  # drawn charts kept in memory (a PNG is about 100 KB): a few digests' worth


# Charts already drawn, by their numbers (repr: every field of the chart's numbers and words, so equal keys
# draw equal charts): a digest is built once per destination (Slack, Teams, the outbox, a draft and its
# publication), and drawing its charts is most of the time that takes.
_DRAWN: Recall[str, Chart] = Recall(CHARTS_KEPT)


def forget_drawn_charts() -> None:
    """Draw every chart afresh from now on: for measuring a digest build as its first destination sees it."""
    _DRAWN.forget()


def render_chart(data: ChartData) -> Chart:
    """The chart's PNG, drawn once for the same numbers (kept in _DRAWN)."""
    return _DRAWN.recall(repr(data), lambda: _draw_chart(data))


def _draw_chart(data: ChartData) -> Chart:
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
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
    return buffer.getvalue()


def _describe(title: str, labels: Sequence[str], values: Sequence[int | None], total: int | None) -> str:
    parts = [f"{label}: {_note(value, total)}" for label, value in zip(labels, values, strict=True)]
    return f"Bar chart, {title}. " + "; ".join(parts) + "."


def _set_title(figure: Figure, title: str) -> None:
    """The title from the figure's left edge, not the plot's: beside a horizontal chart's row labels the plot
    starts a third of the way in, and a title there ran off the right edge ("... (of 89 accepte")."""
    text = textwrap.fill(title, TITLE_CHARS)
    figure.suptitle(text, x=TITLE_LEFT, ha="left", fontsize=FONT_SIZE_POINTS + 2)


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
    _set_title(figure, data.title)
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
    _set_title(figure, data.title)
    alt = _describe(data.title, data.labels, values, data.total)
    return Chart(f"{data.name}.png", data.title, alt, _png(figure), data.group)


def _trend(data: ChartData) -> Chart:
    """Bars month by month (side by side, or stacked for parts of a whole), last year as faint dashed lines.

    A withheld count is never drawn: its bar is missing and a "c" in the series' colour marks the gap, above
    the month's stack when stacked (where a white label inside a bar of height 0 would be invisible).
    """
    stacked = data.name in STACKED
    figure, axes = _new_figure()
    width = 0.8 if stacked else 0.8 / len(data.series)
    positions = range(len(data.labels))
    bottoms = [0] * len(data.labels)
    withheld: list[list[str]] = [[] for _ in data.labels]  # colours of each month's withheld parts, in order
    label_size = FONT_SIZE_POINTS - (2 if len(data.labels) <= SPACIOUS_MONTHS else 4)
    described = []
    for index, series in enumerate(data.series):
        offsets = [_offset(i, index, width, stacked) for i in positions]
        colour = COLOURS[SERIES_COLOURS[series.label]]
        heights = [v or 0 for v in series.values]  # a withheld count is never drawn
        bars = axes.bar(offsets, heights, width, bottom=bottoms if stacked else None, color=colour, label=series.label)
        if stacked:  # inside the bar, white; a zero or withheld part has no bar to be inside
            notes = [str(v) if v else "" for v in series.values]
            for month, value in enumerate(series.values):
                if value is None:
                    withheld[month].append(colour)
        else:
            notes = [_note(v, None) for v in series.values]
        axes.bar_label(
            bars,
            notes,
            fontsize=label_size,
            label_type="center" if stacked else "edge",
            color="white" if stacked else "black",
        )
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, heights, strict=True)]
        pairs = zip(data.labels, series.values, strict=True)
        described.append(f"{series.label}: " + ", ".join(f"{m} {_note(v, None)}" for m, v in pairs))
    for month, colours in enumerate(withheld):
        for line, colour in enumerate(colours):  # one "c" per withheld part, stacked upwards above the bar
            axes.annotate(
                SUPPRESSED,
                (month, bottoms[month]),
                ha="center",
                va="bottom",
                xytext=(0, 3 + line * (FONT_SIZE_POINTS + 1)),
                textcoords="offset points",
                fontsize=FONT_SIZE_POINTS,
                fontweight="bold",
                color=colour,
            )
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
                    fontsize=label_size + 1,
                    fontweight="bold",
                )
        described.append(
            f"{data.series[0].label} share: "
            + ", ".join(f"{m} {share or SUPPRESSED}" for m, share in zip(data.labels, shares, strict=True))
        )
    year_ago_top = _draw_year_ago(axes, data, width, stacked)
    described += [_describe_year_ago(data, series) for series in data.year_ago]
    axes.set_xticks(list(positions), [label.replace("-", "\n", 1) for label in data.labels], fontsize=label_size + 1)
    handles, names = axes.get_legend_handles_labels()
    bars_first = sorted(range(len(names)), key=lambda i: YEAR_AGO in names[i])  # this year's bars, then last year
    axes.legend(
        [handles[i] for i in bars_first],
        [names[i] for i in bars_first],
        fontsize=FONT_SIZE_POINTS - 2,
        frameon=False,
        loc="upper left",
        ncols=2,
    )
    top = max([*bottoms, *(v or 0 for series in data.series for v in series.values), year_ago_top, 1])
    axes.set_ylim(0, top * 1.45)
    axes.set_yticks([])
    axes.spines[["left"]].set_visible(False)
    _set_title(figure, data.title)
    if data.note:
        axes.set_xlabel(data.note, fontsize=FONT_SIZE_POINTS - 2, color=NOTE_COLOUR, loc="left")
    note = " (* partial month)" if any(label.endswith("*") for label in data.labels) else ""
    kind = "Stacked bar" if stacked else "Bar"
    said = f" {data.note}" if data.note else ""
    alt = f"{kind} chart, {data.title}{note}.{said} " + "; ".join(described) + "."
    return Chart(f"{data.name}.png", data.title, alt, _png(figure), data.group)


def _offset(month: int, series: int, width: float, stacked: bool) -> float:
    """Where a series' bar stands in its month: in the middle when stacked, else side by side."""
    return month if stacked else month - 0.4 + width * (series + 0.5)


def _draw_year_ago(axes: Axes, data: ChartData, width: float, stacked: bool) -> int:
    """Last year's months as faint dashed lines over this year's bars; returns the highest point drawn.

    Side by side, each line runs over its own series' bars; stacked, each line is where last year's part ended
    (the top of its stack so far), so the lines outline last year's bars. A withheld month or a month before
    the data is a gap in the line.
    """
    running: list[int | None] = [0] * len(data.labels)
    top = 0
    for index, series in enumerate(data.year_ago):
        if stacked:
            running = [
                None if r is None or v is None or not series.is_known(i) else r + v
                for i, (r, v) in enumerate(zip(running, series.values, strict=True))
            ]
            heights = running
            parts = [s.label for s in data.series[: index + 1]]
            label = " + ".join([parts[0], *(part.lower() for part in parts[1:])]) + f", {YEAR_AGO}"
        else:
            heights = [v if series.is_known(i) else None for i, v in enumerate(series.values)]
            label = series.label
        xs = [_offset(i, index, width, stacked) for i in range(len(data.labels))]
        ys = [float("nan") if h is None else h for h in heights]
        colour = COLOURS[SERIES_COLOURS[data.series[index].label]]
        axes.plot(
            xs,
            ys,
            linestyle="--",
            linewidth=2.5,
            marker="o",
            markersize=5,
            color=_faint(colour),
            label=label,
            path_effects=[Stroke(linewidth=5, foreground="white"), Normal()],  # visible over a bar too
        )
        top = max([top, *(h for h in heights if h is not None)])
    return top


def _faint(colour: str) -> tuple[float, float, float]:
    """A series' colour, lighter: the same hue mixed with white."""
    return tuple(c + (1 - c) * YEAR_AGO_TINT for c in to_rgb(colour))  # type: ignore[return-value]


def _describe_year_ago(data: ChartData, series: Series) -> str:
    """The alt text's account of a year-ago line: its values by this year's months, "no data" before the data."""
    parts = [
        f"{month} {_note(value, None) if series.is_known(i) else 'no data'}"
        for i, (month, value) in enumerate(zip(data.labels, series.values, strict=True))
    ]
    return f"{series.label} (for the same months a year earlier): " + ", ".join(parts)


def _first_shares(data: ChartData) -> list[str]:
    """The first series' share of each stack ("69%"), or "" where a part is withheld or the stack is empty."""
    shares = []
    for values in zip(*(series.values for series in data.series), strict=True):
        known = [v for v in values if v is not None]
        shares.append(format_percentage(values[0], sum(known)) if len(known) == len(values) else "")
    return shares
