"""Forged, malformed, oversized and replayed requests to the running app (issue 10, cases 4, 5, 8 and 10):
real signed HTTP requests; what is audited and logged is read back from the audit file and the log."""

from __future__ import annotations

import logging
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.requests import install_body_filter
from bot.server import EVENTS_PATH, answer_slack_request
from digest.contract.config import Config
from digest.lookups.service import MAX_REFUSED_AUDITS_PER_MINUTE, Access, LookupService
from digest.store.lookups import audit_path
from digest.store.recent_keys import RecentKeys
from digest.store.snapshots import open_store
from tests.bot.slack_questions import SECRET, ask, audited, send, start
from tests.fake_slack import GOOD_TOKEN, FakeSlack, slash_command_request


@pytest.fixture
def url(reference_db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    server, _ = start(reference_db, config, slack, Access())
    yield f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    server.close()


def forged(url: str, body: bytes, headers: dict[str, str]) -> urllib.request.Request:
    return urllib.request.Request(url, data=body, method="POST", headers=headers)


def test_oversized_request_is_refused_before_anything_is_stored(url: str, reference_db: Path) -> None:
    """Case 5: each forged request kept up to 64 KB of its text in the store."""
    body = b"text=" + b"A" * (65 * 1024)
    assert send(forged(url, body, {"X-Slack-Request-Timestamp": str(int(time.time()))})) == 413
    assert audited(reference_db) == [("", "", "rejected (malformed)", "body of 66565 bytes, over 65536")]


@pytest.mark.parametrize(
    ("headers", "body", "status", "reason"),
    [
        (
            {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=00"},
            b"user_id=U0X&text=hi",
            401,
            "timestamp header missing or malformed",
        ),
        ({"X-Slack-Signature": "v0=00"}, b"user_id=U0X&text=hi", 401, "timestamp header missing or malformed"),
        (
            {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=00"},
            b"user_id=U0X&text=\xff\xfe",
            400,
            "body is not UTF-8",
        ),
    ],
)
def test_malformed_requests_get_401_or_400_and_are_audited(
    url: str, reference_db: Path, headers: dict[str, str], body: bytes, status: int, reason: str
) -> None:
    """Case 8: a malformed timestamp header or a non-UTF-8 body got 500 and left no audit row."""
    assert send(forged(url, body, headers)) == status
    [(_, question, outcome, why)] = audited(reference_db)
    assert (question, why) == ("", reason)
    assert outcome == ("rejected (malformed)" if status == 400 else "rejected (signature)")


def test_replay_inside_five_minutes_is_refused(url: str, reference_db: Path) -> None:
    """Case 8: a valid signed request replayed within 5 minutes was answered again."""
    request = slash_command_request(url, "LAC episodes June", SECRET)
    assert send(request) == 200
    again = urllib.request.Request(url, data=request.data, method="POST", headers=dict(request.header_items()))
    assert send(again) == 401
    assert audited(reference_db)[1] == ("U0ANALYST", "", "rejected (signature)", "replay of a request already answered")


def test_a_flood_of_forged_requests_is_counted_not_stored(url: str, reference_db: Path) -> None:
    """Case 5: 800 forged requests added 52 MB to the store."""
    for _ in range(MAX_REFUSED_AUDITS_PER_MINUTE + 15):
        assert ask(url, "x" * 2000, secret="forged")[0] == 401
    rows = audited(reference_db)
    assert len(rows) == MAX_REFUSED_AUDITS_PER_MINUTE
    assert {(q, outcome, why) for _, q, outcome, why in rows} == {("", "rejected (signature)", "bad signature")}
    assert audit_path(reference_db).stat().st_size < 200_000


def test_bolt_logs_no_request_body(
    reference_db: Path, config: Config, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """Case 5: Bolt logged the whole body of a forged request, with token= and response_url=, at INFO.

    Handed to Bolt here without the guard in front, so that Bolt's own signature check sees the forged
    request and logs it.
    """
    caplog.set_level(logging.DEBUG)
    install_body_filter()
    service = LookupService(partial(open_store, reference_db), config)
    app = build_app(service, "/missing", SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    request = slash_command_request(f"http://127.0.0.1:9{EVENTS_PATH}", "Jayden Smith 2006-03-14", "forged")
    assert isinstance(request.data, bytes)
    answer = answer_slack_request(app, request.data, dict(request.header_items()))
    assert answer.status == 401
    logged = "\n".join(caplog.messages)
    assert "Invalid request signature detected" in logged
    trigger_id = parse_qs(request.data.decode())["trigger_id"][0]
    for secret in ("legacy", "Jayden", "2006-03-14", "127.0.0.1%3A9", trigger_id):
        assert secret not in logged


def test_question_is_audited_masked_with_how_it_was_read(url: str, reference_db: Path) -> None:
    """Case 10: a child's name typed into /missing stayed in the audit as typed."""
    assert ask(url, "how many times did Jayden Smith go missing in June 2019?")[0] == 200
    assert ask(url, "LAC episodes Jun-19")[0] == 200
    assert audited(reference_db) == [
        ("U0ANALYST", "how many times did *** *** go missing in june 2019", "not understood", "not understood"),
        ("U0ANALYST", "lac episodes jun-19", "answered", "figure episodes.lac 2019-06"),
    ]


def test_lookups_answer_while_an_ingest_holds_the_write_lock(url: str, reference_db: Path) -> None:
    """Case 4: during an ingest every /missing waited for the write lock, got 404 after 3 s, and lost its audit row."""
    writer = sqlite3.connect(reference_db, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # as an ingest's transaction does, for as long as a big file takes
    writer.execute(
        "INSERT INTO snapshots (as_at, file_name, file_sha256, ingested_at, rows_read, rows_accepted, "
        "rows_rejected, headers, column_map, ignored_headers, indicators_fingerprint) "
        "VALUES ('2019-08-01T00:00:00', 'big.csv', 'x', 'now', 0, 0, 0, '[]', '{}', '[]', '')"
    )
    try:
        timings: list[float] = []
        replies: list[dict[str, Any]] = []
        for question in ("LAC episodes June", "children May", "banana"):
            started = time.perf_counter()
            status, reply = ask(url, question)
            timings.append(time.perf_counter() - started)
            assert status == 200
            replies.append(reply)
    finally:
        writer.rollback()
        writer.close()
    assert replies[0]["text"].startswith("LAC episodes, June 2019\n74\n")
    assert max(timings) < 1.0
    assert [outcome for _, _, outcome, _ in audited(reference_db)] == ["answered", "answered", "not understood"]


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_a_replay_memory_that_cannot_be_written_gets_503_logged_and_audited(
    reference_db: Path, config: Config, slack: FakeSlack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    memory = tmp_path / "recent.db"
    RecentKeys(memory).prepare()
    holder = sqlite3.connect(memory, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds it
    server, _ = start(reference_db, config, slack, Access(), seen=RecentKeys(memory))
    try:
        url = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
        with caplog.at_level(logging.ERROR):
            status = send(slash_command_request(url, "LAC", SECRET))
    finally:
        server.close()
        holder.close()
    assert status == 503
    assert [r.getMessage() for r in caplog.records if r.name == "bot.chats.slack.requests"] == [
        f"A Slack request was not answered: the replay memory {memory} cannot be written: database is locked"
    ]
    assert audited(reference_db)[-1] == (
        "U0ANALYST",
        "",
        "not answered (server fault)",
        "the replay memory cannot be written",
    )
