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
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from bot.cli.options import AddCommand, Printer, open_args_store, refresh_args_store, store_path
from digest.contract.config import Config

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler

    from bot.chat import Routes, Serving
    from bot.server import HttpServer, WebApp
    from bot.server_processes import AnsweringProcesses
    from bot.settings import TeamsQuestionSettings

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
    serve.add_argument(
        "--port",
        type=int,
        help="HTTP port for Slack's and Teams' requests and GET /healthz (default: $MISSING_REPORT_PORT, else [slash] "
        "port; with no chat platform answering, the HTTP server runs only when one of the two is given)",
    )
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


def quiet_library_logs(debug: bool) -> None:
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)


@dataclass(frozen=True)
class ServePlan:
    """What serve runs, decided from the command line and the settings before anything starts."""

    serving: Serving  # what each platform answers with
    add_jobs: Callable[[BaseScheduler], None]  # the scheduler's jobs
    summary: list[str]  # where digests and alerts go, said at the start
    host: str
    port: int | None  # --port
    processes: int | None  # --processes
    debug: bool = False


def run_serve_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from bot.chat import Serving
    from bot.platforms import PLATFORMS
    from bot.scheduling.plan import plan_digests, plan_jobs
    from bot.settings import load_settings_at_home, load_teams_question_settings, read_port
    from bot.web_report.serving import is_web_on

    quiet_library_logs(args.debug)
    settings = load_settings_at_home(config)
    port = args.port if args.port is not None else read_port()
    host = check_host(args, load_teams_question_settings(config))
    open_store_now = partial(open_args_store, args, config)
    # Also: a store that cannot be opened stops serve now, with its message. serve makes one if there is none:
    # the drop folder fills it.
    refresh_args_store(args, config, create=True)
    store = store_path(args, config)
    digest_job, digest_lines, review = plan_digests(settings, config, open_store_now)
    desk = review.desk if review is not None else None
    serving = Serving(config, settings, open_store_now, store, args.teams_dev_unauthenticated, desk)
    add_jobs, alerts_line = plan_jobs(serving, digest_job, out)
    plan = ServePlan(serving, add_jobs, [*digest_lines, alerts_line], host, port, args.processes, args.debug)
    answering = any(platform.answers(serving) for platform in PLATFORMS) or is_web_on(config)
    if not answering and port is None:  # nothing to answer, and no port asked for /healthz
        return serve_schedule_only(plan, out)
    return serve_with_questions(plan, out)


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


def describe_not_answering(serving: Serving) -> list[str]:
    """Why each way of asking is off, platform by platform."""
    from bot.platforms import PLATFORMS

    return [line for platform in PLATFORMS for line in platform.describe_not_answering(serving)]


def serve_schedule_only(plan: ServePlan, out: Printer) -> int:
    from apscheduler.schedulers.blocking import BlockingScheduler

    from bot.scheduling.scheduler_process import ScheduleLock, schedule_lock_path
    from bot.settings import SettingError

    quiet = replace(plan.serving, dev_unauthenticated=False)
    summary = [*plan.summary, *describe_not_answering(quiet)]
    lock = ScheduleLock(schedule_lock_path(plan.serving.store_path))
    if not lock.take():  # held while this process runs: it is the scheduler
        raise SettingError(
            f"another missing-report serve (process {lock.holder()}) already posts the digests and watches the drop "
            "folder for this store, and this one has no questions to answer: one is enough"
        )
    scheduler = BlockingScheduler(timezone=plan.serving.settings.schedule.timezone)
    plan.add_jobs(scheduler)
    for line in [*summary, "Ctrl-C stops."]:
        out(line)
    signal.signal(signal.SIGTERM, lambda signum, frame: scheduler.shutdown(wait=False))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the ordinary way to stop
        scheduler.start()
    out("Stopped.")
    return 0


def serve_with_questions(plan: ServePlan, out: Printer) -> int:
    """The scheduler in a process of its own (bot.scheduling.scheduler_process), and the questions over HTTP
    (and Socket Mode) in this one; only questions if another serve runs this store's scheduler."""
    from bot.scheduling.scheduler_process import (
        ScheduleLock,
        SchedulerProcess,
        describe_schedule_elsewhere,
        schedule_lock_path,
    )

    lock = ScheduleLock(schedule_lock_path(plan.serving.store_path))
    scheduler = SchedulerProcess(plan.serving.settings.schedule.timezone, plan.add_jobs, lock)
    scheduler.start()  # first: it is forked, and a fork keeps only the thread that made it
    if scheduler.elsewhere:
        plan = replace(plan, summary=[describe_schedule_elsewhere(scheduler.elsewhere)])
    try:
        answer_questions(plan, out, scheduler.begin)
    finally:
        scheduler.stop()
    out("Stopped.")
    return 0


def answer_questions(plan: ServePlan, out: Printer, begin_jobs: Callable[[], None]) -> None:
    """Every platform's questions, over HTTP (and Slack's Socket Mode), until Ctrl-C or SIGTERM; the jobs begin
    once what is served has been said."""
    from bot.scheduling.health import add_health
    from bot.server_processes import AnsweringProcesses
    from bot.web import build_web_app
    from bot.web_report.serving import add_web_report
    from digest.store.lookups import open_audit

    serving = plan.serving
    open_audit(serving.store_path).close()  # made now if new: processes making it at once would collide
    web = build_web_app()
    routes = add_platform_routes(web, serving)
    add_health(web, routes, serving)
    add_web_report(web, routes, serving)
    port = serving.settings.slash.port if plan.port is None else plan.port  # 0: any free port
    server = listen_for_questions(web, port, plan.host, plan.debug) if routes.paths else None
    copies = AnsweringProcesses(server, (plan.processes or default_process_count()) - 1) if server else None
    base = f"http://{plan.host}:{server.effective_port}" if server else ""
    lines = [
        *plan.summary,
        *(line(base) for line in routes.lines),
        *([describe_processes(1 + copies.copies)] if copies is not None else []),
        *describe_not_answering(serving),
    ]
    try:
        serve_until_stopped(lines, out, begin_jobs, routes, Listening(server, copies))
    finally:
        if copies is not None:
            copies.stop()


def add_platform_routes(web: WebApp, serving: Serving) -> Routes:
    """Every platform's routes on the web app, in the registry's order, and the lines saying so."""
    from bot.chat import Routes
    from bot.platforms import PLATFORMS

    routes = Routes()
    for platform in PLATFORMS:
        platform.add_routes(web, routes, serving)
    return routes


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


@dataclass(frozen=True)
class Listening:
    """The HTTP server, if anything is served over HTTP, and its answering copies in other processes."""

    server: HttpServer | None
    copies: AnsweringProcesses | None


def serve_until_stopped(
    lines: list[str], out: Printer, begin_jobs: Callable[[], None], routes: Routes, listening: Listening
) -> None:
    server, copies = listening.server, listening.copies
    if copies is not None:
        copies.start()  # forks: before any thread starts, and before this process handles SIGTERM its own way
    stopping = threading.Event()

    def stop(signum: int, frame: object) -> None:
        """SIGTERM (a service manager's stop) asks the server to finish, whenever it comes: before the server
        runs, it then starts and ends at once. Raising from the handler instead could land inside asyncio's own
        start or end, which then fails ("Cannot close a running event loop")."""
        stopping.set()
        if server is not None:
            server.close()

    signal.signal(signal.SIGTERM, stop)  # before "Ctrl-C stops.": from then on SIGTERM stops it cleanly
    closers = []
    try:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C
            for line in [*lines, "Ctrl-C stops."]:
                out(line)
            begin_jobs()
            for connect in routes.connections:
                closers.append(connect())
            if server is not None:
                server.run()  # uvicorn handles SIGTERM itself while it runs, then raises it again here: stop()
            else:
                stopping.wait()
    finally:
        for close in closers:
            close()
