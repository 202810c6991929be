"""A fuzzing pass over every route of the server `serve` runs (issue 22): hypothesis makes headers and bodies,
many of them signed with the real secrets so that they pass the signature checks and reach what reads the
body, and sends them as raw bytes over real HTTP. The property: no answer is a server error (5xx), and the
server goes on answering. Bounded (a fixed number of examples, derandomised) to stay within `make check`."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.requests import RequestGuard, audit_refusals
from bot.chats.teams.bot import MESSAGES_PATH, add_teams_bot
from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook, sign_body
from bot.server import EVENTS_PATH, add_outgoing_webhook_route, add_slack_route, build_web_app, create_http_server
from bot.settings import TeamsQuestionSettings
from digest.contract.config import Config
from digest.lookups.service import LookupService
from digest.store.lookups import TEAMS, TEAMS_WEBHOOK, open_audit
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.snapshots import open_store
from tests.bot.slack_questions import SECRET
from tests.bot.teams_questions import WEBHOOK_KEY, settings_for
from tests.fake_slack import GOOD_TOKEN, FakeSlack, slash_command_payload, wait_until
from tests.fake_teams import FakeMicrosoft, message_activity

EXAMPLES = 250  # each a request over loopback, a few milliseconds: about two seconds in all
# Each route with its own credentials (so that the checks pass and what reads the body is reached), and without.
ROUTES = [
    (EVENTS_PATH, "slack"),
    (EVENTS_PATH, "none"),
    (MESSAGES_PATH, "bot"),
    (MESSAGES_PATH, "none"),
    (OUTGOING_PATH, "outgoing"),
    (OUTGOING_PATH, "none"),
    ("/api/messages?x=1", "bot"),
    ("/slack/events/", "slack"),
]
# Content-Length and Transfer-Encoding are left to the table of malformed requests (test_server_under_attack):
# made at random, nearly all are refused by the HTTP parser, before anything of ours runs.
HEADER_NAMES = (
    "content-type",
    "x-slack-request-timestamp",
    "x-slack-signature",
    "x-slack-retry-num",
    "authorization",
    "host",
    "expect",
    "x-anything",
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
activity_fields = st.dictionaries(
    st.sampled_from(
        ["type", "id", "timestamp", "serviceUrl", "from", "conversation", "recipient", "text", "entities", "value"]
    ),
    json_values,
    max_size=6,
)


@st.composite
def bodies(draw: st.DrawFn, service_url: str) -> bytes:
    """Bytes; JSON of any shape; a Slack form with odd fields or payloads; a Teams activity with odd fields."""
    kind = draw(st.sampled_from(["bytes", "json", "form", "payload", "activity"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "form":
        fields = {
            **slash_command_payload("LAC episodes June"),
            **draw(st.dictionaries(st.text(max_size=12), st.text(max_size=30), max_size=4)),
        }
        return urlencode(fields).encode()
    if kind == "payload":
        payload = draw(json_values | st.text(max_size=40).map(lambda text: {"raw": text}))
        raw = draw(st.booleans())
        return urlencode(
            {
                "payload": payload["raw"]
                if raw and isinstance(payload, dict) and "raw" in payload
                else json.dumps(payload)
            }
        ).encode()
    activity = message_activity("LAC episodes June", service_url)
    return json.dumps({**activity, **draw(activity_fields)}).encode()


header_values = st.one_of(
    st.sampled_from([b"application/json", b"application/x-www-form-urlencoded", b"Bearer a.b.c", b"HMAC x", b"v0=00"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda number: str(number).encode()),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=40).map(
        lambda text: text.encode("latin-1")
    ),
)  # (control characters in a header are the HTTP parser's to refuse, before anything of ours runs)


@st.composite
def requests(draw: st.DrawFn, service_url: str) -> tuple[str, list[tuple[bytes, bytes]], bytes, str]:
    """(path, headers, body, how it is signed: not, as Slack does, with a Bot Framework token, or as the Teams
    outgoing webhook does). service_url: where the bot's answers go (the fake Bot Connector)."""
    path, how = draw(st.sampled_from(ROUTES))
    headers = draw(st.lists(st.tuples(st.sampled_from(HEADER_NAMES).map(str.encode), header_values), max_size=3))
    return path, headers, draw(bodies(service_url)), how


def signed(how: str, headers: list[tuple[bytes, bytes]], body: bytes, token: str) -> list[tuple[bytes, bytes]]:
    """headers, after a signature of body or the bot's token (first: of a header sent twice, the first is read)."""
    if how == "bot":
        return [(b"authorization", f"Bearer {token}".encode()), *headers]
    if how == "slack":
        stamp = str(int(time.time())).encode()
        mac = hmac.new(SECRET.encode(), b"v0:" + stamp + b":" + body, hashlib.sha256).hexdigest().encode()
        return [(b"x-slack-request-timestamp", stamp), (b"x-slack-signature", b"v0=" + mac), *headers]
    if how == "outgoing":
        return [(b"authorization", sign_body(WEBHOOK_KEY, body).encode()), *headers]
    return headers


def status_of(port: int, path: str, headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    """The status of the answer to these bytes (0: the connection closed without one)."""
    names = {name.lower() for name, _ in headers}
    head = [f"POST {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Connection: close"]
    head += [name + b": " + value for name, value in headers if name not in (b"host",)]
    if b"content-length" not in names and b"transfer-encoding" not in names:
        head.append(b"Content-Length: " + str(len(body)).encode())
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        try:
            connection.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)
            answer = connection.recv(64)
        except OSError:
            return 0
    line = answer.split(b"\r\n", 1)[0].split()
    return int(line[1]) if len(line) > 1 and line[1].isdigit() else 0


def test_no_generated_request_gets_a_server_error(
    reference_db: Path, config: Config, slack: FakeSlack, microsoft: FakeMicrosoft
) -> None:
    service = partial(LookupService, partial(open_store, reference_db), config)
    slack_service = service()
    seen = RecentKeys(recent_keys_path(reference_db))
    open_audit(reference_db).close()  # made before the services write to it, as serve does
    web = build_web_app()
    bolt = build_app(slack_service, "/missing", SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    add_slack_route(web, bolt, RequestGuard(SECRET, seen), audit_refusals(slack_service))
    teams: TeamsQuestionSettings = settings_for(microsoft)
    add_teams_bot(web, service(platform=TEAMS), teams, seen)
    add_outgoing_webhook_route(web, OutgoingWebhook(service(platform=TEAMS_WEBHOOK), WEBHOOK_KEY, seen))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    port = server.effective_port
    token = microsoft.bot_framework_token(microsoft.base_url)
    assert wait_until(lambda: status_of(port, "/", [], b"") == 404, 10)
    answers: list[tuple[int, Any]] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(requests(microsoft.base_url))
    def no_server_error(request: tuple[str, list[tuple[bytes, bytes]], bytes, str]) -> None:
        path, headers, body, how = request
        status = status_of(port, path, signed(how, headers, body, token), body)
        answers.append((status, request))
        assert status < 500, request

    try:
        no_server_error()
        assert status_of(port, "/", [], b"") == 404  # still answering
    finally:
        server.close()
    assert len(answers) >= EXAMPLES
    assert {status for status, _ in answers} >= {200, 400, 401, 404}  # the checks were passed as well as failed
