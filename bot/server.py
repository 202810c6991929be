"""Serving the Bolt app over HTTP with waitress, a production WSGI server (not Bolt's development server)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any, Protocol, cast
from urllib.parse import parse_qs

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress.server import create_server

EVENTS_PATH = "/slack/events"
SERVER_THREADS = 8  # requests answered at once; each answer takes milliseconds
MAX_BODY_BYTES = 64 * 1024  # a slash command's form is a few hundred bytes

Rejected = Callable[[dict[str, str]], None]


class HttpServer(Protocol):
    effective_port: int

    def run(self) -> None: ...

    def close(self) -> None: ...


class AuditRejected:
    """WSGI wrapper: tells on_rejected about each request Bolt refused (bad signature, stale timestamp).

    Bolt refuses those before any listener runs, so without this they would leave no trace.
    """

    def __init__(self, inner: SlackRequestHandler, on_rejected: Rejected) -> None:
        self.inner = inner
        self.on_rejected = on_rejected

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(min(length, MAX_BODY_BYTES)) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        statuses: list[str] = []

        def capture(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            statuses.append(status)
            return start_response(status, headers, *rest)

        result: Iterable[bytes] = self.inner(environ, capture)
        if statuses and statuses[0].startswith("401"):
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
            self.on_rejected(form)
        return result


def create_http_server(
    app: App,
    port: int,
    host: str = "0.0.0.0",  # noqa: S104 (Slack must reach it)
    on_rejected: Rejected | None = None,
) -> HttpServer:
    """A waitress server for app at EVENTS_PATH; .run() serves until .close(). Port 0 picks a free port."""
    handler = SlackRequestHandler(app, path=EVENTS_PATH)
    wsgi = AuditRejected(handler, on_rejected) if on_rejected else handler
    server = create_server(wsgi, host=host, port=port, threads=SERVER_THREADS)
    return cast(HttpServer, server)
