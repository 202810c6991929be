"""More processes answering on the HTTP server's one listening socket, so a crowd of questions uses every core.

One Python process answers on one core at a time (its interpreter lock): about a millisecond of CPU a
Slack question, so 200 asked at once took a fifth of a second or more to clear on one core of the 2-core
machine (bench/crowd.py). `serve` forks copies of itself once the web app is built and the socket bound,
before any thread starts (a fork keeps only the thread that made it); each listens on the same port with
a socket of its own (SO_REUSEPORT), and the system hands each connection to one of them. Each copy keeps
its own answers and its own audit writer (the audit file takes writers in turn); the replay memory is
shared (digest.store.recent_keys).
The copies end when told (SIGTERM), on Ctrl-C, or as soon as the first process is gone: they watch a pipe
only it writes to, which the system closes when it dies.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from typing import cast

from bot.server import HttpServer

log = logging.getLogger(__name__)

STOP_SECONDS = 10  # how long a copy is given to finish the answers it has begun before it is killed
WATCH_SECONDS = 1.0  # how often the watch of the copies looks up to see whether serve is stopping


class AnsweringProcesses:
    """copies more processes serving server, besides this one (nothing to do for 0, or where there is no fork)."""

    def __init__(self, server: HttpServer, copies: int) -> None:
        self.server = server
        self.copies = copies if "fork" in multiprocessing.get_all_start_methods() else 0
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.pipe: int | None = None  # the write end: only this process holds it
        self.stopping = False
        self._reported: set[int | None] = set()  # pids of the copies that ended unbidden, said once each
        self._lock = threading.Lock()

    def start(self) -> None:
        """Fork the copies (call it before this process starts any thread), then watch them."""
        if not self.copies:
            return
        watched, self.pipe = os.pipe()
        context = multiprocessing.get_context("fork")
        for _ in range(self.copies):
            process = context.Process(
                target=answer_until_told, args=(self.server, watched, self.pipe), name="missing-report answering"
            )
            process.start()
            self.processes.append(process)
        os.close(watched)
        threading.Thread(target=self._watch, name="answering-watch", daemon=True).start()

    def _watch(self) -> None:
        """Say so when a copy ends before it is told to: the others go on answering, one process fewer."""
        left = {process.sentinel: process for process in self.processes}
        while left and not self.stopping:
            for sentinel in multiprocessing.connection.wait(list(left), timeout=WATCH_SECONDS):
                self._report_ended(left.pop(cast(int, sentinel)))  # the ints given: process sentinels

    def _report_ended(self, process: multiprocessing.process.BaseProcess) -> None:
        process.join(STOP_SECONDS)  # its pipe closes a moment before its exit code can be collected
        with self._lock:
            if self.stopping or process.exitcode == 0 or process.pid in self._reported:
                return  # 0: it was told to stop (Ctrl-C reaches every process before this one's stop())
            self._reported.add(process.pid)
            log.error(
                "An answering process ended (exit code %s); %d of %d processes are answering. "
                "Restart serve to answer on all of them again",
                process.exitcode,
                1 + self.copies - len(self._reported),
                1 + self.copies,
            )

    def stop(self) -> None:
        for process in self.processes:  # one that ended just now, before its watch could say so
            if process.exitcode is not None:
                self._report_ended(process)
        with self._lock:
            self.stopping = True
        if self.pipe is not None:
            os.close(self.pipe)  # each copy sees the end of the pipe and stops
            self.pipe = None
        for process in self.processes:
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()
        self.processes = []


def answer_until_told(server: HttpServer, watched: int, first_end: int) -> None:
    """A copy: serve until SIGTERM or Ctrl-C (uvicorn's own handling), or until the first process is gone."""
    os.close(first_end)

    def watch() -> None:
        os.read(watched, 1)  # returns at the pipe's end: the first process closed it, or died
        server.close()

    threading.Thread(target=watch, name="first-process-watch", daemon=True).start()
    server.listen_again()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches every process: the first one says "Stopped."
        server.run()
