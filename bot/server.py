"""Serving the Bolt app over HTTP with waitress, a production WSGI server (not Bolt's development server)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import Any, Protocol, cast

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress.server import create_server

from bot.slack.requests import RequestGuard, Verdict, install_body_filter

EVENTS_PATH = "/slack/events"
SERVER_THREADS = 8  # requests answered at once; each answer takes milliseconds
STATUS_TEXT = {400: "400 Bad Request", 401: "401 Unauthorized", 413: "413 Content Too Large"}

Refused = Callable[[Verdict], None]


class HttpServer(Protocol):
    effective_port: int

    def run(self) -> None: ...

    def close(self) -> None: ...


class GuardedRequests:
    """WSGI wrapper: the RequestGuard's checks before Bolt sees a request; each refusal goes to on_refused.

    An oversized request is refused from its Content-Length, before its body is read.
    """

    def __init__(self, inner: SlackRequestHandler, guard: RequestGuard, on_refused: Refused) -> None:
        self.inner = inner
        self.guard = guard
        self.on_refused = on_refused

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        verdict = self.guard.check_length(environ.get("CONTENT_LENGTH"))
        if verdict.accepted:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            headers = {key[5:].replace("_", "-"): value for key, value in environ.items() if key.startswith("HTTP_")}
            verdict = self.guard.check(headers, body)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        if verdict.accepted:
            return self.inner(environ, start_response)
        self.on_refused(verdict)
        start_response(STATUS_TEXT[verdict.status], [("Content-Type", "application/json")])
        return [json.dumps({"error": "invalid request"}).encode()]


def create_http_server(
    app: App,
    port: int,
    host: str = "0.0.0.0",  # noqa: S104 (Slack must reach it)
    guard: RequestGuard | None = None,
    on_refused: Refused = lambda verdict: None,
) -> HttpServer:
    """A waitress server for app at EVENTS_PATH; .run() serves until .close(). Port 0 picks a free port.

    With a guard, every request passes its checks first (size, timestamp, encoding, signature, replay).
    """
    install_body_filter()
    handler = SlackRequestHandler(app, path=EVENTS_PATH)
    wsgi = GuardedRequests(handler, guard, on_refused) if guard else handler
    server = create_server(wsgi, host=host, port=port, threads=SERVER_THREADS)
    return cast(HttpServer, server)
