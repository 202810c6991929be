"""A change asked as a share of the figure before it ("by what percentage did LAC episodes rise", "% change", "how many
times bigger", "how many pp down"), a colleague's figure told with "she said", a purpose said after the question
("need it for a Q4 comparison"), and other forms round thirty-nine's development questions showed. Answers are asked
of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.figures.percentages import format_percentage
from digest.lookups.series import describe_change
from digest.lookups.service import LookupService
from digest.reporting.profile import Cell
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "by what percentage did LAC episodes rise from April to May",
            "Change from April 2019 to May 2019: up 12, a rise of 16% (1.16 times).",
        ),
        (
            "percent change in total episodes May to June",
            "Change from May 2019 to June 2019: down 14, a fall of 11% (0.89 times).",
        ),
        (
            "LAC episodes may to june, up or down and by how much in %",
            "Change from May 2019 to June 2019: down 13, a fall of 15% (0.85 times).",
        ),
        (
            "how many times bigger was the number of LAC kids going missing in May compared to April",
            "Change from April 2019 to May 2019: up 13, a rise of 65% (1.65 times).",
        ),
        (
            "over 100 miles - how many x bigger was June than May",
            "Change from May 2019 to June 2019: up 3, a rise of 150% (2.50 times); as a share, up 4 percentage points "
            "(2% to 7%).",
        ),
    ],
)
def test_a_change_as_a_share_of_the_figure_before(service: LookupService, text: str, change: str) -> None:
    _, lines = answered(service, text)
    assert lines[-1] == change, (text, lines)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("what % eps were lac june", "*74 (64% of 116 episodes)*"),
        ("What % of those offered an RHI accepted it last month?", "*71 (84% of 85 offers with an answer recorded)*"),
        ("what percentage of episodes were BME in june", "*8 (7% of 116 episodes)*"),
    ],
)
def test_a_share_of_a_base_is_still_a_share(service: LookupService, text: str, figure: str) -> None:
    assert answered(service, text)[1][0] == figure


def test_a_change_without_a_relative_ask_says_the_count_alone(service: LookupService) -> None:
    _, lines = answered(service, "LAC episodes april vs may")
    assert lines[-1] == "Change from April 2019 to May 2019: up 12."


@pytest.mark.parametrize("seed", range(3))
def test_the_relative_change_is_the_change_over_the_figure_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        before, after = rng.randint(1, 500), rng.randint(0, 500)
        said = describe_change(Cell(before, None), Cell(after, None), relative=True)
        if before == after:
            assert said == "no change"
            continue
        direction, rise = ("up", "rise") if after > before else ("down", "fall")
        percent = format_percentage(abs(after - before), before)
        assert said == f"{direction} {abs(after - before):,}, a {rise} of {percent} ({after / before:.2f} times)"


def test_no_relative_change_from_none() -> None:
    said = describe_change(Cell(0, None), Cell(4, None), relative=True)
    assert said == "up 4, from none: no percentage change can be given from 0"


def test_a_withheld_figure_has_no_relative_change() -> None:
    assert describe_change(Cell(None, None, suppressed=True), Cell(4, None), relative=True) is None


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("how many return home interns were offered in june", "Return home interviews offered, June 2019", None),
        (
            "RHI completed on time rate, June vs May - how many pp down?",
            "Return home interviews completed in time, May 2019 against June 2019",
            None,
        ),
        (
            "Just checking a number my team leader quoted in supervision, she said 68 kids went missing in May. Is "
            "that right - how many individual children went missing in May?",
            "Children missing, May 2019",
            "*68*",
        ),
        (
            "what were total episodes in March 2019? need it for a Q4 comparison",
            "There is no data for March 2019.",
            None,
        ),
        ("LAC episodes june. It's for the board paper", "LAC episodes, June 2019", "*74*"),
        ("The police want to know how many CSE episodes there were in June", "Episodes at CSE risk", "*28*"),
    ],
)
def test_what_round_thirty_nine_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    answer = service.ask("U", "C", text)
    assert answer.title.startswith(title), (text, answer.title, answer.lines)
    if figure is not None:
        assert answer.lines[0] == figure, (text, answer.lines)


@pytest.mark.parametrize("text", ["she said she was scared, is she still missing?", "is she back yet"])
def test_a_child_said_of_is_still_refused(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.lines[0].startswith("I answer with counts for the whole report, never about one child")


def test_the_rise_is_told_as_a_share_of_the_earlier_month_even_when_asked_later_first(service: LookupService) -> None:
    assert_answers(service, "June vs May LAC episodes, % change", "LAC episodes, May 2019 against June 2019")
    assert answered(service, "June vs May LAC episodes, % change")[1][-1] == (
        "Change from May 2019 to June 2019: down 13, a fall of 15% (0.85 times)."
    )


BACK_SINCE = (
    "(those back by 18/07/2019 00:00 are counted above by how long they were missing; any still missing then are "
    "not, as how long they will be missing is not known yet)."
)
STILL_OUT = "(not in the figure above: how long they will be missing is not known yet)."


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        ("at least two days missing in june", f"Still missing at the end of June 2019: 0 {BACK_SINCE}"),
        (
            "how many times did kids go missing for more than a week in april",
            f"Still missing at the end of April 2019: 2 {BACK_SINCE}",
        ),
        (
            "missing for at least 2 days so far this year - how many?",
            f"Still missing at the end of each month: Apr-19 2 · May-19 0 · Jun-19 0 {BACK_SINCE}",
        ),
        ("more than 5 days july", f"Still missing at 18/07/2019 00:00: 0 {STILL_OUT}"),
    ],
)
def test_those_still_missing_are_said_beside_the_longest_band(service: LookupService, text: str, beside: str) -> None:
    assert answered(service, text)[1][-1] == beside


@pytest.mark.parametrize("seed", range(2))
def test_still_missing_is_said_only_beside_the_longest_band(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    month = rng.choice(["april", "may", "june", "ytd", "Q1"])
    for days in range(1, 6):
        for text, reaches in [
            (f"at least {days} days {month}", True),
            (f"more than {days - 1} days {month}", True),
            (f"{days} days or less {month}", False),
            (f"exactly {days} days {month}", False),
        ]:
            _, lines = answered(service, text)
            assert any(line.startswith("Still missing at") for line in lines) == reaches, (text, lines)
