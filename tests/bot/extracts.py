"""Extracts and stores built for the tests: two years of history, a later extract of the reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.store.snapshots import open_store
from tests.conftest import WriteExtract, episode, numbered
from tests.fixtures.reference_june_2019 import build_rows


def two_years(write_extract: WriteExtract, first_month: str = "2018-04") -> Path:
    rows = [
        episode(
            child_id=f"C{month}{n}",
            missing_start=f"{month}-0{n + 1} 10:00",
            missing_end=f"{month}-0{n + 1} 18:00",
            care_status="LAC" if n == 0 else "CIN",
        )
        for month, count in EPISODES_BY_MONTH.items()
        if month >= first_month
        for n in range(count)
    ]
    return write_extract(numbered(rows))


def store_of(tmp_path: Path, config: Config, extract: Path) -> Path:
    path = tmp_path / "store.db"
    store = open_store(path)
    ingest_extract(store, extract, AS_AT, config)
    store.close()
    return path


def build_later_rows() -> list[dict[str, str]]:
    """The next extract: the reference one less its first ten LAC episodes that started in June (74 -> 64)."""
    rows = build_rows()
    june_lac = [r for r in rows if r["missing_start"].startswith("2019-06") and r["care_status"] == "LAC"][:10]
    return [r for r in rows if r not in june_lac]


AS_AT = dt.datetime(2019, 7, 18, 0, 0)


# Episodes a month, the first of each LAC: Apr-18 2, May-18 1, Jun-18 3; Apr-19 1, May-19 2, Jun-19 5.
EPISODES_BY_MONTH = {"2018-04": 2, "2018-05": 1, "2018-06": 3, "2019-04": 1, "2019-05": 2, "2019-06": 5}


def today() -> dt.datetime:
    """The start of today: an as-at time whose snapshot covers the next digest's month."""
    return dt.datetime.combine(dt.date.today(), dt.time())


def late_april_rows() -> list[dict[str, str]]:
    """The reference rows and two April episodes recorded late: a looked-after child's same-day returns,
    with no return interview recorded yet (so the interview rates do not move)."""
    rows = build_rows()
    template = next(r for r in rows if r["child_id"] == "REF-H5" and r["missing_start"].startswith("2019-04"))
    late = [
        {
            **template,
            "episode_id": f"LATE-{n}",
            "missing_start": f"2019-04-2{n} 10:00",
            "missing_end": f"2019-04-2{n} 18:00",
            "rhi_offered": "",
            "rhi_accepted": "",
            "rhi_completed": "",
        }
        for n in (1, 2)
    ]
    return rows + late
