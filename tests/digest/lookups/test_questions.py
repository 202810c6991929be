"""Reading questions: generated words, quantities, periods as people say them, asking back when close."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from digest.contract.config import Config, EthnicityConfig
from digest.lookups.periods import Period, PeriodKind, Span, resolve_period
from digest.lookups.questions import HELP, PROFILE, Clarification, NotUnderstood, Question, Reader
from digest.lookups.vocabulary import BREAKDOWN, FIGURE
from digest.store.snapshots import SnapshotInfo

JUNE = Period(PeriodKind.MONTH, month_of_year=6)
JUNE_2019 = Period(PeriodKind.MONTH, month=2019 * 12 + 5)
LATEST = Period(PeriodKind.LATEST)


@pytest.mark.parametrize(
    ("text", "kind", "subject", "period"),
    [
        ("LAC episodes June", FIGURE, "episodes.lac", JUNE),
        ("june 2019 lac episodes", FIGURE, "episodes.lac", JUNE_2019),
        ("episodes Jun-19", FIGURE, "episodes.all", JUNE_2019),
        ("episodes 2019-06", FIGURE, "episodes.all", JUNE_2019),
        ("episodes 06/2019", FIGURE, "episodes.all", JUNE_2019),
        ("children 2019/20", FIGURE, "children.all", Period(PeriodKind.FINANCIAL_YEAR, year_start=2019)),
        ("children this financial year", FIGURE, "children.all", Period(PeriodKind.YEAR_TO_DATE)),
        ("children ytd june", FIGURE, "children.all", Period(PeriodKind.YEAR_TO_DATE, month_of_year=6)),
        ("episodes q2", FIGURE, "episodes.all", Period(PeriodKind.QUARTER, quarter=2)),
        ("episodes q1 2019/20", FIGURE, "episodes.all", Period(PeriodKind.QUARTER, year_start=2019, quarter=1)),
        ("kids last month", FIGURE, "children.all", Period(PeriodKind.LAST_MONTH)),
        ("still missing now", FIGURE, "duration.still_missing", Period(PeriodKind.NOW)),
        ("looked after children episodes May", FIGURE, "episodes.lac", Period(PeriodKind.MONTH, month_of_year=5)),
        ("5.3a june", FIGURE, "rhi.completed_in_time", JUNE),
        ("RHI completed within 3 working days", FIGURE, "rhi.completed_in_time", LATEST),
        ("rhi not completed in time", FIGURE, "rhi.not_completed_in_time", LATEST),
        ("early help", FIGURE, "status.early_help", LATEST),
        ("aged 14", FIGURE, "age.14", LATEST),
        ("14 year olds", FIGURE, "age.14", LATEST),
        ("17+", FIGURE, "age.17_plus", LATEST),
        ("under 10", FIGURE, "age.under_10", LATEST),
        ("0-10 miles", FIGURE, "distance.0_10", LATEST),
        ("15 miles", FIGURE, "distance.11_20", LATEST),
        ("over 100 miles", FIGURE, "distance.101_plus", LATEST),
        ("more than 5 days", FIGURE, "duration.gt5", LATEST),
        ("WBRI", FIGURE, "ethnicity.A1", LATEST),
        ("ethnicty", BREAKDOWN, "ethnicity", LATEST),
        ("profile June", PROFILE, None, JUNE),
        ("trend LAC episodes", FIGURE, "episodes.lac", Period(PeriodKind.RECENT, months=13)),
        ("help", HELP, None, LATEST),
        ("", HELP, None, LATEST),
        ("/missing LAC episodes", FIGURE, "episodes.lac", LATEST),
    ],
)
def test_questions_are_read(reader: Reader, text: str, kind: str, subject: str | None, period: Period) -> None:
    question = reader.read(text)
    assert isinstance(question, Question), question
    assert (question.kind, question.subject, question.period) == (kind, subject, period)


def test_close_readings_are_asked_back_with_questions_that_read_back(reader: Reader) -> None:
    clarification = reader.read("CSE june")
    assert clarification == Clarification(
        "Which of these did you mean?",
        [
            ("Episodes at CSE risk (medium/high)", "@episodes.cse june"),
            ("Children at CSE risk (medium/high)", "@children.cse june"),
        ],
    )
    for _, question in clarification.choices:
        chosen = reader.read(question)
        assert isinstance(chosen, Question)
        assert chosen.period == JUNE


def test_a_period_alone_asks_which_figure(reader: Reader) -> None:
    assert reader.read("share q1") == Clarification(
        "Which figure?",
        [
            ("Missing episodes", "share @episodes.all q1"),
            ("Children missing", "share @children.all q1"),
            ("Missing profile", "share profile q1"),
        ],
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "banana",
            "I did not understand a word of that (not repeated here, in case it names someone)."
            + ' Did you mean "aban"?',
        ),
        (
            "episodes jlx",
            "I did not understand a word of that (not repeated here, in case it names someone).",
        ),
        ("episodes now last 6 months", "That names more than one period; ask about one, or two months side by side."),
        ("trend ethnicity", 'A trend is of one figure, such as "trend LAC episodes".'),
        ("profile trend", "Ask for a profile or a trend, not both."),
        ("episodes 2019-13", 'I did not understand "2019-13".'),
        (
            "Jayden Smith episodes 2019-13",
            'I did not understand "2019-13" and 2 more words (not repeated here, in case they name someone).'
            ' Did you mean "moth"?',
        ),
    ],
)
def test_what_is_not_understood_is_named(reader: Reader, text: str, problem: str) -> None:
    result = reader.read(text)
    assert isinstance(result, NotUnderstood)
    assert result.problem == problem.split(" Did you mean")[0]
    assert "Did you mean" not in result.problem  # a word the question did not say is never suggested


def test_a_code_added_in_config_is_askable_with_no_code_change(config: Config) -> None:
    ethnicity = config.ethnicity
    added = EthnicityConfig(
        [*ethnicity.codes, ("F1", "Arab")], ethnicity.blank, ethnicity.not_recorded, ethnicity.not_bme, {"ARAB": "F1"}
    )
    renamed = dataclasses.replace(config, ethnicity=added)
    reader = Reader(renamed)
    for text in ("Arab episodes June", "F1 june", "arab june"):
        question = reader.read(text)
        assert isinstance(question, Question), text
        assert question.subject == "ethnicity.F1"


def snapshot_at(as_at: dt.datetime) -> SnapshotInfo:
    return SnapshotInfo(1, as_at, "x.csv", "", "", 0, 0, 0, "2018-05", "2019-07", "")


@pytest.mark.parametrize(
    ("period", "span"),
    [
        (LATEST, (2019 * 12 + 5, 2019 * 12 + 5)),
        (Period(PeriodKind.LAST_MONTH), (2019 * 12 + 5, 2019 * 12 + 5)),
        (Period(PeriodKind.THIS_MONTH), (2019 * 12 + 6, 2019 * 12 + 6)),
        (Period(PeriodKind.YEAR_TO_DATE), (2019 * 12 + 3, 2019 * 12 + 5)),
        (Period(PeriodKind.YEAR_TO_DATE, month_of_year=5), (2019 * 12 + 3, 2019 * 12 + 4)),
        (Period(PeriodKind.FINANCIAL_YEAR, year_start=2018), (2018 * 12 + 3, 2019 * 12 + 2)),
        (Period(PeriodKind.FINANCIAL_YEAR, relative_year=-1), (2018 * 12 + 3, 2019 * 12 + 2)),
        (Period(PeriodKind.QUARTER, quarter=4), (2019 * 12 + 0, 2019 * 12 + 2)),
        (Period(PeriodKind.QUARTER, quarter=2), (2019 * 12 + 6, 2019 * 12 + 6)),
        (Period(PeriodKind.MONTH, month_of_year=12), (2018 * 12 + 11, 2018 * 12 + 11)),
    ],
)
def test_relative_periods_count_from_the_as_at_time(period: Period, span: tuple[int, int]) -> None:
    resolved = resolve_period(period, snapshot_at(dt.datetime(2019, 7, 18, 9)))
    assert isinstance(resolved, Span)
    assert (resolved.first, resolved.last) == span
