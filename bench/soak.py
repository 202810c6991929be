"""Soak (issue 10): a 1,000,000-row ingest while signed /missing requests are fired at the running app.

The app answers from a store that already holds a snapshot; the big extract is ingested into the same
store by a `missing-report ingest` process, as the drop folder or a person would. Every lookup must be
answered (200, within its timeout) and quickly, and each must leave its audit row. Not part of CI:

    .venv/bin/python bench/soak.py [--episodes 1000000] [--dir WORK]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402

from bot.chats.slack.app import build_app  # noqa: E402
from bot.chats.slack.requests import RequestGuard, audit_refusals  # noqa: E402
from bot.server import EVENTS_PATH, add_slack_route, build_web_app, create_http_server  # noqa: E402
from bot.server_processes import AnsweringProcesses  # noqa: E402
from digest.contract.config import load_config  # noqa: E402
from digest.lookups.service import LookupService  # noqa: E402
from digest.store.lookups import load_lookups, open_audit  # noqa: E402
from digest.store.recent_keys import RecentKeys, recent_keys_path  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.fake_slack import GOOD_TOKEN, FakeSlack, slash_command_request  # noqa: E402

FIRST_AS_AT = "2019-07-18 09:00"
BIG_AS_AT = "2019-07-18 12:00"
FIRST_EPISODES = 20_000  # the snapshot lookups answer from while the big one goes in
P95_TARGET_MS = 1000
FAILED_TARGET = 0
REQUEST_TIMEOUT_SECONDS = 10  # a lookup not answered by then counts as failed (Slack gives up after 3 s)
SECONDS_BETWEEN_LOOKUPS = 0.25
SECRET = "soak-secret"
QUESTIONS = ("LAC episodes June", "children ytd", "still missing", "rhi in time may", "ethnicity")


def missing_report(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", *args]


def make_extract(path: Path, episodes: int, months: int, as_at: str) -> None:
    """A synthetic extract (no real person) written by `missing-report demo-data`."""
    command = missing_report(
        "demo-data", "--out", str(path), "--episodes", str(episodes), "--months", str(months), "--as-at", as_at
    )
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def ingest_command(store_path: Path, extract: Path, as_at: str) -> list[str]:
    return missing_report("--db", str(store_path), "ingest", str(extract), "--as-at", as_at)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def start_app(store_path: Path, processes: int = 1) -> tuple[str, FakeSlack]:
    """The /slack/events route `serve` runs, with its request guard and audit, on uvicorn on loopback: in this
    process and processes - 1 forked copies of it, sharing one replay memory beside the store, as serve does
    (but that the fake Slack's thread, which Bolt asks at start, is already running when they are forked: the
    copies never use it)."""
    open_audit(store_path).close()  # made before the fork, as serve makes it
    service = LookupService(partial(open_store, store_path), load_config())
    slack = FakeSlack().start()  # answers Bolt's auth.test; nothing leaves the machine
    app = build_app(service, "/missing", SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    web = build_web_app()
    seen = RecentKeys(recent_keys_path(store_path))
    seen.prepare()
    add_slack_route(web, app, RequestGuard(SECRET, seen), audit_refusals(service))
    server = create_http_server(web, 0, "127.0.0.1")
    AnsweringProcesses(server, processes - 1).start()  # they end with this process (their pipe closes)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.effective_port:
        time.sleep(0.05)
    return f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}", slack


def ask(url: str, question: str) -> tuple[float, str | None]:
    """Milliseconds taken, and why it failed (None when answered)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(slash_command_request(url, question, SECRET), timeout=REQUEST_TIMEOUT_SECONDS) as r:
            body = json.loads(r.read() or b"{}")
            failure = None if r.status == 200 and body.get("text") else f"HTTP {r.status} without an answer"
    except urllib.error.HTTPError as error:
        failure = f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError) as error:
        failure = type(error).__name__
    return (time.perf_counter() - started) * 1000, failure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=48)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="missing-report-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    store_path, first, big = work / "soak.db", work / "first.csv", work / "big.csv"
    for path in work.glob("soak*.db*"):
        path.unlink()
    try:
        print(f"Making extracts: {FIRST_EPISODES:,} and {args.episodes:,} synthetic episodes ...", flush=True)
        for path, episodes, as_at in ((first, FIRST_EPISODES, FIRST_AS_AT), (big, args.episodes, BIG_AS_AT)):
            if not path.exists():
                make_extract(path, episodes, args.months, as_at)
        subprocess.run(ingest_command(store_path, first, FIRST_AS_AT), cwd=ROOT, check=True, capture_output=True)
        url, slack = start_app(store_path)
        print(f"Ingesting {big.name} while asking /missing every {SECONDS_BETWEEN_LOOKUPS} s ...", flush=True)
        started = time.perf_counter()
        ingest = subprocess.Popen(
            ingest_command(store_path, big, BIG_AS_AT),
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        latencies: list[float] = []
        failures: list[str] = []
        number = 0
        while ingest.poll() is None:
            milliseconds, failure = ask(url, QUESTIONS[number % len(QUESTIONS)])
            latencies.append(milliseconds)
            if failure:
                failures.append(failure)
            number += 1
            time.sleep(SECONDS_BETWEEN_LOOKUPS)
        ingest_seconds = time.perf_counter() - started
        _, err = ingest.communicate()
        slack.stop()
        if ingest.returncode != 0:
            raise SystemExit(f"the ingest failed: {err.strip()}")
        store = open_store(store_path)
        audited = len(load_lookups(store))
        snapshots = len(store.list_snapshots())
        store.close()

        print()
        print(f"{'measure':<44}{'figure':>12}{'target':>12}")
        print(f"{'ingest of ' + f'{args.episodes:,}' + ' rows, seconds':<44}{ingest_seconds:>12.1f}")
        print(f"{'lookups during the ingest':<44}{len(latencies):>12,}")
        print(f"{'lookups failed':<44}{len(failures):>12,}{FAILED_TARGET:>12}")
        for name, share in (("p50", 0.5), ("p95", 0.95)):
            target = f"{P95_TARGET_MS:>12}" if name == "p95" else ""
            print(f"{f'lookup {name}, ms':<44}{percentile(latencies, share):>12.1f}{target}")
        print(f"{'lookup slowest, ms':<44}{max(latencies, default=float('nan')):>12.1f}")
        print(f"{'lookups audited':<44}{audited:>12,}{len(latencies):>12,}")
        print(f"{'snapshots after':<44}{snapshots:>12}{2:>12}")
        if failures:
            print("  failures: " + ", ".join(sorted({f"{f} x{failures.count(f)}" for f in failures})))
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
