"""A still-missing alert (or a notice of a refused file) as a Teams card: the alert's own words, marked as an alert."""

from __future__ import annotations

from microsoft_teams.cards import AdaptiveCard, CardElement, Container, TextBlock

from bot.chats.teams.cards import render_card

ALERT_HEADING = "missing-report alert"
REPEATED_NOTE = "Sent again: an earlier attempt may or may not have reached this channel."


def render_alert_card(text: str, repeated: bool = False) -> AdaptiveCard:
    """The alert's text under a heading; repeated adds a note that this may be a second copy."""
    items: list[CardElement] = [
        TextBlock(text=ALERT_HEADING, weight="Bolder", color="Attention", size="Small"),
        TextBlock(text=text, wrap=True, spacing="Small"),
    ]
    if repeated:
        items.append(TextBlock(text=REPEATED_NOTE, is_subtle=True, size="Small", wrap=True))
    return render_card([Container(style="attention", items=items)], summary=text)
