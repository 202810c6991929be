"""The `serve` command: post each month's digest when it falls due, watch the drop folder, and answer
the slash command over HTTP or Socket Mode. Scheduling and chat libraries load only here.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from bot.cli.options import AddCommand, Printer, open_args_store
from digest.contract.config import Config
from digest.store.snapshots import SnapshotStore

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler

    from bot.settings import Settings


def add_commands(add_command: AddCommand) -> None:
    serve = add_command("serve", help="post each month's digest when due, and answer the slash command")
    serve.add_argument("--port", type=int, help="HTTP port for Slack's requests (default: [slash] port)")
    serve.set_defaults(handler=run_serve_command)


def run_serve_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from apscheduler.schedulers.blocking import BlockingScheduler

    from bot.destinations import alert_senders, scheduled_destinations
    from bot.scheduling.digests import add_digest_jobs, due_digest_jobs
    from bot.scheduling.inbox import InboxJob, add_inbox_job
    from bot.settings import load_settings

    settings = load_settings(config)
    destinations = scheduled_destinations(settings)
    where = " and ".join(d.where for d in destinations)
    open_store_now = partial(open_args_store, args, config)
    open_store_now().close()  # a store that cannot be opened stops serve now, with its message
    job = due_digest_jobs(open_store_now, config, settings.schedule, destinations)
    senders = alert_senders(settings, out)
    inbox_job = InboxJob(open_store_now, config, settings, senders)
    schedule = settings.schedule
    out(
        f"Serving: the previous month's digest goes to {where} on day {schedule.day} at "
        f"{schedule.hour:02d}:{schedule.minute:02d} {schedule.timezone}; a digest not yet posted is tried "
        f"every {schedule.retry_every_minutes} minutes. Ctrl-C stops."
    )
    out(
        f"Watching {settings.inbox.inbox.folder}/ every {settings.inbox.every_minutes} minutes; "
        f"alerts go to {' and '.join(s.where for s in senders)}."
    )

    def add_jobs(scheduler: BaseScheduler) -> None:
        add_digest_jobs(scheduler, job)
        add_inbox_job(scheduler, inbox_job, settings.inbox.every_minutes)

    if not (settings.signing_secret or settings.app_token):
        scheduler = BlockingScheduler(timezone=schedule.timezone)
        add_jobs(scheduler)
        signal.signal(signal.SIGTERM, lambda signum, frame: scheduler.shutdown(wait=False))
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the ordinary way to stop
            scheduler.start()
        out("Stopped.")
        return 0
    return serve_with_slash_commands(args, config, settings, add_jobs, out, open_store_now)


def serve_with_slash_commands(
    args: argparse.Namespace,
    config: Config,
    settings: Settings,
    add_jobs: Callable[[BaseScheduler], None],
    out: Printer,
    open_store_now: Callable[[], SnapshotStore],
) -> int:
    """The scheduler in the background, and the slash command over HTTP (or Socket Mode) in front."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk import WebClient

    from bot.server import EVENTS_PATH, create_http_server
    from bot.settings import BOT_TOKEN_ENV, SettingError
    from bot.slack.app import build_app
    from digest.lookups.service import Access, LookupService

    if not settings.bot_token:
        raise SettingError(f"answering {settings.slash.command} needs {BOT_TOKEN_ENV} as well: set it to the bot token")
    access = Access(settings.slash.allowed_channels, settings.slash.allowed_users)
    service = LookupService(open_store_now, config, access)
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    app = build_app(service, settings.slash.command, settings.signing_secret or "", client)
    scheduler = BackgroundScheduler(timezone=settings.schedule.timezone)
    add_jobs(scheduler)
    scheduler.start()
    try:
        if settings.app_token:
            out(f"Answering {settings.slash.command} over Socket Mode.")
            SocketModeHandler(app, settings.app_token).start()  # type: ignore[no-untyped-call]
        else:
            server = create_http_server(app, args.port or settings.slash.port, on_rejected=service.record_rejected)
            signal.signal(signal.SIGTERM, _interrupt)
            out(f"Answering {settings.slash.command} at http://0.0.0.0:{server.effective_port}{EVENTS_PATH}.")
            try:
                with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C, or SIGTERM from a service manager
                    server.run()
            finally:
                server.close()
    finally:
        scheduler.shutdown(wait=False)
    out("Stopped.")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the server the way Ctrl-C does: its loop cannot be closed from a signal handler."""
    raise KeyboardInterrupt
