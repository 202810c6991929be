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

from digest.lookups.periods import month_number
from digest.lookups.vocabulary import MONTH_NAMED

_PART = r"(?:part|partial|incomplete|unfinished|half)[\s-]*month"
_SO_FAR = rf"(?:so\s+far|to\s+date|{_PART}|partial)"  # what says a month named is the one under way


def _month(n: int) -> str:
    """A month named, as its own group ("July", "Jul-19", "July '19", "July 19", "July 2019")."""
    year = r"(?:[-']\s*\d\d|(?:20)?\d\d(?![\d+]|\s*(?:yrs?|years?|miles?|days?)))"  # never "July 15 year olds"
    return rf"(?P<month{n}>{MONTH_NAMED})(?:\s*{year})?"


# The words that leave out ("excluding", "excl.", "ignore", "leave out", "not counting", "I don't want"); never "minus",
# "except" or "drop", which more often ask something of the month ("June minus July", "did episodes drop July?")
_LEAVING = (
    r"(?:excl(?:uding|udes?|uded)?\.?|without|leav(?:e|ing)\s+out|not\s+(?:counting|including|incl\.?|interested\s+in"
    r"|wanting)|ignor(?:e|ing)|disregard(?:ing)?|(?:i\s+)?(?:don'?t|do\s+not)\s+(?:want|need|include|count))"
)
_LEFT_OUT = re.compile(
    r"(?i)"
    # "excluding July", "ignoring the July part month", "not counting the part month of July", "excl. Jul-19 so far"
    rf"\b{_LEAVING}\s+(?:any(?:\s+of)?\s+|the\s+)?(?:{_PART}\s+(?:of\s+|for\s+|in\s+)?)?{_month(1)}"
    rf"(?:\s+(?:{_SO_FAR}|yet|(?:data|figures?|numbers?)(?:\s+so\s+far)?))?"
    # "not July so far", "not July to date", "(no July)": only with what says it is the month under way, or alone in
    # its brackets, as "not July" in a sentence may be a question's own ("is there no July data?", "is it not July?")
    rf"|\b(?:not|no)\s+(?:the\s+)?{_month(2)}\s+{_SO_FAR}|\(\s*(?:not|no)\s+(?:the\s+)?{_month(3)}\s*\)"
    rf"|\bleav(?:e|ing)\s+{_month(4)}\s+out\b"  # "leave July out"
    # "ignoring the part month", "excluding the incomplete month (July)"
    rf"|\b{_LEAVING}\s+(?:any\s+|the\s+|this\s+)?{_PART}s?(?:\s+(?:of\s+)?{_month(5)}|\s*\(\s*{_month(6)}\s*\))?"
    r"(?:\s+so\s+far)?"
    # "complete months only", "only full months", "whole quarters only"
    r"|\b(?:(?:complete|completed|full|whole|finished)\s+(?:calendar\s+)?(?:months?|quarters?)\s+only"
    r"|only\s+(?:the\s+)?(?:complete|completed|full|whole|finished)\s+(?:calendar\s+)?(?:months|quarters))\b"
)
_MONTHS = range(1, 7)
# A list going on after the words ("excluding July and May", "excluding July and CSE"; not "complete months only,
# ignore July"): what else is left out is not the month under way, so nothing is dropped and the reader reads (and
# refuses) the whole.
_LIST_GOES_ON = re.compile(r"\s*(?:&|\+|/|\band\b|\bor\b)\s*")
# A period that is or ends in the month under way ("this quarter", "Q2", "this month"): leaving that month out leaves
# no complete month, which the reader cannot answer, so nothing is dropped.
_PERIOD_UNDER_WAY = re.compile(r"(?i)\bthis\s+(?:month|quarter|qtr)\b|\bq(?:uarter\s*)?2\b|\btoday\b|\bnow\b")
# What is left where the words were: an empty pair of brackets, a dash or comma with nothing after it.
_LEFT_OVER = re.compile(r"\(\s*[-,;]?\s*\)|\[\s*\]|(?:\s*[-,;:–—])+\s*(?=[?.!)]|$)|\s*[-,;:–—]\s*(?=[-,;:–—])")
_WORD = re.compile(r"[^\W\d_]")
LEFT_OUT_MONTH = (
    "That leaves a month out of a longer period, which the report does not count; ask for the months wanted, such as "
    '"LAC episodes May to June", or for each month, such as "LAC episodes month by month this year".'
)


def says_month_left_out(text: str) -> bool:
    """Whether the question leaves a month out, or asks for complete months only."""
    return _LEFT_OUT.search(text) is not None


def leaves_out_complete_month(text: str, under_way: int | None) -> bool:
    """Whether the words leave out a complete month ("YTD excluding April"): a figure the report does not count."""
    return any((month := _named(match)) is not None and month != under_way for match in _LEFT_OUT.finditer(text))


def drop_month_under_way(text: str, under_way: int | None) -> str:
    """The text with the words leaving out the month under way taken out (under_way is its month of the year, 1 to
    12, or None when every month with data is complete). Nothing is dropped where a complete month is left out too,
    where the list of what is left out goes on ("excluding July and May"), where the period asked is the one under
    way, or where nothing would be left to ask."""
    matches = list(_LEFT_OUT.finditer(text))
    if (
        not matches
        or leaves_out_complete_month(text, under_way)
        or any(
            (more := _LIST_GOES_ON.match(text, match.end())) and not _LEFT_OUT.match(text, more.end())
            for match in matches
        )
        or _PERIOD_UNDER_WAY.search(text)
    ):
        return text
    dropped = _LEFT_OUT.sub(" ", text)
    left = re.sub(r"\s{2,}", " ", _LEFT_OVER.sub("", dropped)).strip()
    return left if _WORD.search(left) else text


def _named(match: re.Match[str]) -> int | None:
    """The month of the year the words name, if they name one."""
    named = next((match.group(f"month{n}") for n in _MONTHS if match.group(f"month{n}")), None)
    return month_number(named.lower()) if named else None
