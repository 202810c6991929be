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
