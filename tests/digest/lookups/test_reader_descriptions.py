"""Rows described at length, emoji for words and fractions (round twenty-six, tuned on writers CS to CV): "the number of
times a child ... went missing from home or from care", "counting each child only once", "placed further than fifty
miles away", "more than a whole week", "👧 vs 👦", "from the youngest up to the 17 and overs". Answers are asked of the
reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.vocabulary import BREAKDOWN
from tests.digest.lookups.asking import assert_answers

SEED = 2626
DECORATION = ["👀", "🤔", "🙏", "😊", "✅", "🙅", "💬", "⚠️"]


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "how many separate times altogether was a child or young person reported as having gone missing from home "
            "or from care last month?",
            "Missing episodes, June 2019",
            "*116*",
        ),
        (
            "so far this financial year, how many different children (counting each child only once however many "
            "times they went) have been reported missing?",
            "Children missing, April to June 2019",
            "*104*",
        ),
        (
            "how many times in June was a child missing for more than a whole week?",
            "Episodes lasting more than 5 days, June 2019",
            "*4 (3% of 116 episodes)*",
        ),
        (
            "since April, how many times have children in our care gone missing when they were placed further than "
            "fifty miles away from home?",
            "51-60 miles to 101+ miles (LAC episodes), April to June 2019",
            "*21 (9% of 236 LAC episodes)*",
        ),
        (
            "/missing how many missing episodes in June? well over a hundred I assume",
            "Missing episodes, June 2019",
            "*116*",
        ),
        ("👧 June vs 👧 May", "Female, May 2019 against June 2019", None),
        ("👧 vs 👦 June?", "Female and Male, June 2019", None),
        ("📈 LAC episodes?", "LAC episodes, April to June 2019 month by month", None),
        ("episodes june vs may 📉?", "Missing episodes, May 2019 against June 2019", None),
        ("how many 🧒 missing ytd", "Children missing, April to June 2019", "*104*"),
    ],
)
def test_rows_described_and_emoji_for_words(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


def test_an_emoji_that_names_nothing_changes_nothing(reader: Reader) -> None:
    rng = random.Random(SEED)
    for text in (
        "LAC episodes June",
        "how many girls went missing in May",
        "RHIs done in time Q1",
        "CSE episodes June vs May",
        "same day returns this year",
    ):
        plain = reader.read(text)
        assert isinstance(plain, Question), text
        for _ in range(4):
            words = text.split()
            at = rng.randint(0, len(words))
            decorated = " ".join([*words[:at], rng.choice(DECORATION), *words[at:]]) + rng.choice(["", " 🙏", "?? 👀"])
            read = reader.read(decorated)
            assert isinstance(read, Question), decorated
            assert (read.kind, read.keys, read.period, read.compare) == (
                plain.kind,
                plain.keys,
                plain.period,
                plain.compare,
            ), decorated


@pytest.mark.parametrize(
    "text",
    [
        "how old were the children each time they went missing, for the whole year so far, from the youngest up to "
        "the 17 and overs",
        "ages of the children going missing in June, from under 10 up to 17+",
    ],
)
def test_a_range_over_every_band_is_the_table(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert isinstance(read, Question), read
    assert read.kind == BREAKDOWN, read


@pytest.mark.parametrize(
    "text", ["episodes over 100 in June?", "were there over 60 episodes in May", "well over a hundred"]
)
def test_a_bare_number_beyond_any_age_is_no_age(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert not (isinstance(read, Question) and any(key.startswith("age.") for key in read.keys)), (text, read)


def test_saying_no_to_a_return_interview_is_declining_it(reader: Reader) -> None:
    for text in ("how many said no 🙅 to a return interview in June", "how many kids said no to an RHI in May"):
        read = reader.read(text)
        assert not isinstance(read, Question), (text, read)
