"""Periods written as a system's codes ("201906", "05/2019", "201901-201906", "YTD 19/20 (to 2019-06)"), a row and
the rest of its base ("LAC/non-LAC split"), splits that move, and Multicultural London and Australian English: what
round forty-nine's development questions showed. Answers are asked of the reference June 2019 store, as at
18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.periods import say_month_codes
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october"]


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("CSE med/high risk episodes 201906", "Episodes at CSE risk (medium/high), June 2019", "*28*"),
        ("EH episodes 201905", "Early Help, May 2019", "*13 (10% of 130 episodes)*"),
        ("1.1 for 201903?", "There is no data for March 2019.", None),
        ("1.1 by month 2019-04 to 2019-06", "Missing episodes, April to June 2019 month by month", "April 2019: 129"),
        ("episodes 201901-201906 month by month", "Missing episodes, April to June 2019 month by month", None),
        (
            "RHI in time % 201906 compared w 201905",
            "Return home interviews completed in time, May 2019 against June",
            None,
        ),
        ("CSE eps 05/2019 -> 06/2019 change?", "Episodes at CSE risk (medium/high), May 2019 against June 2019", None),
        ("placement distance breakdown LAC 201905", "LAC placement distance, May 2019", None),
        ("episodes 2019-07 to date (as at 18/07/19)", "Missing episodes, July 2019 (partial month", "*0*"),
    ],
)
def test_months_written_as_codes(service: LookupService, text: str, title: str, figure: str | None) -> None:
    if title.startswith("There is no data"):
        assert service.ask("U", "C", text).title == title
        return
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("return interviews accepted YTD 19/20 (to 2019-06)", "*273 (92% of 298 offers with an answer recorded)*"),
        ("episodes ytd 2019/20 to june 2019", "*375*"),
        ("episodes ytd 19/20 (to may)", "*259*"),
    ],
)
def test_a_named_years_year_to_date_is_that_year_to_its_month(service: LookupService, text: str, figure: str) -> None:
    title, lines = answered(service, text)
    assert "year to date" in title, (text, title)
    assert " against " not in title, (text, title)
    assert lines[0] == figure, (text, lines)


def test_a_past_years_year_to_date_is_that_year_with_no_data(service: LookupService) -> None:
    assert service.ask("U", "C", "episodes ytd 2018/19").title == "There is no data for April 2018 to March 2019."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2019-06-30", "2019-06-30"),  # a date, left to the dates' reading
        ("30/06/2019", "30/06/2019"),
        ("fy 2019-20", "fy 2019-20"),  # a financial year
        ("2011-12", "2011-12"),  # the financial year 2011/12, not December 2011
        ("ref 1201906", "ref 1201906"),  # a longer number
        ("2019-13", "2019-13"),  # no month
    ],
)
def test_what_is_no_month_code_is_left_as_typed(text: str, code: str) -> None:
    assert say_month_codes(text) == code


def said(service: LookupService, text: str) -> tuple[str, list[str], list[list[str]]]:
    """What an answer says: its title, lines and table (not the question it answers, quoted back in a button)."""
    answer = service.ask("U", "C", text)
    return answer.title, answer.lines, answer.table


@pytest.mark.parametrize("seed", range(3))
def test_a_month_in_any_code_reads_as_the_month_in_words(service: LookupService, seed: int) -> None:
    """The property behind the cases: a month written "YYYYMM", "YYYY-MM", "MM/YYYY" or "M/YYYY" is answered as the
    month named in words, and a range of two codes as the range."""
    rng = random.Random(seed)
    for _ in range(4):
        first, last = sorted(rng.sample(range(1, 8), 2))  # January to July 2019, some before the data
        code = rng.choice(["{y}{m:02d}", "{y}-{m:02d}", "{m:02d}/{y}", "{m}/{y}"])
        row = rng.choice(["LAC episodes", "missing children", "CSE episodes", "girls"])
        coded = f"{row} {code.format(y=2019, m=last)}"
        assert said(service, coded) == said(service, f"{row} {MONTHS[last - 1]} 2019"), coded
        ranged = f"{row} {code.format(y=2019, m=first)}-{code.format(y=2019, m=last)} month by month"
        words = f"{row} {MONTHS[first - 1]} 2019 to {MONTHS[last - 1]} 2019 month by month"
        assert said(service, ranged) == said(service, words), ranged


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "LAC/non-LAC split for June",
            ["*74 (64% of 116 episodes)*", "Episodes other than LAC episodes, June 2019: 42 (36% of 116 episodes)"],
        ),
        (
            "white british and non white british june",
            [
                "*97 (84% of 116 episodes)*",
                "Episodes other than A1 - White British, June 2019: 19 (16% of 116 episodes)",
            ],
        ),
    ],
)
def test_a_row_and_the_rest_of_its_base(service: LookupService, text: str, lines: list[str]) -> None:
    _, said = answered(service, text)
    assert said[:2] == lines, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "Can you give me the full RHI picture for June, i.e. offered, accepted, completed on time and late?",
        "Show me the care status split for Q1 - EH, CIN, CP, LAC, care leaver, not a client",
        "episodes not involving girls in may",
    ],
)
def test_a_row_names_own_not_is_no_rest_of_a_base(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert not any(line.startswith("Episodes other than") and ": " in line for line in answer.lines[1:2]), answer


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("how did the gender split move from may to june", "Gender, May 2019 against June 2019", None),
        ("is it still the 50/50 between boys and girls? june", "Female and Male, June 2019", None),
        ("how many man had 3 or more episodes last month", "Children with 3 or more episodes, June 2019", "*10*"),
        ("wagwan with cse episodes in june", "Episodes at CSE risk (medium/high), June 2019", "*28*"),
        ("cse cases wiv 3 or more episodes in june", "Children with 3 or more CSE-risk episodes, June 2019", "*3*"),
        ("how many girls went missing in june fam", "Female, June 2019", "*63 (54% of 116 episodes)*"),
        ("hey, how many individual kiddos went missing in May", "Children missing, May 2019", "*68*"),
    ],
)
def test_splits_that_move_and_everyday_words(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("did LAC episodes rise 2019-04 to 2019-06?", "April 2019: 75"),
        ("by how much did LAC episodes change 2019-05 to 2019-06?", "May 2019: 87"),
        ("did LAC episodes rise April 2019 to June 2019?", "April 2019: 75"),
    ],
)
def test_a_change_between_two_dated_months_sets_them_side_by_side(
    service: LookupService, text: str, first: str
) -> None:
    _, lines = answered(service, text)
    assert lines[0] == first, (text, lines)
    assert lines[-1].startswith("Change from "), (text, lines)


def test_a_band_over_dated_months_is_no_comparison(service: LookupService) -> None:
    text = "episodes lasting more than 5 days in the period 1 April 2019 to 30 June 2019"
    assert_answers_starting(service, text, "Episodes lasting more than 5 days, April to June 2019", "*11 (3%")


@pytest.mark.parametrize("text", ["Re INC201905: LAC episodes June", "report ID 201906 - LAC episodes May"])
def test_a_reference_number_is_no_month(service: LookupService, text: str) -> None:
    """Never a comparison with the month a reference number looks like (it is answered, or refused as not read)."""
    answer = service.ask("U", "C", text)
    assert " against " not in answer.title, (text, answer.title)
    assert answer.outcome in ("answered", "not understood"), answer


@pytest.mark.parametrize("text", ["episodes YTD 2020/21", "LAC episodes 2020/21"])
def test_a_year_not_begun_has_no_figures_never_a_zero(service: LookupService, text: str) -> None:
    assert (
        service.ask("U", "C", text).title == "There are no figures for April 2020 to March 2021 in the latest snapshot."
    )


def test_a_year_to_date_said_twice_is_one(service: LookupService) -> None:
    assert_answers_starting(service, "LAC episodes YTD 19/20 to date", "LAC episodes, April to June 2019", "*236*")


def test_figures_stated_beside_a_row_and_its_rest_are_checked_as_counts(service: LookupService) -> None:
    _, lines = answered(service, "LAC and non-LAC episodes June: 74 and 42?")
    assert lines[-1] == "That is one of the figures you gave."


@pytest.mark.parametrize(
    "text", ["I don't want LAC, just non-LAC episodes June", "non-LAC episodes and LAC children June"]
)
def test_the_rest_alone_or_another_count_is_no_row_and_rest(service: LookupService, text: str) -> None:
    _, lines = answered(service, text)
    assert lines[0] == "*42 (36% of 116 episodes)*", (text, lines)


@pytest.mark.parametrize("text", ["LAC episodes moving average", "LAC episodes rolling average each month"])
def test_a_moving_average_is_refused_as_a_statistic(service: LookupService, text: str) -> None:
    """A series of moving averages; one over a window said in months ("3 month rolling average") is the average a
    month over those months since round fifty-nine (test_reader_pidgin_totals_and_grids.py)."""
    assert service.ask("U", "C", text).lines[0].startswith("The report counts episodes and children; I do not work")


def test_a_rolling_average_over_three_months_is_the_average_a_month(service: LookupService) -> None:
    _, lines = answered(service, "LAC episodes 3 month rolling average")
    assert lines[0] == "*Average a month: 78.7* (over 3 months with figures)"


def test_an_as_at_date_in_brackets_is_read_past_only_after_a_period_to_date(service: LookupService) -> None:
    answer = service.ask("U", "C", "LAC episodes (as at 31/05/2019)")
    assert answer.lines[:1] != ["*74*"], answer  # never June's figure for an as-at date in May


def test_a_row_and_its_rest_over_two_periods_are_both_compared(service: LookupService) -> None:
    """ "LAC and non-LAC episodes May vs June" had answered the rest alone: both rows, each period and each change."""
    title, lines = answered(service, "LAC and non-LAC episodes May vs June")
    assert title == "LAC episodes and Episodes other than LAC episodes, May 2019 against June 2019"
    assert (
        "LAC episodes, change from May 2019 to June 2019: down 13; as a share, down 3 percentage points (67% to 64%)."
        in lines
    )
    assert "Episodes other than LAC episodes, June 2019: 42 (36% of 116 episodes)" in lines


@pytest.mark.parametrize("text", ["how many man years", "man hours on returns in june", "manpower for RHIs in May"])
def test_staff_time_is_refused_never_read_as_male_episodes(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == "not understood", text
