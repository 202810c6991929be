"""Matching free-text values from an extract onto the contract's canonical values."""

from __future__ import annotations

import re

import pandas as pd

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form two spellings are compared in: trimmed, case-folded, runs of spaces made one."""
    return _SPACES.sub(" ", text.strip()).casefold()


def translate_values(raw: pd.Series, lookup: dict[str, str]) -> pd.Series:
    """Map each raw value to its canonical value through a normalised lookup; unmatched values become NA.

    Only the distinct values are normalised, which keeps a million-row column fast.
    """
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    mapped = [lookup.get(normalise(str(value))) for value in uniques]
    values = pd.Series([*mapped, None], dtype="object")
    return pd.Series(values.to_numpy()[codes], index=raw.index, dtype="object")
