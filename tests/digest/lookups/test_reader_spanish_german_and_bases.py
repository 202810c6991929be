"""Spanish false friends, German English, Bristolian, a base said with the one it is not ("of those accepted, not
offered"), and the other local authority's children asked of those not a client: what round sixty-four's development
questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answered_alike

MONTHS = ["April", "May", "June"]
ROWS = ["LAC episodes", "missing episodes", "CSE episodes", "RHIs offered", "not a client episodes"]
PERIODS = ["April", "May", "June", "ytd", "Q1"]


@pytest.mark.parametrize("seed", range(2))
def test_spanish_german_and_bristol_words_read_as_what_they_mean(service: LookupService, seed: int) -> None:
    """The property behind the cases: "the totality of the episodes" is all the episodes, "not realised" not
    completed, "month for month" month by month, "babber" and "my luvver" forms of address; each had been refused
    whole, or read past ("the totality" as a word that may name someone)."""
    rng = random.Random(seed)
    for _ in range(3):
        month, row = rng.choice(MONTHS), rng.choice(ROWS)
        assert_answered_alike(
            service,
            f"Of the totality of the episodes in {month}, which percentage are LAC?",
            f"Of all the episodes in {month}, which percentage are LAC?",
        )
        assert_answered_alike(
            service,
            f"how many RHI were not realised in the 3 working days in {month}?",
            f"how many RHIs were not completed in 3 working days in {month}?",
            title=False,
        )
        assert_answered_alike(service, f"{row} month for month, April to June", f"{row} month by month, April to June")
        assert_answered_alike(service, f"alright babber, {row} {month} please my luvver", f"{row} {month}")


@pytest.mark.parametrize("seed", range(2))
def test_a_base_said_with_the_one_it_is_not(service: LookupService, seed: int) -> None:
    """The property behind the cases: "RHIs done within 3 working days - of those accepted, not offered" is those done
    in time; the "not" had turned it into those not done in time (65 for 208 over the year, a wrong figure)."""
    rng = random.Random(seed)
    for _ in range(3):
        period = rng.choice(PERIODS)
        base = rng.choice(["of those accepted, not offered", "% of accepted, not offered", "of accepted not offered"])
        assert_answered_alike(
            service, f"RHIs done within 3 working days {period} - {base}", f"RHIs done within 3 working days {period}"
        )


@pytest.mark.parametrize("seed", range(2))
def test_the_other_local_authoritys_children_among_those_not_a_client(service: LookupService, seed: int) -> None:
    """The property behind the cases: "the not a client lot in June, how many of em was other local authority kids"
    and "not a client, but only the ones from other LAs" are the other LA row (both rows had been given)."""
    rng = random.Random(seed)
    for _ in range(3):
        month = rng.choice(MONTHS)
        assert_answered_alike(
            service,
            f"the not a client lot in {month}, how many of em was other local authority kids",
            f"other local authority episodes {month}",
        )
        assert_answered_alike(
            service,
            f"not a client, but only the ones from other LAs - {month}",
            f"other local authority episodes {month}",
        )


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("how many childrens are missing actually?", "still missing now"),
        ("/missing how many episodes in the last trimester, the totality", "episodes Q1"),
        ("social care status of the episodes, the totality from april to june (early help, CIN, CPP...)", "status Q1"),
        (
            "From the LAC episodes in June, which part were placed at 10 miles or less from home?",
            "10 miles or under June",
        ),
        ("which age is having more episodes in June?", "which age had the most episodes in June"),
        (
            "which month of the trimester was the worst for the return interviews offered, the one with less?",
            "which month in the quarter had the fewest RHIs offered",
        ),
        (
            "Hello, I need for the DMT-paper the number of children with 3 or more episodes in the first quarter",
            "3+ Q1",
        ),
        (
            "How were the Return-Home-Interviews in June? Offered, accepted, in time and not in time - the complete "
            "section please.",
            "return home interviews June",
        ),
        ("early help episodes for may please my luvver", "early help May"),
    ],
)
def test_what_this_round_taught(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # found by the review: "separately" is no "each" (episodes per child), "are missing actually in May" is May's,
        # "I realised" is no "completed", "month for month" beside two months or a change is the change, "which are
        # having more" no ranking
        ("LAC and CSE episodes separately for June", "LAC and CSE episodes for June"),
        ("how many kids are missing actually in may", "how many kids went missing in May"),
        ("I realised LAC went up in May, how many were there?", "LAC went up in May, how many were there?"),
        ("compare June and May month for month", "compare June and May"),
        ("month for month, is June up on May for episodes?", "is June up on May for episodes?"),
        ("which are having more episodes in June", "episodes June"),
    ],
)
def test_what_this_rounds_rules_must_leave_as_it_was(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)
