"""The deployment files: the Slack app manifest asks for exactly the scopes doctor checks and points at the
route serve answers; the systemd unit runs serve hardened, and systemd itself accepts it."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.chats.slack.setup_checks import APP_SCOPES, NEEDED_SCOPES, SLASH_SCOPE
from bot.server import EVENTS_PATH
from bot.settings import PORT_ENV
from tests.cli_runner import run_cli
from tests.conftest import clean_environment

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
UNIT = DEPLOY / "missing-report.service"


def load_manifest() -> dict[str, object]:
    manifest = yaml.safe_load((DEPLOY / "slack-app-manifest.yml").read_text(encoding="utf-8"))
    assert isinstance(manifest, dict)
    return manifest


def test_the_manifest_asks_for_the_scopes_doctor_checks_and_no_others() -> None:
    scopes = load_manifest()["oauth_config"]["scopes"]["bot"]  # type: ignore[index]
    assert sorted(scopes) == sorted(APP_SCOPES)
    assert set(NEEDED_SCOPES) | {SLASH_SCOPE} <= set(scopes)


def test_the_slash_command_and_buttons_reach_the_route_serve_answers() -> None:
    manifest = load_manifest()
    (command,) = manifest["features"]["slash_commands"]  # type: ignore[index]
    assert command["command"] == "/missing"
    assert command["url"].startswith("https://")
    assert command["url"].endswith(EVENTS_PATH)
    assert manifest["settings"]["interactivity"]["request_url"] == command["url"]  # type: ignore[index]
    assert manifest["settings"]["socket_mode_enabled"] is False  # type: ignore[index]


def read_unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string(UNIT.read_text(encoding="utf-8"))
    return unit


def test_the_unit_runs_serve_as_its_own_user_hardened_and_restarted() -> None:
    service = read_unit()["Service"]
    assert service["ExecStart"].split()[1:] == ["serve"]
    assert service["User"] == "missing-report"
    for setting, value in {
        "ProtectSystem": "strict",
        "NoNewPrivileges": "yes",
        "PrivateTmp": "yes",
        "ReadWritePaths": service["WorkingDirectory"],
        "Restart": "on-failure",
        "UMask": "0077",
    }.items():
        assert service[setting] == value, setting


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    # verify checks the command exists: point it at this checkout's missing-report, nothing else changed.
    command = Path(sys.executable).with_name("missing-report")
    text = UNIT.read_text(encoding="utf-8").replace("/opt/missing-report/.venv/bin/missing-report", str(command))
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_the_service_serves_healthz_on_the_environment_files_port() -> None:
    """A schedule-only install answers nothing, so serve runs its HTTP server only with a port: the file gives one."""
    lines = (DEPLOY / "missing-report.env.example").read_text(encoding="utf-8").splitlines()
    assert f"{PORT_ENV}=3000" in lines
    assert read_unit()["Service"]["EnvironmentFile"] == "/etc/missing-report/missing-report.env"


def test_a_port_that_is_not_a_number_is_named(tmp_path: Path) -> None:
    result = run_cli("serve", cwd=tmp_path, env=clean_environment({PORT_ENV: "http", "MISSING_REPORT_HOME": "."}))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "missing-report: MISSING_REPORT_PORT = 'http' must be a port number from 1 to 65535, like 3000, or unset\n"
    )
