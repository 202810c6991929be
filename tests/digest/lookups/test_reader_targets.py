"""Targets and thresholds, figures quoted from before, and averages a month (round twenty-five, tuned on writers CO
to CR): "is LAC under 100 episodes this year?", "are we above 80% for RHIs in time?", "You said 74 LAC episodes in
June - what was May?", "average episodes per month this year". Answers are asked of the reference June 2019 store,
as at 18/07/2019."""

from __future__ import annotations

import random
import re

import pytest

from digest.lookups.questions import NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.talk import NOT_HELD_TOPIC
from digest.lookups.vocabulary import FIGURE
from tests.digest.lookups.asking import answered, assert_answers

SEED = 2625
JUNE = {  # the reference report's June figures, as each row's answer shows its count
    "LAC episodes": 74,
    "missing episodes": 116,
    "CSE episodes": 28,
    "girls": 63,
    "same day returns": 53,
    "OLA episodes": 15,
}
THRESHOLD_FRAMES = (
    "is {row} {said} {n} in June?",
    "{row} in June - {said} {n}?",
    "did we stay {said} {n} {row} in June?",
    "{row} June, was it {said} {n}",
)
SAID = {"under": ["under", "below", "less than", "fewer than"], "over": ["over", "above", "more than"]}


@pytest.mark.parametrize("row", list(JUNE))
def test_a_threshold_is_answered_with_the_figure_and_whether_it_meets_it(service: LookupService, row: str) -> None:
    rng = random.Random(f"{SEED}{row}")
    for _ in range(6):
        comparison = rng.choice(list(SAID))
        n = rng.choice([JUNE[row] - rng.randint(1, 9), JUNE[row] + rng.randint(1, 9)])
        frame = rng.choice(THRESHOLD_FRAMES)
        if comparison == "over" and frame.startswith("did we stay"):
            frame = THRESHOLD_FRAMES[0]
        text = frame.format(row=row, said=rng.choice(SAID[comparison]), n=n)
        _, lines = answered(service, text)
        count = int(re.match(r"\*(\d+)", lines[0]).group(1))
        assert count == JUNE[row], (text, lines)
        met = count < n if comparison == "under" else count > n
        assert (
            lines[-1] == f"{'Yes' if met else 'No'}, that is {'' if met else 'not '}{comparison} the figure you gave."
        ), (
            text,
            lines,
        )


@pytest.mark.parametrize(
    ("text", "figure", "check"),
    [
        (
            "are we above 80% for RHIs in time in june?",
            "*49 (69% of 71 accepted)*",
            "No, that is not over the figure you gave.",
        ),
        (
            "has the girls share gone over 50% in june?",
            "*63 (54% of 116 episodes)*",
            "Yes, that is over the figure you gave.",
        ),
        (
            "LAC % of all episodes ytd - is it over two thirds?",
            "*236 (63% of 375 episodes)*",
            "No, that is not over the figure you gave.",
        ),
        (
            "is BME more than a third of episodes in May?",
            "*49 (38% of 130 episodes)*",
            "Yes, that is over the figure you gave.",
        ),
        (
            "did we hit 60% for RHIs done in time this year?",
            "*208 (76% of 273 accepted)*",
            "Yes, that is at least the figure you gave.",
        ),
    ],
)
def test_a_threshold_in_percent_is_set_against_the_share(
    service: LookupService, text: str, figure: str, check: str
) -> None:
    _, lines = answered(service, text)
    assert (lines[0], lines[-1]) == (figure, check)


@pytest.mark.parametrize(
    "text",
    [
        "children under 10 in June?",
        "how many episodes lasted more than 2 days in June?",
        "LAC placed over 50 miles in June?",
        "under 13s - how many episodes so far this year?",
        "are any placed over 100 miles in June?",
        "is it over 10 miles for most LAC?",
    ],
)
def test_a_band_is_never_read_as_a_threshold(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert not (isinstance(read, Question) and read.thresholds), (text, read)


def _rows(reader: Reader) -> list[tuple[str, Question]]:
    read = []
    for reading in reader.readings:
        if reading.kind != FIGURE or reading.subject.startswith("children."):
            continue
        plain = reader.read(f"{reading.label} May")
        if isinstance(plain, Question) and plain.subject == reading.subject:
            read.append((reading.label, plain))
    return read


def test_a_quote_gives_its_row_to_a_question_that_names_none(reader: Reader) -> None:
    rng = random.Random(SEED)
    for label, plain in rng.sample(_rows(reader), 25):
        opener = rng.choice(["You said", "Earlier you said", "The bot told me", "Priya says", "Mark reckons"])
        asked = rng.choice(["what was May?", "what about May?", "and in May?"])
        text = f"{opener} {rng.randint(2, 140)} for {label.replace(' - ', ' ')} in June - {asked}"
        read = reader.read(text)
        assert isinstance(read, Question), (text, read)
        assert (read.keys, read.period, read.stated, read.thresholds) == (plain.keys, plain.period, (), ()), text


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("You said 74 LAC episodes in June - what was May?", "LAC episodes, May 2019", "*87*"),
        (
            "you said 85 RHIs were offered in June - how many were accepted?",
            "Return home interviews accepted, June 2019",
            None,
        ),
        ("Earlier you said BME was only 8 episodes in June, what was it in April?", "BME episodes, April 2019", None),
        (
            "you said 53 children went missing in June - hows that compare with April?",
            "Children missing, April 2019 against June 2019",
            None,
        ),
        (
            "you told me 104 different children went missing so far this year - how many of those were LAC?",
            "Looked-after children missing, April to June 2019",
            "*40*",
        ),
        (
            "The bot said 69% of RHIs were done in 3 working days in June. Was May better?",
            "Return home interviews completed in time, May 2019 against June 2019",
            None,
        ),
    ],
)
def test_a_question_about_what_was_said_before_is_answered(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


def test_how_the_council_compares_with_others_is_not_held(reader: Reader) -> None:
    for text in (
        "Sarah reckons our 116 in June is lower than Sheffield's, how do we compare with other councils?",
        "how do our LAC episodes compare with other local authorities?",
        "benchmark us against statistical neighbours' councils for June",
    ):
        read = reader.read(text)
        assert isinstance(read, NotUnderstood), (text, read)
        assert read.problem == NOT_HELD_TOPIC, text


@pytest.mark.parametrize(
    ("text", "mean", "months"),
    [
        ("average episodes per month this year", "125.0", (129, 130, 116)),
        ("monthly avg for CSE episodes ytd", "20.3", (17, 16, 28)),
        ("average no. of children going missing per month so far", "59.3", (57, 68, 53)),
        ("LAC episodes a month on average this year", "78.7", (75, 87, 74)),
    ],
)
def test_an_average_a_month_is_the_mean_of_the_months(
    service: LookupService, text: str, mean: str, months: tuple[int, int, int]
) -> None:
    _, lines = answered(service, text)
    assert lines[0] == f"*Average a month: {mean}* (over 3 months with figures)"
    assert f"{sum(months) / 3:.1f}" == mean
    assert [int(line.rsplit(": ", 1)[1]) for line in lines[1:4]] == list(months)


def test_an_average_per_child_is_still_per_child(service: LookupService) -> None:
    title, lines = answered(service, "average episodes per child this year")
    assert (title, lines[0]) == ("Episodes per child, April to June 2019", "*3.6*")
