"""A period put right as it is said ("missing in June? er, sorry, I mean May"), an analyst's notation ("≥3 eps", "Σ Q1",
"μ per month", "Δ", "n = ?", "dist'n", "min"), "vis-à-vis", "med/hi", "White Brit", and "which care home": what round
forty-three's development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

MONTHS = ["april", "may", "june"]
CORRECTIONS = ["sorry, I mean", "er, sorry, no,", "- no wait,", "I mean", "or rather", "sorry,"]


@pytest.mark.parametrize("seed", range(3))
def test_the_period_put_right_is_the_one_answered(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for figure in ["LAC episodes", "CSE episodes", "children missing", "RHIs offered"]:
        said, meant = rng.sample(MONTHS, 2)
        typed = f"{figure} in {said}, {rng.choice(CORRECTIONS)} {meant}"
        assert answered(service, typed) == answered(service, f"{figure} {meant}"), typed


@pytest.mark.parametrize(
    "text", ["LAC episodes june sorry to bother you", "LAC episodes in June, I mean the looked after ones"]
)
def test_a_sorry_that_puts_nothing_right_changes_nothing(service: LookupService, text: str) -> None:
    assert answered(service, text)[0] == "LAC episodes, June 2019"


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("# children w/ ≥3 eps May", "Children with 3 or more episodes, May 2019", "*9*"),
        ("n CSE kids (med/hi risk) Σ Q1", "Children at CSE risk (medium/high), April to June 2019", "*17*"),
        ("CSE cases ≥ 3 eps jun", "Children with 3 or more CSE-risk episodes, June 2019", "*3*"),
        ("White Brit eps May-19 n (%)", "A1 - White British, May 2019", "*73 (56% of 130 episodes)*"),
        ("min CSE eps month YTD", "Episodes at CSE risk (medium/high), April to June 2019 month by month", None),
        ("μ per month eps Q1", "Missing episodes, April to June 2019 month by month", "*Average a month: 125.0*"),
        ("LAC placement distance dist'n May-19", "LAC placement distance, May 2019", None),
        ("Δ LAC eps May→Jun", "LAC episodes, May 2019 against June 2019", None),
        ("Number of individual children missing this month vis-à-vis last month?", "Children missing, June 2019", None),
    ],
)
def test_an_analysts_notation(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


def test_which_care_home_is_not_held(service: LookupService) -> None:
    answer = service.ask("U", "C", "Which care home had the most children going missing in June?")
    assert not any(line.startswith("*") for line in answer.lines), answer.lines


def test_minutes_are_no_lowest(service: LookupService) -> None:
    answer = service.ask("U", "C", "LAC episodes in 10 min")
    assert "lowest" not in " ".join(answer.lines).lower(), answer.lines
