"""A spreadsheet's functions ("COUNTIF LAC for June", "SUM of episodes Apr:Jun", "=SUM(13yrs:15yrs)"), ages the
school way ("Year 10s", "secondary age", "sixth formers", "primary-age"), Irish English's "young ones", "did we
record", "since April, as at end of June", "the previous quarter (Jan-Mar)": what round forty-six's development
questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

MONTHS = ["apr", "may", "jun"]
FULL = {"apr": "April", "may": "May", "jun": "June"}


@pytest.mark.parametrize("year", range(7, 13))
def test_a_school_year_is_its_two_ages(service: LookupService, year: int) -> None:
    title, _ = answered(service, f"how many episodes were our Year {year}s involved in last month?")
    low, high = year + 4, year + 5
    high_label = "17+yrs" if high >= 17 else f"{high}yrs"
    assert title.startswith(f"{low}yrs to {high_label} (episodes), June 2019"), (year, title)


@pytest.mark.parametrize("seed", range(3))
def test_a_range_of_months_with_a_colon_is_those_months(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for function in ["SUM of", "=SUM(", "total"]:
        first, last = sorted(rng.sample(range(3), 2))
        typed = f"{function} LAC episodes {MONTHS[first]}:{MONTHS[last]}" + (")" if "(" in function else "")
        title, _ = answered(service, typed)
        assert title.startswith(f"LAC episodes, {FULL[MONTHS[first]]} to {FULL[MONTHS[last]]} 2019"), (typed, title)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("COUNTIF LAC for June", "LAC episodes, June 2019", "*74*"),
        ("SUMIFS LAC placed 11 to 20 miles YTD", "11-20 miles, April to June 2019", "*72 (31% of 236"),
        ('=VLOOKUP("Jun-19", no_of_children_all) ?', "Children missing, June 2019", "*53*"),
        ("SUM of children Apr:Jun - is it just 57+68+53?", "Children missing, April to June 2019", "*104*"),
        ("=SUM(13yrs:15yrs) for may", "13yrs to 15yrs (episodes), May 2019", "*63 (48% of 130"),
        ("ethnicity breakdown for June like a pivot table", "Ethnicity, June 2019", None),
        (
            "Sixth formers - how many missing episodes this year so far?",
            "16yrs to 17+yrs (episodes), April to June",
            None,
        ),
        ("secondary age kids - how many episodes in June?", "11yrs to 16yrs (episodes), June 2019", "*105 (91%"),
        (
            "primary-age kids going missing, month by month?",
            "Under 10yrs to 11yrs (episodes), April to June 2019",
            None,
        ),
        (
            "Would you ever tell me how many young ones went missing on us in June",
            "Children missing, June 2019",
            "*53*",
        ),
        ("In which month did we record the most OLA episodes?", "Episodes of children from another local", None),
        (
            "How many young people at medium or high risk of CSE have gone missing since April, as at end of June?",
            "Children at CSE risk (medium/high), April to June 2019 (2019/20 year to date)",
            "*17*",
        ),
        (
            "how did Q1 compare to the previous quarter (Jan-Mar)?",
            "Missing episodes, January to March 2019 against",
            None,
        ),
        ("16 and over in june - 9.8 + 9.9 together", "16yrs to 17+yrs (episodes), June 2019", "*36 (31%"),
    ],
)
def test_formulas_school_ages_and_other_ways(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "Quietest month for RHIs offered. Define 'quietest' = lowest number of return home interviews offered.",
        "hiya can u just build me a pivot lol",
    ],
)
def test_an_equals_sign_or_a_pivot_in_passing_is_no_formula(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert "what it counts" not in answer.title, (text, answer.title)
    assert answer.outcome != "clarify", (text, answer.title)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "I've been told this year 10 children have had 3 or more episodes - is that right?",
            "Children with 3 or more episodes, April to June 2019",
            "*20*",
        ),
        ("total episodes is it 129+130+116=375?", "Missing episodes, April to June 2019", "*375*"),
        ("how many children went missing - is it just 57+68+53?", "Children missing, April to June 2019", "*104*"),
        ("what's the Jun:May ratio for episodes?", "Missing episodes, May 2019 against June 2019", "May 2019: 130"),
        ("episodes last quarter (LAC-only)", "LAC episodes, April to June 2019 (Q1 2019/20)", "*236*"),
        (
            "=AVERAGE(Apr:Jun) LAC episodes",
            "LAC episodes, April to June 2019 month by month",
            "*Average a month: 78.7*",
        ),
        ("=MIN(Apr:Jun) episodes", "Missing episodes, April to June 2019 month by month", "Highest figure: May 2019"),
        (
            "What is the average (mean) length of a missing episode in June 2019?",
            "Average (mean) length of a closed episode, June 2019",
            "*0.9 days*",
        ),
    ],
)
def test_what_the_rounds_rules_must_leave_alone(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "Year 11 pupils who went missing 3 or more times in June",
        "15 to 16 year olds who went missing 3 or more times in June",
        "LAC placed over 40 miles with 3+ episodes",
        "how many children went missing from secondary school in June?",
        "under 10yrs to 11yrs in June",
    ],
)
def test_a_band_with_a_count_no_row_holds_is_never_answered_as_the_band(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome != "answered", text
