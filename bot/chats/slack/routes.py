"""Slack's route: /slack/events, the request guard's checks, then the Bolt app (run in worker threads: it is
synchronous). Each route takes the raw headers and body, so request checks stay framework-neutral.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltRequest, BoltResponse
from starlette.types import Receive, Scope, Send

from bot.chats.slack.requests import RequestGuard, Verdict, install_body_filter
from bot.refusals import REJECTED_MALFORMED, log_refusal
from bot.web import MAX_BODY_BYTES, REFUSED_BODY, TOO_LARGE, WebApp, receive_body, send_answer

EVENTS_PATH = "/slack/events"
ANSWER_THREADS = 40  # Slack requests answered at once; as many as anyio's default pool, which answered them before

Refused = Callable[[Verdict], None]


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
