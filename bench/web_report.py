"""Speed of the web report: a month's page in server time (target under 100 ms), on the reference store and on
a store with two financial years of synthetic episodes, over real HTTP after a real sign-in at the fake
OpenID provider, as `serve` mounts it.

Server time is measured where the server spends it: the page's route, from the request to the page (the store
read, the core's figures, the HTML and the audit row's commit), by timing the route handler in the server
process; the round trip seen by the client is printed beside it. Run with `.venv/bin/python bench/web_report.py`;
it prints figures beside the target, asserts nothing, and CI does not run it.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.web_report.app as web_app  # noqa: E402
from digest.contract.config import Config, load_config  # noqa: E402
from digest.intake.ingest import ingest_extract  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.conftest import write_csv  # noqa: E402
from tests.fake_oidc import FakeOpenIdProvider, Person  # noqa: E402
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, build_rows  # noqa: E402
from tests.web_pages import MANAGER, serve_report, sign_in, with_access  # noqa: E402

PAGE_TARGET_MS = 100
VIEWS = 60
SYNTHETIC_EPISODES = 200_000
MONTH_PAGE = web_app.month_page
AUDIT = web_app.ReportSite.audit


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_route(handler: web_app.GuardedHandler, kept: list[float]) -> web_app.GuardedHandler:
    async def timed(site: web_app.ReportSite, request: web_app.Request, asked: web_app.Asked) -> web_app.Response:
        started = time.perf_counter()
        response: web_app.Response = await handler(site, request, asked)
        kept.append((time.perf_counter() - started) * 1000)
        return response

    return timed


def measure(db: Path, config: Config, months: tuple[str, ...], label: str) -> None:
    """Sign in, view each month once (cold: the store's pages and the first audit row), then VIEWS more."""
    server_ms: list[float] = []
    audit_ms: list[float] = []
    web_app.month_page = time_route(MONTH_PAGE, server_ms)  # type: ignore[assignment]

    def timed_audit(site: web_app.ReportSite, *args: Any) -> None:
        started = time.perf_counter()
        AUDIT(site, *args)
        audit_ms.append((time.perf_counter() - started) * 1000)

    web_app.ReportSite.audit = timed_audit  # type: ignore[method-assign]
    provider = FakeOpenIdProvider(person=Person(dict(MANAGER))).start()
    for server in serve_report(db, config, provider):
        client, first = sign_in(server, f"/report/{months[0]}")
        assert first.status_code == 200, first.status_code
        round_trips = []
        for view in range(len(months) + VIEWS):
            started = time.perf_counter()
            page = client.get(server.url(f"/report/{months[view % len(months)]}"))
            round_trips.append((time.perf_counter() - started) * 1000)
            assert page.status_code == 200, page.status_code
        client.close()
    provider.stop()
    cold, warm = server_ms[: len(months) + 1], server_ms[len(months) + 1 :]
    audits = audit_ms[-len(warm) :]  # the page views' rows (the sign-in's row came first)
    work = [total - audit for total, audit in zip(warm, audits, strict=True)]
    print(
        f"report page, {label}, {len(warm)} views of {len(months)} months (load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores): server time median {statistics.median(warm):.1f} ms, p95 "
        f"{percentile(warm, 0.95):.1f} ms, max {max(warm):.1f} ms (target < {PAGE_TARGET_MS} ms), of which the audit "
        f"row's commit (fsync) median {statistics.median(audits):.1f} ms, max {max(audits):.1f} ms, and the page's own "
        f"work p95 {percentile(work, 0.95):.1f} ms; first view of each month (cold) max {max(cold):.1f} ms; "
        "round trip median "
        f"{statistics.median(round_trips[len(months) :]):.1f} ms; page {len(page.content) / 1024:.0f} KiB; "
        f"peak memory of this process so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


def main() -> None:
    config = with_access(load_config(ROOT / "config" / "missing-report.toml"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = work / "reference.db"
        store = open_store(db)
        ingest_extract(store, write_csv(work / "reference.csv", build_rows(), HEADERS), AS_AT, config)
        store.close()
        measure(db, config, ("2019-06", "2019-05", "2019-04", "2019-07"), "reference store (2019/20 to July)")
        extract, big = work / "synthetic.csv", work / "synthetic.db"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "demo-data",
                "--out",
                str(extract),
                "--episodes",
                str(SYNTHETIC_EPISODES),
                "--months",
                "36",
                "--as-at",
                "2019-07-18 09:00",
            ],
            check=True,
            capture_output=True,
        )
        store = open_store(big)
        ingest_extract(store, extract, dt.datetime(2019, 7, 18, 9), config)
        store.close()
        measure(
            big, config, ("2019-06", "2019-03", "2018-11", "2017-09"), f"{SYNTHETIC_EPISODES:,} episodes over 36 months"
        )


if __name__ == "__main__":
    main()
