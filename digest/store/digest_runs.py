"""The digest-run ledger: which month went to which channel, so that each is posted exactly once.

A run is claimed in an IMMEDIATE transaction, so two processes (or a job that fires twice) cannot
both claim the same month and channel. The claimed row then records each step as it happens: that
a message was about to be posted, its reference once posted, and each upload done. A run that fails
is marked failed and resumed later from what it recorded; a process that died mid-run leaves a
"working" row that is taken over once its owner is known to be gone (same host, no such process)
or its lease has run out. A run that may or may not have posted, where the channel cannot be asked
(a webhook gives no message id), is held "uncertain" for a person: it is not sent again unless forced.
Nothing here knows which chat tool is on the other end; a channel is any key ("C0123", "teams:digest").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from digest.figures.periods import Month
from digest.store.owners import owner_is_gone, this_owner
from digest.store.snapshots import SnapshotStore

LEASE_SECONDS = 600  # a working run whose owner has not been heard of for this long is taken over


class RunState(StrEnum):
    """A digest run's state in the ledger."""

    WORKING = "working"  # claimed by an owner, steps being recorded
    POSTED = "posted"
    FAILED = "failed"  # to be resumed from what it recorded
    UNCERTAIN = "uncertain"  # may have posted, cannot be checked: held for a person (--force sends again)


@dataclass(frozen=True)
class RunRecord:
    id: int
    month: Month
    channel: str
    snapshot_id: int | None
    state: RunState
    owner: str
    forced: bool
    attempts: int
    post_attempted_at: str | None
    message_ref: str | None
    uploads_done: list[str]
    started_at: str
    heartbeat_at: str
    finished_at: str | None
    error: str | None
    permanent_error: bool


@dataclass(frozen=True)
class Skipped:
    """No run was claimed; reason says why in words a person reads."""

    reason: str
    record: RunRecord | None


@dataclass
class ClaimedRun:
    """A run this process owns: the ledger row, updated as each step is done."""

    ledger: DigestLedger
    record: RunRecord
    uploads_done: set[str] = field(default_factory=set)

    @property
    def run_key(self) -> str:
        return f"run-{self.record.id}"

    @property
    def message_ref(self) -> str | None:
        return self._current().message_ref

    @property
    def post_attempted(self) -> bool:
        return self._current().post_attempted_at is not None

    def record_post_attempt(self) -> None:
        self.ledger._update(self, post_attempted_at=_now())

    def clear_post_attempt(self) -> None:
        self.ledger._update(self, post_attempted_at=None)

    def record_message(self, ref: str) -> None:
        self.ledger._update(self, message_ref=ref)

    def record_snapshot(self, snapshot_id: int) -> None:
        self.ledger._update(self, snapshot_id=snapshot_id)

    def record_upload(self, name: str) -> None:
        self.uploads_done.add(name)
        self.ledger._update(self, uploads_done=json.dumps(sorted(self.uploads_done)))

    def _current(self) -> RunRecord:
        return self.ledger.get(self.record.id)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class DigestLedger:
    """The digest_runs table of a snapshot store."""

    def __init__(self, store: SnapshotStore) -> None:
        self.db = store.db
        self.owner = this_owner()

    def claim(self, month: Month, channel: str, snapshot_id: int | None, force: bool = False) -> ClaimedRun | Skipped:
        """Take the month's run for a channel, unless it is posted (and not forced) or another owner is on it."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            latest = self.latest(month, channel)
            if latest is not None and latest.state == RunState.WORKING and self._owner_alive(latest):
                conn.execute("ROLLBACK")
                return Skipped(f"another run ({latest.owner}) has been working on it since {latest.started_at}", latest)
            if latest is not None and latest.state == RunState.POSTED and not force:
                conn.execute("ROLLBACK")
                return Skipped(f"already posted at {latest.finished_at} (use --force to send it again)", latest)
            if latest is not None and latest.state == RunState.UNCERTAIN and not force:
                conn.execute("ROLLBACK")
                return Skipped(
                    f"held since {latest.finished_at}: it may have been posted, check the channel "
                    "(use --force to send it again)",
                    latest,
                )
            now = _now()
            if latest is None or latest.state in (RunState.POSTED, RunState.UNCERTAIN):
                cursor = conn.execute(
                    "INSERT INTO digest_runs (month, channel, snapshot_id, state, owner, forced, started_at, "
                    "heartbeat_at) VALUES (?,?,?,?,?,?,?,?)",
                    [month.key, channel, snapshot_id, RunState.WORKING, self.owner, int(force), now, now],
                )
                run_id = int(cursor.lastrowid or 0)
            else:  # failed, or working for an owner that is gone: resume it from what it recorded
                run_id = latest.id
                conn.execute(
                    "UPDATE digest_runs SET state = ?, owner = ?, attempts = attempts + 1, heartbeat_at = ?, "
                    "error = NULL, permanent_error = 0 WHERE id = ?",
                    [RunState.WORKING, self.owner, now, run_id],
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        record = self.get(run_id)
        return ClaimedRun(self, record, set(record.uploads_done))

    def finish(self, run: ClaimedRun) -> None:
        self._update(run, state=RunState.POSTED, finished_at=_now())

    def fail(self, run: ClaimedRun, error: str, permanent: bool) -> None:
        self._update(run, state=RunState.FAILED, finished_at=_now(), error=error, permanent_error=int(permanent))

    def hold(self, run: ClaimedRun, error: str) -> None:
        """The run may have posted and that cannot be checked: keep it from being sent again until forced."""
        self._update(run, state=RunState.UNCERTAIN, finished_at=_now(), error=error, permanent_error=1)

    def latest(self, month: Month, channel: str) -> RunRecord | None:
        rows = self._select("WHERE month = ? AND channel = ? ORDER BY id DESC LIMIT 1", [month.key, channel])
        return rows[0] if rows else None

    def get(self, run_id: int) -> RunRecord:
        return self._select("WHERE id = ?", [run_id])[0]

    def list_runs(self) -> list[RunRecord]:
        return self._select("ORDER BY id", [])

    def _owner_alive(self, record: RunRecord) -> bool:
        heartbeat = dt.datetime.fromisoformat(record.heartbeat_at)
        if (dt.datetime.now(dt.UTC) - heartbeat).total_seconds() > LEASE_SECONDS:
            return False
        return not owner_is_gone(record.owner)  # another machine's owner: trust the lease

    def _update(self, run: ClaimedRun, **values: Any) -> None:
        """Update the run's row, only while this process still owns it; commits at once."""
        values["heartbeat_at"] = _now()
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE digest_runs SET {assignments} WHERE id = ? AND owner = ?",
                [*values.values(), run.record.id, self.owner],
            )
        if cursor.rowcount != 1:
            raise LostClaimError(f"digest run {run.record.id} was taken over by another process")

    def _select(self, where: str, params: list[Any]) -> list[RunRecord]:
        cursor = self.db.execute(f"SELECT * FROM digest_runs {where}", params)
        names = [d[0] for d in cursor.description]
        records = []
        for row in cursor.fetchall():
            data = dict(zip(names, row, strict=True))
            data["forced"] = bool(data["forced"])
            data["permanent_error"] = bool(data["permanent_error"])
            data["uploads_done"] = json.loads(data["uploads_done"])
            data["state"] = RunState(data["state"])
            data["month"] = Month.parse(data["month"])
            records.append(RunRecord(**data))
        return records


class LostClaimError(Exception):
    """This process no longer owns the run (it was slow enough for another to take it over)."""
