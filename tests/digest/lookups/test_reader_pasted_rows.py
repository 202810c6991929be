"""A spreadsheet's row pasted into a question ("CSE eps | Apr 17 | May 16 | Jun ?? whats june"), a family's three counts
asked at once ("CSE episodes, CSE children and CSE 3+ for Q1"), a headline ("the top line on LAC") and a period after
the data set against another: what round thirty-five's development questions showed. Answers are asked of the
reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("CSE eps | Apr 17 | May 16 | Jun ?? whats june", "Episodes at CSE risk (medium/high), June 2019", "*28*"),
        (
            "5.3b not completed in 3 wd | Apr 28 | May 41 | Jun 21 - check may",
            "Return home interviews not completed in time, May 2019",
            None,
        ),
        ("white british May 73 Jun 97, whats the change", "A1 - White British, May 2019 against June 2019", None),
        ("12yrs\tApr 16\tJun 7 - that right? quite a drop", "12yrs, April 2019 against June 2019", None),
        ("LAC placed more than 40 miles\tJun\t14 - check", "41-50 miles to 101+ miles (LAC episodes), June 2019", None),
    ],
)
def test_a_pasted_rows_numbers_are_never_read_as_years(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize("seed", range(3))
def test_cells_of_any_month_with_any_figures_stay_in_2019(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    months = ["Apr", "May", "Jun"]
    for _ in range(8):
        cells = " | ".join(f"{m} {rng.randint(0, 99)}" for m in months)
        said, _ = answered(service, f"LAC episodes | {cells} - check june")
        assert said == "LAC episodes, June 2019", (cells, said)


def test_two_digit_years_are_still_years(service: LookupService) -> None:
    said, _ = answered(service, "episodes jun 19 vs jun 18")
    assert said == "Missing episodes, June 2018 against June 2019"


@pytest.mark.parametrize(
    ("text", "title", "lines"),
    [
        (
            "CSE episodes, CSE children and CSE 3+ for Q1 please",
            "Children with 3 or more CSE-risk episodes and Episodes at CSE risk (medium/high) and Children at CSE risk "
            "(medium/high), April to June 2019",
            [
                "Children with 3 or more CSE-risk episodes, April to June 2019: 4",
                "Episodes at CSE risk (medium/high), April to June 2019: 61",
                "Children at CSE risk (medium/high), April to June 2019: 17",
            ],
        ),
    ],
)
def test_a_familys_three_counts_are_each_answered(
    service: LookupService, text: str, title: str, lines: list[str]
) -> None:
    assert answered(service, text) == (title, lines)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "How many children at medium or high risk of CSE went missing three or more times in June?",
            "Children with 3",
        ),
        ("repeat mispers last month - how many kids had 3 or more episodes", "Children with 3 or more episodes, June"),
    ],
)
def test_3_or_more_and_medium_or_high_are_one_count(service: LookupService, text: str, title: str) -> None:
    said, _ = answered(service, text)
    assert said.startswith(title), said
    assert " and " not in said, said


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "episodes in Sept 2019 as a % of Q2 total?",
            "There are no figures for September 2019 in the latest snapshot.",
        ),
        ("LAC episodes June vs August 2019", "There are no figures for August 2019 in the latest snapshot."),
    ],
)
def test_a_period_after_the_data_set_against_another_has_no_figure(
    service: LookupService, text: str, title: str
) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == "no data"
    assert answer.title == title


def test_the_top_line_is_the_rows_figure_and_a_board_day_is_talk(service: LookupService) -> None:
    assert_answers(service, "the key figure for LAC episodes in May", "LAC episodes, May 2019", "*87*")
    answer = service.ask("U", "C", "morning! hope ur well, big board day")
    assert answer.title.startswith("Ask about any row of the report"), answer.title
