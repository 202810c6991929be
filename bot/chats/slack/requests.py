"""Checking a request that claims to come from Slack before anything of it is read, stored or logged.

Framework-neutral: RequestGuard takes the raw headers and body bytes and returns a Verdict, whichever
HTTP server received them. Only a verdict's metadata (outcome, reason, the ids if they look like
Slack's) is ever audited; the body is not kept. BodyRedactingFilter keeps request bodies (which carry
`token=`, `response_url=` and the typed text) out of Bolt's log lines.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs

from slack_sdk.signature import Clock, SignatureVerifier

from bot.refusals import NOT_ANSWERED, REJECTED_MALFORMED
from bot.web import MAX_BODY_BYTES
from digest.lookups.service import LookupService
from digest.store.recent_keys import RecentKeys
from digest.store.snapshots import StoreError

log = logging.getLogger(__name__)

MAX_TIMESTAMP_DIGITS = 12  # seconds since 1970 have 10 digits until the year 2286; more is not a timestamp
REPLAY_WINDOW_SECONDS = 5 * 60  # Slack's own rule: a request older than this is refused, so remember this long
TIMESTAMP_HEADER = "x-slack-request-timestamp"
SIGNATURE_HEADER = "x-slack-signature"
REJECTED_SIGNATURE = "rejected (signature)"  # not a genuine, fresh, first-time request from Slack


@dataclass(frozen=True)
class Verdict:
    status: int  # 200: pass it on; else the HTTP status to answer with
    outcome: str = ""  # the audit's outcome for a refused request
    reason: str = ""  # why, in words, with no part of the body
    user_id: str = ""  # as sent, unverified
    channel_id: str = ""

    @property
    def accepted(self) -> bool:
        return self.status == 200


ACCEPTED = Verdict(200)


class RequestGuard:
    """Size, timestamp, encoding, signature and replay checks, in that order."""

    def __init__(self, signing_secret: str, seen: RecentKeys, clock: Callable[[], float] = time.time) -> None:
        self.verifier = SignatureVerifier(signing_secret, clock=_Clock(clock))
        self.clock = clock
        self.seen = seen  # the signatures answered lately: one file for all of serve's answering processes

    def check(self, headers: Mapping[str, str], body: bytes) -> Verdict:
        lower = {name.lower(): value for name, value in headers.items()}
        if len(body) > MAX_BODY_BYTES:
            return Verdict(413, REJECTED_MALFORMED, f"body over {MAX_BODY_BYTES} bytes")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return Verdict(400, REJECTED_MALFORMED, "body is not UTF-8")
        form = {k: v[0] for k, v in parse_qs(text).items()}
        ids = {"user_id": form.get("user_id", ""), "channel_id": form.get("channel_id", "")}
        stamp = lower.get(TIMESTAMP_HEADER, "")
        signature = lower.get(SIGNATURE_HEADER, "")
        if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= MAX_TIMESTAMP_DIGITS):  # "²" is a digit
            return Verdict(401, REJECTED_SIGNATURE, "timestamp header missing or malformed", **ids)
        now = self.clock()
        if abs(now - int(stamp)) > REPLAY_WINDOW_SECONDS:
            return Verdict(401, REJECTED_SIGNATURE, "timestamp outside five minutes", **ids)
        if not signature.isascii():  # compare_digest refuses non-ASCII text with an exception, not False
            return Verdict(401, REJECTED_SIGNATURE, "bad signature", **ids)
        if not self.verifier.is_valid(body=text, timestamp=stamp, signature=signature):
            return Verdict(401, REJECTED_SIGNATURE, "bad signature", **ids)
        try:  # remembered for as long as its timestamp would pass the check above
            first = self.seen.first_time(signature, now, int(stamp) + REPLAY_WINDOW_SECONDS)
        except StoreError as err:
            log.error("A Slack request was not answered: %s", err)
            return Verdict(503, NOT_ANSWERED, "the replay memory cannot be written", **ids)
        if not first:
            return Verdict(401, REJECTED_SIGNATURE, "replay of a request already answered", **ids)
        return ACCEPTED


class _Clock(Clock):
    """slack_sdk's verifier asks its clock for now(); ours is a plain function for tests to set."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock

    def now(self) -> float:
        return self.clock()


def audit_refusals(service: LookupService) -> Callable[[Verdict], None]:
    """What to do with a refused request: put its metadata in the lookup audit."""

    def record(verdict: Verdict) -> None:
        service.record_refused_request(verdict.outcome, verdict.reason, verdict.user_id, verdict.channel_id)

    return record


_FORM_FIELD = re.compile(r"\b(token|response_url|text|trigger_id|user_name|team_domain|channel_name)=[^&\s,)]*")
_DICT_FIELD = re.compile(r"'(token|response_url|text|trigger_id|user_name|team_domain|channel_name)': '[^']*'")
_BODY = re.compile(r"(body: |request \().*", re.DOTALL)


class BodyRedactingFilter(logging.Filter):
    """Rewrites Slack libraries' log lines so that no request body (token, response_url, typed text) is logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(("slack_bolt", "slack_sdk", "slack")):
            return True
        message = record.getMessage()
        redacted = _BODY.sub(r"\1(body not logged)", message)
        redacted = _DICT_FIELD.sub(r"'\1': '(not logged)'", _FORM_FIELD.sub(r"\1=(not logged)", redacted))
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_body_filter() -> None:
    """Put the filter on every handler of the root logger, where Bolt's records end up."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, BodyRedactingFilter) for f in handler.filters):
            handler.addFilter(BodyRedactingFilter())
