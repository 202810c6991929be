"""The snapshot commands: `ingest` an extract, list `snapshots`, list a snapshot's `rejected` rows."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.options import EXIT_OK, AddCommand, Printer, open_args_store, read_as_at
from bot.cli.terminal import render_ingest_report, render_rejected_rows, render_snapshot_list
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract


def add_commands(add_command: AddCommand) -> None:
    ingest = add_command("ingest", help="store an extract (CSV or XLSX) as a snapshot")
    ingest.add_argument("file", type=Path, help="the episode extract")
    ingest.add_argument("--as-at", required=True, help='when the extract was taken, "YYYY-MM-DD HH:MM"')
    ingest.set_defaults(handler=run_ingest)

    snapshots = add_command("snapshots", help="list the stored snapshots")
    snapshots.set_defaults(handler=run_snapshots)

    rejected = add_command("rejected", help="list a snapshot's rejected rows: spreadsheet row and reason")
    rejected.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    rejected.set_defaults(handler=run_rejected)


def run_ingest(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Sending alerts needs the chat libraries: loaded here, not when the command line starts.
    from bot.destinations import alert_after_snapshot, alert_senders
    from bot.outbox import OUTBOX_CHANNEL
    from bot.settings import load_settings

    as_at = read_as_at(args.as_at)
    settings = load_settings(config)
    with open_args_store(args, config) as store:
        report = ingest_extract(store, args.file, as_at, config)
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


def run_rejected(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)
        out(render_rejected_rows(snapshot, store.load_rejected(snapshot.id)))
    return EXIT_OK
