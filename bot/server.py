"""One HTTP server for every platform: a FastAPI app served by uvicorn.

Slack's requests come to /slack/events (the Bolt app, run in a worker thread: it is synchronous); the
Teams bot adds /api/messages and the outgoing webhook /teams/outgoing. Each route takes the raw headers
and body and gives back the platform's answer, so request checks that are not any platform's stay
framework-neutral.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from slack_bolt import App, BoltRequest, BoltResponse
from starlette.concurrency import run_in_threadpool

from bot.slack.requests import MAX_BODY_BYTES, RequestGuard, Verdict, install_body_filter
from bot.teams.outgoing import OUTGOING_PATH, OutgoingWebhook

EVENTS_PATH = "/slack/events"
LISTEN_BACKLOG = 1024  # connections waiting to be accepted: a crowd asking at once must fit, or its SYNs wait 1 s
HTTP_PARSER = "httptools"  # C; uvicorn's pure-Python h11 cost 0.2-0.4 ms more CPU a request (bench/crowd.py)
UNAUTHORIZED, TOO_LARGE = 401, 413

Refused = Callable[[Verdict], None]


def build_web_app() -> FastAPI:
    """The app every route is added to; no API docs pages (nothing but the platforms calls it)."""
    return FastAPI(docs_url=None, redoc_url=None, openapi_url=None)


def answer_slack_request(app: App, body: bytes, headers: dict[str, str]) -> BoltResponse:
    """Bolt's answer to one request that passed the guard."""
    bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
    return app.dispatch(BoltRequest(body=body.decode("utf-8"), headers=bolt_headers))


def add_slack_route(web: FastAPI, app: App, guard: RequestGuard, on_refused: Refused) -> None:
    """/slack/events: the guard's checks (size, timestamp, encoding, signature, replay) before Bolt sees a
    request; each refusal goes to on_refused, and an oversized one is refused before its body is read."""
    install_body_filter()

    @web.post(EVENTS_PATH)
    async def slack_events(request: Request) -> Response:
        verdict = guard.check_length(request.headers.get("content-length"))
        if verdict.accepted:
            body = await request.body()
            verdict = guard.check(dict(request.headers), body)
        if not verdict.accepted:
            on_refused(verdict)
            return JSONResponse({"error": "invalid request"}, status_code=verdict.status)
        answer = await run_in_threadpool(answer_slack_request, app, body, dict(request.headers))
        return Response(
            content=answer.body,
            status_code=answer.status,
            headers={key: values[0] for key, values in answer.headers.items() if key.lower() != "content-length"},
        )


def add_outgoing_webhook_route(web: FastAPI, webhook: OutgoingWebhook) -> None:
    @web.post(OUTGOING_PATH)
    async def teams_outgoing(request: Request) -> Response:
        body = await read_body(request)  # the signature is over these exact bytes
        if body is None:
            return Response(status_code=TOO_LARGE)
        reply = await webhook.answer(body, request.headers.get("authorization"))
        if reply is None:
            return JSONResponse({"type": "message", "text": "Unauthorized"}, status_code=UNAUTHORIZED)
        return JSONResponse(reply)


async def read_body(request: Request) -> bytes | None:
    """The raw body, or None when it is over MAX_BODY_BYTES (no platform sends anything near it)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    body = await request.body()
    return body if len(body) <= MAX_BODY_BYTES else None


class HttpServer:
    """uvicorn serving web on a socket bound at once, so the port (0 picks a free one) is known before .run()."""

    def __init__(self, web: FastAPI, port: int, host: str, debug: bool = False) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((host, port))
        self.socket.listen(LISTEN_BACKLOG)
        self.effective_port: int = self.socket.getsockname()[1]
        # log_config=None: our logging set-up decides what reaches the terminal, not uvicorn's own.
        config = uvicorn.Config(
            web,
            log_config=None,
            log_level="debug" if debug else "warning",
            access_log=debug,
            lifespan="on",
            server_header=False,
            http=HTTP_PARSER,
        )
        self.server = uvicorn.Server(config)

    def run(self) -> None:
        """Serve until .close(), or until Ctrl-C / SIGTERM when run in the main thread."""
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def close(self) -> None:
        self.server.should_exit = True


def create_http_server(web: FastAPI, port: int, host: str = "0.0.0.0", debug: bool = False) -> HttpServer:  # noqa: S104 (Slack and Teams must reach it)
    return HttpServer(web, port, host, debug)
