"""Real processes of the tests: their children, whether one still runs, a served app's start-up lines, and
`serve --processes 2` started and stopped."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests.bot.slack_questions import read_line
from tests.cli_runner import start_process
from tests.fake_slack import wait_until


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


def start_serve(
    db: Path, environment: dict[str, str], cwd: Path, port: int = 0
) -> tuple[subprocess.Popen[str], list[str], list[int]]:
    """`serve --processes 2` (on a free port), in a session of its own so that Ctrl-C can be sent to all of it:
    the process, its summary, and the processes it started: the scheduler, the keeper of the answering copies, and
    the copy (the second answering process)."""
    command = ["--db", str(db), "serve", "--port", str(port), "--host", "127.0.0.1", "--processes", "2"]
    process = start_process(*command, cwd=cwd, env=environment, new_session=True)
    lines = read_until_ready(process)
    assert "Answering on 2 processes (--processes N to change).\n" in lines
    children = children_of(process.pid)
    assert len(children) == 2  # forked before "Ctrl-C stops."
    assert wait_until(lambda: len(children_of(children[1])) == 1, 10)  # the keeper forks the copy
    return process, lines, [*children, *children_of(children[1])]


def stop_serve(process: subprocess.Popen[str], children: list[int], how: str = "SIGTERM") -> str:
    """Stop serve with SIGTERM (as a service manager does) or Ctrl-C (SIGINT to every process, as a terminal
    does); its standard error."""
    if how == "SIGTERM":
        process.send_signal(signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert without_data_notices(out) == ["Stopped."]
    assert "Traceback" not in err
    assert not [pid for pid in children if is_running(pid)]
    return err


def without_data_notices(out: str) -> list[str]:
    """serve's last words, less the notice that the due digest's month has no data: the reference extract is
    from 2019, so with the alerts in the outbox, the scheduler may print it before serve is stopped."""
    return [line for line in out.splitlines() if not line.startswith("Alert (no chat tool set up")]
