"""Questions asked in the negative ("Didn't LAC go down in June?"), a month's part of a longer period ("how much of the
YTD LAC figure came from June?"), "why" asked beside the figures, and Brummie: what round fifty-two's development
questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.reasons import REASONS_NOT_HELD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

QUESTIONS = [
    ("Is EH 13 episodes in May?", "Isn't EH 13 episodes in May?"),
    ("Were 65 return interviews done on time in april?", "Weren't 65 return interviews done on time in april?"),
    ("Did BME drop to just 8 last month?", "Didn't BME drop to just 8 last month?"),
    (
        "Did on-time RHI completion drop in June compared to May?",
        "Didnt on-time RHI completion drop in June compared to May?",
    ),
    ("Were there more girls than boys in May?", "Weren't there more girls than boys in May?"),
]


@pytest.mark.parametrize(("positive", "negative"), QUESTIONS)
def test_a_question_in_the_negative_is_answered_as_in_the_positive(
    service: LookupService, positive: str, negative: str
) -> None:
    assert answered(service, negative) == answered(service, positive)


def test_a_not_inside_the_question_stays_a_not(service: LookupService) -> None:
    assert answered(service, "how many kids didn't come home in june") == answered(service, "children missing june")


def test_a_number_after_a_month_is_no_year_past_the_forties(service: LookupService) -> None:
    _, lines = answered(service, "Isn't LAC episodes for april 75?")
    assert lines[-1] == "Yes, that is the figure you gave."


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("how much of the year-to-date LAC figure came from June?", "*74 of 236 (31%) were in June 2019*"),
        ("May's share of the quarter's CSE episodes", "*16 of 61 (26%) were in May 2019*"),
        ("BME episodes ytd - how many were in june", "*8 of 102 (8%) were in June 2019*"),
        ("how much of the 55 gypsy/roma episodes this year came in april", "*24 of 55 (44%) were in April 2019*"),
    ],
)
def test_a_months_part_of_a_longer_period(service: LookupService, text: str, first: str) -> None:
    _, lines = answered(service, text)
    assert lines[0] == first, (text, lines)


ROWS = ["LAC episodes", "CSE episodes", "girls", "missing episodes", "same day returns"]


@pytest.mark.parametrize("seed", range(3))
def test_a_months_part_is_its_figure_over_the_longer_periods(service: LookupService, seed: int) -> None:
    """The property behind the cases: the part said is the month's figure over the year to date's, each as asked
    alone, and the share is the one shown."""
    rng = random.Random(seed)
    for _ in range(4):
        row, month = rng.choice(ROWS), rng.choice(["April", "May", "June"])
        _, lines = answered(service, f"how much of the year to date {row} figure came from {month}?")
        part = int(answered(service, f"{row} {month}")[1][0].strip("*").split()[0])
        whole = int(answered(service, f"{row} ytd")[1][0].strip("*").split()[0])
        assert lines[0].startswith(f"*{part} of {whole} ("), (row, month, lines)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("why did CSE go up in June?", "May 2019: 16"),
        ("17+ episodes in april - why was that so high? whats the number", "*33"),
    ],
)
def test_why_asked_beside_the_figures_gets_the_figures_and_no_reason(
    service: LookupService, text: str, first: str
) -> None:
    _, lines = answered(service, text)
    assert lines[0].startswith(first), (text, lines)
    assert lines[-1] == REASONS_NOT_HELD


@pytest.mark.parametrize("text", ["why do kids go missing", "June - reasons why kids went missing?"])
def test_why_alone_is_still_refused(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == "not understood", text


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("ow many missin episodes av we ad so far this year", "Missing episodes, April to June 2019", "*375*"),
        ("an yer do me the age breakdown for June bab", "Age, June 2019", None),
        ("how did q1's 375 episodes split by care status", "Care status, April to June 2019", None),
        (
            "didn't the no. of kids with 3+ episodes stay flat apr to jun",
            "Children with 3 or more episodes, April",
            "April",
        ),
        (
            "Is our RHI on time rate under 80% this year?",
            "Return home interviews completed in time, April to June",
            None,
        ),
    ],
)
def test_brummie_totals_as_context_and_far_thresholds(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Don't include LAC - how many episodes in June?", "*42 (36% of 116 episodes)*"),  # an instruction, kept
        ("Haven't we had 375 episodes this year?", "*375*"),
        ("Isn't that 74 for LAC in June?", "*74*"),
    ],
)
def test_instructions_and_follow_ups_in_the_negative_keep_their_not(
    service: LookupService, text: str, first: str
) -> None:
    _, lines = answered(service, text)
    assert lines[0] == first, (text, lines)


@pytest.mark.parametrize("text", ["the 14 kids in June", "the 2019 episodes", "why is the July figure zero?"])
def test_a_number_that_may_be_an_age_or_a_year_is_never_read_past(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == "not understood", text
