"""Answers already worked out, kept in memory so a crowd asking the same things costs one working-out each.

A snapshot's figures never change once stored, so an answer read from it stays right for as long as it is
the latest. Each answer is kept under the whole SnapshotInfo it was read from (its id, as-at time, file,
ingest time and the fingerprint of the settings its figures were computed under) and the question's
reading: a new snapshot, a deleted one or `refresh` gives a different key, so nothing kept is found and the
answer is worked out afresh. Only one snapshot's answers are kept: when another becomes the latest, the
rest are dropped. The typed words are not part of the key (two phrasings read the same way share one
answer); the answer handed back carries the words of whoever asked.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable

from digest.lookups.answers import Answer
from digest.lookups.questions import Question
from digest.store.snapshots import SnapshotInfo

ANSWERS_KEPT = 2048  # answers held at once (a few kilobytes each); the least recently asked go first


class AnswerMemory:
    """The latest snapshot's answers by reading, and those that need no snapshot (help, definitions); safe to
    share between server threads."""

    def __init__(self, size: int = ANSWERS_KEPT) -> None:
        self.size = size
        self._snapshot: SnapshotInfo | None = None
        self._answers: OrderedDict[tuple[bool, Question], Answer] = OrderedDict()
        self._lock = threading.Lock()

    def recall(self, snapshot: SnapshotInfo | None, question: Question, work_out: Callable[[], Answer]) -> Answer:
        """The answer to question from snapshot (None: one that needs no snapshot), kept or worked out now."""
        key = (snapshot is None, dataclasses.replace(question, text=""))
        with self._lock:
            if snapshot is not None and snapshot != self._snapshot:
                self._answers.clear()
                self._snapshot = snapshot
            kept = self._answers.get(key)
            if kept is not None:
                self._answers.move_to_end(key)
        if kept is None:
            kept = work_out()  # outside the lock: other questions are not held up behind this one
            with self._lock:
                if snapshot is None or snapshot == self._snapshot:
                    self._answers[key] = kept
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
        return dataclasses.replace(kept, question=question.text) if kept.question else kept
