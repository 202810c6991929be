"""Months meeting a condition ("how many months this year was LAC over 80?", "which months had fewer than 20 CSE
episodes?", "was there a month with no care leavers missing?") and Scouse's closing "la": what round fifty's
development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random
import re

import pytest

from digest.lookups.conditions import find_month_condition
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "how many months this year was LAC over 80?",
            "*Months over 80: 1 of 3 whole months with figures* (May 2019, 87).",
        ),
        (
            "which months had fewer than 20 CSE episodes?",
            "*Months under 20: 2 of 3 whole months with figures* (April 2019, 17; May 2019, 16).",
        ),
        (
            "was there a month with no care leavers missing?",
            "*Months with none: 2 of 3 whole months with figures* (May 2019, 0 (0% of 130 episodes); June 2019, 0 (0% "
            "of 116 episodes)).",
        ),
        (
            "no. of months RHIs done in 3 working days was above 75%?",
            "*Months over 75%: 1 of 3 whole months with figures* (May 2019, 94 (86% of 109 accepted)).",
        ),
        (
            "was there any month with more than 5 LAC episodes over 100 miles",
            "*Months over 5: 0 of 3 whole months with figures*.",
        ),
    ],
)
def test_months_meeting_a_condition_are_named_and_counted(service: LookupService, text: str, first: str) -> None:
    title, lines = answered(service, text)
    assert title.endswith("month by month"), (text, title)
    assert lines[0] == first, (text, lines)
    assert not any("the figure you gave" in line for line in lines), (text, lines)  # never the year's total checked


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("is LAC under 100 this year?", None),  # no months asked: the year's figure, checked as before
        ("kids over 15 in june", None),
        ("which months had more than 5 days missing episodes", None),  # a band, not the condition
    ],
)
def test_what_asks_no_months_condition_is_left_alone(text: str, left: str | None) -> None:
    condition, _ = find_month_condition(text)
    assert condition is left, text


ROWS = ["LAC episodes", "missing episodes", "CSE episodes", "missing children", "girls", "same day returns"]
WORDS = {"over": "more than", "under": "fewer than", "at least": "at least", "at most": "at most"}
_MONTH_LINE = re.compile(r"^(April|May|June) 2019: (\d+)")


@pytest.mark.parametrize("seed", range(3))
def test_the_months_named_are_those_whose_figure_meets_the_condition(service: LookupService, seed: int) -> None:
    """The property behind the cases: for any row and threshold, the months named are exactly the whole months whose
    figure, as the same answer shows it month by month, meets the condition, and the count says how many."""
    rng = random.Random(seed)
    for _ in range(5):
        row, comparison = rng.choice(ROWS), rng.choice(sorted(WORDS))
        value = rng.randint(0, 140)
        _, lines = answered(service, f"how many months this year were {row} {WORDS[comparison]} {value}?")
        shown = {m.group(1): int(m.group(2)) for line in lines if (m := _MONTH_LINE.match(line))}
        meets = {
            "over": lambda n, v=value: n > v,
            "under": lambda n, v=value: n < v,
            "at least": lambda n, v=value: n >= v,
            "at most": lambda n, v=value: n <= v,
        }[comparison]
        expected = [month for month in ("April", "May", "June") if meets(shown[month])]
        assert lines[0].startswith(f"*Months {comparison} {value}: {len(expected)} of 3 whole months"), (row, lines)
        assert [m for m in ("April", "May", "June") if f"{m} 2019, " in lines[0]] == expected, (row, lines)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("how many missin episodes did we have in june la", "Missing episodes, June 2019", "*116*"),
        ("how many kids are missin right now la", "Still missing now", "*0*"),
        ("how many of junes episodes were girls", "Female, June 2019", "*63 (54% of 116 episodes)*"),
        ("june episodes, were it more than may or wha?", "Missing episodes, May 2019 against June 2019", None),
        # "la" naming the other local authority stays it
        ("how many kids from another la in june", "Episodes of children from another local authority, June", None),
    ],
)
def test_scouse(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("which months had no fewer than 75 LAC episodes", "*Months at least 75: 2 of 3"),
        ("which months did LAC not exceed 80", "*Months at most 80: 2 of 3"),
        ("how many months were LAC episodes not below 75", "*Months at least 75: 2 of 3"),
        ("which months was the rate of LAC episodes over 60", "*Months over 60%: 2 of 3"),
        ("which months was RHI completed in time at least 70%", "*Months at least 70%: 2 of 3"),  # 70% as shown
        ("how many months did more than 60 kids go missing", "*Months over 60: 1 of 3"),
        ("which months did more than 25 looked after kids go missing", "*Months over 25: 2 of 3"),
        ("which months were all episodes above 90%", "*Months over 90%: Missing episodes is a count with no"),
    ],
)
def test_a_turned_comparison_a_share_and_what_is_counted(service: LookupService, text: str, first: str) -> None:
    _, lines = answered(service, text)
    assert lines[0].startswith(first), (text, lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("which months was LAC over 80 and CSE over 20", "I can say which months meet one condition of one figure"),
        ("which months had more than 100 episodes and how many children", "I can say which months meet one condition"),
        ("which months did LAC rise by more than 10", "I can say which months were over or under a figure, not which"),
        ("which months had under 80 LAC episodes in May and June", "For months meeting a condition, name a run"),
    ],
)
def test_conditions_not_answered_are_refused_never_answered_for_one(
    service: LookupService, text: str, message: str
) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == "not understood", (text, answer.title)
    assert answer.lines[0].startswith(message), (text, answer.lines)


@pytest.mark.parametrize("text", ["which months were LAC episodes higher than 2018", "which months have no data"])
def test_a_year_or_no_data_is_no_condition(text: str) -> None:
    assert find_month_condition(text)[0] is None, text
