"""`serve` on two processes under a tester's attack (issue 22): replays spread over the processes and across a
restart, malformed headers and bodies sent as raw bytes, and bodies of 100 MB, over real HTTP."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.chats.teams.bot import MESSAGES_PATH
from bot.chats.teams.outgoing import OUTGOING_PATH, sign_body
from bot.server import EVENTS_PATH
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.processes import start_serve, stop_serve
from tests.bot.slack_questions import SECRET, send
from tests.bot.teams_questions import WEBHOOK_KEY, outgoing_body
from tests.fake_slack import FakeSlack, slash_command_request, wait_until
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, message_activity

MB = 1024 * 1024


@dataclass
class Serve:
    """A running `serve --processes 2` answering Slack, the Teams bot and the outgoing webhook."""

    process: subprocess.Popen[str]
    started: list[int]  # the scheduler, the keeper, the copy
    port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def answering(self) -> list[int]:
        return [self.process.pid, self.started[-1]]


def serve_everything(db: Path, environment: dict[str, str], cwd: Path) -> Serve:
    process, lines, started = start_serve(db, environment, cwd)
    [slack_line] = [line for line in lines if line.startswith("Answering /missing at ")]
    return Serve(process, started, int(urlsplit(slack_line.split(" at ", 1)[1].strip()).port or 0))


@pytest.fixture
def environment(slack_env: dict[str, str], microsoft: FakeMicrosoft) -> dict[str, str]:
    return {
        **{k: v for k, v in slack_env.items() if not k.startswith("TEAMS_")},
        "SLACK_SIGNING_SECRET": SECRET,
        "TEAMS_CLIENT_ID": CLIENT_ID,
        "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
        "TEAMS_TENANT_ID": TENANT_ID,
        "TEAMS_LOGIN_URL": microsoft.base_url,
        "TEAMS_OPENID_URL": microsoft.openid_url,
        "TEAMS_OUTGOING_WEBHOOK_SECRET": base64.b64encode(WEBHOOK_KEY).decode(),
    }


def send_raw(port: int, head: bytes, body: bytes = b"", seconds: float = 10) -> int:
    """The status of the answer to exactly these bytes (a request line and headers, then body); 0 if none."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as connection:
        with contextlib.suppress(OSError):  # refused mid-body: the answer may still be there to read
            connection.sendall(head + b"\r\n" + body)
        answer = b""
        try:
            while b"\r\n" not in answer:
                part = connection.recv(4096)
                if not part:
                    break
                answer += part
        except OSError:
            pass
    line = answer.split(b"\r\n", 1)[0].split()
    return int(line[1]) if len(line) > 1 and line[1].isdigit() else 0


def post_head(path: str, headers: list[tuple[bytes, bytes]], length: int | None) -> bytes:
    lines = [f"POST {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Connection: close"]
    lines += [name + b": " + value for name, value in headers]
    if length is not None:
        lines.append(b"Content-Length: " + str(length).encode())
    return b"\r\n".join(lines) + b"\r\n"


def slack_signed(body: bytes, timestamp: int | None = None) -> list[tuple[bytes, bytes]]:
    stamp = str(timestamp or int(time.time())).encode()
    mac = hmac.new(SECRET.encode(), b"v0:" + stamp + b":" + body, hashlib.sha256).hexdigest()
    return [(b"X-Slack-Request-Timestamp", stamp), (b"X-Slack-Signature", b"v0=" + mac.encode())]


def outgoing_signed(body: bytes) -> list[tuple[bytes, bytes]]:
    return [(b"Authorization", sign_body(WEBHOOK_KEY, body).encode()), (b"Content-Type", b"application/json")]


FORM = [(b"Content-Type", b"application/x-www-form-urlencoded")]
JSON = [(b"Content-Type", b"application/json")]
NOW = str(int(time.time())).encode()
GOOD_FORM = b"user_id=U0ATTACK&channel_id=C0PERF&command=%2Fmissing&text=hi"
ACTIVITY = json.dumps(message_activity("LAC episodes June", "https://smba.trafficmanager.net/uk/")).encode()
NESTED = b"[" * 50_000  # deeper than Python's parser goes, well within the size limit


# (path, headers (a callable: signed ones are signed when sent), body, the status expected). Every one a 4xx.
MALFORMED = [
    # Slack: timestamps that are not one
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"\xb2"), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"9" * 400), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"1" * 310), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"-1"), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"1e9"), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", b"\xd9\xa1\xd9\xa2"), (b"X-Slack-Signature", b"v0=0")],
        GOOD_FORM,
        401,
    ),
    (EVENTS_PATH, lambda b: [*FORM, (b"X-Slack-Signature", b"v0=0")], GOOD_FORM, 401),
    # Slack: signatures that are not one
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", NOW), (b"X-Slack-Signature", b"v0=\xe9\xff")],
        GOOD_FORM,
        401,
    ),
    (
        EVENTS_PATH,
        lambda b: [*FORM, (b"X-Slack-Request-Timestamp", NOW), (b"X-Slack-Signature", b"v0=" + b"f" * 4000)],
        GOOD_FORM,
        401,
    ),
    (EVENTS_PATH, lambda b: [*FORM, (b"X-Slack-Request-Timestamp", NOW)], GOOD_FORM, 401),
    (EVENTS_PATH, lambda b: [*FORM, *slack_signed(b, int(time.time()) - 3600)], GOOD_FORM, 401),
    # Slack: bodies that are not text, or signed but not what Slack sends
    (EVENTS_PATH, lambda b: [*FORM, *slack_signed(b)], b"user_id=U0X&text=\xff\xfe", 400),
    (EVENTS_PATH, lambda b: [*FORM, *slack_signed(b)], b"payload=%7Bnot-json", 400),
    (EVENTS_PATH, lambda b: [*FORM, *slack_signed(b)], b"payload=%5B1%2C2%5D", 400),
    (EVENTS_PATH, lambda b: [*FORM, *slack_signed(b)], b"payload=" + NESTED, 400),
    (EVENTS_PATH, lambda b: [*JSON, *slack_signed(b)], b"{not json", 400),
    (EVENTS_PATH, lambda b: [*JSON, *slack_signed(b)], b"[1, 2]", 400),
    (EVENTS_PATH, lambda b: [*JSON, *slack_signed(b)], b'{"team": "T1", "user": 5, "type": 7}', 400),
    (EVENTS_PATH, lambda b: [*JSON, *slack_signed(b)], b'{"type": "nothing Bolt knows"}', 404),
    # Teams bot: bodies that are not an activity, sent with no token or a bad one
    (MESSAGES_PATH, lambda b: JSON, b"{not json", 400),
    (MESSAGES_PATH, lambda b: JSON, b"[1]", 400),
    (MESSAGES_PATH, lambda b: JSON, b'"text"', 400),
    (MESSAGES_PATH, lambda b: JSON, b"\xff\xfe{}", 400),
    (MESSAGES_PATH, lambda b: JSON, NESTED, 400),
    (MESSAGES_PATH, lambda b: JSON, b'{"type": "message", "serviceUrl": 5}', 400),
    (MESSAGES_PATH, lambda b: JSON, b'{"type": "message", "id": {"a": 1}}', 400),
    (MESSAGES_PATH, lambda b: JSON, b"{}", 400),
    (MESSAGES_PATH, lambda b: [*JSON, (b"Authorization", b"Bearer \xe9\xff.\x00")], b'{"type": "message"}', 400),
    (MESSAGES_PATH, lambda b: [*JSON, (b"Authorization", b"Bearer a.b.c")], ACTIVITY, 401),
    (MESSAGES_PATH, lambda b: [*JSON, (b"Authorization", b"Bearer " + b"A" * 5000)], ACTIVITY, 401),
    # Teams outgoing webhook: unsigned, or signed but not an activity that could be answered
    (OUTGOING_PATH, lambda b: JSON, b"{not json", 401),
    (OUTGOING_PATH, lambda b: [*JSON, (b"Authorization", b"HMAC \xff\xfe")], b"{}", 401),
    (OUTGOING_PATH, outgoing_signed, b"[1]", 401),
    (OUTGOING_PATH, outgoing_signed, NESTED, 401),
    (OUTGOING_PATH, outgoing_signed, b'{"id": "t1", "timestamp": 12345}', 401),
    (OUTGOING_PATH, outgoing_signed, b'{"id": "t2", "timestamp": "0001-01-01T00:00:00+23:59"}', 401),
    (OUTGOING_PATH, outgoing_signed, b'{"id": "t3", "timestamp": "9999-12-31T23:59:59-23:59"}', 401),
    (OUTGOING_PATH, outgoing_signed, b'{"id": "t4", "from": 5, "conversation": [], "entities": "x"}', 401),
    # Any route: sizes refused before the body is read
    (EVENTS_PATH, lambda b: [*FORM, (b"Content-Length", b"9" * 400)], b"", 400),
    ("/nowhere", lambda b: JSON, b"{}", 404),
]


@pytest.mark.slow  # real processes started and stopped: `make test-slow`, which CI runs
def test_malformed_headers_and_bodies_get_a_4xx_an_audit_row_and_no_traceback(
    reference_db: Path, environment: dict[str, str], tmp_path: Path, slack: FakeSlack
) -> None:
    """Issue 22, item 2: a Slack timestamp "²" or of hundreds of digits, a Teams body that is not JSON, a signed
    Slack payload that is not JSON: each got a 500. Now each is a 4xx, audited as metadata only, and the log
    carries nothing of what the sender sent beyond a short escaped excerpt."""
    served = serve_everything(reference_db, environment, tmp_path)
    try:
        statuses = []
        for path, headers, body, _ in MALFORMED:
            given = headers(body)
            length = None if any(name == b"Content-Length" for name, _ in given) else len(body)
            statuses.append(send_raw(served.port, post_head(path, given, length), body))
    finally:
        err = stop_serve(served.process, served.started)
    assert len(MALFORMED) >= 30
    assert statuses == [status for *_, status in MALFORMED], f"{statuses}\n{err}"
    assert "Traceback" not in err
    for sent in ("9" * 50, "[" * 50, "not json", "not-json"):  # what the senders sent is not in the log
        assert sent not in err
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    malformed = [(row.platform, row.reading) for row in audit if row.outcome == "rejected (malformed)"]
    assert malformed.count(("slack", "signed, but not a request Slack's library can read")) == 6
    assert malformed.count(("slack", "body is not UTF-8")) == 1
    assert malformed.count(("teams", "body is not JSON")) == 3
    assert malformed.count(("teams", "body is not a JSON object")) == 2
    assert malformed.count(("teams", "body is not a Bot Framework activity")) == 3
    assert {row.question for row in audit if row.outcome.startswith("rejected")} == {""}  # no text kept
    assert all("not json" not in row.reading and "[[" not in row.reading for row in audit)


def outgoing_request(url: str, body: bytes) -> urllib.request.Request:
    headers = {"Authorization": sign_body(WEBHOOK_KEY, body), "Content-Type": "application/json"}
    return urllib.request.Request(url, data=body, method="POST", headers=headers)


@pytest.mark.slow
def test_each_replay_is_answered_once_across_both_processes_and_a_restart(
    reference_db: Path, environment: dict[str, str], tmp_path: Path, slack: FakeSlack, microsoft: FakeMicrosoft
) -> None:
    """Issue 22, item 1: a signed outgoing-webhook request sent 31 times got two answers, one per process, and
    one answered before a restart was answered again after it; the same for a bot activity."""
    served = serve_everything(reference_db, environment, tmp_path)
    webhook = outgoing_body("LAC episodes June", id="captured-1")
    activity = json.dumps(message_activity("LAC episodes June", microsoft.base_url, activity_id="captured-2")).encode()
    token = microsoft.bot_framework_token(microsoft.base_url)
    bot_headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    slash = slash_command_request(served.url(EVENTS_PATH), "LAC episodes June", SECRET, user="U0REPLAY")
    try:
        hooks = [send(outgoing_request(served.url(OUTGOING_PATH), webhook)) for _ in range(31)]
        bots = [
            send(urllib.request.Request(served.url(MESSAGES_PATH), activity, bot_headers, method="POST"))
            for _ in range(11)
        ]
        slashes = [send(slash) for _ in range(11)]
        assert wait_until(lambda: len(microsoft.replies) >= 1, 10)
    finally:
        stop_serve(served.process, served.started)
    assert sorted(hooks) == [200] + [401] * 30
    assert bots == [200] * 11  # the bot's answers go to the connector: the request itself is always taken
    assert sorted(slashes) == [200] + [401] * 10

    again = serve_everything(reference_db, environment, tmp_path)  # restarted: the replay memory is a file
    try:
        after_restart = [
            send(outgoing_request(again.url(OUTGOING_PATH), webhook)),
            send(urllib.request.Request(again.url(MESSAGES_PATH), activity, bot_headers, method="POST")),
            send(urllib.request.Request(again.url(EVENTS_PATH), slash.data, dict(slash.header_items()), method="POST")),
        ]
        time.sleep(1)  # a bot answer would reach the connector within this
    finally:
        stop_serve(again.process, again.started)
    assert after_restart == [401, 200, 401]
    assert len(microsoft.replies) == 1  # the bot activity was answered once, of 12
    with open_store(reference_db) as store:
        audit = load_lookups(store)
    answered = [(row.platform, row.outcome) for row in audit if row.outcome == "answered"]
    assert sorted(answered) == [("slack", "answered"), ("teams", "answered"), ("teams webhook", "answered")]


def peak_memory_kb(pid: int) -> int:
    """The process's peak resident memory (VmHWM), in kilobytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def send_huge(port: int, path: str, declared: bool) -> int:
    """POST 100 MB of JSON-looking bytes to path, with a Content-Length or chunked; the answer's status."""
    head = post_head(
        path, [*JSON, *([] if declared else [(b"Transfer-Encoding", b"chunked")])], 100 * MB if declared else None
    )
    chunk = b"[" * MB
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        try:
            connection.sendall(head + b"\r\n")
            for _ in range(100):
                connection.sendall(chunk if declared else b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        except OSError:
            pass  # the server answered and closed before taking it all
        connection.settimeout(5)
        try:
            answer = connection.recv(4096)
        except OSError:
            answer = b""
    line = answer.split(b"\r\n", 1)[0].split()
    return int(line[1]) if len(line) > 1 else 0


@pytest.mark.slow
def test_a_100_mb_body_to_any_route_is_refused_without_growing_the_server(
    reference_db: Path, environment: dict[str, str], tmp_path: Path, slack: FakeSlack
) -> None:
    """Issue 22, item 3: a 100 MB body to /api/messages raised the worker's memory by 267 MB. One limit, applied
    before the body is read, on every route: the peak memory of both answering processes grows under 20 MB."""
    served = serve_everything(reference_db, environment, tmp_path)
    try:
        assert send_raw(served.port, b"GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n") == 404
        before = {pid: peak_memory_kb(pid) for pid in served.answering}
        statuses = [
            send_huge(served.port, path, declared)
            for path in (EVENTS_PATH, MESSAGES_PATH, OUTGOING_PATH, "/nowhere")
            for declared in (True, False)
            for _ in range(2)  # whichever process each reaches
        ]
        growth = {pid: peak_memory_kb(pid) - before[pid] for pid in served.answering}
    finally:
        stop_serve(served.process, served.started)
    assert statuses == [413] * 16
    assert max(growth.values()) < 20 * 1024, f"peak memory grew by {growth} KB"
    with open_store(reference_db) as store:
        refused = [(row.platform, row.reading) for row in load_lookups(store) if row.outcome == "rejected (malformed)"]
    assert refused.count(("slack", f"body of {100 * MB} bytes, over 65536")) == 2
    assert refused.count(("teams", "body over 65536 bytes")) == 2
    assert refused.count(("teams webhook", "body over 65536 bytes")) == 2


@pytest.mark.slow  # real processes started and stopped: `make test-slow`, which CI runs
def test_a_flood_of_forged_bot_requests_adds_a_bounded_number_of_lines_to_the_log(
    reference_db: Path, environment: dict[str, str], tmp_path: Path, slack: FakeSlack
) -> None:
    """Issue 22, item 5: each forged Teams-bot request added a line (about 209 bytes) to stderr, without bound; the
    lines are capped per minute in each answering process, like the audit's rows."""
    served = serve_everything(reference_db, environment, tmp_path)
    forged = post_head(MESSAGES_PATH, [*JSON, (b"Authorization", b"Bearer a.b.c")], len(ACTIVITY))
    try:
        statuses = [send_raw(served.port, forged, ACTIVITY) for _ in range(200)]
    finally:
        err = stop_serve(served.process, served.started)
    assert statuses == [401] * 200
    lines = [line for line in err.splitlines() if "JWT token validation failed" in line]
    assert 60 <= len(lines) <= 2 * 60  # at most the cap in each of the two processes
    assert len(err) < 200 * 120  # the whole log, well short of a line for each forged request
