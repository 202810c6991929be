"""A spreadsheet's words ("col Jun", "cell E4 -", "rows 9.1 to 9.9", "all rows down to Total BME", "col Jun minus col
May"), long asides in brackets, and periods said twice ("last quarter, basically, Q1", "the last 6 months, Jan to Jun")
or listed ("Apr, May, Jun"): what round forty-four's development questions showed (the spreadsheet writer had 35 of 60,
the writer of long nested sentences 43). Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

# Each breakdown section: its first and last REF NO. as the catalogue numbers them, and its table's title.
TABLES = {
    "4": (8, "Days missing"),
    "6": (8, "Care status"),
    "7": (3, "Gender"),
    "9": (10, "Age"),
    "10": (12, "LAC placement distance"),
}
ASIDES = [
    "(and I appreciate the June data may still be subject to some validation)",
    "(I know this has been moving about somewhat, hence my asking)",
    "(I'd hope it's fine, but I'd like that confirmed rather than assumed)",
    "(as I understand it the team are still checking a couple of things)",
]
KNOWN = ["LAC episodes in June", "how many CSE episodes in May", "children missing in April", "RHIs offered June"]


@pytest.mark.parametrize("section", sorted(TABLES))
def test_rows_from_a_tables_first_to_half_way_or_more_are_the_table(service: LookupService, section: str) -> None:
    size, title = TABLES[section]
    for last in range((size + 1) // 2, size + 1):
        said, _ = answered(service, f"rows {section}.1 to {section}.{last}, Jun column")
        assert said == f"{title}, June 2019", (section, last, said)


@pytest.mark.parametrize("seed", range(2))
def test_a_long_aside_in_brackets_changes_nothing(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question in KNOWN:
        words = question.split()
        at = rng.randint(1, len(words))
        typed = " ".join([*words[:at], rng.choice(ASIDES), *words[at:]])
        assert answered(service, typed) == answered(service, question), typed


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("row 2.3, Apr col", "Looked-after children with 3 or more LAC episodes, April 2019", "*7*"),
        ("ethnicity, A5 gypsy/roma, YTD col", "A5 - Gypsy / Roma, April to June 2019", "*55 (15% of 375 episodes)*"),
        ("still missing at end of month, col Apr?", "Still missing at the end of the month, April 2019", "*2 (1.6%"),
        (
            "cell E4 - no. of kids with 3 or more episodes, YTD column pls",
            "Children with 3 or more episodes, April",
            "*20*",
        ),
        (
            "cells B2 to D2 = episodes Apr, May, Jun",
            "Missing episodes, April to June 2019 month by month",
            "April 2019: 129",
        ),
        ("episodes all: col Jun minus col May = ?", "Missing episodes, May 2019 against June 2019", "May 2019: 130"),
        ("fill section 7 gender, Jun col, both rows", "Gender, June 2019", None),
        ("ethnicity block ytd, all rows down to Total BME", "Ethnicity, April to June 2019", None),
        ("care status rows 6.1-6.6 for May + the OLA line", "Care status, May 2019", None),
        ("days missing breakdown for may - mostly same day or next day?", "Days missing, May 2019", None),
    ],
)
def test_a_spreadsheets_words(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "how many, like, LAC kids had three plus episodes, um, last quarter, basically, Q1",
            "Looked-after children with 3 or more LAC episodes, April to June 2019",
            "*14*",
        ),
        (
            "How many individual children in our care went missing in Q1 2019/20? I assume that is unique children "
            "across the quarter, not the three monthly figures added together - please confirm.",
            "Looked-after children missing, April to June 2019",
            "*40*",
        ),
        (
            "trend tab needs last 6 months of episodes, Jan to Jun",
            "Missing episodes, April to June 2019 month by month",
            None,
        ),
        (
            "5.3b not done in 3 days: Apr, May, Jun in that order",
            "Return home interviews not completed in time, April to June 2019 month by month",
            "April 2019: 28",
        ),
        (
            "episodes for April, May and June in total",
            "Missing episodes, April to June 2019 (2019/20 year to date)",
            "*375*",
        ),
    ],
)
def test_a_period_said_twice_or_listed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


def test_the_quarter_before_a_named_one_is_still_compared(service: LookupService) -> None:
    title, lines = answered(service, "was Q1 higher than last quarter?")
    assert title == "Missing episodes, January to March 2019 against April to June 2019"
    assert lines[:2] == ["January to March 2019: no data", "April to June 2019: 375"]


def test_a_month_named_as_the_quietest_is_checked_among_the_years_months(service: LookupService) -> None:
    title, lines = answered(service, "quietest month for CSE this year was may, right?")
    assert title == "Episodes at CSE risk (medium/high), April to June 2019 month by month"
    assert lines[0].startswith("Highest figure: June 2019, 28; lowest: May 2019, 16.")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("LAC episodes in June (sorry, I meant to type April)", "LAC episodes, April 2019", "*75*"),
        ("episodes in june (I mean the number of children not episodes)", "Children missing, June 2019", "*53*"),
        ("LAC episodes in June (how many children is that?)", "Looked-after children missing, June 2019", "*28*"),
        ("LAC episodes in june (as a percentage of the total please)", "LAC episodes, June 2019", "*74 (64% of 116"),
        ("LAC episodes in June (and the same for April please)", "LAC episodes, April 2019 against June 2019", None),
        (
            "Could the number of episodes recorded in respect of EH cases in May be provided?",
            "Early Help, May 2019",
            None,
        ),
    ],
)
def test_a_bracket_that_asks_or_puts_right_is_read(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("LAC episodes last quarter, so Q2", "LAC episodes, April to June 2019 against July 2019"),
        ("LAC episodes Q4 and last quarter", "LAC episodes, January to March 2019 against April to June 2019"),
        ("cells A1 and A3 for june", "A1 - White British and A3 - Any other White background, June 2019"),
        ("cell E4 june", "E4 - Not obtained / recorded, June 2019"),
        ("LAC episodes apr + may + jun", "LAC episodes, April to June 2019 (2019/20 year to date)"),
        ("how many different LAC children in april, may and june", "Looked-after children missing, April to June 2019"),
    ],
)
def test_what_a_spreadsheet_rule_must_leave_alone(service: LookupService, text: str, title: str) -> None:
    said, _ = answered(service, text)
    assert said.startswith(title), (text, said)


@pytest.mark.parametrize(
    ("text", "not_title"),
    [
        ("largest age group this year in may", "Age, April to June 2019"),
        ("how many were not back the next day in june", "Episodes other than 1 day"),
        ("total of rows 9.1 to 9.5 in june", "Age, June 2019"),
        ("section 6 OLA june", "Care status, June 2019"),
        ("episodes all and LAC june - both rows", "LAC episodes, June 2019"),
    ],
)
def test_what_a_new_rule_must_not_answer(service: LookupService, text: str, not_title: str) -> None:
    assert not service.ask("U", "C", text).title.startswith(not_title), text
