"""A whole breakdown asked without some of its rows ("age breakdown for June apart from the under tens"), "not each
month", a length "leaving out those still missing", dates said with their day ("since 1 April", "since 1st July",
"from April to today"), and dictated letters and mishearings ("oh el ay", "sin kids", "gypsy roamer"): what round
forty's development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

TABLES = [
    ("age breakdown for june", "Age, June 2019"),
    ("distance breakdown for june", "LAC placement distance, June 2019"),
    ("days missing breakdown for May", "Days missing, May 2019"),
    ("ethnicity split ytd", "Ethnicity, April to June 2019"),
    ("gender split for Q1", "Gender, April to June 2019"),
]
EXCEPTIONS = [
    "apart from the under tens",
    "other than the within 10 miles lot",
    "not counting same-day returns",
    "excluding white british",
    "except the not recorded ones",
    "leaving out the boys",
]


@pytest.mark.parametrize("seed", range(3))
def test_a_table_asked_without_some_rows_is_the_whole_table(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for table, title in TABLES:
        text = f"{table} {rng.choice(EXCEPTIONS)}"
        said, _ = answered(service, text)
        assert said.startswith(title), (text, said)
        assert answered(service, text)[0] == answered(service, table)[0]


@pytest.mark.parametrize("text", ["LAC episodes june excluding OLA", "episodes that weren't OLA in june"])
def test_a_figure_asked_without_a_row_is_still_no_figure(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == NOT_UNDERSTOOD


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("gender split for Q1, just the quarter total not each month", "Gender, April to June 2019 (Q1 2019/20)", None),
        (
            "median length of an episode ytd, leave out any still missing",
            "Median length of a closed episode",
            "*1 day*",
        ),
        (
            "average length of episodes in june excluding those still missing",
            "Average (mean) length of a closed episode, June 2019",
            "*0.9 days*",
        ),
        (
            "How many individual children at medium/high CSE risk have gone missing since 1 April 2019?",
            "Children at CSE risk (medium/high), April to June 2019",
            "*17*",
        ),
        ("since 1 April LAC episodes", "LAC episodes, April to June 2019", "*236*"),
        ("episodes since 1st July", "Missing episodes, July 2019 (partial month", "*0*"),
        ("episodes since july", "Missing episodes, July 2019 (partial month", "*0*"),
        ("kids missing from april to today", "Children missing, April to July 2019", "*104*"),
        ("LAC episodes from April 2019 to date", "LAC episodes, April to July 2019", "*236*"),
        ("how many episodes were sin kids in June question mark", "CIN, June 2019", "*5 (4% of 116 episodes)*"),
        ("how many gypsy roamer episodes in May question mark", "A5 - Gypsy / Roma, May 2019", None),
        (
            "how many oh el ay kids in June question mark comma the other local authority ones",
            "Episodes of children from another local authority, June 2019",
            "*15 (13% of 116 episodes)*",
        ),
        ("why tee dee LAC episodes", "LAC episodes, April to June 2019", "*236*"),
    ],
)
def test_what_round_forty_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize("day", [2, 3, 10, 17, 28])
def test_a_day_that_cuts_a_month_gets_no_figure(service: LookupService, day: int) -> None:
    suffix = {2: "nd", 3: "rd"}.get(day, "th")
    for text in [
        f"episodes since {day}{suffix} June",
        f"LAC episodes on {day}{suffix} June",
        f"episodes {day}{suffix} June",
    ]:
        answer = service.ask("U", "C", text)
        assert answer.outcome == NOT_UNDERSTOOD, (text, answer.title, answer.lines)
        assert answer.lines[0].startswith("The report counts by month"), (text, answer.lines)


@pytest.mark.parametrize(
    ("text", "title"),
    [("oh well, LAC episodes june", "LAC episodes"), ("oh dear, CSE episodes june", "Episodes at CSE")],
)
def test_words_that_are_letters_only_beside_letters(service: LookupService, text: str, title: str) -> None:
    said, _ = answered(service, text)
    assert said.startswith(title), (text, said)
