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
from digest.lookups.questions import (
    DEFINE,
    HELP,
    LONG_WORD_LETTERS,
    Clarification,
    NotUnderstood,
    Question,
    Reader,
)
from digest.lookups.service import LookupService
from digest.lookups.talk import NOT_HELD_TOPICS
from tests.digest.lookups.talk_words import everyday_words

SEED = 26
SAME_FIGURE = {"status.lac": "episodes.lac"}
NUMBER_WORDS = {3: "three", 5: "five", 10: "ten", 11: "eleven", 13: "thirteen", 14: "fourteen", 15: "fifteen"}
PERIODS = ("June", "in May", "Q1", "ytd", "for April 2019", "last month")
# Rows whose label alone is another row's too, or only a band's number: asked with their section's words.
SECTION_WORDS = {"4": "episodes lasting", "9": "aged", "10": "LAC placed"}


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


def _unknown_word(reader: Reader, rng: random.Random) -> str:
    """A made-up word the reader neither knows nor reads as a slip of one it knows (a name, a term of another trade),
    and no everyday English word (those are read past: test_everyday_words_around_a_question_change_nothing)."""
    while True:
        word = _name(rng).lower()
        if word not in reader.known and reader.correct(word) == (word, 1.0) and word not in reader.ordinary:
            return word


@pytest.mark.parametrize("seed", range(3))
def test_everyday_words_around_a_question_change_nothing(reader: Reader, config: Config, seed: int) -> None:
    """Any row asked "how many <label> <period>?" reads the same with everyday words put between its parts ("good",
    "corridor", "putting"): they name no row, so the figure asked is answered, not refused."""
    rng = random.Random(SEED + seed)
    words = everyday_words(reader)
    misread = []
    for key, label in rng.sample(_labels(config), 40):
        period = rng.choice(PERIODS)
        plain = reader.read(f"how many {label} {period}?")
        if not isinstance(plain, Question):
            continue  # asked back or refused as it stands: not this test's business
        # Talk goes between the parts of a question, not inside a name ("White British") or a band ("51-60 miles").
        parts = ["how many", label, period]
        for _ in range(rng.randrange(1, 4)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(words))
        text = " ".join(parts) + "?"
        read = reader.read(text)
        if not (isinstance(read, Question) and read.keys == plain.keys and read.period == plain.period):
            misread.append((text, key, read))
    assert misread == []


@pytest.mark.parametrize("seed", range(3))
def test_a_name_or_a_topic_the_report_does_not_hold_is_never_read_past(reader: Reader, seed: int) -> None:
    """A possible name (a capital inside a sentence, or where a child's name goes) and a topic the report does not
    hold are never read past, however everyday the word."""
    rng = random.Random(SEED + seed)
    names = everyday_words(reader)
    topics = sorted(NOT_HELD_TOPICS - reader.known)
    for _ in range(20):
        name = rng.choice(names)
        for text in (
            f"how many LAC episodes did {name.capitalize()} have in June",
            f"has {name} gone missing since April",
            f"how many {rng.choice(topics)} LAC episodes June",
            f"LAC episodes June {rng.choice(topics)}",
        ):
            read = reader.read(text)
            assert isinstance(read, NotUnderstood), (text, read)


@pytest.mark.parametrize("seed", range(3))
def test_a_word_not_read_in_the_part_naming_the_figure_is_never_answered_as_another(
    reader: Reader, config: Config, seed: int
) -> None:
    """Any row asked by its label, with a word the reader did not read put anywhere among the label's words (outside a
    "(of ...)" note, which says what a percentage is of): never a figure, of that row or another, as the word may change
    what is counted ("strategy meetings for children missing more than 2 days", "late RHIs by advocate")."""
    rng = random.Random(SEED + seed)
    labels = _labels(config)
    answered = []
    for key, label in rng.sample(labels, 40):
        words = label.split(" (of ")[0].split()
        words.insert(rng.randrange(len(words) + 1), _unknown_word(reader, rng))
        text = f"{' '.join(words)} {rng.choice(PERIODS)}"
        read = reader.read(text)
        if isinstance(read, Question) and read.kind not in (HELP, DEFINE):
            answered.append((text, key, read))
    assert answered == []


@pytest.mark.parametrize("seed", range(3))
def test_a_word_holding_a_known_word_is_not_read_as_it(reader: Reader, seed: int) -> None:
    """ "together" is not "other", nor "turn" "return": a word two letters from a known one (unless a long one) is
    another word, not a slip, and stops the question rather than naming a row."""
    rng = random.Random(SEED + seed)
    for word in rng.sample([w for w in reader.correctable if len(w) < LONG_WORD_LETTERS], 40):
        for longer in (rng.choice("bcdfgkmpvz") + rng.choice("aeiou") + word, word + rng.choice(("ally", "ened"))):
            if longer in reader.known or reader.correct(longer)[0] == longer:
                continue
            assert reader.correct(longer)[0] != word, (longer, word)


@pytest.mark.parametrize(("typed", "dictated"), [("CSE", "see S E"), ("RHIs", "are H eyes"), ("CIN", "C I N")])
def test_short_forms_dictated_letter_by_letter_read_as_typed(reader: Reader, typed: str, dictated: str) -> None:
    for template in ("um {} episodes in June", "how many {} were completed in time last month", "{} april versus june"):
        assert reader.read(template.format(dictated)) == reader.read(template.format(typed)) or (
            _keys(reader.read(template.format(dictated))) == _keys(reader.read(template.format(typed)))
        )


def _keys(read: object) -> tuple[str, ...] | None:
    return read.keys if isinstance(read, Question) else None


@pytest.mark.parametrize(
    "text",
    [
        "which missing advocate has the highest number of late RHIs",
        "how many strategy meetings were held in June for children missing more than two days",
        "which social workers have the most LAC episodes",
        "number of referrals for CSE children in May",
    ],
)
def test_something_the_report_does_not_count_is_said_so(reader: Reader, text: str) -> None:
    assert isinstance(reader.read(text), NotUnderstood)


def test_rows_and_sections_named_by_their_place_in_the_report(reader: Reader, config: Config) -> None:
    """ "row 2.1", "line 5.3a", "section 6.1": that row; "section 6", "table 9": that section's table."""
    rng = random.Random(SEED)
    for indicator in build_catalogue(config):
        if indicator.key.startswith("_") or indicator.ref in ("-", "") or indicator.section == "8":
            continue  # the ethnicity refs are printed wrongly in the report: read by code (test_questions)
        text = f"{rng.choice(('row', 'line', 'section', 'ref'))} {indicator.ref} {rng.choice(PERIODS)}"
        read = reader.read(text)
        assert isinstance(read, Question), text
        assert read.keys == (SAME_FIGURE.get(indicator.key, indicator.key),), text
    for reading in reader.readings:
        if reading.kind == "breakdown" and reader.section_tables[reading.section] == "@" + reading.id:
            text = f"{rng.choice(('section', 'table'))} {reading.section} {rng.choice(PERIODS)}"
            read = reader.read(text)
            assert isinstance(read, Question), text
            assert (read.kind, read.subject) == ("breakdown", reading.subject), text


def test_a_code_named_with_its_broad_group_is_that_code(reader: Reader, config: Config) -> None:
    """ "Black African" is D2 (never B2 "White and Black African"), "Asian Indian" C1 (never all Asian codes)."""
    broad = {"A": "White", "B": "Mixed", "C": "Asian", "D": "Black"}
    for code, name in config.ethnicity.codes:
        if code[:1] not in broad or broad[code[:1]].lower() in name.lower():
            continue
        for text in (f"{broad[code[:1]]} {name} episodes June", f"how many {broad[code[:1]].lower()} {name} in May"):
            read = reader.read(text)
            assert isinstance(read, Question), text
            assert read.keys == (f"ethnicity.{code}",), text


@pytest.mark.parametrize("grade", ["high risk", "medium/high risk", "high-risk", "medium risk"])
def test_a_risk_grade_without_cse_is_not_read_as_the_cse_rows(reader: Reader, grade: str) -> None:
    """The police grade a missing person's risk; the report's CSE rows count CSE risk, said with CSE or exploitation."""
    assert isinstance(reader.read(f"{grade} mispers June"), NotUnderstood)
    assert isinstance(reader.read("low risk mispers June"), NotUnderstood)
    read = reader.read(f"{grade} CSE episodes June")
    assert isinstance(read, Question)
    assert read.keys == ("episodes.cse",)


TENS_WORDS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty"}
UNIT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


@pytest.mark.parametrize("seed", range(2))
def test_dictated_questions_read_as_typed(reader: Reader, config: Config, seed: int) -> None:
    """Speech-to-text writes years, compound numbers, punctuation and letters as words: "June twenty nineteen", "twenty
    one miles", "full stop", "el ay see". Each reads as the typed question does."""
    rng = random.Random(SEED + seed)
    for _ in range(30):
        tens, unit = rng.choice(list(TENS_WORDS)), rng.choice(list(UNIT_WORDS))
        month = rng.choice(("April", "May", "June"))
        pairs = (
            (
                f"LAC placed {TENS_WORDS[tens]} {UNIT_WORDS[unit]} miles away {month}",
                f"LAC placed {tens + unit} miles away {month}",
            ),
            (f"missing episodes {month} twenty nineteen", f"missing episodes {month} 2019"),
            (f"missing episodes {month} two thousand and nineteen", f"missing episodes {month} 2019"),
            (f"how many LAC episodes in {month} question mark", f"how many LAC episodes in {month}?"),
            (f"el ay see episodes full stop {month}", f"LAC episodes. {month}"),
        )
        for dictated, typed in pairs:
            assert _keys(reader.read(dictated)) == _keys(reader.read(typed)) is not None, dictated
            assert reader.read(dictated).period == reader.read(typed).period, dictated  # type: ignore[union-attr]


def test_the_month_of_june_is_june_not_a_run(reader: Reader) -> None:
    read = reader.read("how many missing episodes were there in the month of June")
    assert isinstance(read, Question)
    assert not read.by_month
    assert read.period.month_of_year == 6
