"""The digest as one Teams Adaptive Card: headline figures, highlights, data quality, and native charts.

Each chart is a Teams chart element (Chart.VerticalBar, Chart.Donut, ...) drawn from the digest's
numbers, with a fallback (the chart's title and its numbers as facts) for clients that cannot draw
charts. A card over the webhook's size limit is made again with fewer charts (ChartDetail).
"""

from __future__ import annotations

from enum import StrEnum

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Column,
    ColumnSet,
    Container,
    DonutChart,
    DonutChartData,
    HorizontalBarChart,
    HorizontalBarChartDataValue,
    LineChart,
    LineChartData,
    LineChartValue,
    OpenUrlAction,
    PieChart,
    TextBlock,
    VerticalBarChart,
    VerticalBarChartDataValue,
)
from microsoft_teams.cards.core import ChartColor

from bot.chats.teams.cards import render_card, render_facts, render_heading, render_titled
from digest.figures.percentages import format_percentage
from digest.figures.periods import month_name
from digest.figures.small_counts import SUPPRESSED
from digest.reporting.chart_data import TRENDS
from digest.reporting.commentary import BREAKDOWNS_HEADING, SectionComment, Under, select_comments
from digest.reporting.content import (
    OPEN_REPORT,
    REVISIONS_HEADING,
    ChartData,
    Digest,
    Figure,
    describe_revised_cells,
    describe_revisions,
)


class ChartDetail(StrEnum):
    """How many charts a card carries, most first: a card too large for the webhook steps down."""

    ALL = "all charts"
    MONTH = "the month's charts only"
    NONE = "no charts"


CHART_DETAILS = (ChartDetail.ALL, ChartDetail.MONTH, ChartDetail.NONE)
DONUTS = {"rhi-in-time", "gender"}
PIES = {"bme"}
HORIZONTAL_BARS = {"ethnicity", "case-type"}  # many categories with long names
SERIES_COLOURS: dict[str, ChartColor] = {  # one colour, one meaning, as in the Slack charts: all navy-blue, LAC orange
    "All": "categoricalBlue",
    "LAC": "categoricalMarigold",
    "In time": "good",
    "Not in time": "attention",
    "Not yet due": "neutral",
    "Offered": "categoricalLightBlue",
    "Accepted": "categoricalBlue",
}
# Last year's line in a lighter shade of its series' hue: Teams draws neither dashed lines nor a line over bars.
YEAR_AGO_COLOURS: dict[str, ChartColor] = {
    "All": "divergingLightBlue",
    "LAC": "divergingPeach",
    "In time": "sequentialGreen3",
    "Not in time": "sequentialRed3",
    "Offered": "sequential2",
    "Accepted": "divergingLightBlue",
}


def _figure_column(figure: Figure) -> Column:
    # A figure there is none of says why in words, wrapped at a size a column holds ("not in this source").
    number = (
        TextBlock(text=figure.shown, size="Medium", weight="Bolder", wrap=True)
        if figure.absence
        else TextBlock(text=figure.shown, size="ExtraLarge", weight="Bolder")
    )
    return Column(
        width="stretch",
        items=[
            number,
            TextBlock(text=figure.label, wrap=True, spacing="None"),
            TextBlock(text=figure.comparisons or " ", is_subtle=True, size="Small", wrap=True, spacing="None"),
        ],
    )


def _figures(title: str, figures: list[Figure]) -> list[CardElement]:
    return [render_heading(title, separator=True), ColumnSet(columns=[_figure_column(f) for f in figures])]


def render_comment(comment: SectionComment) -> Container:
    """An analyst's comment under the figures it explains: the section, the words, who wrote it and when."""
    return Container(
        style="emphasis",
        spacing="Small",
        items=[
            TextBlock(
                text=f"Comment on section {comment.section}, {comment.section_title}", weight="Bolder", wrap=True
            ),
            TextBlock(text=comment.text, wrap=True, spacing="Small"),
            TextBlock(text=comment.attribution, is_subtle=True, size="Small", wrap=True, spacing="None"),
        ],
    )


def _comments(comments: list[SectionComment], under: Under) -> list[CardElement]:
    return [render_comment(c) for c in select_comments(comments, under)]


def _shown(value: int | None, total: int | None) -> str:
    if value is None:
        return SUPPRESSED
    share = format_percentage(value, total)
    return f"{value} ({share})" if share else str(value)


def _drawn(labels: list[str], values: list[int | None], known_from: int = 0) -> list[tuple[str, int]]:
    """The points a chart draws: none before known_from (last year's months before the data), and a count
    withheld by disclosure control is left out (its "c" is in the fallback)."""
    pairs = zip(labels[known_from:], values[known_from:], strict=True)
    return [(label, value) for label, value in pairs if value is not None]


def _shown_title(chart: ChartData) -> str:
    """The chart's title, with its note when it has one (a trend whose months start before the data)."""
    return f"{chart.title}. {chart.note}" if chart.note else chart.title


def _month_year_ago(label: str) -> str:
    """ "Jun-19" -> "Jun-18": the month a year before a trend's month label (a partial month's "*" dropped)."""
    name, year = label.rstrip("*").split("-")
    return f"{name}-{int(year) - 1:02d}"


def render_chart_fallback(chart: ChartData) -> CardElement:
    """What a client without charts shows: the chart's title and its numbers, one line each; a trend's line
    gives each month last year's figures beside this year's ("Jun-19: All 116 · LAC 74 (Jun-18: All 98 · LAC 60)")."""
    if len(chart.series) == 1:
        values = chart.series[0].values
        pairs = [(label, _shown(v, chart.total)) for label, v in zip(chart.labels, values, strict=True)]
    else:
        pairs = []
        for i, label in enumerate(chart.labels):
            shown = " · ".join(f"{s.label} {_shown(s.values[i], None)}" for s in chart.series)
            if chart.year_ago and chart.year_ago[0].is_known(i):
                then = " · ".join(
                    f"{s.label} {_shown(y.values[i], None)}" for s, y in zip(chart.series, chart.year_ago, strict=True)
                )
                shown += f" ({_month_year_ago(label)}: {then})"
            pairs.append((label, shown))
    return render_titled(_shown_title(chart), render_facts(pairs))


def render_chart(chart: ChartData) -> CardElement:
    """The chart as a Teams chart element, chosen by what it shows, with its fallback; a chart with nothing to
    draw (not in this source, or no data) is left out, its sentence in its place."""
    if chart.absence:
        return TextBlock(text=chart.describe_left_out(), wrap=True, is_subtle=True)
    title, fallback = _shown_title(chart), render_chart_fallback(chart)  # only a trend has a note
    if chart.group == TRENDS:  # lines: this year's in the series' colours, last year's lighter beside them
        lines = [
            LineChartData(
                legend=s.label,
                color=SERIES_COLOURS.get(s.label),
                values=[LineChartValue(x=x, y=y) for x, y in _drawn(chart.labels, s.values)],
            )
            for s in chart.series
        ]
        lines += [
            LineChartData(
                legend=y.label,
                color=YEAR_AGO_COLOURS.get(s.label),
                values=[LineChartValue(x=x, y=v) for x, v in _drawn(chart.labels, y.values, y.known_from)],
            )
            for s, y in zip(chart.series[: len(chart.year_ago)], chart.year_ago, strict=True)
        ]
        return LineChart(title=title, show_title=True, data=lines, fallback=fallback)
    pairs = _drawn(chart.labels, chart.series[0].values)
    if chart.name in PIES:
        slices = [DonutChartData(legend=x, value=y, color=SERIES_COLOURS.get(x)) for x, y in pairs]
        return PieChart(title=title, show_title=True, show_legend=True, data=slices, fallback=fallback)
    if chart.name in DONUTS:
        slices = [DonutChartData(legend=x, value=y, color=SERIES_COLOURS.get(x)) for x, y in pairs]
        first = chart.series[0].values[0] if chart.series[0].values else None
        centre = format_percentage(first, chart.total) or None  # the first slice's share ("" if withheld)
        return DonutChart(title=title, show_title=True, show_legend=True, value=centre, data=slices, fallback=fallback)
    if chart.name in HORIZONTAL_BARS:
        bars = [HorizontalBarChartDataValue(x=x, y=y) for x, y in pairs]
        return HorizontalBarChart(
            title=title, show_title=True, display_mode="AbsoluteWithAxis", data=bars, fallback=fallback
        )
    columns = [VerticalBarChartDataValue(x=x, y=y) for x, y in pairs]
    return VerticalBarChart(title=title, show_title=True, show_bar_values=True, data=columns, fallback=fallback)


def render_table_note(digest: Digest, link: str | None) -> str:
    """Where the full table is, since a webhook cannot carry the XLSX: the month's web report, the shared folder,
    or the performance team (never a path on the server, which means nothing to a reader in Teams)."""
    if digest.report_link:
        return (
            "Every figure, the comments and the charts are in the full report, with the full table (XLSX) to download."
        )
    if link:
        return f"The full table ({digest.workbook_name}) is in [the shared folder]({link})."
    return f"The full table ({digest.workbook_name}) cannot travel with a Teams message: the performance team has it."


def render_digest_card(
    digest: Digest, table_note: str, table_link: str | None = None, detail: ChartDetail = ChartDetail.ALL
) -> AdaptiveCard:
    """The digest's card, with as many charts as detail allows."""
    body: list[CardElement] = [
        TextBlock(text=digest.title, size="Large", weight="Bolder", wrap=True, style="heading"),
        TextBlock(text=digest.data_quality, is_subtle=True, size="Small", wrap=True, spacing="Small"),
        *_figures("Missing episodes", digest.episodes),
        *_figures("Children", digest.children),
        *_comments(digest.comments, Under.EPISODES_AND_CHILDREN),
        *_figures("Return home interviews", digest.rhi),
        *_comments(digest.comments, Under.RHI),
        TextBlock(
            text=digest.still_missing.describe()
            + (f" ({digest.still_missing.comparisons})" if digest.still_missing.comparisons else ""),
            wrap=True,
            separator=True,
        ),
        *_comments(digest.comments, Under.STILL_MISSING),
    ]
    if digest.highlights:
        body.append(render_heading("Highlights", separator=True))
        body += [TextBlock(text=f"• {line}", wrap=True, spacing="Small") for line in digest.highlights]
    where_revised = describe_revised_cells(digest)
    if where_revised:
        body.append(render_heading(REVISIONS_HEADING, separator=True))
        body += [TextBlock(text=f"• {line}", wrap=True, spacing="Small") for line in describe_revisions(digest)]
        body.append(TextBlock(text=where_revised, is_subtle=True, size="Small", wrap=True, spacing="Small"))
    if select_comments(digest.comments, Under.BREAKDOWNS):  # just above the charts that show the breakdowns
        body += [render_heading(BREAKDOWNS_HEADING, separator=True), *_comments(digest.comments, Under.BREAKDOWNS)]
    for group, heading in (("profile", f"Missing profile, {month_name(digest.month)}"), ("trends", "Trends")):
        shown = detail == ChartDetail.ALL or (detail == ChartDetail.MONTH and group == "profile")
        charts = [c for c in digest.chart_data if c.group == group]
        if charts and shown:
            body.append(render_heading(heading, separator=True))
            body += [render_chart(c) for c in charts]
    if detail != ChartDetail.ALL and digest.chart_data:
        body.append(
            TextBlock(
                text=f"This card carries {detail} to fit Teams' size limit; every figure is in the full table.",
                is_subtle=True,
                wrap=True,
                separator=True,
            )
        )
    body.append(TextBlock(text=table_note, wrap=True, separator=True))
    if digest.report_link:
        body.append(ActionSet(actions=[OpenUrlAction(title=OPEN_REPORT, url=digest.report_link)]))
    elif table_link:
        body.append(ActionSet(actions=[OpenUrlAction(title="Open the full table", url=table_link)]))
    return render_card(body, summary=digest.title)
