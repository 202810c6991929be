"""Issue 21: every file is read completely and correctly, or refused whole with the store as it was.

Each case is one a council's analyst or a tester met: before, each gave wrong figures with exit status 0.
"""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config
from digest.contract.timestamps import DAY_FIRST, MONTH_FIRST
from digest.intake import workbook_size
from digest.intake.ingest import IngestReport, ingest_extract
from digest.intake.refusals import ExtractRefused
from digest.intake.whole_file import FileRules
from digest.store.snapshots import SnapshotStore
from tests.conftest import counts, episode, numbered, stored_profile, write_csv

AS_AT = dt.datetime(2019, 7, 18)


def ingest(store: SnapshotStore, config: Config, path: Path, rules: FileRules | None = None) -> IngestReport:
    return ingest_extract(store, path, AS_AT, config, rules=rules)


def refusal(store: SnapshotStore, config: Config, path: Path, rules: FileRules | None = None) -> str:
    """The refusal's message; and the store holds nothing, as before."""
    with pytest.raises(ExtractRefused) as refused:
        ingest(store, config, path, rules)
    assert store.list_snapshots() == []
    return str(refused.value)


def forty_rows(tmp_path: Path, name: str = "forty.csv") -> Path:
    days = [f"2019-06-{1 + i % 28:02d}" for i in range(40)]
    rows = numbered([episode(missing_start=f"{day} 10:00", missing_end=f"{day} 18:00") for day in days])
    rows[20]["missing_end"] = ""  # one still open
    return write_csv(tmp_path / name, rows, [*CONTRACT_COLUMNS, "notes"])


def test_unterminated_quote_in_the_last_column_is_refused_with_its_row(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    """Case 1: it read as 3 rows, accepted 3; 37 episodes, the open one among them, vanished."""
    path = forty_rows(tmp_path)
    lines = path.read_text().splitlines()
    lines[3] += '"left at 10'  # the last column, notes, of data row 3 (spreadsheet row 4)
    path.write_text("\n".join(lines) + "\n")
    assert refusal(store, config, path) == (
        'forty.csv: row 4 opens a quote (") that is never closed, so every row after it would be read as part of '
        "one cell; close or remove that quote and save the file again"
    )


def test_row_with_more_cells_than_the_header_is_refused_with_its_row(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    path = forty_rows(tmp_path)
    lines = path.read_text().splitlines()
    lines[6] += ",left at 10, by car"
    path.write_text("\n".join(lines) + "\n")
    assert refusal(store, config, path) == (
        "forty.csv: row 7 has 17 cells but the header row has 15; a cell with a comma in it must be in quotes. "
        "Mend that row and save the file again"
    )


def test_title_row_above_the_header_is_named(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 11: it said "Expected 1 fields in line 2, saw 15"."""
    path = forty_rows(tmp_path)
    path.write_text("Missing episodes, June 2019\n" + path.read_text())
    assert refusal(store, config, path) == (
        "forty.csv: the header row is row 2, below 1 row of title; delete the rows above the header row and save "
        "the file again"
    )


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files_are_read(
    store: SnapshotStore, config: Config, tmp_path: Path, delimiter: str
) -> None:
    """Case 11: they were refused with "is the header row missing?"."""
    path = forty_rows(tmp_path)
    path.write_text(path.read_text().replace(",", delimiter), encoding="utf-8-sig")  # with Excel's BOM, too
    report = ingest(store, config, path)
    assert (report.rows_read, report.rows_accepted) == (40, 40)


def test_another_separator_is_named(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    path = forty_rows(tmp_path)
    path.write_text(path.read_text().replace(",", "|"))
    assert refusal(store, config, path) == (
        "forty.csv: the first row is one cell, and its cells seem to be separated by vertical bars; save the "
        "extract as CSV with commas, semicolons or tabs between cells"
    )


def test_utf16_without_its_byte_order_mark_is_named(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    path = forty_rows(tmp_path)
    path.write_bytes(path.read_text().encode("utf-16-le"))
    assert refusal(store, config, path) == (
        "forty.csv looks like UTF-16 text saved without its byte-order mark; open it in Excel and save it again "
        "as CSV UTF-8"
    )


def us_extract(tmp_path: Path) -> Path:
    """June 2019 written month first: 6/1 to 6/28, half of the days over 12."""
    rows = [
        episode(missing_start=f"06/{day:02d}/2019 10:00", missing_end=f"06/{day:02d}/2019 18:00", date_of_birth="")
        for day in range(1, 29)
    ]
    rows[0]["date_of_birth"] = "03/14/2005"
    return write_csv(tmp_path / "us.csv", numbered(rows))


def test_month_first_dates_are_refused_and_read_when_said(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 2: days over 12 were rejected, the rest read day-first with wrong dates; June showed a fraction."""
    path = us_extract(tmp_path)
    assert refusal(store, config, path) == (
        "us.csv: dates look month-first (US): 33 dates such as 06/13/2019 can only be read month first, so every "
        "date in it may be misread. If the file is written month first, ingest it with --dates month-first (or "
        'set date_order = "month-first" under [ingest] in the config); otherwise export it again with day-first '
        "(DD/MM/YYYY) or ISO dates"
    )
    report = ingest(store, config, path, FileRules(MONTH_FIRST))
    assert (report.rows_read, report.rows_accepted) == (28, 28)
    june = stored_profile(store, config, report.snapshot_id)
    assert counts(june, "episodes.all") == {"2019-04": None, "2019-05": None, "2019-06": 28, "ytd": 28}
    assert counts(june, "age.14")["2019-06"] == 1  # born 14 March 2005, missing 1 June 2019
    # Said in the config instead: the same.
    again = ingest_extract(store, path, AS_AT + dt.timedelta(hours=1), replace(config, date_order=MONTH_FIRST))
    assert again.rows_accepted == 28
    # Said day-first outright: no guess, so 06/13 is unreadable and 06/08 is 6 August, after the as-at time.
    later = AS_AT + dt.timedelta(hours=2)
    day_first = ingest_extract(store, path, later, config, rules=FileRules(DAY_FIRST, accept_rejected=True))
    assert day_first.rejected_by_reason == {"missing_start unreadable": 16, "missing_start after the as-at time": 5}


def test_mostly_rejected_file_is_refused_unless_accepted(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 3: a file with 20% of its rows rejected became the latest snapshot, exit 0, every figure down."""
    rows = numbered([episode() for _ in range(16)] + [episode(child_id="")] * 3 + [episode(missing_start="soon")])
    path = write_csv(tmp_path / "poor.csv", rows)
    assert refusal(store, config, path) == (
        "poor.csv: 4 of its 20 rows (20.0%) would be rejected, more than the 5% allowed (child_id missing: 3; "
        "missing_start unreadable: 1). Mend the extract and export it again, or store it anyway with "
        "--accept-rejected (max_rejected_percent under [ingest] in the config sets the limit)"
    )
    assert ingest(store, config, path, FileRules(accept_rejected=True)).rows_accepted == 16
    looser = replace(config, max_rejected_percent=20)
    assert ingest_extract(store, path, AS_AT + dt.timedelta(hours=1), looser).rows_accepted == 16
    one_in_twenty = write_csv(tmp_path / "fine.csv", numbered([episode() for _ in range(19)] + [episode(child_id="")]))
    assert ingest(store, config, one_in_twenty).rows_rejected == 1  # 5% exactly: stored


def test_dates_of_birth_that_are_not_recorded_fall_in_no_age_band(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    """Case 4: 0001-01-01 was accepted with no note and counted as 17+."""
    start = "2019-06-10 10:00"
    births = {
        "0001-01-01": "age.not_recorded",
        "1900-01-01": "age.not_recorded",
        "": "age.not_recorded",
        "31/02/2005": "age.not_recorded",
        "2019-06-11": "age.not_recorded",  # after the start
        "1994-06-09": "age.not_recorded",  # 25 years and a day before the start
        "1994-06-10": "age.17_plus",  # 25 years to the day: recorded
        "2019-06-10": "age.under_10",  # born that day
        "2005-06-10": "age.14",
    }
    rows = numbered([episode(missing_start=start, date_of_birth=born) for born in births])
    report = ingest(store, config, write_csv(tmp_path / "births.csv", rows))
    assert report.rows_accepted == len(births)
    assert report.unrecognised.query("column == 'date_of_birth'")["count"].sum() == 6
    june = stored_profile(store, config, report.snapshot_id)
    assert {key: counts(june, key)["2019-06"] for key in set(births.values())} == {
        "age.not_recorded": 6,
        "age.17_plus": 1,
        "age.under_10": 1,
        "age.14": 1,
    }
    assert counts(june, "episodes.all")["2019-06"] == len(births)  # kept and counted everywhere else


def test_xlsx_claiming_the_whole_grid_is_refused_before_it_is_read(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    """Case 5: a 1.7 KB workbook with one cell at XFD1048576 took 22.8 GB before it was killed."""
    book = Workbook()
    book.active.append(list(CONTRACT_COLUMNS))
    book.active.append(list(episode().values()))
    book.active["XFD1048576"] = "x"
    path = tmp_path / "grid.xlsx"
    book.save(path)
    started = time.perf_counter()
    assert refusal(store, config, path) == (
        "grid.xlsx has cells spanning 17,179,869,184 places in its sheets (last row x last column), more than the "
        "10,000,000 that fit in 1.0 GB; delete the rows and columns below and to the right of the data in Excel "
        "and save again, or export the extract as CSV"
    )
    assert time.perf_counter() - started < 5


def test_workbook_that_unpacks_too_large_is_refused_unread(
    store: SnapshotStore, config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb: its declared sizes are checked, nothing unpacked (bench/ measures a real 1 GB one)."""
    monkeypatch.setattr(workbook_size, "MAX_UNPACKED_BYTES", 10_000_000)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b" " * 20_000_000)
    assert refusal(store, config, path) == (
        "bomb.xlsx unpacks to 0.0 GB, more than the 0.0 GB it may take to read; export the extract as CSV instead"
    )


def test_password_protected_workbook_says_so(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 11: it said "BadZipFile". Excel saves an encrypted workbook as an OLE2 compound file."""
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    assert refusal(store, config, path) == (
        "locked.xlsx is password-protected, or an Excel 97-2003 workbook; remove the password in Excel (File, "
        "Info, Protect Workbook) and save it as .xlsx, or save it as CSV"
    )


def test_renamed_column_names_the_header_to_map(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 11: it said "...and 1 other header (not shown)", hiding the one header to map."""
    rows = [{("Legal Status" if k == "care_status" else k): v for k, v in episode().items()}]
    assert refusal(store, config, write_csv(tmp_path / "renamed.csv", rows)).endswith(
        'rhi_completed, "Legal Status". Add the column, or map your header name onto it under [columns] in the config'
    )
