"""Months meeting a condition ("how many months this year was LAC over 80?", "which months had fewer than 20 CSE
episodes?", "was there a month with no care leavers missing?"): the months one by one, and which of them meet it. The
condition had been checked against the year's total ("Yes, that is over the figure you gave" of 236), or refused.
"""

from __future__ import annotations

import re

from digest.lookups.confirmations import Threshold

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
# A comparison and its number, not a band's ("over 100 miles", "more than 5 days", "under 10s", "17+").
_CONDITION = re.compile(
    r"\b(?P<said>" + "|".join(f"(?P<c{n}>{words})" for n, (_, words) in enumerate(_COMPARISONS)) + r")\s+"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<percent>%|per\s*cent|percent)?"
    r"(?!\d|\s*(?:\+|miles?\b|mi\b|days?\b|years?\b|yrs?\b|hours?\b|hrs?\b|weeks?\b|wks?\b|s\b|yo\b))"
)
# None at all: "a month with no care leavers missing", "a month end with nobody still missing" (not "no." of months).
_NONE = re.compile(r"\b(?:no(?!\.)|zero|nobody|no\s+one|no-one)\b(?!\s+(?:more|less|fewer|of)\b)")


def asks_months(text: str) -> bool:
    """Whether the question asks about months as a set ("how many months", "which months", "any month")."""
    return _MONTHS_ASKED.search(text.lower()) is not None


def find_month_condition(text: str) -> tuple[Threshold | None, str]:
    """The condition months are asked to meet, and the text without it; None and the text unchanged when the question
    asks no such thing."""
    if not asks_months(text):
        return None, text
    if (said := _CONDITION.search(text)) is not None:
        comparison = next(c for n, (c, _) in enumerate(_COMPARISONS) if said.group(f"c{n}"))
        condition = Threshold(comparison, float(said.group("value")), bool(said.group("percent")))
        left = f"{text[: said.start()]} {text[said.end() :]}"
    elif (none := _NONE.search(text)) is not None:
        condition, left = Threshold("at most", 0.0, False), f"{text[: none.start()]} {text[none.end() :]}"
    else:
        return None, text
    return condition, _MONTHS_ASKED.sub(" ", left)  # the months are the run's: "was there a month with ..." read
