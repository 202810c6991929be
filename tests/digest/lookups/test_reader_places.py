"""A row named by its place in the printed report ("section 1, first row", "bottom line of the ethnicity table", "the
OLA line in the care status table", "the April column"), questions typed as database queries ("episodes where status
= 'LAC' and month = 2019-06", "max(episodes) by month"), a distance's reach ("within the range of 40 miles"), and
other forms round forty-one's development questions showed. Answers are asked of the reference June 2019 store, as
at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.contract.config import Config
from digest.figures.catalogue import build_catalogue
from digest.lookups.answers import NOT_UNDERSTOOD
from digest.lookups.questions import SECTIONS_PRINTED_WHOLE
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers, assert_answers_starting

PLACES = {"first": 0, "top": 0, "second": 1, "third": 2, "last": -1, "bottom": -1}


def printed_rows(config: Config) -> dict[str, list[str]]:
    """Each section's REF NOs. in the report's order, of the sections printed with every row whatever the month."""
    rows: dict[str, list[str]] = {}
    for indicator in build_catalogue(config):
        whole = indicator.section in SECTIONS_PRINTED_WHOLE
        if whole and indicator.ref not in ("-", "") and indicator.ref.split(".")[0] == indicator.section:
            rows.setdefault(indicator.section, []).append(indicator.ref)
    return rows


@pytest.mark.parametrize("seed", range(3))
def test_a_row_named_by_its_place_is_the_row_of_that_ref(service: LookupService, config: Config, seed: int) -> None:
    rng = random.Random(seed)
    rows = printed_rows(config)
    for section in rows:
        place = rng.choice(list(PLACES))
        ref = rows[section][PLACES[place]]
        month = rng.choice(["June", "May", "April"])
        typed = rng.choice(
            [
                f"section {section}, {place} row, {month}",
                f"the {place} line of table {section} for {month}",
                f"{month} - section {section} {place} row?",
            ]
        )
        assert answered(service, typed) == answered(service, f"{ref} {month}"), typed


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("Section 1, first row - what's the June figure?", "Missing episodes, June 2019", "*116*"),
        ("LAC table, top row, April column?", "LAC episodes, April 2019", "*75*"),
        ("Bottom row of the CSE table, YTD column?", "Children with 3 or more CSE-risk episodes, April to June", "*4*"),
        (
            "RHI table for June, first row - how many were offered a return interview?",
            "Return home interviews offered, June 2019",
            None,
        ),
        ("OLA line in the care status table, June?", "Episodes of children from another local authority, June", None),
        ("CP line in section 6 for last month?", "CPP, June 2019", "*5 (4% of 116 episodes)*"),
        ("bottom line of the ethnicity table for June", "BME episodes, June 2019", "*8 (7% of 116 episodes)*"),
        ("the fifteen year olds row in table 9 - YTD column", "15yrs, April to June 2019", None),
        ("Pakistani row in table 8 (the second one printed as 8.1) - what's May?", "C2 - Pakistani, May 2019", None),
        ("acceptance rate in the RHI table for June", "Return home interviews accepted, June 2019", None),
    ],
)
def test_rows_of_the_printed_report(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("children where episodes >= 3 and month = 2019-05", "Children with 3 or more episodes, May 2019", "*9*"),
        ("episodes where days_missing = 0 and month = 2019-04", "Same-day returns, April 2019", None),
        ("sum(episodes) where gender = F ytd", "Female, April to June 2019", "*172 (46% of 375 episodes)*"),
        ("episodes where age = fifteen, month = may", "15yrs, May 2019", None),
        ("episodes where month = 2019-06 and status = LAC", "LAC episodes, June 2019", "*74*"),
        ("max(episodes) by month, ytd", "Missing episodes, April to June 2019 month by month", None),
        (
            "min(cse episodes) group by month 2019/20",
            "Episodes at CSE risk (medium/high), April to June 2019 month",
            None,
        ),
        (
            "month where OLA episodes = max",
            "Episodes of children from another local authority, April to June 2019",
            None,
        ),
        (
            "trend rhi_completed_on_time_pct apr..jun",
            "Return home interviews completed in time, April to June 2019",
            None,
        ),
        ("episodes / distinct LAC children ytd", "Episodes per child (LAC), April to June 2019", "*5.9*"),
        (
            "LAC episodes where dist_miles between 21 and 40 and month = 2019-06",
            "21-30 miles to 31-40 miles (LAC episodes), June 2019",
            "*5 (7% of 74 LAC episodes)*",
        ),
    ],
)
def test_questions_typed_as_queries(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    ["list child_id where episodes >= 3 and month = 2019-06", "list children missing in june", "child ids for june"],
)
def test_a_query_for_children_s_ids_is_refused(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD
    assert answer.lines[0].startswith("I answer with counts for the whole report, never about one child")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "placed within the range of 40 miles june",
            "10 miles or under to 31-40 miles (LAC episodes), June",
            "*59 (80%",
        ),
        ("placed outside a radius of 50 miles june", "51-60 miles to 101+ miles (LAC episodes), June 2019", None),
        ("give us the lowdown on June - how many missing episodes all in?", "Missing episodes, June 2019", "*116*"),
        (
            "what's the range of monthly episode counts apr-jun",
            "Missing episodes, April to June 2019 month by month",
            "Highest figure: May 2019, 130; lowest: June 2019, 116. In order: May 2019, 130; April 2019, 129; June "
            "2019, 116.",
        ),
    ],
)
def test_what_round_forty_one_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "can you index monthly episodes against April = 100",
        "standard deviation of monthly episodes 2019/20?",
        "z-score for June's LAC episodes",
        "is there a correlation between CSE and LAC episodes by month",
    ],
)
def test_statistics_of_the_counts_are_not_worked_out(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD
    assert answer.lines[0].startswith("The report counts episodes and children; I do not work out standard deviations")


def test_a_managers_variance_is_still_the_difference(service: LookupService) -> None:
    _, lines = answered(service, "Episodes June vs May - variance?")
    assert lines[-1] == "Change from May 2019 to June 2019: down 14."
