"""Slack's route: /slack/events, the request guard's checks, then the Bolt app (run in worker threads: it is
synchronous). Each route takes the raw headers and body, so request checks stay framework-neutral.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltRequest, BoltResponse
from starlette.types import Receive, Scope, Send

from bot.slack.requests import RequestGuard, Verdict, install_body_filter
from bot.web import MAX_BODY_BYTES, WebApp, receive_body, send_answer

EVENTS_PATH = "/slack/events"
ANSWER_THREADS = 40  # Slack requests answered at once; as many as anyio's default pool, which answered them before
REFUSED_BODY = b'{"error":"invalid request"}'

Refused = Callable[[Verdict], None]


def answer_slack_request(app: App, body: bytes, headers: dict[str, str]) -> BoltResponse:
    """Bolt's answer to one request that passed the guard."""
    bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
    return app.dispatch(BoltRequest(body=body.decode("utf-8"), headers=bolt_headers))


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
        verdict = guard.check_length(headers.get("content-length"))
        body = b""
        if verdict.accepted:
            received = await receive_body(receive, MAX_BODY_BYTES + 1)  # one byte over is enough to refuse it
            if received is None:
                return  # the client went before it had sent its request: nothing to answer or audit
            body = received
        loop = asyncio.get_running_loop()
        await send_answer(send, *await loop.run_in_executor(answerers, respond, verdict, headers, body))

    def respond(verdict: Verdict, headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        """The guard's checks, then Bolt's answer: in a thread, as both may wait (on the replay memory's file,
        the audit's commit, a listener)."""
        if verdict.accepted:
            verdict = guard.check(headers, body)
        if not verdict.accepted:
            on_refused(verdict)
            return verdict.status, REFUSED_BODY, {"content-type": "application/json"}
        answer = answer_slack_request(app, body, headers)
        kept = {key: values[0] for key, values in answer.headers.items() if key.lower() != "content-length"}
        return answer.status, answer.body.encode("utf-8"), kept

    web.raw_posts[EVENTS_PATH] = slack_events
