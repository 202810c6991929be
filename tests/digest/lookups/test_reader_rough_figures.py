"""A rough figure the asker holds ("about 20 in June?", "nearly 400 this year?", "130ish", "two thirds-ish", "prob 0"):
the figure answered, and how far above or below the one given it is. What round forty-four's development questions
showed (the rough-memory checker had 39 of 60). Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

# Known questions, their figure as the answer's first line shows it, and the count in it.
KNOWN = [
    ("LAC episodes in June", "*74*", 74),
    ("CSE episodes May", "*16*", 16),
    ("missing episodes this year", "*375*", 375),
    ("not a client episodes june", "*23 (20% of 116 episodes)*", 23),
    ("children missing in April", "*57*", 57),
]
BEFORE = ["about", "around", "roughly", "approx", "nearly", "almost", "circa", "~", "prob", "I think", "maybe"]
AFTER = ["ish", " or so", " or thereabouts"]


def _gap(figure: int, given: int) -> str:
    if figure == given:
        return "That is exactly the figure you gave."
    return f"That is {abs(figure - given)} {'short of' if figure < given else 'over'} the figure you gave."


@pytest.mark.parametrize("seed", range(4))
def test_a_rough_figure_is_answered_with_the_gap_to_it(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question, first, count in KNOWN:
        given = max(0, count + rng.randint(-15, 15))
        said = f"{rng.choice(BEFORE)} {given}" if rng.random() < 0.6 else f"{given}{rng.choice(AFTER)}"
        typed = f"{question} - {said}?" if rng.random() < 0.5 else f"{question}, {said}, right?"
        _, lines = answered(service, typed)
        assert lines[0] == first, (typed, lines)
        assert lines[-1] == _gap(count, given), (typed, lines)


@pytest.mark.parametrize(
    ("text", "first", "gap"),
    [
        ("nearly 400 episodes this year?", "*375*", "That is 25 short of the figure you gave."),
        (
            "roughly half girls, right?",
            "*63 (54% of 116 episodes)*",
            "That is 4 percentage points over the figure you gave.",
        ),
        (
            "what proportion of episodes were LAC in june, two thirds-ish?",
            "*74 (64% of 116 episodes)*",
            "That is 3 percentage points short of the figure you gave.",
        ),
        (
            "BME about a quarter of episodes this year?",
            "*102 (27% of 375 episodes)*",
            "That is 2 percentage points over the figure you gave.",
        ),
        ("care leavers ytd (prob 0?)", "*1 (0.3% of 375 episodes)*", "That is 1 over the figure you gave."),
        ("so each kid went missing about twice on average in june?", "*2.2*", "That is 0.2 over the figure you gave."),
        (
            "more than 40 miles out - about 30 episodes ytd?",
            "*32 (14% of 236 LAC episodes)*",
            "That is 2 over the figure you gave.",
        ),
    ],
)
def test_rough_figures_as_people_say_them(service: LookupService, text: str, first: str, gap: str) -> None:
    _, lines = answered(service, text)
    assert (lines[0], lines[-1]) == (first, gap), (text, lines)


def test_two_rough_figures_of_a_change_are_left_to_the_reader(service: LookupService) -> None:
    title, lines = answered(service, "LAC episodes went down in june from may - 87 to 74 or thereabouts?")
    assert title == "LAC episodes, May 2019 against June 2019"
    assert lines[:3] == ["May 2019: 87", "June 2019: 74", "Change from May 2019 to June 2019: down 13."]
    assert lines[-1].startswith("The figures you gave are not checked against an answer of several figures")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("about 15 year olds june", "15yrs, June 2019"),
        ("LAC episodes placed around 10 miles away june", "10 miles or under, June 2019"),
        ("kids missing about 3 days in may", "3 days, May 2019"),
        ("what about 2019/20 LAC episodes", "LAC episodes, April to June 2019"),
    ],
)
def test_a_band_or_a_year_after_about_is_no_figure_given(service: LookupService, text: str, title: str) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    assert not any("figure you gave" in line for line in lines), (text, lines)


def test_a_closing_right_asks_nothing_more(service: LookupService) -> None:
    assert answered(service, "girls, right?") == answered(service, "girls")
    assert answered(service, "LAC episodes june, is that correct?") == answered(service, "LAC episodes june")


# Numbers in what is said around a question: the asker's own counts, times and ids, never a figure to check.
AROUND = [
    "quick one, I've got maybe {n} mins: {q}?",
    "{q}, I think {n} of them were mine",
    "{q}? we had about {n} from our unit",
    "{q} - I manage around {n} homes",
    "{q} please, board meets at about {n}:30",
    "the ID is I think 4{n}213 - {q}?",
]


@pytest.mark.parametrize("seed", range(3))
def test_numbers_around_a_question_are_no_figure_given(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question, first, _ in KNOWN:
        typed = rng.choice(AROUND).format(n=rng.randint(2, 12), q=question)
        answer = service.ask("U", "C", typed)
        assert not any("figure you gave" in line or "figures you gave" in line for line in answer.lines), typed
        if answer.outcome == "answered":
            assert answer.lines[0] == first, (typed, answer.lines)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("episodes for kids aged 15 or so in june", "15yrs, June 2019"),
        ("episodes of kids just under 10 in june", "Under 10yrs, June 2019"),
        ("kids who went missing about 3 times or more in june", "Children with 3 or more episodes, June 2019"),
        ("how many RHIs were completed in about 3 working days in june?", "Return home interviews completed in time"),
        ("tell me about 6.6 for june", "Not a client, June 2019"),
        ("I think 6.7 is OLA - what was it in june?", "Episodes of children from another local authority, June"),
    ],
)
def test_a_rough_word_before_a_band_or_a_row_leaves_it_read(service: LookupService, text: str, title: str) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    assert not any("figure you gave" in line for line in lines), (text, lines)


def test_a_fraction_written_with_a_slash(service: LookupService) -> None:
    _, lines = answered(service, "what percentage were LAC in june, about 2/3?")
    assert lines[-1] == "That is 3 percentage points short of the figure you gave."
