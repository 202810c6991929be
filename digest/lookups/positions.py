"""A period named by its place in a longer one ("the last month of Q1", "Q1's final month", "the middle month of the
quarter just gone", "the second month of 2019/20", "the first two months of the financial year", "the sixth month of
the year"): named as its months before the question is read. "The year" alone is the calendar year (its sixth month
is June); a financial year is said ("financial year", "FY", "2019/20", or "(19/20)" after the place). Read as they
were, "month of Q1" asked Q1 month by month and "the first month of Q1" was January.

Which year a quarter or year without one is ("Q1", "the year") and which quarter is "just gone" depend on the latest
snapshot's as-at time, which the reader does not hold, so the service names them (as it names months by events).
A half of a quarter ("the back half of Q1") is not a whole number of months and is left for the reader to refuse.
"""

from __future__ import annotations

import re

from digest.figures.periods import (
    FIRST_MONTH_OF_YEAR,
    financial_year_label,
    financial_year_start,
    month_index,
    month_name,
)
from digest.lookups.periods import SEASONS
from digest.lookups.vocabulary import ORDINALS

_ORDINALS = ORDINALS | {"opening": 1, "starting": 1}  # "the opening month of 2019/20"
_FROM_END = {"last", "final", "closing", "end"}
_MIDDLE = {"middle", "mid", "central"}
_ORDINAL = "|".join([*_ORDINALS, *_FROM_END, *_MIDDLE])
_COUNTS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5, "six": 6, "6": 6}
_COUNT = "|".join(_COUNTS)
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_YEAR = r"(?:fy\s*)?(?:20)?(?P<{name}>\d\d)\s*[/-]\s*\d\d"  # "2019/20", "19/20", "FY19/20", "2019-20"
# The longer period: a quarter by number or word (a year after it, or in brackets after the whole), the quarter just
# gone or this one, or a financial year.
_CONTAINER = (
    r"(?:the\s+)?(?:"
    rf"(?:q|quarter\s+)(?P<q>[1-4])(?:\s+(?:of\s+)?{_YEAR.format(name='qyear')})?"
    rf"|(?P<qword>{'|'.join(_QUARTER_WORDS)})\s+quarter(?:\s+(?:of\s+)?{_YEAR.format(name='qwyear')})?"
    r"|(?P<gone>(?:last|previous|latest(?:\s+complete)?)\s+quarter|quarter\s+just\s+gone)"
    r"|(?P<this>this|current)\s+quarter"
    r"|(?P<quarter>quarter)(?!\s*(?:\d|before))"
    rf"|{_YEAR.format(name='year')}"
    rf"|(?P<fy>(?:financial|fin)\s+year|fy|year)\s+{_YEAR.format(name='fyyear')}"
    r"|(?P<sofar>year\s+(?:to\s+date|so\s+far)|ytd)"
    r"|(?P<fy2>(?:financial|fin)\s+year|fy)"
    r"|(?P<calendar>(?:calendar\s+)?year)(?:\s+(?P<cyear>20\d\d))?"
    r")"
)
_BRACKETED = rf"(?:\s*\(\s*(?:q(?P<bq>[1-4])|{_YEAR.format(name='byear')})\s*\))?"
_POSITION = re.compile(
    r"(?i)\b(?:the\s+)?"
    # "the last month of Q1", "the first two months of the year (19/20)"
    rf"(?:(?P<ord>{_ORDINAL})\s+(?:(?P<count>{_COUNT})\s+)?months?\s+(?:of|in)\s+{_CONTAINER}"
    # "Q1's final month", "the year's second month"
    rf"|{_CONTAINER.replace('(?P<', '(?P<s_')}'s\s+(?P<s_ord>{_ORDINAL})\s+(?:(?P<s_count>{_COUNT})\s+)?months?)"
    rf"\b{_BRACKETED.replace('(?P<', '(?P<t_')}"
)

# Places joined to another place not said whole ("the second and third months of Q1", "busier than the first", "Q1
# last year"): which months is not plain from the words the pattern reads, so the question is read as said.
_DANGLING = re.compile(
    rf"(?i)\b(?:{_ORDINAL})\s+(?:and|or|&)\s+(?:the\s+)?(?:{_ORDINAL})\s+months?\b"
    rf"|\b(?:and|or|than|vs|versus|against|&)\s+(?:the\s+)?(?:{_ORDINAL})\b(?!\s+(?:(?:{_COUNT})\s+)?months?\b)"
    r"|\bmonths?\s+of\s+(?:the\s+)?(?:q[1-4]|quarter|year)\w*\s+(?:last|next|this)\s+year\b"
)
# The groups that fix the year of the months named: a year said, or a quarter (Q2 is this financial year's, as the
# reader reads "Q2"); a month of "the year" or "the financial year" is named alone, as "November" is (its latest).
_YEARS_SAID = ("qyear", "qwyear", "year", "fyyear", "cyear", "q", "qword", "gone", "this", "quarter")
# "... from the middle month of Q1 to its final month": the longer period named just before
_ITS = re.compile(rf"(?i)\bits\s+(?P<ord>{_ORDINAL})\s+month\b")

# Places the longer period has no agreed months for: a half of a quarter ("the back half of Q1": three months have no
# half in whole months), a month of a season ("the first month of the summer": which months a season spans is not
# agreed). Asked for the months instead (questions.py).
NO_WHOLE_PLACE = re.compile(
    r"(?i)\b(?:front|back|first|second|latter|later|earlier|last)\s+half\s+of\s+(?:the\s+)?(?:q[1-4]\b|(?:\w+\s+)?quarter\b)"
    rf"|\b(?:{_ORDINAL})\s+(?:(?:{_COUNT})\s+)?months?\s+(?:of|in)\s+(?:the\s+|this\s+|last\s+)?(?:{'|'.join(SEASONS)})\b"
)
NO_PLACE_MONTHS = (
    "Which months that takes in is not plain (a quarter's three months have no half; a season's months are not "
    'agreed). Name the months, such as "May to June" or "June".'
)


# "The back end of Q1", "the tail end of the quarter": its last month; "the front end of Q1" its first (not of a year,
# whose "back end" is no one month)
_END_OF = re.compile(
    r"(?i)\b(?:the\s+)?(back|tail|front)\s+end\s+of\s+"
    r"(?=(?:the\s+)?(?:q[1-4]\b|quarter\b|(?:first|second|third|fourth)\s+quarter\b|(?:last|this)\s+quarter\b))"
)


def _ends_as_months(text: str) -> str:
    return _END_OF.sub(lambda m: "the first month of " if m.group(1).lower() == "front" else "the last month of ", text)


def names_position(text: str) -> bool:
    """Whether the question names a period by its place in a longer one."""
    return _POSITION.search(_ends_as_months(text)) is not None


def name_position_months(text: str, latest: int, under_way: bool) -> str:
    """The text with each period named by its place in a longer one named as its months ("June 2019", "April 2019 to
    May 2019"), for data whose latest month is latest (a month index), under_way when that month is not over. A place
    the longer period does not have ("the fifth month of Q1") is left as said."""

    if _DANGLING.search(text):  # "the second and third months of Q1", "the last month of Q1 or the first": as said
        return text
    text = _ends_as_months(text)
    spans: list[tuple[int, int]] = []  # the longer periods named, for "its final month" after one

    def named(match: re.Match[str]) -> str:
        group = match.groupdict()
        side = "" if group["ord"] else "s_"
        span = _container(group, side, latest, under_way)
        months = _place(span, group[f"{side}ord"], group[f"{side}count"]) if span else None
        if span is None or months is None:
            return match.group(0)
        spans.append(span)
        said_year = any(group.get(f"{side}{name}") for name in _YEARS_SAID) or bool(group.get("t_byear"))
        return f" {_say(months, latest, said_year)} "

    def its(match: re.Match[str]) -> str:
        months = _place(spans[-1], match.group("ord"), None) if spans else None
        return f" {_say(months, latest, True)} " if months else match.group(0)

    return _ITS.sub(its, _POSITION.sub(named, text))


def _say(months: tuple[int, int], latest: int, said_year: bool) -> str:
    """The months in words: a month, a financial quarter with data ("Q1 2019/20") or a run of months; with their year
    only where the question said one (a month named alone is its latest, as "June" is)."""
    first, last = months

    def name(month: int) -> str:
        return month_name(month) if said_year else month_name(month).split()[0]

    if first == last:
        return name(first)
    start = financial_year_start(first)
    if last - first == 2 and (first - start) % 3 == 0 and last <= latest:
        return f"Q{(first - start) // 3 + 1} {financial_year_label(first)}"
    return f"{name(first)} to {name(last)}"


def _place(span: tuple[int, int], ordinal: str, counted: str | None) -> tuple[int, int] | None:
    """The first and last month index a place in a longer period (its first month index and length) names, or None
    where it has no such place."""
    start, length = span
    word = ordinal.lower()
    count = _COUNTS[counted.lower()] if counted else 1
    if word in _MIDDLE:
        if length % 2 == 0 or count != 1:
            return None  # the middle month of a year of twelve is no one month
        place = length // 2 + 1
    elif word in _FROM_END:
        place = length - count + 1
    else:
        place = _ORDINALS[word]
    if place < 1 or place + count - 1 > length:
        return None
    return start + place - 1, start + place + count - 2


def _container(group: dict[str, str | None], side: str, latest: int, under_way: bool) -> tuple[int, int] | None:
    """The longer period's first month index and its length in months."""

    def get(name: str) -> str | None:
        return group.get(f"{side}{name}")

    year_of_latest = financial_year_start(latest)
    complete = latest - 1 if under_way else latest
    if (
        quarter := get("q")
        or group.get("t_bq")
        or (str(_QUARTER_WORDS[word.lower()]) if (word := get("qword")) else None)
    ):
        said = get("qyear") or get("qwyear") or group.get("t_byear")
        start = month_index(2000 + int(said), FIRST_MONTH_OF_YEAR) if said else year_of_latest
        return start + 3 * (int(quarter) - 1), 3
    if get("gone") or get("quarter"):  # "the quarter's final month" alone: the quarter just gone
        last_quarter_end = complete - (complete - year_of_latest + 1) % 3
        return last_quarter_end - 2, 3
    if get("this"):
        return latest - (latest - year_of_latest) % 3, 3
    said = get("year") or get("fyyear") or group.get("t_byear")
    if said or get("fy2"):
        return (month_index(2000 + int(said), FIRST_MONTH_OF_YEAR) if said else year_of_latest), 12
    if get("sofar"):  # "the last month of the year to date": the year so far, to the latest complete month
        return year_of_latest, complete - year_of_latest + 1
    if get("calendar"):  # "the sixth month of the year": June, of the year said or the year of the latest data
        year = get("cyear")
        return (month_index(int(year), 1) if year else latest - latest % 12), 12
    return None
