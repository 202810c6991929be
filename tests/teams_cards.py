"""Checking that a card read back with bot.chats.teams.cards.load_card is typed all the way down."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


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
