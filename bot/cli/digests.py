"""The digest commands: `digest` (write the outbox, or --post to Slack) and `digest-runs` (the ledger)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.options import (
    MONTH_HELP,
    AddCommand,
    Printer,
    open_args_store,
    read_month_words,
    refresh_args_store,
    resolve_month,
)
from bot.settings import BOT_TOKEN_ENV, DIGEST_CHANNEL_ENV, SettingError, Settings, load_settings
from digest.contract.config import Config
from digest.store.digest_runs import DigestLedger


def add_commands(add_command: AddCommand) -> None:
    digest = add_command("digest", help="build a month's digest: write it to the outbox, or --post it to Slack")
    digest.add_argument("--month", help=MONTH_HELP)
    digest.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    digest.add_argument("--out", type=Path, help="outbox folder (default: [digest] outbox in the config)")
    digest.add_argument("--post", action="store_true", help=f"post to Slack (needs {BOT_TOKEN_ENV})")
    digest.add_argument("--channel", help=f"Slack channel ID (default: ${DIGEST_CHANNEL_ENV} or the config)")
    digest.add_argument("--force", action="store_true", help="post again even if this month was posted already")
    digest.set_defaults(handler=run_digest_command)
    runs = add_command("digest-runs", help="list the digest runs: month, channel, state, times, error")
    runs.set_defaults(handler=run_digest_runs_command)


def pick_channel(settings: Settings, given: str | None) -> str:
    channel = given or settings.digest_channel
    if not channel:
        raise SettingError(
            f"no Slack channel to post to: pass --channel C0123456789, or set {DIGEST_CHANNEL_ENV} "
            "or [slack] digest_channel in the config"
        )
    return channel


def run_digest_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Charts and Slack are loaded only by the commands that draw or send them.
    from bot.delivery import NoProgress, Notifier
    from bot.delivery.digests import Outcome, run_digest
    from bot.outbox import OUTBOX_CHANNEL, OutboxNotifier
    from bot.slack.notifier import slack_notifier
    from digest.reporting.digests import build_digest

    settings = load_settings(config)
    channel = pick_channel(settings, args.channel) if args.post else OUTBOX_CHANNEL
    notifier: Notifier = slack_notifier(settings, channel) if args.post else OutboxNotifier(args.out or settings.outbox)
    refresh_args_store(args, config)
    period = read_month_words(args.month)
    with open_args_store(args, config) as store:
        month = resolve_month(period, store.get_snapshot(args.snapshot))
        if args.post:
            outcome = run_digest(store, config, month, channel, notifier, args.snapshot, args.force)
            out(outcome.message)
            return 1 if outcome.state == Outcome.FAILED else 0
        digest = build_digest(store, config, month, args.snapshot)
    assert isinstance(notifier, OutboxNotifier)
    notifier.send(digest, NoProgress())
    target = notifier.target(digest)
    names = ["message.json", "preview.html", f"{len(digest.charts)} charts (PNG)", digest.workbook_name]
    out(f"Wrote {target}: {', '.join(names)}\nOpen {target / 'preview.html'} in a browser to see the digest.")
    return 0


def run_digest_runs_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        runs = DigestLedger(store).list_runs()
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
