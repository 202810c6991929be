"""`serve --processes N`: N processes answer /missing on one port, share one replay memory and stop together."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.test_scheduler_process import children_of, is_running, read_until_ready
from tests.bot.test_slash_command import SECRET
from tests.bot.test_teams_questions import card_of, texts
from tests.fake_slack import FakeSlack, slash_command_request
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, message_activity

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


def start_serve(db: Path, environment: dict[str, str], cwd: Path) -> tuple[subprocess.Popen[str], list[str], list[int]]:
    """`serve --processes 2` on a free port: the process, its summary, and its children (scheduler, then copy)."""
    command = ["--db", str(db), "serve", "--port", "0", "--host", "127.0.0.1", "--processes", "2"]
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *command],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = read_until_ready(process)
    assert "Answering on 2 processes (--processes N to change).\n" in lines
    children = children_of(process.pid)
    assert len(children) == 2  # forked before "Ctrl-C stops."
    return process, lines, children


def stop_serve(process: subprocess.Popen[str], children: list[int]) -> None:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out == "Stopped.\n"
    assert not [pid for pid in children if is_running(pid)]


def test_two_processes_answer_on_one_port_refuse_a_replay_sent_to_either_and_stop_together(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**slack_env, "SLACK_SIGNING_SECRET": SECRET, "TMPDIR": str(temporary)}
    process, lines, scheduler_and_copy = start_serve(reference_db, environment, tmp_path)
    try:
        [answering] = [line for line in lines if line.startswith("Answering /missing at ")]
        url = answering.removeprefix("Answering /missing at ").removesuffix(".\n")
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
        copy = scheduler_and_copy[1]  # forked after the scheduler
        assert cpu_ticks(copy) > before[copy], "the second answering process took requests too"
    finally:
        stop_serve(process, scheduler_and_copy)
    assert list(temporary.iterdir()) == []  # the shared replay memory is gone with the server
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    refused = [row for row in audit if row.user_id == "U0REPLAY" and row.outcome == "rejected (signature)"]
    assert len(refused) == 11
    assert len([row for row in audit if row.user_id.startswith("U0N") and row.outcome == "answered"]) == 200


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


def test_the_teams_bot_answers_from_both_processes(reference_db: Path, tmp_path: Path) -> None:
    fake = FakeMicrosoft().start()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "MISSING_REPORT_"))}
    environment |= {
        "TEAMS_CLIENT_ID": CLIENT_ID,
        "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
        "TEAMS_TENANT_ID": TENANT_ID,
        "TEAMS_LOGIN_URL": fake.base_url,
        "TEAMS_OPENID_URL": fake.openid_url,
    }
    process, lines, scheduler_and_copy = start_serve(reference_db, environment, tmp_path)
    try:
        [answering] = [line for line in lines if line.startswith("Answering Teams chats and @mentions at ")]
        url = answering.split(" at ", 1)[1].split()[0].removesuffix(".")
        copy = scheduler_and_copy[1]
        before = cpu_ticks(copy)
        token = fake.bot_framework_token(fake.base_url)

        def post(number: int) -> int:
            activity = message_activity("LAC episodes June", fake.base_url, activity_id=f"crowd-{number}")
            headers = {"Authorization": f"Bearer {token}"}
            return httpx.post(url, json=activity, headers=headers, timeout=15).status_code

        with ThreadPoolExecutor(max_workers=10) as pool:
            statuses = list(pool.map(post, range(30)))
        assert statuses == [200] * 30
        replies = fake.wait_for_replies(30)
        assert len(replies) == 30
        assert {texts(card_of(reply["activity"]))[0] for reply in replies} == {"LAC episodes, June 2019"}
        assert cpu_ticks(copy) > before, "the second answering process took requests too"
    finally:
        stop_serve(process, scheduler_and_copy)
        fake.stop()
