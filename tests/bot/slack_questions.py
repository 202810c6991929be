"""Asking the Slack app a question over real signed HTTP: the app served, a slash command posted, a line read."""

from __future__ import annotations

import json
import select
import subprocess
import threading
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path
from typing import Any

from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.comments import SECTION_ACTION, SECTION_BLOCK, TEXT_ACTION, TEXT_BLOCK
from bot.chats.slack.requests import RequestGuard, audit_refusals
from bot.server import add_slack_route, build_web_app, create_http_server
from digest.contract.config import Config
from digest.lookups.service import Access, LookupService
from digest.store.lookups import load_lookups
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.snapshots import open_store
from tests.fake_slack import (
    GOOD_TOKEN,
    FakeSlack,
    slash_command_request,
)

SECRET = "test-signing-secret"


def start(
    db: Path, config: Config, slack: FakeSlack, access: Access, seen: RecentKeys | None = None
) -> tuple[Any, LookupService]:
    service = LookupService(partial(open_store, db), config, access)
    app = build_app(service, "/missing", SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    web = build_web_app()
    add_slack_route(web, app, RequestGuard(SECRET, seen or RecentKeys(recent_keys_path(db))), audit_refusals(service))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    return server, service


def ask(
    url: str,
    text: str,
    user: str = "U0ANALYST",
    channel: str = "C0PERF",
    *,
    timestamp: int | None = None,
    secret: str = SECRET,
) -> tuple[int, dict[str, Any]]:
    request = slash_command_request(url, text, secret, user, channel, timestamp)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def read_line(process: subprocess.Popen[str], seconds: float = 30) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    if not ready:
        process.kill()
        raise AssertionError("the server printed nothing")
    return process.stdout.readline()


def form_values(section: str, text: str) -> dict[str, Any]:
    return {
        SECTION_BLOCK: {SECTION_ACTION: {"type": "static_select", "selected_option": {"value": section}}},
        TEXT_BLOCK: {TEXT_ACTION: {"type": "plain_text_input", "value": text}},
    }


def audited(db: Path) -> list[tuple[str, str, str, str]]:
    store = open_store(db)
    rows = [(x.user_id, x.question, x.outcome, x.reading) for x in load_lookups(store)]
    store.close()
    return rows


def send(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
