"""The digest commands: `digest` (write the outbox, or --post to Slack and/or Teams) and `digest-runs` (the ledger)."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.options import (
    MONTH_HELP,
    MONTH_WORDS,
    SUPPRESS_HELP,
    AddCommand,
    Printer,
    UserError,
    open_args_store,
    open_refreshed_store,
    read_month_words,
    read_os_user,
    refresh_args_store,
    resolve_month,
    resolve_store_month,
)
from bot.platforms import platform_names
from bot.settings import DIGEST_CHANNEL_ENV, Settings, load_settings_at_home
from digest.contract.config import Config
from digest.store.digest_runs import DigestLedger, RunRecord, RunState
from digest.store.reviews import PublishedHow, ReviewLedger, ReviewRecord

if TYPE_CHECKING:
    from bot.services.reviews import ReviewDesk

ERROR_LINE_CHARS = 100  # errors are wrapped to this width, so that a terminal shows each line whole
ERROR_INDENT = " " * 6  # under the month, clear of the run ids


def add_commands(add_command: AddCommand) -> None:
    digest = add_command(
        "digest", help="build a month's digest: write it to the outbox, or --post it to Slack and/or Teams"
    )
    digest.add_argument("--month", help=MONTH_HELP)
    digest.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    digest.add_argument("--out", type=Path, help="outbox folder (default: [digest] outbox in the config)")
    digest.add_argument("--post", action="store_true", help="post to every chat tool set up (Slack, Teams, or both)")
    digest.add_argument("--to", choices=platform_names(), help="with --post: only this one")
    digest.add_argument("--channel", help=f"Slack channel ID (default: ${DIGEST_CHANNEL_ENV} or the config)")
    digest.add_argument("--force", action="store_true", help="post again even if this month was posted already")
    digest.add_argument("--suppress", action="store_true", help=SUPPRESS_HELP + " (also: suppress in the config)")
    digest.add_argument(
        "--review",
        action="store_true",
        help="post the draft to the review channel ([digest] review_channel) now, for the analysts to publish",
    )
    digest.set_defaults(handler=run_digest_command)
    runs = add_command(
        "digest-runs", help="list the digest runs (month, channel, state, times, each error in full) and the reviews"
    )
    runs.set_defaults(handler=run_digest_runs_command)
    publish = add_command(
        "publish",
        help="publish a month's draft that is waiting for review ([digest] review_channel), as its Publish button does",
    )
    publish.add_argument("--month", required=True, help="the draft's month (digest-runs lists them): " + MONTH_WORDS)
    publish.add_argument("--by", help="who is publishing (default: your user name on this computer)")
    publish.set_defaults(handler=run_publish_command)


def run_digest_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Charts and Slack are loaded only by the commands that draw or send them.
    from bot.chats.slack.client import quiet_sdk_logs
    from bot.delivery import NoProgress
    from bot.destinations import digest_destinations
    from bot.outbox import OutboxNotifier
    from bot.services.digests import DigestContext, publish_digest
    from digest.reporting.digests import build_digest

    quiet_sdk_logs(args.debug)  # each retry is told in one line of ours instead
    settings = load_settings_at_home(config)
    if args.review:
        return run_review_now(args, config, settings, out)
    if args.to and not args.post:
        raise UserError(f"--to {args.to} picks where --post sends: add --post, or leave out --to")
    destinations = digest_destinations(settings, args.to, args.channel) if args.post else []
    period = read_month_words(args.month)
    with open_refreshed_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)  # once: the same for every destination
        month = resolve_month(period, snapshot)
        if args.post:
            context = DigestContext(partial(open_args_store, args, config), config, settings, destinations)
            outcomes = publish_digest(context, store, month, snapshot, args.force, args.suppress)
            for outcome in outcomes:
                out(outcome.message)
            return 1 if any(outcome.failed for outcome in outcomes) else 0
        digest = build_digest(store, config, month.index, snapshot, args.suppress or settings.outbox_suppress)
    notifier = OutboxNotifier(args.out or settings.outbox)
    notifier.send(digest, NoProgress())
    target = notifier.target(digest)
    names = ["message.json", "teams-card.json", "preview.html", f"{len(digest.charts)} charts (PNG)"]
    names.append(digest.workbook_name)
    out(f"Wrote {target}: {', '.join(names)}\nOpen {target / 'preview.html'} in a browser to see the digest.")
    return 0


def run_review_now(args: argparse.Namespace, config: Config, settings: Settings, out: Printer) -> int:
    """`digest --month M --review`: the draft to the review channel now, as the schedule would post it."""
    if args.post or args.to or args.out:
        raise UserError("--review posts the draft to the review channel only: leave out --post, --to and --out")
    desk = open_review_desk(args, config, settings)
    with open_refreshed_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)
        month = resolve_month(read_month_words(args.month), snapshot)
    outcome, review = desk.draft_now(month, snapshot, args.force)
    out(outcome.message)
    if review is not None and not review.published:
        out(
            f"Draft for review in {desk.channel.where}: publish it with its Publish button, or missing-report publish "
            f"--month {month.key}."
        )
    return 1 if outcome.failed else 0


def run_digest_runs_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        runs = DigestLedger(store).list_runs()
        reviews = ReviewLedger(store).list_reviews()
    if not runs:
        out("No digest runs yet.")
        return 0
    lines = list_runs(runs)
    if reviews:
        from bot.services.reviews import find_presser_names

        settings = load_settings_at_home(config)
        lines += ["", *list_reviews(reviews, settings.schedule.timezone, find_presser_names(settings))]
    out("\n".join(lines))
    return 0


MIN_CHANNEL_CHARS = 14  # the channel column's width, wider when a channel key is longer


def list_runs(runs: list[RunRecord]) -> list[str]:
    wide = max([MIN_CHANNEL_CHARS, *(len(run.channel) for run in runs)])  # "review:C0123456789" is 18
    lines = [f"{'id':>4}  {'month':<7}  {'channel':<{wide}}  {'state':<9}  {'tries':>5}  started (UTC)"]
    for run in runs:
        lines.append(
            f"{run.id:>4}  {run.month:<7}  {run.channel:<{wide}}  {run.state:<9}  {run.attempts:>5}  {run.started_at}"
        )
        if run.error:  # whole, under its run: the end of an error is often the part that says what to do
            lines += textwrap.wrap(
                run.error,
                ERROR_LINE_CHARS,
                initial_indent=f"{ERROR_INDENT}error: ",
                subsequent_indent=ERROR_INDENT + " " * len("error: "),
            )
    if any(run.state == RunState.UNCERTAIN for run in runs):
        lines.append(
            "uncertain: the card may or may not have reached the channel (a webhook cannot be asked). Look in the "
            "channel; if it is not there, send it with: missing-report digest --month YYYY-MM --to teams --post --force"
        )
    return lines


def list_reviews(
    reviews: list[ReviewRecord], timezone: str, name_presser: Callable[[str], str] | None = None
) -> list[str]:
    """The reviews: each draft, its deadline, and who published it, how and when (or that it waits). name_presser
    is the review channel's way of naming who pressed Publish; with no review channel set up, a presser is a Slack
    user ID, as every button press recorded before another platform could host the review."""
    from digest.contract.deadlines import describe_time

    name = name_presser or (lambda by: f"<@{by}>")

    lines = ["Reviews (channels review:C... above are the drafts, seen only by the analysts):"]
    for review in reviews:
        if review.published_at is None:
            reminded = (
                f"; {review.reminders} reminder{'s' if review.reminders != 1 else ''}" if review.reminders else ""
            )
            state = f"waiting for Publish{reminded}"
        elif review.published_how == PublishedHow.DEADLINE:
            state = f"published at the deadline, {describe_time(review.published_at, timezone)}"
        else:
            by = name(review.published_by or "") if review.published_how == PublishedHow.BUTTON else review.published_by
            state = f"published by {by} ({review.published_how}) at {describe_time(review.published_at, timezone)}"
        lines.append(
            f"  {review.month}  draft in {review.channel} at {describe_time(review.drafted_at, timezone)}, "
            f"deadline {describe_time(review.deadline_at, timezone)}: {state}"
        )
    return lines


def run_publish_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    """Publish a draft from the terminal: for an analyst without Slack to hand, or a server without the button."""
    from bot.chats.slack.client import quiet_sdk_logs

    quiet_sdk_logs(args.debug)
    who = read_os_user(args.by)  # first: said before anything is done
    period = read_month_words(args.month)
    desk = open_review_desk(args, config, load_settings_at_home(config))
    refresh_args_store(args, config)
    with open_args_store(args, config) as store:
        month = resolve_store_month(period, store)
    result = desk.publish(month, PublishedHow.COMMAND, who)
    for line in [result.reply, *(outcome.message for outcome in result.outcomes)]:
        out(line)
    return 1 if result.failed else 0


def open_review_desk(args: argparse.Namespace, config: Config, settings: Settings) -> ReviewDesk:
    """The review desk the command line's store and the settings make (bot.services.reviews)."""
    from bot.destinations import scheduled_destinations
    from bot.services.reviews import review_desk

    return review_desk(settings, config, partial(open_args_store, args, config), scheduled_destinations(settings))
