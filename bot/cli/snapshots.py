"""The snapshot commands: `ingest` an extract, list `snapshots`, list a snapshot's `rejected` rows."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bot.cli.options import (
    EXIT_OK,
    FUTURE_AS_AT_OPTION,
    AddCommand,
    Printer,
    UserError,
    open_args_store,
    open_store_to_fill,
    read_as_at,
)
from bot.cli.progress import show_ingest_progress
from bot.cli.terminal import (
    render_ingest_report,
    render_rejected_rows,
    render_snapshot_list,
    render_unrecognised_values,
)
from digest.contract.config import Config
from digest.contract.names import shown_name
from digest.contract.timestamps import DATE_ORDERS
from digest.intake.refresh import find_unrefreshable, refresh_figures
from digest.intake.whole_file import ACCEPT_REJECTED_OPTION, DATE_ORDER_OPTION


def add_commands(add_command: AddCommand) -> None:
    ingest = add_command("ingest", help="store an extract (CSV or XLSX), or an SSD export, as a snapshot")
    ingest.add_argument(
        "file",
        type=Path,
        help="the episode extract, or a Standard Safeguarding Dataset export folder (or a zip of one)",
    )
    ingest.add_argument("--as-at", required=True, help='when the extract was taken, "YYYY-MM-DD HH:MM"')
    ingest.add_argument(
        FUTURE_AS_AT_OPTION, action="store_true", help="allow an --as-at more than a day after now (a test extract)"
    )
    ingest.add_argument(
        DATE_ORDER_OPTION,
        choices=DATE_ORDERS,
        help="how the file writes slash dates (default: [ingest] date_order in the config, else day-first, and a "
        "file whose dates can only be month-first is refused)",
    )
    ingest.add_argument(
        ACCEPT_REJECTED_OPTION,
        action="store_true",
        help="store the file even if more than [ingest] max_rejected_percent of its rows are rejected",
    )
    ingest.set_defaults(handler=run_ingest)

    unrecognised = add_command(
        "unrecognised",
        help="show the values a snapshot did not recognise, by column (on a terminal only: a name may be typed in)",
    )
    unrecognised.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    unrecognised.set_defaults(handler=run_unrecognised)

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

    raw = add_command(
        "raw", help="show one row of a snapshot's file exactly as read (on a terminal only: it shows a child's details)"
    )
    raw.add_argument("--row", type=int, required=True, help="the spreadsheet row, as `rejected` lists it")
    raw.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    raw.set_defaults(handler=run_raw)

    backup = add_command(
        "backup",
        help="copy the store, whole and consistent, to a new file (SQLite's online backup; safe while serving)",
    )
    backup.add_argument("target", type=Path, help="the backup file to make (never written over)")
    backup.set_defaults(handler=run_backup)

    refresh = add_command(
        "refresh", help="recompute stored figures after the ethnicity groups or the RHI rule changed in the config"
    )
    refresh.set_defaults(handler=run_refresh)


def run_ingest(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Sending alerts needs the chat libraries: loaded here, not when the command line starts.
    from bot.outbox import OUTBOX_CHANNEL
    from bot.services.alerts import AlertContext, alert_after_snapshot
    from bot.settings import load_settings_at_home
    from digest.intake.ingest import ingest_extract  # pandas: only the command that reads a file
    from digest.intake.whole_file import FileRules

    as_at = read_as_at(args.as_at, args.future_as_at)
    rules = FileRules.of(config, args.dates, args.accept_rejected)
    settings = load_settings_at_home(config)
    with open_store_to_fill(args, config) as store:
        waiting = f"Waiting for another ingest into {store.path} to finish..."
        with show_ingest_progress(args.file.name) as on_progress:
            report = ingest_extract(
                store, args.file, as_at, config, on_wait=lambda: out(waiting), on_progress=on_progress, rules=rules
            )
        out(render_ingest_report(report))
        if not report.duplicate:
            alerts = AlertContext.of(settings, out)
            where = {sender.channel: sender.where for sender in alerts.senders}
            for alert in alert_after_snapshot(store, report.snapshot_id, alerts):
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
        pruned = find_unrefreshable(store, config)
    if refreshed:
        out(f"Recomputed the figures of snapshot{'s' if len(refreshed) > 1 else ''} {', '.join(map(str, refreshed))}.")
    elif not pruned:
        out("Every snapshot's figures already follow the config; nothing to recompute.")
    if pruned:
        ids, several = ", ".join(map(str, pruned)), len(pruned) > 1
        out(
            f"Snapshot{'s' if several else ''} {ids} {'were' if several else 'was'} pruned (rows deleted), so "
            f"{'their' if several else 'its'} figures cannot be recomputed: they follow the earlier settings, and "
            "profile, digest and questions refuse them. Ask of a later snapshot."
        )
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


def run_unrecognised(args: argparse.Namespace, config: Config, out: Printer) -> int:
    """The values a snapshot did not recognise, read back from its kept file: a value may be a name typed
    into the wrong column, so they go to a terminal only, as `raw` does (docs/bad-input.md)."""
    require_terminal("unrecognised shows values that may name a child")
    from digest.intake.raw_rows import read_unrecognised_values  # pandas: only here

    with open_args_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)
        values = read_unrecognised_values(store, snapshot.id, config)
    out(render_unrecognised_values(snapshot, values))
    return EXIT_OK


def require_terminal(what: str) -> None:
    """Refuse unless the output is a terminal: what it shows identifies a child."""
    if not sys.stdout.isatty():
        raise UserError(
            f"{what}, so it prints only to a terminal, not into a pipe or a file; run it in a terminal on the "
            "store's machine"
        )


def run_raw(args: argparse.Namespace, config: Config, out: Printer) -> int:
    """One raw row, header by header. A row's cells identify a child, so they go to a terminal only (the
    analyst at the store's machine), never into a pipe, a file or a log (docs/decisions.md)."""
    require_terminal("raw shows a child's details")
    from digest.intake.raw_rows import read_raw_row  # pandas: only here

    with open_args_store(args, config) as store:
        snapshot = store.get_snapshot(args.snapshot)
        headers = store.load_headers(snapshot.id)
        cells = read_raw_row(store, snapshot.id, args.row)
    if cells is None:
        raise UserError(f"snapshot {snapshot.id} ({shown_name(snapshot.file_name)}) has no row {args.row}")
    width = max(len(header) for header in headers)
    lines = [f"Snapshot {snapshot.id} ({shown_name(snapshot.file_name)}), row {args.row}:"]
    lines += [f"  {header:<{width}}  {cell}" for header, cell in zip(headers, cells, strict=False)]
    out("\n".join(lines) + "\n")
    return EXIT_OK


def run_backup(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from bot.cli.options import store_path
    from digest.store.backups import backup_file

    source = store_path(args, config)
    backup_file(source, args.target)
    out(f"Backed up {source} to {args.target} (owner-only: it holds child ids).")
    return EXIT_OK
