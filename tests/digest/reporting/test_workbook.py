"""The workbook's notes are read by managers in Excel: what they see in the sheet, never a command to run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from digest.contract.config import Config
from digest.reporting.table import render_text_table
from digest.reporting.workbook import save_workbook
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, episode, numbered, profile_of


def test_workbook_notes_speak_to_a_reader_without_a_terminal(
    store: SnapshotStore, config: Config, write_extract: WriteExtract, tmp_path: Path
) -> None:
    rows = numbered(
        [
            episode(),
            episode(missing_start="2019-07-02 10:00", missing_end=""),
            episode(missing_end="2019-06-01 10:00"),  # returned before going missing: rejected
        ]
    )
    profile = profile_of(store, config, write_extract(rows), "2019-07", dt.datetime(2019, 7, 18, 9, 0))
    save_workbook(profile, tmp_path / "july.xlsx")
    sheet = load_workbook(tmp_path / "july.xlsx").active
    values = [row[0].value for row in sheet.iter_rows()]
    notes = values[values.index(None, 5) + 1 :]  # after the blank row that ends the table
    assert notes[-5:] == [
        "* Jul-19 is a partial month: episodes to 18/07/2019 09:00 only.",
        "no data: the data starts in June 2019; a month before it has no figures (not zero).",
        "YTD (partial): the data starts in June 2019, so the year to date 2019/20 runs from June 2019, not from April.",
        "Rows that are zero in every column are hidden, not deleted: unhide them in Excel to see them.",
        "1 row(s) of the case-management extract could not be used (for example a return date before the "
        "missing date) and are in no figure. The performance team who made this report has the list, "
        "by spreadsheet row and reason.",
    ]
    assert not any("missing-report" in str(value) for value in values)
    # The terminal's table is for the analyst, who can list the rows.
    assert render_text_table(profile).endswith(
        "1 row(s) of the extract were rejected and are in no figure; see 'missing-report rejected'.\n"
    )
