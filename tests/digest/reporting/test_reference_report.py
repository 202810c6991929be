"""The reference report (June 2019, as at 18/07/2019) reproduced from a hand-built extract."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from digest.contract.config import Config
from digest.figures.percentages import format_percentage
from digest.reporting.profile import Profile
from digest.store.snapshots import open_store
from tests.conftest import profile_of, write_csv
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, REFERENCE, UNREPRODUCIBLE, build_rows

COLUMNS = ("2019-04", "2019-05", "2019-06", "ytd")


@pytest.fixture(scope="module")
def reference_profile(config: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    """Built once for the module's 78 tests (each only reads it): a profile costs a quarter of a second of CPU."""
    folder = tmp_path_factory.mktemp("reference")
    store = open_store(folder / "store.db")
    try:
        yield profile_of(store, config, write_csv(folder / "reference.csv", build_rows(), HEADERS), "2019-06", AS_AT)
    finally:
        store.close()


@pytest.mark.parametrize("key", sorted(set(REFERENCE) - set(UNREPRODUCIBLE)))
def test_reference_figures_reproduced(reference_profile: Profile, key: str) -> None:
    row = reference_profile.row(key)
    assert tuple(row.values[c].count for c in COLUMNS) == REFERENCE[key]


def test_reference_rhi_late_differs_only_where_the_report_is_inconsistent(reference_profile: Profile) -> None:
    late = reference_profile.row("rhi.not_completed_in_time")
    accepted = reference_profile.row("rhi.accepted")
    in_time = reference_profile.row("rhi.completed_in_time")
    assert tuple(late.values[c].count for c in COLUMNS) == UNREPRODUCIBLE["rhi.not_completed_in_time"]
    # Under the spec every accepted interview is in time, late or pending, and none can be pending here.
    for column in COLUMNS:
        assert in_time.values[column].count + late.values[column].count == accepted.values[column].count
    assert tuple(reference_profile.row("rhi.pending").values[c].count for c in COLUMNS) == (0, 0, 0, 0)


def test_reference_rows_not_in_report_are_zero(reference_profile: Profile) -> None:
    shown = set(REFERENCE) | {"rhi.pending"}
    for row in reference_profile.rows:
        if row.indicator.key not in shown:
            assert row.is_zero(), row.indicator.key


@pytest.mark.parametrize(
    ("key", "column", "shown"),
    [
        ("duration.0", "2019-04", "38%"),
        ("duration.5", "ytd", "0.3%"),
        ("duration.4", "ytd", "1.3%"),
        ("rhi.offered", "2019-04", "84%"),
        ("rhi.offered", "2019-05", "94%"),
        ("rhi.offered", "2019-06", "77%"),
        ("rhi.offered", "ytd", "85%"),
        ("rhi.accepted", "2019-06", "84%"),
        ("rhi.completed_in_time", "ytd", "76%"),
        ("ethnicity.bme", "ytd", "27%"),
        ("distance.0_10", "2019-06", "50%"),
        ("status.lac", "2019-05", "67%"),
    ],
)
def test_reference_percentages(reference_profile: Profile, key: str, column: str, shown: str) -> None:
    cell = reference_profile.row(key).values[column]
    assert format_percentage(cell.count, cell.denominator) == shown


def test_reference_profile_header(reference_profile: Profile) -> None:
    data = reference_profile.to_json_dict()
    assert data["month"] == "2019-06"
    assert data["as_at"] == "2019-07-18T00:00:00"
    assert data["financial_year"] == "2019/20"
    assert data["partial_month"] is False
    assert data["columns"] == list(COLUMNS)
