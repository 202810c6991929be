"""More processes answering on the HTTP server's one listening socket, so a crowd of questions uses every core.

One Python process answers on one core at a time (its interpreter lock): about a millisecond of CPU a
Slack question, so 200 asked at once took a fifth of a second or more to clear on one core of the 2-core
machine (bench/crowd.py). `serve` forks copies of itself once the web app is built and the socket bound,
before any thread starts (a fork keeps only the thread that made it); each listens on the same port with
a socket of its own (SO_REUSEPORT), and the system hands each connection to one of them. Each copy keeps
its own answers and its own audit writer (the audit file takes writers in turn); the replay memory is
shared (digest.store.recent_keys).

The copies are forked by a keeper: one process forked with them, before any thread, which does nothing but
fork them and fork another in place of one that dies (after a back-off that grows while they keep dying
young), saying so in the log. Forking from the first process once it answers would copy its threads'
half-held locks and its open connections into the new copy; the keeper has neither.
Everything ends when told (SIGTERM), on Ctrl-C, or as soon as the first process is gone: the keeper and
the copies watch a pipe only it writes to, which the system closes when it dies.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from dataclasses import dataclass
from typing import cast

from bot.server import HttpServer

log = logging.getLogger(__name__)

STOP_SECONDS = 10  # how long a copy is given to finish the answers it has begun before it is killed
WATCH_SECONDS = 1.0  # how often the keeper looks up from waiting, to act on SIGTERM
FIRST_RESTART_SECONDS = 1.0  # the wait before a dead copy's replacement starts, doubled while they die young
MAX_RESTART_SECONDS = 60.0
STEADY_SECONDS = 60.0  # a copy that answered this long did not die of how it started: the back-off starts again


class AnsweringProcesses:
    """copies more processes serving server, besides this one (nothing to do for 0, or where there is no fork)."""

    def __init__(self, server: HttpServer, copies: int) -> None:
        self.server = server
        self.copies = copies if "fork" in multiprocessing.get_all_start_methods() else 0
        self.keeper: multiprocessing.process.BaseProcess | None = None
        self.pipe: int | None = None  # the write end: only this process holds it
        self._keeper_reported = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Fork the keeper, which forks the copies (call it before this process starts any thread)."""
        if not self.copies:
            return
        watched, self.pipe = os.pipe()
        self.keeper = multiprocessing.get_context("fork").Process(
            target=keep_answering, args=(self.server, self.copies, watched, self.pipe), name="missing-report keeper"
        )
        self.keeper.start()
        os.close(watched)
        threading.Thread(target=self._watch_keeper, name="keeper-watch", daemon=True).start()

    def _watch_keeper(self) -> None:
        """Say so if the keeper dies before it is told to stop: its copies answer on, but none is replaced."""
        keeper = self.keeper
        if keeper is not None:
            multiprocessing.connection.wait([keeper.sentinel])
            self._report_keeper_end(keeper)

    def _report_keeper_end(self, keeper: multiprocessing.process.BaseProcess) -> None:
        keeper.join(STOP_SECONDS)  # its sentinel is ready a moment before its exit code can be collected
        with self._lock:
            if self.pipe is None or self._keeper_reported:  # stopping: it was told to end
                return
            self._keeper_reported = True
        log.error(
            "The keeper of the answering processes ended (exit code %s): one that dies now is not replaced. "
            "Restart serve to have them kept again",
            keeper.exitcode,
        )

    def stop(self) -> None:
        if self.keeper is not None and self.keeper.exitcode is not None:
            self._report_keeper_end(self.keeper)  # one that ended just now, before its watch could say so
        with self._lock:
            pipe, self.pipe = self.pipe, None
        if pipe is not None:
            os.close(pipe)  # the keeper and each copy see the end of the pipe and stop
        if self.keeper is not None:
            self.keeper.join(STOP_SECONDS + WATCH_SECONDS * 2)  # it waits for its copies, killing stragglers
            if self.keeper.is_alive():
                self.keeper.kill()
                self.keeper.join()
            self.keeper = None


@dataclass
class Copy:
    process: multiprocessing.process.BaseProcess
    started: float  # time.monotonic()


def keep_answering(server: HttpServer, copies: int, watched: int, first_end: int) -> None:
    """The keeper: fork the copies and keep that many answering until the first process closes the pipe (it
    stopped, or died) or SIGTERM comes."""
    os.close(first_end)
    server.socket.close()  # the first process's listening socket: each copy listens on one of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process: the first one stops the rest
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
    context = multiprocessing.get_context("fork")

    def fork_copy() -> Copy:
        process = context.Process(target=answer_until_told, args=(server, watched), name="missing-report answering")
        process.start()
        return Copy(process, time.monotonic())

    running = {copy.process.sentinel: copy for copy in (fork_copy() for _ in range(copies))}
    due: list[float] = []  # when each replacement starts
    delay = FIRST_RESTART_SECONDS
    while not stopping.is_set():
        now = time.monotonic()
        while due and due[0] <= now:
            due.pop(0)
            copy = fork_copy()
            running[copy.process.sentinel] = copy
            log.warning(
                "Started an answering process in place of the one that ended; %d of %d processes are answering.",
                1 + len(running),
                1 + copies,
            )
        timeout = min([WATCH_SECONDS, *(when - now for when in due)])
        ready = multiprocessing.connection.wait([watched, *running], timeout=max(0.0, timeout))
        if watched in ready:
            break  # the first process closed the pipe: stopped, or gone
        for sentinel in ready:
            ended = running.pop(cast(int, sentinel))  # the ints given: process sentinels
            ended.process.join()
            if ended.process.exitcode == 0:
                continue  # told to stop (Ctrl-C or SIGTERM reaches it before the first process closes the pipe)
            delay = FIRST_RESTART_SECONDS if time.monotonic() - ended.started > STEADY_SECONDS else delay
            due.append(time.monotonic() + delay)
            log.error(
                "An answering process ended (exit code %s); %d of %d processes are answering, and another starts "
                "in %g s.",
                ended.process.exitcode,
                1 + len(running),
                1 + copies,
                delay,
            )
            delay = min(delay * 2, MAX_RESTART_SECONDS)
    for copy in running.values():  # they saw the pipe's end too; or the keeper alone was told to stop
        if stopping.is_set():
            copy.process.terminate()
    for copy in running.values():
        copy.process.join(STOP_SECONDS)
        if copy.process.is_alive():
            copy.process.kill()
            copy.process.join()


def answer_until_told(server: HttpServer, watched: int) -> None:
    """A copy: serve until SIGTERM or Ctrl-C (uvicorn's own handling), or until the first process is gone."""
    signal.signal(signal.SIGINT, signal.default_int_handler)  # not the keeper's: ignored, or its own stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        os.read(watched, 1)  # returns at the pipe's end: the first process closed it, or died
        server.close()

    threading.Thread(target=watch, name="first-process-watch", daemon=True).start()
    server.listen_again()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches every process: the first one says "Stopped."
        server.run()
