"""What every command shares: the --config, --db and --debug options, opening the store, reading a month
or an as-at time from the command line, and the error a user can fix.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.settings import DB_ENV, load_store_path
from digest.contract.config import Config
from digest.contract.timestamps import LATEST_AS_AT, check_as_at, parse_as_at
from digest.figures.periods import Month
from digest.intake.refresh import refresh_figures
from digest.store.database import database_files
from digest.store.snapshots import SnapshotInfo, SnapshotStore, open_store

if TYPE_CHECKING:
    from digest.lookups.periods import Period

EXIT_OK = 0
EXIT_REFUSED = 1  # bad input: a refused file, an unknown month, a broken config
EXIT_USAGE = 2  # argparse's own exit status for a malformed command line

Printer = Callable[[str], None]
Handler = Callable[[argparse.Namespace, Config, Printer], int]
AddCommand = Callable[..., argparse.ArgumentParser]


class UserError(Exception):
    """Anything the user can fix; printed as one line, never as a traceback."""


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


def store_path(args: argparse.Namespace, config: Config) -> Path:
    return load_store_path(config, args.db)


def open_args_store(args: argparse.Namespace, config: Config, create: bool = False) -> SnapshotStore:
    """The store the command line names (--db, $MISSING_REPORT_DB, or the config's); made if there is none
    only where create (a command that stores something): a mistyped --db must not give an empty store."""
    return open_store(store_path(args, config), create)


@contextlib.contextmanager
def open_store_to_fill(args: argparse.Namespace, config: Config) -> Iterator[SnapshotStore]:
    """The store an ingest fills, made if there is none. If this command made it and the ingest is refused, the
    store is removed again (and the folders made for it): a refused first file leaves no empty store behind."""
    path = store_path(args, config)
    made = not path.exists()
    made_folders = list(itertools.takewhile(lambda folder: not folder.exists(), path.parents))  # innermost first
    store = open_store(path, create=True)
    try:
        yield store
    except BaseException:
        empty = made and not store.list_snapshots()  # nothing of anyone else's, even had another ingest begun
        store.close()
        if empty:
            for leftover in database_files(path):
                leftover.unlink(missing_ok=True)
            for folder in made_folders:
                if any(folder.iterdir()):
                    break
                folder.rmdir()
        raise
    store.close()


def refresh_args_store(args: argparse.Namespace, config: Config, create: bool = False) -> None:
    """Before a command reads figures: recompute any stored under settings the config has since changed."""
    open_refreshed_store(args, config, create).close()


def open_refreshed_store(args: argparse.Namespace, config: Config, create: bool = False) -> SnapshotStore:
    """The store, open, once refresh_args_store's step is done: for a command that reads figures from it."""
    store = open_args_store(args, config, create)
    try:
        refresh_figures(store, config)
    except BaseException:
        store.close()
        raise
    return store


FUTURE_AS_AT_OPTION = "--future-as-at"


def read_as_at(text: str, future_allowed: bool = False) -> dt.datetime:
    """The --as-at time: readable, not before 1990, and not more than a day ahead of the clock unless
    future_allowed (FUTURE_AS_AT_OPTION)."""
    try:
        as_at = parse_as_at(text)
    except ValueError as err:
        raise UserError(f"--as-at {err}") from None
    try:
        check_as_at(as_at, dt.datetime.now(), future_allowed)
    except ValueError as err:
        later = dt.datetime.now() < as_at < LATEST_AS_AT
        hint = f", or add {FUTURE_AS_AT_OPTION} if it really is later" if later else ""
        raise UserError(f'--as-at "{text.strip()}" {err}{hint}') from None
    return as_at


SUPPRESS_HELP = (
    "disclosure control: counts from 1 to 5, and any that would reveal one, shown as c (DfE convention); "
    "for figures shared beyond the performance team"
)
MONTH_WORDS = "June, Jun-19, june 2019, 2019-06 or last month"
MONTH_HELP = f"the month: {MONTH_WORDS} (default: the latest complete month)"


def read_month_words(text: str | None) -> Period:
    """The month --month names, read as `ask` reads one ("June", "Jun-19", "2019-06", "last month");
    no --month is the latest complete month."""
    from digest.lookups.periods import PeriodError, read_month  # (the lookups' words: not for every command)

    try:
        return read_month(text or "")
    except PeriodError as err:
        raise UserError(f"--month {err}") from None


def resolve_month(period: Period, snapshot: SnapshotInfo) -> Month:
    """The month of a period, as a lookup resolves it, counted from the snapshot's as-at time: a month
    without a year is the latest such month at or before it; the latest complete month is the one before it."""
    from digest.lookups.periods import resolve_period

    return Month(resolve_period(period, snapshot).last)


def resolve_store_month(period: Period, store: SnapshotStore) -> Month:
    """resolve_month from the store's latest snapshot; a month said with its year ("2019-06", "June 2019") needs
    none, so that it is read the same in a store without one."""
    from digest.lookups.periods import PeriodKind

    if period.kind == PeriodKind.MONTH and period.month is not None:
        return Month(period.month)
    return resolve_month(period, store.get_snapshot())


def read_os_user(given: str | None) -> str:
    """Who is at the terminal, trimmed: a comment's author, or who ran `publish`; given (--by) if said."""
    if given is not None:
        return given.strip()
    try:
        return getpass.getuser().strip()
    except (OSError, KeyError):  # no login name in the environment and no password entry (some containers)
        raise UserError(
            "cannot tell who you are on this computer; say with --by, for example --by priya.shah"
        ) from None
