"""The replay memory serve's answering processes share: each key once until it may be forgotten, across processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from digest.store.recent_keys import RecentKeys
from digest.store.snapshots import StoreError


def remember_in_another_process(path: Path, key: str) -> None:
    raise SystemExit(0 if RecentKeys(path).first_time(key, 1000.0, 1300.0) else 1)


def test_a_key_is_new_once_until_it_may_be_forgotten(tmp_path: Path) -> None:
    keys = RecentKeys(tmp_path / "recent.db")
    keys.prepare()
    assert stat.S_IMODE((tmp_path / "recent.db").stat().st_mode) == 0o600
    assert keys.first_time("v0=abc", 1000.0, 1300.0)
    assert not keys.first_time("v0=abc", 1200.0, 1500.0)
    assert not keys.first_time("v0=abc", 1299.0, 1599.0)  # remembered until 1300, whenever asked again
    assert keys.first_time("v0=abc", 1400.0, 1700.0)  # forgotten after it


def test_a_key_remembered_by_one_process_is_not_new_in_another(tmp_path: Path) -> None:
    path = tmp_path / "recent.db"
    keys = RecentKeys(path)
    keys.prepare()  # and closed: the child opens its own connection
    child = multiprocessing.get_context("fork").Process(target=remember_in_another_process, args=(path, "v0=x"))
    child.start()
    child.join(10)
    assert child.exitcode == 0
    assert not keys.first_time("v0=x", 1001.0, 1301.0)
    assert keys.first_time("v0=y", 1001.0, 1301.0)


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_a_memory_locked_by_another_program_is_a_clear_error_within_a_second(tmp_path: Path) -> None:
    path = tmp_path / "recent.db"
    RecentKeys(path).prepare()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"the replay memory .*recent.db cannot be written: database is locked"):
        RecentKeys(path).first_time("v0=z", 1000.0, 1300.0)
    assert time.monotonic() - started < 3
    holder.execute("ROLLBACK")
    holder.close()


def test_a_memory_in_another_layout_is_started_afresh(tmp_path: Path) -> None:
    path = tmp_path / "recent.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE recent_keys (key TEXT PRIMARY KEY, seen_at REAL NOT NULL)")
        other.execute("INSERT INTO recent_keys VALUES ('v0=old', 1000.0)")
    other.close()
    keys = RecentKeys(path)
    keys.prepare()
    assert keys.first_time("v0=old", 1000.0, 1300.0)
    assert not keys.first_time("v0=old", 1001.0, 1301.0)
