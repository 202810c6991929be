"""A rate a day or a week ("how many episodes a week on average in June?", "episodes per day in May", "the daily
average last quarter"): a period's count over the days it covers, as the catalogue's "A rate a day or a week" defines
it. Only counts of episodes and of return interviews have one: a child is counted once over a period, so children
over its days count nothing."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

from digest.figures.catalogue import DISTINCT_CHILDREN_PREFIX
from digest.figures.periods import month_start
from digest.lookups.cells import Figures
from digest.lookups.periods import Span
from digest.lookups.series import Figure, figure_cell

RATE_DECIMALS = 1
DAYS_IN = {"day": 1, "night": 1, "week": 7, "fortnight": 14}  # a night is a day of the calendar
_UNIT = r"(?:day|night|week|fortnight)"
_ADJECTIVES = {"daily": "day", "nightly": "night", "weekly": "week", "fortnightly": "fortnight"}
# The rate's words. "A day" after a count's noun or "go missing" only: "missing for a day" is a length, "more than a
# week" a band, and neither follows "many", "per", "each" or "every".
_AFTER = "|".join(
    rf"(?<=\b{word}\s)"
    for word in (
        *("many", "episodes", "eps", "incidents", "kids", "children", "rhis", "interviews", "missing"),
        *("offered", "offering", "accepted", "completed", "done", "doing", "held", "holding", "recorded", "reported"),
        *("having", "had", "getting", "seeing", "happening", "occurring"),
    )
)
RATE_SAID = re.compile(
    rf"\b(?:per|each|every)\s+({_UNIT})\b|(?:{_AFTER})an?\s+({_UNIT})\b"
    r"|\b(daily|weekly|nightly|fortnightly)\s+(?:rate|average|figure|number|count|basis)\b"
    rf"|\bon\s+an?\s+(?:average\s+)?({_UNIT})\b"
)
# "on average" beside a rate is the rate's own average, not an episode's length.
_ON_AVERAGE = re.compile(r"\b(?:on\s+)?(?:an?\s+)?average\b|\b(?:the\s+)?(?:weekly|daily)\s+(?:rate|average)\b")
_MISSING_A_DAY = re.compile(
    "".join(rf"(?<!\b{verb}\smissing\s)" for verb in ("go", "goes", "went", "going"))
    + r"(?<=\bmissing\s)an?\s+(?:day|week)\b"
)  # "missing a day" is a length; "go missing a day" a rate

NO_CHILD_RATE = (
    "A child is counted once over a period, so children have no rate a day or a week. Ask for episodes, such as "
    '"episodes a week in June", or for the children in a month.'
)
NO_RATE_HERE = (
    "A rate a day or a week is given for a figure over a period, or two periods or rows side by side, such as "
    '"episodes a week in June" or "LAC episodes a day, May vs June"; not month by month, as a share, a ranking or a '
    "whole table."
)


def read_rate(text: str) -> tuple[str, str]:
    """The unit of a rate asked ("day", "week", "fortnight"; "" when none) and the text without the rate's words."""
    lowered = text.lower()
    found = [m for m in RATE_SAID.finditer(lowered) if not _MISSING_A_DAY.match(lowered, m.start())]
    if not found:
        return "", text
    said = next(group for group in found[0].groups() if group)
    unit = _ADJECTIVES.get(said, said)
    for match in reversed(found):
        text = text[: match.start()] + " " + text[match.end() :]
    return ("day" if unit == "night" else unit), _ON_AVERAGE.sub(" ", text.lower())


def counts_children(keys: tuple[str, ...]) -> bool:
    """Whether any of the rows counts children (each once over a period): those have no rate."""
    return any(key.startswith(DISTINCT_CHILDREN_PREFIX) for key in keys)


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
    """Each figure's rate a day or week in each period, and which of two is higher by it: "June 2019: about 27.1 a
    week (116 over 30 days)." A withheld or missing count has no rate, and the line says so."""
    lines: list[str] = []
    for figure in shown:
        prefix = f"{figure.label}, " if len(shown) > 1 else ""
        rates: list[tuple[str, float]] = []
        for span in sorted(spans, key=lambda s: (s.first, s.last)):
            cell = figure_cell(figures, figure, span)
            name = figures.name(span)
            if cell is None or cell.count is None or cell.suppressed or cell.absence is not None:
                lines.append(f"{prefix}{name}: no rate a {unit} (no count to work it out from).")
                continue
            days = days_covered(figures, span)
            rate = round(cell.count / days * DAYS_IN[unit], RATE_DECIMALS)
            rates.append((name, rate))
            lines.append(f"{prefix}{name}: about {rate:.{RATE_DECIMALS}f} a {unit} ({cell.count:,} over {days} days).")
        if len(rates) > 2:  # a run: its highest and lowest month by the rate (not by the count: months differ in days)
            (top, top_name), (low, low_name) = max((r, n) for n, r in rates), min((r, n) for n, r in rates)
            lines.append(
                f"{prefix}highest rate a {unit}: {top_name} ({top:.{RATE_DECIMALS}f}); "
                f"lowest: {low_name} ({low:.{RATE_DECIMALS}f})."
            )
        if len(rates) == 2:
            (first, a), (second, b) = rates
            higher = "the same" if a == b else f"higher in {first if a > b else second}"
            lines.append(
                f"{prefix}by the rate a {unit}: {higher} ({a:.{RATE_DECIMALS}f} against {b:.{RATE_DECIMALS}f})."
            )
    return [line[0].upper() + line[1:] for line in lines]
