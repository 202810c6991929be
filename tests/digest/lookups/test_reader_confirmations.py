"""Figures stated for checking, notes-style short forms and quoted commentary (round twenty-two, tuned on writers CC
to CF): "Can you confirm LAC was 75 in June?", "Was it 28 or 38?", "tot eps Jun?", "age bkdn YTD", "LAC/CSE eps",
"RHI offered->accepted->done", "Commentary says ... - how many ...?". Answers are asked of the reference June 2019
store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import STATED_NOT_CHECKED, STATED_WITHHELD
from digest.lookups.questions import NO_FORECAST, NO_SIGNIFICANCE, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from digest.lookups.vocabulary import FIGURE
from tests.digest.lookups.asking import answered, assert_answers

SEED = 2622
CHECK_FRAMES = (
    "Can you confirm {q} was {n}?",
    "{q} = {n}, right?",
    "Is it right that {q} was {n}?",
    "{q} - {n}?",
    "quick check - {q} is {n}, yes?",
    "was it {n} for {q}?",
)


def _row_questions(reader: Reader) -> list[tuple[str, Question]]:
    """Each row's label with a month, where it reads back as that row: the questions a figure is stated beside."""
    read = []
    for reading in reader.readings:
        if reading.kind != FIGURE:
            continue
        question = reader.read(f"{reading.label} June")
        if isinstance(question, Question) and question.subject == reading.subject and not question.stated:
            read.append((f"{reading.label} June", question))
    return read


def test_a_figure_stated_for_checking_is_read_past_and_kept(reader: Reader) -> None:
    rng = random.Random(SEED)
    rows = _row_questions(reader)
    assert len(rows) > 60  # the catalogue's rows, nearly all
    for text, plain in rows:
        n = str(rng.choice([rng.randint(0, 400), rng.randint(1, 99)])) + rng.choice(["", "", "%"])
        frame = rng.choice(CHECK_FRAMES)
        checked = reader.read(frame.format(q=text, n=n))
        assert isinstance(checked, Question), (frame, text, checked)
        assert (checked.kind, checked.keys, checked.period) == (plain.kind, plain.keys, plain.period), (frame, text)
        assert checked.stated == (n,), (frame, text)


@pytest.mark.parametrize(
    "frame",
    [
        "how many children had {n} episodes in June, right?",
        "children with {n} episodes in June - is that right?",
        "episodes of children aged {n} in June, correct?",
        "episodes lasting {n} days in June, yes?",
        "how many went missing {n} times in June, right?",
        "LAC placed over {n} miles away in June, right?",
        "LAC placed {n} miles away in June - correct?",
        "of the children in care, how many were {n} or {m}?",
        "has {id} gone missing again, yes?",
        "is {id} still missing, right?",
        "Can you confirm {id} was missing in June?",
        "is it right {code} went missing 3 times in June?",
    ],
)
def test_a_number_that_may_qualify_or_name_is_never_read_past(reader: Reader, frame: str) -> None:
    rng = random.Random(SEED)
    for _ in range(40):
        n, m = rng.randint(1, 60), rng.randint(1, 60)
        case_number = str(rng.randint(100000, 9999999))  # a case number: longer than any figure in the report
        code = f"0{rng.randint(100, 99999)}"  # ... or one with a leading zero
        text = frame.format(n=n, m=m, id=rng.choice([case_number, code]), code=code)
        read = reader.read(text)
        assert not (isinstance(read, Question) and read.stated), (text, read)


@pytest.mark.parametrize(
    ("text", "title", "figure", "check"),
    [
        (
            "Is it right that there were 116 episodes in June?",
            "Missing episodes, June 2019",
            "*116*",
            "Yes, that is the figure you gave.",
        ),
        (
            "Can you confirm LAC was 75 in June?",
            "LAC episodes, June 2019",
            "*74*",
            "No, that is not the figure you gave.",
        ),
        (
            "Was it 28 or 38 CSE episodes last month?",
            "Episodes at CSE risk (medium/high), June 2019",
            "*28*",
            "That is one of the figures you gave.",
        ),
        (
            "Is it right 64% of June episodes were LAC?",
            "LAC episodes, June 2019",
            "*74 (64% of 116 episodes)*",
            "Yes, that is the figure you gave.",
        ),
        (  # a share asked: 74 is the count, not the 64% asked for
            "what % of June episodes were LAC - 74?",
            "LAC episodes, June 2019",
            "*74 (64% of 116 episodes)*",
            "No, that is not the figure you gave.",
        ),
        (  # 7% is the share of LAC episodes placed that far: the count is 5
            "Over 100 miles in June was 7?",
            "101+ miles, June 2019",
            "*5 (7% of 74 LAC episodes)*",
            "No, that is not the figure you gave.",
        ),
        (
            "% of RHIs done on time in June, was it 69 or 79?",
            "Return home interviews completed in time, June 2019",
            "*49 (69% of 71 accepted)*",
            "That is one of the figures you gave.",
        ),
        (
            "LAC episodes per child YTD - roughly 5.9?",  # a rough figure: the gap to it
            "Episodes per child (LAC), April to June 2019",
            "*5.9*",
            "That is exactly the figure you gave.",
        ),
        (
            "Is it right each child went missing about 2.2 times on average in June?",
            "Episodes per child, June 2019",
            "*2.2*",
            None,  # "2.2 times" is the average said, read past: not row 2.2
        ),
    ],
)
def test_a_stated_figure_is_answered_and_said_to_match_or_not(
    service: LookupService, text: str, title: str, figure: str, check: str | None
) -> None:
    said, lines = answered(service, text)
    assert (said, lines[0]) == (title, figure)
    if check is not None:
        assert lines[-1] == check


def test_a_stated_figure_that_differs_is_never_repeated(service: LookupService) -> None:
    rng = random.Random(SEED)
    for _ in range(20):
        n = rng.choice([n for n in range(100, 400) if n not in (116, 129, 130, 236, 375)])
        _, lines = answered(service, f"Can you confirm there were {n} episodes in June?")
        assert lines[-1] == "No, that is not the figure you gave."
        assert all(str(n) not in line for line in lines), (n, lines)


def test_figures_stated_beside_several_are_not_checked(service: LookupService) -> None:
    title, lines = answered(service, "LAC episodes went from 87 in May to 74 in June - is that a drop of 15?")
    assert title == "LAC episodes, May 2019 against June 2019"
    assert lines == ["May 2019: 87", "June 2019: 74", "Change from May 2019 to June 2019: down 13.", STATED_NOT_CHECKED]


def test_a_withheld_figure_is_never_checked(reference_service: LookupService) -> None:
    withheld = LookupService(reference_service.open_store, reference_service.config, suppress=True)
    for n in range(1, 7):  # the figure is 5: neither a match nor a difference may be told
        answer = withheld.ask("U", "C", f"Can you confirm 101+ miles in June was {n}?")
        assert answer.outcome == "answered", answer
        assert answer.lines[0].startswith("*c")
        assert answer.lines[-1] == STATED_WITHHELD


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("Can you confirm we'll hit 500 episodes by the end of the year?", NO_FORECAST),
        (
            "Is the fall from 130 to 116 episodes between May and June statistically significant?",
            NO_SIGNIFICANCE,
        ),
        ("is the drop in June within normal month to month variation?", NO_SIGNIFICANCE),
    ],
)
def test_a_forecast_or_a_test_of_significance_is_said_not_given(reader: Reader, text: str, refusal: str) -> None:
    read = reader.read(text)
    assert isinstance(read, NotUnderstood)
    assert read.problem == refusal


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("tot eps Jun?", "Missing episodes, June 2019", "*116*"),
        ("indiv CYP missing YTD (all)", "Children missing, April to June 2019", "*104*"),
        ("same day rtn eps Jun", "Same-day returns, June 2019", "*53 (46% of 116 episodes)*"),
        ("LAC placed 10mi or under -> eps Jun", "10 miles or under, June 2019", "*37 (50% of 74 LAC episodes)*"),
        ("eps w/ placement over 100mi YTD", "101+ miles, April to June 2019", "*9 (4% of 236 LAC episodes)*"),
        ("LAC kids -> avg no. eps each YTD?", "Episodes per child (LAC), April to June 2019", "*5.9*"),
        ("all eps m/m 19/20", "Missing episodes, April to June 2019 month by month", "April 2019: 129"),
        ("CSE eps up May->Jun? by how many", "Episodes at CSE risk (medium/high), May 2019 against June 2019", None),
        ("LAC/CSE eps Jun?", "Episodes at CSE risk (medium/high) and LAC episodes, June 2019", None),
        ("how many missing cases were there in june??", "Missing episodes, June 2019", "*116*"),
        ("how many diff care kids went missing in may", "Looked-after children missing, May 2019", "*33*"),
        ("Was May the busiest month for episodes?", "Missing episodes, April to June 2019 month by month", None),
        ("when was OLA highest", "Episodes of children from another local authority, April to June 2019", None),
    ],
)
def test_notes_style_short_forms_are_read(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


def test_a_funnel_of_arrows_is_each_of_its_figures(service: LookupService) -> None:
    title, lines = answered(service, "RHI offered->accepted->done in 3wd Q1")
    assert title.endswith(", April to June 2019")
    assert sorted(line.split(",")[0] for line in lines[:3]) == [
        "Return home interviews accepted",
        "Return home interviews completed in time",
        "Return home interviews offered",
    ]


@pytest.mark.parametrize("text", ["(ex. same day) eps May", "eps May (excl. same day)", "eps May excluding same day"])
def test_a_count_excluding_a_row_is_never_answered_as_the_row(reader: Reader, text: str) -> None:
    read = reader.read(text)  # all episodes less the same-day returns (test_reader_complements)
    assert isinstance(read, Question)
    assert (read.subject, read.complement) == ("duration.0", True)


@pytest.mark.parametrize(
    "quote",
    [
        "Commentary mentions an increase in 'not a client' being reported missing",
        "The commentary says CSE went up in June",
        "it says there were more girls this month",
        "Report states most children go missing from 13 plus",
        "the narrative notes a reduction in everything other than White British compared with May",
    ],
)
def test_what_the_commentary_is_quoted_as_saying_is_not_the_question(reader: Reader, quote: str) -> None:
    rng = random.Random(SEED)
    rows = _row_questions(reader)
    for text, _ in rng.sample(rows, 12):
        question = f"how many {text}?"
        alone = reader.read(question)
        if not isinstance(alone, Question):
            continue
        for message in (f"{quote} - {question}", f"{quote}. {question}", f"{question} {quote[0].upper()}{quote[1:]}."):
            read = reader.read(message)
            assert isinstance(read, Question), (message, read)
            assert (read.keys, read.period, read.compare) == (alone.keys, alone.period, alone.compare), message
