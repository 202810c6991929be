"""SSD exports refused whole (store untouched), rows refused with the contract's reasons, and zips read safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import zipfile
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.intake.raw_rows import read_raw_row
from digest.intake.refusals import ExtractRefused
from digest.intake.ssd import export as ssd_export
from digest.intake.whole_file import FileRules
from digest.store.snapshots import SnapshotStore
from tests.digest.intake.ssd_exports import SsdRows, write_ssd_export, zip_folder

AS_AT = dt.datetime(2019, 7, 18, 9, 0)
GOOD_START = "2019-06-03 10:00:00.000"


def small_export() -> SsdRows:
    rows = SsdRows()
    rows.person("P1")
    rows.missing("M1", "P1", GOOD_START, "2019-06-03 18:00:00.000")
    return rows


def store_bytes(store: SnapshotStore) -> dict[str, str]:
    folder = store.path.parent
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.glob(store.path.name + "*"))
        if not path.name.endswith(".ingest-lock")
    }


def test_each_refused_row_gets_the_first_reason_in_the_contracts_order(
    tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    rows = SsdRows()
    rows.person("P1")
    rows.person("PD")
    rows.person("PD", sex="M")
    cases = [  # (table id, person, start, end), and the reason expected
        (("M1", "P1", GOOD_START, ""), None),
        (("", "P9", GOOD_START, ""), "miss_table_id blank"),  # also an unknown person: the blank id comes first
        (("M3", "", GOOD_START, ""), "miss_person_id blank"),
        (("M4", "P1", "", ""), "start date blank"),
        (("M5", "P1", "2019-13-45", ""), "start date unreadable"),
        (("M6", "P1", GOOD_START, "soon"), "end date unreadable"),
        (("M7", "P1", "1989-12-31 10:00:00.000", ""), "date out of range"),
        (("M8", "P1", GOOD_START, "2019-06-02"), "end date before start date"),
        (("M9", "P9", "2019-07-19T08:00", ""), "start date after the as-at time"),  # before the unknown person
        (("M1", "P9", GOOD_START, ""), "miss_table_id repeats an earlier row"),  # before the unknown person
        (("M11", "P9", GOOD_START, ""), "unknown person (no ssd_person row)"),
        (("M12", "PD", GOOD_START, ""), "person id repeated in ssd_person"),
    ]
    for (table_id, person, start, end), _ in cases:
        rows.missing(table_id, person, start, end)
    # Eleven of its twelve rows are refused on purpose: stored as the analyst says to (--accept-rejected).
    rules = FileRules.of(config, accept_rejected=True)
    report = ingest_extract(store, write_ssd_export(tmp_path / "ssd", rows), AS_AT, config, rules=rules)
    expected = [(row, reason) for row, (_, reason) in enumerate(cases, start=2) if reason]
    assert store.load_rejected(report.snapshot_id) == expected
    assert list(report.rejected_by_reason) == [reason for _, reason in expected]
    assert (report.rows_read, report.rows_accepted) == (12, 1)
    assert read_raw_row(store, report.snapshot_id, 12) == ["M11", "P9", GOOD_START, "", "M", "", ""]


def test_a_folder_missing_a_file_or_column_is_refused_whole_and_the_store_is_unchanged(
    tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    ingest_extract(store, write_ssd_export(tmp_path / "good", small_export()), AS_AT, config)
    before = store_bytes(store)
    headers = {"ssd_person": ["pers_person_id", "pers_sex", "pers_ethnicity", "pers_dob"]}
    folder = write_ssd_export(tmp_path / "bad", small_export(), leave_out=("ssd_cp_plans",), headers=headers)
    with pytest.raises(ExtractRefused) as refused:
        ingest_extract(store, folder, AS_AT + dt.timedelta(hours=1), config)
    assert str(refused.value) == (
        "bad is not a complete SSD export: ssd_cp_plans.csv is missing; ssd_person.csv lacks the column "
        "pers_gender. Export every table the docs list (docs/ssd.md), with its header row"
    )
    assert store_bytes(store) == before
    assert len(store.list_snapshots()) == 1


def test_an_ssd_v1_export_is_refused_with_the_columns_named(
    tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    v1 = {
        "ssd_missing": [
            "miss_table_id",
            "miss_la_person_id",
            "miss_mis_epi_start",
            "miss_mis_epi_end",
            "miss_mis_epi_type",
            "miss_mis_epi_rhi_offered",
            "miss_mis_epi_rhi_accepted",
        ]
    }
    folder = write_ssd_export(tmp_path / "v1", small_export(), headers=v1)
    with pytest.raises(ExtractRefused) as refused:
        ingest_extract(store, folder, AS_AT, config)
    assert str(refused.value).startswith(
        "v1 is not a complete SSD export: ssd_missing.csv lacks the columns miss_person_id, "
        "miss_missing_episode_start_date, miss_missing_episode_end_date, miss_missing_rhi_offered, "
        "miss_missing_rhi_accepted (these are SSD v1.0 names: export again with the current SSD)."
    )
    assert store.list_snapshots() == []


def test_file_names_match_in_any_case_and_other_files_are_ignored(
    tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    folder = write_ssd_export(tmp_path / "ssd", small_export(), file_name={"ssd_person": "SSD_Person.CSV"})
    (folder / "ssd_assessment_factors.csv").write_text("whatever\n")
    (folder / "notes.txt").write_text("exported by the data team\n")
    report = ingest_extract(store, folder, AS_AT, config)
    assert (report.rows_accepted, report.source_kind) == (1, "ssd")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ssd_person.csv is empty; it needs at least its header row"),
        (b"pers_person_id,pers_sex\nP1,F,extra\n", "ssd_person.csv cannot be read: a line has more or fewer cells"),
        ("pers_person_id,pers_sex\nP1,É\n".encode("cp1252"), "ssd_person.csv cannot be read: it is not UTF-8 text"),
    ],
)
def test_an_unreadable_table_is_refused_without_quoting_it(
    tmp_path: Path, store: SnapshotStore, config: Config, content: bytes, message: str
) -> None:
    folder = write_ssd_export(tmp_path / "ssd", small_export())
    (folder / "ssd_person.csv").write_bytes(content)
    with pytest.raises(ExtractRefused) as refused:
        ingest_extract(store, folder, AS_AT, config)
    assert str(refused.value).startswith(message)
    assert "extra" not in str(refused.value)
    assert store.list_snapshots() == []


def test_a_zip_of_the_folder_is_the_same_export(tmp_path: Path, store: SnapshotStore, config: Config) -> None:
    folder = write_ssd_export(tmp_path / "ssd", small_export())
    first = ingest_extract(store, folder, AS_AT, config)
    nested = zip_folder(folder, tmp_path / "export.zip", inside="SSD export 2019-07-18")
    again = ingest_extract(store, nested, AS_AT, config)
    assert (again.duplicate, again.snapshot_id) == (True, first.snapshot_id)
    flat = ingest_extract(store, zip_folder(folder, tmp_path / "flat.zip"), AS_AT + dt.timedelta(hours=1), config)
    assert (flat.duplicate, flat.rows_accepted) == (False, 1)


def _zip_with(tmp_path: Path, extra: zipfile.ZipInfo, data: bytes) -> Path:
    target = zip_folder(write_ssd_export(tmp_path / "ssd", small_export()), tmp_path / "export.zip")
    with zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(extra, data)
    return target


def test_a_zip_with_a_path_outside_the_export_is_refused(tmp_path: Path, store: SnapshotStore, config: Config) -> None:
    target = _zip_with(tmp_path, zipfile.ZipInfo("../../etc/ssd_missing.csv"), b"x\n")
    with pytest.raises(ExtractRefused, match="holds a path outside the export; it is refused as unsafe"):
        ingest_extract(store, target, AS_AT, config)
    assert not (tmp_path.parent / "etc").exists()


def test_a_zip_holding_a_link_is_refused(tmp_path: Path, store: SnapshotStore, config: Config) -> None:
    link = zipfile.ZipInfo("ssd/readme.csv")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    target = _zip_with(tmp_path, link, b"/etc/passwd")
    with pytest.raises(ExtractRefused, match="holds a link; it is refused as unsafe"):
        ingest_extract(store, target, AS_AT, config)


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path, store: SnapshotStore, config: Config) -> None:
    target = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("ssd_missing.csv", "w") as handle,
    ):
        block = b"0" * (1 << 20)
        for _ in range(50):  # 50 MB of one byte: about 50 KB packed
            handle.write(block)
    with pytest.raises(
        ExtractRefused, match=r"ssd_missing.csv would expand \d[\d,]* times; it is refused as a zip bomb"
    ):
        ingest_extract(store, target, AS_AT, config)
    assert store.list_snapshots() == []


def test_an_export_over_the_size_limit_is_refused_unread(
    tmp_path: Path, store: SnapshotStore, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_ssd_export(tmp_path / "ssd", small_export())
    total = sum(os.path.getsize(path) for path in folder.iterdir())
    monkeypatch.setattr(ssd_export, "MAX_EXPORT_BYTES", total - 1)
    with pytest.raises(ExtractRefused, match="more than the 0 MB this reads in one go; export a shorter period"):
        ingest_extract(store, folder, AS_AT, config)
    with pytest.raises(ExtractRefused, match="export a shorter period"):
        ingest_extract(store, zip_folder(folder, tmp_path / "export.zip"), AS_AT, config)
