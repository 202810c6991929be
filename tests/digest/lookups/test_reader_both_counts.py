"""A row's episodes and its children asked for together ("LAC episodes and children in June", "CSE episodes in June
and how many YP is that"): both, as the report prints them side by side, with no "N more" between two things counted
differently; several figures month by month, each its own run; and what round twenty-eight's development questions
showed besides (impatience and asides read past, no clarification where every choice has no data). Answers are asked
of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import ANSWERED, NO_DATA, NOT_UNDERSTOOD
from digest.lookups.questions import Clarification, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

# The reference report's June 2019 figures for each family: (episodes label, episodes, children label, children).
JUNE = {
    "LAC": ("LAC episodes", 74, "Looked-after children missing", 28),
    "CSE": ("Episodes at CSE risk (medium/high)", 28, "Children at CSE risk (medium/high)", 9),
    "": ("Missing episodes", 116, "Children missing", 53),
}


def test_a_rows_episodes_and_children_are_both_answered(service: LookupService) -> None:
    title, lines = answered(service, "LAC episodes and children in June")
    assert title == "LAC episodes and Looked-after children missing, June 2019"
    assert lines == ["LAC episodes, June 2019: 74", "Looked-after children missing, June 2019: 28"]


def test_a_second_part_asking_the_other_count_gets_it(service: LookupService) -> None:
    title, lines = answered(service, "cse med/high episodes in june and how many YP is that")
    assert title.endswith(", June 2019")
    assert sorted(lines) == [
        "Children at CSE risk (medium/high), June 2019: 9",
        "Episodes at CSE risk (medium/high), June 2019: 28",
    ]


def _both_counts_questions(seed: int) -> list[tuple[str, str]]:
    """Questions naming a family's episodes in one part and its children in another, in many wordings."""
    rng = random.Random(seed)
    episodes = ["episodes", "eps", "missing episodes", "incidents"]
    children = ["children", "kids", "young people", "how many children", "how many kids is that", "no. of kids"]
    joins = [" and ", ", ", " & ", " plus "]
    periods = ["in June", "June", "for June 2019", "jun-19"]
    made = []
    for family in ("LAC", "CSE", ""):
        for _ in range(8):
            first, second = f"{family} {rng.choice(episodes)}".strip(), rng.choice(children)
            parts = [first, second] if rng.random() < 0.5 else [second + (f" {family}" if family else ""), first]
            made.append((f"{parts[0]}{rng.choice(joins)}{parts[1]} {rng.choice(periods)}", family))
    return made


@pytest.mark.parametrize("seed", range(3))
def test_both_counts_are_the_rows_own_and_never_set_against_each_other(service: LookupService, seed: int) -> None:
    for text, family in _both_counts_questions(seed):
        answer = service.ask("U", "C", text)
        assert answer.outcome == ANSWERED, (text, answer.title)
        episodes_label, episodes, children_label, children = JUNE[family]
        shown = "\n".join(answer.lines)
        assert f"{episodes_label}, June 2019: {episodes}" in shown, (text, answer.lines)
        assert f"{children_label}, June 2019: {children}" in shown, (text, answer.lines)
        assert "more:" not in shown, (text, answer.lines)  # episodes and children are not set against each other
        if family:  # a group's episodes never beside every child
            assert "Children missing, June 2019" not in shown, (text, answer.lines)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "How many looked after children went missing in April? I mean the number of children rather than the "
            "number of episodes",
            "Looked-after children missing, April 2019",
            "*20*",
        ),
        ("How many missing episodes were there in June 2019, all children?", "Missing episodes, June 2019", "*116*"),
        (
            "Further to the performance report circulated to members, how many individual children have been "
            "reported missing in this financial year, up to the end of June?",
            "Children missing, April to June 2019",
            None,
        ),
        (
            "CSE medium/high - how many CHILDREN in june, and no I dont want episodes this time",
            "Children at CSE",
            "*9*",
        ),
    ],
)
def test_one_count_asked_is_answered_alone(service: LookupService, text: str, title: str, figure: str | None) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    assert " and " not in said, (text, said)
    if figure is not None:
        assert lines[0] == figure, (text, lines)


def test_all_children_names_whose_episodes_not_a_second_count(service: LookupService) -> None:
    """ "all children" beside episodes says whose episodes (every child's), never a count of children beside them: the
    episodes are answered alone (since round fifty-five; asked back before)."""
    said, lines = answered(service, "Incidence of missing episodes, all children, June 2019?")
    assert (said, lines[0]) == ("Missing episodes, June 2019", "*116*")


def test_a_comparison_of_both_counts_gives_each_change(service: LookupService) -> None:
    title, lines = answered(service, "LAC episodes and children april vs june")
    assert title == "LAC episodes and Looked-after children missing, April 2019 against June 2019"
    assert "LAC episodes, change from April 2019 to June 2019: down 1." in lines
    assert "Looked-after children missing, change from April 2019 to June 2019: up 8." in lines


def test_several_figures_month_by_month_are_each_a_run(service: LookupService) -> None:
    title, lines = answered(service, "girls and boys month by month")
    assert title == "Female and Male, April to June 2019 month by month"
    assert lines[0] == "*Female*"
    assert "*Male*" in lines
    male = lines[lines.index("*Male*") + 1 :]
    assert male[:3] == [
        "April 2019: 78 (60% of 129 episodes)",
        "May 2019: 72 (55% of 130 episodes)",
        "June 2019: 53 (46% of 116 episodes)",
    ]
    assert sum(line.startswith("No data before") for line in lines) <= 1


def test_runs_of_both_counts_reach_back_once(service: LookupService) -> None:
    title, lines = answered(service, "LAC episodes and children month by month last 6 months")
    assert title == "LAC episodes and Looked-after children missing, April to June 2019 month by month"
    children = lines[lines.index("*Looked-after children missing*") + 1 :]
    assert children[:3] == ["April 2019: 20", "May 2019: 33", "June 2019: 28"]
    assert lines.count("No data before April 2019: the data starts then.") == 1


@pytest.mark.parametrize(
    "text",
    ["what was the CSE missing figure for march 2019?", "CSE figure Feb 2019", "repeat missing March 2019"],
)
def test_no_clarification_where_every_choice_has_no_data(reader: Reader, service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NO_DATA, (text, answer.title)
    assert answer.title.startswith("There is no data for"), answer.title
    assert not answer.choices


def test_a_clarification_with_data_is_still_asked(reader: Reader, service: LookupService) -> None:
    assert isinstance(reader.read("CSE June"), Clarification | Question)
    answer = service.ask("U", "C", "what was the CSE missing figure for june 2019?")
    assert answer.outcome in ("clarify", ANSWERED), answer.title
    assert not answer.title.startswith("There is no data")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("I've asked twice now, how many RHIs were late in May?", "Return home interviews not completed in time", None),
        ("how long are kids usually missing for? and don't say 'it varies'", "Median length of a closed episode", None),
        ("Why is it always so hard to find the LAC number - what was it in June?", "LAC episodes, June 2019", "*74*"),
        ("how many placed over 100 miles this year. out of area again no doubt", "101+ miles, April to June", None),
        (
            "did we have more looked after young people going missing in june than april?",
            "Looked-after children missing, April 2019 against June 2019",
            None,
        ),
        ("any care leavers gone missing this year or is that another thing we dont track", "Care Leaver", None),
    ],
)
def test_impatience_and_asides_are_read_past(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "how many of our young people came back late after curfew but werent reported as missing?",
        "how many came back late in June",
        "breaches of curfew in June",
    ],
)
def test_coming_back_late_is_no_return_interview(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD, (text, answer.title, answer.lines)
