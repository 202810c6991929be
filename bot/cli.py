"""The `missing-report` command line: ingest extracts, list snapshots, print profiles, run the demo."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from bot.digest_commands import (
    add_digest_commands,
    run_ask_command,
    run_digest_command,
    run_digest_runs_command,
    run_serve_command,
)
from bot.notifiers import NoProgress
from bot.notifiers.outbox import OutboxNotifier
from bot.settings import SettingError, load_settings
from bot.terminal import render_alert_list, render_ingest_report, render_rejected_rows, render_snapshot_list
from bot.watch import OUTBOX_ALERTS, alert_after_snapshot, alert_sender
from digest.alerts import list_alerts
from digest.config import Config, ConfigError, load_config
from digest.demo import default_shape, generate_extract
from digest.digests import build_digest
from digest.extracts import ExtractRefused
from digest.ingest import ingest_extract
from digest.periods import month_key, month_name, month_of, parse_month
from digest.profile import ProfileError, available_months, load_profile
from digest.report_table import render_csv, render_text_table
from digest.report_workbook import save_workbook
from digest.snapshots import SnapshotStore, StoreError, open_store
from digest.timestamps import parse_as_at

DB_ENV = "MISSING_REPORT_DB"
EXIT_OK = 0
EXIT_REFUSED = 1  # bad input: a refused file, an unknown month, a broken config
EXIT_USAGE = 2  # argparse's own exit status for a malformed command line
DEMO_AS_AT = "2019-07-18 09:00"
DEMO_DIR = Path("data") / "demo"

Printer = Callable[[str], None]


class UserError(Exception):
    """Anything the user can fix; printed as one line, never as a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="missing-report",
        description="Children Missing from Home/Care: monthly performance figures from a case-management extract.",
    )
    add_common_options(parser, defaults=True)
    # The same options after the command name too (`missing-report profile --db x.db ...`);
    # SUPPRESS keeps a command's parser from overwriting a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, defaults=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_command = functools.partial(commands.add_parser, parents=[common])

    ingest = add_command("ingest", help="store an extract (CSV or XLSX) as a snapshot")
    ingest.add_argument("file", type=Path, help="the episode extract")
    ingest.add_argument("--as-at", required=True, help='when the extract was taken, "YYYY-MM-DD HH:MM"')
    ingest.set_defaults(handler=run_ingest)

    alerts = add_command("alerts", help="list past alerts: time, snapshot, kind, still missing before and after")
    alerts.set_defaults(handler=run_alerts)

    snapshots = add_command("snapshots", help="list the stored snapshots")
    snapshots.set_defaults(handler=run_snapshots)

    rejected = add_command("rejected", help="list a snapshot's rejected rows: spreadsheet row and reason")
    rejected.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    rejected.set_defaults(handler=run_rejected)

    profile = add_command("profile", help="print a month's performance table")
    profile.add_argument("--month", required=True, help="the reporting month, YYYY-MM")
    profile.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    profile.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table")
    profile.add_argument("--out", type=Path, help="write to this file instead of the terminal (xlsx: required name)")
    profile.set_defaults(handler=run_profile)

    add_digest_commands(
        add_command,
        {
            "digest": partial(run_digest_command, open_args_store=open_args_store, read_month=read_month),
            "digest-runs": partial(run_digest_runs_command, open_args_store=open_args_store),
            "serve": partial(run_serve_command, open_args_store=open_args_store),
            "ask": partial(run_ask_command, open_args_store=open_args_store),
        },
    )

    demo_data = add_command("demo-data", help="write a synthetic extract (no real person) to a CSV file")
    demo_data.add_argument("--out", type=Path, required=True)
    demo_data.add_argument("--as-at", default=DEMO_AS_AT, help='as-at time of the extract, "YYYY-MM-DD HH:MM"')
    demo_data.add_argument("--episodes", type=int, help="how many episodes (default: about 120 a month)")
    demo_data.add_argument("--months", type=int, default=15, help="how many months up to the as-at month")
    demo_data.add_argument("--seed", type=int, default=2019)
    demo_data.set_defaults(handler=run_demo_data)

    demo = add_command(
        "demo", help="the main job on bundled demo data: make and ingest an extract, print the table, write the digest"
    )
    demo.add_argument("--dir", type=Path, default=DEMO_DIR, help=f"where the demo extract and store go ({DEMO_DIR})")
    demo.set_defaults(handler=run_demo)
    return parser


def add_common_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    unset: Any = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--config", default=unset, help="config file (default: $MISSING_REPORT_CONFIG or config/missing-report.toml)"
    )
    parser.add_argument(
        "--db", default=unset, help=f"snapshot store (default: ${DB_ENV} or [store] path in the config)"
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help="show the full traceback of an unexpected error",
    )


class QuietFormatter(logging.Formatter):
    """Log lines without tracebacks (they may quote data); --debug shows them."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        return ""


def configure_logging(debug: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        if debug
        else QuietFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def main(argv: Sequence[str] | None = None, out: Printer | None = None) -> int:
    """Run one command; returns the exit status."""
    printer: Printer = out or (lambda text: print(text, end="" if text.endswith("\n") else "\n", flush=True))
    args = build_parser().parse_args(argv)
    configure_logging(args.debug)
    try:
        config = load_config(args.config)
        result: int = args.handler(args, config, printer)
        return result
    except ExtractRefused as err:
        print(f"missing-report: {err}. Nothing was stored.", file=sys.stderr)
        return EXIT_REFUSED
    except (UserError, ConfigError, StoreError, ProfileError, SettingError) as err:
        print(f"missing-report: {err}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("missing-report: interrupted; nothing half-written was kept", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader (head, less) stopped reading early: nothing is wrong. Point stdout at /dev/null so
        # Python's flush at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as err:
        if args.debug:
            raise
        print(
            f"missing-report: unexpected error ({type(err).__name__}: {err}). Nothing half-written was kept. "
            "Run again with --debug for the details, and report it with them.",
            file=sys.stderr,
        )
        return EXIT_REFUSED


def store_path(args: argparse.Namespace, config: Config) -> Path:
    return Path(args.db or os.environ.get(DB_ENV) or config.store_path)


def open_args_store(args: argparse.Namespace, config: Config) -> SnapshotStore:
    return open_store(store_path(args, config))


def read_as_at(text: str) -> dt.datetime:
    try:
        return parse_as_at(text)
    except ValueError as err:
        raise UserError(f"--as-at {err}") from None


def read_month(text: str) -> int:
    try:
        return parse_month(text)
    except ValueError as err:
        raise UserError(f"--month {err}") from None


def run_ingest(args: argparse.Namespace, config: Config, out: Printer) -> int:
    as_at = read_as_at(args.as_at)
    settings = load_settings(config)
    with open_args_store(args, config) as store:
        report = ingest_extract(store, args.file, as_at, config)
        out(render_ingest_report(report))
        if not report.duplicate:
            sender = alert_sender(settings, out)
            for alert in alert_after_snapshot(store, report.snapshot_id, settings, sender):
                if sender.channel != OUTBOX_ALERTS:
                    out(f"Alert sent to {sender.where}: {alert.text}")
    return EXIT_OK


def run_alerts(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        out(render_alert_list(list_alerts(store)))
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


def run_profile(args: argparse.Namespace, config: Config, out: Printer) -> int:
    month = read_month(args.month)
    if args.format == "xlsx" and args.out is None:
        raise UserError(f"--format xlsx writes a file: add --out, for example --out missing-{args.month}.xlsx")
    with open_args_store(args, config) as store:
        profile = load_profile(store, config, month, args.snapshot)
    if args.format == "xlsx":
        save_workbook(profile, args.out)
        out(f"Wrote {args.out}")
        return EXIT_OK
    if args.format == "json":
        text = json.dumps(profile.to_json_dict(), indent=2) + "\n"
    else:
        text = render_csv(profile) if args.format == "csv" else render_text_table(profile)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        out(f"Wrote {args.out}")
    else:
        out(text)
    return EXIT_OK


def run_demo_data(args: argparse.Namespace, config: Config, out: Printer) -> int:
    as_at = read_as_at(args.as_at)
    if args.months < 1 or (args.episodes is not None and args.episodes < 1):
        raise UserError("--months and --episodes must be 1 or more")
    shape = default_shape(as_at, args.months, args.seed)
    if args.episodes:
        shape = replace(shape, episodes=args.episodes)
    frame = generate_extract(shape, as_at)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False)
    out(f"Wrote {len(frame):,} synthetic episodes to {args.out} (as at {as_at:%Y-%m-%d %H:%M})")
    return EXIT_OK


def run_demo(args: argparse.Namespace, config: Config, out: Printer) -> int:
    """Make a demo extract, ingest it into a demo store and print the latest complete month's table."""
    as_at = read_as_at(DEMO_AS_AT)
    folder: Path = args.dir
    folder.mkdir(parents=True, exist_ok=True)
    extract = folder / "missing-episodes-demo.csv"
    generate_extract(default_shape(as_at), as_at).to_csv(extract, index=False)
    out(f"Demo extract: {extract} (synthetic, no real person)")
    store = open_store(Path(args.db) if args.db else folder / "demo.db")
    try:
        out(render_ingest_report(ingest_extract(store, extract, as_at, config)))
        snapshot = store.get_snapshot()
        first, _last = available_months(snapshot)
        month = max(first, month_of(as_at) - 1)  # the latest complete month
        out(render_text_table(load_profile(store, config, month, snapshot.id)))
        outbox = OutboxNotifier(folder / "outbox")
        digest = build_digest(store, config, month, snapshot.id)
        outbox.send(digest, NoProgress())
        out(f"The {month_name(month)} digest, as it would go to Slack: {outbox.target(digest) / 'preview.html'}")
        out(f"Next: missing-report --db {store.path} profile --month {month_key(month)} --format json")
    finally:
        store.close()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
