"""What a review of rounds twenty-two to twenty-seven found (each had answered another figure, told a withheld one,
or failed): a "not" of another verb read as a complement, ages read as thresholds, idioms read as periods or rankings,
a run's total beside a withheld month, a month so far in an average. Answers are asked of the reference June 2019
store, as at 18/07/2019."""

from __future__ import annotations

import pytest

from digest.lookups.answers import ANSWERED
from digest.lookups.questions import Question, Reader
from digest.lookups.service import LookupService
from digest.store.lookups import ERROR
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("Not children, just LAC episodes in June please", "LAC episodes, June 2019", "*74*"),
        ("I don't have the LAC figure for June, what was it?", "LAC episodes, June 2019", "*74*"),
        ("I didn't get the LAC figure for June, can you send it?", "LAC episodes, June 2019", "*74*"),
        ("We haven't had the CSE episodes for June yet, how many were there?", "Episodes at CSE risk", "*28*"),
        (
            "I don't see the under 11s for June, how many episodes?",
            "Under 10yrs to 10yrs",
            "*1 (0.9% of 116 episodes)*",
        ),
        ("How many episodes were there for children under 11 in June?", "Under 10yrs to 10yrs", None),
        ("Were any kids under 10 reported missing in June?", "Under 10yrs, June 2019", None),
        ("How many episodes were from children over 16 in June?", "17+yrs, June 2019", "*10 (9% of 116 episodes)*"),
        ("Episodes June - under 11 only?", "Under 10yrs to 10yrs", None),
        ("In order to brief the panel, how many LAC episodes in June?", "LAC episodes, June 2019", "*74*"),
        ("What's the bottom line on LAC episodes in June?", "LAC episodes, June 2019", "*74*"),
        ("average length of missing episodes each month this year", "Average (mean) length of a closed episode", None),
        ("Is it correct that the LAC figure for June is 74?", "LAC episodes, June 2019", "*74*"),
    ],
)
def test_what_the_review_found_is_read_as_meant(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "Have LAC episodes gone up for the second month running?",
        "Is this the third month in a row that CSE episodes have fallen?",
        "How many episodes in June excluding those from other LAs?",
        "Can you confirm the number of episodes in June for the 13 to 17s?",
        "Is child 10234 included in the June figures, can you confirm?",
        "Q1 - CSE med/high children who DIDN'T have 3 or more episodes?",
        "LAC episodes placed 0 to 200 miles away in June",  # a range cutting the open band: never "200 miles" alone
        "LAC placed 50 to 200 miles June",
        "episodes of children aged 10 to 20 in June",
    ],
)
def test_what_cannot_be_read_as_asked_is_not_answered_with_another_figure(reader: Reader, text: str) -> None:
    assert not isinstance(reader.read(text), Question), text


def test_a_lone_not_fails_nothing(service: LookupService) -> None:
    assert service.ask("U", "C", "are we ok or not - is it 40?").outcome != ERROR


def test_a_run_total_beside_a_withheld_month_is_withheld(reference_service: LookupService) -> None:
    withheld = LookupService(reference_service.open_store, reference_service.config, suppress=True)
    answer = withheld.ask("U", "C", "Gypsy Roma episodes month by month this year")
    assert answer.outcome == ANSWERED
    assert "June 2019: c" in answer.lines
    assert "April to June 2019 as a whole: c" in answer.lines


def test_an_average_a_month_leaves_out_the_month_so_far(service: LookupService) -> None:
    _, lines = answered(service, "monthly average LAC episodes April to July")
    assert lines[0] == "*Average a month: 78.7* (over 3 months with figures)"
    assert "July 2019 (partial, to 18/07/2019 00:00): 0" in lines


# What a review of rounds twenty-eight to thirty-three found (each had answered another figure or period, or refused
# what had been answered): a row's other count given to a part asked of all children, the bot's name eating "missing",
# ages read as a gap, a month dropped, "ref 2019/20" taken for a ticket, a row number in brackets for a time.
@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("Hi, missing from care figures for June?", "LAC episodes, June 2019", "*74*"),
        ("how many under 10 went missing in June", "Under 10yrs, June 2019", None),
        ("how many over 16 went missing in June", "17+yrs, June 2019", None),
        ("I know July's only half done but how many LAC episodes so far", "LAC episodes, July 2019", None),
        ("Cllr Patel asks how many LAC episodes there were. Note - she means May.", "LAC episodes, May 2019", "*87*"),
        ("how many episodes since the April report", "Missing episodes, April to June 2019", "*375*"),
        ("log 2019/20 LAC episodes", "LAC episodes, April to June 2019", "*236*"),
        ("[10.11] June", "101+ miles, June 2019", None),
        ("RHIs June - pending", "Return home interviews not yet due, June 2019", None),
        ("children placed more than 20 miles from the LA in June", "21-30 miles to 101+ miles", None),
        ("l. a. c. june", "LAC episodes, June 2019", "*74*"),
    ],
)
def test_what_the_second_review_found_is_read_as_meant(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


def test_a_group_said_only_with_the_second_count_is_not_given_to_the_first(service: LookupService) -> None:
    title, lines = answered(service, "children missing in June and CSE episodes")
    assert title == "Episodes at CSE risk (medium/high) and Children missing, June 2019"
    assert lines == ["Episodes at CSE risk (medium/high), June 2019: 28", "Children missing, June 2019: 53"]


def test_ages_are_no_gap_to_a_figure_given(service: LookupService) -> None:
    answer = service.ask("U", "C", "how many under 16 were LAC episodes in June")
    assert not any("the figure you gave" in line for line in answer.lines), answer.lines


def test_a_list_of_two_figures_is_not_refused_as_a_crossing(service: LookupService) -> None:
    answer = service.ask("U", "C", "• LAC episodes June\n• CSE episodes June")
    assert not (answer.lines and answer.lines[0].startswith("No row of the report counts those together"))
