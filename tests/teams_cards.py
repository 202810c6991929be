"""Reading a card's JSON back into the typed models of microsoft-teams-cards, element by element.

`AdaptiveCard.model_validate` alone leaves nested elements as bare CardElement (body items are typed
as the base class), so nothing inside would be checked; each dict with a known "type" is parsed as its
own class here, from the leaves up.
"""

from __future__ import annotations

import inspect
from typing import Any

import microsoft_teams.cards.core as card_models
from pydantic import BaseModel


def _classes_by_type() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for _, cls in inspect.getmembers(card_models, inspect.isclass):
        if issubclass(cls, BaseModel) and "type" in cls.model_fields and cls.__module__ == card_models.__name__:
            default = cls.model_fields["type"].default
            if isinstance(default, str) and default:
                found.setdefault(default, cls)
    return found


CLASSES = _classes_by_type()


def parse_card(value: Any) -> Any:
    if isinstance(value, list):
        return [parse_card(item) for item in value]
    if isinstance(value, dict):
        children = {key: parse_card(item) for key, item in value.items()}
        cls = CLASSES.get(value["type"]) if isinstance(value.get("type"), str) else None
        return cls.model_validate(children) if cls else children
    return value


def untyped_elements(model: Any) -> list[str]:
    """Elements that parsed only as the base class: an unknown type or a misspelt field would land here."""
    found = []
    if isinstance(model, BaseModel):
        if type(model).__name__ == "CardElement":
            found.append(str(model.model_extra))
        for name in [*type(model).model_fields, *(model.model_extra or {})]:
            found += untyped_elements(getattr(model, name, None))
    elif isinstance(model, list):
        for item in model:
            found += untyped_elements(item)
    return found
