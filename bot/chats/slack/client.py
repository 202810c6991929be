"""A slack-sdk WebClient that retries what is worth retrying, and gives up by a deadline.

Connection errors, HTTP 429 (after the Retry-After Slack sends) and 5xx answers are retried with
exponential backoff; anything else (a bad token, a missing channel) fails at once, so a mistake in
the settings gives one clear error rather than a retry storm. No wait may run past the deadline.
Each retry is told in one line (what Slack did, when the next try is, when it gives up); slack-sdk's
own log lines (three per failed request, with URLs) are shown only with --debug.
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.delivery.retries import backoff_seconds, retry_line

REQUEST_TIMEOUT_SECONDS = 30
CONNECTION_ERRORS = (URLError, ConnectionError, RemoteDisconnected, TimeoutError)
SDK_LOGGER = "slack_sdk"
THROTTLED = 429

log = logging.getLogger(__name__)

Report = Callable[[str], None]


def quiet_sdk_logs(debug: bool) -> None:
    """slack-sdk logs each failed request at ERROR and each retry at INFO; our retry line says it once, in words."""
    logging.getLogger(SDK_LOGGER).setLevel(logging.INFO if debug else logging.CRITICAL)


def describe_connection_error(error: BaseException) -> str:
    """What went wrong reaching Slack, in a few words (no URL: the message says which setting to check)."""
    reason = error.reason if isinstance(error, URLError) and isinstance(error.reason, BaseException) else error
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "its address could not be looked up"
    if isinstance(reason, TimeoutError):
        return f"no answer within {REQUEST_TIMEOUT_SECONDS} s"
    if isinstance(reason, RemoteDisconnected):
        return "the connection closed without an answer"
    if isinstance(reason, ConnectionResetError):
        return "the connection was reset"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return type(reason).__name__


def retry_after_seconds(response: HttpResponse | None) -> float | None:
    """Slack's Retry-After header on a 429, in seconds, if it sent one."""
    if response is None:
        return None
    for name, values in response.headers.items():
        if name.lower() == "retry-after" and values:
            try:
                return max(0.0, float(values[0]))
            except ValueError:
                return None
    return None


class DeadlineRetryHandler(RetryHandler):
    """Retries connection errors, 429 and 5xx until the deadline would be passed, reporting each retry."""

    def __init__(
        self,
        deadline: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        report: Report = log.warning,
    ) -> None:
        super().__init__(max_retry_count=1_000)
        self.deadline = deadline
        self.clock = clock
        self.sleep = sleep
        self.report = report

    def _wait(self, state: RetryState, response: HttpResponse | None) -> float:
        after = retry_after_seconds(response) if response is not None and response.status_code == 429 else None
        return after if after is not None else backoff_seconds(state.current_attempt)

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        transient = (response is not None and (response.status_code == 429 or response.status_code >= 500)) or (
            response is None and isinstance(error, CONNECTION_ERRORS)
        )
        return transient and self.clock() + self._wait(state, response) < self.deadline

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        state.next_attempt_requested = True
        wait = self._wait(state, response)
        if response is None:
            what = f"Slack did not answer ({describe_connection_error(error) if error else 'no answer'})"
        elif response.status_code == THROTTLED:
            what = "Slack asked us to slow down (HTTP 429)"
        else:
            what = f"Slack answered HTTP {response.status_code}"
        self.report(retry_line(what, wait, self.deadline - self.clock()))
        self.sleep(wait)
        state.increment_current_attempt()


def build_web_client(token: str, base_url: str, deadline: float, report: Report = log.warning) -> WebClient:
    """A WebClient for token at base_url (a loopback fake in tests), retrying until deadline (monotonic)."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=REQUEST_TIMEOUT_SECONDS,
        retry_handlers=[DeadlineRetryHandler(deadline, report=report)],
    )
