"""A period named by what happened in it ("the month with the CSE spike", "since the peak", "when girls overtook
boys", "the month after the busiest one", "the first month we have data for"): which month that is depends on the
figures, which the reader does not hold, so it asks for the month by name rather than answer another period (these
had been read as the latest month, a run, or January).
"""

from __future__ import annotations

import re

# Named by an event: a spike, a peak or a dip as a time ("since the peak", "the CSE spike month", "the month with the
# CSE spike"; not "peak month for episodes", which asks which month it was, nor "it dipped"), one row overtaking
# another, the month after or before the busiest, the month the data starts.
_EVENT_NAMED = re.compile(
    r"(?i)\b(?:since|after|before|up\s+to|until|from|at|during|in)\s+the\s+(?:\w+\s+)?(?:spike|peak|dip)\b"
    r"|\b(?:the|that)\s+(?:\w+\s+)?(?:spike|peak|dip)\s+month\b|\bmonth\s+(?:with|of)\s+the\s+(?:\w+\s+)?(?:spike|peak|dip)\b"
    r"|\bovert(?:ook|ake|aken|aking)\b|\bstarted\s+(?:recording|counting|collecting)\b"
    r"|\bfirst\s+month\s+(?:(?:that\s+)?we\s+(?:have|had|got)|(?:of|with)\s+(?:the\s+)?data)\b"
    r"|\bmonth\s+(?:after|before)\s+the\s+(?:busiest|quietest|peak|spike|worst|best)\b"
    r"|\b(?:busiest|quietest|worst|best)\s+(?:one|month)\s+(?:compared|against|vs|v|versus)\b"
    r"|\bmonth\s+(?:we|when\s+we)\s+had\b"
)
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
    return _EVENT_NAMED.search(text) is not None


def names_extreme_month(text: str) -> bool:
    """Whether the question asks its figure "in the busiest month" or the like (answered only as that figure's own
    busiest month, month by month; never for another figure or a table)."""
    return _EXTREME_MONTH_NAMED.search(text) is not None
