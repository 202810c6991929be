"""Matching free-text values from an extract onto the contract's canonical values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

_SPACES = re.compile(r"\s+")
MAX_SHOWN_VALUE_CHARS = 20  # an unrecognised value longer than this is counted, never shown
MAX_SHOWN_VALUE_DIGITS = 2  # more digits than this looks like an id or a date: counted, never shown
_CODE_CHARACTERS = re.compile(r"[A-Za-z0-9 ./&()'+?-]*")


def normalise(text: str) -> str:
    """The form two spellings are compared in: trimmed, case-folded, runs of spaces made one."""
    return _SPACES.sub(" ", text.strip()).casefold()


def translate_values(raw: pd.Series, lookup: dict[str, str]) -> pd.Series:
    """Map each raw value to its canonical value through a normalised lookup; unmatched values become NA.

    Only the distinct values are normalised, which keeps a million-row column fast.
    """
    import pandas as pd  # here, not at the top: commands that only read the store start without it

    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    mapped = [lookup.get(normalise(str(value))) for value in uniques]
    values = pd.Series([*mapped, None], dtype="object")
    return pd.Series(values.to_numpy()[codes], index=raw.index, dtype="object")


def is_code_like(text: str) -> bool:
    """Whether an unrecognised value may be shown to people: short, plain, and not an id or a date.

    Anything else from an extract (a name typed into the wrong column, an id, a date of birth, a paragraph)
    is only ever counted.
    """
    return (
        len(text) <= MAX_SHOWN_VALUE_CHARS
        and sum(c.isdigit() for c in text) <= MAX_SHOWN_VALUE_DIGITS
        and _CODE_CHARACTERS.fullmatch(text) is not None
    )
