"""The synthetic extract looks like the reference report's council, and the demo command runs end to end."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.intake.demo import default_shape, generate_extract
from digest.store.snapshots import SnapshotStore
from tests.conftest import counts, ingest_rows, stored_profile

AS_AT = dt.datetime(2019, 7, 18, 9, 0)


def test_demo_extract_has_the_reference_shape(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    path = tmp_path / "demo.csv"
    generate_extract(default_shape(AS_AT), AS_AT).to_csv(path, index=False)
    report = ingest_rows(store, config, path, AS_AT)
    # The demo's deliberate mistakes, one each.
    assert report.rejected_by_reason == {"missing_end before missing_start": 1, "episode_id repeats an earlier row": 1}
    assert report.unrecognised.to_dict("records") == [  # "U" and "Foster Care": counted, never kept
        {"column": "gender", "value": "", "count": 1},
        {"column": "care_status", "value": "", "count": 1},
    ]
    profile = stored_profile(store, config, report.snapshot_id, "2019-06")
    for month in ("2019-04", "2019-05", "2019-06"):
        episodes = counts(profile, "episodes.all")[month] or 0
        assert 90 <= episodes <= 150
        assert 35 <= (counts(profile, "children.all")[month] or 0) <= 75
        over_13 = sum(counts(profile, f"age.{a}")[month] or 0 for a in (13, 14, 15, 16, "17_plus"))
        assert over_13 > 0.7 * episodes
        within_a_day = (counts(profile, "duration.0")[month] or 0) + (counts(profile, "duration.1")[month] or 0)
        assert within_a_day > 0.75 * episodes
        assert 0.35 * episodes < (counts(profile, "episodes.lac")[month] or 0) < 0.75 * episodes
        assert (counts(profile, "children.3plus.all")[month] or 0) > 0


def test_demo_extract_is_the_same_every_time() -> None:
    shape = default_shape(AS_AT)
    assert generate_extract(shape, AS_AT).equals(generate_extract(shape, AS_AT))
    assert not generate_extract(shape, AS_AT).equals(generate_extract(default_shape(AS_AT, seed=7), AS_AT))


def test_demo_extract_has_no_real_identifiers() -> None:
    frame = generate_extract(default_shape(AS_AT), AS_AT)
    assert frame["Child ID"].str.match(r"^DEMO-\d{6}$").all()
    assert generate_extract(default_shape(AS_AT), AS_AT, with_flaws=False)["Episode ID"].is_unique


@pytest.mark.slow
def test_demo_command_runs_the_main_job(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "demo", "--dir", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Demo extract: {tmp_path / 'demo' / 'missing-episodes-demo.csv'} (synthetic, no real person)"
    assert lines[1] == "Ingested missing-episodes-demo.csv as snapshot 1, as at 18/07/2019 09:00"
    assert "Reporting month: June 2019" in lines
    assert any(line.startswith("1.1    Number of Missing Episodes - all") for line in lines)
    preview = tmp_path / "demo" / "outbox" / "2019-06" / "preview.html"
    assert f"The June 2019 digest, as it would go to Slack: {preview}" in lines
    assert "<h1>Children missing from home or care: June 2019</h1>" in preview.read_text()
    # Run again: the same extract is recognised, nothing is stored twice.
    again = subprocess.run(
        [sys.executable, "-m", "bot.cli", "demo", "--dir", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert "is already snapshot 1; nothing was changed." in again.stdout
