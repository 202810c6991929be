"""Rules that refuse or ask rather than guess, over generated questions (a seeded generator): each is the cause of a
wrong answer found in writers I to L's questions, fixed for every question of its shape."""

from __future__ import annotations

import random

import pytest

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


@pytest.fixture(scope="module")
def service(reference_service: LookupService) -> LookupService:
    return reference_service


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
