"""Months named relative to another ("the month before June", "two months before June", "the quarter ending June"),
runs said with "through to" or "up to", South African English's talk words, "the lot": what round fifty-six's
development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.relations import name_relative_months, names_relation
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answered_alike

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
MONTHS += ["November", "December"]
ROWS = ["LAC episodes", "missing episodes", "CSE episodes", "girls", "RHIs offered", "gender breakdown"]
COUNTS = {"two": 2, "three": 3, "2": 2}
LATEST = 2019 * 12 + 6  # July 2019, the month of the reference store's as-at time (a month index)


def _same(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


@pytest.mark.parametrize("seed", range(3))
def test_a_month_before_or_after_another_is_that_month(service: LookupService, seed: int) -> None:
    """The property behind the cases: any row, asked for the month (or N months) before or after any month, in any of
    the ways said, is answered as that month named with its year (a month before the data, or to come, has no data
    either way)."""
    rng = random.Random(seed)
    for _ in range(6):
        row, named = rng.choice(ROWS), rng.randrange(12)
        way, sign = rng.choice([("before", -1), ("preceding", -1), ("after", 1), ("following", 1)])
        count_word, count = rng.choice([("", 1), *COUNTS.items()])
        said = f"{count_word} months {way}" if count_word else f"the month {way}"
        # a month named alone is its latest at the as-at time (October: October 2018), and so the month from it
        index = LATEST - (LATEST - named) % 12 + sign * count
        _same(service, f"{row} {said} {MONTHS[named]}", f"{row} {MONTHS[index % 12]} {index // 12}")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("LAC episodes for the quarter ending June", "LAC episodes April to June"),
        ("RHIs offered each month for the three months up to June", "RHIs offered each month April to June"),
        ("CSE episodes, the two months before June", "CSE episodes April to May"),
        ("RHI acceptance in the month following May v the month before it", "RHIs accepted June v May"),
        ("girls vs boys in the quarter ending June", "girls vs boys in Q1 2019/20"),
        ("LAC in April to June and the month before that", "LAC in April to June against March 2019"),
        ("the quarter ending June last year, LAC", "LAC Q1 2018/19"),
        ("episodes the month after July", "episodes August 2019"),
        ("episodes in the month after December 2018", "episodes in January 2019"),
        ("all episodes April through to June, month by month", "all episodes April to June, month by month"),
        ("CSE episodes by month, April up to June", "CSE episodes by month, April to June"),
        ("howzit, how many missing episodes did we have in June?", "how many missing episodes did we have in June?"),
        (
            "eish, were there more LAC children missing in May or June?",
            "were there more LAC children missing in May or June?",
        ),
    ],
)
def test_relations_runs_and_talk_read_as_the_plain_question(service: LookupService, text: str, same_as: str) -> None:
    _same(service, text, same_as)


@pytest.mark.parametrize(
    "text",
    [
        "the month before last",
        "a month before the report",
        "months before June were quiet?",
        "LAC each month before June",
        "which month after April had the most LAC",
        "LAC the next two months after April",
    ],
)
def test_no_month_named_is_no_relation(text: str) -> None:
    """ "the month before last" is the reader's own relative period; "before the report" names no month."""
    assert not names_relation(text), text
    assert name_relative_months(text, LATEST) == text, text


def test_advice_said_with_be_doing_is_advice(service: LookupService) -> None:
    answer = service.ask("U", "C", "what should we be doing about the RHI dip in the month following May?")
    assert answer.outcome == "not understood"
    assert "advice" in answer.lines[0].lower() or "what to do" in answer.lines[0].lower(), answer.lines


PAIRS = [("LAC", "CSE"), ("girls", "boys"), ("early help", "CIN"), ("white british", "gypsy roma"), ("LAC", "non-LAC")]


@pytest.mark.parametrize("seed", range(2))
def test_rows_set_against_each_other_over_a_run_keep_the_run(service: LookupService, seed: int) -> None:
    """The property behind the case: two rows set against each other ("vs", "v", "against", "compared with") over a
    run of months are the two rows over the whole run, as "A and B" are; it had set the run's first month against
    its last and dropped the months between (a wrong figure, older than the session)."""
    rng = random.Random(seed)
    for _ in range(5):
        (a, b), against = rng.choice(PAIRS), rng.choice(["vs", "v", "against", "compared with"])
        first, last = sorted(rng.sample(range(3, 6), 2))  # April to June: months with data
        run = rng.choice([f"from {MONTHS[first]} to {MONTHS[last]}", f"{MONTHS[first]} to {MONTHS[last]}"])
        _same(service, f"{a} {against} {b} {run}", f"{a} and {b} {run}")
