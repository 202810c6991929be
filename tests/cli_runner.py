"""Running `missing-report` inside the test process, through the same main() the command calls.

A real process costs a second of imports; most CLI tests are about what a command prints and its
exit status, which main() gives just the same. Tests of signals, pipes and start-up keep a real
process (tests/bot/test_cli.py says which).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.cli.main import main
from tests.conftest import clean_environment


@contextlib.contextmanager
def _environment(env: dict[str, str] | None) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(clean_environment(env))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """missing-report ARGS in cwd with env: its exit status, stdout and stderr, as a process would give them."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        _environment(env),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors
            status = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(["missing-report", *args], status, stdout.getvalue(), stderr.getvalue())


def run_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """missing-report ARGS as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        check=False,
    )


def start_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None, new_session: bool = False
) -> subprocess.Popen[str]:
    """missing-report ARGS started as a real process (a server, say), its output in pipes; env as run_process's;
    new_session: in a session of its own, so that a signal can be sent to it and all its children."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=clean_environment(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=new_session,
    )
