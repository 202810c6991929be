"""The monthly digest delivered to a fake Slack Web API over real HTTP, exactly once, through faults."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.chats.slack.client import build_web_client
from bot.chats.slack.notifier import SlackNotifier, slack_notifier
from bot.services.digests import run_digest
from bot.settings import Settings
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.store.digest_runs import DigestLedger
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.digest_expectations import EXPECTED_BLOCKS, field
from tests.cli_runner import run_cli, start_process
from tests.fake_slack import CHANNEL, GOOD_TOKEN, FakeSlack, Fault

JUNE = Month.parse("2019-06")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

EXPECTED_TEXT = (
    "Children missing from home or care: June 2019. 116 missing episodes, of which 74 LAC and 28 at CSE risk; "
    "53 children, of which 28 LAC and 9 at CSE risk; 77% offered a return home interview; "
    "84% of those offered, accepted; 69% of those accepted, completed in time; "
    "0 still missing at the end of the month."
)


def post(store: SnapshotStore, config: Config, settings: Settings, force: bool = False) -> str:
    return run_digest(store, config, JUNE, CHANNEL, slack_notifier(settings, CHANNEL), force=force).state


def test_digest_message_text_and_blocks(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    assert post(reference_store, config, settings) == "posted"
    [message] = slack.messages
    assert message["channel"] == CHANNEL
    assert message["text"] == EXPECTED_TEXT
    assert message["blocks"] == EXPECTED_BLOCKS
    assert message["metadata"] == {
        "event_type": "missing_report_digest",
        "event_payload": {"run": "run-1", "month": "2019-06"},
    }


def test_with_a_public_url_the_message_opens_the_months_full_report(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    linked = replace(settings, public_url="https://missing-report.council.gov.uk")
    assert post(reference_store, config, linked) == "posted"
    [message] = slack.messages
    assert message["blocks"] == [
        *EXPECTED_BLOCKS[:-1],
        {
            "type": "section",
            "text": field(
                "*<https://missing-report.council.gov.uk/report/2019-06|Open the full report>*: every figure, "
                "the comments and the charts, to read larger or print."
            ),
        },
        EXPECTED_BLOCKS[-1],
    ]


def test_charts_and_table_uploaded_in_the_thread(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    post(reference_store, config, settings)
    [message] = slack.messages
    assert slack.count("files.completeUploadExternal") == 2  # the month's page, then the year's trends
    files = list(slack.completed_files())
    assert [f["filename"] for f in files] == [
        "days-missing.png",
        "rhi-in-time.png",
        "ethnicity.png",
        "bme.png",
        "age.png",
        "gender.png",
        "case-type.png",
        "missing-report-2019-06.xlsx",
        "trend-episodes.png",
        "trend-children.png",
        "trend-3plus.png",
        "trend-rhi.png",
        "trend-rhi-in-time.png",
    ]
    for file in files:
        assert file["thread_ts"] == message["ts"]
        assert len(file["content"]) == file["length"]
        if file["filename"].endswith(".png"):
            assert file["content"].startswith(PNG_SIGNATURE)
            assert file["alt_txt"].startswith(("Bar chart, ", "Stacked bar chart, "))
        else:
            assert file["content"].startswith(b"PK")  # an XLSX workbook is a zip
    days = next(f for f in files if f["filename"] == "days-missing.png")
    assert days["alt_txt"] == (
        "Bar chart, Number of days missing, Jun-19 (of 116 episodes). Same day: 53 (46%); 1 day: 53 (46%); "
        "2 days: 2 (1.7%); 3 days: 2 (1.7%); 4 days: 2 (1.7%); 5 days: 0 (0%); 6+ days: 4 (3%); Still missing: 0 (0%)."
    )
    comments = [c["initial_comment"] for c in slack.completions]
    assert comments == [
        "Missing profile, June 2019, and the full table",
        "Trends over 13 months, with last year where the data reaches back",
    ]


@pytest.mark.parametrize(
    "fault",
    [
        Fault(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "0"}),
        Fault(500, "Internal Server Error"),
        Fault(503, "Service Unavailable"),
    ],
)
def test_transient_error_then_success_posts_once(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack, fault: Fault
) -> None:
    slack.fail_next("chat.postMessage", fault)
    slack.fail_next("files.getUploadURLExternal", fault)
    assert post(reference_store, config, settings) == "posted"
    assert slack.count("chat.postMessage") == 2  # the refused request and its retry
    assert len(slack.messages) == 1
    assert slack.count("files.completeUploadExternal") == 2


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_retry_after_is_honoured(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    slack.fail_next("chat.postMessage", Fault(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}))
    started = time.monotonic()
    assert post(reference_store, config, settings) == "posted"
    assert time.monotonic() - started >= 1


def test_bad_token_is_one_clear_error_without_retries(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    wrong = replace(settings, bot_token="xoxb-revoked")
    outcome = run_digest(reference_store, config, JUNE, CHANNEL, slack_notifier(wrong, CHANNEL))
    assert outcome.state == "failed"
    assert outcome.permanent
    assert outcome.message == (
        "June 2019 digest for C0DIGEST: failed, Slack refused the bot token (invalid_auth): set SLACK_BOT_TOKEN "
        "to the app's bot token (xoxb-...) with the chat:write and files:write scopes"
    )
    assert slack.count("chat.postMessage") == 1
    [run] = DigestLedger(reference_store).list_runs()
    assert (run.state, run.permanent_error) == ("failed", True)


def test_unknown_channel_is_one_clear_error(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    outcome = run_digest(reference_store, config, JUNE, "C0NOWHERE", slack_notifier(settings, "C0NOWHERE"))
    assert outcome.message.endswith(
        "Slack cannot post to channel C0NOWHERE (channel_not_found): set the channel ID (C...) in "
        "SLACK_DIGEST_CHANNEL or [slack] digest_channel, and invite the bot to that channel"
    )
    assert slack.count("chat.postMessage") == 1


def test_failure_past_the_deadline_is_recorded_and_resumed(
    reference_store: SnapshotStore, config: Config, slack: FakeSlack
) -> None:
    # Slack keeps failing the uploads for longer than the run may wait: the run fails, the message stays.
    slack.fail_next("files.getUploadURLExternal", *[Fault(500, "Internal Server Error")] * 50)
    deadline = time.monotonic() + 1.5
    notifier = SlackNotifier(build_web_client(GOOD_TOKEN, slack.base_url, deadline), CHANNEL, deadline)
    outcome = run_digest(reference_store, config, JUNE, CHANNEL, notifier)
    assert (outcome.state, outcome.permanent) == ("failed", False)
    [run] = DigestLedger(reference_store).list_runs()
    assert run.state == "failed"
    assert run.message_ref is not None
    assert run.uploads_done == []
    # The next attempt posts no second message and does the uploads.
    slack.faults.clear()
    deadline = time.monotonic() + 30
    notifier = SlackNotifier(build_web_client(GOOD_TOKEN, slack.base_url, deadline), CHANNEL, deadline)
    assert run_digest(reference_store, config, JUNE, CHANNEL, notifier).state == "posted"
    assert len(slack.messages) == 1
    assert slack.count("files.completeUploadExternal") == 2
    [run] = DigestLedger(reference_store).list_runs()
    assert (run.state, run.attempts, run.uploads_done) == ("posted", 2, ["profile", "trends"])


def test_posted_month_is_not_posted_again_unless_forced(
    reference_store: SnapshotStore, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    assert post(reference_store, config, settings) == "posted"
    assert post(reference_store, config, settings) == "skipped"
    assert len(slack.messages) == 1
    assert post(reference_store, config, settings, force=True) == "posted"
    assert len(slack.messages) == 2
    assert [(r.state, r.forced) for r in DigestLedger(reference_store).list_runs()] == [
        ("posted", False),
        ("posted", True),
    ]


def cli(db: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """`digest --post` as a real process, run in the store's folder (the test's own), where its outbox goes."""
    return start_process("--db", str(db), "digest", "--month", "2019-06", "--post", *args, cwd=db.parent, env=env)


def resume(db: Path, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The run after a killed one, in this process (tests/cli_runner.py): what it prints is what a process would."""
    return run_cli("--db", str(db), "digest", "--month", "2019-06", "--post", cwd=cwd, env=env)


@pytest.mark.slow
def test_crash_between_message_and_upload_resumes_without_a_second_message(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    release = slack.hold("files.getUploadURLExternal")
    first = cli(reference_db, slack_env)
    assert slack.wait_held("files.getUploadURLExternal")
    first.kill()  # the process dies after the message, before any upload
    first.wait()
    release.set()
    second = resume(reference_db, slack_env, tmp_path)  # only the killed run needs a process of its own
    assert (second.returncode, second.stdout) == (0, "June 2019 digest for C0DIGEST: posted\n"), second.stderr
    assert len(slack.messages) == 1
    assert slack.count("files.completeUploadExternal") == 2


@pytest.mark.slow
def test_crash_while_slack_completes_an_upload_shares_each_chart_once(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 22, item 4: killed while files.completeUploadExternal was in flight, the resumed run uploaded the
    whole group again (its charts twice in the thread)."""
    release = slack.hold("files.completeUploadExternal", after_answer=True)
    first = cli(reference_db, slack_env)
    assert slack.wait_held("files.completeUploadExternal")
    first.kill()  # Slack has shared the first group's files; the run never heard back
    first.wait()
    release.set()
    second = resume(reference_db, slack_env, tmp_path)  # only the killed run needs a process of its own
    assert (second.returncode, second.stdout) == (0, "June 2019 digest for C0DIGEST: posted\n"), second.stderr
    [message] = slack.messages
    names = slack.thread_file_names(message["ts"])
    assert len(names) == 13  # the 12 charts and the full table
    assert sorted(names) == sorted(set(names)), "no file twice in the thread"
    assert "missing-report-2019-06.xlsx" in names
    assert slack.count("conversations.replies") == 1


@pytest.mark.slow
def test_crash_after_slack_posted_but_before_it_was_recorded(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    release = slack.hold("chat.postMessage", after_answer=True)
    first = cli(reference_db, slack_env)
    assert slack.wait_held("chat.postMessage")
    first.kill()  # Slack has the message; the process never heard back
    first.wait()
    release.set()
    second = resume(reference_db, slack_env, tmp_path)  # only the killed run needs a process of its own
    assert second.returncode == 0, second.stderr
    assert len(slack.messages) == 1  # found again by its run key, not posted twice
    assert slack.count("conversations.history") == 1
    assert {c["thread_ts"] for c in slack.completions} == {slack.messages[0]["ts"]}


@pytest.mark.slow
def test_two_concurrent_runs_post_once(reference_db: Path, slack: FakeSlack, slack_env: dict[str, str]) -> None:
    release = slack.hold("chat.postMessage")
    first = cli(reference_db, slack_env)
    assert slack.wait_held("chat.postMessage")
    second = cli(reference_db, slack_env)  # starts while the first is posting
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert out.startswith("June 2019 digest for C0DIGEST: not sent, another run (")
    release.set()
    out, err = first.communicate(timeout=60)
    assert (first.returncode, out) == (0, "June 2019 digest for C0DIGEST: posted\n"), err
    assert len(slack.messages) == 1


def test_digest_without_credentials_writes_the_outbox(reference_db: Path, tmp_path: Path) -> None:
    os.umask(0o022)  # folders would be 0755 and files 0644 if the outbox did not make them owner-only
    result = run_cli(
        "--db", str(reference_db), "digest", "--month", "2019-06", "--out", str(tmp_path / "outbox"), cwd=tmp_path
    )
    target = tmp_path / "outbox" / "2019-06"
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Wrote {target}: message.json, teams-card.json, preview.html, 12 charts (PNG), missing-report-2019-06.xlsx\n"
        f"Open {target / 'preview.html'} in a browser to see the digest.\n"
    )
    message = json.loads((target / "message.json").read_text())
    assert message == {"text": EXPECTED_TEXT, "blocks": EXPECTED_BLOCKS}
    assert (target / "days-missing.png").read_bytes().startswith(PNG_SIGNATURE)
    preview = (target / "preview.html").read_text()
    assert "<h1>Children missing from home or care: June 2019</h1>" in preview
    assert preview.count("<img ") == 12
    assert "<li>CSE-risk episodes rose from 16 to 28</li>" in preview
    modes = {oct(path.stat().st_mode & 0o777) for path in [target, *target.iterdir()]}  # issue 22, item 6
    assert (oct((tmp_path / "outbox").stat().st_mode & 0o777), modes) == ("0o700", {"0o700", "0o600"})
    assert oct(target.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (
            ["--channel", "C1"],
            "SLACK_BOT_TOKEN is not set: export SLACK_BOT_TOKEN=xoxb-... (the Slack app's bot token), "
            "or leave out --post to write the outbox instead",
        ),
        (
            ["--to", "teams"],
            "TEAMS_DIGEST_WEBHOOK_URL is not set: export TEAMS_DIGEST_WEBHOOK_URL=https://... (the URL of the Teams "
            "workflow's webhook trigger; see the README's 'Setting up Teams'), or leave out --post to write the "
            "outbox instead",
        ),
        (
            [],
            "no chat tool is set up to post to: set SLACK_BOT_TOKEN and SLACK_DIGEST_CHANNEL for Slack, or "
            "TEAMS_DIGEST_WEBHOOK_URL for Teams (see the README), or leave out --post to write the outbox",
        ),
    ],
)
def test_post_without_credentials_says_how_to_set_them(
    reference_db: Path, tmp_path: Path, where: list[str], message: str
) -> None:
    result = run_cli("--db", str(reference_db), "digest", "--post", *where, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"missing-report: {message}\n"


def closed_port() -> int:
    """A loopback port nothing listens on: a connection to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_unreachable_slack_says_so_with_progress_and_what_to_check(
    reference_db: Path, tmp_path: Path, slack_env: dict[str, str]
) -> None:
    """Case 9: a post to an unreachable Slack ran 276 s with 43 raw slack_sdk log lines and no progress line,
    then called a refused connection a bug; and `digest-runs` cut the error mid-sentence."""
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text()
    assert "deadline_seconds = 300\n" in shipped
    (tmp_path / "short.toml").write_text(shipped.replace("deadline_seconds = 300\n", "deadline_seconds = 5\n"))
    env = {**slack_env, "SLACK_API_URL": f"http://127.0.0.1:{closed_port()}/api/"}
    common = ("--config", str(tmp_path / "short.toml"), "--db", str(reference_db))
    started = time.monotonic()
    result = run_cli(*common, "digest", "--month", "2019-06", "--post", cwd=tmp_path, env=env)
    assert time.monotonic() - started < 15  # building the digest, then the 5 s deadline
    error = (
        "Slack could not be reached (connection refused). Check that this machine can reach slack.com over HTTPS "
        "(network, firewall; a proxy is taken from HTTPS_PROXY) and that SLACK_API_URL, if it is set, is right"
    )
    assert (result.returncode, result.stdout) == (1, f"June 2019 digest for C0DIGEST: failed, {error}\n")
    retries = re.findall(
        r"WARNING bot\.chats\.slack\.client: Slack did not answer \(connection refused\); trying again in ([\d.]+) s, "
        r"giving up at \d\d:\d\d:\d\d\n",
        result.stderr,
    )
    assert retries == ["0.5", "1", "2"]  # the next wait (4 s) would pass the 5 s deadline
    assert "slack_sdk" not in result.stderr
    assert "unexpected" not in result.stderr
    [run] = DigestLedger(open_store(reference_db)).list_runs()
    assert (run.state, run.error, run.permanent_error) == ("failed", error, False)  # serve tries again later
    listed = run_cli(*common, "digest-runs", cwd=tmp_path)
    assert listed.stdout.splitlines()[1:] == [
        f"   1  2019-06  C0DIGEST        failed         1  {run.started_at}",
        "      error: Slack could not be reached (connection refused). Check that this machine can reach",
        "             slack.com over HTTPS (network, firewall; a proxy is taken from HTTPS_PROXY) and that",
        "             SLACK_API_URL, if it is set, is right",
    ]


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_each_retry_is_one_line_saying_what_slack_answered(
    reference_store: SnapshotStore,
    config: Config,
    settings: Settings,
    slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack.fail_next("chat.postMessage", Fault(503, "Service Unavailable"))
    slack.fail_next("chat.postMessage", Fault(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}))
    assert post(reference_store, config, settings) == "posted"
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.chats.slack.client"]
    assert [line.rpartition(", giving up at ")[0] for line in lines] == [
        "Slack answered HTTP 503; trying again in 0.5 s",
        "Slack asked us to slow down (HTTP 429); trying again in 1 s",
    ]
