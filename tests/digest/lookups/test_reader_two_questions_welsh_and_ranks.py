"""Two questions in one message, Welsh and Arabic words in English, and rankings' words: what round sixty-seven's
development questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import TWO_QUESTIONS
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answered_alike

MONTHS = ["April", "May", "June"]
FIRST = ["LAC episodes", "missing episodes", "not a client episodes", "CSE episodes"]
SECOND = ["how many LAC kids had 3 or more", "the CSE kids?", "how many of those were OLA kids", "the girls?"]


@pytest.mark.parametrize("seed", range(2))
def test_a_second_question_of_another_row_is_never_answered_as_the_first(service: LookupService, seed: int) -> None:
    """The property behind the cases: a message asking of one row, then ("? and ...", ". And ...") of another its
    reading does not show, is refused as two questions, never answered with one of them as if it were both (nine
    such answers had given another figure); a follow-up of the same figure ("and is that up on May?") stays one
    question."""
    rng = random.Random(seed)
    for _ in range(3):
        month, first, second = rng.choice(MONTHS), rng.choice(FIRST), rng.choice(SECOND)
        answer = service.ask("U", "C", f"{first} in {month}? and {second}")
        if answer.outcome == "answered":  # both shown in one answer: every row asked is in it
            assert len(answer.lines) > 1, (first, second, answer.lines)
        else:
            assert answer.lines[0] == TWO_QUESTIONS, (first, second)
        if month != "April":
            assert_answered_alike(
                service,
                f"{first} in {month}? and is that up on the month before?",
                f"{first} {month} vs the month before",
            )


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("3+ episodes kids month by month plis, all children", "3+ episodes kids month by month, all children"),
        ("faint o blant with medium/high CSE risk have gone missing this year so far? ytd plis", "CSE children ytd"),
        ("LAC plant missing in June - ydy e'n uwch na Mai?", "LAC children missing in June - is it higher than May?"),
        ("habibi give me the gender for June", "gender for June"),
        (
            "LAC children every month from april until now please, yalla",
            "LAC children every month from april until now",
        ),
        (
            "same day return, which part from the episodes in may?",
            "same day return, what share of the episodes in may?",
        ),
        ("ethnicity of june episodes please, all the list", "ethnicity breakdown June"),
        ("in average how many time each child go missing in june?", "episodes per child June"),
        ("RHI acceptance rate may vs june, which ranks better", "RHI acceptance rate may vs june, which is better"),
        ("who ranks higher ytd, early help or CIN episodes?", "early help or CIN episodes ytd, which is higher?"),
        ("/missing which age group is no.1 ytd", "which age group is the highest ytd"),
        (
            "April, the LAC placed 10 mile or under and 11-20 mile, which have more episodes",
            "April, LAC placed 10 mile or under vs 11-20 mile",
        ),
        ("median episode length may - same day or 1 day?", "median episode length may"),
        ("14yr olds were top age group in june - what was their actual number?", "14yr olds in june"),
        (
            "14 yr olds v 15 yr olds ytd to june - which is higher and by how many",
            "14 yr olds v 15 yr olds, april to june",
        ),
    ],
)
def test_what_this_round_taught(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


def test_advice_and_providers_are_refused(service: LookupService) -> None:
    """Advice asked in other words ("give me advice please", "what we should do", "... to get RHI timeliness back up")
    and placement providers (not held) are refused (each had been answered with a figure)."""
    for text in (
        "what we should do to make less the LAC missing? give me advice please",
        "what should we do to get RHI timeliness back up to may's level",
    ):
        assert service.ask("U", "C", text).lines[0].startswith("I give the report's figures, not advice")
    # ... but not "what should I do to get the June numbers up on the dashboard": the figure (it is no advice asked)
    assert service.ask("U", "C", "what should I do to get the june numbers up on the dashboard").lines[0] == "*116*"
    providers = service.ask("U", "C", "/missing top 3 placement providers by LAC episodes june")
    assert providers.outcome == "not understood"
    assert providers.lines[0].startswith("The report counts missing episodes and the children in them")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # what this round's rules must leave as they were: a follow-up of the same figure, a share of it, a
        # definition beside it, a row of the table asked
        ("LAC in June? and how does that compare with May?", "LAC June compared with May"),
        (
            "LAC episodes placed more than 40 miles away in June. And as a % of LAC episodes",
            "LAC episodes placed more than 40 miles away in June as a % of LAC episodes",
        ),
        (
            "What does LAC mean and how many LAC children went missing last month?",
            "what does LAC mean and LAC children last month",
        ),
        (
            "care status breakdown for june pls - EH, CIN, CPP, LAC etc. and the OLA number",
            "care status breakdown for june",
        ),
        ("whats the trend on CSE episodes. and dont just say 'fluctuating'", "whats the trend on CSE episodes"),
        # found by the review: a follow-up asking the first figure's share or a part of it ("And what proportion were
        # LAC?", "and of those how many accepted?") is one question; advice words beside a figure, the RHI provider,
        # "on average how many were 0 days or 1 day" (the bands), "which was the top age group - what was their
        # number" (the ranking), "the full list" alone (the help), a name after "for" stay as they were
        ("How many episodes in June? And what proportion were LAC?", "what % of June episodes were LAC"),
        ("RHI offered June? and of those how many accepted?", "RHIs accepted June"),
        ("What's the LAC figure for June. And how many were placed 10 miles or under?", "10 miles or under June"),
        ("LAC episodes June, any advice?", "LAC episodes June"),
        ("how many RHIs were offered by the provider in June", "how many RHIs were offered in June"),
        (
            "on average how many episodes in June were 0 days or 1 day?",
            "how many episodes in June were 0 days or 1 day?",
        ),
        (
            "which was the top age group in June - what was their number?",
            "which age group had the most episodes in June",
        ),
        ("give me the full list please", "help"),
        (
            "the care home is near the water treatment plant, how many LAC episodes in June",
            "the care home is near the water treatment works, how many LAC episodes in June",
        ),
    ],
)
def test_what_this_rounds_rules_must_leave_as_it_was(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


def test_a_name_after_for_is_never_read_past_as_a_courtesy(service: LookupService) -> None:
    """ "habibi" and "yalla" are read past only at a message's edge after a mark ("..., yalla"); after "for" they may
    be a name, and the message about one child is refused as it was (it had given the whole report's 116)."""
    assert service.ask("U", "C", "how many episodes for Habibi").outcome == "not understood"
    assert service.ask("U", "C", "LAC children every month from april until now please, yalla").outcome == "answered"
