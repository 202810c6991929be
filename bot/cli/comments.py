"""The `comment` command: the analyst's comment on a report section for a month, as the paper report's Comments
column; shown in the digest under the figures it explains, in the XLSX and in `ask profile`."""

from __future__ import annotations

import argparse

from bot.cli.options import (
    EXIT_OK,
    MONTH_HELP,
    AddCommand,
    Printer,
    UserError,
    open_args_store,
    read_month_words,
    read_os_user,
    resolve_month,
)
from digest.contract.config import Config
from digest.figures.periods import month_key, month_name
from digest.reporting.commentary import (
    MAX_COMMENT_CHARS,
    Author,
    CommentError,
    SectionComment,
    clear_section_comment,
    load_section_comments,
    read_section,
    save_section_comment,
)
from digest.store.comments import load_comment_history
from digest.store.lookups import TERMINAL
from digest.store.snapshots import SnapshotStore


def add_commands(add_command: AddCommand) -> None:
    comment = add_command(
        "comment",
        help="add, list or clear the comment on a report section for a month (published with the digest)",
        description=(
            "One comment per section and month, shown under its figures in the digest, in the XLSX's Comments "
            "column and in `ask profile`. A new comment replaces the section's last one (which is kept in the "
            "history). Comments are published: never write a child's name, id, date of birth or address."
        ),
    )
    comment.add_argument("--month", help=MONTH_HELP)
    comment.add_argument("--section", help="the report section's number, 1 to 10 (5 is Return Home Interviews)")
    what = comment.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", help=f"the comment, at most {MAX_COMMENT_CHARS:,} characters")
    what.add_argument("--list", action="store_true", help="list the month's comments")
    what.add_argument("--history", action="store_true", help="list every comment saved for the month, replaced too")
    what.add_argument("--clear", action="store_true", help="remove the section's comment (it stays in the history)")
    comment.add_argument("--by", help="who is writing (default: your user name on this computer)")
    comment.set_defaults(handler=run_comment)


def run_comment(args: argparse.Namespace, config: Config, out: Printer) -> int:
    # Here, not at the top: the lookups (what `ask` says of a comment) are not for every command.
    from digest.lookups.comments import check_comment_month, describe_saved

    if (args.text is not None or args.clear) and not args.section:
        raise UserError("say which section with --section, for example --section 5 (Return Home Interviews)")
    period = read_month_words(args.month)
    author = Author(read_os_user(args.by), "", TERMINAL)
    if not author.id:
        raise UserError("--by is empty; give your name or staff id")
    with open_args_store(args, config) as store:
        snapshot = store.get_snapshot()
        month = resolve_month(period, snapshot).index
        try:
            check_comment_month(month, snapshot)
            section = read_section(args.section) if args.section else None
            if args.list:
                out(
                    render_comment_list(load_section_comments(store, month), month, section.number if section else None)
                )
            elif args.history:
                out(render_comment_history(store, month))
            elif args.clear:
                assert section is not None
                cleared = clear_section_comment(store, month, section, author)
                out(
                    f"Cleared the comment on section {section.number}, {section.title}, for {month_name(month)}."
                    if cleared
                    else f"Section {section.number} has no comment for {month_name(month)}; nothing to clear."
                )
            else:
                assert section is not None
                out(describe_saved(save_section_comment(store, month, section, args.text, author), month))
        except CommentError as err:
            raise UserError(str(err)) from None
    return EXIT_OK


def render_comment_list(comments: list[SectionComment], month: int, section: str | None = None) -> str:
    shown = [c for c in comments if section is None or c.section == section]
    if not shown:
        return f"No comments for {month_name(month)}" + (f" on section {section}." if section else ".")
    lines = [f"Comments for {month_name(month)}:"]
    for comment in shown:
        lines += [
            f"  {comment.heading} ({comment.attribution}):",
            *(f"    {line}" for line in comment.text.splitlines()),
        ]
    return "\n".join(lines)


def render_comment_history(store: SnapshotStore, month: int) -> str:
    history = load_comment_history(store, month_key(month))
    if not history:
        return f"No comments for {month_name(month)}."
    lines = [f"Every comment saved for {month_name(month)}, oldest first:"]
    followed = {(c.section, c.written_at) for c in history}  # a comment ended when another was written: replaced
    for c in history:
        ended = "replaced" if (c.section, c.replaced_at) in followed else "cleared"
        state = f"{ended} {c.replaced_at:%d/%m/%Y %H:%M} by {c.replaced_by}" if c.replaced_at else "current"
        lines.append(
            f"  section {c.section}, {c.written_at:%d/%m/%Y %H:%M} by {c.author_name or c.author_id} ({state}):"
        )
        lines += [f"    {line}" for line in c.text.splitlines()]
    return "\n".join(lines)
