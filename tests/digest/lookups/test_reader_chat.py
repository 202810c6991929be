"""How people write in a chat (round eighteen, tuned on writers BM to BP): follow-ups written as if the bot kept the
conversation, instructions for an AI assistant's answer, colleagues tagged and hashtags. Answers are asked of the
reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import FOLLOW_UP, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answers

SEED = 2618
ROUNDS = 40
FOLLOW_UPS = (
    "and for {what}?",
    "what about {what}?",
    "same for {what}",
    "and {what}?",
    "how about {what}",
    "is that up on {month}?",
    "how does that compare to {month}",
    "just the {what} ones?",
)


def test_a_follow_up_is_asked_in_full_not_guessed(reader: Reader) -> None:
    """The bot keeps no conversation: "and for LAC?" follows on from a figure it does not know."""
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        form = rng.choice(FOLLOW_UPS)
        whats = ("LAC", "CLA", "looked after", "CSE") if "ones" in form else ("LAC", "May", "YTD", "girls", "as a %")
        text = form.format(what=rng.choice(whats), month=rng.choice(("May", "April", "last year")))
        assert reader.read(text) == NotUnderstood(FOLLOW_UP, reader.suggest(text)), text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("And how many LAC episodes in June?", "episodes.lac"),
        ("and what about children missing in May", "children.all"),
        ("Is it true LAC went up in June?", "episodes.lac"),
    ],
)
def test_a_whole_question_opening_with_and_is_answered(reader: Reader, text: str, subject: str) -> None:
    read = reader.read(text)
    assert isinstance(read, Question), (text, read)
    assert read.subject == subject


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Return only the number: individual children who went missing YTD", "Children missing, April to June 2019"),
        (
            "Act as a safeguarding lead and tell me how many CSE medium/high risk missing episodes we've had so far "
            "this year",
            "Episodes at CSE risk (medium/high), April to June 2019",
        ),
        (
            "Give me a month by month table of LAC episodes this year.",
            "LAC episodes, April to June 2019 month by month",
        ),
        (
            "Summarise the trend in RHIs offered over the last 6 months in bullet points",
            "Return home interviews offered",
        ),
        ("BME episodes YTD - one line answer please", "BME episodes, April to June 2019"),
    ],
)
def test_instructions_for_an_answers_form_are_read_past(service: LookupService, text: str, title: str) -> None:
    assert_answers(service, text, title)


def test_colleagues_tagged_and_hashtags_change_nothing(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        question, subject = rng.choice((("age breakdown YTD pls", "age"), ("LAC episodes in June", "episodes.lac")))
        if rng.random() < 0.5:  # hashtags close a message; inside one, their words are read
            text = f"{question} {rng.choice(('@Priya fyi', 'cc @Mark', '@Jo', '👍 @Amir #CSE', '#missing #LAC'))}"
        else:
            text = f"{rng.choice(('@Priya fyi', 'cc @Mark', 'cc: @Dave'))} {question}"
        read = reader.read(text)
        assert isinstance(read, Question), (text, read)
        assert read.subject == subject, text


def test_a_question_about_a_named_child_is_never_answered_by_its_hashtag(reader: Reader) -> None:
    read = reader.read("@Priya can u check how many times Jayden Smith has gone missing since April? #LAC")
    assert isinstance(read, NotUnderstood)
    read = reader.read("How many times has Kayden gone missing? LAC")
    assert isinstance(read, NotUnderstood)


def test_what_we_are_expecting_is_a_forecast(reader: Reader) -> None:
    read = reader.read("what are we expecting for August?")
    assert isinstance(read, NotUnderstood)
    assert read.problem.startswith("I give the figures recorded so far, never a forecast.")


def test_a_trend_over_a_range_that_fell_is_the_months_one_by_one(service: LookupService) -> None:
    answer = service.ask("U", "C", "31-40 miles placements trend Apr-Jun? looks like it fell off a cliff")
    assert answer.title == "31-40 miles, April to June 2019 month by month"
