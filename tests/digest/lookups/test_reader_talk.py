"""The reader and the talk around a question, over generated messages (a seeded generator): sentences of everyday
words before and after a question change nothing; two questions in one message are never answered as one; a name or
a topic the report does not hold is refused with what to ask instead; a list with a plus, or "all" beside a group,
is each figure named.
"""

from __future__ import annotations

import random

import pytest

from digest.contract.config import Config
from digest.lookups.questions import NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.talk import NOT_HELD_TOPIC, NOT_HELD_TOPICS
from tests.digest.lookups.talk_words import everyday_words

SEED = 1206
PERIODS = ("in June", "in May", "in Q1", "so far this year", "last month")
# Rows people ask for, in their words, with what each reads as alone.
ASKED = (
    "how many LAC episodes",
    "how many children went missing",
    "how many return home interviews were offered",
    "how many CSE risk episodes",
    "how many girls went missing",
    "how many episodes were early help",
    "what share of episodes were White British",
)


def _talk(rng: random.Random, words: list[str]) -> str:
    """A sentence of everyday words: "Sorry, corridor putting guessing." (no question in it)."""
    said = " ".join(rng.choice(words) for _ in range(rng.randrange(2, 7)))
    return rng.choice(("Sorry, ", "Hi, ", "I ", "We ", "")) + said + rng.choice((".", "!", " :)"))


@pytest.mark.parametrize("seed", range(3))
def test_sentences_of_talk_around_a_question_change_nothing(reader: Reader, seed: int) -> None:
    rng = random.Random(SEED + seed)
    words = everyday_words(reader)
    misread = []
    for _ in range(30):
        question = f"{rng.choice(ASKED)} {rng.choice(PERIODS)}?"
        plain = reader.read(question)
        assert isinstance(plain, Question), question
        before, after = _talk(rng, words), _talk(rng, words)
        text = rng.choice((f"{before} {question}", f"{question} {after}", f"{before} {question} {after}"))
        read = reader.read(text)
        if not (
            isinstance(read, Question) and (read.kind, read.keys, read.period) == (plain.kind, plain.keys, plain.period)
        ):
            misread.append((text, read))
    assert misread == []


@pytest.mark.parametrize("seed", range(3))
def test_two_questions_in_one_message_are_never_answered_as_one(reader: Reader, seed: int) -> None:
    rng = random.Random(SEED + seed)
    for _ in range(20):
        first, second = rng.sample(ASKED, 2)
        period, other = rng.sample(PERIODS, 2)
        text = f"{first} {period}? {second} {other}?"
        read = reader.read(text)
        assert not isinstance(read, Question) or len({*read.keys, *read.also}) > 1 or read.compare, (text, read)


@pytest.mark.parametrize("seed", range(3))
def test_a_topic_the_report_does_not_hold_is_refused_saying_what_it_holds(reader: Reader, seed: int) -> None:
    rng = random.Random(SEED + seed)
    topics = sorted(t for t in NOT_HELD_TOPICS if t not in reader.known and t.isalpha())
    words = everyday_words(reader)
    for _ in range(20):
        topic = rng.choice(topics)
        text = rng.choice(
            (
                f"{topic} for LAC kids {rng.choice(PERIODS)}",
                f"how many {rng.choice(ASKED).split()[-1]} {topic} {rng.choice(PERIODS)}",
                f"{_talk(rng, words)} what was the {topic} of children who went missing {rng.choice(PERIODS)}?",
            )
        )
        read = reader.read(text)
        assert read == NotUnderstood(NOT_HELD_TOPIC, read.suggestions if isinstance(read, NotUnderstood) else []), (
            text,
            read,
        )


@pytest.mark.parametrize("name", ["jordan", "smith", "grace", "tyler"])
def test_a_name_where_a_child_goes_is_a_question_about_one_child(reader: Reader, name: str) -> None:
    for text in (f"has {name} gone missing since april", f"is {name} still missing", f"did {name} get an RHI in june"):
        read = reader.read(text)
        assert isinstance(read, NotUnderstood), text
        assert read.problem.startswith("I answer with counts for the whole report, never about one child"), text


def test_a_plus_between_figures_lists_them(reader: Reader) -> None:
    plus, said = reader.read("girls + boys June"), reader.read("girls and boys June")
    assert isinstance(plus, Question)
    assert isinstance(said, Question)
    assert (plus.keys, plus.also) == (said.keys, said.also) == (("gender.female",), ("gender.male",))


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("LAC episodes and all episodes June", ("episodes.lac", "episodes.all")),
        ("episodes all + CLA, June", ("episodes.lac", "episodes.all")),
        ("CSE risk episodes and the total, May", ("episodes.cse", "episodes.all")),
    ],
)
def test_all_beside_a_group_adds_the_same_figure_for_all_children(
    reader: Reader, text: str, keys: tuple[str, ...]
) -> None:
    read = reader.read(text)
    assert isinstance(read, Question), text
    assert (*read.keys, *read.also) == keys


def test_the_previous_quarter_beside_a_named_one_is_the_one_before_it(reference_service: LookupService) -> None:
    """In July 2019 "the previous quarter" said from today is Q1 itself: beside Q1, the asker means Q4 2018/19."""
    answer = reference_service.ask("U", "C", "How does Q1 compare with the previous quarter for missing episodes?")
    assert answer.title == "Missing episodes, January to March 2019 against April to June 2019"
    assert answer.lines[:3] == [
        "January to March 2019: no data",
        "April to June 2019: 375",
        "No change can be given without a figure for January to March 2019 (no data).",
    ]


def test_everyday_words_are_read_past_only_in_a_question(reader: Reader, config: Config) -> None:
    """ "Thx, how's your day" holds a row's word ("day") but no question: it is never answered with a figure."""
    for text in ("thx, hows ur day", "okay thanks um that's great speak later", "morning! hope you're well"):
        read = reader.read(text)
        assert not (isinstance(read, Question) and read.keys), (text, read)
