"""`serve --processes N`: N processes answer /missing on one port, share one replay memory and stop together."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.processes import children_of, is_running, start_serve, stop_serve
from tests.bot.slack_questions import SECRET
from tests.bot.teams_questions import card_of, texts
from tests.conftest import clean_environment
from tests.fake_slack import FakeSlack, slash_command_request, wait_until
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, message_activity

LOOPBACK = ("--host", "127.0.0.1")
QUESTIONS = ("LAC episodes June", "children ytd", "still missing", "ethnicity")


def send(request: urllib.request.Request) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}").get("text", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


MIN_ANSWERING_TICKS = 5  # CPU ticks (1/100 s) a process gains answering its share of a crowd; idle, under 2


def listening_pids(port: int) -> set[int]:
    """The processes with a socket listening on port (Linux's /proc)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
            inodes.add(f"socket:[{fields[9]}]")
    owners = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if str(fd.readlink()) in inodes:
                owners.add(int(fd.parts[2]))
        except OSError:
            continue  # a process or descriptor that went meanwhile
    return owners


@pytest.mark.slow  # real processes started and stopped: `make test-slow`, which CI runs
def test_two_processes_answer_on_one_port_refuse_a_replay_sent_to_either_and_stop_together(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    environment = {**slack_env, "SLACK_SIGNING_SECRET": SECRET}
    process, lines, scheduler_and_copy = start_serve(reference_db, environment, tmp_path)
    copy = scheduler_and_copy[-1]
    try:
        [answering] = [line for line in lines if line.startswith("Answering /missing at ")]
        url = answering.removeprefix("Answering /missing at ").removesuffix(".\n")
        port = int(url.split(":")[2].split("/")[0])
        assert wait_until(lambda: listening_pids(port) == {process.pid, copy}, 10)  # a socket each on the port
        before = {pid: cpu_ticks(pid) for pid in scheduler_and_copy}

        with ThreadPoolExecutor(max_workers=20) as pool:
            crowd = [slash_command_request(url, QUESTIONS[n % 4], SECRET, user=f"U0N{n}") for n in range(200)]
            answers = list(pool.map(send, crowd))
            replayed = slash_command_request(url, "LAC episodes June", SECRET, user="U0REPLAY")
            replays = list(pool.map(send, [replayed] * 12))

        assert [status for status, _ in answers] == [200] * 200
        lac_june = [text for n, (_, text) in enumerate(answers) if n % 4 == 0]
        assert {text.split("\n")[:2] == ["LAC episodes, June 2019", "74"] for text in lac_june} == {True}
        assert sorted(status for status, _ in replays) == [200] + [401] * 11  # whichever process each reached
        assert cpu_ticks(copy) - before[copy] >= MIN_ANSWERING_TICKS, "the second process answered its share"

        second = subprocess.run(  # a second serve on the same port by mistake
            [sys.executable, "-m", "bot.cli", "--db", str(reference_db), "serve", "--port", str(port), *LOOPBACK],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert (second.returncode, second.stderr.splitlines()[-1]) == (
            1,
            f"missing-report: port {port} on 127.0.0.1 is taken by another program (another missing-report "
            "serve?): stop it, or choose another port with --port or [slash] port",
        )
        keeper = scheduler_and_copy[1]
        os.kill(keeper, signal.SIGKILL)  # the copy answers on, but would not be replaced: the log says so
        assert wait_until(lambda: not is_running(keeper), 10)
        assert send(slash_command_request(url, "LAC episodes June", SECRET, user="U0AFTER"))[0] == 200
    finally:
        err = stop_serve(process, scheduler_and_copy, how="Ctrl-C")
    assert (
        "The keeper of the answering processes ended (exit code -9): one that dies now is not replaced. Restart "
        "serve to have them kept again"
    ) in err
    memory = reference_db.with_name(f"{reference_db.stem}-recent-requests.db")  # kept beside the store
    assert stat.S_IMODE(memory.stat().st_mode) == 0o600
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    refused = [row for row in audit if row.user_id == "U0REPLAY" and row.outcome == "rejected (signature)"]
    assert len(refused) == 11
    crowd_rows = [(row.outcome, row.reading) for row in audit if row.user_id.startswith("U0N")]
    assert crowd_rows.count(("answered", "figure episodes.lac june")) == 50, err
    assert len(crowd_rows) == 200, err
    assert {outcome for outcome, _ in crowd_rows} == {"answered"}, crowd_rows


def test_processes_must_be_a_whole_number_from_1_to_32(reference_db: Path, tmp_path: Path) -> None:
    for given in ("0", "two", "33"):
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "--db", str(reference_db), "serve", "--processes", given],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        assert result.stderr.endswith(
            f"serve: error: argument --processes: give a whole number from 1 to 32, not '{given}'\n"
        )


@pytest.mark.slow
def test_the_teams_bot_answers_from_both_processes_once_each_and_a_copy_that_dies_is_started_again(
    reference_db: Path, tmp_path: Path
) -> None:
    """Issue 22, items 1 and 7: each activity answered once whichever process a copy of it reaches; a copy that
    is killed is replaced (after a back-off), which the log says, and the replacement answers."""
    fake = FakeMicrosoft().start()
    environment = clean_environment() | {
        "TEAMS_CLIENT_ID": CLIENT_ID,
        "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
        "TEAMS_TENANT_ID": TENANT_ID,
        "TEAMS_LOGIN_URL": fake.base_url,
        "TEAMS_OPENID_URL": fake.openid_url,
    }
    process, lines, started = start_serve(reference_db, environment, tmp_path)
    try:
        [answering] = [line for line in lines if line.startswith("Answering Teams chats and @mentions at ")]
        url = answering.split(" at ", 1)[1].split()[0].removesuffix(".")
        port = int(url.split(":")[2].split("/")[0])
        keeper, copy = started[1], started[-1]
        before = cpu_ticks(copy)
        token = fake.bot_framework_token(fake.base_url)

        headers = {"Authorization": f"Bearer {token}"}

        def post(number: int) -> int:
            activity = message_activity("LAC episodes June", fake.base_url, activity_id=f"crowd-{number % 30}")
            return httpx.post(url, json=activity, headers=headers, timeout=15).status_code

        with ThreadPoolExecutor(max_workers=10) as pool:
            statuses = list(pool.map(post, range(30)))
        assert statuses == [200] * 30
        replies = fake.wait_for_replies(30)
        assert len(replies) == 30
        assert {texts(card_of(reply["activity"]))[0] for reply in replies} == {"LAC episodes, June 2019"}
        assert cpu_ticks(copy) - before >= MIN_ANSWERING_TICKS, "the second process answered its share"

        os.kill(copy, signal.SIGKILL)
        assert wait_until(lambda: not is_running(copy), 10)
        assert wait_until(lambda: children_of(keeper) not in ([], [copy]), 15), "a copy started in its place"
        [replacement] = children_of(keeper)
        started.append(replacement)
        assert wait_until(lambda: listening_pids(port) == {process.pid, replacement}, 10)
        before = cpu_ticks(replacement)
        with ThreadPoolExecutor(max_workers=10) as pool:  # each of the 30 again, twice: replays, to both processes
            assert list(pool.map(post, range(60))) == [200] * 60
        assert cpu_ticks(replacement) - before >= MIN_ANSWERING_TICKS // 2, "the replacement took its share"
        time.sleep(1)  # an answer would reach the connector within this
        assert len(fake.replies) == 30  # not one of them answered again

        os.kill(replacement, signal.SIGKILL)  # dying young again: the next one waits twice as long
        assert wait_until(lambda: children_of(keeper) not in ([], [replacement]), 15)
        started.extend(children_of(keeper))
    finally:
        err = stop_serve(process, started)
        fake.stop()
    assert (
        "An answering process ended (exit code -9); 1 of 2 processes are answering, and another starts in 1 s." in err
    )
    assert "Started an answering process in place of the one that ended; 2 of 2 processes are answering." in err
    assert (
        "An answering process ended (exit code -9); 1 of 2 processes are answering, and another starts in 2 s." in err
    )
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    replays = [row for row in audit if row.reading == "replay of an activity already answered"]
    assert (len(replays), {row.platform for row in replays}) == (60, {"teams"})
