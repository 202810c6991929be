"""Alerts after a snapshot: the alerts channel, extracts in which more children are missing, and what the alert says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.destinations import alert_senders
from bot.services.alerts import AlertContext, alert_after_snapshot
from bot.settings import Settings
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.store.snapshots import SnapshotStore
from tests.conftest import episode, write_csv

ALERTS = "C0ALERTS"


EXPECTED = [
    "More children missing: 4 now, up from 2 at the last extract (18/07/2019 09:00 to 18/07/2019 12:00). Of the 4: "
    "2 LAC, 2 at CSE risk (medium/high); 1 missing over 24 hours, 1 over 72 hours; the longest missing for 4 days "
    "2 hours. 2 went missing since the last extract.",
    "Children missing are back to the earlier level: 2 now (as at 19/07/2019 09:00), down from 4 at the last "
    "extract; the level before the rise was 2.",
    "More children missing: 2 now, up from 1 at the last extract (19/07/2019 12:00 to 19/07/2019 14:00). Of the 2: "
    "1 LAC, 1 at CSE risk (medium/high); 1 missing over 24 hours, 1 over 72 hours; the longest missing for 5 days "
    "4 hours. 1 went missing since the last extract.",
]


def extract(tmp_path: Path, number: int) -> tuple[Path, dt.datetime]:
    as_at_text, ends = SEQUENCE[number]
    as_at = dt.datetime.fromisoformat(as_at_text)
    rows = [
        episode(
            episode_id=name,
            child_id=child,
            missing_start=start,
            missing_end=ends.get(name, ""),
            care_status=status,
            cse_risk=cse,
            rhi_offered="",
            rhi_accepted="",
            rhi_completed="",
        )
        for name, (child, start, status, cse) in EPISODES.items()
        if dt.datetime.fromisoformat(start) <= as_at
    ]
    return write_csv(tmp_path / f"extract-{number}.csv", rows), as_at


def alert_on_sequence(tmp_path: Path, config: Config, settings: Settings, store: SnapshotStore, times: int = 1) -> None:
    """Ingest SEQUENCE's extracts one by one, deciding and sending alerts after each (times over)."""
    senders = alert_senders(settings, print)
    for number in range(len(SEQUENCE)):
        path, as_at = extract(tmp_path, number)
        report = ingest_extract(store, path, as_at, config)
        for _ in range(times):
            alert_after_snapshot(store, report.snapshot_id, AlertContext(settings, senders))


# Each episode: id, child, start, end (blank = open), care status, CSE risk.
EPISODES = {
    "A": ("CA", "2019-07-14 10:00", "LAC", "High"),
    "B": ("CB", "2019-07-17 20:00", "LAC", ""),
    "C": ("CC", "2019-07-18 10:00", "Not a client", ""),
    "D": ("CD", "2019-07-18 11:00", "CIN", "Medium"),
    "E": ("CE", "2019-07-19 13:00", "CPP", ""),
}


# (as at, {episode: end}) — an episode is in an extract once it has started; no end means still missing.
SEQUENCE = [
    ("2019-07-18 09:00", {}),  # A, B missing: 2
    ("2019-07-18 12:00", {}),  # C, D went missing: 4, a rise
    ("2019-07-18 15:00", {}),  # still 4: nothing
    ("2019-07-19 09:00", {"C": "2019-07-18 20:00", "D": "2019-07-19 08:00"}),  # back to 2
    ("2019-07-19 12:00", {"C": "2019-07-18 20:00", "D": "2019-07-19 08:00", "B": "2019-07-19 10:00"}),  # 1
    ("2019-07-19 14:00", {"C": "2019-07-18 20:00", "D": "2019-07-19 08:00", "B": "2019-07-19 10:00"}),  # E: 2
]
