"""Months named relative to another ("the month before June", "the month following May", "two months before June",
"the quarter ending June", "the three months up to June", "the month before it"): named as the months they are
before the question is read, as a place in a longer period is (positions.py). Read as they were, "the month after
April" was April (the month named) and "the month before June" was asked which period it was before.

A month named without its year stays without one ("the month before June" is "May", read as a month alone is); one
named with its year gives the year ("the month after December 2019" is "January 2020"). "Two months before June" is
one month (April); "the two months before June" a run (April to May), as "the three months up to June" is (April to
June)."""

from __future__ import annotations

import re

from digest.lookups.periods import MONTH_NAMES
from digest.lookups.vocabulary import MONTH_NAMED

_SHORT = {name[:3]: number for name, number in MONTH_NAMES.items()} | {"sept": 9}
_NUMBER_OF = MONTH_NAMES | _SHORT
_NAME_OF = {number: name.capitalize() for name, number in MONTH_NAMES.items()}
_COUNTS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {str(n): n for n in range(1, 13)}
_COUNT = "|".join(_COUNTS)
_BEFORE = r"before|preceding|prior\s+to|ahead\s+of|earlier\s+than"
_AFTER = r"after|following|succeeding|later\s+than"
_MONTH = r"(?P<month>" + "|".join(sorted(_NUMBER_OF, key=len, reverse=True)) + r")\b(?:\s+(?P<year>20\d\d)\b)?"
# "the month before June", "two months after April", "the two months before June" (a run)
_BESIDE = re.compile(
    rf"(?i)\b(?P<the>the\s+)?(?:(?P<count>{_COUNT})\s+)?months?\s+(?P<way>{_BEFORE}|{_AFTER})\s+{_MONTH}"
)
# "the quarter ending June", "the three months up to June", "the 3 months to the end of June"
_UP_TO = re.compile(
    rf"(?i)\b(?:the\s+)?(?:(?P<quarter>quarter|qtr)|(?:last\s+)?(?P<count>{_COUNT})\s+months)\s+"
    rf"(?:ending|ended|to|up\s+to|upto|through|thru|until|leading\s+up\s+to)\s+(?:the\s+end\s+of\s+)?{_MONTH}"
)
# "the month before it", "two months before that": of the month named last before it
_OF_THAT = re.compile(
    rf"(?i)\b(?P<the>the\s+)?(?:(?P<count>{_COUNT})\s+)?months?\s+(?P<way>{_BEFORE}|{_AFTER})\s+(?:it|that|then)\b"
)
_NAMED_BEFORE = re.compile(rf"(?i)\b({MONTH_NAMED})(?:\s+(20\d\d)\b)?")


def names_relation(text: str) -> bool:
    """Whether the text names a month or months relative to another."""
    return bool(_BESIDE.search(text) or _UP_TO.search(text) or _OF_THAT.search(text))


def name_relative_months(text: str) -> str:
    """The text with each month named relative to another named as its month or months."""
    text = _UP_TO.sub(_up_to, text)
    text = _BESIDE.sub(_beside, text)
    return _OF_THAT.sub(_of_that, text)


def _month(match: re.Match[str]) -> tuple[int, int | None]:
    """The month named (1 to 12) and its year when one is said."""
    year = match.group("year")
    return _NUMBER_OF[match.group("month").lower()], int(year) if year else None


def _say(month: int, year: int | None, shift: int) -> str:
    """The month shift months from month (of year, when said), in words."""
    if year is None:
        return _NAME_OF[(month - 1 + shift) % 12 + 1]
    index = year * 12 + month - 1 + shift
    return f"{_NAME_OF[index % 12 + 1]} {index // 12}"


def _run(month: int, year: int | None, first: int, last: int) -> str:
    return (
        f" {_say(month, year, first)} to {_say(month, year, last)} "
        if first != last
        else f" {_say(month, year, first)} "
    )


def _count(match: re.Match[str]) -> int:
    return _COUNTS[match.group("count").lower()] if match.group("count") else 1


def _beside(match: re.Match[str]) -> str:
    month, year = _month(match)
    count, sign = _count(match), (-1 if re.match(_BEFORE, match.group("way"), re.I) else 1)
    if match.group("the") and count > 1:  # "the two months before June": April to May
        return _run(month, year, -count, -1) if sign < 0 else _run(month, year, 1, count)
    return f" {_say(month, year, sign * count)} "


def _up_to(match: re.Match[str]) -> str:
    month, year = _month(match)
    count = 3 if match.group("quarter") else _count(match)
    return _run(month, year, 1 - count, 0)


def _of_that(match: re.Match[str]) -> str:
    """ "The month before it": of the last month named before these words (as said, or named above); left as said when
    none is."""
    named = list(_NAMED_BEFORE.finditer(match.string, 0, match.start()))
    if not named:
        return match.group(0)
    word = named[-1].group(1).lower()
    month = _NUMBER_OF.get(word) or _SHORT[word[:3]]
    year = int(named[-1].group(2)) if named[-1].group(2) else None
    count, sign = _count(match), (-1 if re.match(_BEFORE, match.group("way"), re.I) else 1)
    return f" {_say(month, year, sign * count)} "
