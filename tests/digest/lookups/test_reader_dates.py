"""Periods named by exact dates and questions after paragraphs of context (round fifteen, tuned on writers BA to BD):
a Freedom of Information request's "for the period 1 April 2019 to 30 June 2019" and a reflective message that asks
at the end. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import calendar
import random

import pytest

from digest.lookups.periods import PeriodKind
from digest.lookups.questions import (
    NO_ROW_COUNTS_ALL,
    NO_SHORT_PERIOD,
    ONE_CHILD,
    NotUnderstood,
    Question,
    Reader,
)
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

SEED = 2615
ROUNDS = 60
MONTH_NAMES = [calendar.month_name[n] for n in range(1, 13)]


def _typed(rng: random.Random, year: int, month: int, day: int) -> str:
    """A date as people type it: "1 April 2019", "1st April 2019", "01/04/2019", "2019-04-01"."""
    return rng.choice(
        (
            f"{day} {MONTH_NAMES[month - 1]} {year}",
            f"{day}{'st' if day == 1 else 'th'} {MONTH_NAMES[month - 1]} {year}",
            f"{day:02d}/{month:02d}/{year}",
            f"{year}-{month:02d}-{day:02d}",
        )
    )


def test_a_range_of_dates_over_whole_months_is_those_months(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        first = rng.randrange(24_210, 24_240)  # month indexes (year * 12 + month - 1) from mid 2017 to 2019
        last = first + rng.randrange(0, 6)
        (y1, m1), (y2, m2) = divmod(first, 12), divmod(last, 12)
        start = _typed(rng, y1, m1 + 1, 1)
        end = _typed(rng, y2, m2 + 1, calendar.monthrange(y2, m2 + 1)[1])
        joined = rng.choice((f"for the period {start} to {end}", f"between {start} and {end}", f"{start} - {end}"))
        read = reader.read(f"Please provide the number of missing episodes {joined}.")
        assert isinstance(read, Question), (joined, read)
        if first == last:
            assert (read.period.kind, read.period.month) == (PeriodKind.MONTH, first), joined
        else:
            assert (read.period.kind, read.period.from_month, read.period.month) == (PeriodKind.RANGE, first, last)


def test_a_range_of_dates_that_cuts_a_month_is_said_to_be_part_of_a_month(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        month = rng.randrange(1, 13)
        start, end = rng.choice(((1, 18), (15, 28), (2, 30), (10, 20)))
        end = min(end, calendar.monthrange(2019, month)[1] - 1)
        text = f"episodes for the period {_typed(rng, 2019, month, start)} to {_typed(rng, 2019, month, end)}"
        assert reader.read(text) == NotUnderstood(NO_SHORT_PERIOD, reader.suggest(text)), text


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "Please provide the number of missing episodes recorded for the period 1 June 2019 to 30 June 2019.",
            "Missing episodes, June 2019",
            "*116*",
        ),
        (
            "Please provide the number of individual children reported missing between 1 April 2019 and 30 June 2019.",
            "Children missing, April to June 2019",
            "*104*",
        ),
        ("LAC episodes between 1st April and 30th June", "LAC episodes, April to June 2019", "*236*"),
        (
            "Please provide the number of children still missing as at 30 April 2019.",
            None,
            "*2 (1.6% of 129 episodes)*",
        ),
    ],
)
def test_periods_named_by_dates_are_answered(service: LookupService, text: str, title: str | None, figure: str) -> None:
    said, lines = answered(service, text)
    if title is not None:
        assert said.startswith(title)
    assert lines[0] == figure


def test_broken_down_by_month_is_month_by_month_and_a_listed_breakdown_is_its_table(service: LookupService) -> None:
    answer = service.ask(
        "U",
        "C",
        "missing episodes involving care leavers for the period 1 April 2019 to 30 June 2019, broken down by month",
    )
    assert answer.title == "Care Leaver, April to June 2019 month by month"
    answer = service.ask(
        "U",
        "C",
        "episodes for 1 May 2019 to 31 May 2019, broken down by social care status (Early Help, CIN, CP, LAC, "
        "Care Leaver and not known to social care)",
    )
    assert answer.title == "Care status, May 2019"


def test_rows_of_three_breakdowns_at_once_are_said_to_be_counted_by_no_row(reader: Reader) -> None:
    text = "episodes of White and Black African children aged under 10 placed more than 100 miles from home in June"
    assert reader.read(text) == NotUnderstood(NO_ROW_COUNTS_ALL, reader.suggest(text))


CONTEXTS = (
    "I'm writing a short piece for the newsletter about why this matters, and I want to be accurate.",
    "In group supervision yesterday we talked about the children who go missing repeatedly.",
    "We're planning the school holiday cover and strategy meetings for next week.",
    "The comment in the report says there has been a slight decline, and I'd like to quantify it before I repeat it.",
    "I'm on the duty rota this weekend and like to know where we are before I go into it.",
)
QUESTIONS = (
    ("How many LAC episodes were there in June?", "episodes.lac"),
    (
        "For the year to date, how many RHIs that were accepted were not completed within 3 working days?",
        "rhi.not_completed_in_time",
    ),
    ("How many episodes involved girls in June compared to April?", "gender.female"),
    ("How many CSE medium/high episodes were there last month?", "episodes.cse"),
)


def test_a_question_after_paragraphs_of_context_is_the_question(reader: Reader) -> None:
    """What the context says of school, meetings, yesterday or next week is the asker's story, not the question."""
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        context = " ".join(rng.sample(CONTEXTS, rng.randrange(1, 3)))
        question, subject = rng.choice(QUESTIONS)
        read = reader.read(f"{context} {question}")
        assert isinstance(read, Question), (context, question, read)
        assert read.subject == subject, (context, question, read)


def test_a_child_named_in_the_context_is_still_refused(reader: Reader) -> None:
    text = "Has Tyler gone missing again? I need to know before the meeting. How many LAC episodes were there in June?"
    assert reader.read(text) == NotUnderstood(ONE_CHILD, [])
    text = "I'm worried about Kayden's episodes. How many LAC episodes were there in June?"
    assert reader.read(text) == NotUnderstood(ONE_CHILD, [])
