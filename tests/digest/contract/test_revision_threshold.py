"""[digest] revision_threshold and revision_threshold_points: read, defaulted, and refused with what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.contract.config import ConfigError, load_config
from digest.contract.revisions import RevisionThreshold
from tests.cli_runner import run_cli

MINIMAL_ETHNICITY = '\n[ethnicity]\ncodes = [["A1", "White British"], ["E4", "Not recorded"]]\n'


def config_file(tmp_path: Path, digest: str) -> Path:
    path = tmp_path / "revisions.toml"
    path.write_text(f"[digest]\n{digest}\n{MINIMAL_ETHNICITY}")
    return path


def test_thresholds_default_to_any_count_and_one_point(tmp_path: Path) -> None:
    assert load_config(config_file(tmp_path, "")).revision_threshold == RevisionThreshold(count=1, points=1.0)


def test_thresholds_are_read(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, "revision_threshold = 3\nrevision_threshold_points = 2.5"))
    assert config.revision_threshold == RevisionThreshold(count=3, points=2.5)
    threshold = config.revision_threshold
    assert (threshold.is_count_revised(129, 131), threshold.is_count_revised(129, 132)) == (False, True)
    assert (threshold.is_rate_revised(84, 86), threshold.is_rate_revised(84, 81.5)) == (False, True)


def test_zero_lists_every_change_and_no_change_is_never_a_revision(tmp_path: Path) -> None:
    threshold = load_config(
        config_file(tmp_path, "revision_threshold = 0\nrevision_threshold_points = 0")
    ).revision_threshold
    assert (threshold.is_count_revised(129, 130), threshold.is_count_revised(129, 129)) == (True, False)
    assert (threshold.is_rate_revised(84, 84.5), threshold.is_rate_revised(84, 84)) == (True, False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "revision_threshold = -1",
            "[digest] revision_threshold = -1 must be a number of 0 or more, without quotes: a count, such as 1 "
            "(list every change) or 3; 0 lists every change, however small",
        ),
        (
            'revision_threshold = "2"',
            "[digest] revision_threshold = '2' must be a number of 0 or more, without quotes",
        ),
        ("revision_threshold = true", "[digest] revision_threshold = True must be a number of 0 or more"),
        (
            "revision_threshold_points = -0.5",
            "[digest] revision_threshold_points = -0.5 must be a number of 0 or more, without quotes: percentage "
            "points, such as 1 or 2.5",
        ),
        ("revision_threshold_points = nan", "[digest] revision_threshold_points = nan must be a number of 0 or more"),
    ],
)
def test_a_wrong_threshold_is_refused_with_what_to_write(tmp_path: Path, line: str, message: str) -> None:
    path = config_file(tmp_path, line)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"config file {path}: {message}")


def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path: Path) -> None:
    path = config_file(tmp_path, "revision_threshold = -2")
    result = run_cli("--config", str(path), "--db", str(tmp_path / "store.db"), "digest-runs", cwd=tmp_path)
    assert result.returncode == 1
    assert f"config file {path}: [digest] revision_threshold = -2 must be a number of 0 or more" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "store.db").exists()  # nothing half-done
