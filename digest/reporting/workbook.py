"""The performance table as an XLSX workbook an analyst can work on."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.periods import month_key
from digest.figures.small_counts import SUPPRESSED, describe_number
from digest.reporting.commentary import SectionComment
from digest.reporting.profile import Profile
from digest.reporting.revisions import Revision
from digest.reporting.table import (
    absence_notes,
    column_heads,
    disclosure_notes,
    heading_lines,
    partial_month_notes,
)

BOLD = Font(bold=True)
LABEL_COLUMN_WIDTH = 70  # characters
VALUE_COLUMN_WIDTH = 9  # characters
FIRST_VALUE_COLUMN = 3  # C: after Ref and Indicator
VALUES_PER_COLUMN = 3  # per month and YTD: the count, its denominator ("of") and the percentage
COMMENTS_COLUMN_WIDTH = 60  # characters; a comment wraps within it
COMMENTS_HEAD = "Comments"  # as the paper report heads its last column
# As people read percentages (digest.figures.percentages): whole percent, one decimal below 2% unless zero.
SHARE_FORMAT = "[=0]0%;[<0.02]0.0%;0%"
REVISED_FILL = PatternFill(fill_type="solid", start_color="FFE699", end_color="FFE699")  # amber: revised
REVISED_KEY = (
    "Cells filled amber were revised since a digest published them (late-recorded episodes change earlier "
    "months): each has a note saying what that digest showed."
)
NOTE_AUTHOR = "missing-report"
NOTE_WIDTH, NOTE_HEIGHT = 240, 60  # points: the size of a cell note's box when it is opened


def reader_notes(profile: Profile) -> list[str]:
    """Notes under the table, for the managers who open the workbook: they have Excel, not a terminal,
    so the notes say where things are in the sheet and who to ask, never a command to run."""
    notes = [
        *partial_month_notes(profile),
        *absence_notes(profile),
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


def render_workbook(
    profile: Profile, revisions: Sequence[Revision] = (), comments: Sequence[SectionComment] = ()
) -> bytes:
    """The workbook as bytes, to attach to a message; revised cells marked and comments in (see save_workbook)."""
    buffer = io.BytesIO()
    save_workbook(profile, buffer, revisions, comments)
    return buffer.getvalue()


def render_comment_cell(comment: SectionComment) -> str:
    """A section's Comments cell: the comment, then who wrote it and when."""
    return f"{comment.text} ({comment.attribution})"


def save_workbook(
    profile: Profile,
    path: Path | IO[bytes],
    revisions: Sequence[Revision] = (),
    comments: Sequence[SectionComment] = (),
) -> None:
    """Write the table: per month and YTD the exact count, its denominator and the percentage as a formula
    (count / denominator), so an analyst can work with the figures. Rows that are zero in every column are
    hidden (not deleted), so the sheet reads like the report but keeps every figure. Printed, it fits the
    width of a landscape page and repeats its header rows on every page. The last column, Comments, has
    each section's comment on the section's title row, as the paper report has. Each count in revisions is
    filled amber with a note of what was published, and a line under the table says what the amber means."""
    revised = {(r.key, month_key(r.month)): r for r in revisions}
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
    comments_column = FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * len(heads)
    header.append(COMMENTS_HEAD)
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    comment_of = {comment.section: render_comment_cell(comment) for comment in comments}
    section = None
    for row in profile.rows:
        indicator = row.indicator
        if indicator.section != section:
            section = indicator.section
            sheet.append([section, SECTION_BY_NUMBER[section].title])
            for cell in sheet[sheet.max_row]:
                cell.font = BOLD
            if section in comment_of:
                comment = sheet.cell(row=sheet.max_row, column=comments_column, value=comment_of[section])
                comment.alignment = Alignment(wrap_text=True, vertical="top")
        at = sheet.max_row + 1
        values: list[object] = [indicator.ref, indicator.label]
        for index, head in enumerate(heads):
            cell = row.values[head.key]
            count = get_column_letter(FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index)
            base = get_column_letter(FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index + 1)
            share = (
                f'=IF({base}{at}>0,{count}{at}/{base}{at},"")' if cell.count is not None and cell.denominator else None
            )
            count_shown = SUPPRESSED if cell.suppressed else cell.count
            values += [cell.describe_count() if cell.absence else count_shown, cell.denominator, share]
        sheet.append(values)
        for index, head in enumerate(heads):
            sheet.cell(row=at, column=FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index + 2).number_format = SHARE_FORMAT
            revision = revised.get((indicator.key, head.key))
            if revision is not None:
                _mark_revised(sheet.cell(row=at, column=FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * index), revision)
        if row.is_zero():
            sheet.row_dimensions[at].hidden = True
    sheet.append([])
    if revised:
        sheet.append([REVISED_KEY])
        sheet.cell(row=sheet.max_row, column=1).fill = REVISED_FILL
    for note in reader_notes(profile):
        sheet.append([note])
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = LABEL_COLUMN_WIDTH
    for column in range(FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + VALUES_PER_COLUMN * len(heads)):
        sheet.column_dimensions[get_column_letter(column)].width = VALUE_COLUMN_WIDTH
    sheet.column_dimensions[get_column_letter(comments_column)].width = COMMENTS_COLUMN_WIDTH
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)


def _mark_revised(cell: Cell, revision: Revision) -> None:
    cell.fill = REVISED_FILL
    note = Comment(revision.note(), NOTE_AUTHOR)
    note.width, note.height = NOTE_WIDTH, NOTE_HEIGHT
    cell.comment = note
