"""Another area's figures asked beside this council's ("... and how does that sit against England?", "national is
6.8", "SN trend is flat"), emails flattened onto one line ("RE: ... Hi, ...? Thanks, Sue"), Yorkshire ("int' June
figures", "owt", "young 'uns"), figures asked in a form ("to the nearest ten", "1 dp"): what round forty-five's
development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import BENCHMARK_NOT_HELD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

KNOWN = [
    "LAC episodes in June",
    "how many CSE episodes in May",
    "children missing in April",
    "RHIs completed in time June",
    "episodes per child this year",
]
BENCHMARKS = [
    " - and how does that sit against England?",
    ", national is 6.8",
    " - SN average is about half, where are we",
    " vs statistical neighbours",
    " - want to line it up with the regional group",
    " compared to the England average",
]
SUBJECTS = ["RE: quick one", "FW: board paper numbers", "Subject: figures for the panel", "RE: RE: missing data"]
GREETINGS = ["Hi,", "Hi there,", "Hello all -", "Morning,", "Hiya"]
SIGN_OFFS = [" Thanks, Sue", " ta", " Cheers, Dave", " Many thanks.", " Thanks"]
FORMS = [", to the nearest ten please", " (1 dp)", ", rounded to the nearest 10", ", to one decimal place"]


@pytest.mark.parametrize("seed", range(3))
def test_another_areas_figures_are_said_not_held_and_ours_given(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question in KNOWN:
        typed = question + rng.choice(BENCHMARKS)
        title, lines = answered(service, typed)
        plain_title, plain_lines = answered(service, question)
        assert (title, lines[:-1]) == (plain_title, plain_lines), typed
        assert lines[-1] == BENCHMARK_NOT_HELD, (typed, lines)


@pytest.mark.parametrize("seed", range(3))
def test_an_email_on_one_line_is_its_question(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question in KNOWN:
        typed = f"{rng.choice(SUBJECTS)} {rng.choice(GREETINGS)} {question}?{rng.choice(SIGN_OFFS)}"
        assert answered(service, typed) == answered(service, question), typed


@pytest.mark.parametrize("seed", range(2))
def test_a_figure_asked_in_a_form_is_the_figure(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question in KNOWN:
        typed = question + rng.choice(FORMS)
        assert answered(service, typed) == answered(service, question), typed


def test_a_question_about_england_alone_is_refused() -> None:
    from digest.lookups.benchmarks import without_benchmark

    assert without_benchmark("how many LAC episodes in England in June") == (
        "how many LAC episodes in England in June",
        False,
    )
    assert without_benchmark("children placed here by neighbouring councils - June") == (
        "children placed here by neighbouring councils - June",
        False,
    )


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("How many missing episodes were there int' June figures?", "Missing episodes, June 2019", "*116*"),
        ("is there owt still missing right now?", "Still missing now", "*0*"),
        (
            "how many of our looked after lasses and lads went missing in April, number of kids mind",
            "Looked-after children missing, April 2019",
            "*20*",
        ),
        ("on average how many times does each young 'un go missing, June", "Episodes per child, June 2019", "*2.2*"),
        (
            "how many RHIs weren't done in 3 working days in June, the late uns",
            "Return home interviews not completed in time, June 2019",
            "*22 (31% of 71 accepted)*",
        ),
        ("what's our episodes-per-child this year", "Episodes per child, April to June 2019", "*3.6*"),
        (
            "RE: length of episodes Hi, how long are kids usually missing for? average for June would be fine. Thanks",
            "Average (mean) length of a closed episode, June 2019",
            "*0.9 days*",
        ),
        (
            "placed in our area by other councils - how many times did they go missing last month?",
            "Episodes of children from another local authority, June 2019",
            "*15",
        ),
    ],
)
def test_yorkshire_and_other_ways_of_asking(service: LookupService, text: str, title: str, figure: str) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("RE: May figures Hi, how many LAC episodes were there?", "LAC episodes, May 2019", "*87*"),
        ("RE: CSE Hi team, how many episodes in May?", "Episodes at CSE risk (medium/high), May 2019", "*16*"),
        ("Subject: Early Help Hi all, how many episodes in June?", "Early Help, June 2019", "*9 (8% of 116 episodes)*"),
        ("RE: Q1 vs Q4 Hi, can you compare LAC episodes? ta", "LAC episodes, January to March 2019 against", None),
        ("Re: LAC episodes in May - need them by tomorrow morning", "LAC episodes, May 2019", "*87*"),
        ("RE: CSE episodes for May - dear me, they look high?", "Episodes at CSE risk (medium/high), May 2019", "*16*"),
        ("Subject: Female episodes YTD Morning, what's the figure?", "Female, April to June 2019", "*172"),
    ],
)
def test_an_emails_subject_names_what_its_body_does_not(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "title", "last"),
    [
        ("How many CSE episodes and how does that compare to the SN average for May?", "Episodes at CSE risk", None),
        ("How many LAC episodes? comparators for Q1 please", "LAC episodes, April to June 2019 (Q1 2019/20)", None),
        ("LAC episodes June - in the region of 70?", "LAC episodes, June 2019", "That is 4 over the figure you gave."),
        ("How many episodes in June? Our regional manager wants it", "Missing episodes, June 2019", "Year to date"),
        ("Is June's episode count 120 to the nearest ten?", "Missing episodes, June 2019", "That is 4 short of"),
        ("How many LAC episodes in May? that will do", "LAC episodes, May 2019", "Year to date"),
        ("How many 31-40 miles in June? 31-50 would be fine", "31-40 miles, June 2019", "Year to date"),
    ],
)
def test_what_the_rounds_rules_must_leave_alone(
    service: LookupService, text: str, title: str, last: str | None
) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    if last is None:
        assert lines[-1] == BENCHMARK_NOT_HELD, (text, lines)
    else:
        assert lines[-1].startswith(last), (text, lines)


def test_the_lasses_and_lads_split_is_the_two_rows(service: LookupService) -> None:
    assert answered(service, "What's the lasses and lads split for June?")[0] == "Gender, June 2019"
