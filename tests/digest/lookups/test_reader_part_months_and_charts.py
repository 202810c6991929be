"""The month under way left out ("YTD excluding July", "complete months only"), questions in a chart's words ("the bar
for June on the LAC chart", "every slice"), ages in everyday words ("older teens", "pre-teens") and "more 16 year olds
in June than May": what round fifty-three's development questions showed. Answers are asked of the reference June
2019 store, as at 18/07/2019 (July 2019 is the month under way)."""

from __future__ import annotations

import random

import pytest

from digest.lookups.partmonths import LEFT_OUT_MONTH, drop_month_under_way
from digest.lookups.questions import (
    NO_CHART_NAMED,
    NO_INTERVIEWS_BY_GROUP,
    NO_MIXED_AGES,
    NO_TIME_OF_DAY,
    NO_VAGUE_AGES,
)
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

QUESTIONS = [
    "Total missing episodes YTD",
    "LAC episodes in June",
    "CSE children Q1",
    "Month by month episodes for this FY",
    "age breakdown YTD",
    "RHIs offered this year",
    "June vs May girls",
]
LEAVING = ["excluding", "excl.", "excl", "ignoring", "ignore", "not counting", "leaving out", "without", "disregarding"]
JULY = ["July", "Jul", "Jul-19", "July 2019", "the July part month", "the part month of July"]
TAILS = ["", " so far", " to date"]


def _left_out(rng: random.Random) -> str:
    """A way of leaving out the month under way, of the many managers write."""
    if rng.random() < 0.25:
        return rng.choice(["complete months only", "only full months", "ignoring the part month", "(no July)"])
    if rng.random() < 0.2:
        return rng.choice(["not July so far", "not July to date", "leave July out", "I don't want July"])
    return f"{rng.choice(LEAVING)} {rng.choice(JULY)}{rng.choice(TAILS)}"


@pytest.mark.parametrize("seed", range(3))
def test_leaving_out_the_month_under_way_changes_nothing(service: LookupService, seed: int) -> None:
    """The property behind the cases: a question's periods already end at the latest complete month, so words leaving
    out the month under way, wherever they are put, give the answer the question gives without them."""
    rng = random.Random(seed)
    for _ in range(6):
        question, left_out = rng.choice(QUESTIONS), _left_out(rng)
        placed = rng.choice([f"{question}, {left_out}", f"{question} - {left_out}", f"{question} ({left_out})"])
        alone = service.ask("U", "C", question)
        said = service.ask("U", "C", placed)
        assert (said.outcome, said.lines, said.table) == (alone.outcome, alone.lines, alone.table), placed


@pytest.mark.parametrize(
    "text",
    [
        "Total missing episodes YTD excluding April",
        "LAC episodes this year not counting May so far",
        "YTD excluding April for LAC",  # had read as all episodes less LAC to April: 54
        "LAC YTD (no July) (no April)",
    ],
)
def test_leaving_out_a_complete_month_is_refused(service: LookupService, text: str) -> None:
    """A complete month left out would change the figure, which the report does not count."""
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", LEFT_OUT_MONTH), text


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("episodes YTD excluding July and CSE", "episodes YTD excluding CSE"),  # the list goes on: nothing dropped
        ("how big was the drop July vs June", "July vs June episodes"),  # July asked about, not left out
        ("June minus July episodes", "June vs July episodes"),
        ("is there no July data?", "is there any July data?"),
    ],
)
def test_july_asked_about_or_left_out_with_more_is_not_dropped(service: LookupService, text: str, same_as: str) -> None:
    said, alone = service.ask("U", "C", text), service.ask("U", "C", same_as)
    assert (said.outcome, said.lines[:2]) == (alone.outcome, alone.lines[:2]), text


@pytest.mark.parametrize("text", ["LAC YTD excluding July and May", "this quarter LAC excluding July"])
def test_july_left_out_beside_another_month_or_of_its_own_quarter_stays_refused(
    service: LookupService, text: str
) -> None:
    assert service.ask("U", "C", text).outcome == "not understood", text


def test_with_every_month_complete_only_words_naming_no_month_are_dropped() -> None:
    assert drop_month_under_way("LAC episodes YTD, complete months only", None) == "LAC episodes YTD"
    assert drop_month_under_way("LAC episodes YTD excluding July", None) == "LAC episodes YTD excluding July"


def test_the_month_under_way_named_alone_is_still_answered(service: LookupService) -> None:
    _, lines = answered(service, "whats the July bar looking like so far on the episodes chart")
    assert lines[0] == "*0*"


ROWS = ["LAC episodes", "CSE episodes", "episodes", "16 year olds", "same day return", "RHI offered"]
CHART_WORDS = [
    "whats the bar for {month} on the {row} chart",
    "{row} chart, {month} bar?",
    "the {row} bar for {month}",
    "{row} graph - the {month} point",
    "{month} bar on the {row} bar chart",
]


@pytest.mark.parametrize("seed", range(3))
def test_a_row_asked_by_its_chart_is_the_row(service: LookupService, seed: int) -> None:
    """The property behind the cases: a chart's bar, point or line for a month is the row's figure for that month
    ("bar" is no "except" there)."""
    rng = random.Random(seed)
    for _ in range(5):
        row, month = rng.choice(ROWS), rng.choice(["April", "May", "June"])
        asked = rng.choice(CHART_WORDS).format(row=row, month=month)
        assert answered(service, asked) == answered(service, f"{row} {month}"), asked


@pytest.mark.parametrize("row", ["LAC", "high risk CSE ones", "at-risk CSE", "from LAC"])
def test_bar_before_a_row_is_still_except(service: LookupService, row: str) -> None:
    assert answered(service, f"all episodes bar {row} in June") == answered(
        service, f"all episodes except {row} in June"
    )


def test_all_bar_a_row_is_no_chart(service: LookupService) -> None:
    assert answered(service, "all bar LAC in June") == answered(service, "all except LAC in June")


@pytest.mark.parametrize(
    "text", ["tallest bar in June", "the largest bar in June", "each bar on the LAC chart", "what's the tallest bar"]
)
def test_a_bar_of_no_breakdowns_chart_is_asked_which(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_CHART_NAMED), text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("tallest bar on the age chart in June?", "Largest: 14yrs (32, 28%); then 16yrs (26, 22%), 15yrs (21, 18%)."),
        ("which month had the tallest bar on the RHI offered chart", "Highest figure: May 2019, 115"),
        ("which bar is tallest in June on the age chart?", "Largest: 14yrs (32, 28%)"),
    ],
)
def test_the_tallest_bar_is_the_largest(service: LookupService, text: str, first: str) -> None:
    _, lines = answered(service, text)
    assert lines[0].startswith(first), (text, lines)


def test_a_table_of_a_month_with_no_episode_yet_says_so(service: LookupService) -> None:
    answer = service.ask("U", "C", "tallest bar on the age chart this month?")
    assert (answer.lines, answer.table) == (["Every row is 0 for July 2019 (partial, to 18/07/2019 00:00)."], [])


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("number of days missing chart for june, each bar", "days missing breakdown june"),
        ("% by case status chart for june - every slice", "care status breakdown june"),
    ],
)
def test_every_bar_is_the_whole_table(service: LookupService, text: str, same_as: str) -> None:
    assert service.ask("U", "C", text).table == service.ask("U", "C", same_as).table != []


AGE_WORDS = {
    "older teens": "aged 16 and over",
    "late teens": "aged 16 and over",
    "kids in their late teens": "aged 16 and over",
    "older teenagers": "aged 16 and over",
    "pre-teens": "aged 12 and under",
    "preteens": "aged 12 and under",
}


@pytest.mark.parametrize("seed", range(2))
def test_ages_in_everyday_words_are_their_bands(service: LookupService, seed: int) -> None:
    """The property behind the cases: an everyday word for ages whose ages are agreed is those ages, in any question."""
    rng = random.Random(seed)
    for _ in range(5):
        words, ages = rng.choice(list(AGE_WORDS.items()))
        template = rng.choice(["how many {} went missing in {}?", "{} episodes {}", "what % of episodes were {} in {}"])
        month = rng.choice(["April", "May", "June", "Q1"])
        asked = template.format(words, month)
        assert answered(service, asked) == answered(service, template.format(ages, month)), asked


@pytest.mark.parametrize(
    "text",
    [
        "how many mid-teens went missing in june",
        "early teens episodes May",
        "tweens YTD",
        "trend for the younger ones?",
    ],
)
def test_ages_whose_ages_are_not_agreed_are_asked_for(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_VAGUE_AGES), text


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("mid-teens aged 14 to 15 in June", "aged 14 to 15 in June"),
        ("tweens aged 10-12 June", "aged 10-12 June"),
        ("the older teenagers, 17 and over, April versus June?", "17 and over, April versus June?"),
    ],
)
def test_ages_said_with_a_word_for_them_are_the_ages(service: LookupService, text: str, same_as: str) -> None:
    assert answered(service, text) == answered(service, same_as)


@pytest.mark.parametrize(
    "text",
    [
        "older teens and 12 year olds June",
        "pre-teens and teenagers June",
        "older teens except 17+ June",
        "teens excluding the older teens in June",
        "older teens vs younger children in June",
    ],
)
def test_a_word_for_ages_joined_to_other_ages_is_asked_back(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_MIXED_AGES), text


@pytest.mark.parametrize("text", ["RHIs late for older teens June", "RHI offered 16 and over June"])
def test_return_interviews_of_an_age_range_are_not_held(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_INTERVIEWS_BY_GROUP), text


@pytest.mark.parametrize("age", range(11, 17))
def test_more_of_an_age_than_another_month_compares_the_count(service: LookupService, age: int) -> None:
    """ "more 16yrs in June than May" are 16 year olds in both months (it had read as over 16)."""
    assert answered(service, f"are more {age}yrs going missing in june than may?") == answered(
        service, f"{age}yrs june vs may"
    )


def test_more_than_an_age_is_still_over_it(service: LookupService) -> None:
    assert answered(service, "episodes more than 16 years old in June") == answered(service, "17+ June")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("more 40 miles in June than May", "over 40 miles June vs May"),
        ("missing more 5 days in June than May", "more than 5 days June vs May"),
        ("less 5 days in June than May", "under 5 days June vs May"),
        ("are more teenagers going missing in june than may?", "13 and over june vs may"),
    ],
)
def test_more_before_miles_days_or_a_range_is_of_them(service: LookupService, text: str, same_as: str) -> None:
    assert answered(service, text) == answered(service, same_as)


@pytest.mark.parametrize(
    "text", ["what time of day do the under-16s usually go missing", "what time do kids usually go missing"]
)
def test_the_time_of_day_is_not_held(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_TIME_OF_DAY)


@pytest.mark.parametrize(
    "text", ["which days missing band is biggest in June?", "which days category was highest in May?"]
)
def test_which_days_of_the_days_missing_table_is_no_time_of_day(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).table != [], text


def test_been_moving_is_month_by_month(service: LookupService) -> None:
    _, lines = answered(service, "how have the 17+ numbers been moving since April")
    assert lines[:3] == [
        "April 2019: 33 (26% of 129 episodes)",
        "May 2019: 24 (18% of 130 episodes)",
        "June 2019: 10 (9% of 116 episodes)",
    ]
