"""The `teams-app` command: the Teams app package (manifest and icons) for the council's Teams admin to upload."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.options import AddCommand, Printer, UserError
from digest.contract.config import Config

DEFAULT_WEBSITE = "https://www.gov.uk/government/publications/children-who-run-away-or-go-missing-from-home-or-care"


def add_commands(add_command: AddCommand) -> None:
    command = add_command("teams-app", help="write the Teams app package (manifest and icons) for sideloading")
    command.add_argument("--out", default="missing-report.zip", help="the zip to write (default: missing-report.zip)")
    command.add_argument(
        "--website", default=DEFAULT_WEBSITE, help="the https page the app's details link to (your team's page)"
    )
    command.set_defaults(handler=run_teams_app_command)


def run_teams_app_command(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from bot.chats.teams.manifest import ManifestError, write_app_package
    from bot.settings import TEAMS_CLIENT_ID_ENV, load_teams_question_settings

    client_id = load_teams_question_settings(config).client_id or ""
    if not client_id:
        raise UserError(
            f"{TEAMS_CLIENT_ID_ENV} is not set: set it to the bot's Microsoft App ID (its Azure Bot resource, "
            "Configuration page)"
        )
    if not str(args.website).startswith("https://"):
        raise UserError(f"--website {args.website!r} must be an https:// address")
    path = Path(args.out)
    if not path.parent.is_dir():
        raise UserError(f"--out {path}: the folder {path.parent} does not exist")
    try:
        write_app_package(path, client_id, args.website)
    except ManifestError as error:
        raise UserError(str(error)) from None
    out(f"Wrote {path}: manifest.json (bot {client_id}), color.png, outline.png.")
    out("Upload it in Teams: Apps > Manage your apps > Upload an app (or Teams admin centre > Manage apps).")
    return 0
