"""A figure and then "the same" for another row or period in one message ("Early Help episodes in April? Same for
CIN", "gender breakdown for June and the same for YTD"), periods named by what happened in them ("the month with the
CSE spike"), and lengths of two periods: what round fifty-one's development questions showed. Answers are asked of
the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.again import split_same_for
from digest.lookups.events import EVENT_MONTH
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

TWO_QUESTIONS = "That asks for two figures in two questions"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "Early Help episodes in April? Same for CIN",
            [
                "Early Help, April 2019: 5 (4% of 129 episodes)",
                "CIN, April 2019: 10 (8% of 129 episodes)",
                "5 more: CIN.",
            ],
        ),
        (
            "how many kids went missing in june? same for LAC pls",
            [
                "Children missing, June 2019: 53",
                "Looked-after children missing, June 2019: 28",
                "25 more: Children missing.",
            ],
        ),
        (
            "no. of missing episodes last month - and the same for the month before?",
            ["May 2019: 130", "June 2019: 116", "Change from May 2019 to June 2019: down 14."],
        ),
    ],
)
def test_the_same_for_another_row_or_period(service: LookupService, text: str, lines: list[str]) -> None:
    assert answered(service, text)[1] == lines


def test_the_same_for_another_period_of_a_table(service: LookupService) -> None:
    title, _ = answered(service, "gender breakdown for June and the same for YTD")
    assert title == "Gender, April to June 2019 against June 2019"


@pytest.mark.parametrize(
    "text",
    [
        "how many times on average does each kid go missing in June? same for LAC kids",  # two per-child figures
        "LAC episodes in June - same for CSE in May",  # a row and a period: two questions
    ],
)
def test_the_same_for_what_cannot_be_set_beside_is_refused_never_one_dropped(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == "not understood", (text, answer.title, answer.lines)


ROWS = ["LAC episodes", "CSE episodes", "girls", "boys", "missing episodes", "Early Help"]
PERIODS = ["June", "May", "April", "Q1", "YTD"]


@pytest.mark.parametrize("seed", range(3))
def test_the_same_for_answers_as_the_two_asked_together(service: LookupService, seed: int) -> None:
    """The property behind the cases: "A for P, and the same for B" answers A and B for P, each as asked alone; "A for
    P, same for Q" answers A for both periods, each as asked alone."""
    rng = random.Random(seed)
    for _ in range(4):
        first, second = rng.sample(ROWS, 2)
        period, other = rng.sample(PERIODS, 2)
        answer = service.ask("U", "C", f"{first} {period}, and the same for {second}")
        if answer.outcome == "answered":  # rows of one table or the headlines: side by side
            for row in (first, second):
                alone = service.ask("U", "C", f"{row} {period}")
                figure = alone.lines[0].strip("*")
                assert any(line.endswith(f": {figure}") for line in answer.lines), (first, second, answer.lines)
        else:  # rows of two tables: refused, each suggested
            assert answer.lines[0].startswith("Those figures are in different tables"), answer.lines
        _, lines = answered(service, f"{first} {period} - same for {other} please")
        # each figure after its period's name ("May 2019: 130"), or alone where the two periods are the same months
        shown = {line.split(": ", 1)[1] if ": " in line else line.strip("*") for line in lines}
        for when in (period, other):
            alone = service.ask("U", "C", f"{first} {when}").lines[0].strip("*")
            assert alone in shown, (first, when, lines)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("LAC episodes for June, and the same for CSE?", ("LAC episodes for June", "CSE")),
        ("girls in May - same for boys please", ("girls in May", "boys")),
        ("RHIs offered Q1, and same again for accepted", ("RHIs offered Q1", "accepted")),
        ("same day returns in june", None),
        ("how does June compare with the same month last year", None),
    ],
)
def test_what_splits_at_the_same_for(text: str, parts: tuple[str, str] | None) -> None:
    assert split_same_for(text) == parts


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "how many CSE episodes did we have in the month with the CSE spike?",
            "Episodes at CSE risk (medium/high), June",
            "*28*",
        ),
        ("total episodes in the busiest month pls", "Missing episodes, May 2019", "*130*"),
        ("LAC episodes the month after the busiest one?", "LAC episodes, June 2019", "*74*"),
        ("how many girls went missing when girls overtook boys", "Female, June 2019", "*63 (54% of 116 episodes)*"),
        ("number of children missing in the quiet month", "Children missing, June 2019", "*53*"),
        (
            "LAC kids with 3+ episodes in the first month we have data for",
            "Looked-after children with 3 or more",
            "*7*",
        ),
        ("care status breakdown for the busiest month", "Care status, May 2019", None),
    ],
)
def test_a_month_named_by_what_happened_is_found_from_the_figures(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    if figure is not None:
        assert lines[0] == figure, (text, lines)


@pytest.mark.parametrize(
    "text",
    [
        "fourteen year olds going missing in the spike month - how many episodes",  # a spike of what is not said
        "LAC episodes since the spike",
    ],
)
def test_a_month_named_by_what_the_figures_do_not_tell_is_asked_for_by_name(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).lines[0] == EVENT_MONTH


@pytest.mark.parametrize("text", ["peak month for episodes this FY", "busiest month this year for episodes?"])
def test_which_month_was_busiest_is_still_answered(service: LookupService, text: str) -> None:
    _, lines = answered(service, text)
    assert any(line.startswith("Highest figure: May 2019, 130") for line in lines), lines


def test_the_length_of_two_periods_is_each_said(service: LookupService) -> None:
    title, lines = answered(service, "average length of a missing episode june vs may")
    assert title == "Average (mean) length of a closed episode, June 2019 against May 2019"
    assert [line.split(". ")[0] for line in lines] == ["June 2019: 0.9 days", "May 2019: 0.8 days"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("number of children with 3+ episodes in June, same for LAC children", "Looked-after children with 3 or more"),
        ("children with 3 or more episodes June - same for CSE kids", "Children with 3 or more CSE-risk episodes"),
    ],
)
def test_the_same_for_counts_as_the_first_counts(service: LookupService, text: str, second: str) -> None:
    _, lines = answered(service, text)
    assert lines[1].startswith(second), (text, lines)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("2 days in June, same for 3 days and 4 days", 3),  # several rows after it: every one, as before
        ("LAC episodes in June, same for CSE as a percentage", 2),  # a shape of its own: read whole, as before
        ("LAC and CSE episodes in June, same for May", 2),  # two rows, two months
    ],
)
def test_what_follows_the_same_for_is_never_dropped(service: LookupService, text: str, rows: int) -> None:
    title, _ = answered(service, text)
    assert title.count(" and ") == rows - 1, (text, title)


@pytest.mark.parametrize(
    "text",
    [
        "what was the peak month for episodes?",
        "how many CSE episodes were there during the spike in June?",  # the month is named
        "episodes in April, the first month we have data for",
    ],
)
def test_a_peak_asked_for_or_a_month_named_is_answered(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == "answered", text


def test_a_length_of_a_partial_month_beside_another_keeps_its_title(service: LookupService) -> None:
    title, _ = answered(service, "average length of an episode July vs June")
    assert (
        title == "Average (mean) length of a closed episode, July 2019 (partial, to 18/07/2019 00:00) against June 2019"
    )
