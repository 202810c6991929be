"""The lookup service: a question in, an answer out, each one audited. The same for every chat platform
and the terminal, so that `missing-report ask` needs no chat library at all.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from digest.contract.config import Config
from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.periods import is_partial, month_key, month_of
from digest.lookups.answers import (
    Answer,
    answer_question,
    clarification_answer,
    needs_snapshot,
    not_understood_answer,
)
from digest.lookups.cells import NO_DATA, Figures
from digest.lookups.comments import (
    CommentReply,
    comment_help_answer,
    describe_saved,
    read_comment_request,
    resolve_comment_month,
)
from digest.lookups.events import name_event_months, names_event
from digest.lookups.partmonths import (
    LEFT_OUT_MONTH,
    drop_month_under_way,
    leaves_out_complete_month,
    says_month_left_out,
)
from digest.lookups.positions import name_position_months, names_position
from digest.lookups.questions import Clarification, NotUnderstood, Question, Reader
from digest.lookups.relations import name_relative_months, names_relation
from digest.lookups.transcripts import describe_reading, mask_question
from digest.recall import Recall
from digest.reporting.commentary import Author, CommentError, load_section_comments, read_section, save_section_comment
from digest.store.comments import load_comments_mark
from digest.store.lookups import ERROR, REFUSED, REJECTED, SLACK, AuditWriter, Lookup, now_text
from digest.store.published_figures import load_publications_mark
from digest.store.snapshots import SnapshotStore, StoreError

log = logging.getLogger(__name__)

REFUSAL = (
    "Sorry, missing-report does not answer here. It answers only in the channels, and for the people, "
    "that your performance team has set up; ask them if you need access."
)
FAILURE = "Sorry, something went wrong looking that up; it has been logged. Please try again in a minute."
COMMENT_FAILURE = "Sorry, the comment could not be saved; it has been logged. Please try again in a minute."
# The audit's question and outcomes for comments: the comment's text is never audited (it is free text).
COMMENT_QUESTION = "comment"
COMMENT_FORM, COMMENT_SAVED, COMMENT_REFUSED = "comment form", "comment saved", "comment not saved"
AnswerMarks = tuple[tuple[int, int], tuple[int, int]]  # comments' and publications' marks, as the store gives them
READINGS_KEPT = 4096  # questions whose readings are kept in memory, the least recently asked dropped first
ANSWERS_KEPT = 2048  # answers from the latest snapshot kept in memory (a few kilobytes each)
MAX_REFUSED_AUDITS_PER_MINUTE = 60  # refused requests audited one by one; beyond this, counted in one row
# User and channel ids as the platforms write them (Slack's U0123ABC, Teams' 29:1a-b..., 19:...@thread.tacv2,
# Entra object ids); anything else a refused request claims is not kept.
PLATFORM_ID = re.compile(r"[A-Za-z0-9:@._-]{1,160}")


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
    platform: str = SLACK
    suppress: bool = False  # disclosure control on every answer (digest.reporting.disclosure)
    _local: threading.local = field(default_factory=threading.local)
    _refused: RefusedTally = field(default_factory=lambda: RefusedTally(MAX_REFUSED_AUDITS_PER_MINUTE))
    _reader: Reader | None = None
    _readings: Recall[str, Question | NotUnderstood | Clarification] = field(
        default_factory=lambda: Recall(READINGS_KEPT)
    )
    _answers: Recall[tuple[AnswerMarks | None, Question], Answer] = field(default_factory=lambda: Recall(ANSWERS_KEPT))
    _audit: AuditWriter | None = None
    _audit_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def reader(self) -> Reader:
        """The question reader for this config, generated once (tens of milliseconds) on first use."""
        if self._reader is None:
            self._reader = Reader(self.config)
        return self._reader

    def read(self, text: str) -> Question | NotUnderstood | Clarification:
        """How text reads; the same words always read the same way, so each reading is kept (digest.recall). A period
        named by what happened in it ("in the busiest month") is first named as its month from the latest snapshot."""
        if says_month_left_out(text):  # "YTD excluding July": the month under way at the latest snapshot's as-at time
            under_way = self._month_under_way()
            if leaves_out_complete_month(text, under_way):
                return NotUnderstood(LEFT_OUT_MONTH, self.reader.suggest(text))
            text = drop_month_under_way(text, under_way)
        text = self._name_relative_months(self._name_position_months(self._name_event_months(text)))
        return self._readings.recall(text, lambda: self.reader.read(text))

    def _latest_month(self) -> tuple[int, bool] | None:
        """The month index the latest snapshot's as-at time falls in and whether that month is still under way (None
        when there is no snapshot yet)."""
        try:
            as_at = self.store().get_snapshot().as_at
        except StoreError:
            return None
        month = month_of(as_at)
        return month, is_partial(month, as_at)

    def _month_under_way(self) -> int | None:
        """The month of the year the latest snapshot's as-at time falls in, if that month is not over (None when every
        month with data is complete, or there is no snapshot yet). Words leaving it out are dropped, as periods end at
        the latest complete month unless it is named; words leaving out another month are refused."""
        latest = self._latest_month()
        return latest[0] % 12 + 1 if latest is not None and latest[1] else None

    def _name_position_months(self, text: str) -> str:
        """The text with a period named by its place in a longer one ("the last month of Q1", "the quarter's final
        month") named as its months, from the latest snapshot's as-at time (unchanged where it names none, or there is
        no snapshot yet)."""
        latest = self._latest_month() if names_position(text) else None
        return text if latest is None else name_position_months(text, *latest)

    def _name_relative_months(self, text: str) -> str:
        """The text with months named relative to another ("the month before June", "the quarter ending June") named
        as their months, a month without its year its latest at the latest snapshot's as-at time (unchanged where it
        names none, or there is no snapshot yet)."""
        latest = self._latest_month() if names_relation(text) else None
        return text if latest is None else name_relative_months(text, latest[0])

    def _name_event_months(self, text: str) -> str:
        """The text with "the busiest month", "the CSE spike", "when girls overtook boys" or "the first month we have
        data for" named as the month the latest snapshot's figures make it (unchanged where it names none, or there is
        no snapshot yet)."""
        if not names_event(text):
            return text
        try:
            figures = Figures(self.store(), self.config, self.store().get_snapshot(), suppress=False)
        except StoreError:
            return text
        first, last = figures.data_months
        whole = [m for m in range(first, last + 1) if not figures.is_so_far(m)]

        def count(key: str, month: int) -> int | None:
            cell = figures.cell((key,), month, month)
            return cell.count if cell is not None else None

        return name_event_months(text, whole, count)

    def store(self) -> SnapshotStore:
        store: SnapshotStore | None = getattr(self._local, "store", None)
        if store is None:
            store = self.open_store()
            self._local.store = store
        return store

    def audit(self) -> AuditWriter:
        """The one writer of this service's audit rows (digest.store.lookups: many lookups share a commit)."""
        with self._audit_lock:
            if self._audit is None:
                self._audit = AuditWriter(self.store().path)
            return self._audit

    def ask(self, user_id: str, channel_id: str, text: str) -> Answer:
        started = time.perf_counter()
        reading = ""
        if not self.access.allows(user_id, channel_id):
            answer = Answer(REFUSED, REFUSAL)
        else:
            try:
                if read_comment_request(text) is not None:  # chat opens a form before asking; here, say where
                    answer, reading = comment_help_answer(), COMMENT_QUESTION
                else:
                    question = self.read(text)
                    reading = describe_reading(question)
                    if isinstance(question, NotUnderstood):
                        answer = not_understood_answer(question)
                    elif isinstance(question, Clarification):
                        answer = self._no_data_either_way(question) or clarification_answer(question, text)
                    else:
                        answer = self._answer(question)
            except StoreError as error:
                answer = Answer(ERROR, f"Sorry, there is nothing to look up yet: {error}.")
            except Exception:
                log.exception("lookup failed")  # the question itself is not logged: it is in the audit table
                answer = Answer(ERROR, FAILURE)
        milliseconds = round((time.perf_counter() - started) * 1000)
        lookup = Lookup(
            now_text(),
            user_id,
            channel_id,
            mask_question(text, self.reader),
            answer.outcome,
            answer.snapshot_id,
            milliseconds,
            reading,
            self.platform,
        )
        self._save(lookup)
        return answer

    def _no_data_either_way(self, clarification: Clarification) -> Answer | None:
        """The one answer every choice would give when none of them has data for the period asked ("CSE in March
        2019": episodes or children, there is no data for March 2019 either way): asking back would only delay it."""
        answers = []
        for _, choice in clarification.choices:
            question = self.read(choice)
            if not isinstance(question, Question):
                return None
            answers.append(self._answer(question))
        if answers and all(a.outcome == NO_DATA and a.title == answers[0].title for a in answers):
            return answers[0]
        return None

    def start_comment(self, user_id: str, channel_id: str, month_text: str) -> CommentReply:
        """Before a comment form is shown: may this person comment here, and on which month (with its comments)."""
        return self._comment(user_id, channel_id, month_text, COMMENT_FORM, self._open_comment_form)

    def save_comment(self, author: Author, channel_id: str, month_text: str, section: str, text: str) -> CommentReply:
        """Save a comment sent from chat as the current one of its section and month, if the author may comment."""

        def save(month: int) -> CommentReply:
            saved = save_section_comment(self.store(), month, read_section(section), text, author)
            return CommentReply(True, describe_saved(saved, month), month, load_section_comments(self.store(), month))

        return self._comment(author.id, channel_id, month_text, COMMENT_SAVED, save, section)

    def _open_comment_form(self, month: int) -> CommentReply:
        return CommentReply(True, "", month, load_section_comments(self.store(), month))

    def _comment(
        self,
        user_id: str,
        channel_id: str,
        month_text: str,
        outcome: str,
        act: Callable[[int], CommentReply],
        section: str = "",
    ) -> CommentReply:
        """Access, the month, then act on it; audited with the month and section, never the comment's text."""
        started = time.perf_counter()
        reading = ""
        if not self.access.allows(user_id, channel_id):
            reply, outcome = CommentReply(False, REFUSAL), REFUSED
        else:
            try:
                month = resolve_comment_month(self.store(), month_text)
                # The section as chosen, if it is one: a crafted request could put free text there.
                named = section if section in SECTION_BY_NUMBER else "not a section"
                reading = month_key(month) + (f", section {named}" if section else "")
                reply = act(month)
            except CommentError as error:
                said = "Not saved: " + str(error) if outcome == COMMENT_SAVED else str(error)
                reply, outcome = CommentReply(False, said[0].upper() + said[1:] + "."), COMMENT_REFUSED
            except StoreError as error:
                reply, outcome = CommentReply(False, f"Sorry, there is nothing to comment on yet: {error}."), ERROR
            except Exception:
                log.exception("a comment request failed")
                reply, outcome = CommentReply(False, COMMENT_FAILURE), ERROR
        milliseconds = round((time.perf_counter() - started) * 1000)
        self._save(
            Lookup(
                now_text(), user_id, channel_id, COMMENT_QUESTION, outcome, None, milliseconds, reading, self.platform
            )
        )
        return reply

    def _answer(self, question: Question) -> Answer:
        """From the latest snapshot, worked out once per snapshot and reading (digest.recall). The words
        asked are not part of the key: two phrasings read the same way share one answer, each given back
        with its own words."""
        store = self.store()
        snapshot = store.get_snapshot() if needs_snapshot(question) else None

        def work_out() -> Answer:
            return answer_question(store, self.config, question, self.reader, self.suppress, snapshot)

        # Comments (in `profile`) and publications (a figure's "revised from") change answers without a new
        # snapshot, so what they are now is part of the key too.
        marks = (load_comments_mark(store), load_publications_mark(store)) if snapshot is not None else None
        key = (marks, dataclasses.replace(question, text=""))
        answer = self._answers.recall(key, work_out, snapshot)
        return dataclasses.replace(answer, question=question.text) if answer.question else answer

    def record_refused_request(self, outcome: str, reason: str, user_id: str = "", channel_id: str = "") -> None:
        """Audit a request refused before it was read (forged, stale, replayed, oversized): metadata only.

        The ids are as sent, unverified, and kept only if they look like a platform's; no text is kept. At most
        MAX_REFUSED_AUDITS_PER_MINUTE rows a minute: a flood is counted in one row, not stored request by request.
        """
        now = time.monotonic()
        passed, dropped = self._refused.admit(now)
        if dropped:
            summary = f"{dropped} more refused, not recorded one by one"
            self._save(Lookup(now_text(), "", "", "", outcome, None, 0, summary, self.platform))
        if passed:
            user = user_id if PLATFORM_ID.fullmatch(user_id) else ""
            channel = channel_id if PLATFORM_ID.fullmatch(channel_id) else ""
            self._save(Lookup(now_text(), user, channel, "", outcome, None, 0, reason, self.platform))

    def record_rejected(self, user_id: str, channel_id: str, reason: str) -> None:
        """A request that is not genuine (bad signature or token, another tenant, stale, replayed): metadata only."""
        self.record_refused_request(REJECTED, reason, user_id, channel_id)

    def _save(self, lookup: Lookup) -> None:
        try:
            self.audit().save(lookup)
        except Exception as err:  # the answer still goes back; the log says why its row is missing
            log.exception("a lookup could not be written to the audit: %s", err)


@dataclass
class RefusedTally:
    """How many refused requests have been audited in the current minute, and how many went uncounted."""

    per_minute: int
    _minute_started: float = -60.0
    _audited: int = 0
    _dropped: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def admit(self, now: float) -> tuple[bool, int]:
        """Whether this one is audited, and how many of the last minute's were dropped (reported once)."""
        with self._lock:
            dropped = 0
            if now - self._minute_started >= 60:
                dropped, self._dropped = self._dropped, 0
                self._minute_started, self._audited = now, 0
            if self._audited < self.per_minute:
                self._audited += 1
                return True, dropped
            self._dropped += 1
            return False, dropped
