"""The Teams outgoing webhook: a channel's @mention POSTed to /teams/outgoing, signed with HMAC-SHA256.

Teams shows the webhook's secret once, base64-encoded, when the webhook is created. Each request carries
`Authorization: HMAC <base64 of HMAC-SHA256(secret, raw body)>`; a request whose signature does not
match, or that is stale or a replay, gets 401 and no answer. The answer is the HTTP response itself, so
it must come within Teams' 5 seconds, and everyone in the channel sees it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
from dataclasses import dataclass
from typing import Any

from bot.chats.teams.activities import read_asker
from bot.chats.teams.answers import render_answer_message
from bot.chats.teams.replays import is_first_outgoing, is_stale
from bot.refusals import NOT_ANSWERED
from digest.lookups.answers import Answer
from digest.lookups.service import FAILURE, LookupService
from digest.store.lookups import ERROR
from digest.store.recent_keys import RecentKeys
from digest.store.snapshots import StoreError

log = logging.getLogger(__name__)

OUTGOING_PATH = "/teams/outgoing"
REPLY_SECONDS = 4.5  # Teams gives up on an outgoing webhook after 5 seconds
HMAC_SCHEME = "HMAC "


class SecretError(ValueError):
    """The outgoing webhook secret is not the base64 text Teams shows."""


def decode_secret(secret: str) -> bytes:
    try:
        return base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError):
        raise SecretError(
            "TEAMS_OUTGOING_WEBHOOK_SECRET is not base64: paste the security token exactly as Teams showed it "
            "when the outgoing webhook was created"
        ) from None


def sign_body(key: bytes, body: bytes) -> str:
    """The Authorization header Teams sends for body."""
    return HMAC_SCHEME + base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode("ascii")


def is_signed(key: bytes, body: bytes, authorization: str | None) -> bool:
    if not authorization or not authorization.startswith(HMAC_SCHEME):
        return False
    return hmac.compare_digest(authorization.encode("utf-8", "replace"), sign_body(key, body).encode("ascii"))


@dataclass
class OutgoingWebhook:
    """Answers signed requests; refuses the rest (each refusal is audited, with the ids as sent)."""

    service: LookupService
    key: bytes
    seen: RecentKeys  # the replay memory all of serve's processes share, beside the store

    async def answer(self, body: bytes, authorization: str | None) -> dict[str, Any] | None:
        """The reply message, or None when the request must be refused with 401."""
        try:
            activity = json.loads(body) if body else {}
        except (ValueError, RecursionError):
            activity = {}
        activity = activity if isinstance(activity, dict) else {}
        asker = read_asker(activity)
        try:
            genuine = (
                is_signed(self.key, body, authorization)
                and not is_stale(activity.get("timestamp"))
                and await asyncio.to_thread(is_first_outgoing, self.seen, str(activity.get("id") or ""))
            )
        except StoreError as err:
            log.error("A Teams outgoing-webhook request was not answered: %s", err)
            await asyncio.to_thread(
                self.service.record_refused_request, NOT_ANSWERED, "the replay memory cannot be written"
            )
            return render_answer_message(Answer(ERROR, FAILURE))
        if not genuine:
            await asyncio.to_thread(
                self.service.record_rejected, asker.user_id, asker.channel_id, "unsigned, forged, stale or replayed"
            )
            return None
        try:
            answer = await asyncio.wait_for(
                asyncio.to_thread(self.service.ask, asker.user_id, asker.channel_id, asker.text), REPLY_SECONDS
            )
        except TimeoutError:
            log.warning(
                "an outgoing-webhook answer took over %s seconds; the asker was told to try again", REPLY_SECONDS
            )
            answer = Answer(ERROR, FAILURE)
        return render_answer_message(answer)
