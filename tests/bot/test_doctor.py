"""`missing-report doctor` as a council's IT would run it: a real process, the real Slack client pointed at the
loopback fake Slack, and one line per check with the fix for each failure."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from bot.chats.teams.setup_checks import check_teams_webhook_url
from bot.checks import FAILED, PASSED
from bot.cli.doctor import check_next_digest_data, check_schedule
from bot.settings import load_settings
from digest.contract.config import Config
from tests.bot.extracts import today
from tests.cli_runner import run_cli
from tests.conftest import clean_environment
from tests.fake_slack import GOOD_TOKEN, FakeSlack

ALERTS = "C0ALERTS"
SHIPPED_CONFIG = Path(__file__).resolve().parents[2] / "config" / "missing-report.toml"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SCHEDULE_LINE = re.compile(
    r"^ok    Next digest: \w+day \d{1,2} \w+ \d{4} at 09:00 Europe/London \(in \d+ (day|hour|minute)s?\), "
    r"for (?P<month>\w+ \d{4})$"
)


def doctor(db: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--db", str(db), "doctor", *extra, cwd=db.parent, env=env)


@pytest.fixture
def council_env(slack_env: dict[str, str], slack: FakeSlack) -> dict[str, str]:
    """A full Slack set-up: digest and alerts channels, slash command over HTTP."""
    slack.channels.add(ALERTS)
    slack.members.add(ALERTS)
    return {**slack_env, "SLACK_ALERTS_CHANNEL": ALERTS, "SLACK_SIGNING_SECRET": SECRET}


def lines_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stdout.splitlines()


def test_a_good_set_up_passes_every_check(current_db: Path, council_env: dict[str, str]) -> None:
    result = doctor(current_db, council_env, "--config", str(SHIPPED_CONFIG))
    lines = lines_of(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[:2] == ["Checking the set-up; nothing is posted.", f"ok    Config: {SHIPPED_CONFIG}: valid"]
    home = current_db.parent
    assert lines[2] == (
        f"ok    Home: {home} (MISSING_REPORT_HOME): store {current_db}, outbox {home}/outbox/, drop folder "
        f"{home}/inbox/"
    )
    del lines[2]
    assert lines[2:10] == [
        f"ok    Store: {current_db}, latest snapshot 1 as at {today():%d/%m/%Y} 00:00",
        "ok    Store privacy: only its owner can read it (mode 600)",
        "off   Web report: not set up (MISSING_REPORT_OIDC_ISSUER and MISSING_REPORT_OIDC_CLIENT_ID and "
        "MISSING_REPORT_OIDC_CLIENT_SECRET are not set)",
        "ok    Slack token: valid: the bot @missing-report in workspace T1",
        "ok    Slack scopes: chat:write, files:write, channels:history, commands",
        "ok    Slack digest channel C0DIGEST: the bot is a member of #channel-c0digest",
        "ok    Slack alerts channel C0ALERTS: the bot is a member of #channel-c0alerts",
        "ok    Slash command /missing: answered over HTTP on port 3000 at /slack/events, "
        "requests verified with SLACK_SIGNING_SECRET",
    ]
    assert lines[10] == "off   Teams: not set up (TEAMS_DIGEST_WEBHOOK_URL and TEAMS_ALERTS_WEBHOOK_URL are not set)"
    assert SCHEDULE_LINE.match(lines[11]), lines[11]
    assert lines[12:] == [
        f"ok    Data for the next digest: the latest snapshot, as at {today():%d/%m/%Y} 00:00, covers "
        f"{SCHEDULE_LINE.match(lines[11]).group('month')}",  # type: ignore[union-attr]
        "All checks passed.",
    ]
    assert result.stderr == ""


def test_a_revoked_token_is_named_with_its_fix(current_db: Path, council_env: dict[str, str], slack: FakeSlack) -> None:
    slack.revoked.add(GOOD_TOKEN)
    result = doctor(current_db, council_env)
    assert result.returncode == 1
    slack_lines = [line for line in lines_of(result) if " Slack" in line]
    assert slack_lines == [
        "FAIL  Slack token: Slack refused it (token_revoked). Fix: reinstall the app in the Slack app's settings "
        "(api.slack.com/apps) under OAuth & Permissions and set SLACK_BOT_TOKEN to the app's Bot User OAuth Token "
        "(xoxb-...)"
    ]  # the scopes and channels cannot be checked with a refused token, so they are not claimed either way
    assert lines_of(result)[-1] == "1 check(s) failed: fix them, then run missing-report doctor again."
    assert GOOD_TOKEN not in result.stdout


def test_a_missing_scope_is_named_with_its_fix(current_db: Path, council_env: dict[str, str], slack: FakeSlack) -> None:
    slack.scopes.discard("files:write")
    result = doctor(current_db, council_env)
    assert result.returncode == 1
    assert [line for line in lines_of(result) if line.startswith("FAIL")] == [
        "FAIL  Slack scopes: missing files:write (files:write to upload the digest's charts and workbook). "
        "Fix: add files:write under Bot Token Scopes in the Slack app's settings (api.slack.com/apps) under "
        "OAuth & Permissions, then reinstall the app and set SLACK_BOT_TOKEN to the app's Bot User OAuth Token "
        "(xoxb-...)"
    ]


def test_a_channel_the_bot_is_not_in_is_named_with_its_fix(
    current_db: Path, council_env: dict[str, str], slack: FakeSlack
) -> None:
    slack.members.discard("C0DIGEST")
    wrong_id = doctor(current_db, {**council_env, "SLACK_ALERTS_CHANNEL": "C0TYPO"})
    assert wrong_id.returncode == 1
    assert [line for line in lines_of(wrong_id) if line.startswith("FAIL")] == [
        "FAIL  Slack digest channel C0DIGEST: the bot is not a member of #channel-c0digest. "
        "Fix: in #channel-c0digest, type /invite @missing-report",
        "FAIL  Slack alerts channel C0TYPO: no such channel that the bot can see. Fix: check the ID (in Slack: "
        "the channel's name > About, at the bottom); for a private channel, invite the bot first: "
        "/invite @missing-report",
    ]
    assert lines_of(wrong_id)[-1] == "2 check(s) failed: fix them, then run missing-report doctor again."


def test_a_store_others_can_read_is_named_with_its_fix(current_db: Path, council_env: dict[str, str]) -> None:
    current_db.chmod(0o644)
    result = doctor(current_db, council_env)
    assert result.returncode == 1
    assert (
        f"FAIL  Store privacy: other users of this machine can read it ({current_db.name} 644), and it holds "
        f"child ids. Fix: chmod 600 {current_db}" in lines_of(result)
    )


def test_without_slack_the_outbox_is_said_and_nothing_fails(current_db: Path) -> None:
    env = clean_environment()
    result = doctor(current_db, env)
    assert result.returncode == 0, result.stdout
    assert (
        "off   Slack: SLACK_BOT_TOKEN is not set: digests and alerts go to the outbox folder outbox/" in result.stdout
    )
    assert (
        "off   Slash command /missing: not answered; set SLACK_APP_TOKEN for Socket Mode (no public URL), "
        "or SLACK_SIGNING_SECRET to answer over HTTP" in result.stdout
    )


def test_a_broken_config_is_the_one_failure(current_db: Path, council_env: dict[str, str]) -> None:
    shipped = SHIPPED_CONFIG.read_text(encoding="utf-8")
    (current_db.parent / "c.toml").write_text(shipped.replace("\nday = 10\n", "\nday = 31\n"), encoding="utf-8")
    result = doctor(current_db, council_env, "--config", "c.toml")
    assert result.returncode == 1
    assert lines_of(result)[1] == (
        "FAIL  Config: config file c.toml: [digest] day = 31 must be a whole number from 1 to 28. "
        "Fix: correct the file, then run missing-report doctor again"
    )
    unreadable = doctor(current_db, council_env, "--config", "missing.toml")
    assert unreadable.returncode == 1
    assert lines_of(unreadable)[1].startswith("FAIL  Config: ")


def test_http_secret_and_socket_mode_tokens_are_checked(current_db: Path, council_env: dict[str, str]) -> None:
    pasted_token = doctor(current_db, {**council_env, "SLACK_SIGNING_SECRET": "xoxb-pasted-by-mistake"})
    assert (
        "FAIL  Slash command /missing: SLACK_SIGNING_SECRET holds a token, not the signing secret. Fix: copy the "
        "Signing Secret from the Slack app's Basic Information into SLACK_SIGNING_SECRET" in pasted_token.stdout
    )
    socket_mode = doctor(current_db, {**council_env, "SLACK_APP_TOKEN": "xapp-1-A1-1-abc"})
    assert socket_mode.returncode == 0
    assert (
        "ok    Slash command /missing: answered over Socket Mode (SLACK_APP_TOKEN is set); no public URL needed"
        in socket_mode.stdout
    )


@pytest.mark.parametrize(
    ("url", "finding"),
    [
        (
            "https://prod-27.uksouth.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIG",
            "https://prod-27.uksouth.logic.azure.com/... is well-formed (the rest is secret and not shown)",
        ),
        (
            "https://default1234.56.environment.api.powerplatform.com/powerautomate/automations/direct?sig=SECRETSIG",
            "https://default1234.56.environment.api.powerplatform.com/... is well-formed (the rest is secret and not "
            "shown)",
        ),
        ("http://council.webhook.office.com/webhookb2/SECRETSIG", "must start with https://"),
        (
            "https://teams.example.org/hook?sig=SECRETSIG",
            "the host teams.example.org is not a Microsoft one (.logic.azure.com, .powerplatform.com, "
            ".webhook.office.com)",
        ),
        (
            "https://prod-27.uksouth.logic.azure.com",
            "https://prod-27.uksouth.logic.azure.com/ has no path: the URL was cut short",
        ),
        ("https://prod-27.uksouth.logic.azure.com/workflows/SECRETSIG\n", "contains spaces or line breaks"),
    ],
)
def test_teams_webhook_urls_are_checked_and_never_shown_whole(url: str, finding: str) -> None:
    check = check_teams_webhook_url("TEAMS_DIGEST_WEBHOOK_URL", url)
    assert check.finding == finding
    assert (check.state == PASSED) == finding.endswith("not shown)")
    assert "SECRETSIG" not in check.finding + check.fix


def test_teams_webhook_in_the_report(current_db: Path, council_env: dict[str, str]) -> None:
    url = "https://prod-27.uksouth.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIG"
    result = doctor(current_db, {**council_env, "TEAMS_ALERTS_WEBHOOK_URL": url})
    assert (
        "ok    TEAMS_ALERTS_WEBHOOK_URL: https://prod-27.uksouth.logic.azure.com/... is well-formed "
        "(the rest is secret and not shown)" in lines_of(result)
    )
    assert "SECRETSIG" not in result.stdout + result.stderr


def test_the_next_digest_in_words(config: Config) -> None:
    schedule = load_settings(config, {}).schedule
    before = check_schedule(schedule, dt.datetime(2019, 7, 18, 9, 0, tzinfo=dt.UTC))
    assert before.finding == "Saturday 10 August 2019 at 09:00 Europe/London (in 22 days), for July 2019"
    # 09:00 BST is 08:00 UTC: at 07:30 UTC on the day it is half an hour away.
    on_the_day = check_schedule(schedule, dt.datetime(2019, 8, 10, 7, 30, tzinfo=dt.UTC))
    assert on_the_day.finding == "Saturday 10 August 2019 at 09:00 Europe/London (in 30 minutes), for July 2019"


def test_the_review_channel_is_checked_like_the_others(
    current_db: Path, council_env: dict[str, str], slack: FakeSlack, tmp_path: Path
) -> None:
    slack.channels.add("C0REVIEW")  # the bot has not been invited to it
    config = tmp_path / "review.toml"
    config.write_text(SHIPPED_CONFIG.read_text().replace('review_channel = ""', 'review_channel = "C0REVIEW"'))
    result = doctor(current_db, council_env, "--config", str(config))
    assert result.returncode == 1
    assert [line for line in lines_of(result) if "review channel" in line] == [
        "FAIL  Slack review channel C0REVIEW: the bot is not a member of #channel-c0review. "
        "Fix: in #channel-c0review, type /invite @missing-report"
    ]


def test_a_next_digest_the_data_cannot_make_fails_naming_the_month_and_the_as_at(
    reference_db: Path, council_env: dict[str, str]
) -> None:
    result = doctor(reference_db, council_env)
    assert result.returncode == 1
    month = SCHEDULE_LINE.match(lines_of(result)[-3])
    assert month is not None, result.stdout
    assert [line for line in lines_of(result) if line.startswith("FAIL")] == [
        f"FAIL  Data for the next digest: the next digest, for {month.group('month')}, cannot be made from the "
        "data: the latest snapshot is as at 18/07/2019 00:00. Fix: put an extract covering "
        f'{month.group("month")} in the inbox folder, or run missing-report ingest FILE --as-at "YYYY-MM-DD HH:MM"'
    ]


def test_the_data_check_names_the_next_digests_month(config: Config, reference_db: Path) -> None:
    schedule = load_settings(config, {}).schedule
    covered = check_next_digest_data(reference_db, schedule, dt.datetime(2019, 7, 18, 9, 0, tzinfo=dt.UTC))
    assert (covered.state, covered.finding) == (
        PASSED,
        "the latest snapshot, as at 18/07/2019 00:00, covers July 2019",
    )
    later = check_next_digest_data(reference_db, schedule, dt.datetime(2019, 8, 10, 9, 30, tzinfo=dt.UTC))
    assert (later.state, later.finding) == (
        FAILED,
        "the next digest, for August 2019, cannot be made from the data: the latest snapshot is as at 18/07/2019 00:00",
    )
    nothing = check_next_digest_data(reference_db.parent / "none.db", schedule, dt.datetime(2019, 7, 1, tzinfo=dt.UTC))
    assert nothing.finding == (
        "the next digest, for June 2019, cannot be made from the data: the store holds no snapshot yet"
    )
    assert not (reference_db.parent / "none.db").exists()
