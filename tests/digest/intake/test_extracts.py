"""Whole-file refusals, and reading XLSX as well as CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from digest.contract.config import Config
from digest.intake.extracts import ExtractRefused
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, counts, episode, ingest_rows, stored_profile


def dump(store: SnapshotStore) -> list[str]:
    return list(store.db.conn.iterdump())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("episodes.pdf", b"%PDF-1.4", "episodes.pdf is not a CSV or XLSX file"),
        (
            "episodes.xls",
            b"\xd0\xcf\x11\xe0",
            "episodes.xls is not a CSV or XLSX file (save it from Excel as .xlsx or .csv)",
        ),
        ("episodes.csv", b"", "episodes.csv is empty; export the extract again"),
        (
            "episodes.csv",
            b"episode_id,child_id,missing_start,missing_end,gender,date_of_birth,ethnicity,care_status\n",
            "episodes.csv has a header row but no episodes",
        ),
        ("episodes.xlsx", b"PK\x03\x04not really a zip", "episodes.xlsx is not a readable XLSX workbook"),
        ("episodes.csv", b"PK\x03\x04", "episodes.csv is a spreadsheet, not CSV text; rename it to .xlsx"),
    ],
)
def test_unusable_file_is_refused_and_store_untouched(
    store: SnapshotStore, config: Config, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    before = dump(store)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractRefused) as refused:
        ingest_rows(store, config, path)
    assert str(refused.value).startswith(message)
    assert dump(store) == before


def test_missing_required_columns_are_named(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    row = episode()
    del row["date_of_birth"], row["care_status"]
    before = dump(store)
    with pytest.raises(ExtractRefused) as refused:
        ingest_rows(store, config, write_extract([row]))
    assert str(refused.value).startswith(
        "extract.csv lacks the required columns date_of_birth, care_status; the columns it has: episode_id, child_id,"
    )
    assert "map your header name onto it under [columns] in the config" in str(refused.value)
    assert dump(store) == before


def test_two_headers_for_one_column_are_refused(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    row = {**episode(), "Child ID": "C9"}
    with pytest.raises(ExtractRefused, match='headers "child_id" and "Child ID" both mean child_id'):
        ingest_rows(store, config, write_extract([row]))


def test_file_that_does_not_exist(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    with pytest.raises(ExtractRefused, match="does not exist or is not a file"):
        ingest_rows(store, config, tmp_path / "nope.csv")


def test_windows_1252_csv_is_read(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    header = "episode_id,child_id,missing_start,missing_end,gender,date_of_birth,ethnicity,care_status\n"
    path.write_bytes((header + "E1,C1,10/06/2019 10:00,,F,01/01/2005,A1 – White British,LAC\n").encode("cp1252"))
    report = ingest_rows(store, config, path)
    assert report.rows_accepted == 1
    assert report.unrecognised.empty  # the en dash label still reads as A1


def test_xlsx_with_real_dates_and_numbers(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Episode ID",
            "Child ID",
            "Missing Start",
            "Missing End",
            "Gender",
            "DOB",
            "Ethnicity",
            "Care Status",
            "Placement Distance",
            "RHI Offered",
        ]
    )
    sheet.append(
        [
            1001,
            55,
            dt.datetime(2019, 6, 7, 16, 0),
            dt.datetime(2019, 6, 8, 9, 0),
            "M",
            dt.datetime(2004, 6, 8),
            "A1",
            "LAC",
            10.4,
            "Yes",
        ]
    )
    sheet.append([1002, 55, dt.datetime(2019, 6, 9, 16, 0), None, "M", dt.datetime(2004, 6, 8), "A1", "LAC", 10, "No"])
    sheet.append([None] * 10)  # a blank row Excel often leaves at the end
    path = tmp_path / "extract.xlsx"
    book.save(path)
    report = ingest_rows(store, config, path)
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (2, 2, 0)
    profile = stored_profile(store, config, report.snapshot_id)
    assert counts(profile, "children.all")["2019-06"] == 1
    assert counts(profile, "age.14")["2019-06"] == 1  # the day before the 15th birthday
    assert counts(profile, "age.15")["2019-06"] == 1
    assert counts(profile, "distance.11_20")["2019-06"] == 1
    assert counts(profile, "distance.0_10")["2019-06"] == 1
    assert counts(profile, "duration.1")["2019-06"] == 1
    assert counts(profile, "duration.still_missing")["2019-06"] == 1
