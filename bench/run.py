"""Speed figures on a large synthetic extract: ingest time and peak memory, profile time, and the floor.

Run with `make bench` (or `python bench/run.py --episodes 200000` for a quicker look). It prints
figures; it asserts nothing, and CI does not run it. The floor is sqlite3's own `.import` of the
same CSV: loading the text with no checking at all, the least any ingest can cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.slack_blocks import render_digest_message  # noqa: E402
from digest.config import load_config  # noqa: E402
from digest.digests import build_digest  # noqa: E402
from digest.periods import financial_year_start, month_key, month_of  # noqa: E402
from digest.profile import load_profile  # noqa: E402
from digest.snapshots import open_store  # noqa: E402

AS_AT = "2019-07-18 09:00"
INGEST_TARGET_SECONDS = 30
INGEST_TARGET_MB = 1500
PROFILE_TARGET_SECONDS = 0.2
DIGEST_TARGET_SECONDS = 5
FLOOR_MULTIPLE_AIM = 2


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )


def timed_child(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process (wait4 gives that child's own usage)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=48)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
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

        ingest_seconds, ingest_mb = timed_child(
            [sys.executable, "-m", "bot.cli", "--db", str(store_path), "ingest", str(extract), "--as-at", AS_AT]
        )
        floor_seconds = measure_floor(extract, work / "floor.db")

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
        digest_seconds = []
        for _ in range(3):
            started = time.perf_counter()
            message = render_digest_message(build_digest(store, config, last - 1))
            message.block_dicts()
            digest_seconds.append(time.perf_counter() - started)
        store.close()
        cli_started = time.perf_counter()
        run_cli("--db", str(store_path), "profile", "--month", month_key(last - 1), "--format", "json")
        cli_seconds = time.perf_counter() - cli_started

        print()
        print(f"{'measure':<44}{'figure':>12}{'target':>12}")
        print(f"{'ingest, seconds':<44}{ingest_seconds:>12.1f}{INGEST_TARGET_SECONDS:>12}")
        print(f"{'ingest, peak memory MB':<44}{ingest_mb:>12,.0f}{INGEST_TARGET_MB:>12,}")
        if floor_seconds is not None:
            print(f"{'sqlite3 .import of the same CSV, seconds':<44}{floor_seconds:>12.1f}")
            multiple = ingest_seconds / floor_seconds
            print(f"{'ingest / .import floor':<44}{multiple:>11.1f}x{FLOOR_MULTIPLE_AIM:>11}x")
        print(f"{'profile of one month, median seconds':<44}{statistics.median(timings):>12.4f}")
        print(f"{'profile of one month, slowest seconds':<44}{max(timings):>12.4f}{PROFILE_TARGET_SECONDS:>12}")
        print(f"  ({len(timings)} profiles of {len(months)} months, from {month_key(months[0])} to {month_key(last)})")
        print(f"{'digest build, seconds':<44}{min(digest_seconds):>12.2f}{DIGEST_TARGET_SECONDS:>12}")
        print(f"{'profile command, whole process, seconds':<44}{cli_seconds:>12.2f}")
        print("  (the process includes starting Python and importing pandas)")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


def measure_floor(extract: Path, target: Path) -> float | None:
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        print("  sqlite3 command not found: install it (apt-get install sqlite3) to measure the floor")
        return None
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([sqlite3, str(target), f".import --csv {extract} episodes"], check=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    started_at = dt.datetime.now()
    main()
    print(f"bench finished in {(dt.datetime.now() - started_at).total_seconds():.0f} s")
