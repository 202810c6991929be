"""Rules that refuse or ask rather than guess, over generated questions (a seeded generator): each is the cause of a
wrong answer found in writers I to L's questions, fixed for every question of its shape."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import Clarification, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService

SEED = 2604
FIGURES = ("missing episodes", "LAC episodes", "children missing", "CSE episodes", "RHIs offered", "same-day returns")
# Two ways of naming the same period, as at 18/07/2019 (the previous quarter is Q1, last month is June).
SAME_PERIOD = (
    ("June", "June 2019"),
    ("Q1", "the previous quarter"),
    ("last month", "June"),
    ("Q1 2019/20", "April to June 2019"),
    ("May", "May 2019"),
)
JOINERS = ("against", "vs", "compared with", "compare with")


def test_a_comparison_of_a_period_with_itself_is_never_answered(service: LookupService) -> None:
    rng = random.Random(SEED)
    for _ in range(40):
        first, second = rng.sample(rng.choice(SAME_PERIOD), 2)
        question = f"{rng.choice(FIGURES)} {first} {rng.choice(JOINERS)} {second}"
        answer = service.ask("U", "C", question)
        if answer.outcome == "answered":  # answered only as one period, never as a change from a period to itself
            names = answer.title.split(", ", 1)[-1].split(" against ")
            assert len(names) == len(set(names)), (question, answer.title)
            assert not any(line.startswith("Change from") and "no change" in line for line in answer.lines)


CARE_WORDS = ("CLA", "LAC", "looked after children", "children in care", "children looked after", "CLA's")
COUNTING = ("number of", "how many", "the number of", "total number of")
EPISODE_WORDS = ("missing episodes", "episodes")
PERIOD_WORDS = ("in June", "June compared with May", "for May", "in Q1", "this year month by month")


def test_children_named_before_episodes_count_the_episodes(reader: Reader) -> None:
    """ "The number of CLA missing episodes": the children say whose episodes; the episodes are what is counted."""
    rng = random.Random(SEED)
    for _ in range(60):
        care, counting = rng.choice(CARE_WORDS), rng.choice(COUNTING)
        question = f"{counting} {care} {rng.choice(EPISODE_WORDS)} {rng.choice(PERIOD_WORDS)}"
        reading = reader.read(question)
        if isinstance(reading, Question):
            assert reading.subject == "episodes.lac", (question, reading.subject)
        else:  # asked back or not understood: never the children's count answered for episodes
            assert isinstance(reading, Clarification | NotUnderstood), question
    # Children still counted where they are the noun: a verb or nothing stands between them and "episodes".
    for question, subject in (
        ("how many children had missing episodes in June", "children.all"),
        ("number of LAC children missing in June", "children.lac"),
    ):
        reading = reader.read(question)
        assert isinstance(reading, Question), question
        assert reading.subject == subject, question


ASIDES = ("(all, not just CLA)", "(not just CLA)", ", not just the ones in care,", "(not only LAC)")
QUESTIONS_WITH_A_PLACE = (
    "how many children{aside} had 3 or more episodes in June",
    "how many children{aside} have had 3 or more episodes, month by month since April",
    "missing episodes{aside} that lasted 2 days in May",
    "number of children{aside} at medium or high CSE risk in June",
)


def test_a_not_just_aside_never_swallows_the_words_after_it(reader: Reader) -> None:
    """An aside is left out up to its own end (a bracket, a comma), never to the end of the question."""
    rng = random.Random(SEED)
    for _ in range(40):
        template = rng.choice(QUESTIONS_WITH_A_PLACE)
        question = template.format(aside=" " + rng.choice(ASIDES))
        plain = reader.read(template.format(aside=""))
        reading = reader.read(question)
        assert isinstance(plain, Question), template
        assert isinstance(reading, Question), question
        assert reading.keys == plain.keys, (question, reading.keys, plain.keys)


@pytest.mark.parametrize(
    "text",
    [
        "Which placement provider had the most missing episodes in June?",
        "how many agencies had LAC missing in May",
        "which provider's placements had the most episodes this year",
    ],
)
def test_who_provides_a_placement_is_not_read_as_where_it_is(reader: Reader, text: str) -> None:
    """The report has the distance of a placement, not who provides it: refused, never the distance table."""
    assert isinstance(reader.read(text), NotUnderstood)


OVERLAPPING = (
    "{figure} since April? Comparing April with June",
    "{figure} in Q1, April and June compared",
    "{figure} year to date vs May vs June",
)


def test_three_periods_that_overlap_are_never_set_side_by_side(service: LookupService) -> None:
    """April, April to June and June compared at once is no comparison: asked, never answered with a change."""
    rng = random.Random(SEED)
    for _ in range(20):
        question = rng.choice(OVERLAPPING).format(figure=rng.choice(FIGURES))
        answer = service.ask("U", "C", question)
        if answer.outcome == "answered":
            names = answer.title.split(", ", 1)[-1].split(" against ")
            assert len(names) <= 2, (question, answer.title)


GROUPS_NOW = ("children in our care", "LAC", "looked after children", "CSE children", "kids in care")
NOW_WORDS = ("missing right now", "missing now", "missing at the moment, as at today")


def test_still_missing_now_of_a_group_is_never_answered_with_all_children(reader: Reader) -> None:
    """Still missing is counted of all children: asked for those in care, it is refused or asked about."""
    rng = random.Random(SEED)
    for _ in range(30):
        question = f"how many {rng.choice(GROUPS_NOW)} are {rng.choice(NOW_WORDS)}"
        reading = reader.read(question)
        assert not (isinstance(reading, Question) and reading.subject == "duration.still_missing"), question
    assert isinstance(reader.read("how many children are missing right now"), Question)


@pytest.mark.parametrize("layout", ["cell", "box", "column", "line"])
def test_where_a_figure_sits_in_the_pack_is_no_word_of_what_it_counts(reader: Reader, layout: str) -> None:
    """Someone filling in the pack names the cell: "what goes in the June cell for row 2.1" is row 2.1 for June."""
    reading = reader.read(f"what goes in the June {layout} for row 2.1?")
    assert isinstance(reading, Question), layout
    assert reading.subject == "episodes.lac", layout


@pytest.mark.parametrize("said", ["all year", "all this year"])
def test_all_year_is_the_year_so_far(reader: Reader, said: str) -> None:
    reading = reader.read(f"LAC episodes {said}")
    assert isinstance(reading, Question), said
    assert reading.period.kind.value == "ytd", said
