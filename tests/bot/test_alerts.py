"""Still-missing alerts over a sequence of snapshots, sent to the fake Slack Web API, each once."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.destinations import alert_senders
from bot.services.alerts import AlertContext, alert_after_snapshot
from bot.settings import Settings
from digest.alerts.still_missing import AlertRules
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.store.alerts import list_alerts
from digest.store.snapshots import open_store
from tests.bot.alert_runs import ALERTS, EXPECTED, alert_on_sequence, extract
from tests.fake_slack import FakeSlack


@pytest.fixture
def alert_settings(settings: Settings) -> Settings:
    return replace(settings, alerts_channel=ALERTS)


def test_sequence_of_snapshots_alerts_once_each(
    tmp_path: Path, config: Config, alert_settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    store = open_store(tmp_path / "store.db")
    alert_on_sequence(tmp_path, config, alert_settings, store, times=2)  # deciding again changes nothing
    assert [m["text"] for m in slack.messages] == EXPECTED
    assert all(m["channel"] == ALERTS for m in slack.messages)
    assert [(a.snapshot_id, a.kind, a.count_before, a.count_after, a.state) for a in list_alerts(store)] == [
        (2, "rise", 2, 4, "sent"),
        (4, "back", 4, 2, "sent"),
        (6, "rise", 1, 2, "sent"),
    ]
    store.close()


def test_reminder_when_the_count_stays_high(
    tmp_path: Path, config: Config, alert_settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    rules = AlertRules(rise_step=1, back_to_earlier_level=True, reminder_level=4, reminder_hours=3)
    settings = replace(alert_settings, alert_rules=rules)
    store = open_store(tmp_path / "store.db")
    senders = alert_senders(settings, print)
    for number in range(3):
        path, as_at = extract(tmp_path, number)
        alert_after_snapshot(
            store, ingest_extract(store, path, as_at, config).snapshot_id, AlertContext(settings, senders)
        )
    assert [m["text"] for m in slack.messages] == [
        EXPECTED[0],
        "Still 4 children missing as at 18/07/2019 15:00: at or above 4 since 18/07/2019 12:00 (3 hours). "
        "1 has been missing over 72 hours.",
    ]
    store.close()


def test_alerts_carry_no_identifiers(
    tmp_path: Path, config: Config, alert_settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    store = open_store(tmp_path / "store.db")
    senders = alert_senders(alert_settings, print)
    for number in range(2):
        path, as_at = extract(tmp_path, number)
        alert_after_snapshot(
            store, ingest_extract(store, path, as_at, config).snapshot_id, AlertContext(alert_settings, senders)
        )
    text = slack.messages[0]["text"] + str(slack.messages[0]["blocks"])
    for identifier in ("CA", "CB", "CC", "CD", "2005-01-15", "15/01/2005"):
        assert identifier not in text
    store.close()


def cli_ingest(db: Path, path: Path, as_at: dt.datetime, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "ingest", str(path), "--as-at", f"{as_at:%Y-%m-%d %H:%M}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_restart_between_snapshots_sends_no_duplicate(
    tmp_path: Path, slack: FakeSlack, slack_env: dict[str, str]
) -> None:
    slack.channels.add(ALERTS)
    env = {**slack_env, "SLACK_ALERTS_CHANNEL": ALERTS}
    db = tmp_path / "store.db"
    outputs = []
    for number in range(3):  # each ingest is a new process: a restart between every two snapshots
        path, as_at = extract(tmp_path, number)
        result = cli_ingest(db, path, as_at, env)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    again = cli_ingest(db, *extract(tmp_path, 2), env)  # the same extract again: already a snapshot
    assert "is already snapshot 3; nothing was changed." in again.stdout
    assert [m["text"] for m in slack.messages] == [EXPECTED[0]]
    assert outputs[1].endswith(f"Alert sent to Slack channel {ALERTS}: {EXPECTED[0]}\n")


def test_failed_alert_is_sent_on_the_next_attempt(
    tmp_path: Path, config: Config, alert_settings: Settings, slack: FakeSlack
) -> None:
    store = open_store(tmp_path / "store.db")  # the alerts channel does not exist yet: the send fails
    senders = alert_senders(alert_settings, print)
    for number in range(2):
        path, as_at = extract(tmp_path, number)
        alert_after_snapshot(
            store, ingest_extract(store, path, as_at, config).snapshot_id, AlertContext(alert_settings, senders)
        )
    [alert] = list_alerts(store)
    assert alert.state == "failed"
    assert alert.error is not None
    assert "channel_not_found" in alert.error
    slack.channels.add(ALERTS)  # someone creates the channel and invites the bot
    path, as_at = extract(tmp_path, 2)
    alert_after_snapshot(
        store, ingest_extract(store, path, as_at, config).snapshot_id, AlertContext(alert_settings, senders)
    )
    assert [m["text"] for m in slack.messages] == [EXPECTED[0]]
    assert [a.state for a in list_alerts(store)] == ["sent"]
    store.close()


def test_without_slack_alerts_go_to_the_outbox_and_terminal(tmp_path: Path, config: Config, settings: Settings) -> None:
    os.umask(0o022)
    no_slack = replace(settings, bot_token=None, outbox=tmp_path / "outbox")
    printed: list[str] = []
    store = open_store(tmp_path / "store.db")
    senders = alert_senders(no_slack, printed.append)
    for number in range(2):
        path, as_at = extract(tmp_path, number)
        alert_after_snapshot(
            store, ingest_extract(store, path, as_at, config).snapshot_id, AlertContext(no_slack, senders)
        )
    target = tmp_path / "outbox" / "alerts" / "alert-1.txt"
    assert printed == [f"Alert (no chat tool set up; also in {target}): {EXPECTED[0]}"]
    assert target.read_text() == EXPECTED[0] + "\n"
    owner_only = [oct(path.stat().st_mode & 0o777) for path in (tmp_path / "outbox", target.parent, target)]
    assert owner_only == ["0o700", "0o700", "0o600"]  # issue 22, item 6: the folders were 0755
    store.close()


def test_alerts_command_lists_them(tmp_path: Path, config: Config, settings: Settings) -> None:
    no_slack = replace(settings, bot_token=None, outbox=tmp_path / "outbox")
    store = open_store(tmp_path / "store.db")
    for number in range(2):
        path, as_at = extract(tmp_path, number)
        alert_after_snapshot(
            store,
            ingest_extract(store, path, as_at, config).snapshot_id,
            AlertContext.of(no_slack, lambda _: None),
        )
    store.close()
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(tmp_path / "store.db"), "alerts"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": os.environ["PATH"]},
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "  id  created (UTC)              snapshot  kind      before  after  state"
    assert lines[1].split()[2:] == ["2", "rise", "2", "4", "sent"]
