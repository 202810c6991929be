"""The web report's HTML: plain data from bot.web_report.report laid out by this package's Jinja2 templates.

The templates escape everything by default (an analyst's comment is shown as its text, never as mark-up)
and carry no script: the page works, prints and reads aloud without any (the CSP allows none).
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from bot.settings import REPORT_PATH
from bot.web_report.report import MonthReport, MonthsWithData
from bot.web_report.signin import Visitor
from digest.figures.absence import Absence
from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, financial_year_label, is_partial, month_key, month_label, month_name
from digest.figures.small_counts import SUPPRESSED, describe_number
from digest.reporting.content import REVISIONS_HEADING, ChartData, Series
from digest.reporting.profile import Cell, Profile
from digest.reporting.revisions import Revision
from digest.reporting.table import REPORT_TITLE, column_heads, disclosure_notes, partial_month_notes, shown_rows

ABSENCE_NOTES = {
    Absence.NOT_IN_SOURCE: "Not in this source: the data this report was made from does not hold what it needs.",
    Absence.NO_DATA: "No data: these months are before the data starts or after it was taken.",
}
REVISED_MARK = "r"  # beside a revised cell, explained under the table
TEMPLATES = Environment(
    loader=PackageLoader("bot.web_report", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class ShownCell:
    count: str  # "116", "c", "no data", "not in this source"
    share: str  # "46%", or "" where the row has no percentage or it is withheld
    base: str  # "of 116", or ""
    absent: bool  # no figure at all (the words stand in for it)
    revised: Revision | None


@dataclass(frozen=True)
class ShownRow:
    ref: str
    label: str
    cells: list[ShownCell]


@dataclass(frozen=True)
class ShownSection:
    number: str
    title: str
    comment: str
    attribution: str
    rows: list[ShownRow]

    @property
    def absence_note(self) -> str:
        """What the section says when none of its cells has a figure, all for one reason; else ""."""
        cells = [cell for row in self.rows for cell in row.cells]
        words = {cell.count for cell in cells if cell.absent}
        if not cells or not all(cell.absent for cell in cells) or len(words) != 1:
            return ""
        return ABSENCE_NOTES[Absence(words.pop())]


@dataclass(frozen=True)
class ChartTable:
    """A chart's numbers as a table: a row per category or month, a column per series."""

    data: ChartData
    heads: list[str]
    rows: list[tuple[str, list[str]]]


def show_cell(cell: Cell, has_share: bool, revised: Revision | None) -> ShownCell:
    share = format_percentage(cell.count, cell.denominator) if has_share else ""
    base = f"of {cell.denominator}" if has_share and share and cell.denominator is not None else ""
    return ShownCell(cell.describe_count(), share, base, cell.absence is not None, revised)


def show_sections(report: MonthReport) -> list[ShownSection]:
    """The table's rows (those not zero in every column), under their sections, with each section's comment."""
    profile = report.profile
    heads = column_heads(profile)
    comments = {comment.section: comment for comment in report.digest.comments}
    sections: list[ShownSection] = []
    for row in shown_rows(profile):
        indicator = row.indicator
        if not sections or sections[-1].number != indicator.section:
            comment = comments.get(indicator.section)
            sections.append(
                ShownSection(
                    indicator.section,
                    SECTION_BY_NUMBER[indicator.section].title,
                    comment.text if comment else "",
                    comment.attribution if comment else "",
                    [],
                )
            )
        cells = [
            show_cell(
                row.values[head.key],
                indicator.denominator is not None,
                None if head.key == YTD else report.revision_of(indicator.key, head.key),
            )
            for head in heads
        ]
        sections[-1].rows.append(ShownRow(indicator.ref, indicator.label, cells))
    return sections


def show_value(value: int | None, series: Series, index: int) -> str:
    if not series.is_known(index):
        return "no data"
    return SUPPRESSED if value is None else str(value)


def show_chart_table(data: ChartData) -> ChartTable:
    every = [*data.series, *data.year_ago]
    heads = [s.label or "Number" for s in data.series] + [
        f"{s.label or 'Number'}, a year earlier" for s in data.year_ago
    ]
    rows = [(label, [show_value(s.values[i], s, i) for s in every]) for i, label in enumerate(data.labels)]
    if data.total is not None and len(data.series) == 1:
        heads.append("Share")
        values = data.series[0].values
        rows = [
            (label, [*cells, format_percentage(values[i], data.total) if values[i] is not None else ""])
            for i, (label, cells) in enumerate(rows)
        ]
    return ChartTable(data, heads, rows)


def show_chart_group(report: MonthReport, group: str) -> list[ChartTable]:
    return [show_chart_table(chart) for chart in report.charts if chart.group == group]


def page_notes(profile: Profile) -> list[str]:
    """The notes under the table, for a manager reading the page (no command, no spreadsheet advice)."""
    notes = [
        *partial_month_notes(profile),
        *disclosure_notes(profile),
        "Rows that are zero in every column are not shown.",
    ]
    rejected = profile.snapshot.rows_rejected
    if rejected:
        notes.append(
            f"{describe_number(rejected, profile.suppressed)} row(s) of the case-management extract could not be used "
            "and are in no figure; the performance team has the list."
        )
    return notes


def month_picker(months: MonthsWithData, current: int | None) -> list[tuple[str, str, bool]]:
    """The picker's options, newest first: (value, words, chosen)."""
    return [(month_key(m), month_name(m), m == current) for m in months.newest_first()]


def render_month_page(report: MonthReport, months: MonthsWithData, visitor: Visitor) -> str:
    profile = report.profile
    month = report.digest.month
    return TEMPLATES.get_template("month.html").render(
        base=REPORT_PATH,
        title=f"{month_name(month)}{' (partial month)' if profile.partial_month else ''}",
        report_title=REPORT_TITLE,
        visitor=visitor,
        digest=report.digest,
        month_key=month_key(month),
        month_name=month_name(month),
        financial_year=profile.financial_year,
        picker=month_picker(months, month),
        previous=month_key(month - 1) if month - 1 in months else None,
        following=month_key(month + 1) if month + 1 in months else None,
        previous_name=month_name(month - 1),
        following_name=month_name(month + 1),
        heads=column_heads(profile),
        sections=show_sections(report),
        revisions_heading=REVISIONS_HEADING,
        revised_mark=REVISED_MARK,
        revised_count=len(report.revisions),
        notes=page_notes(profile),
        chart_groups=[
            (f"Missing profile, {month_name(month)}", show_chart_group(report, "profile")),
            ("Trends over 13 months", show_chart_group(report, "trends")),
        ],
        workbook_name=f"missing-report-{month_key(month)}.xlsx",
    )


def render_index_page(months: MonthsWithData | None, visitor: Visitor) -> str:
    years: list[tuple[str, list[tuple[str, str]]]] = []
    if months is not None:
        for m in months.newest_first():
            label = financial_year_label(m)
            if not years or years[-1][0] != label:
                years.append((label, []))
            partial = " (partial month)" if is_partial(m, months.snapshot.as_at) else ""
            years[-1][1].append((month_key(m), month_name(m) + partial))
    return TEMPLATES.get_template("index.html").render(
        base=REPORT_PATH,
        title="The monthly report",
        visitor=visitor,
        years=years,
        months=months,
        latest=month_key(months.last) if months else None,
        latest_name=month_name(months.last) if months else "",
    )


def render_no_data_page(month: int, months: MonthsWithData | None, visitor: Visitor) -> str:
    """A month outside the data: said so, with the months there are."""
    there = f"The report covers {months.describe()}." if months else "No extract has been loaded yet."
    return TEMPLATES.get_template("no_data.html").render(
        base=REPORT_PATH,
        title=f"No data for {month_name(month)}",
        visitor=visitor,
        message=f"There is no data for {month_name(month)}. {there}",
        picker=month_picker(months, None) if months else [],
        label=month_label(month),
    )


def render_message_page(
    title: str, message: str, visitor: Visitor | None = None, sign_in: bool = False, home: bool = True
) -> str:
    """A page with no figures: signed out, refused, not found, or a sign-in that failed. home: link to the months
    (not for someone the report refuses)."""
    return TEMPLATES.get_template("message.html").render(
        base=REPORT_PATH, title=title, message=message, visitor=visitor, sign_in=sign_in, home=home
    )
