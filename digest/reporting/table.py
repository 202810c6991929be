"""The profile as the performance table people know (text, CSV and XLSX), laid out like the reference report."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from digest.contract.names import shown_name
from digest.figures.absence import Absence
from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, month_key, month_label, month_name, parse_month
from digest.figures.small_counts import SUPPRESSED, describe_number
from digest.reporting.profile import Cell, Profile, ProfileRow

REPORT_TITLE = "Children Missing from Home/Care Monthly Performance Report"
PARTIAL_MARK = "*"
PARTIAL_YEAR_TO_DATE = "YTD (partial)"  # the YTD column's heading when the data starts after April
SUPPRESSION_NOTE = (
    f"{SUPPRESSED}: withheld to protect confidentiality, a count from 1 to 5 or one from which such a count "
    "could be worked out (DfE convention); percentages of withheld counts are not shown."
)


@dataclass(frozen=True)
class ColumnHead:
    key: str
    label: str


def column_heads(profile: Profile) -> list[ColumnHead]:
    """Column headings: 'Apr-19', ..., 'YTD', the partial month marked with an asterisk."""
    heads = []
    for key in profile.columns:
        if key == YTD:
            heads.append(ColumnHead(key, PARTIAL_YEAR_TO_DATE if profile.partial_year_to_date else "YTD"))
            continue
        label = month_label(parse_month(key))
        if profile.partial_month and parse_month(key) == profile.month:
            label += PARTIAL_MARK
        heads.append(ColumnHead(key, label))
    return heads


def shown_rows(profile: Profile) -> list[ProfileRow]:
    """The rows people see: those not zero in every column, as the reference report does."""
    return [row for row in profile.rows if not row.is_zero()]


def describe_as_at(profile: Profile) -> str:
    return f"{profile.as_at:%d/%m/%Y %H:%M}"


def heading_lines(profile: Profile) -> list[str]:
    lines = [
        REPORT_TITLE,
        f"Reporting month: {month_name(profile.month)}{' (partial month)' if profile.partial_month else ''}",
        f"Financial year: {profile.financial_year}",
        f"Data as at: {describe_as_at(profile)} "
        f"(snapshot {profile.snapshot.id}, {shown_name(profile.snapshot.file_name)})",
    ]
    return lines


def partial_month_notes(profile: Profile) -> list[str]:
    """The note that explains the asterisk on a month that had not ended at the as-at time."""
    if not profile.partial_month:
        return []
    return [
        f"{PARTIAL_MARK} {month_label(profile.month)} is a partial month: episodes to {describe_as_at(profile)} only."
    ]


def absence_notes(profile: Profile) -> list[str]:
    """What "no data", a partial year to date and "not in this source" mean, where the table shows them."""
    starts = month_name(profile.data_starts)
    notes = []
    if profile.no_data_columns:
        notes.append(f"{Absence.NO_DATA}: the data starts in {starts}; a month before it has no figures (not zero).")
    if profile.partial_year_to_date:
        notes.append(
            f"{PARTIAL_YEAR_TO_DATE}: the data starts in {starts}, so the year to date {profile.financial_year} "
            f"runs from {starts}, not from April."
        )
    if any(row.not_in_source for row in profile.rows):
        notes.append(describe_not_in_source(profile))
    return notes


def describe_not_in_source(profile: Profile) -> str:
    """The sentence under a table with rows its source cannot fill, naming them by ref."""
    refs = ", ".join(row.indicator.ref for row in profile.rows if row.not_in_source)
    return f"{Absence.NOT_IN_SOURCE} ({refs}): the Standard Safeguarding Dataset does not hold what these rows count."


def disclosure_notes(profile: Profile) -> list[str]:
    """What "c" means, where disclosure control was applied."""
    return [SUPPRESSION_NOTE] if profile.suppressed else []


def footnote_lines(profile: Profile) -> list[str]:
    """Notes under the table in a terminal, for the analyst, who can run the command they name."""
    notes = [
        *partial_month_notes(profile),
        *absence_notes(profile),
        *disclosure_notes(profile),
        "Rows that are zero in every column are not shown.",
    ]
    if profile.snapshot.rows_rejected:
        notes.append(
            f"{describe_number(profile.snapshot.rows_rejected, profile.suppressed)} row(s) of the extract were "
            "rejected and are in no figure; "
            f"see 'missing-report rejected'."
        )
    return notes


def is_partial_ytd(profile: Profile, column: str) -> bool:
    return column == YTD and profile.partial_year_to_date


def render_cell(cell: Cell, with_percentage: bool) -> str:
    if cell.count is None or not with_percentage:
        return cell.describe_count()
    return f"{cell.count} {format_percentage(cell.count, cell.denominator)}".rstrip()


def render_text_table(profile: Profile) -> str:
    """The table as plain text for a terminal: ref, indicator, one column per month and YTD."""
    heads = column_heads(profile)
    rows = shown_rows(profile)
    body: list[tuple[str, str, list[str]]] = []
    sections_seen: set[str] = set()
    for row in rows:
        indicator = row.indicator
        if indicator.section not in sections_seen:
            sections_seen.add(indicator.section)
            title = SECTION_BY_NUMBER[indicator.section].title
            body.append((indicator.section, title, ["" for _ in heads]))
        cells = [render_cell(row.values[h.key], indicator.denominator is not None) for h in heads]
        body.append((indicator.ref, indicator.label, cells))
    ref_width = max([3, *(len(ref) for ref, _, _ in body)])
    label_width = max([9, *(len(label) for _, label, _ in body)])
    widths = [max([len(h.label), *(len(cells[i]) for _, _, cells in body)]) for i, h in enumerate(heads)]

    def line(ref: str, label: str, cells: list[str]) -> str:
        columns = "  ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True))
        return f"{ref.ljust(ref_width)}  {label.ljust(label_width)}  {columns}".rstrip()

    out = [*heading_lines(profile), ""]
    out.append(line("REF", "INDICATOR", [h.label for h in heads]))
    out += [line(ref, label, cells) for ref, label, cells in body]
    out += ["", *footnote_lines(profile)]
    return "\n".join(out) + "\n"


def render_csv(profile: Profile) -> str:
    """Every indicator (zeros included) with exact counts and denominators, for other programs. A cell with no
    figure says why in both its columns ("no data", "not in this source"), never a blank; a partial year to
    date says so in its heading."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["ref", "key", "indicator"]
    for column in profile.columns:
        name = (
            f"{column} (partial, from {month_key(profile.data_starts)})" if is_partial_ytd(profile, column) else column
        )
        header += [name, f"{name} denominator"]
    writer.writerow(header)
    for row in profile.rows:
        values: list[object] = [row.indicator.ref, row.indicator.key, row.indicator.label]
        for column in profile.columns:
            cell = row.values[column]
            if cell.absence is not None:
                values += [cell.describe_count()] * 2
                continue
            values += [
                cell.describe_count(),
                "" if cell.denominator is None else cell.denominator,
            ]
        writer.writerow(values)
    return buffer.getvalue()
