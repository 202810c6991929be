"""Refusing a request seen before: Teams signs an activity's id and time along with its text, so a copy
sent again (by someone who captured it, or by a retry) can be told apart and answered only once.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_AGE_SECONDS = 5 * 60  # an activity older (or further ahead) than this is stale: clocks agree to a minute or so
MAX_REMEMBERED = 10_000  # ids kept; at a few questions a minute this covers far more than MAX_AGE_SECONDS


class RecentActivities:
    """The ids of activities seen within MAX_AGE_SECONDS; first_sighting says whether one is new."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.seen: OrderedDict[str, float] = OrderedDict()
        self.lock = threading.Lock()

    def first_sighting(self, activity_id: str) -> bool:
        now = self.clock()
        with self.lock:
            while self.seen and (
                len(self.seen) > MAX_REMEMBERED or next(iter(self.seen.values())) < now - MAX_AGE_SECONDS
            ):
                self.seen.popitem(last=False)
            if activity_id in self.seen:
                return False
            self.seen[activity_id] = now
            return True


def is_stale(timestamp: str | None, now: dt.datetime | None = None) -> bool:
    """True when the activity's own time (ISO 8601, as Teams sends it) is more than MAX_AGE_SECONDS away.

    An activity without a readable time cannot be dated, and is refused as stale.
    """
    if not timestamp:
        return True
    try:
        sent = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return True
    if sent.tzinfo is None:
        return True
    current = now or dt.datetime.now(dt.UTC)
    return abs((current - sent).total_seconds()) > MAX_AGE_SECONDS
