"""`GET /healthz` on a real `serve` process over real HTTP: 200 and a small JSON while all is well, 503 when the
scheduler stops or the drop folder goes; never a figure or an id."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from digest.figures.periods import Month
from tests.bot.extracts import today
from tests.bot.processes import children_of, read_until_ready
from tests.fake_slack import wait_until

WAIT_SECONDS = 30
HEALTH_LINE = "Health for a monitor at "


def get_health(url: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.slow
def test_healthz_is_200_while_all_is_well_and_503_when_the_inbox_or_the_scheduler_goes(
    current_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "inbox").mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "--db",
            str(current_db),
            "serve",
            "--host",
            "127.0.0.1",
            "--processes",
            "1",
        ],
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "MISSING_REPORT_HOME": ".",
            "MISSING_REPORT_PORT": "0",  # as the service's environment file sets it (any free port here)
        },  # no chat platform: the port alone starts the HTTP server, for /healthz
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = read_until_ready(process)
        line = next(line for line in lines if line.startswith(HEALTH_LINE))
        url = line.removeprefix(HEALTH_LINE).strip().removesuffix(".")
        assert url.startswith("http://127.0.0.1:")
        assert url.endswith("/healthz")
        assert wait_until(lambda: get_health(url)[0] == 200, WAIT_SECONDS)  # once the scheduler has beaten
        status, health = get_health(url)
        month = health["next_digest"]["month"]
        assert (status, health) == (
            200,
            {
                "status": "ok",
                "scheduler": {"alive": True, "heartbeat_seconds_ago": health["scheduler"]["heartbeat_seconds_ago"]},
                "store": {"readable": True, "latest_snapshot_as_at": today().isoformat()},
                "next_digest": {"month": month, "covered_by_data": True},
                "inbox": {"reachable": True},
            },
        )
        assert 0 <= health["scheduler"]["heartbeat_seconds_ago"] <= 60
        assert Month.parse(month).key == month

        (tmp_path / "inbox").rmdir()
        status, health = get_health(url)
        assert (status, health["status"], health["inbox"]) == (503, "failing", {"reachable": False})
        (tmp_path / "inbox").mkdir()
        assert get_health(url)[0] == 200

        [scheduler] = children_of(process.pid)
        os.kill(scheduler, signal.SIGKILL)  # a scheduler that died: its heartbeat grows old
        beat = current_db.with_name(f"{current_db.name}.scheduler-heartbeat")
        old = time.time() - 600
        os.utime(beat, (old, old))
        status, health = get_health(url)
        assert (status, health["scheduler"]) == (503, {"alive": False, "heartbeat_seconds_ago": 600})
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=WAIT_SECONDS)
    assert "Traceback" not in err, err


def test_healthz_says_when_the_data_does_not_cover_the_next_digest_but_does_not_page(
    reference_db: Path, tmp_path: Path
) -> None:
    from bot.scheduling.health import HealthCheck, heartbeat_path
    from bot.settings import Schedule
    from digest.store.snapshots import open_store

    heartbeat_path(reference_db).touch()
    (tmp_path / "inbox").mkdir()
    schedule = Schedule(10, 9, 0, "Europe/London", 15)
    check = HealthCheck(lambda: open_store(reference_db), reference_db, schedule, tmp_path / "inbox")
    health = check()
    assert health.ok
    assert health.to_json()["store"] == {"readable": True, "latest_snapshot_as_at": "2019-07-18T00:00:00"}
    assert health.to_json()["next_digest"]["covered_by_data"] is False
    missing = HealthCheck(lambda: open_store(tmp_path / "gone.db"), tmp_path / "gone.db", schedule, tmp_path / "inbox")
    assert (missing().ok, missing().store_readable) == (False, False)
    assert not (tmp_path / "gone.db").exists()
