"""A template's sentence with gaps to fill ("Fill in the blank: In June, ___ LAC episodes were reported"), a fast
typist's run-together words and swapped letters ("howmany LAC epsiodes inJune"), periods named by events ("since the
new FY started", "the autumn term last year") and gaps to a figure given ("how far short of 100 were LAC episodes?"):
what round thirty's development questions showed. Answers are asked of the reference June 2019 store, as at
18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.answers import NOT_UNDERSTOOD
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers

# Template sentences with {} for the gap, and the title and first line of the figure each asks for.
TEMPLATES = [
    ("In June, {} LAC episodes were reported", "LAC episodes, June 2019", "*74*"),
    ("{} looked after young people went missing in April", "Looked-after children missing, April 2019", "*20*"),
    ("The number of individual children at CSE risk who went missing in June was {}", "Children at CSE risk", "*9*"),
    (
        "In June, {} LAC episodes were where the child was placed 10 miles or under from home",
        "10 miles or under, June 2019",
        "*37 (50% of 74 LAC episodes)*",
    ),
    ("{} episodes were same day returns in June", "Same-day returns, June 2019", "*53 (46% of 116 episodes)*"),
]
GAPS = ["___", "__", "_____", "[X]", "[ ]", "[?]", "xxx"]
OPENERS = ["Fill in the blank: ", "Complete this: ", "Complete: ", "blank needed: ", "fill in the gaps - ", ""]


@pytest.mark.parametrize("seed", range(3))
def test_a_gap_to_fill_is_the_figure_asked_never_the_not_recorded_rows(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for template, title, figure in TEMPLATES:
        quote = rng.choice(["'", '"', ""])
        text = rng.choice(OPENERS) + quote + template.format(rng.choice(GAPS)) + quote
        said, lines = answered(service, text)
        assert said.startswith(title), (text, said)
        assert lines[0] == figure, (text, lines)


@pytest.mark.parametrize(
    ("text", "title", "first"),
    [
        (
            "Complete this: RHIs offered [X], accepted [Y] - for June please",
            "Return home interviews accepted and Return home interviews offered, June 2019",
            "Return home interviews accepted, June 2019: 71 (84% of 85 offers with an answer recorded)",
        ),
        (
            "Fill in the blank: '___ episodes in June involved children who were Not a Client, of which ___ were OLA'",
            "Episodes of children from another local authority and Not a client, June 2019",
            "Episodes of children from another local authority, June 2019: 15 (13% of 116 episodes)",
        ),
        (
            "Complete this: 'Missing episodes fell from ___ in May to ___ in June'",
            "Missing episodes, May 2019 against June 2019",
            "May 2019: 130",
        ),
    ],
)
def test_several_gaps_are_each_answered(service: LookupService, text: str, title: str, first: str) -> None:
    said, lines = answered(service, text)
    assert said == title
    assert lines[0] == first


def test_a_gap_in_a_month_with_no_data_says_so(service: LookupService) -> None:
    answer = service.ask("U", "C", "Fill in the blank: 'In August 2019, ___ episodes were reported'")
    assert answer.title == "There are no figures for August 2019 in the latest snapshot."


def test_blank_records_are_still_the_not_recorded_rows(service: LookupService) -> None:
    assert_answers(service, "how many blank ethnicity records in June", "E4 - Not obtained / recorded, June 2019")


# Questions whose words a fast typist runs together: (typed, as spaced), each answered as the spaced one is.
RUN_TOGETHER = [
    ("howmany missing episodes inJune", "how many missing episodes in June"),
    ("LAC episodes lastmonth", "LAC episodes last month"),
    ("how many kids are still missing rightnow", "how many kids are still missing right now"),
    ("RHI ontime % june v may", "RHI on time % june v may"),
    ("july sofar vs june LAC episodes", "july so far vs june LAC episodes"),
    ("episodes where kids were missing atleast 2 days ytd", "episodes where kids were missing at least 2 days ytd"),
    ("CSE episodes thismonth", "CSE episodes this month"),
    ("girls inmay", "girls in may"),
]


@pytest.mark.parametrize(("typed", "spaced"), RUN_TOGETHER)
def test_words_run_together_read_as_spaced(service: LookupService, typed: str, spaced: str) -> None:
    said, lines = answered(service, typed)
    assert (said, lines) == answered(service, spaced)


def _swapped(word: str, rng: random.Random, times: int) -> str:
    """word with times pairs of neighbouring letters swapped (not the first letter, no pair twice)."""
    letters = list(word)
    starts = rng.sample(range(1, len(word) - 1, 2), times)
    for n in starts:
        letters[n], letters[n + 1] = letters[n + 1], letters[n]
    return "".join(letters)


@pytest.mark.parametrize("seed", range(4))
def test_a_long_word_with_two_pairs_of_letters_swapped_is_read(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for word, question, title in [
        ("episodes", "early help missing {} so far this year", "Early Help, April to June 2019"),
        ("children", "how many {} went missing in June", "Children missing, June 2019"),
    ]:
        typed = _swapped(word, rng, 2)
        said, _ = answered(service, question.format(typed))
        assert said.startswith(title), (typed, said)


def test_more_then_is_more_than(service: LookupService) -> None:
    assert_answers(
        service,
        "lac epsiodes placed more then 40 miles away this yr",
        "41-50 miles to 101+ miles (LAC episodes), April to June 2019",
        "*32 (14% of 236 LAC episodes)*",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("quietest month for CSE episodes since the new FY started?", "Episodes at CSE risk (medium/high), April"),
        ("How many RHIs have been accepted since the clocks went forward?", "Return home interviews accepted, April"),
        ("episodes since the start of the financial year", "Missing episodes, April to June 2019"),
    ],
)
def test_the_financial_years_start_as_an_event(service: LookupService, text: str, title: str) -> None:
    assert_answers(service, text, title)


@pytest.mark.parametrize(
    "text",
    [
        "How many episodes did we have in the autumn term last year?",
        "Did fewer of our CLA go missing in the weeks after May half-term than before it?",
        "LAC episodes over the Easter holidays this year",
        "episodes in the spring term of this year",
    ],
)
def test_a_term_with_its_year_is_still_a_term(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == NOT_UNDERSTOOD, (text, answer.title)
    assert answer.lines[0].startswith("Which months? Name them"), answer.lines


@pytest.mark.parametrize(
    ("text", "title", "gap"),
    [
        ("how far short of 100 were LAC episodes in june", "LAC episodes, June 2019", "That is 26 short of"),
        ("how close to 100 did LAC episodes get in May", "LAC episodes, May 2019", "That is 13 short of"),
        ("how far above 50 were LAC episodes in June?", "LAC episodes, June 2019", "That is 24 over"),
        (
            "how far off 90% are we for RHIs done in time in June?",
            "Return home interviews completed in time, June 2019",
            "That is 21 percentage points short of",
        ),
        (
            "what's the gap to 80% for RHIs completed in time ytd",
            "Return home interviews completed in time, April to June 2019",
            "That is 4 percentage points short of",
        ),
        ("how far short of 74 were LAC episodes in June", "LAC episodes, June 2019", "That is exactly the figure"),
    ],
)
def test_a_gap_to_a_figure_given_is_said(service: LookupService, text: str, title: str, gap: str) -> None:
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    assert lines[-1].startswith(gap), (text, lines)
    assert "100" not in lines[-1]  # the figure given is not said back
