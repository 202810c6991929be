"""Properties of the reader over generated questions (a seeded generator): any row of the catalogue, asked by its
label with typos, plurals, possessives, American spellings or number words, reads to that row; a quantity
inside a band, or a range of whole bands, reads to exactly those rows; and no answer quotes back a word of the
question that the bot does not know.
"""

from __future__ import annotations

import random
import re

import pytest

from digest.contract.config import Config
from digest.figures.catalogue import AGES, DISTANCE_BANDS, DURATION_DAYS, build_catalogue, distance_key
from digest.lookups.questions import Clarification, Question, Reader
from digest.lookups.service import LookupService

SEED = 26
SAME_FIGURE = {"status.lac": "episodes.lac"}
NUMBER_WORDS = {3: "three", 5: "five", 10: "ten", 11: "eleven", 13: "thirteen", 14: "fourteen", 15: "fifteen"}
PERIODS = ("June", "in May", "Q1", "ytd", "for April 2019", "last month")
# Rows whose label alone is another row's too, or only a band's number: asked with their section's words.
SECTION_WORDS = {"4": "episodes lasting", "9": "aged", "10": "LAC placed"}


@pytest.fixture(scope="module")
def reader(config: Config) -> Reader:
    return Reader(config)


def _typo(word: str, rng: random.Random) -> str:
    """One slip of the finger in a long word: two letters swapped, one doubled or one dropped."""
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("swap", "double", "drop"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    return word[:i] + word[i + 1 :]


def _variant(text: str, rng: random.Random) -> str:
    """The label as someone might type it."""
    words = text.split()
    out = []
    for word in words:
        plain = word.strip("();,'")
        if plain.isdigit() and int(plain) in NUMBER_WORDS and rng.random() < 0.5:
            word = word.replace(plain, NUMBER_WORDS[int(plain)])
        elif plain.isalpha() and plain.islower() and len(plain) >= 7 and rng.random() < 0.3:
            word = word.replace(plain, _typo(plain, rng))
        elif plain.endswith("ised") and rng.random() < 0.5:
            word = word.replace("ised", "ized")
        out.append(word)
    return " ".join(out).lower() if rng.random() < 0.5 else " ".join(out)


def _labels(config: Config) -> list[tuple[str, str]]:
    out = []
    for indicator in build_catalogue(config):
        if indicator.key.startswith("_") or indicator.ref == "-":
            continue
        label = indicator.label
        if indicator.section in SECTION_WORDS and not indicator.key.startswith("duration.still"):
            label = f"{SECTION_WORDS[indicator.section]} {label}"
        out.append((indicator.key, label))
    return out


def test_any_row_label_with_slips_reads_to_that_row(reader: Reader, config: Config) -> None:
    rng = random.Random(SEED)
    misread = []
    for key, label in _labels(config):
        for _ in range(4):
            text = f"{_variant(label, rng)} {rng.choice(PERIODS)}"
            read = reader.read(text)
            want = SAME_FIGURE.get(key, key)
            if not (isinstance(read, Question) and read.keys == (want,)):
                misread.append((text, want, read))
    assert misread == []


@pytest.mark.parametrize("seed", range(3))
def test_a_quantity_reads_into_the_band_that_holds_it(reader: Reader, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        age = rng.randrange(5, 20)
        want_age = "age.under_10" if age < AGES[0] else "age.17_plus" if age > AGES[-1] else f"age.{age}"
        miles = rng.randrange(0, 150)
        upper = next((u for u in DISTANCE_BANDS if miles <= u), None)
        want_miles = distance_key(upper) if upper is not None else "distance.101_plus"
        days = rng.randrange(0, 12)
        want_days = f"duration.{days}" if days in DURATION_DAYS else "duration.gt5"
        for text, want in (
            (f"{NUMBER_WORDS.get(age, str(age))} year olds June", want_age),
            (f"LAC placed {miles} miles away in May", want_miles),
            (f"episodes lasting {days} days ytd", want_days),
        ):
            read = reader.read(text)
            assert isinstance(read, Question), (text, read)
            assert read.keys == (want,), (text, read)


@pytest.mark.parametrize("seed", range(3))
def test_a_range_or_comparative_reads_into_the_bands_it_names(reader: Reader, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(30):
        low = rng.choice(DISTANCE_BANDS[:-1])  # "more than 40 miles": the bands above 40
        above = [distance_key(u) for u in DISTANCE_BANDS if u > low] + ["distance.101_plus"]
        first, last = sorted(rng.sample(range(len(DISTANCE_BANDS)), 2))
        bands = DISTANCE_BANDS[first : last + 1]
        start = 0 if bands[0] == DISTANCE_BANDS[0] else bands[0] - 9
        between = [distance_key(u) for u in bands]
        days = rng.choice(DURATION_DAYS[1:])
        at_least = [f"duration.{d}" for d in DURATION_DAYS if d >= days] + ["duration.gt5"]
        for text, want in (
            (f"LAC episodes placed more than {low} miles away June", above),
            (f"LAC placed between {start} and {bands[-1]} miles q1", between),
            (f"LAC placed {start} to {bands[-1]} miles q1", between),
            (f"episodes missing at least {NUMBER_WORDS.get(days, str(days))} days ytd", at_least),
            (f"missing {days} days or more in May", at_least),
        ):
            read = reader.read(text)
            assert isinstance(read, Question), (text, read)
            assert list(read.keys) == want, (text, read)


@pytest.fixture(scope="module")
def service(reference_service: LookupService) -> LookupService:
    return reference_service


def _name(rng: random.Random) -> str:
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randrange(2, 4))).capitalize()


TEMPLATES = (
    "how many times has {name} gone missing this year",
    "is {name} {surname} still missing",
    "LAC episodes June {name}",
    "{name} CSE children vs May",
    "breakdown of {name} by gender",
    "average length of {name} episodes",
    "which month had the most {name}",
    "trend of {name} {surname}",
)


def test_no_answer_quotes_back_a_word_it_does_not_know(service: LookupService) -> None:
    rng = random.Random(SEED)
    for _ in range(60):
        name, surname = _name(rng), _name(rng)
        question = rng.choice(TEMPLATES).format(name=name, surname=surname)
        answer = service.ask("U", "C", question)
        said = "\n".join([answer.title, *answer.lines, *(c for row in answer.table for c in row), answer.footer])
        said += "\n".join(f"{label} {text}" for label, text in answer.choices)
        for word in (name, surname):
            assert not re.search(rf"\b{word}\b", said, re.IGNORECASE), (question, said)
        # A name near no word the bot knows is not read, so nothing is answered; one a typo away from a word
        # ("Cale", "care") is read as that word, as any misspelling is.
        if all(service.reader.correct(w.lower())[0] == w.lower() for w in (name, surname)):
            assert answer.outcome == "not understood", (question, answer.title)


def test_close_readings_are_either_answered_with_the_others_offered_or_a_real_tie(reader: Reader) -> None:
    answered = reader.read("LAC june")
    assert isinstance(answered, Question)
    assert answered.keys == ("episodes.lac",)
    assert answered.alternatives == (("Looked-after children missing", "@children.lac june"),)
    tie = reader.read("CSE june")
    assert isinstance(tie, Clarification)
    assert len(tie.choices) == 2
