"""`missing-report doctor` for Teams: the webhooks' shape and reach, the bot's ids and whether its secret gets a
token from the token service (the fake Microsoft's, through TEAMS_LOGIN_URL); a wrong environment variable named
as the environment's, and every other check still made."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from tests.cli_runner import run_cli, run_process
from tests.conftest import clean_environment
from tests.fake_slack import GOOD_TOKEN, FakeSlack
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft
from tests.fake_workflows import FakeTeams


@pytest.fixture
def bot_env(teams_env: dict[str, str], microsoft: FakeMicrosoft) -> dict[str, str]:
    return {
        **teams_env,
        "TEAMS_CLIENT_ID": CLIENT_ID,
        "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
        "TEAMS_TENANT_ID": TENANT_ID,
        "TEAMS_LOGIN_URL": microsoft.base_url,
    }


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused, as with no network."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def doctor(db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_cli("--db", str(db), "doctor", cwd=db.parent, env=env)


def teams_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if "TEAMS" in line or "Teams" in line]


def test_a_good_teams_set_up_passes_and_posts_nothing(
    current_db: Path, bot_env: dict[str, str], teams: FakeTeams, microsoft: FakeMicrosoft
) -> None:
    result = doctor(current_db, bot_env)
    assert result.returncode == 0, result.stdout
    assert teams_lines(result) == [
        "ok    TEAMS_DIGEST_WEBHOOK_URL: http://127.0.0.1/... is a test server on this machine",
        "ok    TEAMS_DIGEST_WEBHOOK_URL reachable: 127.0.0.1/… answers (HTTP 501 to a GET, which posts nothing)",
        "ok    TEAMS_ALERTS_WEBHOOK_URL: http://127.0.0.1/... is a test server on this machine",
        "ok    TEAMS_ALERTS_WEBHOOK_URL reachable: 127.0.0.1/… answers (HTTP 501 to a GET, which posts nothing)",
        f"ok    TEAMS_CLIENT_ID: {CLIENT_ID}, a GUID",
        f"ok    TEAMS_TENANT_ID: {TENANT_ID}, a GUID",
        "ok    Teams bot token: 127.0.0.1 gave the bot a token with TEAMS_CLIENT_SECRET",
    ]
    assert teams.cards == {path: [] for path in teams.cards}  # nothing posted
    [asked] = microsoft.token_requests
    assert (asked["path"], asked["scope"]) == (
        f"/{TENANT_ID}/oauth2/v2.0/token",
        "https://api.botframework.com/.default",
    )
    assert CLIENT_SECRET not in result.stdout + result.stderr
    assert result.stderr == ""


def test_each_teams_mistake_is_named_and_none_hides_the_others(
    current_db: Path, bot_env: dict[str, str], slack: FakeSlack
) -> None:
    env = {
        **bot_env,
        "TEAMS_CLIENT_ID": "not-a-guid",
        "TEAMS_ALERTS_WEBHOOK_URL": "http://council.webhook.office.com/webhookb2/SECRETSIG",
        "TEAMS_DIGEST_WEBHOOK_URL": f"http://127.0.0.1:{closed_port()}/workflows/digest?sig=SECRETSIG",
        "SLACK_BOT_TOKEN": GOOD_TOKEN,
        "SLACK_API_URL": slack.base_url,
    }
    result = doctor(current_db, env)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("FAIL")] == [
        "FAIL  Environment TEAMS_ALERTS_WEBHOOK_URL: TEAMS_ALERTS_WEBHOOK_URL (in the environment) must be the "
        "https:// URL of the Teams workflow's webhook trigger (Workflows: \"When a Teams webhook request is "
        'received"). Fix: correct TEAMS_ALERTS_WEBHOOK_URL in the environment (for the service, its environment '
        "file), or unset it",
        "FAIL  TEAMS_DIGEST_WEBHOOK_URL reachable: 127.0.0.1/… could not be reached (ConnectError). Fix: check that "
        "this machine can reach it over HTTPS (a firewall or a proxy?)",
        "FAIL  TEAMS_CLIENT_ID: 'not-a-guid' is not a GUID (like 00000000-0000-0000-0000-000000000000). Fix: set "
        "TEAMS_CLIENT_ID to the Application (client) ID of the bot's app registration in Microsoft Entra (Azure "
        "portal > App registrations > Overview)",
        "FAIL  Teams bot token: not tried: the ids above are wrong. Fix: fix the ids, then run missing-report doctor "
        "again",
    ]
    lines = result.stdout.splitlines()
    assert lines[1].startswith("ok    Config: ")  # the file is fine: the environment is not
    assert any(line.startswith("ok    Store: ") for line in lines)  # every other check still made
    assert any(line.startswith("ok    Next digest: ") for line in lines)
    assert "correct the file" not in result.stdout
    assert "SECRETSIG" not in result.stdout + result.stderr


def test_a_secret_the_token_service_refuses_is_named(current_db: Path, bot_env: dict[str, str]) -> None:
    result = doctor(current_db, {**bot_env, "TEAMS_CLIENT_SECRET": "expired-secret"})
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("FAIL")] == [
        "FAIL  Teams bot token: the Teams token service refused the bot's credentials (HTTP 401): check "
        "TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID (TEAMS_LOGIN_URL). Fix: check TEAMS_CLIENT_SECRET: "
        "secrets expire; make a new one if so"
    ]
    assert "expired-secret" not in result.stdout + result.stderr


@pytest.mark.slow
def test_with_no_network_each_service_is_one_failed_line_and_stderr_stays_clean(current_db: Path) -> None:
    nowhere = f"http://127.0.0.1:{closed_port()}"
    env = clean_environment(
        {
            "SLACK_BOT_TOKEN": "xoxb-any",
            "SLACK_API_URL": nowhere + "/api/",
            "SLACK_DIGEST_CHANNEL": "C0DIGEST",
            "TEAMS_DIGEST_WEBHOOK_URL": nowhere + "/workflows/digest",
            "TEAMS_CLIENT_ID": CLIENT_ID,
            "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
            "TEAMS_TENANT_ID": TENANT_ID,
            "TEAMS_LOGIN_URL": nowhere,
        }
    )
    result = run_process("--db", str(current_db), "doctor", cwd=current_db.parent, env=env)
    assert result.returncode == 1
    failed = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert failed == ["FAIL  Slack token", "FAIL  TEAMS_DIGEST_WEBHOOK_URL reachable", "FAIL  Teams bot token"]
    assert result.stderr == ""
