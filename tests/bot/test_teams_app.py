"""`missing-report teams-app`: the package a Teams admin uploads, unzipped and checked."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from bot.cli.main import main
from tests.fake_teams import CLIENT_ID


def run(argv: list[str]) -> tuple[int, list[str]]:
    printed: list[str] = []
    return main(argv, printed.append), printed


def test_package_has_the_manifest_and_both_icons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEAMS_CLIENT_ID", CLIENT_ID)
    out = tmp_path / "missing-report.zip"
    status, printed = run(["teams-app", "--out", str(out), "--website", "https://example.gov.uk/performance"])
    assert status == 0
    assert printed[0] == f"Wrote {out}: manifest.json (bot {CLIENT_ID}), color.png, outline.png."
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        color = Image.open(io.BytesIO(package.read("color.png")))
        outline = Image.open(io.BytesIO(package.read("outline.png")))
    assert manifest["$schema"] == "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json"
    assert manifest["manifestVersion"] == "1.22"
    assert manifest["id"] == CLIENT_ID
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    (bot,) = manifest["bots"]
    assert bot["botId"] == CLIENT_ID
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    assert manifest["developer"]["privacyUrl"] == "https://example.gov.uk/performance"
    assert len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000
    assert (color.format, color.size) == ("PNG", (192, 192))
    assert (outline.format, outline.size) == ("PNG", (32, 32))
    # The outline icon is white on transparent, as Teams requires.
    pixels = list(outline.convert("RGBA").get_flattened_data())
    assert {(r, g, b) for r, g, b, a in pixels if a > 0} <= {(255, 255, 255)}
    assert any(a == 0 for _, _, _, a in pixels)


def test_package_needs_the_bot_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TEAMS_CLIENT_ID", raising=False)
    assert run(["teams-app", "--out", str(tmp_path / "x.zip")])[0] == 1
    assert "TEAMS_CLIENT_ID is not set" in capsys.readouterr().err
    monkeypatch.setenv("TEAMS_CLIENT_ID", "my-bot")
    assert run(["teams-app", "--out", str(tmp_path / "x.zip")])[0] == 1
    assert "TEAMS_CLIENT_ID 'my-bot' is not a GUID" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
