"""Files a tester would throw at the ingest (issue 10): each gets a clear message or a rejected row, never a
traceback, never a cell of the extract in the message, and never figures that span centuries."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config
from digest.intake.extracts import ExtractRefused
from digest.intake.raw_rows import read_raw_rows
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, counts, episode, ingest_rows, numbered, stored_profile, write_csv

SECRET_CELLS = ("EP-778812", "CH-4410023", "2006-03-14")


def secret_row(**values: str) -> dict[str, str]:
    return episode(episode_id="EP-778812", child_id="CH-4410023", date_of_birth="2006-03-14", **values)


def refusal(store: SnapshotStore, config: Config, path: Path) -> str:
    with pytest.raises(ExtractRefused) as refused:
        ingest_rows(store, config, path)
    return str(refused.value)


def test_headerless_file_is_refused_without_quoting_its_first_row(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    """Case 1: a CSV saved without its header row; the refusal used to quote the first row as 'its headers'."""
    path = tmp_path / "no-header.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([list(secret_row().values()), list(episode(episode_id="E2").values())])
    message = refusal(store, config, path)
    assert message == (
        "no-header.csv: the first row has 14 cells and none is a column name the extract needs; "
        "is the header row missing? Export the extract with its header row, or map your header names "
        "under [columns] in the config"
    )
    assert not any(cell in message for cell in SECRET_CELLS)


def test_missing_column_names_the_known_headers_and_counts_the_rest(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    row = {k: v for k, v in secret_row().items() if k != "care_status"}
    row["Worker 2006-03-14"] = "x"
    message = refusal(store, config, write_extract([row]))
    assert message == (
        "extract.csv lacks the required column care_status; the columns it has: episode_id, child_id, "
        "missing_start, missing_end, gender, date_of_birth, ethnicity, other_la, cse_risk, placement_distance_miles, "
        "rhi_offered, rhi_accepted, rhi_completed, and 1 other header (not shown). Add the column, or map your "
        "header name onto it under [columns] in the config"
    )


@pytest.mark.parametrize(
    ("dates", "months"),
    [
        ({"missing_start": "0001-01-01", "missing_end": ""}, ("2019-06", "2019-06")),
        ({"missing_start": "1000-01-01 00:00", "missing_end": "1000-01-02"}, ("2019-06", "2019-06")),
        ({"missing_start": "31/12/1989 23:59", "missing_end": ""}, ("2019-06", "2019-06")),
        ({"missing_end": "0001-01-01"}, ("2019-06", "2019-06")),
        ({"missing_end": "9999-12-31 23:59"}, ("2019-06", "2019-06")),
        ({"missing_end": "2020-07-18 00:01"}, ("2019-06", "2019-06")),
    ],
)
def test_placeholder_dates_reject_the_row_and_never_widen_the_months(
    store: SnapshotStore, config: Config, write_extract: WriteExtract, dates: dict[str, str], months: tuple[str, str]
) -> None:
    """Cases 3 and 8: a 0001-01-01 start made 3.7M figure rows; a 9999 end refused the whole file."""
    rows = numbered([episode(), episode(), episode(**dates)])
    report = ingest_rows(store, config, write_extract(rows))
    assert (report.rows_accepted, report.rejected_by_reason) == (2, {"date out of range": 1})
    snapshot = store.get_snapshot(report.snapshot_id)
    assert (snapshot.first_month, snapshot.last_month) == months
    assert store.count_rows("indicator_values", report.snapshot_id) < 2000
    assert counts(stored_profile(store, config, report.snapshot_id), "episodes.all") == {
        "2019-04": None,  # before the data: no data, not 0 (spec, "Months with no data")
        "2019-05": None,
        "2019-06": 2,
        "ytd": 2,
    }


def test_dates_inside_the_window_are_kept(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    rows = numbered(
        [
            episode(missing_start="1990-01-01 00:00", missing_end="1990-01-02"),
            episode(missing_start="2019-07-17 10:00", missing_end="2020-07-18 00:00"),  # a year after: still plausible
        ]
    )
    assert ingest_rows(store, config, write_extract(rows)).rows_accepted == 2


def test_file_without_missing_end_column_is_refused(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    """Case 7: an end column named "Came Back" was listed as not used, and every episode read as still missing."""
    rows = [{("Came Back" if k == "missing_end" else k): v for k, v in episode().items()}]
    message = refusal(store, config, write_extract(rows))
    assert message.startswith("extract.csv lacks the required column missing_end; the columns it has: episode_id,")
    assert message.endswith(  # issue 21: the one header to map is shown, as a header row's name
        'rhi_completed, "Came Back". Add the column, or map your header name onto it under [columns] in the config'
    )


def test_missing_optional_columns_are_named_with_their_empty_sections(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    optional = ("cse_risk", "rhi_offered", "rhi_accepted", "rhi_completed", "placement_distance_miles")
    rows = [{k: v for k, v in episode().items() if k not in optional}]
    report = ingest_rows(store, config, write_extract(rows))
    assert report.rows_accepted == 1
    assert report.empty_sections == {
        "cse_risk": "section 3, Child Sexual Exploitation (by missing episodes)",
        "placement_distance_miles": "section 10, LAC CYP - Placement distance (at time of episode) from home in miles",
        "rhi_offered": "section 5, Return Home Interviews",
        "rhi_accepted": "section 5, Return Home Interviews",
        "rhi_completed": "section 5, Return Home Interviews",
    }


def test_exact_duplicate_header_is_refused(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 8: child_id twice used to be read as child_id and child_id.1."""
    headers = [*CONTRACT_COLUMNS, "child_id"]
    path = tmp_path / "dup.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerow([*episode().values(), "C2"])
    assert refusal(store, config, path) == (
        'dup.csv: headers "child_id" and "child_id" both mean child_id; remove one of them or change [columns] '
        "in the config"
    )


def test_row_numbers_count_blank_lines(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 8: after a blank line the rejected rows' numbers were one short of the spreadsheet's."""
    path = write_csv(tmp_path / "gaps.csv", numbered([episode(), episode()]))
    lines = path.read_text().splitlines()
    bad = ",".join(["E9", "", *lines[1].split(",")[2:]])
    path.write_text("\n".join([lines[0], lines[1], "", ",,,,,,,,,,,,,", lines[2], "", bad]) + "\n")
    report = ingest_rows(store, config, path)
    assert (report.rows_read, report.rows_accepted) == (3, 2)
    assert store.load_rejected(report.snapshot_id) == [(7, "child_id missing")]
    assert [row for row, _ in read_raw_rows(store, report.snapshot_id)] == [2, 5, 7]


def header_and_row() -> tuple[str, str]:
    row = episode()
    return ",".join(row), ",".join(row.values())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            lambda h, r: (h + "\n" + r.replace("LAC", "LAC\x81") + "\n").encode("latin-1"),
            "bad.csv cannot be read as text: byte 0x81 at position 235 is neither UTF-8 nor Windows-1252. "
            "Open it in Excel and save it again as CSV UTF-8",
        ),
        (
            lambda h, r: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "bad.csv is not a text file (it holds binary data); export the extract again as CSV or XLSX",
        ),
    ],
)
def test_undecodable_files_get_their_own_message(
    store: SnapshotStore, config: Config, tmp_path: Path, content: object, message: str
) -> None:
    """Case 9: these used to end in "unexpected error ... report it"."""
    path = tmp_path / "bad.csv"
    path.write_bytes(content(*header_and_row()))  # type: ignore[operator]
    assert refusal(store, config, path) == message


def test_utf16_csv_is_read(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 9: Excel's "Unicode text" gave garbled headers."""
    header, row = header_and_row()
    path = tmp_path / "utf16.csv"
    path.write_bytes((header + "\r\n" + row + "\r\n").encode("utf-16"))
    assert ingest_rows(store, config, path).rows_accepted == 1


def test_unreadable_file_says_so(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = write_extract([episode()])
    path.chmod(0)
    assert refusal(store, config, path) == (
        "extract.csv cannot be read: permission denied. Ask whoever saved it to let you read it, "
        "or copy it somewhere you can"
    )


def test_xlsx_with_its_data_on_the_second_sheet(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    """Case 9: a cover sheet first used to give "no episodes"."""
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Extract of missing episodes, run by the performance team"])
    data = book.create_sheet("Episodes")
    data.append(list(CONTRACT_COLUMNS))
    data.append(list(episode().values()))
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    assert ingest_rows(store, config, path).rows_accepted == 1


def test_corrupt_sheet_is_refused_with_a_fix(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    import zipfile

    book = Workbook()
    book.active.append(list(CONTRACT_COLUMNS))
    good = tmp_path / "good.xlsx"
    book.save(good)
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet1.xml") else data)
    assert refusal(store, config, path) == (
        "corrupt.xlsx is not a readable XLSX workbook (a sheet is damaged); open it in Excel and save it again"
    )


def test_long_or_id_like_unrecognised_values_are_counted_not_shown(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    """Cases 9 and 10: a 10 MB gender value was echoed in full; raw values were printed whatever they were."""
    rows = numbered(
        [
            episode(gender="X" * 100_000),
            episode(gender="CH-4410023"),
            episode(gender="2006-03-14"),
            episode(gender="Unknown"),
            episode(gender="Unknown"),
        ]
    )
    report = ingest_rows(store, config, write_extract(rows))
    # Issue 21: no value is shown or kept, not even a short plain one ("Jane Doe" is short and plain too).
    assert report.unrecognised.to_dict("records") == [
        {"column": "gender", "value": "", "count": 2},
        {"column": "gender", "value": "", "count": 1},
        {"column": "gender", "value": "", "count": 1},
        {"column": "gender", "value": "", "count": 1},
    ]
