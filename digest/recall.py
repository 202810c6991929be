"""Values worked out once and kept in memory, so many asking for the same thing cost one working-out.

Lookups keep readings and answers here (digest.lookups.service). A snapshot's figures never change once
stored, so an answer read from it stays right for as long as it is the latest: answers are kept for one
snapshot at a time, named by the whole SnapshotInfo (its id, as-at time, file, ingest time and the
fingerprint of the settings its figures were computed under), so a new snapshot, a deleted one or `refresh`
names another, and everything kept is dropped. A reading depends only on the words and the config, which a
running server never changes. Charts are kept by their numbers (digest.reporting.charts): a digest built
for each destination draws each chart once.

When many ask the same thing at once (a crowd just after a new snapshot), one works it out and the others
wait for it, rather than all working it out side by side.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Recall(Generic[Key, Value]):
    """Values by key, worked out once and kept (the least recently asked dropped beyond size); safe to share
    between server threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Key, Value] = OrderedDict()
        self._source: Hashable = None  # what the kept values were read from
        self._working: dict[tuple[Hashable, Key], Future[Value]] = {}
        self._lock = threading.Lock()

    def recall(self, key: Key, work_out: Callable[[], Value], source: Hashable = None) -> Value:
        """The value for key read from source, kept or worked out now; a new source (not None) drops the
        values kept from the one before. An error working it out reaches everyone waiting for it, and
        nothing is kept."""
        with self._lock:
            if source is not None and source != self._source:
                self._kept.clear()
                self._source = source
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            working = self._working.get((source, key))
            mine = working is None
            if working is None:
                working = self._working[(source, key)] = Future()
        if not mine:
            return working.result()
        try:
            value = work_out()
        except BaseException as error:
            with self._lock:
                del self._working[(source, key)]
            working.set_exception(error)
            raise
        with self._lock:
            del self._working[(source, key)]
            if source is None or source == self._source:
                self._kept[key] = value
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
        working.set_result(value)
        return value

    def forget(self) -> None:
        """Drop every value kept: the next asking works each out afresh."""
        with self._lock:
            self._kept.clear()
