"""One HTTP server for every platform: a FastAPI app served by uvicorn.

Slack's requests come to /slack/events (the Bolt app, run in a worker thread: it is synchronous); the
Teams bot adds /api/messages and the outgoing webhook /teams/outgoing. Each route takes the raw headers
and body and gives back the platform's answer, so request checks that are not any platform's stay
framework-neutral.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from slack_bolt import App, BoltRequest, BoltResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.refusals import (
    MAX_BODY_BYTES,
    REJECTED_MALFORMED,
    AuditRefusal,
    install_refusal_log_limit,
    log_refusal,
)
from bot.slack.requests import RequestGuard, Verdict, install_body_filter
from bot.teams.outgoing import OUTGOING_PATH, OutgoingWebhook

EVENTS_PATH = "/slack/events"
LISTEN_BACKLOG = 1024  # connections waiting to be accepted: a crowd asking at once must fit, or its SYNs wait 1 s
EVENT_LOOP = "auto"  # uvloop where it is installed (not on Windows): 0.1-0.3 ms less CPU a request than asyncio's
HTTP_PARSER = "httptools"  # C; uvicorn's pure-Python h11 cost 0.2-0.4 ms more CPU a request (bench/crowd.py)
CAN_SHARE_PORT = hasattr(socket, "SO_REUSEPORT")  # Linux and macOS: what lets the answering copies listen too
ANSWER_THREADS = 40  # Slack requests answered at once; as many as anyio's default pool, which answered them before
UNAUTHORIZED, TOO_LARGE = 401, 413
REFUSED_BODY = b'{"error":"invalid request"}'
MAX_LENGTH_DIGITS = 18  # a Content-Length longer than this is exabytes: refused without working it out

Refused = Callable[[Verdict], None]


class WebApp(FastAPI):
    """FastAPI, behind one body-size limit for every request, with raw ASGI handlers for POSTs to the busiest
    paths, which skip its middleware, routing and dependency layers: for Slack's crowd of slash commands
    those cost about half of the server's CPU a request (bench/crowd.py). Every other request, and the
    lifespan, goes to FastAPI."""

    def __init__(self) -> None:
        super().__init__(docs_url=None, redoc_url=None, openapi_url=None)  # no API docs: only platforms call it
        self.raw_posts: dict[str, ASGIApp] = {}
        self.refusal_audits: dict[str, AuditRefusal] = {}  # path -> its platform's audit of refused requests
        install_refusal_log_limit()

    def audit_refusals(self, path: str, audit: AuditRefusal) -> None:
        """Where a request to path refused before any route saw it (too large) is audited."""
        self.refusal_audits[path] = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        body = b""
        refusal = check_declared_length(scope["headers"])  # before a byte of the body is read
        if refusal is None:
            received = await receive_body(receive, MAX_BODY_BYTES + 1)  # one byte over is enough to refuse it
            if received is None:
                return  # the client went before it had sent its request: nothing to answer or audit
            body = received
            if len(body) > MAX_BODY_BYTES:  # sent without a Content-Length (chunked), or more than it said
                refusal = f"body over {MAX_BODY_BYTES} bytes"
        if refusal is not None:
            await self.refuse(scope, send, TOO_LARGE, refusal)
            return
        receive = replay_body(body, receive)
        if scope["method"] == "POST" and scope["path"] in self.raw_posts:
            await self.raw_posts[scope["path"]](scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def refuse(self, scope: Scope, send: Send, status: int, reason: str) -> None:
        """Answer status without reading (any more of) the body, and close the connection: the rest of it is
        never read. Audited as its route's platform audits refusals, and logged (rate-limited)."""
        log_refusal(scope["path"], status, reason)
        audit = self.refusal_audits.get(scope["path"])
        if audit is not None:
            await asyncio.to_thread(audit, REJECTED_MALFORMED, reason)
        await send_answer(send, status, REFUSED_BODY, {"content-type": "application/json", "connection": "close"})


def check_declared_length(headers: Sequence[tuple[bytes, bytes]]) -> str | None:
    """Why a request must be refused from its Content-Length alone (over MAX_BODY_BYTES), or None.
    (uvicorn's parser has already refused a Content-Length that is not a number.)"""
    for name, value in headers:
        if name.lower() != b"content-length" or not value.isdigit():
            continue
        if len(value) > MAX_LENGTH_DIGITS:  # int() of thousands of digits is refused, and slow before that
            return f"body of a {len(value)}-digit number of bytes, over {MAX_BODY_BYTES}"
        if int(value) > MAX_BODY_BYTES:
            return f"body of {int(value)} bytes, over {MAX_BODY_BYTES}"
    return None


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the app the body already read, then whatever the client does next (disconnect)."""
    given = False

    async def replayed() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def build_web_app() -> WebApp:
    """The app every route is added to."""
    return WebApp()


def answer_slack_request(app: App, body: bytes, headers: dict[str, str]) -> BoltResponse:
    """Bolt's answer to one request that passed the guard (400 if Bolt cannot read it)."""
    request = read_slack_request(body, headers)
    if request is None:
        return BoltResponse(status=400, body=REFUSED_BODY.decode("ascii"))
    return app.dispatch(request)


def read_slack_request(body: bytes, headers: dict[str, str]) -> BoltRequest | None:
    """Bolt's reading of a request (its form, or its JSON, or the JSON in its form's payload), or None where
    Bolt cannot read it: signed, so from Slack or from someone holding the secret, but it must not be a 500."""
    bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
    try:
        return BoltRequest(body=body.decode("utf-8"), headers=bolt_headers)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
        return None  # JSON that is not JSON, or not an object; fields of the wrong type where Bolt looks for ids


def add_slack_route(web: WebApp, app: App, guard: RequestGuard, on_refused: Refused) -> None:
    """/slack/events: the guard's checks (size, timestamp, encoding, signature, replay) before Bolt sees a
    request; each refusal goes to on_refused, and an oversized one is refused before its body is read."""
    install_body_filter()
    # Bolt is synchronous: it answers in these threads, not in the event loop (a plain pool: anyio's, which
    # FastAPI uses, cost 0.15 ms of CPU a request more in its own bookkeeping; bench/crowd.py).
    answerers = ThreadPoolExecutor(max_workers=ANSWER_THREADS, thread_name_prefix="slack-answer")

    async def slack_events(scope: Scope, receive: Receive, send: Send) -> None:
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:  # the first of a repeated header, as Starlette's mapping gives
            headers.setdefault(name.decode("latin-1"), value.decode("latin-1"))
        body = await receive_body(receive, MAX_BODY_BYTES + 1)  # the web app has read it, within its limit
        if body is None:
            return  # the client went before it had sent its request: nothing to answer or audit
        loop = asyncio.get_running_loop()
        await send_answer(send, *await loop.run_in_executor(answerers, respond, headers, body))

    def respond(headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        """The guard's checks, then Bolt's answer: in a thread, as both may wait (on the replay memory's file,
        the audit's commit, a listener)."""
        verdict = guard.check(headers, body)
        request = read_slack_request(body, headers) if verdict.accepted else None
        if verdict.accepted and request is None:
            verdict = Verdict(400, REJECTED_MALFORMED, "signed, but not a request Slack's library can read")
        if request is None:
            on_refused(verdict)
            if verdict.outcome == REJECTED_MALFORMED:  # forged ones are audited, not logged: a flood is routine
                log_refusal(EVENTS_PATH, verdict.status, verdict.reason)
            return verdict.status, REFUSED_BODY, {"content-type": "application/json"}
        answer = app.dispatch(request)
        kept = {key: values[0] for key, values in answer.headers.items() if key.lower() != "content-length"}
        return answer.status, answer.body.encode("utf-8"), kept

    web.audit_refusals(EVENTS_PATH, lambda outcome, reason: on_refused(Verdict(TOO_LARGE, outcome, reason)))
    web.raw_posts[EVENTS_PATH] = slack_events


async def receive_body(receive: Receive, limit: int) -> bytes | None:
    """A request's body as ASGI hands it over, read no further than limit bytes; None if the client went."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        part = message.get("body", b"")
        parts.append(part)
        size += len(part)
        if not message.get("more_body", False):
            break
    return b"".join(parts)[:limit]


async def send_answer(send: Send, status: int, body: bytes, headers: dict[str, str]) -> None:
    raw_headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
    raw_headers.append((b"content-length", str(len(body)).encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def add_outgoing_webhook_route(web: WebApp, webhook: OutgoingWebhook) -> None:
    web.audit_refusals(OUTGOING_PATH, webhook.service.record_refused_request)

    @web.post(OUTGOING_PATH)
    async def teams_outgoing(request: Request) -> Response:
        body = await request.body()  # the signature is over these exact bytes; the web app limits their size
        reply = await webhook.answer(body, request.headers.get("authorization"))
        if reply is None:
            return JSONResponse({"type": "message", "text": "Unauthorized"}, status_code=UNAUTHORIZED)
        return JSONResponse(reply)


class HttpServer:
    """uvicorn serving web on a socket bound at once, so the port (0 picks a free one) is known before .run()."""

    def __init__(self, web: FastAPI, port: int, host: str, debug: bool = False) -> None:
        self.host = host
        self.socket = listen_on(host, port)
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
            loop=EVENT_LOOP,
        )
        self.server = uvicorn.Server(config)

    def listen_again(self) -> None:
        """In a copy of this process (bot.server_processes): a listening socket of its own on the same port.
        With one socket shared, whichever process woke first took most of a crowd's connections; with a
        socket each (SO_REUSEPORT), the system spreads the connections over them evenly."""
        if CAN_SHARE_PORT:
            self.socket.close()  # this process's copy: the first process keeps listening on its own
            self.socket = listen_on(self.host, self.effective_port, alone=False)

    def run(self) -> None:
        """Serve until .close(), or until Ctrl-C / SIGTERM when run in the main thread."""
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def close(self) -> None:
        self.server.should_exit = True


def listen_on(host: str, port: int, alone: bool = True) -> socket.socket:
    """A socket listening on host and port (0: a free one), which this server's other processes may listen on
    too (SO_REUSEPORT). alone: first check that nothing else listens there, which SO_REUSEPORT would not
    refuse (a second `serve` started by mistake would otherwise take half of the first one's requests).

    Raises:
        OSError: the port is taken (errno EADDRINUSE), or cannot be listened on.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if alone and CAN_SHARE_PORT:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))  # refused while any socket listens on the port, SO_REUSEPORT or not
            port = probe.getsockname()[1]
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if CAN_SHARE_PORT:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listening.bind((host, port))
    listening.listen(LISTEN_BACKLOG)
    return listening


def create_http_server(web: FastAPI, port: int, host: str = "0.0.0.0", debug: bool = False) -> HttpServer:  # noqa: S104 (Slack and Teams must reach it)
    return HttpServer(web, port, host, debug)
