"""The `doctor` command: check a set-up end to end before the first real run, posting nothing.

One line per check, with the fix for each failure: the config, the store (readable, private), each chat
platform's own checks (bot.platforms: Slack's token, scopes, channels and /missing; the Teams webhook
addresses), and when the next digest falls due. The exit status is 1 when any check fails, so a script can use it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bot.checks import FAILED, PASSED, Check
from bot.cli.options import EXIT_OK, EXIT_REFUSED, AddCommand, Printer, store_path
from bot.settings import EnvironmentSettingError, read_environment
from digest.alerts.data_waits import describe_latest, load_latest_snapshot
from digest.contract.config import Config, ConfigError
from digest.store.database import database_files
from digest.store.snapshots import StoreError, covers_month, open_store

if TYPE_CHECKING:
    from bot.settings import Home, Schedule, Settings

OWNER_ONLY = 0o600
STATE_WIDTH = 5  # characters for ok / FAIL / off


def add_commands(add_command: AddCommand) -> None:
    doctor = add_command(
        "doctor", help="check the set-up (config, store, Slack, Teams, schedule) without posting anything"
    )
    doctor.set_defaults(handler=run_doctor, on_config_error=report_config_error)


def run_doctor(args: argparse.Namespace, config: Config, out: Printer) -> int:
    checks = collect_checks(config, store_path(args, config), read_environment(), dt.datetime.now(dt.UTC))
    out(render_checks(checks))
    return EXIT_REFUSED if any(check.failed for check in checks) else EXIT_OK


def report_config_error(error: ConfigError, out: Printer) -> int:
    """A config that cannot be read stops the other checks: they all depend on it."""
    out(render_checks([Check(FAILED, "Config", str(error), "correct the file, then run missing-report doctor again")]))
    return EXIT_REFUSED


def collect_checks(config: Config, store: Path, environ: Mapping[str, str], now: dt.datetime) -> list[Check]:
    from bot.platforms import PLATFORMS
    from bot.settings import load_home, load_settings_at_home, load_teams_question_settings
    from bot.web_report.checks import check_web_report

    environ = dict(environ)
    wrong_variables = []
    while True:  # a wrong variable is said, and the rest is checked without it
        try:
            settings = load_settings_at_home(config, environ)
            load_teams_question_settings(config, environ)
            break
        except EnvironmentSettingError as error:
            wrong_variables.append(check_variable(error))
            environ.pop(error.variable, None)
        except ConfigError as error:
            fix = "correct the file, then run missing-report doctor again"
            return [Check(FAILED, "Config", str(error), fix), *wrong_variables]
    checks = [Check(PASSED, "Config", f"{config.source}: valid"), *wrong_variables]
    checks.append(check_home(load_home(config, environ), store, settings))
    checks += check_store(store)
    checks += check_web_report(config, environ)  # before the platforms, whose lines end just above the schedule's
    for platform in PLATFORMS:
        checks += platform.check_set_up(settings, config, environ)
    checks.append(check_schedule(settings.schedule, now))
    checks.append(check_next_digest_data(store, settings.schedule, now))
    return checks


def check_home(home: Home, store: Path, settings: Settings) -> Check:
    """Where the store, the outbox and the drop folder are: the home's relative paths are read under it."""
    return Check(
        PASSED,
        "Home",
        f"{home.path.absolute()} ({home.why}): store {store.absolute()}, outbox {settings.outbox.absolute()}/, "
        f"drop folder {settings.inbox.inbox.folder.absolute()}/",
    )


def check_variable(error: EnvironmentSettingError) -> Check:
    """A wrong environment variable: the environment's to fix (for the service, its environment file), not the
    config file's."""
    return Check(
        FAILED,
        f"Environment {error.variable}",
        str(error),
        f"correct {error.variable} in the environment (for the service, its environment file), or unset it",
    )


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
    files = [p for p in database_files(path) if p.exists()]
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
        with open_store(path, create=False) as store:
            snapshot = store.get_snapshot()
    except StoreError as error:
        return [Check(FAILED, "Store", str(error))]  # the message says what to do
    found = f"{path}, latest snapshot {snapshot.id} as at {snapshot.as_at:%d/%m/%Y %H:%M}"
    return [Check(PASSED, "Store", found), privacy]


def check_schedule(schedule: Schedule, now: dt.datetime) -> Check:
    from bot.scheduling.digests import digest_trigger, reported_month

    fire: dt.datetime = digest_trigger(schedule).get_next_fire_time(None, now)
    return Check(
        PASSED,
        "Next digest",
        f"{fire:%A} {fire.day} {fire:%B %Y at %H:%M} {schedule.timezone} ({describe_wait(fire - now)}), "
        f"for {reported_month(fire).name}",
    )


def check_next_digest_data(path: Path, schedule: Schedule, now: dt.datetime) -> Check:
    """The latest snapshot covers the month the next digest reports: else that digest cannot be made, and would
    fail at every retry until an extract arrives."""
    from bot.scheduling.digests import digest_trigger, reported_month

    month = reported_month(digest_trigger(schedule).get_next_fire_time(None, now))
    snapshot = None
    if path.exists():  # open_store would make an empty one
        try:
            with open_store(path) as store:
                snapshot = load_latest_snapshot(store)
        except StoreError:
            pass  # said by the Store check
    name = "Data for the next digest"
    if snapshot is not None and covers_month(snapshot, month.index):
        return Check(PASSED, name, f"the latest snapshot, as at {snapshot.as_at:%d/%m/%Y %H:%M}, covers {month.name}")
    return Check(
        FAILED,
        name,
        f"the next digest, for {month.name}, cannot be made from the data: {describe_latest(snapshot)}",
        f"put an extract covering {month.name} in the inbox folder, or run "
        'missing-report ingest FILE --as-at "YYYY-MM-DD HH:MM"',
    )


def describe_wait(wait: dt.timedelta) -> str:
    """'in 3 days', 'in 5 hours', 'in 20 minutes': how long until then, in the largest whole unit."""
    minutes = int(wait.total_seconds() // 60)
    for unit, size in (("day", 24 * 60), ("hour", 60), ("minute", 1)):
        if minutes >= size:
            count = minutes // size
            return f"in {count} {unit}{'' if count == 1 else 's'}"
    return "in less than a minute"
