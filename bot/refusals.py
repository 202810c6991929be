"""What every route does with a request it refuses, whichever platform it claims to come from: the audit's
outcome for a malformed request, log lines that carry no more of the sender's text than
a short escaped excerpt, and a cap on how many such lines a minute reach the log (a flood of forged
requests must not fill the disk through stderr, as it must not through the audit).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

REJECTED_MALFORMED = "rejected (malformed)"  # the audit's outcome: too big, not text, not the platform's format
NOT_ANSWERED = "not answered (server fault)"  # genuine perhaps, but the server could not check it
MAX_EXCERPT_CHARS = 32  # of a refused request's own text, in a log line: enough to recognise, too short to carry data
MAX_REFUSAL_LINES_PER_MINUTE = 60  # like the audit's MAX_REFUSED_AUDITS_PER_MINUTE; beyond it, counted in one line

# Loggers whose lines are each about one refused request: the Teams SDK's token refusals, uvicorn's
# "Invalid HTTP request received." for bytes that are not HTTP, and this module's own.
REFUSAL_LOGGERS = ("microsoft_teams.apps.http.http_server", "uvicorn.error", __name__)

AuditRefusal = Callable[[str, str], None]  # (outcome, reason): metadata only, never the request's text

log = logging.getLogger(__name__)


def describe_excerpt(text: str | bytes) -> str:
    """At most MAX_EXCERPT_CHARS of text a sender controls, quoted, with every control or non-ASCII character
    escaped, so that a log line cannot be forged or broken by it."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "backslashreplace")
    more = "..." if len(text) > MAX_EXCERPT_CHARS else ""
    return ascii(text[:MAX_EXCERPT_CHARS]) + more


def log_refusal(path: str, status: int, reason: str) -> None:
    """One line for a refused request (rate-limited with the others: install_refusal_log_limit)."""
    log.warning("Refused a request to %s (HTTP %d): %s", describe_excerpt(path)[1:-1], status, reason)


class RefusalLogLimit(logging.Filter):
    """Lets through at most per_minute records a minute; the first one after a minute in which some were held
    back says how many."""

    def __init__(self, per_minute: int = MAX_REFUSAL_LINES_PER_MINUTE, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.per_minute = per_minute
        self.clock = clock
        self._minute_started = float("-inf")
        self._passed = 0
        self._held_back = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            now = self.clock()
            held_back = 0
            if now - self._minute_started >= 60:
                held_back, self._held_back = self._held_back, 0
                self._minute_started, self._passed = now, 0
            if self._passed >= self.per_minute:
                self._held_back += 1
                return False
            self._passed += 1
        if record.name != __name__ and isinstance(record.args, tuple):  # others' lines may quote what was sent
            record.args = tuple(
                describe_excerpt(str(arg)) if isinstance(arg, str | BaseException) else arg for arg in record.args
            )
        if held_back:
            record.msg = f"{record.getMessage()} ({held_back} more lines about refused requests were not logged)"
            record.args = ()
        return True


def install_refusal_log_limit() -> None:
    """One shared cap over the refusal loggers' lines (records logged to them, before their handlers)."""
    limit = (
        next(
            (f for name in REFUSAL_LOGGERS for f in logging.getLogger(name).filters if isinstance(f, RefusalLogLimit)),
            None,
        )
        or RefusalLogLimit()
    )
    for name in REFUSAL_LOGGERS:
        logger = logging.getLogger(name)
        if limit not in logger.filters:
            logger.addFilter(limit)
