"""The `profile` command: a month's performance table, as text, JSON, CSV or an XLSX workbook."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli.options import (
    EXIT_OK,
    MONTH_HELP,
    SUPPRESS_HELP,
    AddCommand,
    Printer,
    UserError,
    open_refreshed_store,
    read_month_words,
    resolve_month,
)
from digest.contract.config import Config
from digest.reporting.commentary import load_section_comments
from digest.reporting.definitions import render_definitions
from digest.reporting.profile import load_profile
from digest.reporting.table import render_csv, render_text_table

# Each format and the file name ending it is written to; --out's ending picks the format when --format is not given.
FORMAT_SUFFIXES = {"table": ".txt", "json": ".json", "csv": ".csv", "xlsx": ".xlsx"}
FORMAT_HELP = (
    "table (the report as text), json (the figures, for other programs), csv (every figure with its "
    "denominator) or xlsx (an Excel workbook; needs --out). Default: what --out's ending says, else table"
)


def add_commands(add_command: AddCommand) -> None:
    profile = add_command("profile", help="print a month's performance table")
    profile.add_argument("--month", help=MONTH_HELP)
    profile.add_argument("--snapshot", type=int, help="snapshot id (default: the latest)")
    profile.add_argument("--format", choices=list(FORMAT_SUFFIXES), help=FORMAT_HELP)
    profile.add_argument(
        "--out", type=Path, help="write to this file instead of the terminal; its ending names the format"
    )
    profile.add_argument("--suppress", action="store_true", help=SUPPRESS_HELP)
    profile.set_defaults(handler=run_profile)

    definitions = add_command("definitions", help="print what each indicator counts (docs/indicators.md)")
    definitions.set_defaults(handler=run_definitions)


def pick_format(given: str | None, out: Path | None) -> str:
    """The format asked for, checked against --out's ending so that a file's name never belies its content."""
    if out is None:
        if given == "xlsx":
            raise UserError("--format xlsx writes a file: add --out, for example --out missing-2019-06.xlsx")
        return given or "table"
    suffix = out.suffix.lower()
    by_suffix = {ending: name for name, ending in FORMAT_SUFFIXES.items()}
    endings = ", ".join(FORMAT_SUFFIXES.values())
    if given is None:
        if suffix not in by_suffix:
            raise UserError(f"--out {out}: name the file with one of {endings}, or say which format with --format")
        return by_suffix[suffix]
    if suffix != FORMAT_SUFFIXES[given]:
        wanted = out.with_suffix(FORMAT_SUFFIXES[given])
        raise UserError(f"--format {given} writes a {FORMAT_SUFFIXES[given]} file, not {out}: use --out {wanted}")
    return given


def run_profile(args: argparse.Namespace, config: Config, out: Printer) -> int:
    output_format = pick_format(args.format, args.out)
    period = read_month_words(args.month)
    with open_refreshed_store(args, config) as store:
        month = resolve_month(period, store.get_snapshot(args.snapshot)).index
        profile = load_profile(store, config, month, args.snapshot)
        comments = load_section_comments(store, month) if output_format == "xlsx" else []
    if args.suppress:
        from digest.reporting.disclosure import suppress_profile

        profile = suppress_profile(profile)
    if output_format == "xlsx":
        from digest.reporting.workbook import save_workbook  # openpyxl only when a workbook is asked for

        save_workbook(profile, args.out, comments=comments)
        out(f"Wrote {args.out}")
        return EXIT_OK
    if output_format == "json":
        text = json.dumps(profile.to_json_dict(), indent=2) + "\n"
    else:
        text = render_csv(profile) if output_format == "csv" else render_text_table(profile)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        out(f"Wrote {args.out}")
    else:
        out(text)
    return EXIT_OK


def run_definitions(args: argparse.Namespace, config: Config, out: Printer) -> int:
    out(render_definitions(config))
    return EXIT_OK
