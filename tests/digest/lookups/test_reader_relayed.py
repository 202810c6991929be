"""Questions passed on from a meeting ("Cllr Patel asks: ...", "Q from the board - ..."), written with chat mark-up
("*offered*", "_last month_", "`6`", a quoted line), told beside another council's figures ("It was about 2 in my old
LA") or after what the asker grants ("I know July's only half done but ..."): each is the question it carries, read as
the bare question is. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import ANSWERED, NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

# Bare questions and the title each is answered under.
BARE = [
    ("how many individual children have gone missing so far this year", "Children missing, April to June 2019"),
    ("how many looked after children went missing in May", "Looked-after children missing, May 2019"),
    ("CLA with 3+ episodes, year to date?", "Looked-after children with 3 or more LAC episodes, April to June 2019"),
    ("how many girls went missing in June", "Female, June 2019"),
    ("the gender split YTD", "Gender, April to June 2019"),
    ("how does June compare to June last year for LAC episodes", "LAC episodes, June 2018 against June 2019"),
    ("how many times on average does each child go missing, last month", "Episodes per child, June 2019"),
    ("how many RHIs were offered last month", "Return home interviews offered, June 2019"),
]
RELAYS = [
    "Cllr Patel asks: {q}",
    "Cllr Hughes asks {q}",
    "Q from the board - {q}",
    "Question from Cllr Khan: {q}",
    "Member question: {q}",
    "Chair wants to know {q}",
    "Board question - {q}",
    "Councillor Jones would like to know {q}",
]
NOTES = [
    "",
    ". Note - she's asking because of the drop",
    ". Note: members picked up the comment",
    "? NB - for Thursday",
]


@pytest.mark.parametrize(("bare", "title"), BARE)
def test_the_bare_questions_are_answered(service: LookupService, bare: str, title: str) -> None:
    assert_answers(service, bare, title)


@pytest.mark.parametrize("seed", range(3))
def test_a_question_passed_on_is_read_as_the_bare_question(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare, title in BARE:
        relayed = rng.choice(RELAYS).format(q=bare) + rng.choice(NOTES)
        said, _ = answered(service, relayed)
        assert said.startswith(title), (relayed, said)


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Patel asks how many times Jayden Smith went missing in June",
        "Q from the board - is Kayleigh Brown still missing?",
        "Chair wants to know how many pupils were absent from school in June",
    ],
)
def test_a_question_passed_on_is_refused_as_the_bare_one_would_be(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD, (text, answer.title)
    said = " ".join([answer.title, *answer.lines])
    assert "Jayden" not in said
    assert "Kayleigh" not in said


def _marked_up(text: str, rng: random.Random) -> str:
    """text with some words wrapped in chat mark-up, as a manager writing in Slack or Teams might."""
    words = text.split(" ")
    for n, word in enumerate(words):
        if word.isalnum() and rng.random() < 0.3:
            mark = rng.choice(["*", "_", "`"])
            words[n] = f"{mark}{word}{mark}"
    return " ".join(words)


@pytest.mark.parametrize("seed", range(3))
def test_chat_mark_up_is_no_word(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare, title in BARE:
        text = _marked_up(bare, rng)
        said, _ = answered(service, text)
        assert said.startswith(title), (text, said)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("LAC episodes _last month_?", "LAC episodes, June 2019", "*74*"),
        ("Gypsy/Roma episodes _this financial year_?", "A5 - Gypsy / Roma, April to June 2019", None),
        ("ethnicity split for May?\n> need it for the equalities return", "Ethnicity, May 2019", None),
        ("• LAC episodes June\n• thanks", "LAC episodes, June 2019", "*74*"),
        ("> 5 days missing June", "Episodes lasting more than 5 days, June 2019", None),  # a sign, not a quote
        (
            "of the kids *offered* an RHI in June, what proportion took it up?",
            "Return home interviews accepted, June 2019",
            "*71 (84% of 85 offers with an answer recorded)*",
        ),
        (
            "on average how many times does each child go missing in a month here? It was about 2 in my old LA",
            "Episodes per child, June 2019",
            "*2.2*",
        ),
        (
            "My last authority was hitting 85% of RHIs within 3 working days. What's our % completed on time this "
            "year? Do you work it out of those accepted or those offered?",
            "Return home interviews completed in time, April to June 2019",
            "*208 (76% of 273 accepted)*",
        ),
        (
            "In my last authority we split episodes by EH / CIN / CP / LAC / not known to us. Can I get the same "
            "split here for June?",
            "Care status, June 2019",
            None,
        ),
        (
            "I know July's only half done but what's the number of missing episodes so far this month?",
            "Missing episodes, July 2019 (partial",
            None,
        ),
        ("no. of individual mispers last month pls", "Children missing, June 2019", "*53*"),
        ("how many mispers were still outstanding at the end of April", "Still missing at the end of the month", None),
        ("Cllr Hughes asks how many came back teh same day in june", "Same-day returns, June 2019", None),
    ],
)
def test_what_round_twenty_nine_showed_is_read_as_meant(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers(service, text, title, figure)


def test_a_quoted_email_still_asks_in_its_quoted_lines(service: LookupService) -> None:
    text = "FW: missing figures\nFrom: Head of Service\n> Can you find out how many LAC episodes we had in June?"
    answer = service.ask("U", "C", text)
    assert answer.outcome == ANSWERED
    assert answer.title == "LAC episodes, June 2019"
