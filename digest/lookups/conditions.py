"""Months meeting a condition ("how many months this year was LAC over 80?", "which months had fewer than 20 CSE
episodes?", "was there a month with no care leavers missing?"): the months one by one, and which of them meet it. The
condition had been checked against the year's total ("Yes, that is over the figure you gave" of 236), or refused.
"""

from __future__ import annotations

import re

from digest.lookups.confirmations import Threshold
from digest.lookups.vocabulary import SHORT_MONTH

# Months asked about as a set: "how many months", "which months", "any month", "was there a month", "months where".
_MONTHS_ASKED = re.compile(
    r"\b(?:(?:in\s+)?how\s+many\s+(?:of\s+the\s+)?months|no\.?\s+of\s+months|number\s+of\s+months|which\s+months?"
    r"|what\s+months?|any\s+months?|(?:was|were|is|has)\s+there\s+(?:ever\s+)?(?:been\s+)?(?:a|any)\s+months?"
    r"|months?\s+(?:where|when|in\s+which))\b(?:\s+(?:with|where|when|that|in\s+which))?"
)
_COMPARISONS = (
    ("at most", r"at\s+most|no\s+more\s+than"),
    ("at least", r"at\s+least"),
    ("over", r"over|above|more\s+than|greater\s+than|higher\s+than|exceed(?:ed|ing|s)?|beyond"),
    ("under", r"under|below|less\s+than|fewer\s+than|lower\s+than"),
)
# The comparison a "not" before it turns round to: "not over 80" is at most 80, "no fewer than 75" at least 75.
_TURNED = {"over": "at most", "under": "at least", "at least": "under", "at most": "over"}
# A comparison and its number, not a band's ("over 100 miles", "more than 5 days", "under 10s", "17+") nor a year's
# ("higher than 2018").
_CONDITION = re.compile(
    r"(?P<not>\b(?:not|no|never|n't)\s+)?\b(?P<said>"
    + "|".join(f"(?P<c{n}>{words})" for n, (_, words) in enumerate(_COMPARISONS))
    + r")\s+(?!(?:19|20)\d\d\b)(?P<value>\d+(?:\.\d+)?)\s*(?P<percent>%|per\s*cent|percent)?"
    r"(?!\d|\s*(?:\+|miles?\b|mi\b|days?\b|years?\b|yrs?\b|hours?\b|hrs?\b|weeks?\b|wks?\b|s\b|yo\b))"
    r"(?P<counted>\s*\b(?:kids?|children|child|young\s+people|yp|episodes?|eps|looked\s+after|lac|cla|cse)\b)?"
)
# Before a comparison, words that make it an age or a band of what is counted ("children aged over 15").
_A_BAND_BEFORE = re.compile(r"\b(?:aged?|ages|kids?|children|child|people|ones|those|year\s+olds?|yrs?)\s*$")
_AGE_WORDS = frozenset({"over", "under", "above", "below"})  # the words an age band is said with
# None at all: "a month with no care leavers missing", "a month end with nobody still missing" (not "no." of months,
# "no data", "no figure" or a reply's "no - ...").
_NONE = re.compile(
    r"\b(?:no(?![.\-,]|\s+(?:more|less|fewer|of|data|figures?|records?|info\w*)\b)|zero|nobody|no\s+one|no-one)\b"
)
# A share said in words: "the rate of LAC episodes over 60" is 60%.
_SHARE_SAID = re.compile(r"%|\b(?:rate|share|proportion|percentage|percent|pct)\b")
# A change asked by the condition ("which months did LAC rise by more than 10"): not a month's own figure. A change
# word right before "under" or "over" says where the figure got to ("months where acceptance dropped under 90%").
_CHANGE_SAID = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll\w*|increas\w*|decreas\w*|dropp?\w*|grow\w*|grew|jump\w*|chang\w*|up|down)\b"
    r"(?!\s+(?:below|under|over|above)\s+\d)"
)
_TWO_MONTHS = re.compile(rf"\b{SHORT_MONTH}\s*(?:,|\band\b|\bor\b|&)\s*{SHORT_MONTH}")

ONE_CONDITION = (
    'I can say which months meet one condition of one figure, such as "how many months was LAC over 80?"; ask for '
    "each on its own."
)
NO_CHANGE_CONDITION = (
    "I can say which months were over or under a figure, not which rose or fell by it. Ask for the months one by one, "
    'such as "LAC episodes month by month this year", to see each change.'
)
NO_MONTHS_NAMED = (
    'For months meeting a condition, name a run of months ("this year", "April to June", "the last 6 months") rather '
    "than months one by one."
)


class ConditionError(ValueError):
    """A condition on months asked in a way not answered: the message says how to ask instead."""


def asks_months(text: str) -> bool:
    """Whether the question asks about months as a set ("how many months", "which months", "any month")."""
    return _MONTHS_ASKED.search(text.lower()) is not None


def find_month_condition(text: str) -> tuple[Threshold | None, str]:
    """The condition months are asked to meet, and the text without it and without the months' words; None and the
    text unchanged when the question asks no such thing.

    Raises:
        ConditionError: two conditions, a condition on a change, or months named one by one.
    """
    if not asks_months(text):
        return None, text
    # "children aged over 15", "kids under 10": an age; "children fewer than 10" is a count
    found = [
        m
        for m in _CONDITION.finditer(text)
        if not (m.group("said") in _AGE_WORDS and _A_BAND_BEFORE.search(text[: m.start()]))
    ]
    if len(found) > 1:
        raise ConditionError(ONE_CONDITION)
    if found and _CHANGE_SAID.search(text):
        raise ConditionError(NO_CHANGE_CONDITION)
    if found and _TWO_MONTHS.search(text):  # not "which month had the most, April May or June": an extreme
        raise ConditionError(NO_MONTHS_NAMED)
    if found:
        said = found[0]
        comparison = next(c for n, (c, _) in enumerate(_COMPARISONS) if said.group(f"c{n}"))
        comparison = _TURNED[comparison] if said.group("not") else comparison
        percent = bool(said.group("percent")) or _SHARE_SAID.search(text) is not None
        condition = Threshold(comparison, float(said.group("value")), percent)
        # "more than 60 kids": "how many kids", so that what is counted is read as the question says it
        kept = f" how many {said.group('counted')} " if said.group("counted") else " "
        left = f"{text[: said.start()]}{kept}{text[said.end() :]}"
    elif (none := _NONE.search(text)) is not None:
        condition, left = Threshold("at most", 0.0, False), f"{text[: none.start()]} {text[none.end() :]}"
    else:
        return None, text
    return condition, _MONTHS_ASKED.sub(" ", left)  # the months are the run's: "was there a month with ..." read
