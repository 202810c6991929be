"""A fake Teams Workflows webhook: a real HTTP server on 127.0.0.1 that the real webhook client posts to.

It takes a message envelope with one Adaptive Card attachment, answers 202 as Workflows does, keeps
the cards it took, and can be told to answer 429 (with Retry-After), 5xx or 413, to refuse bodies
over the size limit, or to hold a request (before or after taking its card) until the test lets go.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.chats.teams.cards import CARD_CONTENT_TYPE, MAX_POST_BYTES
from tests.fake_slack import POLL_SECONDS

DIGEST_PATH = "/workflows/digest/triggers/manual/paths/invoke"
ALERTS_PATH = "/workflows/alerts/triggers/manual/paths/invoke"
SIGNATURE = "sig=secret-signature"  # stands for the sig= query parameter that makes a real URL a secret


@dataclass
class Fault:
    status: int
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class FakeTeams:
    def __init__(self, limit_bytes: int = MAX_POST_BYTES) -> None:
        self.limit_bytes = limit_bytes
        self.cards: dict[str, list[dict[str, Any]]] = {DIGEST_PATH: [], ALERTS_PATH: []}
        self.requests: list[tuple[str, int]] = []  # (path, body bytes), every request, taken or not
        self.bodies: list[bytes] = []  # the raw body of every request, taken or not
        self.faults: list[Fault] = []
        self.hold_event: threading.Event | None = None
        self.held = threading.Event()
        self.hold_after_taking = False
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                fake._handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # a killed client
        self.thread = threading.Thread(target=self.server.serve_forever, args=(POLL_SECONDS,), daemon=True)

    def url(self, path: str = DIGEST_PATH) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}?api-version=1&{SIGNATURE}"

    @property
    def digests(self) -> list[dict[str, Any]]:
        return self.cards[DIGEST_PATH]

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return self.cards[ALERTS_PATH]

    def start(self) -> FakeTeams:
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.hold_event is not None:
            self.hold_event.set()
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, *faults: Fault) -> None:
        self.faults.extend(faults)

    def hold(self, after_taking: bool = False) -> threading.Event:
        """Hold the next requests until the returned event is set; after_taking: the card is posted first."""
        self.hold_event = threading.Event()
        self.hold_after_taking = after_taking
        return self.hold_event

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        raw = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        with self.lock:
            self.requests.append((path, len(raw)))
            self.bodies.append(raw)
            fault = self.faults.pop(0) if self.faults else None
        hold = self.hold_event
        if hold is not None and not self.hold_after_taking:
            self.held.set()
            hold.wait()
        if fault is not None:
            self._reply(request, fault.status, fault.body, fault.headers)
            return
        if path not in self.cards or SIGNATURE not in request.path:
            self._reply(request, 404, '{"error":{"code":"TriggerNotFound"}}')
            return
        if len(raw) > self.limit_bytes:
            self._reply(request, 413, "Request Entity too large")
            return
        envelope = json.loads(raw)
        [attachment] = envelope["attachments"]  # the workflow posts each attachment; we send one
        if envelope.get("type") != "message" or attachment["contentType"] != CARD_CONTENT_TYPE:
            self._reply(request, 400, "not a message with an Adaptive Card")
            return
        with self.lock:
            self.cards[path].append(attachment["content"])
        if hold is not None and self.hold_after_taking:
            self.held.set()
            hold.wait()
        self._reply(request, 202, "")

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        request.send_response(status)
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)
