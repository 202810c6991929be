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

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler

SIGNAL_CHECK_SECONDS = 1.0  # how often the scheduler process looks up from waiting, to act on SIGTERM or Ctrl-C
STOP_SECONDS = 10  # how long a scheduler process is given to stop before it is killed
GO = b"g"  # written down the pipe: the jobs may run

AddJobs = Callable[[BaseScheduler], None]


class SchedulerProcess:
    """The scheduler in a process of its own (or a thread where there is no fork): start() it before anything
    starts a thread, as a forked process keeps only the thread that forked; begin() lets the jobs run, once
    the server has said what it serves.

    The two are joined by a pipe: the server writes GO down it to begin, and closes it to stop; a server
    that is killed closes it too (the system closes a dead process's files), so its scheduler stops with it.
    """

    def __init__(self, timezone: str, add_jobs: AddJobs) -> None:
        self.timezone = timezone
        self.add_jobs = add_jobs
        self.process: multiprocessing.process.BaseProcess | None = None
        self.pipe: int | None = None  # the server's end
        self.in_thread: BackgroundScheduler | None = None

    def start(self) -> None:
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        scheduler_end, self.pipe = os.pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=run_scheduler,
            args=(self.timezone, self.add_jobs, scheduler_end, self.pipe),
            name="missing-report scheduler",
        )
        self.process.start()
        os.close(scheduler_end)
        # A process forked later (serve's answering copies) must not hold the server's end open: the scheduler
        # stops when that end closes, which is how it notices the server is gone.
        os.register_at_fork(after_in_child=self._let_go_of_pipe)

    def _let_go_of_pipe(self) -> None:
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None

    def begin(self) -> None:
        if self.pipe is not None:
            os.write(self.pipe, GO)
        else:
            self.in_thread = BackgroundScheduler(timezone=self.timezone)
            self.add_jobs(self.in_thread)
            self.in_thread.start()

    def stop(self) -> None:
        if self.in_thread is not None:
            self.in_thread.shutdown(wait=False)
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.process is not None:
            self.process.join(STOP_SECONDS)
            if self.process.is_alive():
                self.process.kill()  # a job that would not end (an ingest is one transaction: nothing half-kept)
                self.process.join()


def run_scheduler(timezone: str, add_jobs: AddJobs, server_pipe: int, server_end: int) -> None:
    """The scheduler process: run the jobs from GO until the server's end of the pipe closes, SIGTERM or Ctrl-C."""
    os.close(server_end)  # the forked copy of the server's end: left open, the pipe would never close
    begun, stopping = threading.Event(), threading.Event()

    def stop(*_: object) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)  # Ctrl-C reaches the whole process group; the server says "Stopped."

    def listen() -> None:
        if os.read(server_pipe, 1) == GO:
            begun.set()
            os.read(server_pipe, 1)  # returns (empty) when the server closes its end: stopped, or killed
        stopping.set()

    threading.Thread(target=listen, name="server-pipe", daemon=True).start()
    while not begun.wait(SIGNAL_CHECK_SECONDS):
        if stopping.is_set():
            return
    scheduler = BackgroundScheduler(timezone=timezone)
    add_jobs(scheduler)
    scheduler.start()
    while not stopping.wait(SIGNAL_CHECK_SECONDS):
        pass
    # Removing the jobs first waits for a round of job processing under way: shut down in the middle of one,
    # APScheduler's own thread failed looking up a one-off job (JobLookupError).
    scheduler.remove_all_jobs()
    scheduler.shutdown(wait=False)
