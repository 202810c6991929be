"""What a figure is for, said after it ("total episodes june - for the 3 o'clock", "(need for the 2nd draft)"), a
closing "eh", several care statuses at once ("LAC, CIN and EH"), OLA as a share of not a client, "the over 16s", and
other forms round thirty-eight's development questions showed. Answers are asked of the reference June 2019 store, as
at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

# Bare questions and the title each is answered under.
BARE = [
    ("total episodes june", "Missing episodes, June 2019"),
    ("how many kids went missing in May", "Children missing, May 2019"),
    ("RHIs accepted june", "Return home interviews accepted, June 2019"),
    ("EH episodes Q1", "Early Help, April to June 2019"),
    ("ethnicity breakdown YTD", "Ethnicity, April to June 2019"),
    ("LAC episodes june vs may", "LAC episodes, May 2019 against June 2019"),
    ("busiest month this yr for episodes", "Missing episodes, April to June 2019 month by month"),
    ("episodes per LAC child YTD", "Episodes per child (LAC), April to June 2019"),
]
# What it is for, written as people write it: words the reader does not know, or a purpose said.
PURPOSES = [
    "for the 3 o'clock",
    "need for the 2nd draft",
    "slide 3",
    "for the EH board on thurs",
    "VAWG group want it",
    "community cohesion asked",
    "youth offer paper",
    "advocates 1-2-1",
    "for MACE",
    "DCS wants to know",
    "exec summary",
    "equalities report due fri",
    "strategy mtg prep",
    "sufficiency strategy",
    "police liaison asked",
    "CLA board, 1 number",
]


@pytest.mark.parametrize(("bare", "title"), BARE)
def test_the_bare_questions_are_answered(service: LookupService, bare: str, title: str) -> None:
    assert_answers(service, bare, title)


@pytest.mark.parametrize("seed", range(3))
def test_what_a_figure_is_for_is_read_past(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare, _ in BARE:
        purpose = rng.choice(PURPOSES)
        typed = rng.choice([f"{bare} - {purpose}", f"{bare} ({purpose})", f"{bare} -- {purpose}"])
        assert answered(service, typed) == answered(service, bare), typed


@pytest.mark.parametrize(
    "text",
    [
        # a note that asks, names a period or lists rows is no purpose: the message is not read as the part before it
        "boys vs girls this month - have girls overtaken?",
        "CSE episodes have gone up - June vs April, by what proportion?",
        "for this year so far, can you break the episodes down by what kind of involvement we had - early support, "
        "child in need, protection plan, in our care, care leaver or not known to us",
    ],
)
def test_a_note_that_asks_is_kept(service: LookupService, text: str) -> None:
    before = text.rsplit(" - ", 1)[0]
    asked, alone = service.ask("U", "C", text), service.ask("U", "C", before)
    assert (asked.title, asked.lines) != (alone.title, alone.lines), text


def test_a_note_naming_a_child_is_no_purpose(service: LookupService) -> None:
    answer = service.ask("U", "C", "LAC episodes june - is Jayden Smith still missing?")
    assert answer.outcome == NOT_UNDERSTOOD, answer.lines


@pytest.mark.parametrize("text", ["morning! mad one today eh", "busy month, eh?", "cheers for this, busy week eh"])
def test_a_closing_eh_is_no_early_help(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert not any(line.startswith("*") for line in answer.lines), (text, answer.title, answer.lines)


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("eh eps,may?", "Early Help, May 2019", "*13 (10% of 130 episodes)*"),
        ("how many EH in june, eh?", "Early Help, June 2019", "*9 (8% of 116 episodes)*"),
    ],
)
def test_early_help_is_still_early_help(service: LookupService, text: str, title: str, figure: str) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize("text", ["LAC, CIN and EH for June", "CIN, LAC and EH June", "EH, CIN & LAC in June"])
def test_care_statuses_with_lac_are_each_answered(service: LookupService, text: str) -> None:
    _, lines = answered(service, text)
    assert sorted(lines[:3]) == [
        "CIN, June 2019: 5 (4% of 116 episodes)",
        "Early Help, June 2019: 9 (8% of 116 episodes)",
        "LAC episodes, June 2019: 74",
    ], (text, lines)


def test_a_list_with_a_part_not_read_is_not_answered_in_part(service: LookupService) -> None:
    text = (
        "Complete the care status table for Q1: EH __, CIN __, CP __, LAC __, Care leaver __, Not a client __ (OLA __)"
    )
    answer = service.ask("U", "C", text)
    shown = " ".join([answer.title, *answer.lines, *(cell for row in answer.table for cell in row)])
    statuses = ["Early Help", "CIN", "CPP", "LAC", "Care Leaver", "Not a client"]
    assert answer.outcome != "answered" or all(status in shown for status in statuses), (answer.title, answer.lines)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("what share of not a client episodes were OLA in june", "*15 (65% of 23 not a client episodes)*"),
        ("OLA as a % of not a client, YTD", "*33 (49% of 67 not a client episodes)*"),
        (
            "What proportion of the 'Not a Client' episodes in June was accounted for by OLA children?",
            "*15 (65% of 23 not a client episodes)*",
        ),
    ],
)
def test_ola_as_a_share_of_not_a_client(service: LookupService, text: str, figure: str) -> None:
    assert_answers(service, text, "Episodes of children from another local authority", figure)


@pytest.mark.parametrize(
    "text",
    [
        "of the not a client lot in june how many weren't OLA",
        "not a client other than the OLA ones june",
        "not-a-client episodes in June other than the OLA ones",
    ],
)
def test_not_a_client_less_ola(service: LookupService, text: str) -> None:
    _, lines = answered(service, text)
    assert lines[:2] == [
        "*8 (35% of 23 not a client episodes)*",
        "All not a client episodes less row 6.7 of the report.",
    ], (text, lines)


@pytest.mark.parametrize("text", ["episodes that weren't OLA in june", "not OLA june"])
def test_not_ola_alone_names_no_base(service: LookupService, text: str) -> None:
    assert service.ask("U", "C", text).outcome == NOT_UNDERSTOOD


def test_the_share_of_all_episodes_is_still_the_report_s(service: LookupService) -> None:
    assert_answers(
        service, "% OLA june", "Episodes of children from another local authority", "*15 (13% of 116 episodes)*"
    )


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("times missing for the over 16s in May", "16yrs to 17+yrs (episodes), May 2019", "*42 (32% of 130 episodes)*"),
        ("over-16s in May", "16yrs to 17+yrs (episodes), May 2019", "*42 (32% of 130 episodes)*"),
        ("over 16 in may", "17+yrs, May 2019", "*24 (18% of 130 episodes)*"),
        (
            "What was the number of episodes in which children were missing for more than a week during June?",
            "Episodes lasting more than 5 days, June 2019",
            "*4 (3% of 116 episodes)*",
        ),
        (
            "how many times has each YP gone missing this year on average",
            "Episodes per child, April to June 2019",
            "*3.6*",
        ),
        (
            "Could a month-by-month account of the number of missing episodes recorded this financial year be "
            "provided?",
            "Missing episodes, April to June 2019 month by month",
            "April 2019: 129",
        ),
        ("the pattern of BME episodes since April", "BME episodes, April to June 2019 month by month", None),
        ("LAC month-on-month change", "LAC episodes, May 2019 against June 2019", None),
        (
            "Which age group was found to account for the greatest number of episodes YTD?",
            "Age, April to June 2019",
            "Largest: 14yrs (82, 22%); then 15yrs (73, 19%), 17+yrs (67, 18%).",
        ),
        (
            "What proportion of episodes recorded so far this year was attributable to BME young people?",
            "BME episodes, April to June 2019",
            "*102 (27% of 375 episodes)*",
        ),
        (
            "how many fewer 11-20 mile placements than 10 miles or under in June",
            "10 miles or under and 11-20 miles, June 2019",
            "10 miles or under, June 2019: 37 (50% of 74 LAC episodes)",
        ),
    ],
)
def test_what_round_thirty_eight_showed(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers(service, text, title, figure)


def test_which_children_is_still_about_a_child(service: LookupService) -> None:
    answer = service.ask("U", "C", "which children went missing in june")
    assert answer.outcome == NOT_UNDERSTOOD
    assert answer.lines[0].startswith("I answer with counts for the whole report, never about one child")
