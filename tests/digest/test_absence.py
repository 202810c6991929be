"""A cell with no figure says why in words, and a snapshot remembers which kind of source it came from."""

from __future__ import annotations

import pytest

from digest.contract.config import Config
from digest.figures.absence import EXTRACT_SOURCE, NOT_IN_SSD, SSD_SOURCE, Absence, keys_not_in_source
from digest.figures.catalogue import build_catalogue
from digest.reporting.profile import Cell, ProfileRow
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, episode, ingest_rows


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (Cell(3, 10), "3"),
        (Cell(None, None, suppressed=True), "c"),
        (Cell(None, None, absence=Absence.NO_DATA), "no data"),
        (Cell(None, None, absence=Absence.NOT_IN_SOURCE), "not in this source"),
    ],
)
def test_a_cell_reads_as_its_figure_c_or_why_it_has_none(cell: Cell, shown: str) -> None:
    assert cell.describe_count() == shown


def test_a_row_of_cells_without_figures_is_not_a_row_of_zeros(config: Config) -> None:
    indicator = next(row for row in build_catalogue(config) if row.key == "episodes.cse")
    assert ProfileRow(indicator, {"2019-06": Cell(0, None)}).is_zero()
    assert not ProfileRow(indicator, {"2019-06": Cell(None, None, absence=Absence.NOT_IN_SOURCE)}).is_zero()


def test_the_keys_an_ssd_export_cannot_fill_are_known_to_the_catalogue(config: Config) -> None:
    keys = {indicator.key for indicator in build_catalogue(config)}
    assert keys_not_in_source(SSD_SOURCE) == NOT_IN_SSD
    assert keys >= NOT_IN_SSD
    assert keys_not_in_source(EXTRACT_SOURCE) == frozenset()


def test_an_ingested_extract_is_a_snapshot_of_an_extract(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    report = ingest_rows(store, config, write_extract([episode()]))
    assert store.get_snapshot(report.snapshot_id).source_kind == EXTRACT_SOURCE
