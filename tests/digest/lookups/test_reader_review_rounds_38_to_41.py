"""What a review of rounds thirty-eight to forty-one found (a helper session that had not written them, asking the
reference store as at 18/07/2019): each a wrong figure or a question about a child answered, now answered right or
refused."""

from __future__ import annotations

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        # a threshold after "%" is no relative change
        ("% more than 5 days june", "Episodes lasting more than 5 days, June 2019", "*4 (3% of 116 episodes)*"),
        ("percentage less than 2 days june", "0 (same day return) to 1 day (episodes), June 2019", "*106 (91%"),
        ("% up to 20 miles june", "10 miles or under to 11-20 miles (LAC episodes), June 2019", "*54 (73%"),
        # a lower-case "eh" naming Early Help
        ("how many episodes in june were eh", "Early Help, June 2019", "*9 (8% of 116 episodes)*"),
        ("missing episodes eh june", "Early Help, June 2019", "*9 (8% of 116 episodes)*"),
        # a row named by its words in a table keeps the table
        ("the episodes row in the LAC table june", "LAC episodes, June 2019", "*74*"),
        ("the 3 or more row in the CSE table june", "Children with 3 or more CSE-risk episodes, June 2019", "*3*"),
        # "from" and "after" a month's first day
        ("LAC episodes from 1st April", "LAC episodes, April to June 2019", "*236*"),
        ("episodes after 1st May", "Missing episodes, May to June 2019", "*246*"),
        # "less" and "bar" as "other than"
        ("not a client less OLA june", "Not a client episodes other than", "*8 (35% of 23 not a client episodes)*"),
        ("not a client bar OLA june", "Not a client episodes other than", "*8 (35% of 23 not a client episodes)*"),
        # a query field that names its row
        ("episodes where cse risk = high and month = 2019-06", "Episodes at CSE risk (medium/high), June 2019", "*28*"),
        ("avg(episodes) by month", "Missing episodes, April to June 2019 month by month", "*Average a month: 125.0*"),
        ("avg(duration_days) of episodes, month = 2019-06", "Average (mean) length of a closed episode, June", None),
        ("episodes where days_missing = 1 and month = 2019-06", "1 day, June 2019", "*53 (46% of 116 episodes)*"),
        # a sentence naming a row or a period after the question is more of it
        ("How many episodes in June? Need it for LAC only.", "LAC episodes, June 2019", "*74*"),
        ("LAC episodes June? I need it for May too.", "LAC episodes, May 2019 against June 2019", None),
        # a distance row with LAC said beside it: the distances are LAC's
        ("over 100 miles placement, June LAC how many?", "101+ miles, June 2019", "*5 (7% of 74 LAC episodes)*"),
    ],
)
def test_what_the_review_found_is_answered_right(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "episodes june - Jayden Smith",
        "how many times missing in june (Jayden)",
        "LAC episodes may - re Kyle Brown",
        "episodes in june - was Kyle one of them",
        "Police want to know about Kyle - episodes june",
        "in which child's case were there most episodes june",
        "episodes june - excluding Rotherham",
        "children june - known to YOS",
        "CSE, CIN and EH june",
        "girls, CIN and EH june",
        "episodes minus LAC june",
    ],
)
def test_what_the_review_found_gets_no_figure(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome != "answered", (text, answer.title, answer.lines)


@pytest.mark.parametrize("text", ["final row of the gender table june", "second row of the ethnicity table may"])
def test_a_place_in_a_table_that_leaves_rows_out_is_no_row(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert not any(line.startswith("*") for line in answer.lines), (text, answer.title, answer.lines)


def test_a_rates_change_asked_in_percent_is_its_points(service: LookupService) -> None:
    _, lines = answered(service, "by what percentage did the RHI acceptance rate fall may to june")
    assert lines[-1].startswith("Change from May 2019 to June 2019: down 38; as a share, down 11 percentage points")


def test_the_share_of_not_a_client_is_only_where_not_a_client_is_the_base(service: LookupService) -> None:
    answer = service.ask("U", "C", "% of episodes that were not a client or OLA in june")
    assert "not a client episodes)" not in " ".join(answer.lines), answer.lines
