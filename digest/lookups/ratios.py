"""A ratio between two rows ("ratio of boys to girls in June", "LAC:non-LAC YTD", "girls per boy"): the two rows read
side by side, and the first's count over the second's, as the catalogue's "Ratio of two rows" defines it."""

from __future__ import annotations

import re
from fractions import Fraction

from digest.figures.percentages import format_quotient
from digest.lookups.cells import Figures
from digest.lookups.periods import Span
from digest.lookups.series import Figure, figure_cell
from digest.lookups.vocabulary import SHORT_MONTH

RATIO_DECIMALS = 2
_PERIOD_AFTER = (
    r"(?=\s+(?:in|for|during|over|across|this|last|so|since|from|ytd|each|every|by|month|q[1-4]|to\s+date)\b"
    rf"|\s+{SHORT_MONTH}|\s*[,?.!;]|\s*$)"
)
_GENDER = r"(?:boy|girl|male|female)"
# The rows a colon sets against each other ("boys:girls", "LAC:non-LAC"); other words about a colon are a heading or a
# note ("PI: repeat missing", "re:LAC episodes", "Q1:Q2", "Apr:Jun").
_COLON_ROWS = r"(?:non-?)?(?:boys?|girls?|males?|females?|lac|cla|cic|cse|cin|cp|cpp|eh|ola)"
# A side of "X to Y ratio" that is no row: a month, a number, or a verb's "to" ("returned to care", "went to")
_NOT_A_SIDE = (
    rf"(?!(?:{SHORT_MONTH}|\d|returned\b|moved\b|sent\b|went\b|came\b|got\b|referred\b|back\b|go\b|due\b|up\b"
    r"|down\b|compared\b|related\b))"
)
# The two rows are joined by "and" ("boys and girls from April to June"): "vs" would set April against June.
_BOTH = r"\1 and \2"
# Each way of asking for a ratio, and how it is read: the two rows side by side.
_RATIO_WAYS: list[tuple[re.Pattern[str], str]] = [
    # "the ratio of boys to girls in June", "ratio between LAC and CSE kids"
    (
        re.compile(rf"\b(?:the\s+)?ratio\s+(?:of|between)\s+(.+?)\s+(?:to|and|vs|versus|v)\s+(.+?){_PERIOD_AFTER}"),
        _BOTH,
    ),
    # "boys:girls", "LAC:non-LAC"
    (re.compile(rf"\b({_COLON_ROWS}):({_COLON_ROWS})\b"), _BOTH),
    # "the LAC to non-LAC ratio", "LAC kids to CSE kids, what's the ratio": the last "to" before "ratio"
    (
        re.compile(
            rf"\b{_NOT_A_SIDE}([\w/+-]+(?:\s+{_NOT_A_SIDE}[\w/+-]+)?)\s+to\s+{_NOT_A_SIDE}([\w/+-]+(?:\s+[\w/+-]+)?)"
            r"(?=(?:(?!\bto\b)[^.?!])*?\bratio\b)"
        ),
        _BOTH,
    ),
    # "for every CSE episode how many LAC ones?": the second named over the first (never "for every age group")
    (
        re.compile(
            r"\bfor\s+(?:every|each)\s+((?:(?!\b(?:of|months?|years?|quarters?|weeks?|days?|period|age|group|band"
            r"|ethnic\w*|gender|status|distance)\b)[^,?])+?)\s*,?\s+"
            rf"how\s+many\s+(.+?)(?:\s+ones)?{_PERIOD_AFTER}"
        ),
        r"\2 and \1",
    ),
    # "CSE v LAC ratio June", "the CSE/LAC ratio", "LAC against CSE as a ratio"
    (
        re.compile(
            rf"\b{_NOT_A_SIDE}([\w+-]+(?:\s+{_NOT_A_SIDE}[\w+-]+)?)\s*(?:\s(?:vs|v|versus|against)\s|/)\s*"
            rf"{_NOT_A_SIDE}([\w+-]+(?:\s+[\w+-]+)?)(?=\s+(?:as\s+a\s+)?ratios?\b)"
        ),
        _BOTH,
    ),
    # "girls per boy", "boys for every girl"
    (
        re.compile(rf"\b({_GENDER})s?\s+(?:per|for\s+every|to\s+every|for\s+each|to\s+each)\s+({_GENDER})s?\b"),
        r"\1s and \2s",
    ),
]
_EPISODES = re.compile(r"\b(?:episodes?|eps|incidents?)\b")
_CHILDREN = re.compile(r"\b(?:child(?:ren)?|kids?|young\s+people|lac|cla)\b")
_RATIO_WORD = re.compile(r"\b(?:what(?:'s|\s+is)\s+)?(?:the\s+)?ratios?\b")

NO_RATIO_HERE = (
    "A ratio is given between two rows that count the same thing (episodes, or children), side by side for a period "
    'or month by month, such as "ratio of boys to girls in June" or "LAC:non-LAC YTD"; not as a ranking or share.'
)


def read_ratio(text: str) -> tuple[tuple[str, str] | None, str]:
    """The two rows' words of a ratio asked, in the order asked (None when no ratio is asked), and the text with the
    rows set against each other instead."""
    lowered = text.lower()
    sides: tuple[str, str] | None = None
    for pattern, read in _RATIO_WAYS:
        if sides is None and (match := pattern.search(lowered)):
            first, second = (2, 1) if read.startswith(r"\2") else (1, 2)  # in the order the reading sets them
            sides = (match.group(first), match.group(second))
        lowered = pattern.sub(read, lowered)
    if sides and any(character.isdigit() for character in "".join(sides)):  # "for every LAC child, how many 3+"
        return None, text
    if sides and _EPISODES.search(sides[0]) and _CHILDREN.search(sides[1]) and not _EPISODES.search(sides[1]):
        # "the ratio of missing episodes to individual LAC": episodes per child, a figure of its own
        joined = f"{sides[0]} and {sides[1]}"
        return None, _RATIO_WORD.sub(" ", lowered).replace(joined, f"{sides[0]} per {sides[1]}", 1)
    return (sides, _RATIO_WORD.sub(" ", lowered)) if sides else (None, text)


def describe_ratios(figures: Figures, shown: list[Figure], spans: list[Span]) -> list[str]:
    """The first figure's count over the second's in each span: "Female to Male, June 2019: 63 to 53, about 1.19 to
    1." A withheld or missing count, or none of the second, has no ratio, and the line says so."""
    first, second = shown
    lines = []
    ratios: list[tuple[Fraction, str]] = []
    for span in sorted(spans, key=lambda s: (s.first, s.last)):  # in time order, as the counts under them
        a, b = figure_cell(figures, first, span), figure_cell(figures, second, span)
        name = f"{first.label} to {second.label}, {figures.name(span)}"  # never opening with the month (a chart's)
        if not a or not b or a.count is None or b.count is None or a.suppressed or b.suppressed:
            lines.append(f"{name}: no ratio (no count to work it out from).")
        elif b.count == 0:
            lines.append(f"{name}: {a.count:,} to 0, no ratio (none of {second.label}).")
        else:
            ratios.append((Fraction(a.count, b.count), figures.name(span)))
            lines.append(f"{name}: {a.count:,} to {b.count:,}, about {_shown(ratios[-1][0])} to 1.")
    if len(ratios) >= 2 and len(spans) > 2:  # a run: its highest and lowest ratio ("the most girls per boy")
        (top, top_name), (low, low_name) = max(ratios), min(ratios)
        lines.append(f"Highest ratio: {top_name} ({_shown(top)} to 1); lowest: {low_name} ({_shown(low)} to 1).")
    return lines


def _shown(ratio: Fraction) -> str:
    return format_quotient(ratio.numerator, ratio.denominator, RATIO_DECIMALS)
