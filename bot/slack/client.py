"""A slack-sdk WebClient that retries what is worth retrying, and gives up by a deadline.

Connection errors, HTTP 429 (after the Retry-After Slack sends) and 5xx answers are retried with
exponential backoff; anything else (a bad token, a missing channel) fails at once, so a mistake in
the settings gives one clear error rather than a retry storm. No wait may run past the deadline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.delivery.retries import backoff_seconds

REQUEST_TIMEOUT_SECONDS = 30
CONNECTION_ERRORS = (URLError, ConnectionError, RemoteDisconnected, TimeoutError)


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
    """Retries connection errors, 429 and 5xx until the deadline would be passed."""

    def __init__(
        self, deadline: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        super().__init__(max_retry_count=1_000)
        self.deadline = deadline
        self.clock = clock
        self.sleep = sleep

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
        self.sleep(self._wait(state, response))
        state.increment_current_attempt()


def build_web_client(token: str, base_url: str, deadline: float) -> WebClient:
    """A WebClient for token at base_url (a loopback fake in tests), retrying until deadline (monotonic)."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=REQUEST_TIMEOUT_SECONDS,
        retry_handlers=[DeadlineRetryHandler(deadline)],
    )
