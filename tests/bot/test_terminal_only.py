"""What only a terminal gets: the ingest progress bar (never in piped output or under CI), and raw rows."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.cli_runner import run_process
from tests.conftest import clean_environment, write_csv
from tests.fixtures.reference_june_2019 import HEADERS, build_rows

AS_AT = "2019-07-18 09:00"


def ingest_on_a_terminal(tmp_path: Path, ci: str) -> tuple[str, str]:
    """Run an ingest with stderr on a pseudo-terminal (stdout piped): what each showed."""
    extract = write_csv(tmp_path / "reference.csv", build_rows(), HEADERS)
    environment = clean_environment({"CI": ci})
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", "s.db", "ingest", str(extract), "--as-at", AS_AT],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            block = os.read(controller, 65536)
        except OSError:  # the process closed its end
            break
        if not block:
            break
        shown += block
    stdout, _ = process.communicate(timeout=60)
    os.close(controller)
    return stdout, shown.decode("utf-8", "replace")


def test_a_terminal_shows_rows_read_speed_and_time_left(tmp_path: Path) -> None:
    stdout, terminal = ingest_on_a_terminal(tmp_path, ci="")
    assert stdout.startswith("Ingested reference.csv as snapshot 1")
    assert "Reading reference.csv" in terminal
    assert "rows/s" in terminal
    assert "left" in terminal


def test_no_bar_under_ci_even_on_a_terminal(tmp_path: Path) -> None:
    stdout, terminal = ingest_on_a_terminal(tmp_path, ci="true")
    assert stdout.startswith("Ingested reference.csv as snapshot 1")
    assert terminal == ""


def test_piped_output_carries_no_progress_bar(tmp_path: Path) -> None:
    extract = write_csv(tmp_path / "reference.csv", build_rows(), HEADERS)
    result = run_process("--db", "s.db", "ingest", str(extract), "--as-at", AS_AT, cwd=tmp_path, env={"CI": ""})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Ingested reference.csv as snapshot 1, as at 18/07/2019 09:00\n  rows read")
    assert "rows/s" not in result.stdout


def test_raw_prints_a_row_only_to_a_terminal(tmp_path: Path) -> None:
    """A raw row shows a child's details: it never goes into a pipe (or a file, or a log)."""
    extract = write_csv(tmp_path / "reference.csv", build_rows(), HEADERS)
    assert run_process("--db", "s.db", "ingest", str(extract), "--as-at", AS_AT, cwd=tmp_path).returncode == 0
    result = run_process("--db", "s.db", "raw", "--row", "2", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "missing-report: raw shows a child's details, so it prints only to a terminal, not into a pipe or a "
        "file; run it in a terminal on the store's machine\n"
    )
