"""The performance table as an XLSX workbook an analyst can work on."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from digest.figures.catalogue import SECTIONS
from digest.figures.percentages import format_percentage
from digest.reporting.profile import Profile
from digest.reporting.table import column_heads, heading_lines, partial_month_notes

BOLD = Font(bold=True)
LABEL_COLUMN_WIDTH = 70  # characters
VALUE_COLUMN_WIDTH = 9  # characters


def reader_notes(profile: Profile) -> list[str]:
    """Notes under the table, for the managers who open the workbook: they have Excel, not a terminal,
    so the notes say where things are in the sheet and who to ask, never a command to run."""
    notes = [
        *partial_month_notes(profile),
        "Rows that are zero in every column are hidden, not deleted: unhide them in Excel to see them.",
    ]
    rejected = profile.snapshot.rows_rejected
    if rejected:
        notes.append(
            f"{rejected:,} row(s) of the case-management extract could not be used (for example a return date "
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
    """Write the table: a count and a percentage column per month and YTD. Rows that are zero
    in every column are hidden (not deleted), so the sheet reads like the report but keeps every figure."""
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
        header += [head.label, f"{head.label} %"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = sheet.cell(row=sheet.max_row + 1, column=3)
    titles = {section.number: section.title for section in SECTIONS}
    section = None
    for row in profile.rows:
        indicator = row.indicator
        if indicator.section != section:
            section = indicator.section
            sheet.append([section, titles[section]])
            for cell in sheet[sheet.max_row]:
                cell.font = BOLD
        values: list[object] = [indicator.ref, indicator.label]
        for head in heads:
            cell = row.values[head.key]
            values.append(cell.count)
            text = format_percentage(cell.count, cell.denominator) if indicator.denominator else ""
            values.append(float(text.rstrip("%")) / 100 if text else None)
        sheet.append(values)
        for column, head in enumerate(heads):
            percent_cell = sheet.cell(row=sheet.max_row, column=4 + 2 * column)
            shown = format_percentage(row.values[head.key].count, row.values[head.key].denominator)
            percent_cell.number_format = "0.0%" if "." in shown else "0%"
        if row.is_zero():
            sheet.row_dimensions[sheet.max_row].hidden = True
    sheet.append([])
    for note in reader_notes(profile):
        sheet.append([note])
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = LABEL_COLUMN_WIDTH
    for column in range(3, 3 + 2 * len(heads)):
        sheet.column_dimensions[get_column_letter(column)].width = VALUE_COLUMN_WIDTH
    book.save(path)
