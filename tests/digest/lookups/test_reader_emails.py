"""Forwarded emails pasted into a message, and a row's own "and" (round seventeen, tuned on writers BI to BL). Answers
are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.emails import read_email_body
from digest.lookups.questions import Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

SEED = 2617
ROUNDS = 40
SUBJECTS = ("FW: RE: missing figures", "FW: LAC missing", "RE: Q1 report", "Fwd: RHI performance")
SENDERS = ("Head of Service (Safeguarding)", "Corporate Parenting Lead", "EH Locality Manager (North)")
ASKS = (
    ("Can you find out how many LAC missing episodes we had in June please?", "episodes.lac"),
    ("What % of RHIs have been done on time this year? (within the 3 days)", "rhi.completed_in_time"),
    ("how many missing episodes this year involved EH cases?", "status.early_help"),
    ("Of the not a client ones, how many were other local authority kids in June?", "status.other_la"),
)


def _email(rng: random.Random, ask: str) -> str:
    """A forwarded email as pasted: subject, a note, headers, the quoted ask, a sign-off and a signature."""
    sender = rng.choice(SENDERS)
    lines = [rng.choice(SUBJECTS), "", rng.choice(("Hi, see below - can you help?", "Hi, see below", "")), ""]
    lines += [f"From: {sender}", "Sent: 17 July 2019 16:02", "To: Business Support", "Subject: RE: missing figures", ""]
    quoted = [
        "Hi,",
        ask,
        rng.choice(("Need it for DLT tomorrow.", "")),
        rng.choice(("Thanks", "Many thanks", "Cheers")),
        sender,
    ]
    return "\n".join(lines + [f"> {line}" for line in quoted] + ["", "Thanks"])


def test_a_forwarded_email_is_what_it_asks(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        ask, subject = rng.choice(ASKS)
        read = reader.read(_email(rng, ask))
        assert isinstance(read, Question), (ask, read)
        assert read.subject == subject, ask


def test_an_emails_body_is_its_quoted_lines_to_the_sign_off() -> None:
    email = "FW: OLA\n\nHi, see below\n\nFrom: Service Manager\n> How many OLA episodes in June?\n> Thanks\n> SM"
    assert read_email_body(email) == "How many OLA episodes in June?"
    assert read_email_body("FW: Early Help missing\nHow many EH episodes this year?\nThanks\nEH lead") == (
        "How many EH episodes this year?"
    )


@pytest.mark.parametrize("text", ["re: LAC episodes June", "To: me, LAC episodes June", "LAC episodes June > May?"])
def test_one_line_is_never_read_as_an_email(text: str) -> None:
    assert read_email_body(text) == text


def test_a_statutory_return_is_no_return_home(service: LookupService) -> None:
    answer = service.ask(
        "U",
        "C",
        "can you also get me the number of missing episodes for March 2019 so I can finish off the year end return?",
    )
    assert answer.title == "There is no data for March 2019."


def test_a_rows_own_and_is_not_two_rows(service: LookupService) -> None:
    answer = service.ask("U", "C", "B2 White and Black African - number of episodes in May 19 please")
    assert (answer.title, answer.lines[0]) == ("B2 - White and Black African, May 2019", "*1 (0.8% of 130 episodes)*")
    answer = service.ask("U", "C", "White British and BME June")  # two rows, named apart: side by side
    assert answer.title == "A1 - White British and BME episodes, June 2019"


def test_a_letter_is_what_it_asks_between_its_salutation_and_its_sign_off(service: LookupService) -> None:
    letter = (
        "Dear Sir or Madam,\n\nMay I ask how many children were still missing at the end of April 2019?\n\n"
        "Yours faithfully,\nCllr Hughes"
    )
    title, lines = answered(service, letter)
    assert (title, lines[0]) == ("Still missing at the end of the month, April 2019", "*2 (1.6% of 129 episodes)*")
    assert read_email_body("Dear team,\nLAC episodes June please\nKind regards\nSam") == "LAC episodes June please"


def test_an_everyday_word_is_never_read_as_a_slip_for_a_rows_word(reader: Reader) -> None:
    """ "I write to ask" is no "white": an English word is itself, however near a word that names a figure."""
    read = reader.read("I write to ask whether missing episodes went up or down between May and June")
    assert isinstance(read, Question)
    assert read.subject == "episodes.all"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("May I know the count of episodes involving girls in June 2019 please?", "Female, June 2019"),
        (
            "Respected team, may I know the number of return home interviews accepted YTD?",
            "Return home interviews accepted, April to June 2019 (2019/20 year to date)",
        ),
        (
            "Dear Sir/Madam, may I know how many missing episodes were there in June where CSE risk is medium/high?",
            "Episodes at CSE risk (medium/high), June 2019",
        ),
        (
            "How many missing episodes pertain to OLA children in June? Kindly revert at the earliest.",
            "Episodes of children from another local authority, June 2019",
        ),
    ],
)
def test_may_i_know_asks_and_names_no_month(service: LookupService, text: str, title: str) -> None:
    got, _ = answered(service, text)
    assert got == title


def test_a_message_opening_with_comment_is_a_comment_request_only_when_short() -> None:
    """ "comment June" opens the comment form; "comment says an increase in not a client - June vs May?" is a
    question about what the commentary says."""
    from digest.lookups.comments import read_comment_request

    assert [read_comment_request(t) for t in ("comment June", "add a comment for 2019-06", "comment last month")] == [
        "June",
        "2019-06",
        "last month",
    ]
    assert read_comment_request("comment says increase in not a client - june vs may?") is None
