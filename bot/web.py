"""The web app every platform adds its routes to (a FastAPI app, behind one body-size limit for every route,
with raw ASGI handlers for the busiest paths), and reading and answering a request's body there. bot.server
serves it; each platform package adds its own routes (bot.chats.slack.routes, bot.chats.teams.routes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.refusals import REJECTED_MALFORMED, AuditRefusal, install_refusal_log_limit, log_refusal

MAX_BODY_BYTES = 64 * 1024  # every route: a slash command's form or a Teams activity is a few kilobytes at most
MAX_LENGTH_DIGITS = 18  # a Content-Length longer than this is exabytes: refused without working it out
TOO_LARGE = 413
REFUSED_BODY = b'{"error":"invalid request"}'


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
