"""The scheduler (the digest jobs and the drop folder) in a process of its own, beside the server that answers.

An ingest (a million rows through pandas and SQLite) and the digest build (figures and charts) take
seconds of CPU, much of it holding Python's interpreter lock; in the server's own process every answer
queued behind them (a lookup took 1.15 s while both ran there, 0.46 s with them in another process, on the
2-core machine: bench/crowd.py). So `serve` forks this process before it starts any thread: the jobs are
the very objects `serve` built, and there is still exactly one scheduler, so a digest or an alert goes
once. It stops when told (SIGTERM), on Ctrl-C, or as soon as the server's process is gone.

Where fork is not available (Windows), the scheduler runs in a thread of the server's process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler

PARENT_CHECK_SECONDS = 1.0  # how often the scheduler process checks that the server's process is still there
STOP_SECONDS = 10  # how long a scheduler process is given to stop before it is killed

AddJobs = Callable[[BaseScheduler], None]


class SchedulerProcess:
    """The scheduler in a process of its own (or a thread where there is no fork): start() it before anything
    starts a thread, as a forked process keeps only the thread that forked; begin() lets the jobs run, once
    the server has said what it serves."""

    def __init__(self, timezone: str, add_jobs: AddJobs) -> None:
        self.timezone = timezone
        self.add_jobs = add_jobs
        self.process: multiprocessing.process.BaseProcess | None = None
        self.in_thread: BackgroundScheduler | None = None
        self.go: Any = None  # a multiprocessing Event: the jobs may run

    def start(self) -> None:
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self.go = context.Event()
        self.process = context.Process(
            target=run_scheduler,
            args=(self.timezone, self.add_jobs, os.getpid(), self.go),
            name="missing-report scheduler",
        )
        self.process.start()

    def begin(self) -> None:
        if self.process is not None:
            self.go.set()
        else:
            self.in_thread = BackgroundScheduler(timezone=self.timezone)
            self.add_jobs(self.in_thread)
            self.in_thread.start()

    def stop(self) -> None:
        if self.in_thread is not None:
            self.in_thread.shutdown(wait=False)
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(STOP_SECONDS)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


def run_scheduler(timezone: str, add_jobs: AddJobs, server_pid: int, go: Any) -> None:
    """The scheduler process: run the jobs from go until SIGTERM, Ctrl-C, or the server's process is gone."""
    stopping = threading.Event()

    def stop(*_: object) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)  # Ctrl-C reaches the whole process group; the server says "Stopped."

    def server_gone() -> bool:
        return os.getppid() != server_pid  # a scheduler of its own must not go on posting digests

    while not go.wait(PARENT_CHECK_SECONDS):
        if stopping.is_set() or server_gone():
            return
    scheduler = BackgroundScheduler(timezone=timezone)
    add_jobs(scheduler)
    scheduler.start()
    while not stopping.wait(PARENT_CHECK_SECONDS):
        if server_gone():
            break
    scheduler.shutdown(wait=False)
