"""Dialect and a warehouse's shorthand (round sixteen, tuned on writers BE to BH): the North East's and Scotland's
words for children and talk, a field's name, "w/", "->", "y/o", "P3 19/20", how a distinct count is made said beside
it, and a breakdown by what the report does not count. Answers are asked of the reference June 2019 store."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import NO_CHECK, NOT_COUNTED, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answers

SEED = 2616
ROUNDS = 40


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("how many times did bairns gan missin in june like", "episodes.all"),
        ("hoo many individual bairns have gone missin so far this year", "children.all"),
        ("how many of wor lac young uns went missin last month", "children.lac"),
        ("kids wi 3 or more episodes in april?", "children.3plus.all"),
        ("divn't knaa if youll have this but how many early help bairns went missin in june", "status.early_help"),
        ("how many weans went missing in May", "children.all"),
        ("14 year olds june v april howay", "age.14"),
    ],
)
def test_dialect_words_for_children_and_talk_are_read(reader: Reader, text: str, subject: str) -> None:
    read = reader.read(text)
    assert isinstance(read, Question), (text, read)
    assert read.subject == subject


def test_the_usual_time_a_bairn_is_missing_is_a_length_not_the_interviews_in_time(reader: Reader) -> None:
    read = reader.read("whats the average time a bairn is missin for in june")
    assert isinstance(read, Question)
    assert (read.kind, read.subject) == ("length", "average")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "episodes where days_missing >= 2, 01/06/2019-30/06/2019",
            "2 days to More than 5 days (episodes), June 2019",
            None,
        ),
        ("peak month for 14 y/o episodes YTD", "14yrs, April to June 2019 month by month", None),
        (
            "RHIs not done within 3 working days, P3 19/20",
            "Return home interviews not completed in time, June 2019",
            None,
        ),
        (
            "COUNT(DISTINCT child) who went missing 2019-04-01 to 2019-06-30? need the deduped figure for the qtr, not "
            "the sum of the monthly counts",
            "Children missing, April to June 2019",
            "*104*",
        ),
        ("was june busier than may for missin episodes", "Missing episodes, May 2019 against June 2019", None),
        ("trend in RHIs accepted apr->jun", "Return home interviews accepted, April to June 2019 month by month", None),
    ],
)
def test_a_warehouses_shorthand_reads_as_words(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


def test_how_a_distinct_count_is_made_changes_nothing_but_a_not_before_a_row_still_counts(reader: Reader) -> None:
    rng = random.Random(SEED)
    methods = (
        "not the sum of the monthly counts",
        "not the three months added up",
        "rather than the monthly figures added together",
        "not just the total of the months",
    )
    for _ in range(ROUNDS):
        group, subject = rng.choice((("children", "children.all"), ("LAC children", "children.lac")))
        text = f"distinct {group} missing in Q1, {rng.choice(methods)}"
        read = reader.read(text)
        assert isinstance(read, Question), (text, read)
        assert (read.subject, read.by_month) == (subject, False), text
    read = reader.read("children not in care month by month")
    assert not (isinstance(read, Question) and read.subject == "children.all")


@pytest.mark.parametrize("what", ["placement provider", "provider", "children's home", "school", "social worker"])
def test_a_breakdown_by_what_the_report_does_not_count_is_said_so(reader: Reader, what: str) -> None:
    text = f"episodes by {what} Jun-19"
    assert reader.read(text) == NotUnderstood(NOT_COUNTED, reader.suggest(text))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Did episodes involving White British children increase between May and June 2019?",
            "A1 - White British, May 2019 against June 2019",
        ),
        ("was LAC up or down between April and June", "LAC episodes, April 2019 against June 2019"),
    ],
)
def test_a_change_between_two_months_is_the_one_against_the_other(
    service: LookupService, text: str, title: str
) -> None:
    answer = service.ask("U", "C", text)
    assert answer.title == title
    assert answer.lines[-1].startswith("Change from ")


def test_figures_doubted_with_none_named_are_not_answered_with_one(reader: Reader) -> None:
    for text in ("numbers look off vs the cube, any idea?", "these don't add up"):
        assert reader.read(text) == NotUnderstood(NO_CHECK, reader.suggest(text))
    read = reader.read("these numbers look low, how many LAC episodes in June?")  # a figure named: answered
    assert isinstance(read, Question)
    assert read.subject == "episodes.lac"


def test_not_knowing_whether_the_bot_has_it_is_an_aside(reader: Reader) -> None:
    read = reader.read("I don't know if you'll have this but how many early help children went missing in June")
    assert isinstance(read, Question)
    assert read.subject == "status.early_help"
