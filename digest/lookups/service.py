"""The lookup service: a question in, an answer out, each one audited. The same for every chat platform
and the terminal, so that `missing-report ask` needs no chat library at all.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from digest.contract.config import Config
from digest.lookups.answers import Answer, answer_question, clarification_answer, not_understood_answer
from digest.lookups.questions import Clarification, NotUnderstood, Reader
from digest.store.lookups import ERROR, REFUSED, REJECTED, Lookup, now_text, save_lookup
from digest.store.snapshots import SnapshotStore, StoreError

log = logging.getLogger(__name__)

REFUSAL = (
    "Sorry, missing-report does not answer here. It answers only in the channels, and for the people, "
    "that your performance team has set up; ask them if you need access."
)
FAILURE = "Sorry, something went wrong looking that up; it has been logged. Please try again in a minute."


@dataclass(frozen=True)
class Access:
    """Who may ask: everyone when both lists are empty."""

    channels: frozenset[str] = frozenset()
    users: frozenset[str] = frozenset()

    def allows(self, user_id: str, channel_id: str) -> bool:
        if not self.channels and not self.users:
            return True
        return channel_id in self.channels or user_id in self.users


@dataclass
class LookupService:
    """Answers questions; each server thread keeps its own store connection."""

    open_store: Callable[[], SnapshotStore]
    config: Config
    access: Access = field(default_factory=Access)
    _local: threading.local = field(default_factory=threading.local)
    _reader: Reader | None = None

    @property
    def reader(self) -> Reader:
        """The question reader for this config, generated once (tens of milliseconds) on first use."""
        if self._reader is None:
            self._reader = Reader(self.config)
        return self._reader

    def store(self) -> SnapshotStore:
        store: SnapshotStore | None = getattr(self._local, "store", None)
        if store is None:
            store = self.open_store()
            self._local.store = store
        return store

    def ask(self, user_id: str, channel_id: str, text: str) -> Answer:
        started = time.perf_counter()
        if not self.access.allows(user_id, channel_id):
            answer = Answer(REFUSED, REFUSAL)
        else:
            try:
                question = self.reader.read(text)
                if isinstance(question, NotUnderstood):
                    answer = not_understood_answer(question)
                elif isinstance(question, Clarification):
                    answer = clarification_answer(question, text)
                else:
                    answer = answer_question(self.store(), self.config, question, self.reader)
            except StoreError as error:
                answer = Answer(ERROR, f"Sorry, there is nothing to look up yet: {error}.")
            except Exception:
                log.exception("lookup failed")  # the question itself is not logged: it is in the audit table
                answer = Answer(ERROR, FAILURE)
        milliseconds = round((time.perf_counter() - started) * 1000)
        try:
            lookup = Lookup(now_text(), user_id, channel_id, text, answer.outcome, answer.snapshot_id, milliseconds)
            save_lookup(self.store(), lookup)
        except Exception:
            log.exception("the lookup could not be written to the audit table")
        return answer

    def record_rejected(self, form: dict[str, str]) -> None:
        """Audit a request whose signature check failed; its ids are as sent, unverified."""
        try:
            lookup = Lookup(
                now_text(), form.get("user_id", ""), form.get("channel_id", ""), form.get("text", ""), REJECTED, None, 0
            )
            save_lookup(self.store(), lookup)
        except Exception:
            log.exception("the refused request could not be written to the audit table")
