"""Refusing a request seen before: Teams signs an activity's id and time along with its text, so a copy
sent again (by someone who captured it, or by a retry) can be told apart and answered only once.

Remembered in the replay memory Slack's requests use (digest.store.recent_keys), a file beside the store:
a copy sent to another of serve's answering processes, or after a restart, is refused as the first
process would refuse it.
"""

from __future__ import annotations

import datetime as dt
import time

from digest.store.recent_keys import RecentKeys

MAX_AGE_SECONDS = 5 * 60  # an activity older (or further ahead) than this is stale: clocks agree to a minute or so
# The bot's activities carry no signature of their own (the Bot Framework token vouches for the sender, and
# lives about an hour): an activity id is remembered for longer than any token that could carry it again.
BOT_REMEMBER_SECONDS = 2 * 60 * 60
OUTGOING_KEY, BOT_KEY = "teams-outgoing|", "teams-bot|"  # kept apart from Slack's signatures in the one file


def is_first_outgoing(seen: RecentKeys, activity_id: str) -> bool:
    """Whether an outgoing-webhook activity (signed, and not stale) is seen for the first time: remembered
    until its time could no longer pass is_stale.

    Raises:
        StoreError: the replay memory cannot be written.
    """
    now = time.time()
    return seen.first_time(OUTGOING_KEY + activity_id, now, now + 2 * MAX_AGE_SECONDS)


def is_first_activity(seen: RecentKeys, conversation_id: str, activity_id: str) -> bool:
    """Whether a Teams bot activity (with a valid token) is seen for the first time.

    Raises:
        StoreError: the replay memory cannot be written.
    """
    now = time.time()
    return seen.first_time(f"{BOT_KEY}{conversation_id}|{activity_id}", now, now + BOT_REMEMBER_SECONDS)


def is_stale(timestamp: object, now: dt.datetime | None = None) -> bool:
    """True when the activity's own time (ISO 8601, as Teams sends it) is more than MAX_AGE_SECONDS away.

    An activity without a readable time cannot be dated, and is refused as stale.
    """
    if not isinstance(timestamp, str) or not timestamp:
        return True
    current = now or dt.datetime.now(dt.UTC)
    try:
        sent = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
        return sent.tzinfo is None or abs((current - sent).total_seconds()) > MAX_AGE_SECONDS
    except (ValueError, OverflowError):  # not a date; or one so near year 1 or 9999 that its offset leaves the range
        return True
