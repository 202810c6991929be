"""A month against what is usual ("is June higher than usual?"), a shift log's or ticket's marks around a question
("[09:14]", "INC0045512 -", "- pending"), Scots English ("how mony weans wis oot mair than a week"), groups the report
does not cross ("LAC girls", "RHIs for CSE kids"): what round thirty-two's development questions showed. Answers are
asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import ANSWERED, NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "is June higher than usual for LAC episodes?",
            [
                "*74*",
                "Average a month of the year's other months: 81.0 (April 2019 75, May 2019 87).",
                "June 2019 is below that average.",
            ],
        ),
        (
            "Was May above the monthly average for the year?",
            [
                "*130*",
                "Average a month of the year's other months: 122.5 (April 2019 129, June 2019 116).",
                "May 2019 is above that average.",
            ],
        ),
        (
            "is the % of RHIs done on time in June below usual?",
            [
                "*49 (69% of 71 accepted)*",
                "Average a month of the year's other months (as a share): 78.1% (April 2019 65 (70% of 93 accepted), "
                "May 2019 94 (86% of 109 accepted)).",
                "June 2019 is below that average.",
            ],
        ),
    ],
)
def test_a_month_is_set_against_the_average_of_its_years_other_months(
    service: LookupService, text: str, lines: list[str]
) -> None:
    title, said = answered(service, text)
    assert title.endswith("against the year's other months"), title
    assert said == lines


@pytest.mark.parametrize(
    "text",
    [
        "unusually high number of 17+ in June?",
        "Is the OLA figure in June out of the ordinary?",
        "How does June compare with the average month so far?",
        "14 yr olds in June - above the norm?",
        "number of individual children missing in June - higher or lower than our monthly average?",
    ],
)
def test_the_ways_of_asking_what_is_usual(service: LookupService, text: str) -> None:
    title, lines = answered(service, text)
    assert title.endswith("June 2019 against the year's other months"), (text, title)
    assert lines[-1] in ("June 2019 is below that average.", "June 2019 is above that average."), lines


def test_a_mean_of_episodes_per_child_or_per_month_is_no_usual(service: LookupService) -> None:
    assert_answers(
        service, "average episodes per month this year", "Missing episodes, April to June 2019 month by month"
    )
    assert_answers(
        service, "LAC children in June, how many episodes each on average", "Episodes per child (LAC)", "*2.6*"
    )


@pytest.mark.parametrize("text", ["is LAC higher than usual this year?", "Is July higher than usual?"])
def test_a_year_or_a_month_so_far_against_the_usual_asks_for_a_whole_month(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD
    assert answer.title.endswith("against the usual")  # no month named that was not asked
    assert answer.lines == [
        'Name one whole month to set against the year\'s others, such as "is June higher than usual?".'
    ]


# A log's or a ticket's marks, before and after; none of their numbers is ever a figure asked.
PREFIXES = ["[09:14] ", "[13:05] ", "18/07 10:02 - ", "Ref MR-2231: ", "INC0045512 - ", "log #451 - ", "JB: ", ""]
STATUSES = ["", " - pending", " (urgent)", " - chased", " (tbc)"]
BARE = [
    ("how many missing episodes in June?", "Missing episodes, June 2019", "*116*"),
    ("no. of individual kids gone missing YTD", "Children missing, April to June 2019", "*104*"),
    ("LAC episodes last month", "LAC episodes, June 2019", "*74*"),
    ("how many were still missing at the end of april", "Still missing at the end of the month, April 2019", None),
    ("days missing breakdown for june", "Days missing, June 2019", None),
]


@pytest.mark.parametrize("seed", range(3))
def test_log_marks_are_no_part_of_the_question(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare, title, figure in BARE:
        text = rng.choice(PREFIXES) + rng.choice(PREFIXES) + bare + rng.choice(STATUSES)
        assert_answers(service, text, title, figure)


@pytest.mark.parametrize(("text", "title"), [("LAC: June?", "LAC episodes, June 2019"), ("RHI: offered May", "Return")])
def test_a_code_before_a_colon_is_still_the_code(service: LookupService, text: str, title: str) -> None:
    assert_answers(service, text, title)


def test_a_childs_reference_before_a_question_about_them_is_still_refused(service: LookupService) -> None:
    answer = service.ask("U", "C", "Ref 10234: is he still missing?")
    assert answer.outcome == NOT_UNDERSTOOD
    assert "10234" not in " ".join([answer.title, *answer.lines])


# Scots words for the English the reader knows: (Scots, English).
SCOTS = [
    ("how mony missing episodes wis there in June", "how many missing episodes was there in June"),
    ("how mony weans have had 3 or mair episodes ytd", "how many children have had 3 or more episodes ytd"),
    ("LAC placed 21 tae 30 mile away in June?", "LAC placed 21 to 30 mile away in June?"),
    (
        "how mony episodes wur weans placed ower 100 mile away, June",
        "how many episodes were children placed over 100 mile away, June",
    ),
    ("episodes whaur weans wis oot at least two days, ytd", "episodes where children was out at least two days, ytd"),
    ("mair lassies or laddies going missing in June?", "more girls or boys going missing in June?"),
    ("LAC weans missing month by month fae April", "LAC children missing month by month from April"),
    (
        "LAC episodes June compared tae April, is it no higher?",
        "LAC episodes June compared to April, is it not higher?",
    ),
]


@pytest.mark.parametrize(("scots", "english"), SCOTS)
def test_scots_words_read_as_their_english(service: LookupService, scots: str, english: str) -> None:
    assert answered(service, scots) == answered(service, english)


@pytest.mark.parametrize(
    "text",
    [
        "LAC girls missing last month?",
        "CSE boys June",
        "BME children in care who went missing in june?",
        "RHIs for CSE kids in June",
        "were RHIs for LAC kids done on time in june",
        "how many return interviews were offered to looked after children in June",
        "OLA kids placed 50+ miles away?",
    ],
)
def test_groups_the_report_does_not_cross_are_never_answered_as_one(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD, (text, answer.title, answer.lines)
    assert answer.lines[0].startswith(
        ("No row of the report counts those together", "The return interview rows", "Those rows count every episode")
    ), answer.lines


@pytest.mark.parametrize("text", ["CPP vs LAC episodes last month", "girls and boys June", "RHIs offered June"])
def test_groups_side_by_side_or_alone_are_not_refused(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome in (ANSWERED, "clarify")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("last 6 months of LAC episodes as a CSV please", "LAC episodes, April to June 2019 month by month", None),
        (
            "of the weans offered a return interview in June whit % took it",
            "Return home interviews accepted, June 2019",
            "*71 (84% of 85 offers with an answer recorded)*",
        ),
        ("how many RHIs offered in June? need it for 5.1", "Return home interviews offered, June 2019", None),
        ("LAC children missing month by month from April", "Looked-after children missing, April to June 2019", None),
    ],
)
def test_what_else_round_thirty_two_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)
