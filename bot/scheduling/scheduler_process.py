"""The scheduler (the digest jobs and the drop folder) in a process of its own, beside the server that answers.

An ingest (a million rows through pandas and SQLite) and the digest build (figures and charts) take
seconds of CPU, much of it holding Python's interpreter lock; in the server's own process every answer
queued behind them (a lookup took 1.15 s while both ran there, 0.46 s with them in another process, on the
2-core machine: bench/crowd.py). So `serve` forks this process before it starts any thread: the jobs are
the very objects `serve` built, and there is still exactly one scheduler, so a digest or an alert goes
once. It stops when told (SIGTERM), on Ctrl-C, or as soon as the server's process is gone.

Where fork is not available (Windows), the scheduler runs in a thread of the server's process instead.

One scheduler per store, however many `serve`s are started for it (on other ports, by mistake or to answer
on more machines' worth of ports): the scheduler holds a lock on a file beside the store
(missing-report-scheduler.lock) for as long as it runs, and a `serve` that finds it held runs no jobs.
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler

from digest.contract.privacy import make_private_file
from digest.store.snapshots import StoreError

SIGNAL_CHECK_SECONDS = 1.0  # how often the scheduler process looks up from waiting, to act on SIGTERM or Ctrl-C
STOP_SECONDS = 10  # how long a scheduler process is given to stop before it is killed
GO = b"g"  # written down the pipe: the jobs may run
LOCK_POLL_SECONDS = 0.1  # how often a serve looks whether a gone serve's scheduler has let go of the lock

AddJobs = Callable[[BaseScheduler], None]


def is_running(pid: str) -> bool:
    """Whether the process with this id (as text) is still there; True where that cannot be told."""
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a number no process has): assume the lock is rightly held
    return True


def schedule_lock_path(store_path: Path) -> Path:
    """The scheduler's lock, beside the store (missing-report-scheduler.lock)."""
    return store_path.with_name(f"{store_path.stem}-scheduler.lock")


class ScheduleLock:
    """The lock one scheduler per store holds: take() it, and it is held until its holder ends (or release()).

    The holder's process id is written in the file, for the message of the serve that finds it held.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def take(self) -> bool:
        """Whether the lock is now this process's; False if another process holds it.

        Raises:
            StoreError: the file cannot be made or opened (a read-only folder).
        """
        try:
            make_private_file(self.path)
            fd = os.open(self.path, os.O_RDWR)
        except OSError as err:
            raise StoreError(f"the scheduler's lock {self.path} cannot be made: {err.strerror}") from None
        deadline = time.monotonic() + STOP_SECONDS + 1
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                # Held by the scheduler of a serve that is gone (killed, or restarted at once): it stops within
                # STOP_SECONDS, and then the lock is this one's. Held by a running serve: it stays there.
                if is_running(self.holder()) or time.monotonic() > deadline:
                    os.close(fd)
                    return False
                time.sleep(LOCK_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self.fd = fd
        return True

    def holder(self) -> str:
        """The process id written by the holder, as text ("" if it cannot be read)."""
        try:
            return self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def release(self) -> None:
        """Let go of this process's copy (a forked scheduler keeps the lock while it runs)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


class SchedulerProcess:
    """The scheduler in a process of its own (or a thread where there is no fork): start() it before anything
    starts a thread, as a forked process keeps only the thread that forked; begin() lets the jobs run, once
    the server has said what it serves.

    The two are joined by a pipe: the server writes GO down it to begin, and closes it to stop; a server
    that is killed closes it too (the system closes a dead process's files), so its scheduler stops with it.
    """

    def __init__(self, timezone: str, add_jobs: AddJobs, lock: ScheduleLock | None = None) -> None:
        self.timezone = timezone
        self.add_jobs = add_jobs
        self.lock = lock
        self.elsewhere = ""  # the process id of the serve that runs this store's schedule, when not this one
        self.process: multiprocessing.process.BaseProcess | None = None
        self.pipe: int | None = None  # the server's end
        self.in_thread: BackgroundScheduler | None = None

    def start(self) -> None:
        """Take the store's schedule lock (if it is held elsewhere, no job runs here: see .elsewhere), and fork."""
        if self.lock is not None and not self.lock.take():
            self.elsewhere = self.lock.holder() or "another"
            return
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
        if self.lock is not None:
            self.lock.release()  # the scheduler process holds it now: the answering copies forked later must not
        # A process forked later (serve's answering copies) must not hold the server's end open: the scheduler
        # stops when that end closes, which is how it notices the server is gone.
        os.register_at_fork(after_in_child=self._let_go_of_pipe)

    def _let_go_of_pipe(self) -> None:
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None

    def begin(self) -> None:
        if self.elsewhere:
            return
        if self.pipe is not None:
            os.write(self.pipe, GO)
        else:
            self.in_thread = BackgroundScheduler(timezone=self.timezone)
            self.add_jobs(self.in_thread)
            self.in_thread.start()

    def stop(self) -> None:
        if self.in_thread is not None:
            self.in_thread.shutdown(wait=False)
        if self.lock is not None:
            self.lock.release()
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.process is not None:
            self.process.join(STOP_SECONDS)
            if self.process.is_alive():
                self.process.kill()  # a job that would not end (an ingest is one transaction: nothing half-kept)
                self.process.join()


def describe_schedule_elsewhere(holder: str) -> str:
    """What a serve that finds the store's schedule lock held says, in place of what it would schedule."""
    return (
        f"Not posting digests or watching the drop folder: another missing-report serve (process {holder}) does "
        "that for this store, and one is enough. This one answers questions only."
    )


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
