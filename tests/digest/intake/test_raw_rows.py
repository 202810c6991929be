"""Every raw row of an ingested file can be read back exactly, cell for cell, from the kept file."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.intake.raw_rows import read_raw_row, read_raw_rows
from digest.intake.whole_file import FileRules
from digest.store.snapshots import SnapshotStore, StoreError
from tests.conftest import episode, numbered

AS_AT = dt.datetime(2019, 7, 18, 9, 0)


def tricky_rows() -> list[dict[str, str]]:
    """Cells a naive reader would mangle: commas, quotes, a line break, accents, spaces kept at the ends."""
    rows = numbered([episode() for _ in range(5)])
    rows[1]["ethnicity"] = 'A1 - White British, "quoted"'
    rows[2]["care_status"] = "LAC\nsecond line"
    rows[3]["gender"] = "  Féminin  "
    rows[4]["child_id"] = ""  # rejected, and kept as read all the same
    return rows


def test_raw_rows_of_an_ingested_file_are_reproduced_exactly(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    rows = tricky_rows()
    path = tmp_path / "tricky.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = ingest_extract(store, path, AS_AT, config, rules=FileRules.of(config, accept_rejected=True))
    assert report.rows_read == 5
    assert report.rows_rejected == 1
    with path.open(newline="", encoding="utf-8") as handle:
        expected = [(number + 2, cells) for number, cells in enumerate(list(csv.reader(handle))[1:])]
    assert list(read_raw_rows(store, report.snapshot_id)) == expected
    assert read_raw_row(store, report.snapshot_id, 4) == expected[2][1]
    assert read_raw_row(store, report.snapshot_id, 99) is None


def test_a_pruned_snapshot_has_no_raw_rows(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    for path, start in ((old, "2019-06-01 10:00"), (new, "2019-06-02 10:00")):
        row = episode(missing_start=start)
        path.write_text(",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8")
    first = ingest_extract(store, old, AS_AT, config).snapshot_id
    ingest_extract(store, new, AS_AT + dt.timedelta(hours=1), config)
    assert store.prune_snapshots(keep=1, older_than=None) == [first]
    with pytest.raises(StoreError, match=f"snapshot {first} does not keep its file"):
        read_raw_row(store, first, 2)
