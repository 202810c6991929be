"""The web app every platform adds its routes to (a FastAPI app, with raw ASGI handlers for the busiest
paths), and reading and answering a request's body there. bot.server serves it; each platform package adds
its own routes (bot.slack.routes, bot.teams.routes).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024  # a slash command's form is a few hundred bytes; no platform sends anything near it


class WebApp(FastAPI):
    """FastAPI, with raw ASGI handlers for POSTs to the busiest paths, which skip its middleware, routing and
    dependency layers: for Slack's crowd of slash commands those cost about half of the server's CPU
    a request (bench/crowd.py). Every other request, and the lifespan, goes to FastAPI."""

    def __init__(self) -> None:
        super().__init__(docs_url=None, redoc_url=None, openapi_url=None)  # no API docs: only platforms call it
        self.raw_posts: dict[str, ASGIApp] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in self.raw_posts:
            await self.raw_posts[scope["path"]](scope, receive, send)
            return
        await super().__call__(scope, receive, send)


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


async def read_body(request: Request) -> bytes | None:
    """The raw body, or None when it is over MAX_BODY_BYTES (no platform sends anything near it)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    body = await request.body()
    return body if len(body) <= MAX_BODY_BYTES else None
