"""Months counted back, rankings, runs as a whole and questions about the data itself (round twenty-four, tuned on
writers CK to CN): "two months ago", "top 3 ethnic groups", "league table of months", "how many are out at the
moment", "when was this data last updated?", "can you correct the June LAC number". Answers are asked of the
reference June 2019 store, as at 18/07/2019 (so the latest complete month is June)."""

from __future__ import annotations

import random
import re

import pytest

from digest.figures.catalogue import SUMMARY_ROWS, build_catalogue
from digest.lookups.periods import resolve_period
from digest.lookups.questions import ABOUT_DATA, NO_CORRECTION, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.vocabulary import FIGURE
from tests.digest.lookups.asking import answered

SEED = 2624
MONTHS_BACK = {1: "June", 2: "May", 3: "April"}  # as at 18 July 2019
SAID_BACK = {
    1: ["a month ago", "1 month ago", "one month back"],
    2: ["two months ago", "2 months back"],
    3: [
        "three months ago",
        "3 months back",
    ],
}


def _rows(reader: Reader) -> list[str]:
    """Row labels that read back as their row with a month."""
    labels = []
    for reading in reader.readings:
        if reading.kind != FIGURE:
            continue
        read = reader.read(f"{reading.label} June")
        if isinstance(read, Question) and read.subject == reading.subject:
            labels.append(reading.label)
    return labels


def test_months_counted_back_are_the_months_they_name(service: LookupService) -> None:
    rng = random.Random(SEED)
    reader, snapshot = service.reader, service.store().get_snapshot()
    for label in rng.sample(_rows(reader), 30):
        back = rng.choice(list(MONTHS_BACK))
        said = rng.choice(SAID_BACK[back])
        counted = reader.read(f"{label} {said}")
        named = reader.read(f"{label} {MONTHS_BACK[back]}")
        assert isinstance(counted, Question), (label, said, counted)
        assert isinstance(named, Question), (label, named)
        assert counted.keys == named.keys, (label, said)
        one, other = resolve_period(counted.period, snapshot), resolve_period(named.period, snapshot)
        assert (one.first, one.last) == (other.first, other.last), (label, said)


def test_a_run_within_a_year_says_its_months_as_a_whole(service: LookupService) -> None:
    rng = random.Random(SEED)
    for label in rng.sample(_rows(service.reader), 15):
        title, lines = answered(service, f"{label} month by month this year")
        _, ytd = answered(service, f"{label} year to date")
        whole = [line for line in lines if line.startswith("April to June 2019 as a whole: ")]
        assert len(whole) == 1, (label, title, lines)
        assert whole[0].removeprefix("April to June 2019 as a whole: ").startswith(ytd[0].strip("*")), (label, lines)


def test_an_extreme_run_lists_its_months_in_order(service: LookupService) -> None:
    for text in ("league table of months by total episodes, highest first", "second highest month for LAC episodes"):
        _, lines = answered(service, text)
        order = re.search(r"In order: (.*)\.$", lines[0])
        assert order is not None, lines
        counts = [int(n) for n in re.findall(r"\d{4}, (\d+)", order.group(1))]
        assert len(counts) == 3, lines
        assert counts == sorted(counts, reverse=True), lines


def test_a_ranking_from_the_bottom_names_the_smallest_rows(service: LookupService) -> None:
    for text, title, smallest in (
        ("bottom two ethnic groups ytd?", "Ethnicity, April to June 2019", "B1 - White and Black Caribbean (1, 0.3%)"),
        ("Bottom 3 age groups for episodes in June", "Age, June 2019", "Under 10yrs (1, 0.9%)"),
    ):
        said, lines = answered(service, text)
        assert said == title
        assert lines[0].startswith(f"Smallest: {smallest}; then "), lines


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("top 3 ethnic groups in june", "Ethnicity, June 2019"),
        ("rank the age bands June", "Age, June 2019"),
        ("which care status comes first in May", "Care status, May 2019"),
    ],
)
def test_a_ranking_names_the_largest_rows_in_order_never_a_total(service: LookupService, text: str, title: str) -> None:
    said, lines = answered(service, text)
    assert said == title
    largest = re.match(r"Largest: (.*)\.$", lines[0])
    assert largest is not None, lines
    named = re.findall(r"(?:^|then |, )([^(;]+?) \((\d+)", largest.group(1))
    counts = [int(count) for _, count in named]
    assert len(counts) == 3, lines
    assert counts == sorted(counts, reverse=True), lines
    labels = {i.label for i in build_catalogue(service.config) if i.key in SUMMARY_ROWS}
    assert not labels & {label.strip() for label, _ in named}, lines


@pytest.mark.parametrize(
    "text",
    ["how many are out at the moment", "is anyone still missing at the minute?", "how many are still out right now"],
)
def test_out_at_the_moment_is_still_missing_now(service: LookupService, text: str) -> None:
    title, lines = answered(service, text)
    assert title == "Still missing now (open at 18/07/2019 00:00)"
    assert lines[0] == "*0*"


def test_a_correction_asked_of_the_bot_is_said_not_done(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(30):
        verb = rng.choice(["correct", "amend", "fix", "delete", "remove", "adjust", "edit"])
        what = rng.choice(["the June LAC number", "that episode", "the figure for May", "our CSE count", "the data"])
        text = rng.choice([f"can you {verb} {what}", f"please {verb} {what}, it was put on twice", f"{verb} {what}"])
        read = reader.read(text)
        assert isinstance(read, NotUnderstood), text
        assert read.problem == NO_CORRECTION, text


def test_a_change_asked_about_is_no_correction(reader: Reader) -> None:
    for text in (
        "White British episodes May vs June: both counts and the change in count",
        "how has the LAC number changed since April",
    ):
        assert isinstance(reader.read(text), Question), text


@pytest.mark.parametrize(
    "text",
    [
        "when was this data last updated?",
        "how far back does your data go?",
        "are these figures final?",
        "is it live?",
        "where do these numbers come from?",
        "When was the data last refreshed? Thanks",
    ],
)
def test_a_question_about_the_data_says_when_it_is_from_and_what_it_covers(service: LookupService, text: str) -> None:
    assert service.read(text).kind == ABOUT_DATA
    title, lines = answered(service, text)
    assert title == "About the data"
    assert lines[:2] == [
        "The figures are worked out from the extract as at 18/07/2019 00:00 (snapshot 1), the latest loaded; a new "
        "extract replaces them when it is loaded.",
        "Months with data: April 2019 to July 2019 (July 2019 so far). Before April 2019 there is no data (not the "
        "same as none).",
    ]


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "Hi, first time using this. How many missing episodes were there in June? And when was this data last "
            "updated?",
            "Missing episodes, June 2019",
            "*116*",
        ),
        (
            "how far back does your data go? I need the number of children who went missing in April",
            "Children missing, April 2019",
            "*57*",
        ),
    ],
)
def test_a_figure_asked_beside_the_data_is_answered(service: LookupService, text: str, title: str, figure: str) -> None:
    said, lines = answered(service, text)
    assert (said, lines[0]) == (title, figure)
