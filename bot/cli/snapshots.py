"""The snapshot commands: `ingest` an extract, list `snapshots`, list a snapshot's `rejected` rows."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bot.cli.options import EXIT_OK, AddCommand, Printer, UserError, open_args_store, read_as_at
from bot.cli.terminal import render_ingest_report, render_rejected_rows, render_snapshot_list
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.intake.refresh import refresh_figures


def add_commands(add_command: AddCommand) -> None:
    ingest = add_command("ingest", help="store an extract (CSV or XLSX) as a snapshot")
    ingest.add_argument("file", type=Path, help="the episode extract")
    ingest.add_argument("--as-at", required=True, help='when the extract was taken, "YYYY-MM-DD HH:MM"')
    ingest.set_defaults(handler=run_ingest)

    snapshots = add_command("snapshots", help="list the stored snapshots")
    snapshots.set_defaults(handler=run_snapshots)

    prune = add_command(
        "prune", help="delete old snapshots' rows and ids, keeping their figures, then reclaim the space"
    )
    prune.add_argument("--keep", type=int, metavar="N", help="keep the N latest snapshots whole")
    prune.add_argument("--older-than", type=int, metavar="DAYS", help="prune snapshots as at more than DAYS ago")
    prune.set_defaults(handler=run_prune)

    rejected = add_command("rejected", help="list a snapshot's rejected rows: spreadsheet row and reason")
    rejected.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    rejected.set_defaults(handler=run_rejected)

    refresh = add_command(
        "refresh", help="recompute stored figures after the ethnicity groups or the RHI rule changed in the config"
    )
    refresh.set_defaults(handler=run_refresh)


def run_ingest(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Sending alerts needs the chat libraries: loaded here, not when the command line starts.
    from bot.destinations import alert_after_snapshot, alert_senders
    from bot.outbox import OUTBOX_CHANNEL
    from bot.settings import load_settings

    as_at = read_as_at(args.as_at)
    settings = load_settings(config)
    with open_args_store(args, config) as store:
        waiting = f"Waiting for another ingest into {store.path} to finish..."
        report = ingest_extract(store, args.file, as_at, config, on_wait=lambda: out(waiting))
        out(render_ingest_report(report))
        if not report.duplicate:
            senders = alert_senders(settings, out)
            where = {sender.channel: sender.where for sender in senders}
            for alert in alert_after_snapshot(store, report.snapshot_id, settings, senders):
                if alert.channel != OUTBOX_CHANNEL:
                    out(f"Alert sent to {where[alert.channel]}: {alert.text}")
    return EXIT_OK


def run_snapshots(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        out(render_snapshot_list(store.list_snapshots(), store.path))
    return EXIT_OK


def run_refresh(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        refreshed = refresh_figures(store, config)
    if refreshed:
        out(f"Recomputed the figures of snapshot{'s' if len(refreshed) > 1 else ''} {', '.join(map(str, refreshed))}.")
    else:
        out("Every snapshot's figures already follow the config; nothing to recompute.")
    return EXIT_OK


def run_rejected(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)
        out(render_rejected_rows(snapshot, store.load_rejected(snapshot.id)))
    return EXIT_OK


def run_prune(args: argparse.Namespace, config: Config, out: Printer) -> int:
    if args.keep is None and args.older_than is None:
        raise UserError("prune needs --keep N (snapshots kept whole) and/or --older-than DAYS")
    if (args.keep is not None and args.keep < 1) or (args.older_than is not None and args.older_than < 0):
        raise UserError("--keep must be 1 or more, and --older-than 0 or more")
    older_than = dt.datetime.now() - dt.timedelta(days=args.older_than) if args.older_than is not None else None
    with open_args_store(args, config) as store:
        before = store.path.stat().st_size
        pruned = store.prune_snapshots(args.keep, older_than)
        after = store.path.stat().st_size
    if not pruned:
        out("Nothing to prune: every snapshot is kept whole by --keep or --older-than.")
        return EXIT_OK
    ids = ", ".join(str(sid) for sid in pruned)
    out(
        f"Pruned snapshot{'s' if len(pruned) > 1 else ''} {ids}: rows and ids deleted, figures kept. "
        f"The store is {after / 1e6:.1f} MB (was {before / 1e6:.1f} MB)."
    )
    return EXIT_OK
