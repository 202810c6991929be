"""The demo commands: `demo-data` writes a synthetic extract; `demo` runs the main job on one."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from bot.cli.options import EXIT_OK, AddCommand, Printer, UserError, read_as_at
from bot.cli.terminal import render_ingest_report
from digest.contract.config import Config
from digest.figures.periods import month_key, month_name, month_of
from digest.reporting.profile import load_profile
from digest.reporting.table import render_text_table
from digest.store.snapshots import available_months, open_store

DEMO_AS_AT = "2019-07-18 09:00"
DEMO_DIR = Path("data") / "demo"


def add_commands(add_command: AddCommand) -> None:
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


def run_demo_data(args: argparse.Namespace, config: Config, out: Printer) -> int:
    from digest.intake.demo import default_shape, generate_extract  # pandas and numpy: only here

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
    from bot.delivery import NoProgress
    from bot.outbox import TEAMS_CARD_FILE, OutboxNotifier
    from digest.intake.demo import default_shape, generate_extract
    from digest.intake.ingest import ingest_extract
    from digest.reporting.digests import build_digest

    as_at = read_as_at(DEMO_AS_AT)
    folder: Path = args.dir
    folder.mkdir(parents=True, exist_ok=True)
    extract = folder / "missing-episodes-demo.csv"
    generate_extract(default_shape(as_at), as_at).to_csv(extract, index=False)
    out(f"Demo extract: {extract} (synthetic, no real person)")
    with open_store(Path(args.db) if args.db else folder / "demo.db") as store:
        out(render_ingest_report(ingest_extract(store, extract, as_at, config)))
        snapshot = store.get_snapshot()
        first, _last = available_months(snapshot)
        month = max(first, month_of(as_at) - 1)  # the latest complete month
        out(render_text_table(load_profile(store, config, month, snapshot.id)))
        outbox = OutboxNotifier(folder / "outbox")
        digest = build_digest(store, config, month, snapshot.id)
        outbox.send(digest, NoProgress())
        target = outbox.target(digest)
        out(f"The {month_name(month)} digest, as it would go to Slack: {target / 'preview.html'}")
        out(f"The same digest as a Teams card: {target / TEAMS_CARD_FILE}")
        out(f"Next: missing-report --db {store.path} profile --month {month_key(month)} --format json")
    return EXIT_OK
