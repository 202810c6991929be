"""`GET /healthz` on `serve`: what a monitor polls. A small JSON, 200 when all is well and 503 when something a
person should be paged for is wrong: the scheduler has stopped, the store cannot be read, or the drop folder
cannot be reached. That the latest snapshot does not cover the next digest's month is shown but is not a 503:
it is the analysts' to mend (the alerts channel is told, bot.scheduling.data_waits), not the machine's.

No figures and no ids: the as-at time of the latest snapshot, a month, and yes/no answers.

The scheduler runs in a process of its own (bot.scheduling.scheduler_process), and a request may be answered by
any of serve's answering processes; so the scheduler says it is alive by touching a file beside the store every
minute (a heartbeat job), and the check reads how long ago that was.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apscheduler.schedulers.base import BaseScheduler

from bot.chat import Routes, Serving
from bot.scheduling.digests import add_repeating_job, digest_trigger, reported_month
from bot.settings import Schedule
from bot.web import WebApp
from digest.alerts.data_waits import load_latest_snapshot
from digest.store.snapshots import SnapshotStore, StoreError, covers_month

HEALTH_PATH = "/healthz"
HEARTBEAT_JOB = "heartbeat"
HEARTBEAT_EVERY_MINUTES = 1
STALE_HEARTBEAT_SECONDS = 180  # three missed beats: the scheduler has stopped (or is stuck)


def heartbeat_path(store_path: Path) -> Path:
    """The scheduler's heartbeat file, beside the store (which serve's service may write)."""
    return store_path.with_name(f"{store_path.name}.scheduler-heartbeat")


def add_heartbeat_job(scheduler: BaseScheduler, store_path: Path) -> None:
    beat = heartbeat_path(store_path)
    add_repeating_job(scheduler, beat.touch, HEARTBEAT_JOB, HEARTBEAT_EVERY_MINUTES)


@dataclass(frozen=True)
class Health:
    scheduler_alive: bool
    heartbeat_seconds_ago: int | None  # None: it has not beaten yet
    store_readable: bool
    latest_as_at: dt.datetime | None
    next_digest_month: str
    covers_next_digest: bool
    inbox_reachable: bool

    @property
    def ok(self) -> bool:
        """Nothing to page for."""
        return self.scheduler_alive and self.store_readable and self.inbox_reachable

    def to_json(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.ok else "failing",
            "scheduler": {"alive": self.scheduler_alive, "heartbeat_seconds_ago": self.heartbeat_seconds_ago},
            "store": {
                "readable": self.store_readable,
                "latest_snapshot_as_at": self.latest_as_at.isoformat() if self.latest_as_at else None,
            },
            "next_digest": {"month": self.next_digest_month, "covered_by_data": self.covers_next_digest},
            "inbox": {"reachable": self.inbox_reachable},
        }


@dataclass
class HealthCheck:
    """What /healthz looks at, given; each call looks again."""

    open_store: Callable[[], SnapshotStore]
    store_path: Path
    schedule: Schedule
    inbox: Path
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)

    def __call__(self) -> Health:
        beat_age = self._heartbeat_age()
        month = reported_month(digest_trigger(self.schedule).get_next_fire_time(None, self.clock()))
        readable, snapshot = self.store_path.exists(), None  # opening a missing store would make an empty one
        try:
            if readable:
                store = self.open_store()
                try:
                    snapshot = load_latest_snapshot(store)
                finally:
                    store.close()
        except (StoreError, OSError):
            readable = False
        return Health(
            scheduler_alive=beat_age is not None and beat_age <= STALE_HEARTBEAT_SECONDS,
            heartbeat_seconds_ago=beat_age,
            store_readable=readable,
            latest_as_at=snapshot.as_at if snapshot else None,
            next_digest_month=month.key,
            covers_next_digest=snapshot is not None and covers_month(snapshot, month.index),
            inbox_reachable=self.inbox.is_dir() and os.access(self.inbox, os.R_OK | os.W_OK | os.X_OK),
        )

    def _heartbeat_age(self) -> int | None:
        try:
            return max(0, round(time.time() - heartbeat_path(self.store_path).stat().st_mtime))
        except OSError:
            return None


def add_health(web: WebApp, routes: Routes, serving: Serving) -> None:
    """GET /healthz on serve's web app, and serve's line saying so."""
    settings = serving.settings
    check = HealthCheck(serving.open_store, serving.store_path, settings.schedule, settings.inbox.inbox.folder)
    add_health_route(web, check)
    routes.paths.append(HEALTH_PATH)
    routes.lines.append(lambda base: f"Health for a monitor at {base}{HEALTH_PATH}.")


def add_health_route(web: WebApp, check: Callable[[], Health]) -> None:
    from fastapi.responses import JSONResponse

    @web.get(HEALTH_PATH)
    def healthz() -> JSONResponse:  # a plain def: FastAPI runs it in a worker thread, off the event loop
        health = check()
        return JSONResponse(
            health.to_json(), status_code=200 if health.ok else 503, headers={"cache-control": "no-store"}
        )
