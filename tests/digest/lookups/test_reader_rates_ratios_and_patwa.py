"""Rates a day or a week ("episodes a week in June"), ratios between two rows ("ratio of boys to girls"), Caribbean
English ("how much youth dem did go missing inna June"), slips in the report's short forms and months ("LCA eps
Mya", "Q! 19/20") and a month against a run's average: what round fifty-five's development questions showed. Answers
are asked of the reference June 2019 store, as at 18/07/2019 (April 2019 is the first month with data)."""

from __future__ import annotations

import calendar
import random
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from digest.lookups.answers import NO_SHARE_AVERAGE
from digest.lookups.questions import NO_FORECAST, ONE_CHILD, Question, Reader
from digest.lookups.rates import NO_CHILD_RATE, NO_RATE_CHECK, NO_RATE_HERE, read_rate
from digest.lookups.ratios import read_ratio
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

MONTHS = {"April": 4, "May": 5, "June": 6}
EPISODE_ROWS = ["missing episodes", "LAC episodes", "CSE episodes", "girls", "boys", "RHIs offered", "17+ episodes"]
UNITS = {"a day": ("day", 1), "per day": ("day", 1), "a week": ("week", 7), "per week": ("week", 7)}
UNITS |= {"a fortnight": ("fortnight", 14), "each week": ("week", 7)}
COUNT = re.compile(r"\*([\d,]+)")


def _label(service: LookupService, text: str) -> str:
    """The row's label, as the title of its plain answer gives it ("LAC episodes, June 2019": "LAC episodes")."""
    title, _ = answered(service, text)
    return title.rsplit(", ", 1)[0]


def _count(service: LookupService, text: str) -> int:
    """The count a plain question is answered with (its first line, "*74*" or "*63 (54% of 116 episodes)*")."""
    _, lines = answered(service, text)
    found = COUNT.match(lines[0])
    assert found, (text, lines)
    return int(found.group(1).replace(",", ""))


@pytest.mark.parametrize("seed", range(3))
def test_a_rate_is_the_count_over_the_days_of_the_period(service: LookupService, seed: int) -> None:
    """The property behind the cases: any episode or interview row, in any whole month, asked a day, a week or a
    fortnight in any of the ways managers ask, is its month's count over the month's calendar days, times the days
    of the unit, to one decimal place, with the count and days said."""
    rng = random.Random(seed)
    for _ in range(6):
        row, (month, number), (said, (unit, days_in)) = (
            rng.choice(EPISODE_ROWS),
            rng.choice(list(MONTHS.items())),
            rng.choice(list(UNITS.items())),
        )
        asked = rng.choice(
            [
                f"how many {row} {said} in {month}?",
                f"{row} {said} in {month} 2019",
                f"roughly how many {row} {said}, {month}",
            ]
        )
        count, days = _count(service, f"{row} {month} 2019"), calendar.monthrange(2019, number)[1]
        _, lines = answered(service, asked)
        rate = (Decimal(count * days_in) / Decimal(days)).quantize(Decimal("0.1"), ROUND_HALF_UP)  # as reports round
        label = _label(service, f"{row} {month} 2019")
        assert lines[0] == f"*{label} a {unit}, {month} 2019: about {rate} ({count:,} over {days} days).*", asked


def test_two_months_set_against_each_other_by_their_rates(service: LookupService) -> None:
    _, lines = answered(service, "was the weekly rate higher in may or june?")
    assert lines[:3] == [
        "Missing episodes a week, May 2019: about 29.4 (130 over 31 days).",
        "Missing episodes a week, June 2019: about 27.1 (116 over 30 days).",
        "By the rate a week: higher in May 2019 (29.4 against 27.1).",
    ]


def test_the_month_with_the_highest_rate_is_by_the_rate_not_the_count(service: LookupService) -> None:
    """May had the most episodes (130) but April the most a day (129 over 30 days): the rate's own ranking."""
    _, lines = answered(service, "which month had the highest daily rate of episodes so far this yr?")
    assert lines[:4] == [
        "Missing episodes a day, April 2019: about 4.3 (129 over 30 days).",
        "Missing episodes a day, May 2019: about 4.2 (130 over 31 days).",
        "Missing episodes a day, June 2019: about 3.9 (116 over 30 days).",
        "Highest rate a day: April 2019 (4.3); lowest: June 2019 (3.9).",
    ]


def test_a_quarter_is_over_its_91_days(service: LookupService) -> None:
    _, lines = answered(service, "daily average of missing episodes last quarter (apr-jun)")
    assert lines[:2] == [
        "*Missing episodes a day, April to June 2019: about 4.1 (375 over 91 days).*",
        "April to June 2019: 375",
    ]


@pytest.mark.parametrize("seed", range(2))
def test_children_have_no_rate(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5):
        who = rng.choice(["individual children", "LAC children", "different kids", "CSE children"])
        text = f"how many {who} {rng.choice(list(UNITS))} in {rng.choice(list(MONTHS))}"
        answer = service.ask("U", "C", text)
        assert (answer.outcome, answer.lines[0]) == ("not understood", NO_CHILD_RATE), text


@pytest.mark.parametrize(
    "text",
    [
        "missing for more than a day in June",
        "episodes lasting a day June",
        "how many were missing a day in June",
        "kids are usually only gone about a day on average aren't they?",
        "episodes over a week in May",
        "RHIs done within 3 working days June",
    ],
)
def test_a_length_is_no_rate(reader: Reader, text: str) -> None:
    assert read_rate(text)[0] == "", text
    reading = reader.read(text)
    assert not (isinstance(reading, Question) and reading.rate), text


PAIRS = [("boys", "girls", "Male", "Female"), ("girls", "boys", "Female", "Male"), ("LAC", "CSE", None, None)]


@pytest.mark.parametrize("seed", range(3))
def test_a_ratio_is_the_first_row_over_the_second_in_the_order_asked(service: LookupService, seed: int) -> None:
    """The property behind the cases: two rows asked as a ratio in any of its forms, in any month, are both counted
    and the first (as asked) is set over the second, to two decimal places."""
    rng = random.Random(seed)
    labels = {"LAC": "LAC episodes", "CSE": "Episodes at CSE risk (medium/high)"}
    for _ in range(6):
        a, b, label_a, label_b = rng.choice(PAIRS)
        month = rng.choice(list(MONTHS))
        asked = rng.choice(
            [
                f"ratio of {a} to {b} in {month}",
                f"{a}:{b} {month}",
                f"{a} to {b} ratio, {month}",
                f"for every {b.rstrip('s')}, how many {a} in {month}?",
                f"what's the ratio of {a} to {b} for {month} 2019",
            ]
        )
        counted = {"LAC": "LAC episodes", "CSE": "CSE episodes"}  # the counts asked plainly ("CSE" alone asks back)
        count_a = _count(service, f"{counted.get(a, a)} {month} 2019")
        count_b = _count(service, f"{counted.get(b, b)} {month} 2019")
        first, second = label_a or labels[a], label_b or labels[b]
        ratio = (Decimal(count_a) / Decimal(count_b)).quantize(Decimal("0.01"), ROUND_HALF_UP)  # as reports round
        _, lines = answered(service, asked)
        assert lines[0] == f"{first} to {second}, {month} 2019: {count_a} to {count_b}, about {ratio} to 1.", asked


def test_a_ratio_month_by_month_names_its_highest_and_lowest(service: LookupService) -> None:
    _, lines = answered(service, "which month had the most girls per boy?")
    assert lines[:4] == [
        "Female to Male, April 2019: 51 to 78, about 0.65 to 1.",
        "Female to Male, May 2019: 58 to 72, about 0.81 to 1.",
        "Female to Male, June 2019: 63 to 53, about 1.19 to 1.",
        "Highest ratio: June 2019 (1.19 to 1); lowest: April 2019 (0.65 to 1).",
    ]


def test_a_row_to_the_rest_of_its_base_as_a_ratio(service: LookupService) -> None:
    _, lines = answered(service, "/missing LAC to non-LAC ratio YTD")
    assert (
        lines[0] == "LAC episodes to Episodes other than LAC episodes, April to June 2019: 236 to 139, about 1.70 to 1."
    )


def test_episodes_to_children_is_episodes_per_child(service: LookupService) -> None:
    _, lines = answered(service, "What was the ratio of missing episodes to individual looked after children in Q1?")
    assert lines[0] == "*5.9*"


@pytest.mark.parametrize(
    "text", ["SUM of episodes Apr:Jun", "PI: repeat missing June", "is it 2:1 LAC? june episodes", "Re:June LAC"]
)
def test_colons_of_months_headings_and_claims_are_no_ratio(text: str) -> None:
    assert read_ratio(text)[0] is None, text


def test_both_runs_of_a_row_and_the_rest_of_its_base(service: LookupService) -> None:
    """ "LAC:non-LAC each month" had answered the rest alone: both runs are shown, with the ratio of each month."""
    _, lines = answered(service, "/missing LAC:non-LAC each month apr to jun")
    assert "*LAC episodes*" in lines
    assert "*Episodes other than LAC episodes*" in lines
    assert lines[0] == "LAC episodes to Episodes other than LAC episodes, April 2019: 75 to 54, about 1.39 to 1."


PATWA = [
    ("wha di number fi {m} missing episode dem?", "missing episodes {m}"),
    ("/missing di LAC figure fi {m}, how much episode", "LAC episodes {m}"),
    ("how much gyal did go missing inna {m}", "how many girls went missing in {m}"),
    ("more bwoy or more gyal did go missing inna {m}?", "more boys or more girls went missing in {m}?"),
    ("RHI dem weh offer inna {m}, how much?", "RHIs offered in {m}, how many?"),
    ("mek mi see di ethnicity fi {m}, all a di group dem", "ethnicity breakdown {m}"),
    ("wha di number fi di 17 an over youth dem inna {m}", "17 and over episodes {m}"),
    ("how much episode di youth dem stay out more dan 5 day inna {m}?", "episodes more than 5 days {m}"),
]


@pytest.mark.parametrize("seed", range(2))
def test_caribbean_english_is_read_as_the_same_question(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(6):
        patwa, plain = rng.choice(PATWA)
        month = rng.choice(list(MONTHS))
        said, same = service.ask("U", "C", patwa.format(m=month)), service.ask("U", "C", plain.format(m=month))
        assert (said.outcome, said.lines, said.table) == (same.outcome, same.lines, same.table), patwa


@pytest.mark.parametrize("month", ["may", "jun", "jul", "apr", "mar", "aug"])
def test_a_short_month_with_its_last_letters_swapped_is_that_month(service: LookupService, month: str) -> None:
    swapped = month[0] + month[2] + month[1]
    for row in ("LAC episodes", "RHIs offered"):
        said, same = service.ask("U", "C", f"{row} {swapped}"), service.ask("U", "C", f"{row} {month}")
        assert (said.outcome, said.lines) == (same.outcome, same.lines), swapped


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("LCA episodes Mya?", "LAC episodes May?"),
        ("gypsy roma episodes YDT?", "gypsy roma episodes YTD?"),
        ("total episodes Q! 19/20", "total episodes Q1 19/20"),
        ("ethnic groups June", "ethnicity breakdown June"),
        ("ethnicity for June, every group", "ethnicity breakdown June"),
        ("girls vs boys this june, episodes", "girls vs boys june"),
        ("total episodes YTD pls, all kids - its my denominator", "total episodes YTD"),
        ("how many RHIs are we offering in june", "RHIs offered june"),
    ],
)
def test_slips_and_ways_of_saying_read_as_the_plain_question(service: LookupService, text: str, same_as: str) -> None:
    said, same = service.ask("U", "C", text), service.ask("U", "C", same_as)
    assert (said.outcome, said.lines, said.table) == (same.outcome, same.lines, same.table), text


def test_other_ethnic_groups_stay_the_row(service: LookupService) -> None:
    title, _ = answered(service, "other ethnic groups June")
    assert title.startswith("E2"), title


def test_a_name_like_a_month_is_still_a_child(service: LookupService) -> None:
    answer = service.ask("U", "C", "has mya gone missing")
    assert answer.lines[0] == ONE_CHILD


def test_a_month_against_a_runs_monthly_average(service: LookupService) -> None:
    _, lines = answered(service, "is june above or below the q1 monthly average for all episodes")
    assert lines[:2] == [
        "June 2019: 116, 9.0 below the average a month of April to June 2019 (125.0).",
        "*Average a month: 125.0* (over 3 months with figures)",
    ]


def test_a_projection_is_a_forecast(service: LookupService) -> None:
    answer = service.ask("U", "C", "/missing project full year episodes on the current run rate")
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_FORECAST)
    assert service.ask("U", "C", "What's the July run-rate looking like for episodes so far?").outcome == "answered"


# What the review before the score found, each mended: lengths and lateness read as rates, a checked rate checked
# against the count, a range's middle month dropped from a ratio, LAC episodes read as children, headings read as
# ratios, a project read as a forecast, a share set against an average of counts.
@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("how many had a week or more missing in June", "*4 (3% of 116 episodes)*"),
        ("do we average more than 4 episodes a day", NO_RATE_CHECK),
        ("still missing per week", NO_RATE_HERE),
        (
            "ratio of LAC to non-LAC from April to June",
            "LAC episodes to Episodes other than LAC episodes, April to June 2019: 236 to 139, about 1.70 to 1.",
        ),
        (
            "ratio of CSE episodes to LAC episodes June",
            "Episodes at CSE risk (medium/high) to LAC episodes, June 2019: 28 to 74, about 0.38 to 1.",
        ),
        ("for every child how many episodes in June", "*2.2*"),
        ("LAC vs non-LAC episodes a week in June", "LAC episodes a week, June 2019: about 17.3 (74 over 30 days)."),
        ("is the June LAC % above the Q1 monthly average", NO_SHARE_AVERAGE),
        ("non-white ethnic groups June", "*15 (13% of 116 episodes)*"),
        ("episodes referred to the outreach project year to date", "*375*"),
        ("how many episodes exceeded a week in June", "*4 (3% of 116 episodes)*"),
        ("episodes > a week in June", "*4 (3% of 116 episodes)*"),
        ("how many episode dem was more dan a week inna June", "*4 (3% of 116 episodes)*"),
        (
            "CSE to LAC ratio June",
            "Episodes at CSE risk (medium/high) to LAC episodes, June 2019: 28 to 74, about 0.38 to 1.",
        ),
        (
            "CSE v LAC ratio June",
            "Episodes at CSE risk (medium/high) to LAC episodes, June 2019: 28 to 74, about 0.38 to 1.",
        ),
        (
            "ratio of white british to BME in June",
            "A1 - White British to BME episodes, June 2019: 97 to 8, about 12.13 to 1.",
        ),
        ("for every LAC child in June, how many went missing 3+ times", "*7*"),
        ("at the June weekly rate how many episodes would we have in a year", NO_FORECAST),
        ("RHI acceptance rate per week in June", NO_RATE_HERE),
        ("every ethnic group June", "Rows that are zero throughout are left out."),
        ("ethnic groups for June", "Rows that are zero throughout are left out."),
        (
            "how many episodes for Mya in June",
            "I did not understand a word of that (not repeated here, in case it names someone).",
        ),
        (
            "is June above or below the Q1 monthly average for LAC and CSE episodes",
            "*Episodes at CSE risk (medium/high)*",
        ),
        (
            "is July so far above the Q1 monthly average",
            "July 2019 (partial, to 18/07/2019 00:00): 0, a month under way, not set against a whole month's.",
        ),
    ],
)
def test_what_the_reviews_found(service: LookupService, text: str, first: str) -> None:
    assert service.ask("U", "C", text).lines[0] == first, text


@pytest.mark.parametrize(
    "text",
    [
        "re:LAC episodes June",
        "Q1:Q2 episodes",
        "April to June, LAC ratio",
        "for every age group how many episodes June",
    ],
)
def test_notes_ranges_and_tables_are_no_ratio(text: str) -> None:
    assert read_ratio(text)[0] is None, text


@pytest.mark.parametrize("text", ["RHIs completed a day late in June", "episodes a week long in June"])
def test_lateness_and_lengths_are_no_rate(text: str) -> None:
    assert read_rate(text)[0] == "", text


def test_two_rates_that_round_the_same_are_told_apart(service: LookupService) -> None:
    _, lines = answered(service, "how much did the daily rate of LAC episodes change between April and June")
    assert lines[2] == "By the rate a day: higher in April 2019 (2.50 against 2.47)."
