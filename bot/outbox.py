"""Writing a digest to a folder instead of sending it: when no chat tool is set up, and to preview one.

The folder gets the Slack message as it would be posted (message.json: text and Block Kit), the Teams
card as it would be posted (teams-card.json: the Workflows webhook's body), each chart as a PNG, the
full table as XLSX, and preview.html, which a person opens in a browser.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

from bot.delivery import DeliveryProgress
from bot.delivery.files import make_outbox_folder
from bot.delivery.files import save_workbook as save_workbook  # where it was, for the destinations
from bot.delivery.files import write_whole as _write
from digest.figures.periods import month_key
from digest.reporting.commentary import BREAKDOWNS_HEADING, Under, select_comments
from digest.reporting.content import REVISIONS_HEADING, Digest, Figure, describe_revised_cells, describe_revisions

TEAMS_CARD_FILE = "teams-card.json"
OUTBOX_CHANNEL = "outbox"  # the ledgers' name for "written to the outbox folder", for digests and alerts


class OutboxNotifier:
    """Writes each digest into folder/YYYY-MM/, and each alert into folder/alerts/ (and to echo)."""

    def __init__(self, folder: Path, echo: Callable[[str], None] | None = None) -> None:
        self.folder = folder
        self.echo = echo

    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str:
        target = self.folder / "alerts" / f"{key}.txt"
        make_outbox_folder(target.parent)
        _write(target, (text + "\n").encode())
        if self.echo:
            self.echo(f"Alert (no chat tool set up; also in {target}): {text}")
        return str(target)

    def target(self, digest: Digest) -> Path:
        return self.folder / month_key(digest.month)

    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        # Slack's and Teams' mark-up load here, not at import: an ingest that writes alerts here needs neither.
        from bot.chats.slack.blocks import render_digest_message
        from bot.chats.teams.digest_card import render_table_note
        from bot.chats.teams.notifier import render_digest_envelopes

        target = self.target(digest)
        make_outbox_folder(target)
        message = render_digest_message(digest)
        payload = {"text": message.text, "blocks": message.block_dicts()}
        _write(target / "message.json", json.dumps(payload, indent=2, ensure_ascii=False).encode())
        note = render_table_note(digest, None)
        detail, body = render_digest_envelopes(digest, note, None)[0]
        card = json.dumps(json.loads(body), indent=2, ensure_ascii=False).encode()
        _write(target / TEAMS_CARD_FILE, card)
        for chart in digest.charts:
            _write(target / chart.file_name, chart.png)
        if digest.workbook:
            save_workbook(self.folder, digest)
        _write(target / "preview.html", render_preview_html(digest, f"{detail}, {len(body):,} bytes").encode())
        progress.record_message(str(target))


def _figures(title: str, figures: list[Figure]) -> str:
    rows = "".join(
        f"<tr><td class=n>{html.escape(f.shown)}</td><td>{html.escape(f.label)}</td>"
        f"<td class=c>{html.escape(f.comparisons)}</td></tr>"
        for f in figures
    )
    return f"<h2>{html.escape(title)}</h2><table>{rows}</table>"


def _comments(digest: Digest, under: Under) -> str:
    """The analysts' comments shown under one group of figures, each under the figures it explains."""
    return "".join(
        f"<blockquote class=m><b>Comment on section {html.escape(c.section)}, {html.escape(c.section_title)}</b>"
        f"<br>{html.escape(c.text).replace(chr(10), '<br>')}<br><i>{html.escape(c.attribution)}</i></blockquote>"
        for c in select_comments(digest.comments, under)
    )


def render_preview_html(digest: Digest, teams_card: str = "") -> str:
    """A self-contained page showing what the channel would see (charts beside it in the folder)."""
    from bot.chats.teams.cards import MAX_POST_BYTES

    highlights = "".join(f"<li>{html.escape(line)}</li>" for line in digest.highlights)
    revised = "".join(f"<li>{html.escape(line)}</li>" for line in describe_revisions(digest))
    where_revised = describe_revised_cells(digest)
    revisions = f"<h2>{REVISIONS_HEADING}</h2>" if where_revised else ""
    revisions += f"<ul>{revised}</ul>" if revised else ""
    revisions += f"<p class=q>{html.escape(where_revised)}</p>" if where_revised else ""
    breakdowns = _comments(digest, Under.BREAKDOWNS)
    figures = iter(
        f'<figure><img src="{html.escape(c.file_name)}" alt="{html.escape(c.alt_text)}" width="800">'
        f"<figcaption>{html.escape(c.title)}</figcaption></figure>"
        for c in digest.charts
    )
    # In the charts' order, a chart left out for want of figures says why in its place.
    placed = [
        f"<p class=q>{html.escape(d.describe_left_out())}</p>" if d.absence else next(figures, "")
        for d in digest.chart_data
    ]
    charts = "".join([*placed, *figures])
    workbook = f'<p><a href="{html.escape(digest.workbook_name)}">Full table (XLSX)</a></p>' if digest.workbook else ""
    teams = (
        f'<p class=q>For Teams: <a href="{TEAMS_CARD_FILE}">{TEAMS_CARD_FILE}</a>, the same digest as one Adaptive '
        f"Card with native charts ({html.escape(teams_card)}; a webhook takes up to {MAX_POST_BYTES:,}).</p>"
        if teams_card
        else ""
    )
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(digest.title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 860px; margin: 2em auto; color: #1d1c1d; }}
table {{ border-collapse: collapse; }} td {{ padding: 2px 10px; }} .n {{ font-weight: bold; text-align: right; }}
.c {{ color: #616061; font-style: italic; }} .q {{ color: #616061; font-size: 90%; }}
figure {{ margin: 1.5em 0; }} figcaption {{ color: #616061; }}
.m {{ border-left: 4px solid #1264a3; margin: 0.8em 0; padding: 0.2em 0.8em; }} .m i {{ color: #616061; }}
</style></head><body>
<h1>{html.escape(digest.title)}</h1>
<p class=q>{html.escape(digest.data_quality)}</p>
{_figures("Missing episodes", digest.episodes)}
{_figures("Children", digest.children)}
{_comments(digest, Under.EPISODES_AND_CHILDREN)}
{_figures("Return home interviews", digest.rhi)}
{_comments(digest, Under.RHI)}
{_figures("Still missing", [digest.still_missing])}
{_comments(digest, Under.STILL_MISSING)}
{"<h2>Highlights</h2><ul>" + highlights + "</ul>" if highlights else ""}
{revisions}
{f"<h2>{BREAKDOWNS_HEADING}</h2>" + breakdowns if breakdowns else ""}
{workbook}
{teams}
{charts}
</body></html>
"""
