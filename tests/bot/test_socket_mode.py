"""/missing over Socket Mode: the real Bolt app and lookup service over the reference store, connected by
slack_sdk's own Socket Mode client to a loopback WebSocket server that the fake Web API hands out."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.socket_mode import close_socket_mode, connect_socket_mode
from digest.contract.config import Config
from digest.lookups.service import LookupService
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.fake_slack import APP_TOKEN, GOOD_TOKEN, FakeSlack
from tests.fake_socket_mode import WAIT_SECONDS, FakeSocketMode

PING_SECONDS = 0.25  # the client's ping period: short, so a dead socket is noticed in about a second
LAC_JUNE = (
    "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236\nData as at 18/07/2019 00:00 (snapshot 1)."
)
CHILDREN_MAY = (
    "Children missing, May 2019\n68\nApril 2019: 57\nYear to date 2019/20: 85\n"
    "Data as at 18/07/2019 00:00 (snapshot 1)."
)


@pytest.fixture
def socket_server(slack: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSocketMode]:
    for proxy in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):  # loopback goes direct
        monkeypatch.delenv(proxy, raising=False)
    server = FakeSocketMode().start()
    slack.socket_url = server.url
    yield server
    server.stop()


@pytest.fixture
def connected(
    reference_db: Path, config: Config, slack: FakeSlack, socket_server: FakeSocketMode
) -> Iterator[SocketModeHandler]:
    before = set(threading.enumerate())
    service = LookupService(partial(open_store, reference_db), config)
    # No signing secret: Socket Mode needs none, as `serve` runs it.
    app = build_app(service, "/missing", "", WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    handler = connect_socket_mode(app, APP_TOKEN, ping_interval=PING_SECONDS)
    yield handler
    socket_server.close_all()  # the client's reader returns at once instead of at its socket timeout
    close_socket_mode(handler)
    handler.app.listener_runner.listener_executor.shutdown(wait=True)  # the app's own worker, idle by now
    deadline = time.monotonic() + WAIT_SECONDS
    while (left := [t.name for t in threading.enumerate() if t not in before]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"threads left running: {left}"


def test_the_acknowledgement_carries_the_answer(
    connected: SocketModeHandler, socket_server: FakeSocketMode, slack: FakeSlack, reference_db: Path
) -> None:
    connection = socket_server.next_connection()
    assert slack.count("apps.connections.open") == 1  # asked with the app token; the fake refuses any other
    reply = socket_server.send_command(connection, "LAC episodes June")
    assert reply["text"] == LAC_JUNE
    assert reply["response_type"] == "ephemeral"
    assert reply["blocks"][0]["text"]["text"].startswith("*LAC episodes, June 2019*\n*74*\n")
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    assert [(a.user_id, a.question, a.outcome) for a in audit] == [("U0ANALYST", "lac episodes june", "answered")]


def drop_with_close_frame(connection: object) -> None:
    connection.close(code=1001, reason="going away")  # type: ignore[attr-defined]


def drop_tcp(connection: object) -> None:
    """The connection dies without a close frame (a reset), as when a proxy or the network drops it."""
    raw: socket.socket = connection.socket  # type: ignore[attr-defined]
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    raw.shutdown(socket.SHUT_RDWR)
    raw.close()


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
@pytest.mark.parametrize("drop", [drop_with_close_frame, drop_tcp], ids=["close frame", "connection reset"])
def test_a_dropped_socket_is_reconnected(
    connected: SocketModeHandler, socket_server: FakeSocketMode, slack: FakeSlack, drop: object
) -> None:
    first = socket_server.next_connection()
    assert socket_server.send_command(first, "LAC episodes June")["text"] == LAC_JUNE
    drop(first)  # type: ignore[operator]
    second = socket_server.next_connection()
    assert second is not first
    assert slack.count("apps.connections.open") == 2  # a fresh URL for the new connection, as Slack requires
    assert socket_server.send_command(second, "kids 2019-05")["text"] == CHILDREN_MAY
