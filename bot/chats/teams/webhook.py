"""Posting to a Teams Workflows webhook: retried where that is safe, by a deadline, and never logging its URL.

The webhook answers 202 (any 2xx) with no message id. Retried: 429 (after its Retry-After; Teams
throttles above about 4 requests a second), 5xx, and connection errors before the request was sent.
Not retried: a request that was sent but never answered (it may have posted: UncertainDeliveryError),
413 (CardTooLargeError: the caller makes a smaller card), and other 4xx (a setting to fix).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeAlias, TypedDict, Unpack

import httpx

from bot.delivery import DeliveryError, UncertainDeliveryError
from bot.delivery.retries import backoff_seconds, retry_line
from bot.settings import Webhook

REQUEST_TIMEOUT_SECONDS = 30
CONNECT_TIMEOUT_SECONDS = 10  # to make the connection: a host that drops packets is not waited on for long
UNREACHABLE_GIVE_UP_SECONDS = 30  # a webhook never once reached is given up on this soon, whatever the deadline
MIN_SECONDS_BETWEEN_POSTS = 0.3  # Teams throttles a webhook above about 4 requests a second
TOO_LARGE = 413
THROTTLED = 429
NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.WriteError, httpx.WriteTimeout, httpx.PoolTimeout)

log = logging.getLogger(__name__)
Request: TypeAlias = Callable[[httpx.Client], httpx.Response]  # one try of a request, made again for each


class WarningsOnlyFilter(logging.Filter):
    """Lets through only warnings and worse."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


# httpx logs every request with its full URL at INFO; a webhook URL is a secret. A filter, not only a level:
# the Teams SDK sets the httpx logger's level to its own whenever it makes an HTTP client (the bot in `serve`
# does), which would let those lines through again.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpx").addFilter(WarningsOnlyFilter())


class CardTooLargeError(DeliveryError):
    """The webhook refused the card as too large (413); nothing was posted."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=False)


def read_retry_after(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds, if there is one in that form."""
    try:
        return max(0.0, float(response.headers["Retry-After"]))
    except (KeyError, ValueError):
        return None


class Pacing(TypedDict, total=False):
    """RetryingClient's injected parts, for a test to drive its retries without waiting."""

    http: httpx.Client | None
    clock: Callable[[], float]
    sleep: Callable[[float], None]
    report: Callable[[str], None]


class RetryingClient:
    """Sends JSON bodies through an injected httpx client, retrying for deadline_seconds: the Workflows webhook's
    posts, and the Bot Connector's (bot.chats.teams.connector).

    The retrying time counts from the first request, not from when the client was made: building a digest
    (charts, workbook) must not eat into the time Teams is given.
    """

    def __init__(
        self,
        deadline_seconds: float,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        report: Callable[[str], None] = log.warning,
    ) -> None:
        self.deadline_seconds = deadline_seconds
        self.deadline: float | None = None  # monotonic; set by the first request
        self.http = http or httpx.Client(
            timeout=httpx.Timeout(REQUEST_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS)
        )
        self.reached = False  # whether the host ever answered: until then, retrying is given 30 s
        self.clock = clock
        self.sleep = sleep
        self.report = report  # one progress line per retry
        self._last_post: float | None = None

    def send(self, request: Request, where: str, host: str, refuse: Callable[[int], DeliveryError]) -> httpx.Response:
        """Make request (made again for each try); returns the 2xx response, or raises DeliveryError saying what went
        wrong and what to do: refuse(status) for a 4xx other than 413 and 429."""
        attempt = 0
        if self.deadline is None:
            self.deadline = self.clock() + self.deadline_seconds
        give_up_unreached = self.clock() + UNREACHABLE_GIVE_UP_SECONDS
        while True:
            self._space_out()
            try:
                response = request(self.http)
            except NOT_SENT_ERRORS as error:
                failure = f"could not reach {where} ({type(error).__name__})"
                wait = backoff_seconds(attempt)
                if not self.reached and self.clock() + wait + CONNECT_TIMEOUT_SECONDS >= give_up_unreached:
                    # Never reached: a firewall, a proxy or a wrong host, which retrying for minutes will not mend.
                    raise DeliveryError(
                        f"{failure}, tried for {UNREACHABLE_GIVE_UP_SECONDS} s: check that this machine can reach "
                        f"{host} over HTTPS (a firewall, or a proxy to set in HTTPS_PROXY); it will be retried",
                        permanent=False,
                    ) from None
            except httpx.TransportError as error:
                raise UncertainDeliveryError(
                    f"{where} did not answer after the card was sent ({type(error).__name__}), so it may have "
                    "been posted; check the channel"
                ) from None
            else:
                self.reached = True
                status = response.status_code
                if 200 <= status < 300:
                    return response
                if status == TOO_LARGE:
                    raise CardTooLargeError(f"{where} refused the card as too large")
                if status != THROTTLED and status < 500:
                    raise refuse(status)
                failure = f"{where} answered HTTP {status}"
                after = read_retry_after(response) if status == THROTTLED else None
                wait = after if after is not None else backoff_seconds(attempt)
            if self.clock() + wait >= self.deadline:
                raise DeliveryError(f"{failure}; it will be retried", permanent=False)
            self.report(retry_line(failure[0].upper() + failure[1:], wait, self.deadline - self.clock()))
            self.sleep(wait)
            attempt += 1

    def _space_out(self) -> None:
        if self._last_post is not None:
            self.sleep(max(0.0, self._last_post + MIN_SECONDS_BETWEEN_POSTS - self.clock()))
        self._last_post = self.clock()


class WebhookClient(RetryingClient):
    """Posts JSON bodies to one webhook, retrying for deadline_seconds."""

    def __init__(self, webhook: Webhook, deadline_seconds: float, **pacing: Unpack[Pacing]) -> None:
        super().__init__(deadline_seconds, **pacing)
        self.webhook = webhook

    def post(self, body: bytes) -> int:
        """POST body; returns the 2xx status, or raises DeliveryError saying what went wrong and what to do."""
        where = f"the Teams webhook {self.webhook.shown} ({self.webhook.env})"
        try:
            response = self.send(
                lambda http: http.post(self.webhook.url, content=body, headers={"Content-Type": "application/json"}),
                where,
                self.webhook.shown.removesuffix("/…"),
                lambda status: _refusal(status, where, self.webhook.env),
            )
        except CardTooLargeError as error:
            raise CardTooLargeError(f"{error} ({len(body):,} bytes)") from None
        return response.status_code


def _refusal(status: int, where: str, env: str) -> DeliveryError:
    if status in (401, 403, 404):
        return DeliveryError(
            f"{where} answered HTTP {status}: the workflow may have been turned off or deleted, or the URL is "
            f"wrong; set {env} to the URL of the workflow's trigger 'When a Teams webhook request is received'",
            permanent=True,
        )
    return DeliveryError(
        f"{where} refused the card (HTTP {status}); check the workflow posts an Adaptive Card from the request body",
        permanent=True,
    )
