"""What is said around a question (round fourteen, tuned on writers AW to AZ): whom the asker asks for, a figure
stated as a claim, a population beyond those who went missing, context sentences before the question, and periods
and shapes said another way. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import NO_POPULATION, ONE_CHILD, TWO_RANGES, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

SEED = 2614
ROUNDS = 40
COLLEAGUES = ("Sarah", "Priya", "Tom", "Gareth")


def test_whom_the_asker_asks_for_is_no_child(reader: Reader) -> None:
    rng = random.Random(SEED)
    openings = (
        "Hi, {name} has asked me to find out how many missing episodes there were in June please?",
        "{name} wants to know how many missing episodes there were in June",
        "For {name}'s meeting this afternoon - how many missing episodes were there in June?",
        "For {name} - how many missing episodes were there in June? She thinks it's quite high",
        "For the Director's briefing - how many missing episodes were there in June?",
    )
    for _ in range(ROUNDS):
        text = rng.choice(openings).format(name=rng.choice(COLLEAGUES))
        read = reader.read(text)
        assert isinstance(read, Question), (text, read)
        assert read.subject == "episodes.all", (text, read)


@pytest.mark.parametrize(
    "text",
    [
        "has Sarah gone missing again",
        "is she still missing",
        "has Gareth had his return interview",
        "Sarah's episodes June",
    ],
)
def test_a_name_or_a_childs_pronoun_is_still_about_a_child(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert isinstance(read, NotUnderstood), (text, read)
    assert read.problem == ONE_CHILD or read.unread


def test_a_figure_stated_as_a_claim_is_answered_with_the_figure(service: LookupService) -> None:
    title, lines = answered(
        service, "isn't it true that missing episodes for kids at medium/high CSE risk hit 28 in June?"
    )
    assert (title, lines[0]) == ("Episodes at CSE risk (medium/high), June 2019", "*28*")


@pytest.mark.parametrize(
    "text",
    [
        "how many of our LAC are placed OOA in total, not just the ones who go missing?",
        "are kids placed further away more likely to go missing?",
        "missing episodes per 10,000 children in June",
        "need a rate per placed child by distance band",
        "are boys less likely to go missing than girls this year",
    ],
)
def test_how_many_there_are_beyond_those_missing_is_said_not_held(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert isinstance(read, NotUnderstood), (text, read)
    assert read.problem == NO_POPULATION, (text, read)


def test_a_financial_year_up_to_a_month_is_the_year_to_date_then(service: LookupService) -> None:
    title, lines = answered(service, "individual children who went missing in 2019/20 to the end of June")
    assert (title, lines[0]) == ("Children missing, April to June 2019 (2019/20 year to date)", "*104*")
    title, lines = answered(service, "LAC episodes 2019/20 up to May")
    assert (title, lines[0]) == ("LAC episodes, April to May 2019 (2019/20 year to date)", "*162*")


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("16 and over, episodes last month", "16yrs to 17+yrs (episodes), June 2019", "*36 (31% of 116 episodes)*"),
        (
            "How many missing episodes in June were kids who aren't even known to us",
            "Not a client, June 2019",
            "*23 (20% of 116 episodes)*",
        ),
        (
            "how many missing episodes this year you didn't even record the child's ethnicity for",
            "E4 - Not obtained / recorded, April to June 2019 (2019/20 year to date)",
            "*38 (10% of 375 episodes)*",
        ),
        (
            "on average how many times does each kid go missing in a month - june figures",
            "Episodes per child, June 2019",
            "*2.2*",
        ),
    ],
)
def test_words_around_a_figure_that_change_nothing(service: LookupService, text: str, title: str, figure: str) -> None:
    got, lines = answered(service, text)
    assert (got, lines[0]) == (title, figure)


def test_not_recording_ethnicity_is_never_read_as_a_code_not_recognised(reader: Reader) -> None:
    for text in (
        "how many episodes in june did we not record ethnicity",
        "episodes where we didn't record ethnicity YTD",
    ):
        read = reader.read(text)
        assert isinstance(read, Question), (text, read)
        assert read.subject == "ethnicity.E4", (text, read)


def test_the_usual_time_a_child_is_missing_is_a_length(reader: Reader) -> None:
    read = reader.read("whats the median time a child is missing for this year")
    assert isinstance(read, Question)
    assert (read.kind, read.subject) == ("length", "median")
    # ... never the return interviews' "in time"
    read = reader.read("how many RHIs were done in time for children missing in June")
    assert isinstance(read, Question)
    assert read.subject == "rhi.completed_in_time"


def test_is_it_reducing_is_a_change_month_by_month(service: LookupService) -> None:
    title, _ = answered(service, "repeat missing LAC (3+ episodes) month by month - is it reducing?")
    assert title == "Looked-after children with 3 or more LAC episodes, April to June 2019 month by month"


def test_two_ranges_of_the_same_rows_are_never_answered_as_one(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        first, second = rng.sample(("within 40 miles", "over 40 miles", "10 miles or under", "over 100 miles"), 2)
        text = f"LAC episodes {first} and {second} {rng.choice(('June', 'YTD', 'Q1'))}"
        read = reader.read(text)
        # said to be two, or asked which, or each a row of its own side by side ("10 miles or under and over 100")
        assert not isinstance(read, Question) or (len(read.keys) == 1 and len(read.also) == 1), (text, read)
    read = reader.read("LAC episodes within 40 miles and over 100 miles June")
    assert isinstance(read, NotUnderstood)
    assert read.problem == TWO_RANGES


def test_the_sentence_asking_is_read_past_a_sentence_of_context(service: LookupService) -> None:
    title, lines = answered(
        service,
        "Your advocates only offer face to face RHIs within 40 miles. How many LAC episodes YTD were children placed "
        "more than 40 miles away?",
    )
    assert (title, lines[0]) == (
        "41-50 miles to 101+ miles (LAC episodes), April to June 2019",
        "*32 (14% of 236 LAC episodes)*",
    )


def test_a_follow_up_sentence_is_never_answered_alone_when_the_question_was_not_read(reader: Reader) -> None:
    """The question in a sentence with a word not read, and "children rather than episodes" after it: never the
    count of all children, which would drop the group the first sentence asked about."""
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        group = rng.choice(("children in care", "looked after children", "children at CSE risk", "girls"))
        text = (
            f"The zorblatt would like to know how many {group} went missing {rng.choice(('last month', 'in May'))}. "
            "Could you give me the number of children rather than the number of episodes?"
        )
        read = reader.read(text)
        assert not (isinstance(read, Question) and read.subject == "children.all"), (text, read)
