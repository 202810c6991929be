"""A chat platform is one package and one line: a fake "echo" platform, registered only here, gets digests, alerts,
routes and doctor lines through the same registry as Slack and Teams, with no edit outside this module."""

from __future__ import annotations

import json
import threading
import tomllib
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from fastapi import Request
from fastapi.responses import JSONResponse

from bot.chat import AlertSender, DigestDestination, ReviewChannel, Routes, Serving
from bot.checks import NOT_SET_UP, PASSED, Check
from bot.cli.serve import add_platform_routes
from bot.delivery import DeliveryProgress
from bot.destinations import alert_senders
from bot.platforms import PLATFORMS
from bot.server import create_http_server
from bot.settings import SettingError, Settings, load_settings, read_environment
from bot.web import WebApp, build_web_app
from digest.contract.config import Config
from digest.lookups.service import LookupService
from digest.reporting.content import Digest
from digest.store.snapshots import open_store
from tests.bot.alert_runs import EXPECTED, alert_on_sequence
from tests.bot.registered_platforms import register_platform
from tests.cli_runner import run_cli

ECHO_ENV = "MISSING_REPORT_ECHO_CHANNEL"  # the echo channel's name: echo is set up when it is set
ECHO_PATH = "/echo/questions"


@dataclass
class EchoPlatform:
    """A chat platform that keeps what it is sent, and answers questions posted to it as JSON."""

    name: str = "echo"
    digests: list[tuple[str, Digest]] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)

    def channel(self, settings: Settings) -> str | None:
        return read_environment().get(ECHO_ENV) or None

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        return self.channel(settings) is not None

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        name = self.channel(settings)
        if name is None:
            raise SettingError(f"echo is not set up: set {ECHO_ENV}")
        return DigestDestination(f"echo:{name}", partial(EchoNotifier, self, name), f"Echo channel {name}")

    def describe_set_up(self, settings: Settings) -> str:
        return f"{ECHO_ENV} for Echo"

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        return self.digest_destination(settings, None) if self.channel(settings) else None

    def describe_digests(self, settings: Settings) -> list[str]:
        return []

    def keeps_outbox_off(self, settings: Settings) -> bool:
        return self.channel(settings) is not None

    def alert_sender(self, settings: Settings) -> AlertSender | None:
        name = self.channel(settings)
        if name is None:
            return None
        return AlertSender(f"echo:{name}:alerts", partial(EchoNotifier, self, name), f"Echo channel {name}")

    def answers(self, serving: Serving) -> bool:
        return self.channel(serving.settings) is not None

    def add_routes(self, web: WebApp, routes: Routes, serving: Serving) -> None:
        if not self.answers(serving):
            return
        service = LookupService(serving.open_store, serving.config, platform=self.name)

        @web.post(ECHO_PATH)
        async def echo_question(request: Request) -> JSONResponse:
            asked = await request.json()
            answer = service.ask(asked["user"], asked["channel"], asked["text"])
            return JSONResponse({"title": answer.title, "lines": answer.lines})

        routes.paths.append(ECHO_PATH)
        routes.lines.append(lambda base: f"Echoing questions at {base}{ECHO_PATH}.")

    def describe_not_answering(self, serving: Serving) -> list[str]:
        return [] if self.answers(serving) else [f"Not echoing: {ECHO_ENV} is not set."]

    def check_set_up(self, settings: Settings, config: Config, environ: Mapping[str, str]) -> list[Check]:
        name = self.channel(settings)
        if name is None:
            return [Check(NOT_SET_UP, "Echo", f"{ECHO_ENV} is not set")]
        return [Check(PASSED, "Echo", f"echoing to {name}")]

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        return None  # echo has no review channel (tests/bot/test_review_platform.py has a platform that does)


@dataclass
class EchoNotifier:
    platform: EchoPlatform
    name: str

    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        progress.record_post_attempt()
        self.platform.digests.append((self.name, digest))
        progress.record_message(f"echo-{len(self.platform.digests)}")

    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str:
        self.platform.alerts.append(text)
        return f"echo-alert-{len(self.platform.alerts)}"


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> Iterator[EchoPlatform]:
    """The echo platform, registered for one test only."""
    with register_platform(EchoPlatform(), monkeypatch, ECHO_ENV, "echo-room") as platform:
        yield platform


def test_the_echo_platform_gets_the_digest_through_digest_post_and_its_to_choice(
    echo: EchoPlatform, reference_db: Path, tmp_path: Path
) -> None:
    environment = {ECHO_ENV: "echo-room"}
    posted = run_cli("--db", str(reference_db), "digest", "--month", "2019-06", "--post", cwd=tmp_path, env=environment)
    assert (posted.returncode, posted.stdout) == (0, "June 2019 digest for echo:echo-room: posted\n"), posted.stderr
    again = run_cli(
        "--db", str(reference_db), "digest", "--month", "June", "--post", "--to", "echo", cwd=tmp_path, env=environment
    )
    assert again.stdout.startswith("June 2019 digest for echo:echo-room: not sent, already posted at ")
    [(room, digest)] = echo.digests
    assert (room, digest.title) == ("echo-room", "Children missing from home or care: June 2019")
    runs = run_cli("--db", str(reference_db), "digest-runs", cwd=tmp_path, env=environment).stdout.splitlines()
    assert runs[1].split()[:4] == ["1", "2019-06", "echo:echo-room", "posted"]


def test_the_echo_platform_gets_the_alerts_after_each_snapshot(
    echo: EchoPlatform, tmp_path: Path, config: Config
) -> None:
    settings = load_settings(config, {ECHO_ENV: "echo-room"})
    assert [sender.where for sender in alert_senders(settings, print)] == ["Echo channel echo-room"]
    with open_store(tmp_path / "alerts.db") as store:
        alert_on_sequence(tmp_path, config, settings, store)
    assert echo.alerts == EXPECTED


def test_the_echo_platform_answers_on_its_route_beside_the_others(
    echo: EchoPlatform, reference_db: Path, config: Config
) -> None:
    settings = load_settings(config, {})
    web = build_web_app()
    routes = add_platform_routes(web, Serving(config, settings, partial(open_store, reference_db), reference_db))
    assert routes.paths == [ECHO_PATH]  # Slack and Teams are not set up here
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.effective_port}"
        assert [line(base) for line in routes.lines] == [f"Echoing questions at {base}{ECHO_PATH}."]
        question = json.dumps({"user": "U1", "channel": "C1", "text": "LAC episodes June 2019"}).encode()
        request = urllib.request.Request(base + ECHO_PATH, question, {"content-type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
    finally:
        server.close()
    assert answer["title"] == "LAC episodes, June 2019"
    assert answer["lines"][0].startswith("*74*")


def test_doctor_says_the_echo_platforms_line_after_the_others(
    echo: EchoPlatform, current_db: Path, tmp_path: Path
) -> None:
    result = run_cli("--db", str(current_db), "doctor", cwd=tmp_path, env={ECHO_ENV: "echo-room"})
    lines = result.stdout.splitlines()
    assert "ok    Echo: echoing to echo-room" in lines
    assert lines.index("ok    Echo: echoing to echo-room") == len(lines) - 4  # before the schedule's lines
    assert lines[-3].startswith("ok    Next digest: ")
    assert lines[-2].startswith("ok    Data for the next digest: ")


def test_the_layers_contract_holds_every_registered_platform_package() -> None:
    """A platform's package sits on the platforms' floor: above what it is given (bot.chat, bot.web, delivery,
    settings), below the registry and what loops over it."""
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    [edges] = [c for c in pyproject["tool"]["importlinter"]["contracts"] if c["name"].startswith("floors of the edges")]
    assert edges["layers"][edges["layers"].index("bot.platforms") + 1] == "bot.chats"
    # Every registered platform's package is one of bot.chats' packages, so the contracts cover it unnamed.
    assert [type(p).__module__.rsplit(".", 2)[0] for p in PLATFORMS] == ["bot.chats"] * len(PLATFORMS)
    [alone] = [c for c in pyproject["tool"]["importlinter"]["contracts"] if c["type"] == "independence"]
    assert alone["modules"] == ["bot.chats.*"]
    assert edges["layers"][edges["layers"].index("bot.platforms") + 2 :] == [
        "bot.chat",
        "bot.web",
        "bot.delivery",
        "bot.settings | bot.refusals",
        "bot.checks",
    ]
