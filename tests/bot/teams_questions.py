"""The Teams bot asked over real HTTP: the fake Microsoft, the app served, signed posts, and what its cards say."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import httpx

from bot.chats.teams.bot import MESSAGES_PATH, add_teams_bot
from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook
from bot.chats.teams.reviews import DraftPresses
from bot.server import HttpServer, add_outgoing_webhook_route, build_web_app, create_http_server
from bot.settings import TeamsQuestionSettings
from digest.contract.config import Config
from digest.lookups.service import Access, LookupService
from digest.store.lookups import TEAMS, TEAMS_WEBHOOK, load_lookups
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.snapshots import open_store
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, message_activity

WEBHOOK_KEY = b"outgoing-webhook-shared-secret-32"


@dataclass
class Teams:
    url: str
    fake: FakeMicrosoft
    db: Path

    def post(self, activity: dict[str, Any], token: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.post(self.url + MESSAGES_PATH, json=activity, headers=headers, timeout=15)

    def ask(self, text: str, channel: bool = False) -> dict[str, Any]:
        """The card the bot posted back for a question."""
        before = len(self.fake.replies)
        response = self.post(message_activity(text, self.fake.base_url, channel=channel), self.token())
        assert response.status_code == 200, response.text
        reply = self.fake.wait_for_replies(before + 1)[before]
        return reply

    def token(self, **changes: Any) -> str:
        return self.fake.bot_framework_token(self.fake.base_url, **changes)

    def lookups(self) -> list[tuple[str, str, str, str, str]]:
        store = open_store(self.db)
        rows = [(x.platform, x.user_id, x.channel_id, x.question, x.outcome) for x in load_lookups(store)]
        store.close()
        return rows


def settings_for(fake: FakeMicrosoft, **changes: Any) -> TeamsQuestionSettings:
    settings = TeamsQuestionSettings(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        tenant_id=TENANT_ID,
        outgoing_secret=base64.b64encode(WEBHOOK_KEY).decode(),
        allowed_channels=frozenset(),
        allowed_users=frozenset(),
        login_url=fake.base_url,
        openid_url=fake.openid_url,
    )
    return replace(settings, **changes)


def serve(
    db: Path,
    config: Config,
    settings: TeamsQuestionSettings,
    allow_unauthenticated: bool = False,
    presses: DraftPresses | None = None,
) -> HttpServer:
    access = Access(settings.allowed_channels, settings.allowed_users)
    service = partial(LookupService, partial(open_store, db), config, access)
    web = build_web_app()
    seen = RecentKeys(recent_keys_path(db))
    add_teams_bot(web, service(platform=TEAMS), settings, seen, allow_unauthenticated, presses)
    add_outgoing_webhook_route(web, OutgoingWebhook(service(platform=TEAMS_WEBHOOK), WEBHOOK_KEY, seen))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    return server


def run_teams(db: Path, config: Config) -> Iterator[Teams]:
    """The Teams bot serving db's store, with its own fake Microsoft, for a fixture to yield from."""
    microsoft = FakeMicrosoft().start()
    server = serve(db, config, settings_for(microsoft))
    yield Teams(f"http://127.0.0.1:{server.effective_port}", microsoft, db)
    server.close()
    microsoft.stop()


def card_of(activity: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    content: dict[str, Any] = attachment["content"]
    return content


def texts(card: dict[str, Any]) -> list[str]:
    return [element["text"] for element in card["body"] if element["type"] == "TextBlock"]


def facts(element: dict[str, Any]) -> list[tuple[str, str]]:
    assert element["type"] == "FactSet"
    return [(fact["title"], fact["value"]) for fact in element["facts"]]


def signed_post(url: str, body: bytes, authorization: str | None) -> httpx.Response:
    headers = {"content-type": "application/json", **({"authorization": authorization} if authorization else {})}
    return httpx.post(url + OUTGOING_PATH, content=body, headers=headers, timeout=10)


def outgoing_body(text: str, **changes: Any) -> bytes:
    activity = message_activity(f"<at>Missing</at>&nbsp;{text}", "https://smba.trafficmanager.net/uk/", channel=True)
    activity["entities"] = [{"type": "mention", "text": "<at>Missing</at>", "mentioned": {"id": "28:hook"}}]
    return json.dumps({**activity, **changes}).encode()
