"""The largest Teams digest card a store makes, over every month it covers (for a test and for bench/)."""

from __future__ import annotations

from dataclasses import replace

from bot.chats.teams.cards import MAX_POST_BYTES
from bot.chats.teams.digest_card import render_digest_card
from bot.chats.teams.notifier import CardRender, render_digest_envelopes
from digest.contract.config import Config
from digest.figures.periods import month_key
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.content import Digest, compute_digest
from digest.reporting.profile import load_earlier_years, load_previous_profile, load_profile
from digest.store.snapshots import SnapshotStore, available_months

LONG_TABLE_NOTE = "The full table is in the shared folder: " + "x" * 200  # a long link, to be safe


def digest_for_card(store: SnapshotStore, config: Config, month: int) -> Digest:
    """A month's digest with everything the card shows (its numbers), without drawing the PNG charts."""
    profile = load_profile(store, config, month)
    digest = compute_digest(profile, load_previous_profile(store, config, profile), 10**6, 10**6, 10**6)
    return replace(
        digest,
        chart_data=compute_chart_data(profile, load_earlier_years(store, config, profile)),
        workbook_name=f"missing-report-{month_key(month)}.xlsx",
    )


def largest_teams_card(
    store: SnapshotStore, config: Config, render: CardRender = render_digest_card
) -> tuple[str, int, str]:
    """(month, bytes, chart detail) of the largest body over the store's months, each with as many charts as fit: the
    digest's card, or another render of it (the review's draft)."""
    first, last = available_months(store.get_snapshot())
    sizes = []
    for month in range(first, last + 1):
        digest = digest_for_card(store, config, month)
        detail, body = render_digest_envelopes(digest, LONG_TABLE_NOTE, "https://example.org/" + "y" * 200, render)[0]
        sizes.append((month_key(month), len(body), detail))
    return max(sizes, key=lambda size: size[1])


__all__ = ["MAX_POST_BYTES", "largest_teams_card"]
