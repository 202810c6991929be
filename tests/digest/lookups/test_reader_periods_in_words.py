"""Periods said in words (round twenty-seven, tuned on writers CW to CZ): "the sixth month of the year", "the first
month of the financial year", "the second quarter of the calendar year", "the month just gone", "the whole year until
now", "since the April", "from the first of April on". Answers are asked of the reference June 2019 store, as at
18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.periods import resolve_period
from digest.lookups.questions import Question
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answers

SEED = 2627
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ROWS = ["LAC episodes", "missing episodes", "girls", "same day returns", "RHIs accepted", "CSE episodes"]


def _months_of(service: LookupService, text: str) -> tuple[str, tuple[int, int]]:
    read = service.read(text)
    assert isinstance(read, Question), (text, read)
    span = resolve_period(read.period, service.store().get_snapshot())
    return read.subject or "", (span.first, span.last)


def test_the_nth_month_is_that_month_of_the_calendar_or_the_financial_year(service: LookupService) -> None:
    rng = random.Random(SEED)
    for _ in range(30):
        n = rng.randint(1, 12)
        row = rng.choice(ROWS)
        ordinal = rng.choice(
            [ORDINALS[n - 1], f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}"]
        )
        said = rng.choice(["the {o} month of the year", "the {o} month", "the {o} month of the calendar year"])
        calendar = _months_of(service, f"{row} in {said.format(o=ordinal)}")
        assert calendar == _months_of(service, f"{row} in {MONTHS[n - 1]}"), (row, said, ordinal)
        financial = _months_of(service, f"{row} in the {ordinal} month of the financial year")
        assert financial == _months_of(service, f"{row} in {MONTHS[(n + 2) % 12]}"), (row, ordinal)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "cse medium/high episodes in the second quarter of the calendar year?",
            "Episodes at CSE risk (medium/high), April to June 2019",
        ),
        (
            "how did the sixth month compare with the fifth for total episodes",
            "Missing episodes, May 2019 against June 2019",
        ),
        (
            "how many were still missing at the end of the fourth month?",
            "Still missing at the end of the month, April 2019",
        ),
        ("LAC episodes for the month just gone", "LAC episodes, June 2019"),
        ("Can I have the ages of the children for the whole year until now, all age groups", "Age, April to June 2019"),
        (
            "Please tell me how much different children went missing since the April, all together",
            "Children missing, April to June 2019",
        ),
        (
            "RHIs accepted each month from the first of April on",
            "Return home interviews accepted, April to June 2019 month by month",
        ),
    ],
)
def test_periods_said_in_words(service: LookupService, text: str, title: str) -> None:
    assert_answers(service, text, title)
