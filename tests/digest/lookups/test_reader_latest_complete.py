"""The latest complete data in words ("the latest full month", "the most recent finished month", "the last complete
quarter", "YTD up to the last full month"), question tags ("LAC was 74 in June, wasn't it?") and a legal drafter's
phrases ("compared with the preceding month", "remained missing"): what round thirty-six's development questions
showed. Answers are asked of the reference June 2019 store, as at 18/07/2019 (the latest complete month June, the last
complete quarter Q1)."""

from __future__ import annotations

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

LATEST_MONTH = [
    "the latest full month",
    "the most recent finished month",
    "the last complete month",
    "the last whole month we have",
    "the latest month with full data",
    "the most recent complete month",
]
LAST_QUARTER = ["the last complete quarter", "the latest full quarter", "the most recent finished quarter"]


@pytest.mark.parametrize("said", LATEST_MONTH)
def test_the_latest_complete_month_is_june(service: LookupService, said: str) -> None:
    assert_answers(service, f"how many LAC episodes in {said}?", "LAC episodes, June 2019", "*74*")


@pytest.mark.parametrize("said", LAST_QUARTER)
def test_the_last_complete_quarter_is_q1(service: LookupService, said: str) -> None:
    assert_answers(service, f"CP episodes over {said}", "CPP, April to June 2019 (Q1 2019/20)")


@pytest.mark.parametrize(
    "text",
    ["LAC episodes YTD up to the last full month?", "care status breakdown YTD to the end of the last full month"],
)
def test_the_year_to_date_up_to_the_latest_full_month_is_the_year_to_date(service: LookupService, text: str) -> None:
    said, _ = answered(service, text)
    assert "April to June 2019 (2019/20 year to date)" in said, said


def test_a_trend_up_to_the_latest_full_month_is_the_months_to_june(service: LookupService) -> None:
    said, lines = answered(service, "trend in kids with 3+ episodes up to the latest full month?")
    assert said == "Children with 3 or more episodes, April to June 2019 month by month"
    assert lines[:3] == ["April 2019: 9", "May 2019: 9", "June 2019: 10"]


@pytest.mark.parametrize(
    ("text", "checked"),
    [
        ("Morning! LAC episodes were 47 in June, weren't they?", "No, that is not the figure you gave."),
        ("OLA was 15 in June, wasn't it?", "Yes, that is the figure you gave."),
        ("LAC kids with 3+ episodes is 14 for the year so far isnt it?", "Yes, that is the figure you gave."),
    ],
)
def test_a_question_tag_asks_for_a_check(service: LookupService, text: str, checked: str) -> None:
    _, lines = answered(service, text)
    assert lines[-1] == checked


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Please confirm the number of individual children who went missing in June 2019 compared with the "
            "preceding month.",
            "Children missing, May 2019 against June 2019",
        ),
        (
            "Please confirm whether any child remained missing as at the end of April 2019 and, if so, the number of "
            "such episodes.",
            "Still missing at the end of the month, April 2019",
        ),
        (
            "Number of CLA with 3 or more episodes, financial year 2019/20 to date. Individual children only please.",
            "Looked-after children with 3 or more LAC episodes, April to June 2019 (2019/20 year to date)",
        ),
    ],
)
def test_a_legal_drafters_phrases(service: LookupService, text: str, title: str) -> None:
    said, _ = answered(service, text)
    assert said == title


@pytest.mark.parametrize(
    "text",
    [
        "which childrens home had the most runaways last full month",
        "Please confirm whether the local authority's response to the missing episodes in June 2019 was adequate.",
    ],
)
def test_one_homes_figures_and_judgements_of_practice_are_not_held(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == "not understood"
