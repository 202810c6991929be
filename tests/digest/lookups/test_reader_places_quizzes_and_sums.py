"""Periods named by their place in a longer one ("the last month of Q1"), quiz items ("True or false: ...", "(a) 64,
(b) 74 or (c) 84?"), checks that figures add up asked beside them, advice, and Geordie: what round fifty-four's
development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019 (financial year
2019/20: Q1 is April to June 2019, Q2 July to September)."""

from __future__ import annotations

import random

import pytest

from digest.lookups.positions import NO_PLACE_MONTHS
from digest.lookups.questions import ADVICE_NOT_GIVEN, NO_ADVICE
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answered_alike

MONTHS = ["April", "May", "June", "July", "August", "September", "October", "November", "December"]
ORDINALS = {"first": 0, "opening": 0, "second": 1, "middle": 1, "third": 2, "last": 2, "final": 2}
ROWS = ["LAC episodes", "missing episodes", "CSE children", "girls", "RHIs offered"]


def _same(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


@pytest.mark.parametrize("seed", range(3))
def test_a_month_named_by_its_place_in_a_quarter_is_that_month(service: LookupService, seed: int) -> None:
    """The property behind the cases: the ordinal month of a quarter of 2019/20, in either order of words, is the
    month it names, answered as that month named (a month to come has no data either way)."""
    rng = random.Random(seed)
    for _ in range(5):
        quarter, (ordinal, place), row = rng.randint(1, 3), rng.choice(list(ORDINALS.items())), rng.choice(ROWS)
        month = MONTHS[3 * (quarter - 1) + place]
        said = rng.choice([f"the {ordinal} month of Q{quarter}", f"Q{quarter}'s {ordinal} month"])
        _same(service, f"{row} in {said}", f"{row} in {month} 2019")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("missing episodes in the last month of the quarter just gone", "missing episodes in June 2019"),
        ("LAC episodes in the opening month of 2019/20", "LAC episodes in April 2019"),
        ("episodes in the first two months of the financial year", "episodes in April 2019 to May 2019"),
        ("how many missing episodes were there in the sixth month of the year?", "missing episodes in June 2019"),
        ("ethnicity breakdown for the year's second month (19/20)", "ethnicity breakdown for May 2019"),
        ("did episodes go up from the middle month of Q1 to its final month", "did episodes go up from May to June"),
        ("episodes in the first month of Q2 so far", "episodes in July 2019 so far"),
    ],
)
def test_places_in_years_and_quarters(service: LookupService, text: str, same_as: str) -> None:
    _same(service, text, same_as)


@pytest.mark.parametrize(
    "text", ["LAC distance breakdown for the back half of Q1", "girls in the first month of the summer"]
)
def test_a_place_without_whole_months_is_asked_for_its_months(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_PLACE_MONTHS), text


CLAIMS = [
    ("LAC episodes in June were 74", "Yes, that is the figure you gave."),
    ("9 kids at CSE risk went missing in June", "Yes, that is the figure you gave."),
    ("LAC kids were over 60% of all missing episodes in June", "Yes, that is over the figure you gave."),
]
QUIZ = ["True or false: {}", "T/F - {}", "Correct me if wrong - {}?", "true/false: {}", "Correct me if I'm wrong, {}"]


@pytest.mark.parametrize("seed", range(2))
def test_a_claim_set_as_a_quiz_item_is_checked(service: LookupService, seed: int) -> None:
    """The property behind the cases: a statement marked for true or false, in any of the quiz's wordings, is
    checked as the claim it makes."""
    rng = random.Random(seed)
    for _ in range(4):
        (claim, verdict), quiz = rng.choice(CLAIMS), rng.choice(QUIZ)
        _, lines = answered(service, quiz.format(claim))
        assert lines[-1] == verdict, (quiz, claim, lines)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("Was June's LAC episode figure (a) 64, (b) 74 or (c) 84?", "June's LAC episode figure?"),
        (
            "a, b or c - how many RHIs were accepted in June? (a) 71 (b) 85 (c) 93",
            "how many RHIs were accepted in June?",
        ),
        ("Episodes per LAC child year to date - is it (a) 2.6 (b) 5.9 (c) 8.4?", "Episodes per LAC child year to date"),
    ],
)
def test_a_quizs_options_are_left_to_the_asker(service: LookupService, text: str, same_as: str) -> None:
    _same(service, text, same_as)


@pytest.mark.parametrize("seed", range(2))
def test_a_check_that_figures_add_up_asked_beside_them_gives_the_figures(service: LookupService, seed: int) -> None:
    """The property behind the cases: a question with a check of its sum after it is answered as the question."""
    rng = random.Random(seed)
    checks = [", and do they sum to the YTD?", " - do they add up to the total?", " - does 1.1 agree?"]
    for _ in range(4):
        question = rng.choice(["all episodes month by month apr-jun", "LAC episodes by month this year", "girls Q1"])
        _same(service, question + rng.choice(checks), question)


def test_the_year_to_date_asked_as_a_sum_of_its_months(service: LookupService) -> None:
    _same(service, "is the YTD for LAC episodes just April+May+June?", "the YTD for LAC episodes?")


@pytest.mark.parametrize(
    "text",
    [
        "whats the best way to get RHI timeliness back up after the dip in June?",
        "should we be escalating the RHI timeliness dip in June to the AD? what would you recommend",
        "how can we reduce LAC episodes?",
        "should we be escalating? CSE episodes June were 28",  # a claim beside advice: no figure asked, refused whole
    ],
)
def test_advice_is_not_given(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_ADVICE), text


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("in may hoo many of the episodes were same day returns like, back yem the same day", "same day returns May"),
        ("howay man, hoo many bairns went missing in june", "how many children went missing in june"),
        ("of the RHIs offered in june, what percentage said aye?", "of the RHIs offered in june, what % said yes?"),
        ("white british vs gypsy/roma episodes in june - divvent need the rest", "white british vs gypsy/roma june"),
        ("OLA kids June how many episodes lah", "OLA kids June how many episodes"),
        ("days missing brakedown june", "days missing breakdown june"),
        ("children with 3 or more episodes from the first of April to the thirtieth of June", "children 3+ Q1"),
        ("CIN episodes halved from May to June?", "CIN episodes May vs June"),
        ("cumulative number of kids who've gone missing so far this year?", "children missing ytd"),
    ],
)
def test_words_this_round_taught(service: LookupService, text: str, same_as: str) -> None:
    _same(service, text, same_as)


def test_small_talk_gets_the_help_never_a_table(service: LookupService) -> None:
    answer = service.ask("U", "C", "howay man are ye a real person or a robot? hoo's your day gannin")
    assert answer.table == []
    assert answer.lines[0].startswith("All Episodes: ")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("LAC episodes in the last month of quarter 1", "LAC episodes in June 2019"),
        ("LAC episodes in the last month of the year to date", "LAC episodes in June 2019"),
        ("LAC episodes in the first month of the financial year 2019/20", "LAC episodes in April 2019"),
    ],
)
def test_places_found_in_review(service: LookupService, text: str, same_as: str) -> None:
    _same(service, text, same_as)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("LAC episodes in the second and third months of Q1", ["May 2019: 87", "June 2019: 74"]),
        ("was the last month of Q1 busier than the first", ["April 2019: 129", "June 2019: 116"]),
    ],
)
def test_a_place_joined_to_another_drops_no_month(service: LookupService, text: str, shown: list[str]) -> None:
    """ "The second and third months": the pattern names no months for it, and the quarter's months answer it (it had
    named the third alone: a month dropped)."""
    _, lines = answered(service, text)
    assert set(shown) <= set(lines), (text, lines)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("RHIs 5.3a) and 5.3b) for June", "RHIs 5.3a and 5.3b for June"),  # no quiz's options
        ("how can I get the LAC episodes for June?", "LAC episodes for June?"),  # no advice asked
        ("LAC episodes for just april + may", "LAC episodes for april + may"),  # no sum checked
        ("LAC episodes first of May", "LAC episodes May"),  # a day alone is no range of dates
    ],
)
def test_words_near_the_rules_read_as_before(service: LookupService, text: str, same_as: str) -> None:
    said, alone = service.ask("U", "C", text), service.ask("U", "C", same_as)
    assert said.outcome == alone.outcome, (text, said.lines, alone.lines)


def test_a_figure_asked_beside_advice_is_answered_without_advice(service: LookupService) -> None:
    _, lines = answered(service, "how many RHIs were completed in time in June, and what should we do")
    assert (lines[0], lines[-1]) == ("*49 (69% of 71 accepted)*", ADVICE_NOT_GIVEN)
