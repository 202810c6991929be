"""Real processes of the tests: their children, whether one still runs, and a served app's start-up lines."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.bot.slack_questions import read_line


def children_of(pid: int) -> list[int]:
    """The processes pid started that are still running (Linux's /proc)."""
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def is_running(pid: int, proc: Path = Path("/proc")) -> bool:
    try:
        state = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        # Gone before the open (no such file), or between the open and the read: Linux then fails the read
        # with ESRCH, which Python raises as ProcessLookupError.
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def read_until_ready(process: subprocess.Popen[str]) -> list[str]:
    """What serve says it serves, to its last line ("Ctrl-C stops."): then it is ready."""
    lines = [read_line(process)]
    assert process.stdout is not None  # the summary comes at once: the rest of it is already read in
    while lines[-1] not in ("Ctrl-C stops.\n", ""):
        lines.append(process.stdout.readline())
    return lines


def without_data_notices(out: str) -> list[str]:
    """serve's last words, less the notice that the due digest's month has no data: the reference extract is
    from 2019, so with the alerts in the outbox, the scheduler may print it before serve is stopped."""
    return [line for line in out.splitlines() if not line.startswith("Alert (no chat tool set up")]
