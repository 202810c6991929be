"""The `alerts` command: the still-missing alerts decided so far, and where each went."""

from __future__ import annotations

import argparse

from bot.cli.options import EXIT_OK, AddCommand, Printer, open_args_store
from bot.cli.terminal import render_alert_list
from digest.contract.config import Config
from digest.store.alerts import list_alerts


def add_commands(add_command: AddCommand) -> None:
    alerts = add_command("alerts", help="list past alerts: time, snapshot, kind, still missing before and after")
    alerts.set_defaults(handler=run_alerts)


def run_alerts(args: argparse.Namespace, config: Config, out: Printer) -> int:
    with open_args_store(args, config) as store:
        out(render_alert_list(list_alerts(store)))
    return EXIT_OK
