"""A period named by what happened in it ("the month with the CSE spike", "since the peak", "when girls overtook
boys", "the month after the busiest one", "the first month we have data for"): which month that is depends on the
figures, which the reader does not hold, so it asks for the month by name rather than answer another period (these
had been read as the latest month, a run, or January).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.figures.periods import month_index, month_name
from digest.lookups.periods import MONTH_NAMES
from digest.lookups.vocabulary import MONTH_NAMED

# Named by an event: a spike or dip as a time ("since the spike", "the CSE spike month", "the month with the CSE
# spike"; not "the peak month for episodes", which asks which month it was, nor "it dipped"), the month one row
# overtook another, the month after or before the busiest, the month the data started: only where no month is named
# ("during the spike in June", "April, the first month we have data for" name it).
_EVENT_NAMED = re.compile(
    r"(?i)\b(?:since|after|before|up\s+to|until|from)\s+the\s+(?:\w+\s+)?(?:spike|peak|dip)\b"
    r"|\b(?:the|that)\s+(?:\w+\s+)?(?:spike|dip)\s+month\b|\bmonth\s+(?:with|of)\s+the\s+(?:\w+\s+)?(?:spike|peak|dip)\b"
    r"|\b(?:when|the\s+month|since)\s+(?:\w+\s+){1,3}overt(?:ook|aken)\b|\bstarted\s+(?:recording|counting|collecting)\b"
    r"|\bfirst\s+month\s+(?:(?:that\s+)?we\s+(?:have|had|got)|(?:of|with)\s+(?:the\s+)?data)\b"
    r"|\bmonth\s+(?:after|before)\s+the\s+(?:busiest|quietest|peak|spike|worst|best)\b"
    r"|\b(?:busiest|quietest)\s+(?:one|month)\s+(?:compared|against|vs|v|versus)\b"
)
_MONTH_NAMED = re.compile(rf"(?i)\b{MONTH_NAMED}")  # a month named by its name ("in June", "Apr")
# "in the busiest month", "for the quiet month": a month named by the figures, for another figure or a table.
_EXTREME_MONTH_NAMED = re.compile(
    r"(?i)\b(?:in|for|during|of|at\s+the\s+end\s+of)\s+(?:the|our)\s+(?:busiest|quietest|quiet|worst|best|peak|highest|lowest)"
    r"\s+month\b"
)
EVENT_MONTH = (
    "That names a month by what happened in it; I cannot tell which month that is from the question. Name the month, "
    'such as "May", or ask first which it was, such as "busiest month this year for episodes".'
)


def names_month_by_event(text: str) -> bool:
    """Whether the question names its period by what happened in it ("the CSE spike month", "since the peak")."""
    return _EVENT_NAMED.search(text) is not None and _MONTH_NAMED.search(text) is None


def names_extreme_month(text: str) -> bool:
    """Whether the question asks its figure "in the busiest month" or the like (answered only as that figure's own
    busiest month, month by month; never for another figure or a table)."""
    return _EXTREME_MONTH_NAMED.search(text) is not None


# Events whose month the figures tell, each the months' figure it is found by, and which: the busiest and the quiet
# month by all episodes, the CSE spike by CSE-risk episodes, when girls overtook boys by the first month with more
# female than male episodes, the first month with data.
BUSIEST, QUIETEST, OVERTOOK, FIRST = "busiest", "quietest", "overtook", "first"
# Only where the event is said as a period, after a preposition ("in the busiest month", "since the peak", "the month
# after the busiest one"): "busiest month this year?" and "peak month RHI offered" ask which month it was.
_AS_PERIOD = (
    r"(?P<prep>\b(?:in|for|during|at\s+the\s+end\s+of|since|after|before|up\s+to|until|from|vs\.?|versus|against"
    r"|than)\s+)"
)
_EVENTS = (
    (
        re.compile(rf"(?i){_AS_PERIOD}(?:the\s+)?(?:(?:busiest|peak)\s+(?:month|one)|peak)\b(?!\s+(?:for|of|in)\b)"),
        "episodes.all",
        BUSIEST,
    ),
    (
        re.compile(rf"(?i){_AS_PERIOD}(?:the\s+)?quiet(?:est)?\s+(?:month|one)\b(?!\s+(?:for|of|in)\b)"),
        "episodes.all",
        QUIETEST,
    ),
    (
        re.compile(rf"(?i){_AS_PERIOD}(?:the\s+)?(?:month\s+(?:with|of)\s+the\s+)?cse\s+spike(?:\s+month)?\b"),
        "episodes.cse",
        BUSIEST,
    ),
    (
        re.compile(
            r"(?i)(?P<prep>\b(?:in\s+)?)(?:the\s+month\s+|when\s+)girls\s+overt(?:ook|ake)(?:\s+(?:the\s+)?boys)?\b"
        ),
        "gender.female",
        OVERTOOK,
    ),
    (
        re.compile(
            rf"(?i){_AS_PERIOD}(?:the\s+first\s+month\s+(?:(?:that\s+)?we\s+(?:have|had|got)\s+data(?:\s+for)?|(?:of|with)"
            r"\s+(?:the\s+)?data)\b|the\s+month\s+we\s+started\s+(?:counting|recording|collecting)\b"
            r"|we\s+started\s+(?:counting|recording|collecting)\b)"
        ),
        "",
        FIRST,
    ),
)
# "the month after May 2019": once an event is named as its month, the month either side of it.
_BESIDE_IT = re.compile(
    r"(?i)\bthe\s+month\s+(after|before)(?:\s+(?:it|that|that\s+one))?(?=\s*(?:[,?.!;]|$|\b(?:was|is|and|for)\b))"
)
_MONTH_BESIDE = re.compile(r"(?i)\bthe\s+month\s+(after|before)\s+(?:the\s+)?([a-z]+)\s+(\d{4})\b")


def names_event(text: str) -> bool:
    """Whether text names a period by an event whose month the figures tell ("the busiest month", "the CSE spike")."""
    return any(pattern.search(text) for pattern, _, _ in _EVENTS)


def name_event_months(text: str, whole_months: list[int], count: Callable[[str, int], int | None]) -> str:
    """Text with each period named by what happened in it named as its month ("in the busiest month": "in May
    2019"), found from the whole months with data (count: a row's count in a month, None where not known); the text
    unchanged where none is named or the figures do not tell (a tie, no month)."""
    if not whole_months:
        return text
    found: list[int] = []
    for pattern, key, how in _EVENTS:
        if pattern.search(text) is None:
            continue
        month = _event_month(key, how, whole_months, count)
        if month is not None:
            found.append(month)
            named = month_name(month)
            text = pattern.sub(lambda m: f"{m.group('prep') or ' in '}{named}", text)  # noqa: B023 (used at once)
    text = _MONTH_BESIDE.sub(_beside, text)
    if len(found) == 1:  # "in the busiest month vs the month after": the month after that one
        text = _BESIDE_IT.sub(lambda m: month_name(found[0] + (1 if m.group(1).lower() == "after" else -1)), text)
    return text


def _event_month(key: str, how: str, months: list[int], count: Callable[[str, int], int | None]) -> int | None:
    if how == FIRST:
        return months[0]
    if how == OVERTOOK:
        over = [m for m in months if (count("gender.female", m) or 0) > (count("gender.male", m) or 0)]
        return over[0] if over else None
    counted = [(value, m) for m in months if (value := count(key, m)) is not None]
    if not counted:
        return None
    best = max(counted) if how == BUSIEST else min(counted)
    ties = [m for value, m in counted if value == best[0]]
    return ties[0] if len(ties) == 1 else None  # two months as busy: which is not told


def _beside(match: re.Match[str]) -> str:
    named = MONTH_NAMES.get(match.group(2).lower())
    if named is None:
        return match.group(0)
    return month_name(month_index(int(match.group(3)), named) + (1 if match.group(1).lower() == "after" else -1))
