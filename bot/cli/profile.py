"""The `profile` command: a month's performance table, as text, JSON, CSV or an XLSX workbook."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli.options import EXIT_OK, AddCommand, Printer, UserError, open_args_store, read_month, refresh_args_store
from digest.contract.config import Config
from digest.reporting.definitions import render_definitions
from digest.reporting.profile import load_profile
from digest.reporting.table import render_csv, render_text_table


def add_commands(add_command: AddCommand) -> None:
    profile = add_command("profile", help="print a month's performance table")
    profile.add_argument("--month", required=True, help="the reporting month, YYYY-MM")
    profile.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    profile.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table")
    profile.add_argument("--out", type=Path, help="write to this file instead of the terminal (xlsx: required name)")
    profile.set_defaults(handler=run_profile)

    definitions = add_command("definitions", help="print what each indicator counts (docs/indicators.md)")
    definitions.set_defaults(handler=run_definitions)


def run_profile(args: argparse.Namespace, config: Config, out: Printer) -> int:
    month = read_month(args.month)
    if args.format == "xlsx" and args.out is None:
        raise UserError(f"--format xlsx writes a file: add --out, for example --out missing-{args.month}.xlsx")
    refresh_args_store(args, config)
    with open_args_store(args, config) as store:
        profile = load_profile(store, config, month, args.snapshot)
    if args.format == "xlsx":
        from digest.reporting.workbook import save_workbook  # openpyxl only when a workbook is asked for

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


def run_definitions(args: argparse.Namespace, config: Config, out: Printer) -> int:
    out(render_definitions(config))
    return EXIT_OK
