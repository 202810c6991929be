"""Crowd (issue 14): 200 signed /missing requests at once at the real app on loopback, several times,
then a steady stream of them while an ingest and the digest build run in the same moments.

The app is the one `serve` runs (the /slack/events route behind its RequestGuard and audit, on uvicorn)
in a process of its own, as serve's answering process; the ingest and the digest build run in processes
of their own, as serve's scheduler process runs them. The requests are signed as Slack signs them, each
with its own trigger_id; a crowd is signed first, then sent from one event loop over raw sockets (one
connection and one write per request), and the stream during the ingest from threads with urllib.
Everything is bounded: a fixed number of requests, each with a timeout, and the second phase stops when
the ingest ends or after MAX_STREAM_SECONDS. The load generator shares the machine's cores with the
server, so each figure is printed with the load average when it was taken. Not part of CI:

    .venv/bin/python bench/crowd.py [--episodes 1000000] [--store STORE --extract CSV] [--crowds 5] [--dir WORK]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from soak import REQUEST_TIMEOUT_SECONDS, SECRET, ask, ingest_command, make_extract, percentile, start_app  # noqa: E402

from bot.chats.slack.blocks import render_digest_message  # noqa: E402
from bot.cli.serve import default_process_count  # noqa: E402
from digest.contract.config import load_config  # noqa: E402
from digest.figures.periods import month_of  # noqa: E402
from digest.reporting.digests import build_digest  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.fake_slack import slash_command_request  # noqa: E402

AS_AT = "2019-07-18 09:00"
INGEST_AS_AT = "2019-07-18 12:00"  # the second phase's ingest: a new snapshot of the same extract
CROWD_SIZE = 200  # issue 14: 200 concurrent signed lookups
CROWD_P95_TARGET_MS = 300
ERRORS_TARGET = 0
STREAM_SLOWEST_TARGET_MS = 1000  # issue 14: no lookup over 1 s while an ingest and the digest job run
CROWDS = 5  # crowds fired one after another: the machine's noise shows in how far apart they are
STREAM_ASKERS = 4  # threads asking one after another during the ingest
STREAM_PAUSE_SECONDS = 0.05  # each asker's pause between its questions
MAX_STREAM_SECONDS = 120  # the second phase stops by then even if the ingest has not finished
MAX_STREAM_REQUESTS = 5000
QUESTIONS = ("LAC episodes June", "children ytd", "still missing", "rhi in time may", "ethnicity", "trend LAC episodes")


def build_store(work: Path, episodes: int, months: int) -> tuple[Path, Path]:
    """A synthetic extract of this many episodes, ingested into a new store."""
    extract, store_path = work / "crowd.csv", work / "crowd.db"
    for path in work.glob("crowd.db*"):
        path.unlink()
    print(f"Making {episodes:,} synthetic episodes and ingesting them ...", flush=True)
    make_extract(extract, episodes, months, AS_AT)
    subprocess.run(ingest_command(store_path, extract, AS_AT), cwd=ROOT, check=True, capture_output=True)
    return store_path, extract


def fire_crowd(url: str, size: int) -> tuple[list[float], list[str], float]:
    """size requests, signed first, then sent together from one event loop, each on its own connection:
    milliseconds each (from opening its connection to the end of the answer), failures, wall seconds.

    One loop of raw sockets costs the shared cores about a tenth of what 200 urllib threads did (0.8 ms of
    CPU a request), which the server's own figures would otherwise pay for."""
    parts = urlsplit(url)
    wire = [on_the_wire(slash_command_request(url, QUESTIONS[n % len(QUESTIONS)], SECRET)) for n in range(size)]

    async def release() -> list[tuple[float, str | None]]:
        return await asyncio.gather(*(send_raw(parts.hostname or "", parts.port or 80, data) for data in wire))

    started = time.perf_counter()
    results = asyncio.run(release())
    wall = time.perf_counter() - started
    return [ms for ms, _ in results], [failure for _, failure in results if failure], wall


def on_the_wire(request: urllib.request.Request) -> bytes:
    """A request's bytes as an HTTP/1.1 client writes them, asking for the connection to close after the answer."""
    body = request.data if isinstance(request.data, bytes) else b""
    lines = [
        f"{request.get_method()} {urlsplit(request.full_url).path} HTTP/1.1",
        f"Host: {request.host}",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in request.header_items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


async def send_raw(host: str, port: int, data: bytes) -> tuple[float, str | None]:
    """Milliseconds taken, and why it failed (None when answered with a 200 and a text)."""
    started = time.perf_counter()
    try:
        async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
            reader, writer = await asyncio.open_connection(host, port)
            try:
                writer.write(data)
                answer = await reader.read()  # to the end: the server closes the connection after answering
            finally:
                writer.close()
    except (OSError, TimeoutError) as error:
        return (time.perf_counter() - started) * 1000, type(error).__name__
    milliseconds = (time.perf_counter() - started) * 1000
    head, _, body = answer.partition(b"\r\n\r\n")
    status = head.split(b" ", 2)[1].decode("latin-1") if head.startswith(b"HTTP/") else "no status"
    if status != "200" or not json.loads(body or b"{}").get("text"):
        return milliseconds, f"HTTP {status} without an answer"
    return milliseconds, None


def stream_during(url: str, busy: threading.Event) -> tuple[list[float], list[str]]:
    """STREAM_ASKERS threads asking one question after another while busy is set (bounded in count and time)."""
    latencies: list[float] = []
    failures: list[str] = []
    deadline = time.monotonic() + MAX_STREAM_SECONDS
    lock = threading.Lock()

    def keep_asking(asker: int) -> None:
        number = asker
        while busy.is_set() and time.monotonic() < deadline and len(latencies) < MAX_STREAM_REQUESTS:
            milliseconds, failure = ask(url, QUESTIONS[number % len(QUESTIONS)])
            with lock:
                latencies.append(milliseconds)
                if failure:
                    failures.append(failure)
            number += STREAM_ASKERS
            time.sleep(STREAM_PAUSE_SECONDS)

    askers = [threading.Thread(target=keep_asking, args=(n,)) for n in range(STREAM_ASKERS)]
    for thread in askers:
        thread.start()
    for thread in askers:
        thread.join()
    return latencies, failures


def serve_app(store_path: Path, processes: int, urls: multiprocessing.Queue[str]) -> None:
    """The app on loopback in this (child) process and its copies until it is ended."""
    url, _ = start_app(store_path, processes)
    urls.put(url)
    threading.Event().wait()  # the parent ends this process; the fake Slack dies with it


def start_app_process(store_path: Path, processes: int) -> tuple[str, multiprocessing.Process]:
    """The app in processes of its own, as `serve` runs it: the load generator must not share their GIL. Not a
    daemon: its copies are its children (it is ended by terminate())."""
    context = multiprocessing.get_context("fork")
    urls: multiprocessing.Queue[str] = context.Queue()
    process = context.Process(target=serve_app, args=(store_path, processes, urls))
    process.start()
    return urls.get(timeout=60), process


def load_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process and its children (the answering copies) have used so far (Linux's
    /proc; nan elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return float("nan")
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(load_cpu_seconds(int(child)) for child in children)


def build_digest_once(store_path: Path, seconds: multiprocessing.Queue[float]) -> None:
    """Build and render last month's digest, as the scheduled job does; put the seconds it took."""
    started = time.perf_counter()
    with open_store(store_path) as store:
        month = month_of(store.get_snapshot().as_at) - 1
        render_digest_message(build_digest(store, load_config(), month)).block_dicts()
    seconds.put(time.perf_counter() - started)


def build_digest_apart(store_path: Path) -> float:
    """The digest build in a process of its own, as serve's scheduler process runs it (not in the load
    generator's process, where it would hold up the askers' threads and so their timings)."""
    context = multiprocessing.get_context("spawn")
    seconds: multiprocessing.Queue[float] = context.Queue()
    process = context.Process(target=build_digest_once, args=(store_path, seconds))
    process.start()
    taken = seconds.get(timeout=MAX_STREAM_SECONDS)
    process.join()
    return taken


def run_ingest_phase(url: str, store_path: Path, extract: Path) -> None:
    print(f"Ingesting {extract.name} again (a new snapshot) and building the digest while asking ...", flush=True)
    busy = threading.Event()
    busy.set()
    digest_seconds: list[float] = []
    started = time.perf_counter()
    ingest = subprocess.Popen(
        ingest_command(store_path, extract, INGEST_AS_AT),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip

    def watch() -> None:
        digest_seconds.append(build_digest_apart(store_path))
        ingest.wait()
        busy.clear()

    watcher = threading.Thread(target=watch)
    watcher.start()
    latencies, failures = stream_during(url, busy)
    if ingest.poll() is None:
        ingest.terminate()  # the stream hit its bound: do not leave the ingest running
    watcher.join()
    ingest_seconds = time.perf_counter() - started
    _, err = ingest.communicate()
    if ingest.returncode != 0:
        print(f"  the ingest did not finish: {err.strip()[-300:]}")
    print_row("ingest during the stream, seconds", f"{ingest_seconds:.1f}")
    print_row("digest build during the stream, seconds", f"{digest_seconds[0]:.2f}" if digest_seconds else "-")
    print_row("lookups during the ingest", f"{len(latencies):,}")
    print_row("errors", f"{len(failures):,}", ERRORS_TARGET)
    print_row("lookup p50, ms", f"{percentile(latencies, 0.5):.1f}")
    print_row("lookup p95, ms", f"{percentile(latencies, 0.95):.1f}")
    print_row("lookup slowest, ms", f"{max(latencies, default=float('nan')):.1f}", STREAM_SLOWEST_TARGET_MS)
    print(f"  ({STREAM_ASKERS} askers, each pausing {STREAM_PAUSE_SECONDS} s between questions; {describe_load()})")
    print_failures(failures)


def describe_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def print_row(measure: str, figure: str, target: object = "") -> None:
    print(f"{measure:<44}{figure:>12}{target!s:>12}")


def print_failures(failures: list[str]) -> None:
    if failures:
        print("  failures: " + ", ".join(sorted({f"{f} x{failures.count(f)}" for f in failures})))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--episodes", type=int, default=1_000_000, help="size of the store built (default 1M)")
    parser.add_argument("--months", type=int, default=48)
    parser.add_argument("--store", type=Path, help="use this store rather than building one")
    parser.add_argument("--extract", type=Path, help="with --store: the extract the second phase ingests")
    parser.add_argument("--requests", type=int, default=CROWD_SIZE, help="requests in the crowd (default 200)")
    parser.add_argument("--crowds", type=int, default=CROWDS, help=f"crowds fired one after another (default {CROWDS})")
    parser.add_argument("--no-ingest", action="store_true", help="only the crowd, no second phase")
    parser.add_argument(
        "--processes", type=int, default=default_process_count(), help="answering processes (default: as serve's)"
    )
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="missing-report-crowd-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.store:
            store_path, extract = args.store, args.extract
        else:
            store_path, extract = build_store(work, args.episodes, args.months)
        with open_store(store_path) as store:
            snapshot = store.get_snapshot()
            print(f"Store {store_path.name}: snapshot {snapshot.id} as at {snapshot.as_at}", flush=True)
        url, server = start_app_process(store_path, args.processes)
        print(f"Answering on {args.processes} processes", flush=True)
        try:
            ask(url, QUESTIONS[0])  # one question first, so the crowd does not time the app's start
            # The first crowd finds nothing kept: each question is worked out once while the rest wait for it.
            print(f"{'measure':<44}{'figure':>12}{'target':>12}")
            p95s = []
            for crowd in range(1, args.crowds + 1):
                cpu_before = load_cpu_seconds(server.pid or 0)
                latencies, failures, wall = fire_crowd(url, args.requests)
                cpu_ms = (load_cpu_seconds(server.pid or 0) - cpu_before) / args.requests * 1000
                p95s.append(percentile(latencies, 0.95))
                print(f"crowd {crowd}: {args.requests} requests released together, all answered in {wall:.2f} s")
                print(f"  ({describe_load()})")
                print_row("  errors", f"{len(failures):,}", ERRORS_TARGET)
                print_row("  p50, ms", f"{percentile(latencies, 0.5):.1f}")
                print_row("  p95, ms", f"{p95s[-1]:.1f}", CROWD_P95_TARGET_MS)
                print_row("  slowest, ms", f"{max(latencies):.1f}")
                print_row("  server CPU per request, ms", f"{cpu_ms:.2f}")
                print_failures(failures)
            median_p95 = statistics.median(p95s)
            print_row(f"p95 over the {args.crowds} crowds, median ms", f"{median_p95:.1f}", CROWD_P95_TARGET_MS)
            print_row("  best and worst crowd, ms", f"{min(p95s):.0f}-{max(p95s):.0f}")
            if not args.no_ingest:
                if extract is None:
                    print("  no second phase: give --extract with --store to ingest while asking")
                else:
                    run_ingest_phase(url, store_path, extract)
        finally:
            server.terminate()
            server.join()
        print(f"  ({describe_load()} when the run ended)")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
