"""Questions asked by their complement (round twenty-three, tuned on writers CG to CJ): "episodes that were NOT LAC",
"other than White British", "apart from the under-11s", "excluding the kids placed within 10 miles": the base less
the rows, a derived figure; rates by the day or week, refused; "one in how many"; dictation misheard. Answers are
asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random
import re

import pytest

from digest.lookups.questions import NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.vocabulary import FIGURE
from tests.digest.lookups.asking import answered, assert_answers

SEED = 2623
COMPLEMENT_FRAMES = (
    "{base} other than {row} in June",
    "June {base} apart from {row}",
    "how many {base} were not {row} in June",
    "{base} except {row}, June",
    "{base} in June excluding {row}",
)
BASES = {"episodes.all": "episodes", "episodes.lac": "LAC episodes"}


def _complemented_rows(reader: Reader) -> list[tuple[str, Question, str]]:
    """Each row with a complement whose label reads back as it with a month: (label, reading, base words)."""
    rows = []
    for reading in reader.readings:
        if reading.kind != FIGURE or reading.subject not in reader.complemented:
            continue
        if re.search(r"\b(?:not|other)\b", reading.label, re.IGNORECASE):  # "Not recorded", "Any other White"
            continue
        plain = reader.read(f"{reading.label} June")
        if isinstance(plain, Question) and plain.subject == reading.subject and not plain.complement:
            base = "LAC episodes" if reading.subject.startswith("distance.") else "episodes"
            rows.append((reading.label, plain, base))
    return rows


def test_a_row_said_after_other_than_except_or_not_is_its_complement_or_refused(reader: Reader) -> None:
    rng = random.Random(SEED)
    rows = _complemented_rows(reader)
    assert len(rows) > 40  # the rows of sections 2 to 10 that part their base
    complements = 0
    for label, plain, base in rows:
        for frame in rng.sample(COMPLEMENT_FRAMES, 2):
            text = frame.format(base=base, row=label)
            read = reader.read(text)
            if isinstance(read, NotUnderstood):  # "... apart from Episodes at CSE risk": "not episodes" reads as
                continue  # ruling the count out; refused, never answered as another figure
            assert isinstance(read, Question), (text, read)
            assert read.complement, text
            assert (read.keys, read.period) == (plain.keys, plain.period), text
            complements += 1
    assert complements >= 0.9 * 2 * len(rows)


def test_a_complement_and_its_row_add_up_to_the_base(service: LookupService) -> None:
    rng = random.Random(SEED)
    reader = service.reader
    for label, _, base in rng.sample(_complemented_rows(reader), 20):
        _, row = answered(service, f"{label} June")
        answer = service.ask("U", "C", f"{base} other than {label} in June")
        if answer.outcome == "not understood":  # refused ("... other than Episodes at CSE risk"), never another figure
            continue
        rest = answer.lines
        count = int(re.match(r"\*(\d+)", row[0]).group(1))
        other = re.match(r"\*(\d+) \(\d+% of (\d+) ", rest[0])
        assert other is not None, rest
        assert count + int(other.group(1)) == int(other.group(2)) == (74 if base == "LAC episodes" else 116), label


@pytest.mark.parametrize(
    ("text", "title", "figure", "rows"),
    [
        (
            "How many missing episodes in June were NOT looked-after children?",
            "Episodes other than LAC episodes, June 2019",
            "*42 (36% of 116 episodes)*",
            "All episodes less row 2.1 of the report.",
        ),
        (
            "June episodes other than White British?",
            "Episodes other than A1 - White British, June 2019",
            "*19 (16% of 116 episodes)*",
            "All episodes less row 8.1 of the report.",
        ),
        (
            "YTD LAC episodes where the kid was NOT within 20 miles of home",
            "LAC episodes other than 10 miles or under to 11-20 miles, April to June 2019",
            "*91 (39% of 236 LAC episodes)*",
            "All LAC episodes less rows 10.1 to 10.2 of the report.",
        ),
        (
            "LAC episodes in Q1 excluding the kids placed within 10 miles",
            "LAC episodes other than 10 miles or under, April to June 2019",
            "*163 (69% of 236 LAC episodes)*",
            "All LAC episodes less row 10.1 of the report.",
        ),
        (
            "Apart from the under-11s how many episodes have we had YTD",
            "Episodes other than Under 10yrs to 10yrs, April to June 2019",
            "*372 (99% of 375 episodes)*",
            "All episodes less rows 9.1 to 9.2 of the report.",
        ),
        (
            "(ex. same day) eps May",
            "Episodes other than Same-day returns, May 2019",
            "*69 (53% of 130 episodes)*",
            "All episodes less row 4.1 of the report.",
        ),
    ],
)
def test_a_complement_is_the_base_less_the_rows_and_says_so(
    service: LookupService, text: str, title: str, figure: str, rows: str
) -> None:
    said, lines = answered(service, text)
    assert (said, lines[0], lines[1]) == (title, figure, rows)


def test_a_complement_compared_and_month_by_month(service: LookupService) -> None:
    title, lines = answered(service, "month by month this year, episodes that weren't LAC")
    assert title == "Episodes other than LAC episodes, April to June 2019 month by month"
    assert lines[:3] == [
        "April 2019: 54 (42% of 129 episodes)",
        "May 2019: 43 (33% of 130 episodes)",
        "June 2019: 42 (36% of 116 episodes)",
    ]


def test_a_small_complement_is_withheld_under_disclosure_control(reference_service: LookupService) -> None:
    withheld = LookupService(reference_service.open_store, reference_service.config, suppress=True)
    answer = withheld.ask("U", "C", "LAC episodes in June not within 100 miles")  # 5, at 101+ miles
    assert answer.outcome == "answered", answer
    assert answer.lines[0] == "*c*"


@pytest.mark.parametrize(
    "frame",
    [
        "{q}, the ones that don't get face to face RHIs",
        "Residents worry about kids who don't come home. {q}",
        "isn't it true that {q}",
        "{q} - I don't need the children, just episodes",
    ],
)
def test_a_not_of_another_verb_never_asks_a_complement(reader: Reader, frame: str) -> None:
    questions = [
        "how many LAC episodes in June were placed over 40 miles away?",
        "how many episodes lasted at least two days this year?",
        "were any children still missing at the end of April?",
        "how many White British episodes in June?",
    ]
    for question in questions:
        text = frame.format(q=question)
        read = reader.read(text)
        assert not (isinstance(read, Question) and read.complement), text


@pytest.mark.parametrize(
    "text",
    [
        "children who aren't in care June",  # children are counted once each: no complement
        "on average how many times did each non-LAC child go missing in june",
        "RHIs not offered in June",  # the report holds what was offered, of a base it does not show
        "episodes in June other than the OLA ones",  # OLA is a part of not a client, not of all episodes
    ],
)
def test_a_complement_the_report_cannot_give_is_not_answered_with_the_row(reader: Reader, text: str) -> None:
    read = reader.read(text)
    assert not (isinstance(read, Question) and not read.complement and read.subject == "status.other_la"), read
    assert not (isinstance(read, Question) and read.complement), (text, read)


def test_a_not_a_client_row_is_still_its_own_row(service: LookupService) -> None:
    assert answered(service, "not a client June")[1][0] == "*23 (20% of 116 episodes)*"
    assert answered(service, "ethnicity not recorded June")[0] == "E4 - Not obtained / recorded, June 2019"


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("LAC placed no more than 10 miles away June", "10 miles or under, June 2019", "*37 (50% of 74 LAC episodes)*"),
        (
            "episodes lasting no more than 2 days June",
            "0 (same day return) to 2 days (episodes), June 2019",
            "*108 (93% of 116 episodes)*",
        ),
        (
            "episodes lasting not less than 2 days June",
            "2 days to More than 5 days (episodes), June 2019",
            "*10 (9% of 116 episodes)*",
        ),
    ],
)
def test_no_more_than_is_at_most(service: LookupService, text: str, title: str, figure: str) -> None:
    said, lines = answered(service, text)
    assert (said, lines[0]) == (title, figure)


@pytest.mark.parametrize("text", ["missing for more than a day in June", "episodes lasting a day June"])
def test_a_day_as_a_length_is_no_rate(reader: Reader, text: str) -> None:
    assert isinstance(reader.read(text), Question)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "one in how many missing episodes last month were kids in care?",
            "LAC episodes, June 2019",
            "*74 (64% of 116 episodes)*",
        ),
        ("see SE medium high risk episodes in june how many question mark", "Episodes at CSE risk", "*28*"),
        ("our HIS accepted in june how many was that", "Return home interviews accepted, June 2019", None),
        ("so yeah child protection plan episodes why TD what's that at", "CPP, April to June 2019", None),
        ("gipsy roamer episodes in april", "A5 - Gypsy / Roma, April 2019", "*24 (19% of 129 episodes)*"),
    ],
)
def test_shares_one_in_how_many_and_dictation_misheard(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


def test_a_complement_beside_another_row_is_not_answered(reader: Reader) -> None:
    for text in ("how many episodes were not LAC girls in June", "girls in June other than the LAC ones"):
        read = reader.read(text)
        assert not isinstance(read, Question), (text, read)  # no row counts LAC girls: never one of them alone
