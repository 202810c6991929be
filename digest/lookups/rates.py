"""A rate a day or a week ("how many episodes a week on average in June?", "episodes per day in May", "the daily
average last quarter"): a period's count over the days it covers, as the catalogue's "A rate a day or a week" defines
it. Only counts of episodes and of return interviews have one: a child is counted once over a period, so children
over its days count nothing."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from fractions import Fraction

from digest.figures.percentages import format_quotient
from digest.figures.periods import month_start
from digest.lookups.cells import Figures
from digest.lookups.periods import Span
from digest.lookups.series import Figure, figure_cell

RATE_DECIMALS = 1
DAYS_IN = {"day": 1, "night": 1, "week": 7, "fortnight": 14}  # a night is a day of the calendar
_UNIT = r"(?:day|night|week|fortnight)"
_ADJECTIVES = {"daily": "day", "nightly": "night", "weekly": "week", "fortnightly": "fortnight"}
# The rate's words: "per day", "each week", "daily", "on an average day", and "a day" or "a week" after anything but
# the words of a length or a time ("missing for a day", "more than a week", "gone a day", "within a week", "a week
# ago"). "Missing a day" is a length too, and "go missing a day" a rate.
RATE_SAID = re.compile(
    rf"\b(?:per|each|every)\s+({_UNIT})\b|\ban?\s+({_UNIT})\b"
    r"(?!\s*-?\s*(?:ago|before|after|earlier|later|back|or\b|and\b|\+|'s|long|plus|late|early|old|overdue|behind|missing"
    r"|away|gone|out|off|or\s+so|at\s+a\s+time))"
    r"|\b(daily|weekly|nightly|fortnightly)\s+(?:rate|average|avg|mean|figure|number|count|basis)\b"
    r"(?!\s+(?:length|duration|days?|time))"  # "the weekly avg length": a length's average, no rate
    rf"|\bon\s+an?\s+(?:average\s+)?({_UNIT})\b"
)
# The words before "a day" or "a week" that make it a length or a time, not a rate ("exceeded a week", "came back
# after a day", "between a day and a week", Caribbean English's "more dan a week" and "gone fi a week")
_LENGTH_BEFORE = frozenset(
    (
        *("for", "than", "then", "thn", "dan", "fi", "over", "under", "about", "around", "nearly", "almost", "only"),
        *("just", "least", "most", "in", "within", "inside", "of", "gone", "away", "out", "lasted", "lasting", "lasts"),
        *("last", "spent", "past", "upto", "to", "until", "till", "once", "twice", "like", "half", "quarter", "barely"),
        *("roughly", "approx", "approximately", "whole", "full", "entire", "single", "missing", "absent", "still"),
        *("overnight", "up", "longer", "shorter", "longa", "is", "and", "exceeded", "exceeding", "exceeds", "exceed"),
        *("beyond", "took", "takes", "taking", "reached", "reaching", "reaches", "after", "between", "ended"),
    )
)
_GO_MISSING = re.compile(r"\b(?:go|goes|went|going)\s+missing\s*$")
_PREVIOUS_WORD = re.compile(r"([a-z0-9+']+)\W*$")
# "on average" beside a rate is the rate's own average, not an episode's length.
_ON_AVERAGE = re.compile(
    r"\b(?:on\s+)?(?:an?\s+)?(?:average|mean)\b|\b(?:the\s+)?(?:weekly|daily)\s+(?:rate|average|avg|mean)\b"
    r"|\b(?:what'?s\s+)?(?:the\s+)?rate\b(?:\s+of\b)?"  # "the rate of episodes per week": the rate asked, no share
)
# A share's rate beside a rate a week ("RHI acceptance rate per week"): a share has no rate a day or a week.
SHARE_RATE = re.compile(
    r"\b(?:acceptance|completion|offer|take[\s-]?up|timeliness|success|response|conversion)\s+rate\b"
)


def _says_rate(lowered: str, match: re.Match[str]) -> bool:
    """Whether a match of RATE_SAID is a rate: "a day" or "a week" not after the words of a length or a time."""
    if match.group(2) is None:
        return True
    before = lowered[: match.start()]
    previous = _PREVIOUS_WORD.search(before)
    if previous is None or before.rstrip().endswith(("<", ">", "=", "+")):
        return False  # "a week on Friday ...": a time; "> a week", ">= a day": a length
    word = previous.group(1).strip("'")  # "'over a week'"
    if word == "missing":
        return _GO_MISSING.search(before) is not None  # "go missing a day" a rate; "missing a day" a length
    return word not in _LENGTH_BEFORE and not word.isdigit()


NO_CHILD_RATE = (
    "A child is counted once over a period, so children have no rate a day or a week. Ask for episodes, such as "
    '"episodes a week in June", or for the children in a month.'
)
NO_RATE_HERE = (
    "A rate a day or a week is given for a count over a period, month by month, or two periods or rows side by side, "
    'such as "episodes a week in June" or "LAC episodes a day, May vs June"; not for a share, a table, a ranking of '
    "rows or those still missing."
)
NO_RATE_CHECK = (
    "I give a rate a day or a week but do not check one against a figure. Ask for the rate, such as "
    '"episodes a day in June", and set it against yours.'
)


def read_rate(text: str) -> tuple[str, str]:
    """The unit of a rate asked ("day", "week", "fortnight"; "" when none) and the text without the rate's words."""
    lowered = text.lower()
    found = [m for m in RATE_SAID.finditer(lowered) if _says_rate(lowered, m)]
    if not found:
        return "", text
    said = next(group for group in found[0].groups() if group)
    unit = _ADJECTIVES.get(said, said)
    for match in reversed(found):
        text = text[: match.start()] + " " + text[match.end() :]
    return ("day" if unit == "night" else unit), _ON_AVERAGE.sub(" ", text.lower())


def days_covered(figures: Figures, span: Span) -> int:
    """The days a span covers: each month's calendar days, and for the month under way the days from its 1st to the
    as-at time (a part day counted whole; at least one)."""
    days = 0
    for month in span.months:
        if figures.is_so_far(month):
            elapsed = (figures.snapshot.as_at - month_start(month)) / dt.timedelta(days=1)
            days += max(1, math.ceil(elapsed))
        else:
            days += calendar.monthrange(month // 12, month % 12 + 1)[1]
    return days


def describe_rates(figures: Figures, shown: list[Figure], spans: list[Span], unit: str) -> list[str]:
    """Each figure's rate a day or week in each period, and which of two is higher by it: "Missing episodes a week,
    June 2019: about 27.1 (116 over 30 days)." (Never opening with the month, which a Teams card would chart.) A
    withheld or missing count has no rate, and the line says so. Rates are compared exactly, and shown to one more
    place where one place would make two different rates look the same."""
    lines: list[str] = []
    for figure in shown:
        prefix = f"{figure.label}, " if len(shown) > 1 else ""
        rates: list[tuple[Fraction, str]] = []
        for span in sorted(spans, key=lambda s: (s.first, s.last)):
            cell = figure_cell(figures, figure, span)
            name = figures.name(span)
            if cell is None or cell.count is None or cell.suppressed or cell.absence is not None:
                lines.append(f"{figure.label} a {unit}, {name}: none (no count to work it out from).")
                continue
            days = days_covered(figures, span)
            rates.append((Fraction(cell.count * DAYS_IN[unit], days), name))
            lines.append(
                f"{figure.label} a {unit}, {name}: about {_shown(rates[-1][0])} ({cell.count:,} over {days} days)."
            )
        if len(rates) > 2:  # a run: its highest and lowest month by the rate (not by the count: months differ in days)
            (top, top_name), (low, low_name) = max(rates), min(rates)
            lines.append(
                f"{prefix}highest rate a {unit}: {top_name} ({_shown(top)}); lowest: {low_name} ({_shown(low)})."
            )
        if len(rates) == 2:
            (a, first), (b, second) = rates
            higher = "the same" if a == b else f"higher in {first if a > b else second}"
            places = RATE_DECIMALS + (a != b and _shown(a) == _shown(b))
            lines.append(f"{prefix}by the rate a {unit}: {higher} ({_shown(a, places)} against {_shown(b, places)}).")
    return [line[0].upper() + line[1:] for line in lines]


def _shown(rate: Fraction, places: int = RATE_DECIMALS) -> str:
    return format_quotient(rate.numerator, rate.denominator, places)
