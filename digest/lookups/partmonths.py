"""Words that leave the month still under way out of a question ("YTD excluding July", "complete months only", "June,
not July so far", "ignoring the part month"): the reader's periods already end at the latest complete month unless a
question names the month under way, so such words are taken out before the question is read, where the month they
leave out is the one under way (or none is named). Read as they were, they named July as a second period or as the
year to date's end (a comparison with July's few days), or as a "not" the report does not count (refused).

A month left out that is complete ("YTD excluding April") is not the month under way: those words stay, and the
reader refuses them, as it refuses every "not" it cannot count.
"""

from __future__ import annotations

import re

from digest.lookups.periods import MONTH_NAMES
from digest.lookups.vocabulary import MONTH_NAMED

_PART = r"(?:part|partial|incomplete|unfinished|half)[\s-]*month"
_SO_FAR = rf"(?:so\s+far|to\s+date|yet|(?:data|figures?|numbers?)(?:\s+so\s+far)?|{_PART}|partial)"


def _month(n: int) -> str:
    """A month named, as its own group ("July", "Jul-19", "July 2019"; a year's last two digits only after a dash)."""
    return rf"(?P<month{n}>{MONTH_NAMED})(?:\s*(?:-\s*\d\d|(?:20)?\d\d\d\d)\b)?"


# The words that leave out: "excluding", "excl.", "ignore", "leave out", "not counting", "I don't want" ...
_LEAVING = (
    r"(?:excl(?:uding|udes?|uded)?\.?|except(?:ing|\s+for)?|without|minus|leav(?:e|ing)\s+out|not\s+(?:counting|"
    r"including|incl\.?|interested\s+in|wanting)|ignor(?:e|ing)|disregard(?:ing)?|drop(?:ping)?|(?:i\s+)?(?:don'?t|"
    r"do\s+not)\s+(?:want|need|include|count)|don'?t\s+include)"
)
_LEFT_OUT = re.compile(
    r"(?i)"
    # "excluding July", "ignoring the July part month", "not counting the part month of July", "excl. Jul-19 so far"
    rf"\b{_LEAVING}\s+(?:any(?:\s+of)?\s+|the\s+)?(?:{_PART}\s+(?:of\s+|for\s+|in\s+)?)?{_month(1)}(?:\s+{_SO_FAR})?"
    # "not July so far", "not July to date", "(no July)": only with what says it is the month under way, or alone in
    # its brackets, as "not July" in a sentence may be a question's own ("was it not July?")
    rf"|\b(?:not|no)\s+(?:the\s+)?{_month(2)}\s+{_SO_FAR}|\(\s*(?:not|no)\s+(?:the\s+)?{_month(6)}\s*\)"
    # "leave July out", "July left out", "July excluded"
    rf"|\bleav(?:e|ing)\s+{_month(3)}\s+out\b|\b{_month(4)}\s+(?:left\s+out|excluded)\b"
    # "ignoring the part month", "excluding the incomplete month (July)"
    rf"|\b{_LEAVING}\s+(?:any\s+|the\s+|this\s+)?{_PART}s?(?:\s+(?:of\s+)?{_month(5)})?(?:\s+so\s+far)?"
    # "complete months only", "only full months", "whole quarters only"
    r"|\b(?:(?:complete|completed|full|whole|finished)\s+(?:calendar\s+)?(?:months?|quarters?)\s+only"
    r"|only\s+(?:the\s+)?(?:complete|completed|full|whole|finished)\s+(?:calendar\s+)?(?:months|quarters))\b"
)
# What is left where the words were: an empty pair of brackets, a dash or comma with nothing after it.
_LEFT_OVER = re.compile(r"\(\s*[-,;]?\s*\)|\[\s*\]|(?:\s*[-,;:–—])+\s*(?=[?.!)]|$)|\s*[-,;:–—]\s*(?=[-,;:–—])")


def says_month_left_out(text: str) -> bool:
    """Whether the question leaves a month out, or asks for complete months only."""
    return _LEFT_OUT.search(text) is not None


def drop_month_under_way(text: str, under_way: int | None) -> str:
    """The text with the words leaving out the month under way taken out (under_way is its month of the year, 1 to
    12, or None when every month with data is complete); words leaving out another month are kept."""

    def drop(match: re.Match[str]) -> str:
        named = next((match.group(f"month{n}") for n in range(1, 7) if match.group(f"month{n}")), None)
        month = _month_number(named) if named else None
        if month is not None and month != under_way:
            return match.group(0)
        return " "

    dropped = _LEFT_OUT.sub(drop, text)
    if dropped == text:
        return text
    return re.sub(r"\s{2,}", " ", _LEFT_OVER.sub("", dropped)).strip()


def _month_number(word: str) -> int | None:
    word = word.lower()
    return next((number for name, number in MONTH_NAMES.items() if name.startswith(word[:3])), None)
