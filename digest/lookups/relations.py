"""Months named relative to another ("the month before June", "the month following May", "two months before June",
"the quarter ending June", "the three months up to June", "the month before it"): named as the months they are
before the question is read, as a place in a longer period is (positions.py). Read as they were, "the month after
April" was April (the month named) and "the month before June" was asked which period it was before.

A month named without its year is its latest at the latest snapshot's as-at time, as a month named alone is read, so
the service names them (the reader does not hold the as-at time): "the month after July" in July 2019 is August 2019,
a month to come, never August 2018. "Two months before June" is one month (April); "the two months before June" a
run (April to May). A run that is a financial quarter is named as the quarter ("the quarter ending June", "the three
months up to June": Q1 2019/20), which is read as one period beside rows set against each other ("girls vs boys in
the quarter ending June"). Not read here: "each month before June", "which month after April", "the highest month
before June" (a run or a ranking, not a month), "the next two months after April", "the months before June" (how
many is not said)."""

from __future__ import annotations

import re

from digest.figures.periods import FIRST_MONTH_OF_YEAR, financial_year_label, month_name
from digest.lookups.periods import MONTH_WORD, month_number

_COUNTS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {str(n): n for n in range(1, 13)}
_COUNT = "|".join(_COUNTS)
_BEFORE = r"before|preceding|prior\s+to|ahead\s+of|earlier\s+than"
_AFTER = r"after|following|succeeding|later\s+than"
# "June 2019"; "June last year" (a year before the latest June)
_MONTH = rf"(?P<month>{MONTH_WORD})\b(?:\s+(?P<year>20\d\d)\b|(?P<lastyear>\s+last\s+year\b))?"
# Where a month said relative to another can start: "the month before", a count ("two months before"), or a bare
# "month after" after a comma, "in", "for", "during" or a dash ("RHIs done in time, month after May"), never after
# "each", "by", "per", "which", "the highest" (a run or a ranking).
_STARTS = r"(?:(?P<the_month>\bthe\s+)|(?<=,\s)|(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bover\s)|(?<=-\s)|^)"
# A count says it plainly ("two months before June"), unless a word before it makes a run ("the next two months")
_NOT_A_RUN = "".join(rf"(?<!\b{word}\s)" for word in ("next", "last", "past", "previous", "first", "coming", "final"))
_HOW_MANY = rf"(?:(?P<the>\bthe\s+)?{_NOT_A_RUN}\b(?P<count>{_COUNT})\s+months?|{_STARTS}month)"
_BESIDE = re.compile(rf"(?i){_HOW_MANY}\s+(?P<way>{_BEFORE}|{_AFTER})\s+{_MONTH}")
# "the quarter ending June", "the three months up to June", "the 3 months to the end of June"
_UP_TO = re.compile(
    rf"(?i)\b(?:the\s+)?(?:(?P<quarter>quarter|qtr)|(?P<count>{_COUNT})\s+months)\s+"
    rf"(?:ending|ended|to|up\s+to|upto|through|thru|until|leading\s+up\s+to)\s+(?:the\s+end\s+of\s+)?{_MONTH}"
)
# "the month before it", "the two months before that": of the month named last before them
_OF_THAT = re.compile(rf"(?i){_HOW_MANY}\s+(?P<way>{_BEFORE}|{_AFTER})\s+(?:it|that|then)\b")
# A month named in the text, a run's ("April to June") first month with it; "may" as a verb ("may I") is no month.
_NAMED = re.compile(
    rf"(?i)\b(?:(?P<from>{MONTH_WORD})(?:\s+(?P<fromyear>20\d\d))?\s+to\s+)?(?P<month>{MONTH_WORD})\b"
    rf"(?!\s+(?:i|we|you|be|have|also|not)\b)(?:\s+(?P<year>20\d\d)\b)?"
)


def names_relation(text: str) -> bool:
    """Whether the text names a month or months relative to another."""
    return bool(_BESIDE.search(text) or _UP_TO.search(text) or _OF_THAT.search(text))


def name_relative_months(text: str, latest: int) -> str:
    """The text with each month named relative to another named as its months, a month without its year being its
    latest at or before latest (the month index of the latest snapshot's as-at time)."""
    text = _UP_TO.sub(lambda match: _up_to(match, latest), text)
    text = _BESIDE.sub(lambda match: _beside(match, latest), text)
    return _OF_THAT.sub(lambda match: _of_that(match, latest), text)


def _index(word: str, year: str | None, latest: int) -> int:
    """The month index of a month named, with its year or as its latest at or before latest."""
    number = month_number(word.lower())
    if year:
        return int(year) * 12 + number - 1
    return latest - (latest - (number - 1)) % 12


def _run(first: int, last: int) -> str:
    """Months in words: one month, a financial quarter ("Q1 2019/20"), or a run ("April 2019 to May 2019")."""
    if first == last:
        return month_name(first)
    quarter_start = (first % 12 + 1 - FIRST_MONTH_OF_YEAR) % 3 == 0
    if last - first == 2 and quarter_start:
        quarter = (first % 12 + 1 - FIRST_MONTH_OF_YEAR) % 12 // 3 + 1
        return f"Q{quarter} {financial_year_label(first)}"
    return f"{month_name(first)} to {month_name(last)}"


def _shifted(match: re.Match[str], month: int) -> str:
    """The month or months a "(count) month(s) before/after" names from month, a run where "the" and a count > 1."""
    count = _COUNTS[match.group("count").lower()] if match.group("count") else 1
    before = re.fullmatch(_BEFORE, match.group("way"), re.IGNORECASE) is not None
    if match.group("the") and count > 1:  # "the two months before June": April to May
        return _run(month - count, month - 1) if before else _run(month + 1, month + count)
    single = month - count if before else month + count
    return _run(single, single)


def _named(match: re.Match[str], latest: int) -> int:
    """The month index of the month a relation is to, a year back when said "last year"."""
    return _index(match.group("month"), match.group("year"), latest) - (12 if match.group("lastyear") else 0)


def _beside(match: re.Match[str], latest: int) -> str:
    return _shifted(match, _named(match, latest))


def _up_to(match: re.Match[str], latest: int) -> str:
    last = _named(match, latest)
    count = 3 if match.group("quarter") else _COUNTS[match.group("count").lower()]
    return _run(last - count + 1, last)


def _of_that(match: re.Match[str], latest: int) -> str:
    """ "The month before it": of the last month named before these words (before a run, its first month; after it,
    its last); left as said when none is."""
    named = list(_NAMED.finditer(match.string, 0, match.start()))
    if not named:
        return match.group(0)
    last = named[-1]
    month = _index(last.group("month"), last.group("year"), latest)
    before = re.fullmatch(_BEFORE, match.group("way"), re.IGNORECASE) is not None
    if before and last.group("from"):  # "April to June and the month before that": March
        month = _index(last.group("from"), last.group("fromyear") or last.group("year"), month)
    return _shifted(match, month)
