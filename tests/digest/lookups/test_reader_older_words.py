"""Older and American words for what the report counts ("children in council care", "in the care of the authority",
"on the at-risk register", "foster youth"), numbers that are no figures (an agenda item, a room, a meeting's time) and
greetings that ask nothing: what round thirty-four's development questions showed. Answers are asked of the reference
June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import HELP, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "Could you tell me how many children in the care of the authority went missing in June please?",
            "Looked-after children missing, June 2019",
            "*28*",
        ),
        ("Number of missing episodes for children in council care in April please", "LAC episodes, April 2019", "*75*"),
        ("How many missing episodes last month were for children on the at-risk register?", "CPP, June 2019", None),
        ("what percent of june episodes were foster youth?", "LAC episodes, June 2019", "*74 (64% of 116 episodes)*"),
        ("Is anybody still missing at present?", "Still missing now", "*0*"),
        ("12 yr olds episodes month over month", "12yrs, April to June 2019 month by month", None),
        ("How long are children usually missing for before they turn up?", "Median length of a closed episode", None),
        (
            "Is it possible to find out which month had the most twelve year olds going missing?",
            "12yrs, April to June 2019 month by month",
            None,
        ),
    ],
)
def test_older_and_american_words_read_as_the_reports(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


# Numbers in a message that are no figures, and the questions they are added to (each answered as without them).
ASIDES = [
    ", item 4 on the agenda",
    " - for paper 3a",
    ", room 3.14 wants to know",
    ", ext 4471 if u need me",
    " for the 2pm panel",
    " - need it for the 9.30 with heads of service",
    " for Thursday 25th",
]
BARE = [
    "LAC episodes YTD",
    "RHIs offered in june",
    "OLA kids episodes last month",
    "Gypsy/Roma episodes so far this yr",
    "total missing episodes for q1",
]


@pytest.mark.parametrize("seed", range(3))
def test_numbers_that_are_no_figures_are_read_past(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare in BARE:
        text = bare + rng.choice(ASIDES)
        assert answered(service, text) == answered(service, bare), text


@pytest.mark.parametrize(
    "text",
    [
        "hey bot, hows your day going",
        "I wonder whether you could tell me how your day is going :)",
        "hi, how's it going?",
    ],
)
def test_greetings_ask_for_no_figure(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert not isinstance(read, Question) or read.kind == HELP, read


def test_month_over_month_with_a_range_in_slashes_is_not_answered_with_one_month(service: LookupService) -> None:
    answer = service.ask("U", "C", "month-over-month change in total episodes, 05/2019 to 06/2019?")
    assert answer.title != "Missing episodes, May 2019 month by month"
    assert answer.outcome in ("answered", "not understood")
