"""The `ask` command: the slash command's answer in a terminal. It imports no chat library."""

from __future__ import annotations

import argparse
from functools import partial

from bot.cli.options import SUPPRESS_HELP, AddCommand, Printer, open_args_store, refresh_args_store
from digest.contract.config import Config


def add_commands(add_command: AddCommand) -> None:
    ask = add_command("ask", help='answer a question as the slash command does: ask "LAC episodes June"')
    ask.add_argument("question", nargs="*", help="the question, in any words; nothing or help lists what to ask")
    ask.add_argument("--suppress", action="store_true", help=SUPPRESS_HELP)
    ask.set_defaults(handler=run_ask_command)


def run_ask_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    """Answered and audited as user and channel "terminal"."""
    # Here, not at the top: the lookups' vocabulary is not for every command (an ingest starts without it).
    from digest.lookups.answers import ANSWERED
    from digest.lookups.service import LookupService
    from digest.store.lookups import TERMINAL  # the audit's user, channel and platform for `missing-report ask`

    refresh_args_store(args, config)
    service = LookupService(partial(open_args_store, args, config), config, platform=TERMINAL, suppress=args.suppress)
    answer = service.ask(TERMINAL, TERMINAL, " ".join(args.question))
    out(answer.plain_text())
    return 0 if answer.outcome == ANSWERED else 1
