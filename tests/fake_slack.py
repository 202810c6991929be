"""A fake Slack Web API: a real HTTP server on 127.0.0.1 that the real slack-sdk client is pointed at.

It answers the methods the bot uses, checks the bot token, keeps what was posted and uploaded, and
can be told to fail (429 with Retry-After, 500) or to hold a request until the test lets it go.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from slack_sdk.signature import SignatureVerifier

POLL_SECONDS = 0.05  # how often serve_forever looks for shutdown(): stopping takes at most this long

GOOD_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-1-A1-1-test"  # an app-level token: Socket Mode's apps.connections.open only
CHANNEL = "C0DIGEST"
BOT_SCOPES = frozenset({"chat:write", "files:write", "channels:history", "channels:read", "commands"})


@dataclass
class Fault:
    status: int
    body: dict[str, Any] | str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Call:
    method: str
    params: dict[str, Any]


class FakeSlack:
    def __init__(self, channels: tuple[str, ...] = (CHANNEL,)) -> None:
        self.channels = set(channels)
        self.members = set(channels)  # the channels the bot has been invited to
        self.scopes = set(BOT_SCOPES)  # what auth.test reports in X-OAuth-Scopes
        self.revoked: set[str] = set()  # tokens Slack now answers with token_revoked
        self.socket_url = ""  # what apps.connections.open hands out: a Socket Mode WebSocket URL
        self.calls: list[Call] = []
        self.bodies: list[tuple[str, bytes]] = []  # (path with query, raw body) of every request received
        self.messages: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []  # each chat.update, as asked (the message in messages is changed too)
        self.uploads: dict[str, dict[str, Any]] = {}  # file id -> filename, alt_txt, bytes
        self.completions: list[dict[str, Any]] = []
        self.replies: list[dict[str, Any]] = []  # messages in threads: each completion's share of its files
        self.responses: list[dict[str, Any]] = []  # what the app sent to interaction response_urls
        self.views: list[dict[str, Any]] = []  # each views.open: its trigger_id and the view (a modal)
        self.faults: dict[str, list[Fault]] = {}
        self.holds: dict[str, threading.Event] = {}
        self.held: dict[str, threading.Event] = {}
        self.hold_after: set[str] = set()
        self.lock = threading.Lock()
        self._next_file = 0
        self._next_ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # a killed client
        self.thread = threading.Thread(target=self.server.serve_forever, args=(POLL_SECONDS,), daemon=True)

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/response/T1/1/abc"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def start(self) -> FakeSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        for event in self.holds.values():
            event.set()
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, method: str, *faults: Fault) -> None:
        self.faults.setdefault(method, []).extend(faults)

    def hold(self, method: str, after_answer: bool = False) -> threading.Event:
        """Hold requests for method until the returned event is set; wait_held tells when one arrives.

        after_answer: Slack has done what was asked (the message is posted) but the reply is held.
        """
        self.holds[method] = threading.Event()
        self.held[method] = threading.Event()
        if after_answer:
            self.hold_after.add(method)
        return self.holds[method]

    def wait_held(self, method: str, seconds: float = 30) -> bool:
        return self.held[method].wait(seconds)

    def count(self, method: str) -> int:
        return sum(1 for call in self.calls if call.method == method)

    def _handle(self, request: BaseHTTPRequestHandler, verb: str) -> None:
        url = urlparse(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        with self.lock:
            self.bodies.append((request.path, raw))
        if url.path.startswith("/upload/"):
            self._reply(request, 200, "OK")
            with self.lock:
                self.uploads[url.path.rsplit("/", 1)[1]]["content"] = raw
            return
        if url.path.startswith("/response/"):  # an interaction's response_url
            with self.lock:
                self.responses.append(json.loads(raw or b"{}"))
            self._reply(request, 200, "ok")
            return
        method = url.path.removeprefix("/api/")
        params: dict[str, Any] = {k: v[0] for k, v in parse_qs(url.query).items()}
        if "json" in (request.headers.get("Content-Type") or ""):
            params.update(json.loads(raw or b"{}"))
        elif raw:
            params.update({k: v[0] for k, v in parse_qs(raw.decode()).items()})
        with self.lock:
            self.calls.append(Call(method, params))
            fault = self.faults[method].pop(0) if self.faults.get(method) else None
        if method in self.holds and method not in self.hold_after:
            self.held[method].set()
            self.holds[method].wait()
        if fault is not None:
            self._reply(request, fault.status, fault.body, fault.headers)
            return
        token = (request.headers.get("Authorization") or "").removeprefix("Bearer ")
        if token in self.revoked:
            self._reply(request, 200, {"ok": False, "error": "token_revoked"})
            return
        if method == "apps.connections.open":
            answer = (
                {"ok": True, "url": self.socket_url} if token == APP_TOKEN else {"ok": False, "error": "not_authed"}
            )
            self._reply(request, 200, answer)
            return
        if token != GOOD_TOKEN:
            self._reply(request, 200, {"ok": False, "error": "invalid_auth"})
            return
        answer = self._answer(method, params)
        if method in self.hold_after:
            self.held[method].set()
            self.holds[method].wait()
        scopes = {"X-OAuth-Scopes": ",".join(sorted(self.scopes))} if method == "auth.test" else {}
        self._reply(request, 200, answer, scopes)

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if method == "auth.test":
                return {"ok": True, "user": "missing-report", "user_id": "UBOT", "team_id": "T1", "bot_id": "B1"}
            if method == "conversations.info":
                channel = params.get("channel")
                if "channels:read" not in self.scopes:
                    return {"ok": False, "error": "missing_scope", "needed": "channels:read"}
                if channel not in self.channels:
                    return {"ok": False, "error": "channel_not_found"}
                name = f"channel-{str(channel).lower()}"
                return {"ok": True, "channel": {"id": channel, "name": name, "is_member": channel in self.members}}
            if method == "chat.postMessage":
                if params.get("channel") not in self.channels:
                    return {"ok": False, "error": "channel_not_found"}
                self._next_ts += 1
                ts = f"1563440000.{self._next_ts:06d}"
                self.messages.append({**params, "ts": ts})
                return {"ok": True, "channel": params["channel"], "ts": ts, "message": {"ts": ts}}
            if method == "chat.update":
                found = [
                    m for m in self.messages if m["channel"] == params.get("channel") and m["ts"] == params.get("ts")
                ]
                if not found:
                    return {"ok": False, "error": "message_not_found"}
                self.updates.append(dict(params))
                found[0].update({k: v for k, v in params.items() if k in ("text", "blocks")})
                return {"ok": True, "channel": params["channel"], "ts": params["ts"]}
            if method == "conversations.history":
                if params.get("channel") not in self.channels:
                    return {"ok": False, "error": "channel_not_found"}
                history = [m for m in reversed(self.messages) if m["channel"] == params["channel"]]
                return {"ok": True, "messages": history}
            if method == "views.open":
                view = params.get("view")
                view = json.loads(view) if isinstance(view, str) else view
                if not params.get("trigger_id") or not isinstance(view, dict):
                    return {"ok": False, "error": "invalid_arguments"}
                self.views.append({"trigger_id": params["trigger_id"], "view": view})
                return {"ok": True, "view": {**view, "id": f"V{len(self.views):04d}"}}
            if method == "files.getUploadURLExternal":
                self._next_file += 1
                file_id = f"F{self._next_file:04d}"
                self.uploads[file_id] = {
                    "filename": params.get("filename"),
                    "alt_txt": params.get("alt_txt"),
                    "length": int(params.get("length", 0)),
                    "content": None,
                }
                port = self.server.server_address[1]
                return {"ok": True, "upload_url": f"http://127.0.0.1:{port}/upload/{file_id}", "file_id": file_id}
            if method == "files.completeUploadExternal":
                files = json.loads(params.get("files", "[]"))
                if params.get("channel_id") not in self.channels:
                    return {"ok": False, "error": "channel_not_found"}
                self.completions.append({**params, "files": files})
                if params.get("thread_ts"):  # Slack shares the files in one message in the thread
                    self._next_ts += 1
                    shared = [
                        {"id": f["id"], "name": self.uploads[f["id"]]["filename"], "title": f.get("title")}
                        for f in files
                    ]
                    self.replies.append(
                        {
                            "channel": params["channel_id"],
                            "ts": f"1563440000.{self._next_ts:06d}",
                            "thread_ts": params["thread_ts"],
                            "user": "UBOT",
                            "text": params.get("initial_comment", ""),
                            "files": shared,
                        }
                    )
                return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
            if method == "conversations.replies":
                parent = [
                    m for m in self.messages if m["channel"] == params.get("channel") and m["ts"] == params.get("ts")
                ]
                if not parent:
                    return {"ok": False, "error": "thread_not_found"}
                thread = [
                    m for m in self.replies if m["channel"] == params["channel"] and m["thread_ts"] == params["ts"]
                ]
                return {"ok": True, "messages": [*parent, *thread], "has_more": False}
            return {"ok": False, "error": "unknown_method"}

    @staticmethod
    def _reply(
        request: BaseHTTPRequestHandler, status: int, body: dict[str, Any] | str, headers: dict[str, str] | None = None
    ) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

    def thread_file_names(self, ts: str) -> list[str]:
        """The names of the files shared in the thread under the message ts, in the order shared."""
        return [file["name"] for reply in self.replies if reply["thread_ts"] == ts for file in reply["files"]]

    def completed_files(self) -> Iterator[dict[str, Any]]:
        """Each file shared by a completion, with what was uploaded for it."""
        for completion in self.completions:
            for entry in completion["files"]:
                yield {
                    **self.uploads[entry["id"]],
                    "title": entry.get("title"),
                    "thread_ts": completion.get("thread_ts"),
                }


def wait_until(condition: Any, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


TRIGGER_IDS = itertools.count(3)


def slash_command_payload(text: str, user: str = "U0ANALYST", channel: str = "C0PERF") -> dict[str, str]:
    """The fields of a /missing command, as Slack sends them over HTTP (a form) or Socket Mode (a payload)."""
    return {
        "token": "legacy",
        "team_id": "T1",
        "team_domain": "council",
        "channel_id": channel,
        "channel_name": "perf",
        "user_id": user,
        "user_name": "analyst",
        "command": "/missing",
        "text": text,
        "api_app_id": "A1",
        "response_url": "http://127.0.0.1:9/commands/1",
        "trigger_id": f"1.2.{next(TRIGGER_IDS)}",  # unique to each command, as Slack's are
    }


def slash_command_request(
    url: str, text: str, secret: str, user: str = "U0ANALYST", channel: str = "C0PERF", timestamp: int | None = None
) -> urllib.request.Request:
    """A /missing request as Slack sends it: form-encoded, timestamped and signed with the signing secret."""
    body = urlencode(slash_command_payload(text, user, channel))
    return signed_request(url, body, secret, timestamp)


def signed_request(url: str, body: str, secret: str, timestamp: int | None = None) -> urllib.request.Request:
    """A form-encoded POST, timestamped and signed with the signing secret, as Slack sends every request."""
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    return urllib.request.Request(
        url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body),
        },
    )


def block_actions_request(
    url: str,
    secret: str,
    action_id: str,
    value: str,
    response_url: str,
    user: str = "U0ANALYST",
    channel: str = "C0PERF",
) -> urllib.request.Request:
    """A button press as Slack sends it: a block_actions payload, form-encoded, timestamped and signed."""
    payload = {
        "type": "block_actions",
        "team": {"id": "T1", "domain": "council"},
        "user": {"id": user, "username": "analyst", "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy",
        "container": {"type": "message", "message_ts": "1563440000.000001", "is_ephemeral": True},
        "trigger_id": f"1.2.{next(TRIGGER_IDS)}",
        "channel": {"id": channel, "name": "perf"},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "x"},
                "value": value,
                "action_ts": "1563440001.000001",
            }
        ],
    }
    return signed_request(url, urlencode({"payload": json.dumps(payload)}), secret)


def view_submission_request(
    url: str, secret: str, view: dict[str, Any], values: dict[str, Any], user: str = "U0ANALYST", name: str = "analyst"
) -> urllib.request.Request:
    """A modal's submission as Slack sends it: the view as opened, with its state (the inputs' values), signed."""
    payload = {
        "type": "view_submission",
        "team": {"id": "T1", "domain": "council"},
        "user": {"id": user, "username": name, "name": name, "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": f"1.2.{next(TRIGGER_IDS)}",
        "view": {**view, "id": "V0001", "team_id": "T1", "state": {"values": values}},
    }
    return signed_request(url, urlencode({"payload": json.dumps(payload)}), secret)
