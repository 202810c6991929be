"""Shared fixtures: the shipped config, a fresh store on disk, helpers to write extracts, and a clean environment."""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.settings import HOME_ENV, SETTING_PREFIXES
from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config, load_config
from digest.figures.absence import SSD_SOURCE
from digest.figures.periods import parse_month
from digest.intake.ingest import IngestReport, ingest_extract
from digest.intake.whole_file import FileRules
from digest.reporting.profile import Profile, load_profile
from digest.store.snapshots import SnapshotStore, open_store

WriteExtract = Callable[..., Path]

# What a test's process must not inherit from the shell that runs the tests: missing-report's own settings (a
# developer's real Slack token or Teams webhook), and make's flags when the tests run inside `make check`.
INHERITED_PREFIXES = (*SETTING_PREFIXES, "MAKE", "MFLAGS")


def clean_environment(settings: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without any setting of missing-report (nor make's flags), then settings. The
    home is the working folder ("."), as before there was a home: each test runs in a folder of its own."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith(INHERITED_PREFIXES)}
    return environment | {HOME_ENV: "."} | (settings or {})


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """main() points logging at the stderr pytest captures for one test; put the root logger back after it,
    so a server thread still stopping does not write to that closed stream.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(Path(__file__).resolve().parent.parent / "config" / "missing-report.toml")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SnapshotStore]:
    opened = open_store(tmp_path / "store.db")
    yield opened
    opened.close()


def episode(**values: str) -> dict[str, str]:
    """A valid row with every contract column; override what the test is about."""
    row = {
        "episode_id": "E1",
        "child_id": "C1",
        "missing_start": "2019-06-10 10:00",
        "missing_end": "2019-06-10 18:00",
        "gender": "Female",
        "date_of_birth": "2005-01-15",
        "ethnicity": "A1",
        "care_status": "LAC",
        "other_la": "N",
        "cse_risk": "None",
        "placement_distance_miles": "5",
        "rhi_offered": "Yes",
        "rhi_accepted": "Yes",
        "rhi_completed": "2019-06-11",
    }
    row.update(values)
    return row


def numbered(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Give rows that did not set one a distinct episode_id."""
    return [
        {**row, "episode_id": row["episode_id"] if row["episode_id"] != "E1" else f"E{i}"}
        for i, row in enumerate(rows, start=1)
    ]


def write_csv(path: Path, rows: list[dict[str, str]], headers: list[str] | None = None) -> Path:
    names = headers or list(rows[0]) if rows else list(CONTRACT_COLUMNS)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def write_extract(tmp_path: Path) -> WriteExtract:
    def write(rows: list[dict[str, str]], name: str = "extract.csv", headers: list[str] | None = None) -> Path:
        return write_csv(tmp_path / name, rows, headers)

    return write


def ingest_rows(
    store: SnapshotStore,
    config: Config,
    path: Path,
    as_at: dt.datetime = dt.datetime(2019, 7, 18),
    accept_rejected: bool = True,
) -> IngestReport:
    """Ingest a test's extract. Its few rows are often mostly rejected on purpose (a test of one rejection
    reason), so the file is stored whatever share is rejected, unless accept_rejected is False."""
    return ingest_extract(store, path, as_at, config, rules=FileRules.of(config, accept_rejected=accept_rejected))


def profile_of(
    store: SnapshotStore,
    config: Config,
    path: Path,
    month: str = "2019-06",
    as_at: dt.datetime = dt.datetime(2019, 7, 18),
) -> Profile:
    report = ingest_rows(store, config, path, as_at)
    return stored_profile(store, config, report.snapshot_id, month)


def stored_profile(store: SnapshotStore, config: Config, snapshot_id: int, month: str = "2019-06") -> Profile:
    return load_profile(store, config, parse_month(month), snapshot_id)


def counts(profile: Profile, key: str) -> dict[str, int | None]:
    return {column: cell.count for column, cell in profile.row(key).values.items()}


def mark_ssd_kind(store: SnapshotStore, snapshot_id: int) -> None:
    """Make a stored snapshot one of an SSD export, through the real store: exactly the state the SSD reader leaves
    (an SSD export gives the same episodes as an extract, less the columns it cannot fill)."""
    with store.db.atomic():
        store.db.execute("UPDATE snapshots SET source_kind = ? WHERE id = ?", [SSD_SOURCE, snapshot_id])
