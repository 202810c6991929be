"""The digest commands: `digest` (outbox or --post), `digest-runs` (the ledger) and `serve` (the scheduler)."""

from __future__ import annotations

import argparse
import contextlib
import signal
from collections.abc import Callable
from functools import partial
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient

from bot.delivery import FAILED, run_digest
from bot.http_server import EVENTS_PATH, create_http_server
from bot.notifiers import NoProgress, Notifier
from bot.notifiers.outbox import OutboxNotifier
from bot.notifiers.slack import slack_notifier
from bot.scheduling import DueDigestJob, add_digest_jobs, add_inbox_job
from bot.settings import BOT_TOKEN_ENV, DIGEST_CHANNEL_ENV, SettingError, Settings, load_settings
from bot.slack_app import Access, LookupService, build_app
from bot.watch import InboxJob, alert_sender
from digest.answers import ANSWERED
from digest.config import Config
from digest.digests import build_digest
from digest.ledger import DigestLedger
from digest.periods import month_of
from digest.snapshots import SnapshotStore

OUTBOX_CHANNEL = "outbox"  # the ledger's name for "written to the outbox folder"
TERMINAL = "terminal"  # the audit's user and channel for `missing-report ask`

Printer = Callable[[str], None]
AddCommand = Callable[..., argparse.ArgumentParser]
OpenStore = Callable[[argparse.Namespace, Config], SnapshotStore]
ReadMonth = Callable[[str], int]


def add_digest_commands(add_command: AddCommand, handlers: dict[str, Callable[..., int]]) -> None:
    digest = add_command("digest", help="build a month's digest: write it to the outbox, or --post it to Slack")
    digest.add_argument("--month", help="the month, YYYY-MM (default: the latest complete month of the snapshot)")
    digest.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    digest.add_argument("--out", type=Path, help="outbox folder (default: [digest] outbox in the config)")
    digest.add_argument("--post", action="store_true", help=f"post to Slack (needs {BOT_TOKEN_ENV})")
    digest.add_argument("--channel", help=f"Slack channel ID (default: ${DIGEST_CHANNEL_ENV} or the config)")
    digest.add_argument("--force", action="store_true", help="post again even if this month was posted already")
    digest.set_defaults(handler=handlers["digest"])
    runs = add_command("digest-runs", help="list the digest runs: month, channel, state, times, error")
    runs.set_defaults(handler=handlers["digest-runs"])
    serve = add_command("serve", help="post each month's digest when due, and answer the slash command")
    serve.add_argument("--port", type=int, help="HTTP port for Slack's requests (default: [slash] port)")
    serve.set_defaults(handler=handlers["serve"])
    ask = add_command("ask", help='answer a question as the slash command does: ask "LAC episodes June"')
    ask.add_argument("question", nargs="*", help="the question, in any words; nothing or help lists what to ask")
    ask.set_defaults(handler=handlers["ask"])


def pick_channel(settings: Settings, given: str | None) -> str:
    channel = given or settings.digest_channel
    if not channel:
        raise SettingError(
            f"no Slack channel to post to: pass --channel C0123456789, or set {DIGEST_CHANNEL_ENV} "
            "or [slack] digest_channel in the config"
        )
    return channel


def run_digest_command(
    args: argparse.Namespace, config: Config, out: Printer, open_args_store: OpenStore, read_month: ReadMonth
) -> int:
    settings = load_settings(config)
    channel = pick_channel(settings, args.channel) if args.post else OUTBOX_CHANNEL
    notifier: Notifier = slack_notifier(settings, channel) if args.post else OutboxNotifier(args.out or settings.outbox)
    store = open_args_store(args, config)
    try:
        month = read_month(args.month) if args.month else month_of(store.get_snapshot(args.snapshot).as_at) - 1
        if args.post:
            outcome = run_digest(store, config, month, channel, notifier, args.snapshot, args.force)
            out(outcome.message)
            return 1 if outcome.state == FAILED else 0
        digest = build_digest(store, config, month, args.snapshot)
    finally:
        store.close()
    assert isinstance(notifier, OutboxNotifier)
    notifier.send(digest, NoProgress())
    target = notifier.target(digest)
    names = ["message.json", "preview.html", f"{len(digest.charts)} charts (PNG)", digest.workbook_name]
    out(f"Wrote {target}: {', '.join(names)}\nOpen {target / 'preview.html'} in a browser to see the digest.")
    return 0


def run_digest_runs_command(args: argparse.Namespace, config: Config, out: Printer, open_args_store: OpenStore) -> int:
    store = open_args_store(args, config)
    try:
        runs = DigestLedger(store).list_runs()
    finally:
        store.close()
    if not runs:
        out("No digest runs yet.")
        return 0
    lines = [f"{'id':>4}  {'month':<7}  {'channel':<14}  {'state':<8}  {'tries':>5}  {'started (UTC)':<25}  error"]
    for run in runs:
        error = (run.error or "")[:100]
        lines.append(
            f"{run.id:>4}  {run.month:<7}  {run.channel:<14}  {run.state:<8}  {run.attempts:>5}  "
            f"{run.started_at:<25}  {error}"
        )
    out("\n".join(lines))
    return 0


def run_serve_command(args: argparse.Namespace, config: Config, out: Printer, open_args_store: OpenStore) -> int:
    settings = load_settings(config)
    if settings.bot_token:
        channel = pick_channel(settings, None)
        make_notifier: Callable[[], Notifier] = partial(slack_notifier, settings, channel)
        where = f"Slack channel {channel}"
    else:
        channel = OUTBOX_CHANNEL
        make_notifier = partial(OutboxNotifier, settings.outbox)
        where = f"the outbox folder {settings.outbox} ({BOT_TOKEN_ENV} is not set)"
    open_store_now = partial(open_args_store, args, config)
    open_store_now().close()  # a store that cannot be opened stops serve now, with its message
    job = DueDigestJob(open_store_now, config, settings.schedule, channel, make_notifier)
    sender = alert_sender(settings, out)
    inbox_job = InboxJob(open_store_now, config, settings, sender)
    schedule = settings.schedule
    out(
        f"Serving: the previous month's digest goes to {where} on day {schedule.day} at "
        f"{schedule.hour:02d}:{schedule.minute:02d} {schedule.timezone}; a digest not yet posted is tried "
        f"every {schedule.retry_every_minutes} minutes. Ctrl-C stops."
    )
    out(
        f"Watching {settings.inbox.inbox.folder}/ every {settings.inbox.every_minutes} minutes; "
        f"alerts go to {sender.where}."
    )
    if not (settings.signing_secret or settings.app_token):
        scheduler = BlockingScheduler(timezone=schedule.timezone)
        add_digest_jobs(scheduler, job)
        add_inbox_job(scheduler, inbox_job, settings.inbox.every_minutes)
        signal.signal(signal.SIGTERM, lambda signum, frame: scheduler.shutdown(wait=False))
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the ordinary way to stop
            scheduler.start()
        out("Stopped.")
        return 0
    return serve_with_slash_commands(args, config, settings, (job, inbox_job), out, open_store_now)


def serve_with_slash_commands(
    args: argparse.Namespace,
    config: Config,
    settings: Settings,
    jobs: tuple[DueDigestJob, InboxJob],
    out: Printer,
    open_store_now: Callable[[], SnapshotStore],
) -> int:
    """The scheduler in the background, and the slash command over HTTP (or Socket Mode) in front."""
    if not settings.bot_token:
        raise SettingError(f"answering {settings.slash.command} needs {BOT_TOKEN_ENV} as well: set it to the bot token")
    access = Access(settings.slash.allowed_channels, settings.slash.allowed_users)
    service = LookupService(open_store_now, config, access)
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    app = build_app(service, settings.slash.command, settings.signing_secret or "", client)
    scheduler = BackgroundScheduler(timezone=settings.schedule.timezone)
    add_digest_jobs(scheduler, jobs[0])
    add_inbox_job(scheduler, jobs[1], settings.inbox.every_minutes)
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


def run_ask_command(args: argparse.Namespace, config: Config, out: Printer, open_args_store: OpenStore) -> int:
    """The slash command's answer in a terminal (audited as user and channel "terminal")."""
    service = LookupService(partial(open_args_store, args, config), config)
    answer = service.ask(TERMINAL, TERMINAL, " ".join(args.question))
    out(answer.plain_text())
    return 0 if answer.outcome == ANSWERED else 1
