"""`serve` says only its own lines: with Slack over HTTP and the Teams bot (multi-tenant, no TEAMS_TENANT_ID),
none of Bolt's, the Teams SDK's or Python's warnings reach its standard error."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.bot.processes import read_until_ready
from tests.conftest import clean_environment
from tests.fake_slack import CHANNEL, GOOD_TOKEN, FakeSlack, wait_until
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, FakeMicrosoft


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # a 503 while the scheduler starts is an answer too
    except OSError:
        return False


OWN_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ bot\.")


@pytest.mark.slow
def test_serve_with_slack_and_the_teams_bot_prints_only_its_own_lines(
    current_db: Path, slack: FakeSlack, tmp_path: Path
) -> None:
    microsoft = FakeMicrosoft().start()
    env = clean_environment(
        {
            "SLACK_BOT_TOKEN": GOOD_TOKEN,
            "SLACK_API_URL": slack.base_url,
            "SLACK_DIGEST_CHANNEL": CHANNEL,
            "SLACK_SIGNING_SECRET": "test-signing-secret",
            "TEAMS_CLIENT_ID": CLIENT_ID,
            "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
            "TEAMS_LOGIN_URL": microsoft.base_url,
            "TEAMS_OPENID_URL": microsoft.openid_url,
        }
    )
    command = [sys.executable, "-m", "bot.cli", "--db", str(current_db), "serve", "--port", "0", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--processes", "2"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        lines = read_until_ready(process)
        assert "Answering Teams chats and @mentions at" in "".join(lines)
        health = next(line for line in lines if line.startswith("Health for a monitor at "))
        url = health.removeprefix("Health for a monitor at ").strip().removesuffix(".")
        assert wait_until(lambda: answers(url), 30)  # serving: a request answered
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        microsoft.stop()
    assert process.returncode == 0, err
    assert [line for line in err.splitlines() if not OWN_LINE.match(line)] == []
