"""The `serve` command: post each month's digest when it falls due, watch the drop folder, and answer
questions: `/missing` in Slack (over HTTP or Socket Mode), the Teams bot, and the Teams outgoing webhook,
all on one HTTP server. It starts whatever is configured and says what it is doing, and not, and why.
Scheduling, web and chat libraries load only here.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import os
import signal
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.options import AddCommand, Printer, open_args_store, refresh_args_store, store_path
from digest.contract.config import Config
from digest.store.snapshots import SnapshotStore

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler
    from slack_bolt import App

    from bot.scheduling.digests import DueDigestJobs
    from bot.scheduling.reviews import ReviewDesk
    from bot.server import HttpServer, WebApp
    from bot.server_processes import AnsweringProcesses
    from bot.settings import Settings, TeamsQuestionSettings
    from digest.lookups.service import Access

DEV_FLAG = "--teams-dev-unauthenticated"
MAX_PROCESSES = 32  # answering processes: more than the cores only makes them take turns
MAX_DEFAULT_PROCESSES = 4  # the default is one per core, up to this: beyond it the audit file's turns cost more
LOOPBACK = "127.0.0.1"
ANY_ADDRESS = "0.0.0.0"  # noqa: S104 (Slack and Teams must reach the server)
# Libraries that say INFO about every request or job ("Adding job tentatively"); --debug shows them.
CHATTY_LOGGERS = (
    "uvicorn",
    "uvicorn.error",
    "uvicorn.access",
    "apscheduler",
    "slack_bolt",
    "slack_sdk",
    "microsoft_teams",
    "httpx",
)


def add_commands(add_command: AddCommand) -> None:
    serve = add_command(
        "serve", help="post each month's digest when due, and answer questions in Slack and Microsoft Teams"
    )
    serve.add_argument("--port", type=int, help="HTTP port for Slack's and Teams' requests (default: [slash] port)")
    serve.add_argument("--host", help=f"address to listen on (default: {ANY_ADDRESS}; {LOOPBACK} with {DEV_FLAG})")
    serve.add_argument(
        DEV_FLAG,
        action="store_true",
        help="local development only: the Teams bot takes requests without a Microsoft token (refused when "
        "TEAMS_CLIENT_SECRET is set or the server listens beyond this machine)",
    )
    serve.add_argument(
        "--processes",
        type=process_count,
        help="processes answering questions, each on a core of its own (default: one per core, up to "
        f"{MAX_DEFAULT_PROCESSES})",
    )
    serve.set_defaults(handler=run_serve_command)


def default_process_count() -> int:
    """One answering process per core, up to MAX_DEFAULT_PROCESSES."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_PROCESSES))


def describe_processes(processes: int) -> str:
    return f"Answering on {processes} process{'es' if processes > 1 else ''} (--processes N to change)."


def process_count(text: str) -> int:
    """--processes: a whole number from 1 to MAX_PROCESSES."""
    if not text.isdigit() or not 1 <= int(text) <= MAX_PROCESSES:
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to {MAX_PROCESSES}, not {text!r}")
    return int(text)


@dataclass
class Routes:
    """What the HTTP server answers, and the summary lines saying so."""

    paths: list[str] = field(default_factory=list)
    lines: list[Callable[[str], str]] = field(default_factory=list)  # base URL -> line


def quiet_library_logs(debug: bool) -> None:
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)


def run_serve_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from bot.destinations import alert_senders
    from bot.scheduling.digests import add_digest_jobs
    from bot.scheduling.inbox import InboxJob, add_inbox_job
    from bot.settings import load_settings, load_teams_question_settings

    quiet_library_logs(args.debug)
    settings = load_settings(config)
    teams = load_teams_question_settings(config)
    host = check_host(args, teams)
    open_store_now = partial(open_args_store, args, config)
    refresh_args_store(args, config)  # also: a store that cannot be opened stops serve now, with its message
    digest_job, digest_lines, desk = plan_digests(settings, config, open_store_now)
    senders = alert_senders(settings, out)
    inbox_job = InboxJob(open_store_now, config, settings, senders)

    def add_jobs(scheduler: BaseScheduler) -> None:
        if digest_job is not None:
            add_digest_jobs(scheduler, digest_job)
        add_inbox_job(scheduler, inbox_job, settings.inbox.every_minutes)

    summary = [
        *digest_lines,
        f"Watching {settings.inbox.inbox.folder}/ every {settings.inbox.every_minutes} minutes; "
        f"alerts go to {' and '.join(s.where for s in senders)}.",
    ]
    if not (
        settings.signing_secret or settings.app_token or teams.client_id or teams.outgoing_secret or is_web_on(config)
    ):
        return serve_schedule_only(settings, add_jobs, [*summary, *not_answering(settings, teams, False)], out)
    return serve_with_questions(args, config, settings, teams, host, add_jobs, summary, out, open_store_now, desk)


def check_host(args: argparse.Namespace, teams: TeamsQuestionSettings) -> str:
    """The address to listen on; the development flag is refused with production settings."""
    from bot.settings import TEAMS_CLIENT_SECRET_ENV, SettingError

    host: str = args.host or (LOOPBACK if args.teams_dev_unauthenticated else ANY_ADDRESS)
    if args.teams_dev_unauthenticated:
        if teams.client_secret:
            raise SettingError(
                f"{DEV_FLAG} is for local development only and is refused with production settings: "
                f"{TEAMS_CLIENT_SECRET_ENV} is set. Unset it, or leave out {DEV_FLAG}"
            )
        if not is_loopback(host):
            raise SettingError(
                f"{DEV_FLAG} is for local development only: it is refused when the server listens beyond this "
                f"machine (--host {host}). Use --host {LOOPBACK}"
            )
    return host


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plan_digests(
    settings: Settings, config: Config, open_store_now: Callable[[], SnapshotStore]
) -> tuple[DueDigestJobs | None, list[str], ReviewDesk | None]:
    """The due-digest jobs, one for each destination (and the review's, with [digest] review_channel), and the
    lines saying where digests go and where not."""
    from bot.destinations import scheduled_destinations
    from bot.scheduling.digests import due_digest_jobs
    from bot.scheduling.reviews import describe_review, review_desk
    from bot.settings import DIGEST_CHANNEL_ENV

    schedule = settings.schedule
    lines = []
    if settings.bot_token and not settings.digest_channel:
        lines.append(
            f"Not posting digests to Slack: no channel for them (set {DIGEST_CHANNEL_ENV} or [slack] digest_channel)."
        )
    destinations = scheduled_destinations(settings)
    if not destinations:
        return None, lines, None
    where = " and ".join(d.where for d in destinations)
    desk = review_desk(settings, config, open_store_now, destinations) if settings.review.channel else None
    first = f"first as a draft to Slack channel {settings.review.channel} for review, then " if desk else ""
    lines.append(
        f"Serving: the previous month's digest goes {first}to {where} on day {schedule.day} at "
        f"{schedule.hour:02d}:{schedule.minute:02d} {schedule.timezone}; a digest not yet posted is tried "
        f"every {schedule.retry_every_minutes} minutes."
    )
    if desk is not None:
        lines.append(describe_review(settings))
    return due_digest_jobs(open_store_now, config, schedule, destinations, desk), lines, desk


def not_answering(settings: Settings, teams: TeamsQuestionSettings, dev_unauthenticated: bool) -> list[str]:
    """Why each way of asking is off."""
    from bot.settings import APP_TOKEN_ENV, SIGNING_SECRET_ENV, TEAMS_CLIENT_ID_ENV, TEAMS_OUTGOING_SECRET_ENV

    lines = []
    if not (settings.signing_secret or settings.app_token):
        lines.append(
            f"Not answering {settings.slash.command} in Slack: {SIGNING_SECRET_ENV} (or {APP_TOKEN_ENV}) is not set."
        )
        if settings.review.channel:
            lines.append(
                "The draft's Preview and Publish buttons will not work without it: publish a draft with "
                "missing-report publish --month YYYY-MM."
            )
    if not (teams.client_id or dev_unauthenticated):
        lines.append(f"Not answering in Teams chats: {TEAMS_CLIENT_ID_ENV} is not set.")
    if not teams.outgoing_secret:
        lines.append(f"No Teams outgoing webhook: {TEAMS_OUTGOING_SECRET_ENV} is not set.")
    return lines


def serve_schedule_only(
    settings: Settings, add_jobs: Callable[[BaseScheduler], None], summary: list[str], out: Printer
) -> int:
    from apscheduler.schedulers.blocking import BlockingScheduler

    scheduler = BlockingScheduler(timezone=settings.schedule.timezone)
    add_jobs(scheduler)
    for line in [*summary, "Ctrl-C stops."]:
        out(line)
    signal.signal(signal.SIGTERM, lambda signum, frame: scheduler.shutdown(wait=False))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the ordinary way to stop
        scheduler.start()
    out("Stopped.")
    return 0


def serve_with_questions(
    args: argparse.Namespace,
    config: Config,
    settings: Settings,
    teams: TeamsQuestionSettings,
    host: str,
    add_jobs: Callable[[BaseScheduler], None],
    summary: list[str],
    out: Printer,
    open_store_now: Callable[[], SnapshotStore],
    desk: ReviewDesk | None = None,
) -> int:
    """The scheduler in a process of its own (bot.scheduling.scheduler_process), and the questions over HTTP
    (and Socket Mode) in this one."""
    from bot.scheduling.scheduler_process import SchedulerProcess

    scheduler = SchedulerProcess(settings.schedule.timezone, add_jobs)
    scheduler.start()  # first: it is forked, and a fork keeps only the thread that made it
    try:
        answer_questions(args, config, settings, teams, host, summary, out, open_store_now, scheduler.begin, desk)
    finally:
        scheduler.stop()
    out("Stopped.")
    return 0


def answer_questions(
    args: argparse.Namespace,
    config: Config,
    settings: Settings,
    teams: TeamsQuestionSettings,
    host: str,
    summary: list[str],
    out: Printer,
    open_store_now: Callable[[], SnapshotStore],
    begin_jobs: Callable[[], None],
    desk: ReviewDesk | None = None,
) -> None:
    """Slack's and Teams' questions, over HTTP and Socket Mode, until Ctrl-C or SIGTERM; the jobs begin once
    what is served has been said."""
    from bot.server import build_web_app
    from bot.server_processes import AnsweringProcesses
    from digest.store.lookups import open_audit

    store = store_path(args, config)
    open_audit(store).close()  # made now if new: processes making it at once would collide
    web = build_web_app()
    routes = Routes()
    socket_mode = add_slack(web, routes, config, settings, open_store_now, desk, store)
    add_teams(web, routes, config, teams, open_store_now, args.teams_dev_unauthenticated)
    add_web_report(web, routes, config, open_store_now, store)
    port = settings.slash.port if args.port is None else args.port  # 0: any free port
    server = listen_for_questions(web, port, host, args.debug) if routes.paths else None
    copies = AnsweringProcesses(server, (args.processes or default_process_count()) - 1) if server else None
    base = f"http://{host}:{server.effective_port}" if server else ""
    lines = [
        *summary,
        *(line(base) for line in routes.lines),
        *([describe_processes(1 + copies.copies)] if copies is not None else []),
        *not_answering(settings, teams, args.teams_dev_unauthenticated),
    ]
    try:
        serve_until_stopped(lines, out, begin_jobs, settings, socket_mode, server, copies)
    finally:
        if copies is not None:
            copies.stop()


def listen_for_questions(web: WebApp, port: int, host: str, debug: bool) -> HttpServer:
    """The HTTP server, listening; a port another program holds is a setting to fix, not a failure."""
    import errno

    from bot.server import create_http_server
    from bot.settings import SettingError

    try:
        return create_http_server(web, port, host, debug)
    except OSError as err:
        if err.errno != errno.EADDRINUSE:
            raise
        raise SettingError(
            f"port {port} on {host} is taken by another program (another missing-report serve?): stop it, or "
            "choose another port with --port or [slash] port"
        ) from None


def serve_until_stopped(
    lines: list[str],
    out: Printer,
    begin_jobs: Callable[[], None],
    settings: Settings,
    socket_mode: App | None,
    server: HttpServer | None,
    copies: AnsweringProcesses | None,
) -> None:
    from bot.slack.socket_mode import close_socket_mode, connect_socket_mode

    if copies is not None:
        copies.start()  # forks: before any thread starts, and before this process handles SIGTERM its own way
    signal.signal(signal.SIGTERM, _interrupt)  # before "Ctrl-C stops.": from then on SIGTERM stops it cleanly
    handler = None
    try:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C, or SIGTERM from a service manager
            for line in [*lines, "Ctrl-C stops."]:
                out(line)
            begin_jobs()
            if socket_mode is not None:
                handler = connect_socket_mode(socket_mode, settings.app_token or "")
            if server is not None:
                server.run()
            else:
                threading.Event().wait()
    finally:
        if handler is not None:
            close_socket_mode(handler)


def compute_slack_access(settings: Settings) -> Access:
    """Who may ask and comment in Slack: [slash]'s lists, and the analysts' review channel, which must be able to
    comment on (and ask about) the draft it is shown whatever the lists say."""
    from digest.lookups.service import Access

    access = Access(settings.slash.allowed_channels, settings.slash.allowed_users)
    if settings.review.channel and (access.channels or access.users):
        return Access(access.channels | {settings.review.channel}, access.users)
    return access


def add_slack(
    web: WebApp,
    routes: Routes,
    config: Config,
    settings: Settings,
    open_store_now: Callable[[], SnapshotStore],
    desk: ReviewDesk | None,
    store: Path,
) -> App | None:
    """/missing over HTTP (and the draft's buttons), or the app to connect over Socket Mode; nothing when Slack is
    not set up for it. The answering processes' shared replay memory is kept beside the store."""
    if not (settings.signing_secret or settings.app_token):
        return None
    from slack_sdk import WebClient

    from bot.server import EVENTS_PATH, add_slack_route
    from bot.settings import BOT_TOKEN_ENV, SettingError
    from bot.slack.app import build_app
    from bot.slack.requests import RequestGuard, audit_refusals
    from digest.lookups.service import LookupService
    from digest.store.recent_keys import RecentKeys, recent_keys_path

    command = settings.slash.command
    if not settings.bot_token:
        raise SettingError(f"answering {command} needs {BOT_TOKEN_ENV} as well: set it to the bot token")
    service = LookupService(open_store_now, config, compute_slack_access(settings), suppress=settings.slash.suppress)
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    app = build_app(service, command, settings.signing_secret or "", client, reviews=desk)
    if settings.app_token:
        routes.lines.append(lambda base: f"Answering {command} over Socket Mode.")
        return app
    seen = RecentKeys(recent_keys_path(store))
    seen.prepare()
    add_slack_route(web, app, RequestGuard(settings.signing_secret or "", seen), audit_refusals(service))
    routes.paths.append(EVENTS_PATH)
    routes.lines.append(lambda base: f"Answering {command} at {base}{EVENTS_PATH}.")
    return None


def add_teams(
    web: WebApp,
    routes: Routes,
    config: Config,
    teams: TeamsQuestionSettings,
    open_store_now: Callable[[], SnapshotStore],
    dev_unauthenticated: bool,
) -> None:
    """The Teams bot and the outgoing webhook, each when its settings are there."""
    from bot.settings import TEAMS_CLIENT_SECRET_ENV, SettingError
    from digest.lookups.service import Access, LookupService
    from digest.store.lookups import TEAMS, TEAMS_WEBHOOK

    access = Access(teams.allowed_channels, teams.allowed_users)
    if teams.client_id or dev_unauthenticated:
        # Imported here: the Teams SDK reads a .env file in the working folder when it loads.
        from bot.teams.bot import MESSAGES_PATH, add_teams_bot

        if not teams.client_secret and not dev_unauthenticated:
            raise SettingError(
                f"answering in Teams needs {TEAMS_CLIENT_SECRET_ENV} as well: set it to the bot's client secret"
            )
        service = LookupService(open_store_now, config, access, platform=TEAMS, suppress=teams.suppress)
        add_teams_bot(web, service, teams, allow_unauthenticated=dev_unauthenticated)
        routes.paths.append(MESSAGES_PATH)
        mode = " WITHOUT authentication (local development only)" if dev_unauthenticated else ""
        routes.lines.append(lambda base: f"Answering Teams chats and @mentions at {base}{MESSAGES_PATH}{mode}.")
    if teams.outgoing_secret:
        from bot.server import add_outgoing_webhook_route
        from bot.teams.outgoing import OUTGOING_PATH, OutgoingWebhook, SecretError, decode_secret

        try:
            key = decode_secret(teams.outgoing_secret)
        except SecretError as error:
            raise SettingError(str(error)) from None
        answers = LookupService(open_store_now, config, access, platform=TEAMS_WEBHOOK, suppress=teams.suppress)
        webhook = OutgoingWebhook(answers, key)
        add_outgoing_webhook_route(web, webhook)
        routes.paths.append(OUTGOING_PATH)
        routes.lines.append(
            lambda base: (
                f"Answering the Teams outgoing webhook at {base}{OUTGOING_PATH} "
                "(its answers are seen by the whole channel)."
            )
        )


def is_web_on(config: Config) -> bool:
    from bot.web_report.settings import load_web_settings

    return load_web_settings(config) is not None


def add_web_report(
    web: WebApp,
    routes: Routes,
    config: Config,
    open_store_now: Callable[[], SnapshotStore],
    store: Path,
    environ: Mapping[str, str] | None = None,
) -> None:
    """The web report at /report/, when its sign-in is set up (bot.web_report)."""
    from bot.settings import REPORT_PATH
    from bot.web_report.app import build_report_app
    from bot.web_report.settings import load_web_settings

    settings = load_web_settings(config, environ)
    if settings is None:
        return
    web.mount(REPORT_PATH, build_report_app(settings, config, open_store_now, store))
    routes.paths.append(REPORT_PATH)
    routes.lines.append(lambda base: f"Showing the web report at {settings.public_url}{REPORT_PATH}/ (after sign-in).")


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the server the way Ctrl-C does: its loop cannot be closed from a signal handler."""
    raise KeyboardInterrupt
