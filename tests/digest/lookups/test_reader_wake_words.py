"""The bot called as a voice assistant is ("Hey bot, ...", "OK missing report, tell me ...", "Read me ..."), figures
asked "as it stands" beside whether they were revised ("has it changed since it was first reported?"), a figure the
asker holds ("I had May LAC episodes down as 85") and a sign-off ("that's me done for today"): what round
thirty-one's development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import ANSWERED
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

BARE = [
    ("how many missing episodes were there in June", "Missing episodes, June 2019"),
    ("CSE episodes in June?", "Episodes at CSE risk (medium/high), June 2019"),
    ("breakdown by gender for June", "Gender, June 2019"),
    ("what proportion of episodes were LAC in May", "LAC"),
    ("return interviews offered each month", "Return home interviews offered, April to June 2019 month by month"),
    ("% rhis on time ytd", "Return home interviews completed in time, April to June 2019"),
]
WAKE = [
    "Hey bot, ",
    "Hey bot ",
    "hey Bot - ",
    "OK missing report, ",
    "Okay missing report bot: ",
    "Hi bot! ",
    "Read me ",
]


@pytest.mark.parametrize("seed", range(3))
def test_wake_words_are_no_part_of_the_question(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for bare, title in BARE:
        text = rng.choice(WAKE) + bare + rng.choice(["", " please", ", thanks"])
        said, lines = answered(service, text)
        assert said.startswith(title), (text, said)
        assert (said, lines) == answered(service, bare)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("% LAC?", "LAC episodes, June 2019"),  # a sign first is no wake word
        ("@Priya fyi - how many missing episodes did we have in June? #missing", "Missing episodes, June 2019"),
    ],
)
def test_what_opens_a_message_otherwise_is_kept(service: LookupService, text: str, title: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == ANSWERED, (text, answer.title)
    assert answer.title.startswith(title)
    if text.startswith("%"):
        assert "%" in answer.lines[0], answer.lines  # the share asked, not the count alone


def test_a_name_after_hey_is_still_a_name(service: LookupService) -> None:
    answer = service.ask("U", "C", "Hey Sarah how many LAC in June")
    assert answer.outcome == "not understood", answer.title


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "what's the latest count for April, after any late recording? total episodes",
            "Missing episodes, April",
            "*129*",
        ),
        (
            "How many return interviews were offered in May? Is that still the number or has it moved since the May "
            "report?",
            "Return home interviews offered, May 2019",
            "*115 (94% of 122 episodes with an offer recorded)*",
        ),
        (
            "Has the April RHI completed within 3 working days number changed since it was first reported?",
            "Return home interviews completed in time, April 2019",
            "*65 (70% of 93 accepted)*",
        ),
    ],
)
def test_a_figure_asked_as_it_stands_is_its_own_period(
    service: LookupService, text: str, title: str, figure: str
) -> None:
    assert_answers(service, text, title, figure)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I had May LAC episodes down as 85 in the last report, the latest says what?", "No, that is not"),
        ("we have LAC in June recorded as 74, right?", "Yes, that is the figure you gave."),
    ],
)
def test_a_figure_the_asker_holds_is_checked(service: LookupService, text: str, said: str) -> None:
    _, lines = answered(service, text)
    assert lines[-1].startswith(said), (text, lines)
    assert "85" not in lines[-1]


def test_signing_off_asks_for_no_figure(service: LookupService) -> None:
    answer = service.ask("U", "C", "cheers, that's me done for today")
    assert answer.outcome == "not understood"
    assert answer.lines[0].startswith("Glad to help."), answer.lines
