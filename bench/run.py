"""Speed figures on a large synthetic extract: ingest time and peak memory, profile time, and the floor.

Run with `make bench` (or `python bench/run.py --episodes 200000` for a quicker look). It prints
figures; it asserts nothing, and CI does not run it. The floor is sqlite3's own `.import` of the
same CSV: loading the text with no checking at all, the least any ingest can cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402

from bot.chats.slack.app import build_app  # noqa: E402
from bot.chats.slack.blocks import render_digest_message  # noqa: E402
from bot.chats.slack.requests import RequestGuard, audit_refusals  # noqa: E402
from bot.server import (  # noqa: E402
    EVENTS_PATH,
    add_outgoing_webhook_route,
    add_slack_route,
    build_web_app,
    create_http_server,
)
from bot.settings import TeamsQuestionSettings  # noqa: E402
from digest.contract.config import Config, load_config  # noqa: E402
from digest.figures.periods import financial_year_start, month_key, month_of  # noqa: E402
from digest.lookups.service import LookupService  # noqa: E402
from digest.reporting.charts import forget_drawn_charts  # noqa: E402
from digest.reporting.digests import build_digest  # noqa: E402
from digest.reporting.profile import load_profile  # noqa: E402
from digest.store.recent_keys import RecentKeys, recent_keys_path  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.card_sizes import MAX_POST_BYTES, largest_teams_card  # noqa: E402
from tests.fake_slack import GOOD_TOKEN, FakeSlack, slash_command_request  # noqa: E402
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, message_activity  # noqa: E402

AS_AT = "2019-07-18 09:00"
INGEST_TARGET_SECONDS = 30
INGEST_TARGET_MB = 1000  # issue 14: peak memory at most 1 GB
PROFILE_TARGET_SECONDS = 0.2
LOOKUP_P95_TARGET_MS = 50
DIGEST_TARGET_SECONDS = 2  # issue 13: the 13-month trends and last year's line within 2 s
FLOOR_MULTIPLE_TARGET = 3  # issue 14: ingest at most 3 times sqlite3's .import of the same file
FLOOR_MULTIPLE_STRETCH = 2
QUICK_COMMAND_TARGET_SECONDS = 0.3  # issue 14: snapshots, profile, ask, rejected, digest-runs as whole processes


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )


@dataclass(frozen=True)
class ChildCost:
    """What one child process cost: wall seconds, CPU seconds (user + system) and peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


def timed_child(command: list[str]) -> ChildCost:
    """The cost of one child process (wait4 gives that child's own usage)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return ChildCost(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure_ingest_and_floor(
    extract: Path, store_path: Path, floor_path: Path, runs: int
) -> tuple[list[ChildCost], list[ChildCost]]:
    """Ingest into a fresh store and sqlite3's .import of the same file, one after the other, runs times: on a
    shared machine only figures measured side by side compare. The last run's store is kept for the rest."""
    ingests, floors = [], []
    for _ in range(runs):
        for path in store_path.parent.glob(store_path.name + "*"):
            path.unlink()
        ingests.append(
            timed_child(
                [sys.executable, "-m", "bot.cli", "--db", str(store_path), "ingest", str(extract), "--as-at", AS_AT]
            )
        )
        floor = measure_floor(extract, floor_path)
        if floor is not None:
            floors.append(floor)
    return ingests, floors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=48)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    parser.add_argument("--ingest-runs", type=int, default=3, help="ingests and .imports, side by side (medians)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="missing-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    extract, store_path = work / "bench.csv", work / "bench.db"
    for path in work.glob("bench.db*"):
        path.unlink()
    try:
        print(f"Making {args.episodes:,} synthetic episodes over {args.months} months ...", flush=True)
        run_cli(
            "demo-data",
            "--out",
            str(extract),
            "--episodes",
            str(args.episodes),
            "--months",
            str(args.months),
            "--as-at",
            AS_AT,
        )
        size_mb = extract.stat().st_size / 1e6
        print(f"  {extract.name}: {size_mb:,.0f} MB")

        ingests, floors = measure_ingest_and_floor(extract, store_path, work / "floor.db", args.ingest_runs)
        load_after_ingest = os.getloadavg()[0]
        bombs = work / "bombs"
        bombs.mkdir(exist_ok=True)

        config = load_config()
        store = open_store(store_path)
        as_at = store.get_snapshot().as_at
        last = month_of(as_at)
        months = list(range(financial_year_start(last) - 12, last + 1))
        timings = []
        for month in months * 3:
            started = time.perf_counter()
            load_profile(store, config, month)
            timings.append(time.perf_counter() - started)
        latencies = measure_lookups(store_path, config)
        webhook_latencies, bot_latencies = measure_teams(store_path, config)
        digest_seconds: dict[bool, list[float]] = {False: [], True: []}
        for suppress in (False, True) * 3:
            forget_drawn_charts()  # each build draws its charts, as the first destination's does
            started = time.perf_counter()
            message = render_digest_message(build_digest(store, config, last - 1, suppress=suppress))
            message.block_dicts()
            digest_seconds[suppress].append(time.perf_counter() - started)
        card_month, card_bytes, _ = largest_teams_card(store, config)
        store.close()
        demo_month, demo_bytes = measure_demo_card(work, config)
        cli_started = time.perf_counter()
        run_cli("--db", str(store_path), "profile", "--month", month_key(last - 1), "--format", "json")
        cli_seconds = time.perf_counter() - cli_started
        quick_seconds = measure_quick_commands(store_path)

        print()
        print(f"{'measure':<44}{'figure':>12}{'target':>12}")
        print_ingest_figures(ingests, floors, load_after_ingest)
        # In a small process of its own: a child's peak memory counts its parent's pages from before the exec.
        sys.stdout.flush()
        subprocess.run([sys.executable, str(ROOT / "bench" / "bombs.py"), "--dir", str(bombs)], check=True)
        print(f"{'profile of one month, median seconds':<44}{statistics.median(timings):>12.4f}")
        print(f"{'profile of one month, slowest seconds':<44}{max(timings):>12.4f}{PROFILE_TARGET_SECONDS:>12}")
        print(f"  ({len(timings)} profiles of {len(months)} months, from {month_key(months[0])} to {month_key(last)})")
        print(f"{'digest build, seconds':<44}{min(digest_seconds[False]):>12.2f}{DIGEST_TARGET_SECONDS:>12}")
        suppressed_seconds = min(digest_seconds[True])
        print(
            f"{'digest build, disclosure control, seconds':<44}{suppressed_seconds:>12.2f}{DIGEST_TARGET_SECONDS:>12}"
        )
        for name, share in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99)):
            target = f"{LOOKUP_P95_TARGET_MS:>12}" if name == "p95" else ""
            print(f"{f'/missing over HTTP, {name} ms':<44}{percentile(latencies, share):>12.1f}{target}")
        print(f"  ({len(latencies)} signed requests, {len(LOOKUP_QUESTIONS)} kinds of question)")
        for name, values in (
            ("Teams outgoing webhook", webhook_latencies),
            ("Teams bot, answer posted", bot_latencies),
        ):
            print(f"{f'{name}, p95 ms':<44}{percentile(values, 0.95):>12.1f}{LOOKUP_P95_TARGET_MS:>12}")
        print("  (HMAC-signed requests answered in the response; bot activities with a checked token,")
        print("   each answered by a card posted to a loopback Bot Connector before the request returns)")
        print(f"{'largest Teams card, demo data, bytes':<44}{demo_bytes:>12,}{MAX_POST_BYTES:>12,}")
        print(f"{'largest Teams card, this store, bytes':<44}{card_bytes:>12,}{MAX_POST_BYTES:>12,}")
        print(f"  (the webhook body with every chart, largest over all months: {demo_month} and {card_month})")
        print(f"{'profile command, whole process, seconds':<44}{cli_seconds:>12.2f}{QUICK_COMMAND_TARGET_SECONDS:>12}")
        for name, seconds in quick_seconds.items():
            print(f"{f'{name}, whole process, median s':<44}{seconds:>12.2f}{QUICK_COMMAND_TARGET_SECONDS:>12}")
        print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores when the run ended)")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


LOOKUP_QUESTIONS = (
    "LAC episodes June",
    "children ytd",
    "repeat LAC last month",
    "ethnicity",
    "rhi in time may",
    "still missing",
    "profile",
    "trend LAC episodes",
    "age this year",
    "epsiodes jly",
)
LOOKUP_ROUNDS = 30
SIGNING_SECRET = "bench-secret"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_lookups(store_path: Path, config: Config) -> list[float]:
    """Milliseconds per signed /missing request to the app served by uvicorn on loopback."""
    service = LookupService(partial(open_store, store_path), config)
    slack = FakeSlack().start()  # answers Bolt's auth.test on loopback; nothing leaves the machine
    app = build_app(service, "/missing", SIGNING_SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    web = build_web_app()
    guard = RequestGuard(SIGNING_SECRET, RecentKeys(recent_keys_path(store_path)))
    add_slack_route(web, app, guard, audit_refusals(service))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    latencies = []
    try:
        for question in LOOKUP_QUESTIONS * LOOKUP_ROUNDS:
            request = slash_command_request(url, question, SIGNING_SECRET, "UBENCH", "CBENCH")
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
            latencies.append((time.perf_counter() - started) * 1000)
    finally:
        server.close()
        slack.stop()
    return latencies


WEBHOOK_KEY = b"bench-outgoing-webhook-secret"


def measure_teams(store_path: Path, config: Config) -> tuple[list[float], list[float]]:
    """Milliseconds per outgoing-webhook request, and per bot activity until its card reached the connector."""
    from bot.chats.teams.sdk_warnings import ignore_sdk_previews

    ignore_sdk_previews()  # as serve does: the SDK's "in preview" notice at import says nothing of the bench
    from bot.chats.teams.bot import MESSAGES_PATH, add_teams_bot
    from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook, sign_body

    fake = FakeMicrosoft().start()  # Microsoft's keys, token endpoint and Bot Connector, on loopback
    settings = TeamsQuestionSettings(
        CLIENT_ID, CLIENT_SECRET, TENANT_ID, None, frozenset(), frozenset(), fake.base_url, fake.openid_url
    )
    web = build_web_app()
    seen = RecentKeys(recent_keys_path(store_path))
    add_teams_bot(web, LookupService(partial(open_store, store_path), config), settings, seen)
    add_outgoing_webhook_route(
        web, OutgoingWebhook(LookupService(partial(open_store, store_path), config), WEBHOOK_KEY, seen)
    )
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    webhook, bot = [], []
    try:
        for question in LOOKUP_QUESTIONS * LOOKUP_ROUNDS:
            body = json.dumps(message_activity(question, fake.base_url, channel=True)).encode()
            started = time.perf_counter()
            post_json(base + OUTGOING_PATH, body, sign_body(WEBHOOK_KEY, body))
            webhook.append((time.perf_counter() - started) * 1000)
            token = fake.bot_framework_token(fake.base_url)
            activity = json.dumps(message_activity(question, fake.base_url)).encode()
            started = time.perf_counter()
            post_json(base + MESSAGES_PATH, activity, f"Bearer {token}")
            bot.append((time.perf_counter() - started) * 1000)
        if len(fake.replies) != len(bot):
            raise SystemExit(f"the bot answered {len(fake.replies)} of {len(bot)} questions")
    finally:
        server.close()
        fake.stop()
    return webhook, bot


def post_json(url: str, body: bytes, authorization: str) -> None:
    """POST as Teams does, headers and body in one write. (httpx writes them in two; on loopback, Nagle's
    algorithm and delayed ACKs then hold every request about 40 ms, which measures the client, not us.)"""
    headers = {"content-type": "application/json", "authorization": authorization}
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def measure_demo_card(work: Path, config: Config) -> tuple[str, int]:
    """The largest Teams card (month, bytes) over the months of the bundled demo data."""
    demo = work / "demo"
    run_cli("demo", "--dir", str(demo))
    with open_store(demo / "demo.db") as store:
        month, size, _ = largest_teams_card(store, config)
    return month, size


QUICK_COMMANDS = {
    "snapshots": ["snapshots"],
    "profile": ["profile"],
    "ask": ["ask", "LAC", "episodes", "June"],
    "rejected": ["rejected"],
    "digest-runs": ["digest-runs"],
}
QUICK_RUNS = 5


def measure_quick_commands(store_path: Path) -> dict[str, float]:
    """Median wall seconds of each quick command as a whole process (Python's start included)."""
    medians = {}
    for name, words in QUICK_COMMANDS.items():
        seconds = []
        for _ in range(QUICK_RUNS):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "--db", str(store_path), *words],
                cwd=ROOT,
                capture_output=True,
                check=False,
            )
            seconds.append(time.perf_counter() - started)
        medians[name] = statistics.median(seconds)
    return medians


def measure_floor(extract: Path, target: Path) -> ChildCost | None:
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        print("  sqlite3 command not found: install it (apt-get install sqlite3) to measure the floor")
        return None
    target.unlink(missing_ok=True)
    return timed_child([sqlite3, str(target), f".import --csv {extract} episodes"])


def print_ingest_figures(ingests: list[ChildCost], floors: list[ChildCost], load: float) -> None:
    """Medians of the side-by-side runs: ingest beside its targets and beside the .import floor, wall and CPU."""
    seconds = statistics.median(cost.seconds for cost in ingests)
    print(f"{'ingest, seconds':<44}{seconds:>12.1f}{INGEST_TARGET_SECONDS:>12}")
    print(f"{'ingest, peak memory MB':<44}{max(cost.peak_mb for cost in ingests):>12,.0f}{INGEST_TARGET_MB:>12,}")
    if not floors:
        return
    floor = statistics.median(cost.seconds for cost in floors)
    print(f"{'sqlite3 .import of the same CSV, seconds':<44}{floor:>12.1f}")
    pairs = list(zip(ingests, floors, strict=True))
    ratios = sorted(ingest.seconds / each.seconds for ingest, each in pairs)
    print(f"{'ingest / .import floor':<44}{statistics.median(ratios):>11.1f}x{FLOOR_MULTIPLE_TARGET:>11}x")
    cpu_ratio = statistics.median(ingest.cpu_seconds / each.cpu_seconds for ingest, each in pairs)
    ingest_cpu = statistics.median(cost.cpu_seconds for cost in ingests)
    floor_cpu = statistics.median(cost.cpu_seconds for cost in floors)
    print(f"{'ingest / .import floor, CPU seconds':<44}{cpu_ratio:>11.1f}x{FLOOR_MULTIPLE_TARGET:>11}x")
    walls = ", ".join(f"{ratio:.1f}x" for ratio in ratios)
    print(f"  (stretch {FLOOR_MULTIPLE_STRETCH}x; medians of {len(ratios)} side-by-side runs, each ingest then its")
    print(f"   .import: wall {walls}; CPU {ingest_cpu:.1f} s against {floor_cpu:.1f} s;")
    print(f"   load average {load:.1f} on {os.cpu_count()} cores after them)")


if __name__ == "__main__":
    started_at = dt.datetime.now()
    main()
    print(f"bench finished in {(dt.datetime.now() - started_at).total_seconds():.0f} s")
