"""Words typed in text-speak, their vowels dropped ("hw mny kds wnt mssng lst mth?", "rtn intrvws on tm %"):
read as the one word the reader knows with the same letters once its vowels after the first letter are taken out. A
skeleton shared by two known words ("wnt": went or want) is no word at all: it is left as typed, and not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiou]")
MIN_LETTERS = 3  # shorter ones ("jn", "hw", "sw") only as SHORT_FORMS says
# Everyday words of a question the reader does not list as its own but text-speak drops the vowels of.
EVERYDAY_WORDS = [
    "how",
    "many",
    "much",
    "what",
    "which",
    "when",
    "each",
    "went",
    "gone",
    "goes",
    "going",
    "last",
    "this",
    "that",
    "with",
    "more",
    "over",
    "away",
    "under",
    "done",
    "working",
    "same",
    "trend",
    "length",
    "long",
    "times",
    "average",
    "placed",
    "miles",
    "distance",
    "breakdown",
    "gender",
    "ethnicity",
    "compared",
    "down",
    "date",
    "week",
    "weeks",
    "year",
    "month",
    "months",
    "from",
    "since",
    "back",
    "missing",
    "kids",
    "children",
    "young",
    "people",
    "episodes",
    "figure",
    "number",
    "total",
    "please",
    "status",
    "interviews",
    "return",
    "returns",
    "offered",
    "accepted",
    "completed",
    "late",
    "time",
    "days",
    "split",
    "leavers",
    "care",
]


# Text-speak whose skeleton two words share, as it is meant in a question about the report ("lst mth": last month, not
# "list" or "lost"; "wnt": went, not "want"; "sme dy": same day, not "some").
SHORT_FORMS = {
    "lst": "last",
    "mth": "month",
    "mths": "months",
    "ths": "this",
    "yr": "year",
    "yrs": "years",
    "nw": "now",
    "dt": "date",
    "mr": "more",
    "wnt": "went",
    "wht": "what",
    "whch": "which",
    "mst": "most",
    "sme": "same",
    "dy": "day",
    "dys": "days",
    "tm": "time",
    "tms": "times",
    "lng": "long",
    "gp": "group",
    "gos": "goes",
    "r": "are",
    "jn": "june",
    "hw": "how",
    "gne": "gone",
    "ech": "each",
}


def skeleton(word: str) -> str:
    """A word as text-speak writes it: its first letter, then its letters other than vowels ("missing": "mssng")."""
    return _VOWELS_AFTER_FIRST.sub("", word)


def build_skeletons(words: Iterable[str]) -> dict[str, str]:
    """Each skeleton of a word of three letters or more that only one of the words has, and that word."""
    found: dict[str, set[str]] = {}
    for word in words:
        if word.isalpha() and len(word) >= 3:
            found.setdefault(skeleton(word), set()).add(word)
    return {key: next(iter(said)) for key, said in found.items() if len(said) == 1 and key not in said}


def read_text_speak(word: str, skeletons: dict[str, str]) -> str | None:
    """The word a text-speak word stands for ("mssng": missing), or None when it is no such word."""
    if word in SHORT_FORMS:
        return SHORT_FORMS[word]
    # No vowel after the first letter ("mssng"): a word with one ("aug", "jan", "sw") is a word of its own or a slip
    if len(word) < MIN_LETTERS or any(letter in "aeiou" for letter in word[1:]) or not word.isalpha():
        return None
    return skeletons.get(skeleton(word))
