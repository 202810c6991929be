"""Periods and quantities as a printed report or a busy manager writes them ("Apr–Jun", "Q1 (Apr-Jun)", "(as at
18/07)", "cnt", "qty", "pct", "wk"), "diff ... between May and June", children missing education: what round
thirty-seven's development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Trend in RHI on-time completion, Apr–Jun?", "Trend in RHI on-time completion, Apr-Jun?"),
        ("LAC placed 21–30 miles away (YTD)", "LAC placed 21-30 miles away ytd"),
        ("cnt of kids w 3+ episodes last mth", "count of kids w 3+ episodes last month"),
        ("same day returns qty may", "same day returns number may"),
        ("pct RHIs completed on time ytd", "percentage RHIs completed on time ytd"),
        ("no. of episodes missing more than a wk ytd", "no. of episodes missing more than a week ytd"),
        ("which age grp has highest no. of episodes ytd", "which age group has highest no. of episodes ytd"),
        ("mthly episodes this yr month by month", "monthly episodes this yr month by month"),
    ],
)
def test_printed_and_short_forms_read_as_written_out(service: LookupService, typed: str, plain: str) -> None:
    assert answered(service, typed) == answered(service, plain)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "How many kids known to be at medium/high CSE risk went missing Apr–Jun (YTD)?",
            "Children at CSE risk (medium/high), April to June 2019",
            "*17*",
        ),
        ("Is anyone missing right now? (as at 18/07)", "Still missing now", "*0*"),
        (
            "diff in CSE episodes between may and june",
            "Episodes at CSE risk (medium/high), May 2019 against June 2019",
            None,
        ),
        ("secondary age kids (11 to 16) - how many episodes in june", "11yrs to 16yrs (episodes), June 2019", None),
        ("Episodes so far this month (Jul '19 – to date)?", "Missing episodes, July 2019 (partial", None),
    ],
)
def test_what_round_thirty_seven_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "any off-rolled pupils showing up in the missing figures?",
        "missing episodes for the summer term so far?",
        "status?",
    ],
)
def test_what_is_not_held_or_not_placed_gets_no_figure(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert not any(line.startswith("*") for line in answer.lines), (text, answer.title, answer.lines)
