"""The financial year's months by number ("P3", "M3", "month 2 of the FY", "P1-P3", "P4 to date", "the last 6 periods"),
"var" and "movement", "on the basis of those offered", nights away as days missing ("one night and back the next
day", "at least 2 nights", "overnight or longer"), and children missing for the first time (not held): what round
forty-two's development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

FINANCIAL_MONTHS = ["april", "may", "june", "july", "august", "september", "october", "november", "december",
                    "january", "february", "march"]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_a_month_by_its_number_is_that_month(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for number in range(1, 4):  # the months with data: April to June 2019
        name = FINANCIAL_MONTHS[number - 1]
        figure = rng.choice(["LAC episodes", "children missing", "CSE episodes", "RHIs offered"])
        typed = rng.choice([f"{figure} P{number}", f"{figure} M{number}", f"{figure} in month {number} of the FY",
                            f"{figure} period {number}"])  # fmt: skip
        assert answered(service, typed) == answered(service, f"{figure} {name}"), typed


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "No. of looked after children who went missing in month 2 of the FY",
            "Looked-after children missing, May",
            "*33*",
        ),
        ("P4 to date - how many missing episodes so far?", "Missing episodes, July 2019 (partial month", "*0*"),
        ("LAC episodes by period P1-P3 pls", "LAC episodes, April to June 2019 month by month", "April 2019: 75"),
        ("H1 to date episodes month by month", "Missing episodes, April to July 2019 (partial", "April 2019: 129"),
        (
            "last 6 periods missing episodes, month by month",
            "Missing episodes, April to June 2019 month by month",
            None,
        ),
        ("what % of month 3 of the FY episodes were LAC", "LAC episodes, June 2019", "*74 (64% of 116 episodes)*"),
        ("white british episodes P2 vs P3 - var?", "A1 - White British, May 2019 against June 2019", None),
        (
            "CSE episodes P2 to P3, whats the movement",
            "Episodes at CSE risk (medium/high), May 2019 against June",
            None,
        ),
        (
            "Please provide the number of missing episodes recorded for the period 1 June 2019 to 30 June 2019.",
            "Missing episodes, June 2019",
            "*116*",
        ),
        (
            "did the repeat cohort grow may to june?",
            "Children with 3 or more episodes, May 2019 against June 2019",
            None,
        ),
    ],
)
def test_periods_as_finance_counts_them(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("on the basis of those offered, how many RHIs have been accepted YTD?", "*273 (92% of 298 offers"),
        ("on the basis of accepted interviews, what % of RHIs were completed on time so far this year?", "*208 (76%"),
    ],
)
def test_on_the_basis_of_names_the_base(service: LookupService, text: str, figure: str) -> None:
    assert answered(service, text)[1][0].startswith(figure)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("how many were out one night and back the next day in may", "1 day, May 2019", "*55 (42% of 130 episodes)*"),
        ("april - how many were away at least 2 nights", "2 days to More than 5 days (episodes), April 2019", "*21"),
        (
            "what proportion of june episodes went overnight or longer",
            "1 day to More than 5 days (episodes), June",
            "*63",
        ),
        ("how many kids stayed out two nights in june", "2 days, June 2019", "*2 (1.7% of 116 episodes)*"),
    ],
)
def test_nights_away_are_days_missing(service: LookupService, text: str, title: str, figure: str) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    assert lines[0].startswith(figure), (text, lines)


@pytest.mark.parametrize(
    "text",
    [
        "how many were new to us in june? first time missing, never been reported before",
        "first time missing kids june",
        "how many children had not gone missing before, this year",
    ],
)
def test_a_first_time_missing_is_not_held(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD
    assert answer.lines[0].startswith("The report counts the children who went missing in a period")


@pytest.mark.parametrize("text", ["first time I've used this - LAC episodes june", "first time using this, LAC june"])
def test_the_askers_first_time_is_no_childs(service: LookupService, text: str) -> None:
    assert answered(service, text)[0] == "LAC episodes, June 2019"


@pytest.mark.parametrize(
    "text", ["how many of this year's frequent missers were frequent missers last year too", "same kids as in May?"]
)
def test_the_same_children_across_periods_is_not_held(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.lines[0].startswith("The report counts the children of each period on their own")


@pytest.mark.parametrize(
    "text",
    ["how many were back within the hour in june", "episodes lasting a few hours in june", "an hour or less, june"],
)
def test_hours_in_words_are_not_held(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.lines[0].startswith("The report counts days missing (calendar days"), (text, answer.lines)


def test_out_of_hours_is_no_hour(service: LookupService) -> None:
    assert answered(service, "out of hours LAC episodes june")[0] == "LAC episodes, June 2019"


def test_a_quiet_night_asks_for_nothing(service: LookupService) -> None:
    answer = service.ask("U", "C", "evening all, quiet night so far :) anything i should know?")
    assert not any(line.startswith("*") for line in answer.lines), answer.lines
