"""The digest and the alerts sent to a fake Teams Workflows webhook over real HTTP, once, through faults."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.chats.teams.channels import TEAMS_DIGEST_CHANNEL
from bot.chats.teams.notifier import TeamsNotifier
from bot.chats.teams.webhook import WebhookClient
from bot.cli.main import main
from bot.delivery import DeliveryError
from bot.destinations import alert_senders, digest_destinations
from bot.services.alerts import AlertContext, alert_after_snapshot
from bot.services.digests import run_digest
from bot.settings import Settings, Webhook
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.intake.ingest import ingest_extract
from digest.store.alerts import list_alerts
from digest.store.digest_runs import DigestLedger
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.alert_runs import EXPECTED, extract
from tests.cli_runner import run_cli, start_process
from tests.fake_slack import CHANNEL, FakeSlack
from tests.fake_workflows import SIGNATURE, FakeTeams, Fault

JUNE = Month.parse("2019-06")
CHART_TYPES = [
    "Chart.VerticalBar",  # days missing
    "Chart.Donut",  # RHI in time
    "Chart.HorizontalBar",  # ethnicity
    "Chart.Pie",  # BME
    "Chart.VerticalBar",  # age
    "Chart.Donut",  # gender
    "Chart.HorizontalBar",  # case type
    "Chart.Line",  # episodes, all vs LAC (lines, so last year's can run beside them)
    "Chart.Line",  # children, all vs LAC
    "Chart.Line",  # 3+ episodes, all vs LAC
    "Chart.Line",  # RHI offered vs accepted
    "Chart.Line",  # RHI in time vs not
]


def texts(element: Any) -> list[str]:
    """Every text a person reads on the card, in order (TextBlocks and facts), fallbacks included."""
    found: list[str] = []
    if isinstance(element, dict):
        if element.get("type") == "TextBlock":
            found.append(element["text"])
        if element.get("type") == "FactSet":
            found += [f"{fact['title']}: {fact['value']}" for fact in element["facts"]]
        for key, value in element.items():
            if key != "facts":
                found += texts(value)
    elif isinstance(element, list):
        for item in element:
            found += texts(item)
    return found


def charts(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [element for element in card["body"] if element["type"].startswith("Chart.")]


def teams_only(settings: Settings) -> list[Any]:
    return digest_destinations(settings, "teams")


def post(store: SnapshotStore, config: Config, settings: Settings, force: bool = False) -> str:
    [destination] = teams_only(settings)
    return run_digest(store, config, JUNE, destination.channel, destination.make_notifier(), force=force).state


def test_digest_card_has_the_figures_native_charts_and_where_the_table_is(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    assert post(reference_store, config, teams_settings) == "posted"
    [card] = teams.digests
    shown = texts(card["body"])
    assert shown[:5] == [
        "Children missing from home or care: June 2019",
        "Data as at 18/07/2019 00:00, snapshot 1 (reference.csv): 375 rows, 0 rejected, 0 unrecognised values.",
        "Missing episodes",
        "116",
        "Episodes",
    ]
    assert "down 14 on May-19" in shown
    assert shown[shown.index("of those accepted, completed in time") - 1] == "69%"
    assert "0 still missing at the end of the month (same as May-19)" in shown
    assert shown[shown.index("Highlights") + 1 : shown.index("Highlights") + 4] == [
        "• CSE-risk episodes rose from 16 to 28",
        "• Episodes of children not known to social care rose from 17 to 23",
        "• Children missing fell from 68 to 53",
    ]
    assert [c["type"] for c in charts(card)] == CHART_TYPES
    days = charts(card)[0]
    assert days["title"] == "Number of days missing, Jun-19 (of 116 episodes)"
    assert [(v["x"], v["y"]) for v in days["data"]] == [
        ("Same day", 53),
        ("1 day", 53),
        ("2 days", 2),
        ("3 days", 2),
        ("4 days", 2),
        ("5 days", 0),
        ("6+ days", 4),
        ("Still missing", 0),
    ]
    assert texts(days["fallback"]) == [
        "Number of days missing, Jun-19 (of 116 episodes)",
        "Same day: 53 (46%)",
        "1 day: 53 (46%)",
        "2 days: 2 (1.7%)",
        "3 days: 2 (1.7%)",
        "4 days: 2 (1.7%)",
        "5 days: 0 (0%)",
        "6+ days: 4 (3%)",
        "Still missing: 0 (0%)",
    ]
    trend = charts(card)[7]
    assert [(s["legend"], [v["y"] for v in s["values"]]) for s in trend["data"]] == [
        ("All", [129, 130, 116]),
        ("LAC", [75, 87, 74]),
    ]
    assert texts(trend["fallback"])[1:] == [
        "Apr-19: All 129 · LAC 75",
        "May-19: All 130 · LAC 87",
        "Jun-19: All 116 · LAC 74",
    ]
    table = teams_settings.outbox / "2019-06" / "missing-report-2019-06.xlsx"
    # no path on the server (it means nothing in Teams); the table is still kept in the outbox
    assert shown[-1] == (
        "The full table (missing-report-2019-06.xlsx) cannot travel with a Teams message: the performance team has it."
    )
    assert str(teams_settings.outbox) not in json.dumps(card)
    assert table.read_bytes().startswith(b"PK")
    [run] = DigestLedger(reference_store).list_runs()
    assert (run.channel, run.state) == ("teams:digest", "posted")
    assert str(run.message_ref).startswith("HTTP 202, all charts, ")


def test_with_a_public_url_the_card_opens_the_months_full_report(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    linked = replace(teams_settings, public_url="https://missing-report.council.gov.uk")
    assert post(reference_store, config, linked) == "posted"
    [card] = teams.digests
    assert texts(card["body"])[-1] == (
        "Every figure, the comments and the charts are in the full report, with the full table (XLSX) to download."
    )
    assert card["body"][-1]["actions"] == [
        {
            "type": "Action.OpenUrl",
            "title": "Open the full report",
            "url": "https://missing-report.council.gov.uk/report/2019-06",
        }
    ]
    assert str(teams_settings.outbox) not in json.dumps(card)


def test_table_link_is_on_the_card(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    link = "https://council.sharepoint.com/sites/performance/missing"
    linked = replace(teams_settings, teams=replace(teams_settings.teams, table_link=link))
    assert post(reference_store, config, linked) == "posted"
    [card] = teams.digests
    assert texts(card["body"])[-1] == f"The full table (missing-report-2019-06.xlsx) is in [the shared folder]({link})."
    assert card["body"][-1] == {
        "type": "ActionSet",
        "actions": [{"type": "Action.OpenUrl", "title": "Open the full table", "url": link}],
    }


@pytest.mark.parametrize(
    "fault",
    [
        Fault(429, "Too Many Requests", {"Retry-After": "0"}),
        Fault(500, "Internal Server Error"),
        Fault(502),
        Fault(503),
    ],
)
def test_transient_error_then_success_posts_once(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams, fault: Fault
) -> None:
    teams.fail_next(fault)
    assert post(reference_store, config, teams_settings) == "posted"
    assert len(teams.requests) == 2
    assert len(teams.digests) == 1
    assert post(reference_store, config, teams_settings) == "skipped"
    assert len(teams.requests) == 2


def test_each_retry_is_one_line_saying_what_teams_answered(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    teams.fail_next(Fault(503))
    with caplog.at_level(logging.WARNING, logger="bot.chats.teams.webhook"):
        assert post(reference_store, config, teams_settings) == "posted"
    (line,) = [r.getMessage() for r in caplog.records if r.name == "bot.chats.teams.webhook"]
    assert re.fullmatch(
        r"The Teams webhook 127\.0\.0\.1/… \(TEAMS_DIGEST_WEBHOOK_URL\) answered HTTP 503; "
        r"trying again in 0\.5 s, giving up at \d\d:\d\d:\d\d",
        line,
    ), line
    assert SIGNATURE not in line  # the URL is a secret: only its host is said


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_retry_after_is_honoured(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    teams.fail_next(Fault(429, "Too Many Requests", {"Retry-After": "1"}))
    started = time.monotonic()
    assert post(reference_store, config, teams_settings) == "posted"
    assert time.monotonic() - started >= 1
    assert len(teams.digests) == 1


def test_too_large_makes_a_smaller_card(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    teams.fail_next(Fault(413, "Request Entity too large"))
    assert post(reference_store, config, teams_settings) == "posted"
    [card] = teams.digests
    assert [c["type"] for c in charts(card)] == CHART_TYPES[:7]  # the month's charts; the trends left out
    assert (
        "This card carries the month's charts only to fit Teams' size limit; every figure is in the full table."
        in texts(card["body"])
    )
    [run] = DigestLedger(reference_store).list_runs()
    assert str(run.message_ref).startswith("HTTP 202, the month's charts only, ")


def test_webhook_limit_by_real_size_steps_down_to_no_charts(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings
) -> None:
    small = FakeTeams(limit_bytes=6000).start()  # takes the card without charts only
    try:
        notifier = TeamsNotifier(WebhookClient(Webhook(small.url(), "TEAMS_DIGEST_WEBHOOK_URL"), 30))
        assert run_digest(reference_store, config, JUNE, TEAMS_DIGEST_CHANNEL, notifier).state == "posted"
        assert len(small.requests) == 3  # all charts: 413; the month's charts: 413; no charts: 202
        [card] = small.digests
        assert charts(card) == []
        assert "This card carries no charts to fit Teams' size limit; every figure is in the full table." in texts(
            card["body"]
        )
    finally:
        small.stop()


def test_a_wrong_webhook_is_one_clear_error_and_never_shows_the_url(
    reference_store: SnapshotStore,
    config: Config,
    teams_settings: Settings,
    teams: FakeTeams,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    webhook = teams_settings.teams.digest_webhook
    assert webhook is not None
    wrong = replace(webhook, url=webhook.url.replace("/digest/", "/deleted/"))
    settings = replace(teams_settings, teams=replace(teams_settings.teams, digest_webhook=wrong))
    [destination] = teams_only(settings)
    outcome = run_digest(reference_store, config, JUNE, destination.channel, destination.make_notifier())
    assert (outcome.state, outcome.permanent) == ("failed", True)
    assert outcome.message == (
        "June 2019 digest for teams:digest: failed, the Teams webhook 127.0.0.1/… (TEAMS_DIGEST_WEBHOOK_URL) "
        "answered HTTP 404: the workflow may have been turned off or deleted, or the URL is wrong; set "
        "TEAMS_DIGEST_WEBHOOK_URL to the URL of the workflow's trigger 'When a Teams webhook request is received'"
    )
    assert len(teams.requests) == 1
    assert destination.where == "Teams (127.0.0.1/…)"
    [run] = DigestLedger(reference_store).list_runs()
    assert (run.state, run.post_attempted_at) == ("failed", None)  # a definite answer: nothing was posted
    assert SIGNATURE not in caplog.text
    assert "/workflows/" not in caplog.text
    assert SIGNATURE not in repr(settings)


def test_failure_past_the_deadline_is_recorded_and_sent_once_later(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    teams.fail_next(*[Fault(503)] * 50)
    webhook = teams_settings.teams.digest_webhook
    assert webhook is not None
    notifier = TeamsNotifier(WebhookClient(webhook, 1.5))
    outcome = run_digest(reference_store, config, JUNE, TEAMS_DIGEST_CHANNEL, notifier)
    assert (outcome.state, outcome.permanent) == ("failed", False)
    assert outcome.message.endswith("answered HTTP 503; it will be retried")
    assert teams.digests == []
    teams.faults.clear()
    assert post(reference_store, config, teams_settings) == "posted"
    assert len(teams.digests) == 1
    [run] = DigestLedger(reference_store).list_runs()
    assert (run.state, run.attempts) == ("posted", 2)


class StoppedClock:
    """A monotonic clock that moves only when told to, or when the client sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_retry_time_counts_from_the_first_request_not_from_building_the_digest(
    reference_store: SnapshotStore, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    webhook = teams_settings.teams.digest_webhook
    assert webhook is not None
    clock = StoppedClock()
    client = WebhookClient(webhook, 1.5, clock=clock, sleep=clock.sleep)
    clock.now += 100  # the charts and workbook took longer than the whole retry deadline
    teams.fail_next(Fault(503))
    outcome = run_digest(reference_store, config, JUNE, TEAMS_DIGEST_CHANNEL, TeamsNotifier(client))
    assert outcome.message == "June 2019 digest for teams:digest: posted"
    assert len(teams.digests) == 1


def cli(db: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """missing-report as a real process, run in the store's folder (the test's own), where its outbox goes."""
    return start_process("--db", str(db), *args, cwd=db.parent, env=env)


def again(db: Path, env: dict[str, str], cwd: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("--db", str(db), *args, cwd=cwd, env=env)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.slow
def test_killed_after_teams_took_the_card_is_held_not_sent_twice(
    reference_db: Path, teams: FakeTeams, teams_env: dict[str, str], tmp_path: Path
) -> None:
    release = teams.hold(after_taking=True)
    first = cli(reference_db, teams_env, "digest", "--month", "2019-06", "--post")
    assert teams.held.wait(30)
    first.kill()  # Teams has the card; the process never heard back
    first.wait()
    release.set()
    teams.hold_event = None
    # Only the killed run needs a process of its own; what follows runs main() in this one (tests/cli_runner.py).
    code, out, err = again(reference_db, teams_env, tmp_path, "digest", "--month", "2019-06", "--post")
    assert code == 1, err
    assert out.startswith("June 2019 digest for teams:digest: held, an earlier attempt sent the card and stopped ")
    code, out, _ = again(reference_db, teams_env, tmp_path, "digest", "--month", "2019-06", "--post")
    assert code == 0
    assert out.startswith("June 2019 digest for teams:digest: not sent, held since ")
    assert len(teams.digests) == 1  # never sent twice on its own
    _, runs, _ = again(reference_db, teams_env, tmp_path, "digest-runs")
    assert runs.splitlines()[1].split()[:5] == ["1", "2019-06", "teams:digest", "uncertain", "2"]
    assert runs.splitlines()[-1].startswith("uncertain: the card may or may not have reached the channel")
    # A person looked and found nothing: --force sends it again, on purpose.
    code, out, _ = again(reference_db, teams_env, tmp_path, "digest", "--month", "2019-06", "--post", "--force")
    assert (code, out) == (0, "June 2019 digest for teams:digest: posted\n")
    assert len(teams.digests) == 2


def test_post_goes_to_slack_and_teams_once_each(
    reference_db: Path,
    slack: FakeSlack,
    teams: FakeTeams,
    teams_env: dict[str, str],
    slack_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # the full table goes to ./outbox
    for name, value in {**slack_env, **teams_env}.items():
        monkeypatch.setenv(name, value)
    teams.fail_next(Fault(500))
    printed: list[str] = []
    assert main(["--db", str(reference_db), "digest", "--month", "2019-06", "--post"], printed.append) == 0
    assert printed == ["June 2019 digest for C0DIGEST: posted", "June 2019 digest for teams:digest: posted"]
    printed.clear()
    assert main(["--db", str(reference_db), "digest", "--month", "2019-06", "--post"], printed.append) == 0
    assert [line.split(": not sent, already posted")[0] for line in printed] == [
        "June 2019 digest for C0DIGEST",
        "June 2019 digest for teams:digest",
    ]
    assert (len(slack.messages), len(teams.digests)) == (1, 1)
    store = open_store(reference_db)
    assert [(r.channel, r.state) for r in DigestLedger(store).list_runs()] == [
        (CHANNEL, "posted"),
        ("teams:digest", "posted"),
    ]
    store.close()
    printed.clear()
    forced = ["--db", str(reference_db), "digest", "--month", "2019-06", "--post", "--to", "teams", "--force"]
    assert main(forced, printed.append) == 0
    assert printed == ["June 2019 digest for teams:digest: posted"]
    assert (len(slack.messages), len(teams.digests)) == (1, 2)


def test_alerts_go_to_teams_once_each(
    tmp_path: Path, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    store = open_store(tmp_path / "store.db")
    senders = alert_senders(teams_settings, print)
    assert [s.channel for s in senders] == ["teams:alerts"]
    teams.fail_next(Fault(429, "", {"Retry-After": "0"}))
    for number in range(6):
        path, as_at = extract(tmp_path, number)
        snapshot_id = ingest_extract(store, path, as_at, config).snapshot_id
        alert_after_snapshot(store, snapshot_id, AlertContext(teams_settings, senders))
        alert_after_snapshot(
            store, snapshot_id, AlertContext(teams_settings, senders)
        )  # deciding again changes nothing
    assert [texts(card["body"]) for card in teams.alerts] == [["missing-report alert", text] for text in EXPECTED]
    assert [(a.channel, a.state) for a in list_alerts(store)] == [("teams:alerts", "sent")] * 3
    store.close()


def test_an_alert_that_may_have_gone_out_is_sent_again_marked(
    tmp_path: Path, config: Config, teams_settings: Settings, teams: FakeTeams
) -> None:
    webhook = teams_settings.teams.alerts_webhook
    assert webhook is not None
    notifier = TeamsNotifier(WebhookClient(webhook, 30))
    assert notifier.send_alert(EXPECTED[0], "alert-1", may_have_posted=True) == "HTTP 202, alert-1"
    [card] = teams.alerts
    assert texts(card["body"]) == [
        "missing-report alert",
        EXPECTED[0],
        "Sent again: an earlier attempt may or may not have reached this channel.",
    ]


def test_a_webhook_never_reached_is_given_up_within_30_seconds_with_what_to_check() -> None:
    with socket.socket() as probe:  # a loopback port nothing listens on: each connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    webhook = Webhook(f"http://127.0.0.1:{port}/workflows/digest?{SIGNATURE}", "TEAMS_DIGEST_WEBHOOK_URL")
    clock = StoppedClock()
    client = WebhookClient(webhook, 300, clock=clock, sleep=clock.sleep)  # the default deadline: 5 minutes
    with pytest.raises(DeliveryError) as raised:
        client.post(b"{}")
    assert clock.now < 30
    assert str(raised.value) == (
        "could not reach the Teams webhook 127.0.0.1/… (TEAMS_DIGEST_WEBHOOK_URL) (ConnectError), tried for 30 s: "
        "check that this machine can reach 127.0.0.1 over HTTPS (a firewall, or a proxy to set in HTTPS_PROXY); "
        "it will be retried"
    )
    assert not raised.value.permanent
