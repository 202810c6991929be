"""`serve` runs its scheduler (digests, drop folder, alerts) in one process of its own beside the server that
answers: a real `serve` process, a real drop folder, real signed requests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.server import EVENTS_PATH
from tests.bot.extracts import build_later_rows
from tests.bot.processes import children_of, is_running, read_until_ready, without_data_notices
from tests.bot.slack_questions import SECRET, ask
from tests.conftest import write_csv
from tests.fake_slack import wait_until
from tests.fixtures.reference_june_2019 import HEADERS

SETTLED = 120  # seconds: the dropped file's age, past the drop folder's settle_seconds (60)
WAIT_SECONDS = 30


SERVE_OPTIONS = ("--port", "0", "--host", "127.0.0.1", "--processes", "2")


def start_serve(db: Path, slack_env: dict[str, str], folder: Path, new_session: bool = False) -> subprocess.Popen[str]:
    """`serve` answering /missing on loopback (a free port) on two processes, with the fake Slack's settings, run
    in folder; new_session: in a session of its own, so that it and its children can be killed together."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "serve", *SERVE_OPTIONS],
        cwd=folder,
        env={**slack_env, "SLACK_SIGNING_SECRET": SECRET},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=new_session,
    )


def drop_later_extract(inbox: Path) -> None:
    """The reference extract less ten LAC episodes that started in June, dropped as the 19/07/2019 09:00 extract."""
    inbox.mkdir()
    path = write_csv(inbox / "missing-2019-07-19_0900.csv", build_later_rows(), HEADERS)
    settled = time.time() - SETTLED
    os.utime(path, (settled, settled))


@pytest.mark.slow
def test_the_drop_folder_is_read_in_the_scheduler_process_and_it_ends_with_the_server(
    reference_db: Path, slack_env: dict[str, str], tmp_path: Path
) -> None:
    drop_later_extract(tmp_path / "inbox")
    process = start_serve(reference_db, slack_env, tmp_path)
    try:
        lines = read_until_ready(process)
        answering = next(line for line in lines if line.startswith("Answering /missing at "))
        url = answering.removeprefix("Answering /missing at ").strip().removesuffix(".")
        assert url.endswith(EVENTS_PATH)
        scheduler, keeper = children_of(process.pid)  # the scheduler, then the keeper of the answering copy
        assert wait_until(lambda: len(children_of(keeper)) == 1, WAIT_SECONDS)
        [copy] = children_of(keeper)

        def answered_from_the_new_snapshot() -> bool:
            return ask(url, "LAC episodes June")[1]["text"].endswith("(snapshot 2).")

        assert wait_until(answered_from_the_new_snapshot, WAIT_SECONDS)
        assert ask(url, "LAC episodes June")[1]["text"].startswith("LAC episodes, June 2019\n64\n")
        assert (tmp_path / "inbox" / "archive" / "missing-2019-07-19_0900.csv").exists()
        process.kill()  # no chance to stop its children: they must notice and stop by themselves
        process.wait(WAIT_SECONDS)
        assert wait_until(lambda: not any(map(is_running, (scheduler, keeper, copy))), WAIT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=WAIT_SECONDS)


@pytest.mark.slow  # real processes started and stopped: `make test-slow`, which CI runs
def test_sigterm_stops_the_scheduler_and_answering_processes_too(
    reference_db: Path, slack_env: dict[str, str], tmp_path: Path
) -> None:
    process = start_serve(reference_db, slack_env, tmp_path, new_session=True)
    try:
        read_until_ready(process)
        children = children_of(process.pid)
        assert len(children) == 2  # the scheduler, and the keeper of the second answering process
        assert wait_until(lambda: len(children_of(children[1])) == 1, WAIT_SECONDS)
        children += children_of(children[1])
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=WAIT_SECONDS)
    finally:  # a failed assertion above must not leave the server and its children running
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 0, err
    assert without_data_notices(out) == ["Stopped."]
    assert "Traceback" not in err
    assert not [child for child in children if is_running(child)]


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.1, 0.3])
def test_sigterm_at_any_moment_of_the_start_stops_serve_cleanly(
    reference_db: Path, slack_env: dict[str, str], tmp_path: Path, delay: float
) -> None:
    """A service manager may stop serve while uvicorn is still starting: a SIGTERM raised as an exception there
    failed in asyncio's own start ("Cannot close a running event loop") about one run in three under load."""
    process = start_serve(reference_db, slack_env, tmp_path, new_session=True)
    try:
        read_until_ready(process)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=WAIT_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 0, err
    assert without_data_notices(out)[-1] == "Stopped."
    assert "Traceback" not in err
    assert "event loop" not in err


@pytest.mark.slow
def test_a_second_serve_for_the_same_store_answers_questions_but_runs_no_scheduler(
    reference_db: Path, slack_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 22, item 8: two serves on different ports for one store each ran a scheduler (digests twice). A serve
    started as soon as the one that held the schedule is killed takes it over once that one's scheduler has gone."""
    first = start_serve(reference_db, slack_env, tmp_path)
    started = [first]
    try:
        assert any(line.startswith("Serving: the previous month's digest goes") for line in read_until_ready(first))
        lock = reference_db.with_name("store-scheduler.lock")  # beside the store
        assert lock.read_text() == str(first.pid)
        second = start_serve(reference_db, slack_env, tmp_path)
        started.append(second)
        lines = read_until_ready(second)
        assert lines[0] == (
            f"Not posting digests or watching the drop folder: another missing-report serve (process {first.pid}) "
            "does that for this store, and one is enough. This one answers questions only.\n"
        )
        assert not [line for line in lines if line.startswith(("Serving:", "Watching"))]
        [keeper] = children_of(second.pid)  # no scheduler: only the keeper of its answering copy
        assert wait_until(lambda: len(children_of(keeper)) == 1, WAIT_SECONDS)
        answering = next(line for line in lines if line.startswith("Answering /missing at "))
        url = answering.removeprefix("Answering /missing at ").strip().removesuffix(".")
        assert ask(url, "LAC episodes June")[1]["text"].startswith("LAC episodes, June 2019\n74\n")
        alone = subprocess.run(  # with nothing to answer, a second scheduler-only serve has nothing to do
            [sys.executable, "-m", "bot.cli", "--db", str(reference_db), "serve"],
            cwd=tmp_path,
            env=slack_env,
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS,
        )
        assert (alone.returncode, alone.stderr.splitlines()[-1]) == (
            1,
            f"missing-report: another missing-report serve (process {first.pid}) already posts the digests and "
            "watches the drop folder for this store, and this one has no questions to answer: one is enough",
        )
        first.kill()  # gone without stopping its scheduler, which lets go of the lock as it notices
        first.communicate(timeout=WAIT_SECONDS)
        third = start_serve(reference_db, slack_env, tmp_path)  # at once, as a service manager's restart would
        started.append(third)
        assert any(line.startswith("Serving: the previous month's digest goes") for line in read_until_ready(third))
        assert lock.read_text() == str(third.pid)
    finally:
        for process in started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.communicate(timeout=WAIT_SECONDS)
