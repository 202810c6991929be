"""What every Teams card shares: facts, titled fallbacks, the card itself, its JSON and the webhook envelope.

Cards are built with the typed models of microsoft-teams-cards, never as hand-written dicts, and read
back the same way (load_card), so a card that does not fit the models fails here, not in Teams.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Sequence
from typing import Any

import microsoft_teams.cards.core as card_models
from microsoft_teams.cards import AdaptiveCard, CardElement, Container, Fact, FactSet, TeamsCardProperties, TextBlock
from pydantic import BaseModel

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_POST_BYTES = 28 * 1024  # Teams Workflows webhook request limit ("Request Entity too large" above it)


def render_facts(pairs: Sequence[tuple[str, str]]) -> FactSet:
    return FactSet(facts=[Fact(title=title, value=value) for title, value in pairs])


def render_heading(text: str, separator: bool = False) -> TextBlock:
    return TextBlock(text=text, weight="Bolder", size="Medium", wrap=True, separator=separator or None)


def render_titled(title: str, element: CardElement) -> Container:
    """A fallback takes one element: a title and its data in one Container, so the title still shows."""
    return Container(items=[TextBlock(text=title, weight="Bolder", wrap=True, spacing="Medium"), element])


def render_card(body: list[CardElement], summary: str) -> AdaptiveCard:
    """A full-width card; summary is what notifications and clients without cards show."""
    return AdaptiveCard(
        version="1.5",  # the newest version Teams renders on desktop, web and mobile
        fallback_text=summary,
        msteams=TeamsCardProperties(width="full"),
        body=body,
    )


def dump_card(card: AdaptiveCard) -> dict[str, Any]:
    """The card as JSON-ready data (camelCase names, no empty fields, whole numbers without ".0")."""
    data: dict[str, Any] = _whole_numbers(card.model_dump(mode="json", by_alias=True, exclude_none=True))
    return data


def _whole_numbers(data: Any) -> Any:
    # The chart models type every value as a float, so a count of 88 would go out as 88.0: two bytes a point,
    # over a thousand on a card of 13-month trends, against the webhook's size limit.
    if isinstance(data, dict):
        return {key: _whole_numbers(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_whole_numbers(item) for item in data]
    if isinstance(data, float) and data.is_integer():
        return int(data)
    return data


def render_envelope(card: AdaptiveCard) -> bytes:
    """The body a Workflows webhook takes: a message with the card as its one attachment, compact JSON."""
    envelope = {
        "type": "message",
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "contentUrl": None, "content": dump_card(card)}],
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


def _card_classes() -> dict[str, type[BaseModel]]:
    """Each element's JSON "type" ("Chart.Donut", "FactSet") and its model class."""
    classes: dict[str, type[BaseModel]] = {}
    for _, cls in inspect.getmembers(card_models, inspect.isclass):
        if issubclass(cls, BaseModel) and cls.__module__ == card_models.__name__ and "type" in cls.model_fields:
            name = cls.model_fields["type"].default
            if isinstance(name, str) and name:
                classes.setdefault(name, cls)
    return classes


CARD_CLASSES = _card_classes()


def _load_typed(data: Any) -> Any:
    # Innermost first: AdaptiveCard.model_validate alone leaves nested elements as bare CardElement.
    if isinstance(data, list):
        return [_load_typed(item) for item in data]
    if isinstance(data, dict):
        children = {key: _load_typed(value) for key, value in data.items()}
        cls = CARD_CLASSES.get(data["type"]) if isinstance(data.get("type"), str) else None
        return cls.model_validate(children) if cls is not None else children
    return data


def load_card(data: dict[str, Any]) -> AdaptiveCard:
    """A card's JSON read back into the typed models, every nested element as its own class.

    Raises:
        ValueError: data is not an Adaptive Card, or an element does not fit its model.
    """
    card = _load_typed(data)
    if not isinstance(card, AdaptiveCard):
        raise ValueError(f"not an Adaptive Card: type {data.get('type')!r}")
    return card
