"""The `missing-report` command line: the parser, and one place where every error a user can fix is turned
into one line on stderr and an exit status, never a traceback.

Each group of commands lives in its own module, which adds its commands to the parser. Those modules
import chart, chat and scheduling libraries only inside the commands that use them, so a quick
command such as `ask` or `profile` starts without them.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from bot.cli import alerts, ask, comments, demo, digests, doctor, profile, serve, snapshots, teams_app
from bot.cli.options import EXIT_OK, EXIT_REFUSED, Printer, UserError, add_common_options
from bot.settings import SettingError
from digest.contract.config import ConfigError, load_config
from digest.intake.refusals import ExtractRefused
from digest.reporting.profile import ProfileError
from digest.store.backups import BackupError
from digest.store.snapshots import StoreError

COMMAND_GROUPS = (
    snapshots,
    alerts,
    profile,
    digests,
    comments,
    serve,
    teams_app,
    doctor,
    ask,
    demo,
)  # in the order `--help` lists them
USER_ERRORS = (UserError, ConfigError, StoreError, ProfileError, SettingError, BackupError)


def installed_version() -> str:
    """The version pip installed (pyproject.toml's), so that a bug report can say which one it was."""
    import importlib.metadata

    try:
        return importlib.metadata.version("missing-report")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


class VersionAction(argparse.Action):
    """--version: the installed version is looked up only when asked (importlib.metadata costs ~50 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"missing-report {installed_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="missing-report",
        description="Children Missing from Home/Care: monthly performance figures from a case-management extract.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    add_common_options(parser, defaults=True)
    # The same options after the command name too (`missing-report profile --db x.db ...`);
    # SUPPRESS keeps a command's parser from overwriting a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, defaults=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_command = functools.partial(commands.add_parser, parents=[common])
    for group in COMMAND_GROUPS:
        group.add_commands(add_command)
    return parser


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
        try:
            config = load_config(args.config)
        except ConfigError as err:
            if not hasattr(args, "on_config_error"):
                raise
            reported: int = args.on_config_error(err, printer)  # doctor reports a broken config as a check
            return reported
        result: int = args.handler(args, config, printer)
        return result
    except ExtractRefused as err:
        said = str(err).strip().rstrip(".")  # one sentence, however the reader's message ended
        print(f"missing-report: {said}. Nothing was stored.", file=sys.stderr)
        return EXIT_REFUSED
    except USER_ERRORS as err:
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
