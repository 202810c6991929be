"""Reading a Standard Safeguarding Dataset export (ssd.md): the same figures as the extract it stands for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config, parse_config
from digest.figures.absence import NOT_IN_SSD, SSD_SOURCE
from digest.intake.ingest import ingest_extract
from digest.intake.ssd.episodes import SsdEpisodes, build_ssd_episodes
from digest.intake.ssd.export import open_ssd_export
from digest.store.snapshots import SnapshotStore
from tests.conftest import write_csv
from tests.digest.intake.ssd_exports import SsdRows, write_ssd_export
from tests.digest.intake.ssd_reference import (
    random_world,
    reference_distance,
    reference_extract,
    reference_status,
)

AS_AT = dt.datetime(2019, 7, 18, 9, 0)
STATUS_KEY = {"LAC": "lac", "CPP": "cpp", "CIN": "cin", "Early Help": "early_help", "Care Leaver": "care_leaver"}


def stored_figures(store: SnapshotStore, snapshot_id: int) -> dict[tuple[str, str, str], tuple[int | None, int | None]]:
    rows = store.db.execute(
        "SELECT scope, month, key, count, denominator FROM indicator_values WHERE snapshot_id = ?", [snapshot_id]
    ).fetchall()
    return {(scope, month, key): (count, denominator) for scope, month, key, count, denominator in rows}


def build_from(tmp_path: Path, rows: SsdRows, config: Config) -> SsdEpisodes:
    """The episodes of an export written from rows, without a store."""
    with open_ssd_export(write_ssd_export(tmp_path / "ssd", rows)) as export:
        return build_ssd_episodes(export, AS_AT, config)


def assert_same_figures(store: SnapshotStore, ssd_id: int, extract_id: int) -> None:
    ssd, extract = stored_figures(store, ssd_id), stored_figures(store, extract_id)
    compared = {cell for cell in extract if cell[2] not in NOT_IN_SSD}
    assert compared, "no figures stored"
    assert {cell for cell in ssd if cell[2] not in NOT_IN_SSD} == compared
    differing = {cell: (ssd[cell], extract[cell]) for cell in compared if ssd[cell] != extract[cell]}
    assert differing == {}


def test_ssd_export_gives_the_figures_of_its_canonical_extract(
    tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    rows = SsdRows()
    rows.person("P1", sex="F", ethnicity="WBRI", dob="2004-03-02 00:00:00.000")
    rows.person("P2", sex="U", gender="01", ethnicity="CNHE", dob="02/03/2008")
    rows.person("P3", sex="", gender="", ethnicity="", dob="")
    rows.missing("M1", "P1", "2019-06-03 10:00:00.000", "2019-06-04 09:00:00.000", "Y", "Y")
    rows.missing("M2", "P1", "2019-06-20T22:15", "", "N", "")
    rows.missing("M3", "P2", "03/06/2019 08:00", "2019-06-03 17:00", "Yes", "No")
    rows.missing("M4", "P3", "2019-05-31 23:59:59.997", "01/06/2019 02:00", "", "")
    rows.cla("P1", "2019-01-10 00:00:00.000", "", "C1")
    rows.placement("C1", "2019-01-10", "2019-06-03", "12.5")
    rows.placement("C1", "2019-06-03", "", "104")
    rows.cp_plan("P2", "2019-05-01", "2019-06-03")
    rows.care_leaver("P3")
    folder = write_ssd_export(tmp_path / "ssd", rows)
    extract = write_csv(
        tmp_path / "extract.csv",
        [
            _canonical(
                "M1", "P1", "2019-06-03 10:00", "2019-06-04 09:00", "Female", "2004-03-02", "A1", "LAC", "104", "Y", "Y"
            ),
            _canonical("M2", "P1", "2019-06-20 22:15", "", "Female", "2004-03-02", "A1", "LAC", "104", "N", ""),
            _canonical(
                "M3", "P2", "2019-06-03 08:00", "2019-06-03 17:00", "Male", "2008-03-02", "E1", "CPP", "", "Y", "N"
            ),
            _canonical("M4", "P3", "2019-05-31 23:59:59", "2019-06-01 02:00", "", "", "", "Care Leaver", "", "", ""),
        ],
    )
    ssd = ingest_extract(store, folder, AS_AT, config)
    plain = ingest_extract(store, extract, AS_AT, config)
    assert (ssd.rows_read, ssd.rows_accepted, ssd.rows_rejected) == (4, 4, 0)
    assert store.get_snapshot(ssd.snapshot_id).source_kind == SSD_SOURCE
    assert store.get_snapshot(plain.snapshot_id).source_kind == "extract"
    assert_same_figures(store, ssd.snapshot_id, plain.snapshot_id)
    figures = stored_figures(store, ssd.snapshot_id)
    assert figures[("month", "2019-06", "distance.101_plus")] == (2, 2)  # the change day's new placement
    assert figures[("month", "2019-06", "status.cpp")] == (1, 3)  # the plan ends on the episode's day: inclusive


def _canonical(*values: str) -> dict[str, str]:
    """A row of the canonical extract, its columns in contract order; the ones not in SSD left out (blank)."""
    names = [column for column in CONTRACT_COLUMNS if column not in ("other_la", "cse_risk", "rhi_completed")]
    return dict(zip(names, values, strict=True))


# 20 random exports in `make check` (160 ms of CPU each), all 60 in `make test-slow`, which CI runs
RANDOM_EXPORTS = [*range(20), *(pytest.param(seed, marks=pytest.mark.slow) for seed in range(20, 60))]


@pytest.mark.parametrize("seed", RANDOM_EXPORTS)
def test_care_status_and_distance_follow_the_reference_on_random_exports(
    seed: int, tmp_path: Path, config: Config
) -> None:
    world = random_world(seed)
    built = build_from(tmp_path, world.rows, config)
    accepted = built.episodes.accepted.set_index("episode_id")
    expected = {row["episode_id"]: row for row in reference_extract(world)}
    assert built.rejected_by_reason == {}
    for table_id, person, start in world.episodes:
        status = reference_status(world, person, start.date())
        got = accepted.loc[table_id]
        assert got["care_status"] == STATUS_KEY.get(status, "not_a_client"), (table_id, start)
        distance = reference_distance(world, person, start.date()) if status == "LAC" else ""
        shown = (
            ""
            if got["placement_distance_miles"] != got["placement_distance_miles"]
            else got["placement_distance_miles"]
        )
        assert shown == (float(distance) if distance not in ("", "far") else ""), (table_id, start)
        assert got["ethnicity"] == (expected[table_id]["ethnicity"] or "E4").replace("Z9", "unrecognised")
    ignored = {
        "ssd_cla_episodes": sum(p.start is None for p in world.periods["LAC"]),
        "ssd_cp_plans": sum(p.start is None for p in world.periods["CPP"]),
        "ssd_cin_episodes": sum(p.start is None for p in world.periods["CIN"]),
        "ssd_early_help_episodes": sum(p.start is None for p in world.periods["Early Help"]),
        "ssd_cla_placement": sum(p.start is None for p in world.placements),
    }
    assert built.ignored_rows == ignored


@pytest.mark.parametrize("seed", range(6))
def test_random_exports_store_the_figures_of_their_canonical_extracts(
    seed: int, tmp_path: Path, store: SnapshotStore, config: Config
) -> None:
    world = random_world(seed + 1000, people=12, episodes=60)
    ssd = ingest_extract(store, write_ssd_export(tmp_path / "ssd", world.rows), AS_AT, config)
    plain = ingest_extract(store, write_csv(tmp_path / "extract.csv", reference_extract(world)), AS_AT, config)
    assert ssd.rows_accepted == plain.rows_accepted == 60
    assert_same_figures(store, ssd.snapshot_id, plain.snapshot_id)


def test_ethnicity_codes_follow_the_ssd_table(tmp_path: Path, config: Config) -> None:
    rows = SsdRows()
    values = ["WBRI", "wbri - White British", "CNHE", "CHNE Chinese", "REFU", "", "WENG", "White British", "A1", "NOBT"]
    for i, value in enumerate(values):
        rows.person(f"P{i}", ethnicity=value)
        rows.missing(f"M{i}", f"P{i}", "2019-06-03 10:00:00.000")
    built = build_from(tmp_path, rows, config)
    assert built.episodes.accepted["ethnicity"].tolist() == [
        "A1",
        "A1",
        "E1",
        "E1",
        "E3",
        "E4",
        "unrecognised",
        "unrecognised",
        "unrecognised",
        "E4",
    ]
    unrecognised = built.episodes.unrecognised
    listed = unrecognised[unrecognised["column"] == "ethnicity"]
    assert sorted(zip(listed["value"], listed["count"], strict=True)) == [("A1", 1), ("WENG", 1), ("White British", 1)]


def test_a_config_that_keeps_the_dfe_codes_reads_them_as_they_are(tmp_path: Path, config: Config) -> None:
    raw = dict(config.raw)
    raw["ethnicity"] = {
        "codes": [["WBRI", "White British"], ["CHNE", "Chinese"], ["NOBT", "Not obtained"]],
        "blank": "NOBT",
        "not_recorded": ["NOBT"],
        "not_bme": ["WBRI"],
    }
    raw.pop("ssd")
    dfe = parse_config(raw, Path("dfe.toml"))
    rows = SsdRows()
    for i, value in enumerate(["WBRI", "CNHE", "", "AIND"]):
        rows.person(f"P{i}", ethnicity=value)
        rows.missing(f"M{i}", f"P{i}", "2019-06-03")
    built = build_from(tmp_path, rows, dfe)
    assert built.episodes.accepted["ethnicity"].tolist() == ["WBRI", "CHNE", "NOBT", "unrecognised"]


def test_gender_comes_from_pers_sex_then_pers_gender(tmp_path: Path, config: Config) -> None:
    rows = SsdRows()
    pairs = [("F", "01"), ("M", ""), ("Female", ""), ("U", "02"), ("", "1"), ("I", "09"), ("", ""), ("X", "")]
    for i, (sex, gender) in enumerate(pairs):
        rows.person(f"P{i}", sex=sex, gender=gender)
        rows.missing(f"M{i}", f"P{i}", "2019-06-03")
    built = build_from(tmp_path, rows, config)
    assert built.episodes.accepted["gender"].tolist() == [
        "female",
        "male",
        "female",
        "female",
        "male",
        "other",
        "other",
        "other",
    ]
    listed = built.episodes.unrecognised
    assert listed[listed["column"] == "gender"][["value", "count"]].values.tolist() == [["X", 1]]
