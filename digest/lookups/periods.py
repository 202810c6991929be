"""Periods as people say them ("June", "Jun-19", "2019/20", "Q1", "last month", "now"), and the months they
span in a snapshot. Relative periods count from the snapshot's as-at time, never the wall clock, so they
work the same on historic or demo data.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from digest.figures.periods import FIRST_MONTH_OF_YEAR, financial_year_start, month_index, month_of
from digest.store.snapshots import SnapshotInfo

MONTHS_IN_QUARTER = 3


class PeriodKind(StrEnum):
    LATEST = "latest"  # none said: the latest complete month
    MONTH = "month"
    YEAR_TO_DATE = "ytd"
    FINANCIAL_YEAR = "financial year"
    QUARTER = "quarter"
    LAST_MONTH = "last month"
    THIS_MONTH = "this month"
    NOW = "now"
    RECENT = "recent"  # the last N months, to the latest complete month ("last 6 months"; a trend is 13)
    RANGE = "range"  # from one month to another ("April to June", "since April")


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    month: int | None = None  # a month index, when a month and its year were named
    month_of_year: int | None = None  # 1-12, when a month was named without a year
    year_start: int | None = None  # the calendar year a named financial year starts in ("2019/20": 2019)
    quarter: int | None = None  # 1-4, financial quarters (Q1 is April to June)
    relative_year: int = 0  # -1 for "last financial year", "June last year", "Q1 last year"
    months: int = 0  # RECENT: how many months
    from_month: int | None = None  # RANGE: the first month, as a month index when its year was named
    from_month_of_year: int | None = None  # RANGE: the first month, 1-12, when named without a year


@dataclass(frozen=True)
class Span:
    """The months a period covers in a snapshot (first to last, inclusive)."""

    first: int
    last: int
    kind: PeriodKind

    @property
    def months(self) -> range:
        return range(self.first, self.last + 1)


class PeriodError(Exception):
    """A question naming periods that cannot go together; the message says what to ask instead."""


MONTH_NAMES = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
# The months in Welsh, as staff of a council on the border, or from Wales, type them in English ("in Mehefin").
_WELSH_MONTHS = {
    "ionawr": "january",
    "chwefror": "february",
    "mawrth": "march",
    "ebrill": "april",
    "mai": "may",
    "mehefin": "june",
    "gorffennaf": "july",
    "awst": "august",
    "medi": "september",
    "hydref": "october",
    "tachwedd": "november",
    "rhagfyr": "december",
}
_WELSH_MONTH = re.compile(r"\b(" + "|".join(_WELSH_MONTHS) + r")\b")
_MONTH_NAME_OF = {number: name for name, number in MONTH_NAMES.items()}  # 6: "june"
_SHORT_MONTHS = {name[:3]: number for name, number in MONTH_NAMES.items()} | {"sept": 9}
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
MONTH_WORD = "|".join(sorted(list(MONTH_NAMES) + list(_SHORT_MONTHS), key=len, reverse=True))  # longest first
_UNIT_AFTER = r"(?!\s*(?:\+|years?|yrs?|yr|miles?|days?|-?year))"  # "june 14 year olds" is no June 2014

# "and" joins a range only after "between" ("between May and June"); "April, May and June" are three months.
_BETWEEN_AND = "|".join(rf"(?<=between\s\w{{{n}}}\s)and" for n in range(3, 10))
# Each pattern and how it reads; tried in order, and a matched span is taken out of the question.
_YEAR_WORD = r"(?:financial\s+year|fin\s+year|fy|year|yr)"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # School terms and holidays: which months they span is not agreed either ("this term", "half term", "Easter").
    (
        re.compile(
            r"\b(?:(?:summer|school|easter|christmas)\s+(?:holidays?|hols)|(?:this|last|next|the|summer|autumn|spring)"
            r"\s+term|(?:(?:" + MONTH_WORD + r")\s+)?half[\s-]+term|easter|christmas|xmas)\b"
            # the year the term or holiday falls in is part of it: "the autumn term last year" is no whole year
            r"(?:\s+(?:of\s+)?(?:last|this|next)\s+(?:year|yr)\b)?"
        ),
        "season",
    ),
    # A season, "last summer" too: which months it spans is not agreed (taken first, so "last" is not "previous").
    (re.compile(rf"\b(?:in\s+the\s+)?(?:(?:last|this|next|previous)\s+)?(?:{'|'.join(SEASONS)})\b"), "season"),
    (re.compile(r"\b(\d{4})\s*/\s*(\d{2}|\d{4})\b"), "financial_year"),
    (re.compile(r"\bfy\s*(\d{4}|\d{2})\s*/?\s*(\d{2})\b"), "financial_year"),  # "FY19/20", "FY2019/20"
    (re.compile(r"(?<![\d/])\b(\d{2})\s*/\s*(\d{2})\b(?!\s*/)"), "financial_year"),  # "18/19", never a date
    (re.compile(r"\b(\d{4})-(\d{1,2})\b(?!\s*-)"), "year_hyphen"),  # "2019-06" a month, "2019-20" a year
    (re.compile(r"\b(\d{1,2})/(\d{4})\b"), "month_slash_year"),
    (re.compile(r"\b(\d{4})\s*m\s*(\d{1,2})\b"), "year_m_month"),  # "2019M06", the ONS's way
    (re.compile(r"(?<![\d/.])\b([1-9])\s*/\s*(\d{2})\b(?!\s*/)"), "month_slash_year"),  # "6/19": June 2019
    # "The 3 months ending June 2019", "the three months to June": that month and those before it
    (
        re.compile(
            rf"\b(?:the\s+)?(\d{{1,2}})\s+months\s+(?:ending|ended|to|up\s+to)\s+(?:the\s+end\s+of\s+)?({MONTH_WORD})\b"
            r"(?:\s+(\d{4})\b)?"
        ),
        "months_ending",
    ),
    # "Two months ago", "three months back", "a month ago": that one month, counted back from this month
    (re.compile(r"\b(\d{1,2}|a|one)\s+months?\s+(?:ago|back)\b"), "months_ago"),
    (
        re.compile(
            r"\b(?:the\s+)?(?:last|past|previous|recent)\s+(\d{1,2})\s+(?:(?:complete|full|whole)\s+)?months?\b"
        ),
        "recent",
    ),
    (re.compile(r"\b(?:the\s+)?past\s+year\b"), "recent_year"),
    (
        re.compile(
            rf"\b(?:between\s+|from\s+)?({MONTH_WORD})(?:\s*-\s*|\s*'\s*|\s+)?(\d{{4}}|\d{{2}}(?=\s*(?:-|to)\s))?"
            rf"\s*(?:-|to|through|until|till|{_BETWEEN_AND})\s*({MONTH_WORD})\b(?:\s*-\s*|\s*'\s*|\s+)?(\d{{4}}|\d{{2}}(?!\s*(?:\+|years?|yrs?|miles?|days?)))?"
        ),
        "month_range",
    ),
    # "from the start of the year up to now": the year's months, the month under way included
    (
        re.compile(
            rf"\b(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(?:financial\s+)?{_YEAR_WORD}\s+"
            r"(?:up\s+)?(?:to|till|until)\s+(?:now|today|the\s+present|present|this\s+month)\b"
        ),
        "year_to_now",
    ),
    # "from April to today", "April to date", "since 1 April" (said as "april to date"): to the as-at time
    (
        re.compile(
            rf"\b(?:(?:since|from)\s+)?(?:the\s+(?:start|beginning)\s+of\s+)?({MONTH_WORD})(?:\s+(\d{{4}}))?\s+"
            r"(?:to|till|until|up\s+to)\s+(?:now|today|date|the\s+present|present|this\s+month)\b"
        ),
        "month_to_now",
    ),
    (re.compile(rf"\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\s+({MONTH_WORD})\b"), "since_month"),
    (re.compile(rf"\bsince\s+({MONTH_WORD})\b(?:\s+(\d{{4}})\b)?"), "since_month"),
    (
        re.compile(rf"\b(?:the\s+)?first\s+(\d{{1,2}})\s+months\s+of\s+(?:the\s+|this\s+)?{_YEAR_WORD}\b"),
        "first_months",
    ),
    # "The last quarter of 2018/19": its Q4, not the quarter before today's ("last quarter")
    (re.compile(r"\b(?:the\s+)?(last|final)\s+quarter\s+(?=of\b)"), "quarter_of"),
    (
        re.compile(
            r"\bq\s?([1-4])\b|\bquarter\s+([1-4])\b|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|\b(?:q|quarter)\s+(one)\b"
        ),
        "quarter",
    ),  # "Q one", "Q 2": dictated
    # "Jun-19", "Jun -19", "June '19"; not "LAC June - 74?", a dash between a question and a figure stated
    (re.compile(rf"\b({MONTH_WORD})\b(?:-\s*|\s+-(?=\d)|\s+-\s+(?=\d{{4}}\b)|\s*')(\d{{2}}|\d{{4}})\b"), "month_year"),
    # "june 19" is June 2019; "april 75" a figure after the month ("isn't LAC for april 75?"), never April 2075
    (re.compile(rf"\b({MONTH_WORD})\s+(\d{{4}}|[0-4]\d)\b{_UNIT_AFTER}"), "month_year"),
    (re.compile(rf"\b({MONTH_WORD})(\d{{4}}|\d{{2}})\b"), "month_year"),  # "jun19", "apr2019"
    # "July to date": that month so far, as "July so far" is (not July and the year to date beside it);
    # "June this year": June of this year, beside "June last year" (not June and the year to date).
    (re.compile(rf"\b({MONTH_WORD})\s+(?:to\s+date|this\s+(?:financial\s+)?year)\b"), "month"),
    (re.compile(rf"\b({MONTH_WORD})\b"), "month"),
    # "This month to date", "MTD": the month so far (taken before "to date" alone is read as the year's)
    (re.compile(r"\bmtd\b|\b(?:(?:this|the|current)\s+)?month\s+to\s+date\b"), "month_so_far"),
    (
        re.compile(
            rf"\b(?:this|current)\s+(?:financial\s+)?{_YEAR_WORD}\s+to\s+date\b|\b(?:financial\s+)?year\s+to\s+date\b"
        ),
        "ytd",
    ),
    # "This quarter so far", "QTD": the quarter under way, its month so far included
    (
        re.compile(
            r"\b(?:this|current)\s+quarter(?:'s(?:\s+(?:figures?|numbers?))?)?\s*,?\s*(?:so\s+far|to\s+date|thus\s+far)\b"
            r"|\b(?:so\s+far|to\s+date|thus\s+far)\s+(?:in\s+)?(?:this|the\s+current|the)\s+quarter\b"
            r"|\b(?:the\s+)?quarter\s+(?:so\s+far|to\s+date)\b|\bqtd\b"
        ),
        "quarter_so_far",
    ),
    (
        re.compile(
            rf"\bf?ytd\b|\bso\s+far\s+this\s+{_YEAR_WORD}\b|\bto\s+date\b"
            rf"|\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?{_YEAR_WORD}\b"
        ),
        "ytd",
    ),
    (re.compile(r"\bso\s+far\b"), "so_far"),
    (re.compile(r"\b(?:latest|last|most\s+recent)\s+(?:complete|completed|full|whole)\s+month\b"), "last_month"),
    (
        re.compile(r"\b(?:this|(?:the\s+)?same)\s+quarter\s+(?:last|a|the\s+previous)\s+year\b"),
        "quarter_year_before",
    ),
    (
        re.compile(r"\b(?:this|(?:the\s+)?same)\s+(?:time|month|period|point)\s+(?:last|a|the\s+previous)\s+year\b"),
        "same_last_year",
    ),
    (
        re.compile(
            rf"\b(?:last|previous|prior)\s+{_YEAR_WORD}\b|\ba\s+year\s+(?:ago|earlier|before)\b|\bthe\s+year\s+before\b"
        ),
        "last_year",
    ),
    # "All year": throughout this year so far.
    (
        re.compile(
            rf"\b(?:this|current)\s+{_YEAR_WORD}\b|\bfinancial\s+year\b|\bthe\s+{_YEAR_WORD}\b|\ball\s+(?:this\s+)?year\b"
        ),
        "ytd",
    ),
    (
        re.compile(r"\b(?:the\s+)?month\s+before(?:\s+that|\s+last)?\b|\bthe\s+previous\s+month\b"),
        "month_before",
    ),
    (re.compile(r"\b(?:last|previous|prior)\s+month\b"), "last_month"),
    (re.compile(r"\b(?:this|current)\s+month\b"), "this_month"),
    (re.compile(r"\b(?:this|current)\s+quarter\b"), "this_quarter"),
    (re.compile(r"\b(?:last|previous|prior)\s+quarter\b"), "last_quarter"),
    # "Over the quarter", "in the quarter": the last complete quarter, as a report's quarter is
    (re.compile(r"\b(?:over|in|for|during|across|through)\s+the\s+quarter\b(?!\s+(?:before|of))"), "last_quarter"),
    (re.compile(r"\bthe\s+quarter\s+before(?:\s+that)?\b"), "previous"),  # "last quarter vs the quarter before"
    (re.compile(r"\b(?:right\s+)?now\b|\bcurrently\b|\bat\s+the\s+moment\b|\batm\b|\brn\b|\btoday\b"), "now"),
    # Said last, once every "last month", "last year", "last 6 months" is taken: "this month vs last", "this
    # quarter against the last one", "latest month v previous": the period before the other one named.
    (re.compile(r"\b(?:the\s+)?(?:last|previous|prior)(?:\s+one)?\b|\bthe\s+one\s+before\b"), "previous"),
]
# Short forms typed on a phone: "last 3 mths", "this qtr", "prev yr".
_ABBREVIATED = {
    "mth": "month",
    "mnth": "month",
    "mon": "month",
    "qtr": "quarter",
    "prev": "previous",
    "fin": "financial",
}
_ABBREVIATIONS = re.compile(r"\b(" + "|".join(_ABBREVIATED) + r")(s?)\b")
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


# A financial year up to a month in it ("2019/20 to the end of June", "FY19/20 up to May"): its months from April to
# that one, the year to date then; not the year against the month.
_YEAR_TO_MONTH = re.compile(
    rf"\b(?:fy\s*)?(\d{{4}}|\d{{2}})\s*/\s*(\d{{2}}|\d{{4}})\s+(?:to|up\s+to|until|till|through)\s+(?:the\s+)?(?:end\s+of\s+)?"
    rf"({MONTH_WORD})\b(?!\s*\d)"
)


def _year_to_month(match: re.Match[str]) -> str:
    start = _year(match.group(1))
    end = _year(match.group(2)[-2:])
    if end != start + 1:
        return match.group(0)
    month = month_number(match.group(3))
    year = start if month >= FIRST_MONTH_OF_YEAR else end
    return f"{_month_words(start, FIRST_MONTH_OF_YEAR)} to {_month_words(year, month)}"


def say_months_in_english(text: str, names: set[str]) -> str:
    """Lower-case text with a month named in Welsh named in English ("mehefin" is "june"), except where a child's
    name goes (names: "has mai gone missing" is about a child)."""
    return _WELSH_MONTH.sub(lambda m: m.group(1) if m.group(1) in names else _WELSH_MONTHS[m.group(1)], text)


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def month_number(word: str) -> int:
    """The month of the year a month's name or its short form names ("june", "jun", "sept"), lower case."""
    return MONTH_NAMES.get(word) or _SHORT_MONTHS[word]


def _read(kind: str, match: re.Match[str]) -> Period | None:
    groups = match.groups()
    if kind == "financial_year":
        start = _year(groups[0]) if len(groups[0]) == 2 else int(groups[0])
        end = _year(groups[1][-2:]) if len(groups[1]) == 2 else int(groups[1])
        if end == start + 1:
            return Period(PeriodKind.FINANCIAL_YEAR, year_start=start)
        # "06/19", "10/19": no financial year, so a month and its year
        return _dated_month(end, int(groups[0])) if len(groups[0]) == 2 else None
    if kind == "year_hyphen" and len(groups[1]) == 2 and int(groups[1]) == (int(groups[0]) + 1) % 100:
        return Period(PeriodKind.FINANCIAL_YEAR, year_start=int(groups[0]))
    if kind in ("iso_month", "year_hyphen", "year_m_month"):  # "2019-06", "2019M06"
        return _dated_month(int(groups[0]), int(groups[1]))
    if kind == "months_ending":
        months, final = int(groups[0]), month_number(groups[1])
        if not 1 <= months <= 12:
            return None
        if groups[2]:  # "the 3 months ending June 2019"
            end = month_index(int(groups[2]), final)
            return Period(PeriodKind.RANGE, month=end, from_month=end - months + 1)
        return Period(PeriodKind.RANGE, month_of_year=final, from_month_of_year=(final - months) % 12 + 1)
    if kind == "month_slash_year":
        return _dated_month(_year(groups[1]) if len(groups[1]) == 2 else int(groups[1]), int(groups[0]))
    if kind == "months_ago":
        back = 1 if groups[0] in ("a", "one") else int(groups[0])
        return Period(PeriodKind.LAST_MONTH, months=back - 1) if 1 <= back <= MAX_RECENT_MONTHS else None
    if kind == "recent":
        months = int(groups[0])
        return Period(PeriodKind.RECENT, months=months) if 1 <= months <= MAX_RECENT_MONTHS else None
    if kind == "recent_year":
        return Period(PeriodKind.RECENT, months=12)
    if kind == "month_range":
        first, first_year, last, last_year = groups
        start = month_number(first)
        end = month_number(last)
        if last_year is not None:
            end_index = month_index(_year(last_year), end)
            start_index = month_index(_year(first_year), start) if first_year else end_index - (end - start) % 12
            return Period(PeriodKind.RANGE, month=end_index, from_month=start_index)
        if first_year is not None:
            start_index = month_index(_year(first_year), start)
            return Period(PeriodKind.RANGE, month=start_index + (end - start) % 12, from_month=start_index)
        return Period(PeriodKind.RANGE, month_of_year=end, from_month_of_year=start)
    if kind == "first_months":
        months = int(groups[0])
        if not 1 <= months <= 12:
            return None
        last = (FIRST_MONTH_OF_YEAR + months - 2) % 12 + 1
        return Period(PeriodKind.RANGE, month_of_year=last, from_month_of_year=FIRST_MONTH_OF_YEAR)
    if kind == "since_month":  # "since April", "since April 2019"
        return _range_from(groups[0], groups[1] if len(groups) > 1 else None)
    if kind == "year_to_now":
        return Period(PeriodKind.RANGE, from_month_of_year=FIRST_MONTH_OF_YEAR, months=TO_NOW)
    if kind == "month_to_now":  # "from April to today", "April 2019 to date"
        return _range_from(groups[0], groups[1], TO_NOW)
    if kind == "quarter_of":
        return Period(PeriodKind.QUARTER, quarter=4)
    if kind == "quarter":
        number = groups[0] or groups[1] or ("1" if groups[3] else None)
        return Period(PeriodKind.QUARTER, quarter=int(number) if number else _QUARTER_WORDS[groups[2]])
    if kind == "month_year":
        return Period(PeriodKind.MONTH, month_index(_year(groups[1]), month_number(groups[0])))
    if kind == "month":
        return Period(PeriodKind.MONTH, month_of_year=month_number(groups[0]))
    simple = {
        "ytd": Period(PeriodKind.YEAR_TO_DATE),
        "so_far": SO_FAR,
        "month_so_far": MONTH_SO_FAR,
        "same_last_year": SAME_LAST_YEAR,
        "previous": PREVIOUS,
        "season": SEASON,
        "month_before": MONTH_BEFORE,
        "last_year": Period(PeriodKind.FINANCIAL_YEAR, relative_year=-1),
        "last_month": Period(PeriodKind.LAST_MONTH),
        "this_month": Period(PeriodKind.THIS_MONTH),
        "this_quarter": Period(PeriodKind.QUARTER),
        "quarter_so_far": Period(PeriodKind.QUARTER, months=TO_NOW),
        "quarter_year_before": Period(PeriodKind.QUARTER, months=A_YEAR_BEFORE),
        "last_quarter": Period(PeriodKind.QUARTER, relative_year=-1),
        "now": Period(PeriodKind.NOW),
    }
    return simple[kind]


# "So far": the year to date said on its own, but only a qualifier beside a month ("July so far").
SO_FAR = Period(PeriodKind.YEAR_TO_DATE, months=-1)
# "MTD": this month to date said on its own, but only a qualifier beside a month ("July MTD").
MONTH_SO_FAR = Period(PeriodKind.THIS_MONTH, months=-1)
# "Last" or "previous" alone: the period before the other one named, of the same kind.
PREVIOUS = Period(PeriodKind.LAST_MONTH, months=-1)
# "The same month last year": last year beside a month named with it; alone, the latest month a year before.
SAME_LAST_YEAR = Period(PeriodKind.FINANCIAL_YEAR, relative_year=-1, months=-1)
# "In the spring": which months a season spans is not agreed, so only the months said with it count.
SEASON = Period(PeriodKind.RANGE, months=-1)
QUARTERS_IN_YEAR = 4
A_YEAR_BEFORE = -12  # a quarter's months when it is "this quarter" a year before (its relative_year counts quarters)
TO_NOW = -2  # a range's months when it runs to the as-at time ("from April to today"), the month so far included
# "The month before": the month before last, or before the month named with it.
MONTH_BEFORE = Period(PeriodKind.LAST_MONTH, months=1)
MAX_RECENT_MONTHS = 36  # "the last 6 months"; a longer run than three years is not one the store keeps


# Periods named by exact dates, as a Freedom of Information request or a warehouse query names them ("for the period
# 1 April 2019 to 30 June 2019", "01/06/2019 - 30/06/2019", "2019-04-01 to 2019-06-30", "as at 30 April 2019"): the
# report counts whole months, so a range is read as its months when it runs from a month's first day to a month's
# last, and is said to be unreadable when it cuts a month. Dates are day first (British), as the extract's are.
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_WORD})\.?,?(?:\s+\d{{4}})?"
    rf"|(?:{MONTH_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?(?:\s+\d{{4}})?"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2})"
)
_DATE_RANGE = re.compile(
    rf"\b(?:between\s+|from\s+|for\s+the\s+period\s+(?:of\s+|from\s+)?)?({_DATE})\s*(?:to|until|till|through|and|-|–)\s*"
    rf"({_DATE})"
)
_DATE_AT = re.compile(rf"\b(?:as\s+(?:at|of)|at|on)\s+({_DATE})")
_DATE_SINCE = re.compile(rf"\b(?:since|from|after)\s+(?:the\s+)?({_DATE})")  # "since 1 April": since April
_ORDINAL_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)\s+(?:of\s+)?(?:{MONTH_WORD})\b\.?(?:,?\s+\d{{4}})?")
_WORD_DATE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_WORD})\.?,?(?:\s+(\d{{4}}))?")
_MONTH_FIRST_DATE = re.compile(rf"({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}))?")
_NUMBER_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date as typed; None when it is no date ("31/13/2019")."""
    year: int | None
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMBER_DATE.fullmatch(text):
        day, month, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
    elif match := _WORD_DATE.fullmatch(text):
        day, month = int(match.group(1)), month_number(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    elif match := _MONTH_FIRST_DATE.fullmatch(text):
        month, day = month_number(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
    else:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return year, month, day


def _range_from(month: str, year: str | None, months: int = 0) -> Period:
    """A range from a month, of the year said ("since April 2019") or else the latest such ("since April")."""
    if year:
        return Period(PeriodKind.RANGE, from_month=month_index(int(year), month_number(month)), months=months)
    return Period(PeriodKind.RANGE, from_month_of_year=month_number(month), months=months)


def _month_words(year: int | None, month: int) -> str:
    return _MONTH_NAME_OF[month] if year is None else f"{_MONTH_NAME_OF[month]} {year}"


def _dates_as_months(match: re.Match[str]) -> str:
    """A range of whole months in month words ("april 2019 to june 2019"); else a mark read as unreadable."""
    first, last = _date_parts(match.group(1).strip()), _date_parts(match.group(2).strip())
    if first is None or last is None or (first[0] is not None and last[0] is None):
        return CUT_MONTHS
    if last[0] is None:  # "between 1st April and 30th June": months of no named year, as "April to June" are
        whole = first[2] == 1 and last[2] >= calendar.monthrange(2001, last[1])[1]  # February: 28 or 29
        return f"{_month_words(None, first[1])} to {_month_words(None, last[1])}" if whole else CUT_MONTHS
    start_year = first[0] if first[0] is not None else last[0] - (first[1] > last[1])
    whole = first[2] == 1 and last[2] == calendar.monthrange(last[0], last[1])[1]
    if not whole or month_index(start_year, first[1]) > month_index(last[0], last[1]):
        return CUT_MONTHS
    if (start_year, first[1]) == (last[0], last[1]):
        return _month_words(start_year, first[1])
    return f"{_month_words(start_year, first[1])} to {_month_words(last[0], last[1])}"


def _date_as_month_end(match: re.Match[str]) -> str:
    """ "As at 30 April 2019": the end of that month; another day is not one the report counts to."""
    date = _date_parts(match.group(1).strip())
    if date is None or date[0] is None or date[2] != calendar.monthrange(date[0], date[1])[1]:
        return CUT_MONTHS
    return _month_words(date[0], date[1])


def _date_as_month_start(match: re.Match[str]) -> str:
    """ "Since 1 April": since the start of that month; since another day is part of a month."""
    date = _date_parts(match.group(1).strip())
    if date is None or date[2] != 1:
        return CUT_MONTHS
    return f"since {_month_words(date[0], date[1])}"  # "from 1 April", "after 1 May": since that month


CUT_MONTHS = " cut_months "  # where dates were said that cut a month: the report counts whole months

# "Month 3", "mnth 1", "M3", "P3", "month 2 of the FY", "P1-P3": the financial year's months by number, as performance
# and finance teams count them (April is 1); "H1 to date" its first half so far; "the last 6 periods" its months.
_FINANCIAL_MONTH = re.compile(
    r"\b(?:month|mnth|mth|period)\s*(1[0-2]|[1-9])\b(?!\s*(?:months?|days?|miles?|yrs?|years?|\+))(?![/.]\d)"
    rf"(?!\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_WORD})\b)"  # "the period 1 June 2019 to ...": a date
    r"(?:\s+of\s+(?:the\s+)?(?:fy|financial\s+year|fin\s+year|year))?|\b[mp](1[0-2]|[1-9])\b"
)
_HALF_YEAR = re.compile(r"\bh([12])\b(\s+to\s+date)")  # "H1 to date"; "H1" alone may be the calendar's
_PERIODS_AS_MONTHS = re.compile(r"\b(last|past|previous)\s+(\d{1,2})\s+periods\b")


def _financial_month(match: re.Match[str]) -> str:
    said = int(match.group(1) or match.group(2))
    return _MONTH_NAME_OF[(FIRST_MONTH_OF_YEAR + said - 2) % 12 + 1]


def _half_year(match: re.Match[str]) -> str:
    first = FIRST_MONTH_OF_YEAR if match.group(1) == "1" else (FIRST_MONTH_OF_YEAR + 5) % 12 + 1
    return f"{_MONTH_NAME_OF[first]} to date"  # "H1 to date": from its first month to the as-at time


def say_financial_months(text: str) -> str:
    """The financial year's months and halves said by number ("P3", "month 2 of the FY", "H1") as month words."""
    text = _PERIODS_AS_MONTHS.sub(r"\1 \2 months", text)
    return _HALF_YEAR.sub(_half_year, _FINANCIAL_MONTH.sub(_financial_month, text))


# A month written as a system's code: "201906" (year and month run together), "2019-06", "06/2019", and ranges of them
# ("201901-201906", "04/2019-06/2019", "2019-04 to 2019-06"); not a date ("2019-06-30", "30/06/2019"), nor a financial
# year ("2019-20", "2011-12": the next year's last two digits), nor a longer number.
_MONTH_CODE = re.compile(
    r"(?<![\w/.])(?<!\d-)(?:(20\d\d)(0[1-9]|1[0-2])|(20\d\d)-(0?[1-9]|1[0-2])|(0?[1-9]|1[0-2])/(20\d\d))(?![\d]|[-/.]\d{1,2}\b(?![/-]?\d))"
)


_NUMBERED = re.compile(
    r"\b(?:ref|reference|id|case|inc|incident|ticket|call|log|no|number|file|report|job|item|row|version|v)\b[\s:#.-]*$",
    re.IGNORECASE,
)


def _month_code_as_words(match: re.Match[str]) -> str:
    if _NUMBERED.search(match.string[: match.start()]):
        return match.group(0)  # "case 201905", "report ID 201906", "INC 201905": a reference, not a month
    year_run, month_run, year_iso, month_iso, month_slash, year_slash = match.groups()
    year = int(year_run or year_iso or year_slash)
    month = int(month_run or month_iso or month_slash)
    if year_iso and len(month_iso) == 2 and month == (year + 1) % 100:
        return match.group(0)  # "2011-12": the financial year 2011/12
    return f" {next(name for name, number in MONTH_NAMES.items() if number == month)} {year} "


def say_month_codes(text: str) -> str:
    """Lower-case text with months written as codes ("201906", "2019-06", "06/2019") in month words ("june 2019"),
    so that a range of them reads as any range of months does ("201901-201906": january 2019 to june 2019)."""
    # twice: the second of a range ("201901-201906") follows the first's dash once the first is in words
    return _MONTH_CODE.sub(_month_code_as_words, _MONTH_CODE.sub(_month_code_as_words, text))


def say_dates_as_months(text: str) -> str:
    """Lower-case text with ranges of dates, month-end dates and "since" a month's first day in month words;
    CUT_MONTHS where they cut a month (a day said as "3rd June" alone is one)."""
    text = _DATE_SINCE.sub(
        _date_as_month_start, _DATE_AT.sub(_date_as_month_end, _DATE_RANGE.sub(_dates_as_months, text))
    )
    return _ORDINAL_DATE.sub(CUT_MONTHS, text)


def read_periods(text: str) -> tuple[list[Period], str, list[str]]:
    """The periods named in text, in the order they are written, the text without them, and what was not a period
    after all ("2019-13")."""
    found: list[tuple[int, Period]] = []
    unreadable: list[str] = []
    rest = _ABBREVIATIONS.sub(lambda m: _ABBREVIATED[m.group(1)] + (m.group(2) or ""), text)
    rest = _YEAR_TO_MONTH.sub(_year_to_month, say_dates_as_months(say_financial_months(say_month_codes(rest))))
    if CUT_MONTHS in rest:
        unreadable.append(CUT_MONTHS.strip())
        rest = rest.replace(CUT_MONTHS, " ")
    for pattern, kind in _PATTERNS:
        while (match := pattern.search(rest)) is not None:
            period = _read(kind, match)
            if period is None:
                unreadable.append(match.group(0))
            else:
                found.append((match.start(), period))
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    found.sort(key=lambda item: item[0])
    return [period for _, period in found], rest, unreadable


def period_before(period: Period) -> Period | None:
    """The period of the same kind just before this one ("June": May; "this quarter": the last one; "Q1": Q4 of the
    year before; "this month": last month), or None where there is no one such period (a run, a range)."""
    kind = period.kind
    if kind == PeriodKind.MONTH and period.month is not None:
        return replace(period, month=period.month - 1)
    if kind == PeriodKind.MONTH and period.month_of_year is not None:
        return replace(period, month_of_year=(period.month_of_year - 2) % 12 + 1)
    if kind in (PeriodKind.THIS_MONTH, PeriodKind.NOW):
        return Period(PeriodKind.LAST_MONTH)
    if kind == PeriodKind.LATEST:
        return MONTH_BEFORE
    if kind == PeriodKind.LAST_MONTH and period.months >= 0:  # "last month": the month before; before that, one more
        return replace(period, months=period.months + 1)
    if kind == PeriodKind.QUARTER and period.quarter is None:  # counted in quarters back from this one
        return Period(PeriodKind.QUARTER, relative_year=period.relative_year - 1)
    if kind == PeriodKind.QUARTER and period.quarter is not None and period.quarter > 1:
        return replace(period, quarter=period.quarter - 1)
    if kind == PeriodKind.QUARTER and period.quarter == 1:
        if period.year_start is not None:
            return Period(PeriodKind.QUARTER, quarter=4, year_start=period.year_start - 1)
        return Period(PeriodKind.QUARTER, quarter=4, relative_year=period.relative_year - 1)
    if kind in (PeriodKind.YEAR_TO_DATE, PeriodKind.FINANCIAL_YEAR) and period.year_start is None:
        return Period(PeriodKind.FINANCIAL_YEAR, relative_year=period.relative_year - 1)
    if kind == PeriodKind.FINANCIAL_YEAR and period.year_start is not None:
        return Period(PeriodKind.FINANCIAL_YEAR, year_start=period.year_start - 1)
    return None


def _dated_month(year: int, month: int) -> Period | None:
    """A month of a named year ("2019-06", "6/19"); None for a number that is no month ("2019-13")."""
    return Period(PeriodKind.MONTH, month_index(year, month)) if 1 <= month <= 12 else None


def quarter_years_back(quarter: Period, relative_year: int = -1) -> Period:
    """The same quarter relative_year years away ("this quarter last year", "Q2 against the same quarter last year").
    A quarter said from today counts in quarters, so a year is four of them back; "this quarter" itself is placed by
    the as-at time (in its first, partial month it is the quarter just ended), so a year before it is marked
    A_YEAR_BEFORE for resolve_period to place. A numbered quarter is of the year before."""
    if quarter.quarter is None:
        if not quarter.relative_year:
            return replace(quarter, months=A_YEAR_BEFORE)
        return replace(quarter, relative_year=quarter.relative_year + QUARTERS_IN_YEAR * relative_year)
    if quarter.year_start:
        return replace(quarter, year_start=quarter.year_start + relative_year)
    return replace(quarter, relative_year=relative_year)


def attach_years(periods: list[Period]) -> list[Period]:
    """A year said after a month or a quarter qualifies it: "June last year" is June a year before, "Q1 this
    year" is this year's Q1, "Q1 2019/20" that year's Q1; a year to date with a month runs to that month."""
    out: list[Period] = []
    for period in periods:
        before = out[-1] if out else None
        named_before = before is not None and before.kind == PeriodKind.FINANCIAL_YEAR and before.year_start is not None
        if before is not None and named_before and period.kind == PeriodKind.QUARTER and period.year_start is None:
            out[-1] = replace(period, year_start=before.year_start)  # "FY2019/20 Q1": that year's Q1
            continue
        if before is not None and before.kind == PeriodKind.YEAR_TO_DATE and period == Period(PeriodKind.YEAR_TO_DATE):
            continue  # "YTD 19/20 to date": the year to date said twice
        named_after = period.kind == PeriodKind.FINANCIAL_YEAR and period.year_start is not None
        if before is not None and before.kind == PeriodKind.YEAR_TO_DATE and before.year_start is None and named_after:
            out[-1] = replace(before, year_start=period.year_start)  # "YTD 19/20 (to 2019-06)": that year's
            continue
        if before is not None and before.kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
            named_year = period.kind == PeriodKind.FINANCIAL_YEAR
            # "this quarter ... the same quarter last year": two periods (a year is four of its quarters back)
            this_quarter = before.kind == PeriodKind.QUARTER and before.quarter is None
            if this_quarter and named_year and period.year_start is None and period.months != SAME_LAST_YEAR.months:
                out[-1] = quarter_years_back(before, period.relative_year)  # "this quarter last year"
                continue
            if named_year and period.year_start is None and before.month is None and not this_quarter:
                out[-1] = replace(before, relative_year=period.relative_year)
                continue
            if named_year and before.kind == PeriodKind.QUARTER and before.year_start is None and not this_quarter:
                out[-1] = replace(before, year_start=period.year_start, relative_year=period.relative_year)
                continue
            if (
                named_year
                and before.kind == PeriodKind.MONTH
                and before.month is None
                and period.year_start is not None
            ):
                moy = before.month_of_year or FIRST_MONTH_OF_YEAR  # "P3 19/20", "June 2019/20": that year's June
                year = period.year_start + (moy < FIRST_MONTH_OF_YEAR)
                out[-1] = Period(PeriodKind.MONTH, month_index(year, moy))
                continue
            this_year = period.kind == PeriodKind.YEAR_TO_DATE and period.month is None and period.month_of_year is None
            if this_year and before.kind == PeriodKind.QUARTER:
                continue  # "Q1 this year": this year's is the default
        out.append(period)
    return out


def combine_periods(periods: list[Period]) -> Period:
    """One period from those named: "June YTD" is the year to date to June; "Q1 2019/20" the quarter of that year.

    Raises:
        PeriodError: two periods that do not go together ("June July").
    """
    unique = list(dict.fromkeys(periods))
    if not unique:
        return Period(PeriodKind.LATEST)
    if len(unique) == 1:
        return unique[0]
    kinds = {p.kind for p in unique}
    if len(unique) == 2 and kinds == {PeriodKind.YEAR_TO_DATE, PeriodKind.MONTH}:
        month = next(p for p in unique if p.kind == PeriodKind.MONTH)
        return Period(PeriodKind.YEAR_TO_DATE, month.month, month.month_of_year)
    if len(unique) == 2 and kinds == {PeriodKind.QUARTER, PeriodKind.FINANCIAL_YEAR}:
        quarter = next(p for p in unique if p.kind == PeriodKind.QUARTER)
        year = next(p for p in unique if p.kind == PeriodKind.FINANCIAL_YEAR)
        return Period(PeriodKind.QUARTER, quarter=quarter.quarter, year_start=year.year_start)
    raise PeriodError("That names more than one period; ask about one month, a quarter, or the year to date.")


MONTH_KINDS = (PeriodKind.LATEST, PeriodKind.MONTH, PeriodKind.LAST_MONTH, PeriodKind.THIS_MONTH)


def read_month(text: str) -> Period:
    """One month in the words `ask` reads ("June", "Jun-19", "2019-06", "last month"); "" is the latest complete month.

    Raises:
        PeriodError: the text is not one month.
    """
    if not text.strip():
        return Period(PeriodKind.LATEST)
    periods, rest, unreadable = read_periods(text.lower())
    if unreadable or rest.strip() or len(periods) != 1 or periods[0].kind not in MONTH_KINDS:
        raise PeriodError(f"{text!r} is not a month; write June, Jun-19, 2019-06 or last month")
    return periods[0]


def latest_complete_month(snapshot: SnapshotInfo) -> int:
    return month_of(snapshot.as_at) - 1


def _named_month(period: Period, as_at_month: int) -> int:
    if period.month is not None:
        return period.month
    assert period.month_of_year is not None
    # A month named without a year: the latest such month at or before the as-at month.
    offset = (as_at_month % 12 + 1 - period.month_of_year) % 12
    return as_at_month - offset


def resolve_period(period: Period, snapshot: SnapshotInfo) -> Span:
    """The months period spans, counted from the snapshot's as-at time (its month may be partial)."""
    as_at_month = month_of(snapshot.as_at)
    latest = latest_complete_month(snapshot)
    kind = period.kind
    if kind == PeriodKind.LATEST:
        return Span(latest, latest, kind)
    if kind == PeriodKind.LAST_MONTH:
        month = as_at_month - 1 - period.months + 12 * period.relative_year
        return Span(month, month, kind)
    if kind in (PeriodKind.THIS_MONTH, PeriodKind.NOW):
        return Span(as_at_month, as_at_month, kind)
    if kind == PeriodKind.MONTH:
        month = _named_month(period, as_at_month) + 12 * period.relative_year
        return Span(month, month, kind)
    if kind == PeriodKind.RECENT:  # to the latest complete month, or to the month named ("trend ... August")
        named = period.month is not None or period.month_of_year is not None
        last = _named_month(period, as_at_month) + 12 * period.relative_year if named else latest
        return Span(last - period.months + 1, last, kind)
    if kind == PeriodKind.RANGE:
        named = period.month is not None or period.month_of_year is not None
        last = _named_month(period, as_at_month) if named else as_at_month if period.months == TO_NOW else latest
        if period.from_month is not None:
            return Span(period.from_month, last, kind)
        assert period.from_month_of_year is not None
        if not named and as_at_month > latest and as_at_month % 12 + 1 == period.from_month_of_year:
            return Span(as_at_month, as_at_month, kind)  # "since July", in July: this month so far, not last July's
        return Span(last - (last % 12 + 1 - period.from_month_of_year) % 12, last, kind)
    if kind == PeriodKind.YEAR_TO_DATE:
        named = period.month is not None or period.month_of_year is not None
        if period.year_start is not None and not named:  # "YTD 2019/20": that year's, to its last month with data
            return resolve_period(Period(PeriodKind.FINANCIAL_YEAR, year_start=period.year_start), snapshot)
        last = _named_month(period, as_at_month) if named else latest
        return Span(financial_year_start(last), last, kind)
    if kind == PeriodKind.FINANCIAL_YEAR:
        if period.year_start is None:
            start = financial_year_start(latest) + 12 * period.relative_year
        else:
            start = month_index(period.year_start, FIRST_MONTH_OF_YEAR)
        last = min(start + 11, latest)
        if start > as_at_month:  # "2020/21", "YTD 2021/22": a year not begun, all of it (no data), never backwards
            return Span(start, start + 11, kind)
        return Span(start, last if last >= start else min(start + 11, as_at_month), kind)
    # A quarter: of the named financial year, else the latest one begun by the as-at month.
    if period.year_start is not None:
        year = month_index(period.year_start, FIRST_MONTH_OF_YEAR)
    else:
        year = financial_year_start(as_at_month)
    if period.quarter is None:  # this quarter, or with relative_year -1 the one before it
        first = year + (as_at_month - year) // MONTHS_IN_QUARTER * MONTHS_IN_QUARTER
        if not period.relative_year and period.months != TO_NOW and latest < first:
            # "this quarter" in its first, partial month (18 July): the quarter just ended, as "this year" ends at
            # the latest complete month; "this quarter so far" is the quarter under way
            first -= MONTHS_IN_QUARTER
        first += MONTHS_IN_QUARTER * period.relative_year
        if period.months == A_YEAR_BEFORE:  # "the same quarter last year" as "this quarter"
            first -= 12
        return Span(first, min(first + MONTHS_IN_QUARTER - 1, as_at_month), kind)
    first = year + (period.quarter - 1) * MONTHS_IN_QUARTER
    if period.year_start is None and period.relative_year:  # "Q4 last year": of the financial year before this one
        first += 12 * period.relative_year
    elif period.year_start is None and first > as_at_month:  # the latest such quarter begun
        first -= 12
    return Span(first, min(first + MONTHS_IN_QUARTER - 1, as_at_month), kind)


def _month_text(month: int | None, month_of_year: int | None) -> str:
    if month is not None:
        return f"{month // 12}-{month % 12 + 1:02d}"
    return next(name for name, number in MONTH_NAMES.items() if number == month_of_year)


def period_text(period: Period) -> str:
    """The period as a question can say it again (for a clarification's buttons)."""
    kind = period.kind
    if kind == PeriodKind.MONTH or (kind == PeriodKind.YEAR_TO_DATE and (period.month or period.month_of_year)):
        month = _month_text(period.month, period.month_of_year)
        if kind == PeriodKind.MONTH and period.relative_year:
            return f"{month} last year"
        return f"ytd {month}" if kind == PeriodKind.YEAR_TO_DATE else month
    if kind == PeriodKind.FINANCIAL_YEAR:
        if period.year_start is None:
            return "last financial year" if period.relative_year else "this financial year"
        return f"{period.year_start}/{(period.year_start + 1) % 100:02d}"
    if kind == PeriodKind.RECENT:
        named = period.month is not None or period.month_of_year is not None
        to = f" to {_month_text(period.month, period.month_of_year)}" if named else ""
        return f"last {period.months} months{to}"
    if kind == PeriodKind.RANGE:
        start = _month_text(period.from_month, period.from_month_of_year)
        named = period.month is not None or period.month_of_year is not None
        if period.months == TO_NOW:
            return f"{start} to date"
        return f"{start} to {_month_text(period.month, period.month_of_year)}" if named else f"since {start}"
    if kind == PeriodKind.QUARTER:
        if period.quarter is None:
            if period.months == A_YEAR_BEFORE:
                return "this quarter last year"
            if period.relative_year:
                return "last quarter"
            return "this quarter so far" if period.months == TO_NOW else "this quarter"
        year = f" {period.year_start}/{(period.year_start + 1) % 100:02d}" if period.year_start is not None else ""
        return f"q{period.quarter}{year}" + (" last year" if period.relative_year and not year else "")
    return {
        PeriodKind.LATEST: "",
        PeriodKind.YEAR_TO_DATE: "ytd",
        PeriodKind.LAST_MONTH: "last month",
        PeriodKind.THIS_MONTH: "this month",
        PeriodKind.NOW: "now",
    }[kind]
