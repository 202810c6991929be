"""The `doctor` command: check a set-up end to end before the first real run, posting nothing.

One line per check, with the fix for each failure: the config, the store (readable, private), Slack
(token, scopes, the bot in each channel), how /missing is answered, the Teams webhook addresses, and
when the next digest falls due. The exit status is 1 when any check fails, so a script can use it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.checks import FAILED, NOT_SET_UP, PASSED, Check
from bot.cli.options import EXIT_OK, EXIT_REFUSED, AddCommand, Printer, store_path
from digest.contract.config import Config, ConfigError
from digest.figures.periods import month_name
from digest.store.snapshots import StoreError, open_store

if TYPE_CHECKING:
    from bot.settings import Schedule, Settings

TEAMS_WEBHOOK_ENVS = {"digest": "TEAMS_DIGEST_WEBHOOK_URL", "alerts": "TEAMS_ALERTS_WEBHOOK_URL"}
# The hosts a Teams workflow (Power Automate) or an incoming-webhook connector URL lives on.
TEAMS_WEBHOOK_DOMAINS = (".logic.azure.com", ".powerplatform.com", ".webhook.office.com")
OWNER_ONLY = 0o600
DOCTOR_DEADLINE_SECONDS = 15  # how long the Slack checks may keep retrying a slow connection
STATE_WIDTH = 5  # characters for ok / FAIL / off


def add_commands(add_command: AddCommand) -> None:
    doctor = add_command(
        "doctor", help="check the set-up (config, store, Slack, Teams, schedule) without posting anything"
    )
    doctor.set_defaults(handler=run_doctor, on_config_error=report_config_error)


def run_doctor(args: argparse.Namespace, config: Config, out: Printer) -> int:
    checks = collect_checks(config, store_path(args, config), os.environ, dt.datetime.now(dt.UTC))
    out(render_checks(checks))
    return EXIT_REFUSED if any(check.failed for check in checks) else EXIT_OK


def report_config_error(error: ConfigError, out: Printer) -> int:
    """A config that cannot be read stops the other checks: they all depend on it."""
    out(render_checks([Check(FAILED, "Config", str(error), "correct the file, then run missing-report doctor again")]))
    return EXIT_REFUSED


def collect_checks(config: Config, store: Path, environ: Mapping[str, str], now: dt.datetime) -> list[Check]:
    from bot.settings import load_settings
    from bot.web_report.checks import check_web_report

    try:
        settings = load_settings(config, environ)
    except ConfigError as error:
        return [Check(FAILED, "Config", str(error), "correct the file, then run missing-report doctor again")]
    checks = [Check(PASSED, "Config", f"{config.source}: valid")]
    checks += check_store(store)
    checks += check_slack_setup(settings)
    checks.append(check_slash_command(settings))
    checks += check_teams_webhooks(environ)
    checks += check_web_report(config, environ)
    checks.append(check_schedule(settings.schedule, now))
    return checks


def render_checks(checks: list[Check]) -> str:
    lines = ["Checking the set-up; nothing is posted."]
    for check in checks:
        line = f"{check.state:<{STATE_WIDTH}} {check.name}: {check.finding}"
        lines.append(f"{line}. Fix: {check.fix}" if check.failed and check.fix else line)
    failed = sum(check.failed for check in checks)
    if failed:
        lines.append(f"{failed} check(s) failed: fix them, then run missing-report doctor again.")
    else:
        lines.append("All checks passed.")
    return "\n".join(lines) + "\n"


def check_store(path: Path) -> list[Check]:
    """The store exists, opens, holds a snapshot, and only its owner can read it (it holds child ids)."""
    if not path.exists():
        return [
            Check(
                FAILED,
                "Store",
                f"there is no store at {path}",
                'ingest an extract (missing-report ingest FILE --as-at "YYYY-MM-DD HH:MM"), '
                "or point --db or MISSING_REPORT_DB at the store",
            )
        ]
    # Looked at before the store is opened: opening it takes others' access away.
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    open_to_others = [p for p in files if stat.S_IMODE(p.stat().st_mode) & ~OWNER_ONLY]
    if not open_to_others:
        privacy = Check(PASSED, "Store privacy", f"only its owner can read it (mode {OWNER_ONLY:o})")
    else:
        modes = ", ".join(f"{p.name} {stat.S_IMODE(p.stat().st_mode):o}" for p in open_to_others)
        privacy = Check(
            FAILED,
            "Store privacy",
            f"other users of this machine can read it ({modes}), and it holds child ids",
            f"chmod {OWNER_ONLY:o} {' '.join(str(p) for p in open_to_others)}",
        )
    try:
        with open_store(path) as store:
            snapshot = store.get_snapshot()
    except StoreError as error:
        return [Check(FAILED, "Store", str(error))]  # the message says what to do
    found = f"{path}, latest snapshot {snapshot.id} as at {snapshot.as_at:%d/%m/%Y %H:%M}"
    return [Check(PASSED, "Store", found), privacy]


def check_slack_setup(settings: Settings) -> list[Check]:
    from bot.settings import ALERTS_CHANNEL_ENV, BOT_TOKEN_ENV, DIGEST_CHANNEL_ENV
    from bot.slack.client import build_web_client
    from bot.slack.setup_checks import check_slack

    if not settings.bot_token:
        return [
            Check(
                NOT_SET_UP,
                "Slack",
                f"{BOT_TOKEN_ENV} is not set: digests and alerts go to the outbox folder {settings.outbox}/",
            )
        ]
    channels = {
        purpose: channel
        for purpose, channel in (
            ("digest channel", settings.digest_channel),
            ("alerts channel", settings.alerts_channel),
            ("review channel", settings.review.channel),
        )
        if channel
    }
    client = build_web_client(settings.bot_token, settings.api_url, time.monotonic() + DOCTOR_DEADLINE_SECONDS)
    checks = check_slack(client, channels, answers_slash_command=bool(settings.signing_secret or settings.app_token))
    if not settings.digest_channel:
        checks.append(
            Check(NOT_SET_UP, "Slack digest channel", f"not set ({DIGEST_CHANNEL_ENV}): the digest goes to the outbox")
        )
    if not settings.alerts_channel:
        checks.append(
            Check(NOT_SET_UP, "Slack alerts channel", f"not set ({ALERTS_CHANNEL_ENV}): alerts go to the outbox")
        )
    return checks


def check_slash_command(settings: Settings) -> Check:
    """How the slash command would be answered: Socket Mode, HTTP with a signing secret, or not at all."""
    from bot.server import EVENTS_PATH
    from bot.settings import APP_TOKEN_ENV, BOT_TOKEN_ENV, SIGNING_SECRET_ENV

    name = f"Slash command {settings.slash.command}"
    if not (settings.app_token or settings.signing_secret):
        return Check(
            NOT_SET_UP,
            name,
            f"not answered; set {APP_TOKEN_ENV} for Socket Mode (no public URL), "
            f"or {SIGNING_SECRET_ENV} to answer over HTTP",
        )
    if not settings.bot_token:
        return Check(FAILED, name, f"{BOT_TOKEN_ENV} is not set", f"set {BOT_TOKEN_ENV} to the bot token as well")
    if settings.app_token:
        if not settings.app_token.startswith("xapp-"):
            return Check(
                FAILED,
                name,
                f"{APP_TOKEN_ENV} is not an app-level token (they start xapp-)",
                f"in the Slack app's Basic Information, generate an app-level token with connections:write "
                f"and set {APP_TOKEN_ENV} to it",
            )
        return Check(PASSED, name, f"answered over Socket Mode ({APP_TOKEN_ENV} is set); no public URL needed")
    if settings.signing_secret and settings.signing_secret.startswith(("xox", "xapp-")):
        return Check(
            FAILED,
            name,
            f"{SIGNING_SECRET_ENV} holds a token, not the signing secret",
            f"copy the Signing Secret from the Slack app's Basic Information into {SIGNING_SECRET_ENV}",
        )
    return Check(
        PASSED,
        name,
        f"answered over HTTP on port {settings.slash.port} at {EVENTS_PATH}, "
        f"requests verified with {SIGNING_SECRET_ENV}",
    )


def check_teams_webhooks(environ: Mapping[str, str]) -> list[Check]:
    """Each Teams webhook URL that is set, checked for shape; never printed whole (it is a secret)."""
    given = {purpose: environ[name] for purpose, name in TEAMS_WEBHOOK_ENVS.items() if environ.get(name)}
    if not given:
        return [Check(NOT_SET_UP, "Teams", f"not set up ({' and '.join(TEAMS_WEBHOOK_ENVS.values())} are not set)")]
    return [check_teams_webhook_url(TEAMS_WEBHOOK_ENVS[purpose], url) for purpose, url in given.items()]


def check_teams_webhook_url(variable: str, url: str) -> Check:
    fix = (
        f"copy the whole URL again from the Teams workflow's 'When a Teams webhook request is received' "
        f"step into {variable}"
    )
    if url != url.strip() or any(character.isspace() for character in url):
        return Check(FAILED, variable, "contains spaces or line breaks", fix)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return Check(FAILED, variable, "is not a URL", fix)
    if parts.scheme != "https":
        return Check(FAILED, variable, "must start with https://", fix)
    if not host.endswith(TEAMS_WEBHOOK_DOMAINS):
        domains = ", ".join(TEAMS_WEBHOOK_DOMAINS)
        return Check(FAILED, variable, f"the host {host or '(none)'} is not a Microsoft one ({domains})", fix)
    if parts.path in ("", "/"):
        return Check(FAILED, variable, f"https://{host}/ has no path: the URL was cut short", fix)
    return Check(PASSED, variable, f"https://{host}/... is well-formed (the rest is secret and not shown)")


def check_schedule(schedule: Schedule, now: dt.datetime) -> Check:
    from bot.scheduling.digests import digest_trigger, reported_month

    fire: dt.datetime = digest_trigger(schedule).get_next_fire_time(None, now)
    return Check(
        PASSED,
        "Next digest",
        f"{fire:%A} {fire.day} {fire:%B %Y at %H:%M} {schedule.timezone} ({describe_wait(fire - now)}), "
        f"for {month_name(reported_month(fire))}",
    )


def describe_wait(wait: dt.timedelta) -> str:
    """'in 3 days', 'in 5 hours', 'in 20 minutes': how long until then, in the largest whole unit."""
    minutes = int(wait.total_seconds() // 60)
    for unit, size in (("day", 24 * 60), ("hour", 60), ("minute", 1)):
        if minutes >= size:
            count = minutes // size
            return f"in {count} {unit}{'' if count == 1 else 's'}"
    return "in less than a minute"
