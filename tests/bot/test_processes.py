"""The tests' own process helper: a process that ends while it is being looked at has ended, not failed the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.processes import is_running


def test_a_running_process_runs_and_an_ended_one_does_not() -> None:
    assert is_running(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # ended and reaped: no /proc entry
    assert not is_running(child.pid)


def test_a_process_that_ends_between_the_open_and_the_read_has_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stat = tmp_path / "4242" / "stat"
    stat.parent.mkdir()
    stat.write_text("4242 (serve) S 1")
    assert is_running(4242, tmp_path)
    stat.write_text("4242 (serve) Z 1")  # a zombie: ended, its exit status not yet collected
    assert not is_running(4242, tmp_path)

    def gone(self: Path, *args: object, **kwargs: object) -> str:
        raise ProcessLookupError(3, "No such process")  # what reading a vanishing /proc/PID/stat raises

    monkeypatch.setattr(Path, "read_text", gone)
    assert not is_running(4242, tmp_path)
