"""How a digest is sent: one module and one class per channel, each with send().

A notifier is given the Digest (what to say, from the core) and the run's progress (what the
ledger says is already done), so that a run resumed after a failure redoes only what is missing.
"""

from __future__ import annotations

from typing import Protocol

from digest.reporting.content import Digest


class DeliveryError(Exception):
    """Sending failed. permanent: retrying will not help until a person fixes something (the message says what)."""

    def __init__(self, message: str, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


class UncertainDeliveryError(DeliveryError):
    """The message may or may not have reached the channel, and the channel cannot be asked (a webhook).

    Sending again could post it twice, so the run is held for a person to check (see docs/decisions.md).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


class DeliveryProgress(Protocol):
    """What has been done for this run so far; each record_* is saved at once (see digest.store.digest_runs)."""

    @property
    def run_key(self) -> str: ...

    @property
    def message_ref(self) -> str | None: ...

    @property
    def post_attempted(self) -> bool: ...

    @property
    def uploads_done(self) -> set[str]: ...

    def record_post_attempt(self) -> None: ...

    def clear_post_attempt(self) -> None: ...

    def record_message(self, ref: str) -> None: ...

    def record_upload(self, name: str) -> None: ...


class Notifier(Protocol):
    def send(self, digest: Digest, progress: DeliveryProgress) -> None: ...


class NoProgress:
    """Progress for a one-off send with no ledger (the outbox preview)."""

    def __init__(self, run_key: str = "preview") -> None:
        self.run_key = run_key
        self.message_ref: str | None = None
        self.post_attempted = False
        self.uploads_done: set[str] = set()

    def record_post_attempt(self) -> None:
        self.post_attempted = True

    def clear_post_attempt(self) -> None:
        self.post_attempted = False

    def record_message(self, ref: str) -> None:
        self.message_ref = ref

    def record_upload(self, name: str) -> None:
        self.uploads_done.add(name)
