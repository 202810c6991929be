"""The performance table as an XLSX workbook an analyst can work on."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from digest.figures.catalogue import SECTIONS
from digest.figures.small_counts import SUPPRESSED, describe_number
from digest.reporting.profile import Profile
from digest.reporting.table import column_heads, disclosure_notes, heading_lines, partial_month_notes

BOLD = Font(bold=True)
LABEL_COLUMN_WIDTH = 70  # characters
VALUE_COLUMN_WIDTH = 9  # characters
FIRST_VALUE_COLUMN = 3  # C: after Ref and Indicator
VALUES_PER_COLUMN = 3  # per month and YTD: the count, its denominator ("of") and the percentage
# As people read percentages (digest.figures.percentages): whole percent, one decimal below 2% unless zero.
SHARE_FORMAT = "[=0]0%;[<0.02]0.0%;0%"


def reader_notes(profile: Profile) -> list[str]:
    """Notes under the table, for the managers who open the workbook: they have Excel, not a terminal,
    so the notes say where things are in the sheet and who to ask, never a command to run."""
    notes = [
        *partial_month_notes(profile),
        *disclosure_notes(profile),
        "Rows that are zero in every column are hidden, not deleted: unhide them in Excel to see them.",
    ]
    rejected = profile.snapshot.rows_rejected
    if rejected:
        notes.append(
            f"{describe_number(rejected, profile.suppressed)} row(s) of the case-management extract could not be "
            "used (for example a return date "
            "before the missing date) and are in no figure. The performance team who made this report has "
            "the list, by spreadsheet row and reason."
        )
    return notes


def render_workbook(profile: Profile) -> bytes:
    """The workbook as bytes, to attach to a message."""
    buffer = io.BytesIO()
    save_workbook(profile, buffer)
    return buffer.getvalue()


def save_workbook(profile: Profile, path: Path | IO[bytes]) -> None:
    """Write the table: per month and YTD the exact count, its denominator and the percentage as a formula
    (count / denominator), so an analyst can work with the figures. Rows that are zero in every column are
    hidden (not deleted), so the sheet reads like the report but keeps every figure. Printed, it fits the
    width of a landscape page and repeats its header rows on every page."""
    book = Workbook()
    sheet = book.active
    sheet.title = profile.columns[-2] if len(profile.columns) > 1 else "profile"
    for line in heading_lines(profile):
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    heads = column_heads(profile)
    header: list[str] = ["Ref", "Indicator"]
    for head in heads:
        header += [head.label, f"{head.label} of", f"{head.label} %"]
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    titles = {section.number: section.title for section in SECTIONS}
    section = None
    for row in profile.rows:
        indicator = row.indicator
        if indicator.section != section:
            section = indicator.section
            sheet.append([section, titles[section]])
            for cell in sheet[sheet.max_row]:
                cell.font = BOLD
        at = sheet.max_row + 1
        values: list[object] = [indicator.ref, indicator.label]
        for index, head in enumerate(heads):
            cell = row.values[head.key]
            count = get_column_letter(FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index)
            base = get_column_letter(FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index + 1)
            share = (
                f'=IF({base}{at}>0,{count}{at}/{base}{at},"")' if cell.count is not None and cell.denominator else None
            )
            values += [SUPPRESSED if cell.suppressed else cell.count, cell.denominator, share]
        sheet.append(values)
        for index in range(len(heads)):
            sheet.cell(row=at, column=FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index + 2).number_format = SHARE_FORMAT
        if row.is_zero():
            sheet.row_dimensions[at].hidden = True
    sheet.append([])
    for note in reader_notes(profile):
        sheet.append([note])
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = LABEL_COLUMN_WIDTH
    for column in range(FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * len(heads)):
        sheet.column_dimensions[get_column_letter(column)].width = VALUE_COLUMN_WIDTH
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)
