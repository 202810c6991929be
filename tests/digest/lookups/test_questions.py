"""Reading questions: many phrasings, misspellings and ambiguous ones."""

from __future__ import annotations

import pytest

from digest.lookups.questions import (
    BREAKDOWN,
    FIGURE,
    HELP,
    LAST_MONTH,
    LATEST,
    MONTH,
    PROFILE,
    THIS_MONTH,
    TREND,
    YEAR_TO_DATE,
    NotUnderstood,
    Period,
    Question,
    parse_question,
)

JUNE = Period(MONTH, month_of_year=6)
JUNE_2019 = Period(MONTH, month=2019 * 12 + 5)


@pytest.mark.parametrize(
    ("text", "kind", "subject", "period"),
    [
        ("LAC episodes June", FIGURE, "episodes.lac", JUNE),
        ("June LAC episodes", FIGURE, "episodes.lac", JUNE),
        ("episodes lac jun", FIGURE, "episodes.lac", JUNE),
        ("CLA episodes", FIGURE, "episodes.lac", Period(LATEST)),
        ("looked after episodes june 2019", FIGURE, "episodes.lac", JUNE_2019),
        ("looked-after children Jun-19", FIGURE, "children.lac", JUNE_2019),
        ("episodes 2019-06", FIGURE, "episodes.all", JUNE_2019),
        ("episodes 06/2019", FIGURE, "episodes.all", JUNE_2019),
        ("episodes jun 19", FIGURE, "episodes.all", JUNE_2019),
        ("how many children went missing in June?", FIGURE, "children.all", JUNE),
        ("kids last month", FIGURE, "children.all", Period(LAST_MONTH)),
        ("young people this month", FIGURE, "children.all", Period(THIS_MONTH)),
        ("children YTD", FIGURE, "children.all", Period(YEAR_TO_DATE)),
        ("children this year", FIGURE, "children.all", Period(YEAR_TO_DATE)),
        ("repeat", FIGURE, "children.3plus.all", Period(LATEST)),
        ("3+ episodes", FIGURE, "children.3plus.all", Period(LATEST)),
        ("repeat LAC", FIGURE, "children.3plus.lac", Period(LATEST)),
        ("repeat CSE children", FIGURE, "children.3plus.cse", Period(LATEST)),
        ("CSE", FIGURE, "episodes.cse", Period(LATEST)),
        ("CSE children june", FIGURE, "children.cse", JUNE),
        ("same day", FIGURE, "duration.0", Period(LATEST)),
        ("still missing", FIGURE, "duration.still_missing", Period(LATEST)),
        ("RHI offered", FIGURE, "rhi.offered", Period(LATEST)),
        ("rhi accepted may", FIGURE, "rhi.accepted", Period(MONTH, month_of_year=5)),
        ("RHI in time", FIGURE, "rhi.completed_in_time", Period(LATEST)),
        ("RHI late", FIGURE, "rhi.not_completed_in_time", Period(LATEST)),
        ("early help", FIGURE, "status.early_help", Period(LATEST)),
        ("CIN", FIGURE, "status.cin", Period(LATEST)),
        ("CPP", FIGURE, "status.cpp", Period(LATEST)),
        ("care leavers", FIGURE, "status.care_leaver", Period(LATEST)),
        ("not a client", FIGURE, "status.not_a_client", Period(LATEST)),
        ("other LA", FIGURE, "status.other_la", Period(LATEST)),
        ("BME", BREAKDOWN, "bme", Period(LATEST)),
        ("ethnicity", BREAKDOWN, "ethnicity", Period(LATEST)),
        ("age june", BREAKDOWN, "age", JUNE),
        ("gender", BREAKDOWN, "gender", Period(LATEST)),
        ("status", BREAKDOWN, "status", Period(LATEST)),
        ("distance YTD", BREAKDOWN, "distance", Period(YEAR_TO_DATE)),
        ("days missing", BREAKDOWN, "duration", Period(LATEST)),
        ("rhi", BREAKDOWN, "rhi", Period(LATEST)),
        ("profile June", PROFILE, None, JUNE),
        ("trend LAC episodes", TREND, "episodes.lac", Period(LATEST)),
        ("help", HELP, None, Period(LATEST)),
        ("", HELP, None, Period(LATEST)),
        # Misspellings are forgiven by closest match.
        ("epsiodes", FIGURE, "episodes.all", Period(LATEST)),
        ("chidlren jnue", FIGURE, "children.all", JUNE),
        ("ethnicty", BREAKDOWN, "ethnicity", Period(LATEST)),
        ("/missing LAC episodes", FIGURE, "episodes.lac", Period(LATEST)),
    ],
)
def test_questions_are_read(text: str, kind: str, subject: str | None, period: Period) -> None:
    question = parse_question(text)
    assert isinstance(question, Question), question
    assert (question.kind, question.subject, question.period) == (kind, subject, period)


def test_share_is_noticed() -> None:
    question = parse_question("share LAC episodes June")
    assert isinstance(question, Question)
    assert question.share


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("banana", 'I did not understand "banana".'),
        ("episodes jly", 'I did not understand "jly". Did you mean "july"?'),
        ("LAC CSE episodes", "That asks about LAC and CSE at once; ask about one of them."),
        ("episodes children", "That asks about episodes and children at once; ask about one of them."),
        ("June July episodes", "That names more than one period; ask about one month, or YTD."),
        ("episodes June YTD", "That names more than one period; ask about one month, or YTD."),
        ("June", "Which figure? Name one, such as episodes, children or LAC."),
        ("ethnicity age", "That asks for more than one figure; ask for one at a time."),
        ("trend ethnicity", 'A trend is of one figure, such as "trend LAC episodes".'),
        ("profile trend", "Ask for a profile or a trend, not both."),
        ("episodes 2019-13", 'I did not understand "2019-13".'),
    ],
)
def test_what_is_not_understood_is_named(text: str, problem: str) -> None:
    result = parse_question(text)
    assert isinstance(result, NotUnderstood)
    assert result.problem == problem


def test_suggestions_are_the_nearest_examples() -> None:
    result = parse_question("LAC epsodes Jnue banana")
    assert isinstance(result, NotUnderstood)
    assert result.suggestions[0] == "LAC episodes June"
