"""Cockney words and rhyming slang, Portuguese false friends as Brazilian-born managers write English, the latest
figures asked for without naming the month, and a run "including this month": what round sixty-two's development
questions showed. Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import NO_ADVICE
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answered_alike

MONTHS = ["April", "May", "June"]
ROWS = ["LAC episodes", "missing episodes", "CSE episodes", "RHIs offered", "not a client episodes"]


@pytest.mark.parametrize("seed", range(2))
def test_cockney_words_and_rhyming_slang_read_as_their_english(service: LookupService, seed: int) -> None:
    """The property behind the cases: "guv", "wotcha", "nippers", "'ole", "'elp" and rhyming slang ("a butcher's",
    "Pete Tong", "cream crackered") change nothing; each had been refused whole, as words that may name someone."""
    rng = random.Random(seed)
    for _ in range(3):
        month, row = rng.choice(MONTHS), rng.choice(ROWS)
        assert_answered_alike(service, f"wotcha guv, 'ow many {row} in {month}?", f"how many {row} in {month}?")
        assert_answered_alike(
            service, f"'ave a butcher's at {row} for {month}, guv", f"have a look at {row} for {month}"
        )
        assert_answered_alike(
            service, f"{row} {month}, am I readin it Pete Tong?", f"{row} {month}, am I reading it wrong?"
        )
        assert_answered_alike(
            service, f"I'm cream crackered, just gis {row} {month}", f"I'm tired, just give me {row} {month}"
        )
        assert_answered_alike(service, f"how many nippers went missing in {month}", f"children missing {month}")
        assert_answered_alike(service, f"Early 'elp episodes {month}, the 'ole lot", f"Early Help episodes {month}")


@pytest.mark.parametrize("seed", range(2))
def test_portuguese_false_friends_read_as_what_they_mean(service: LookupService, seed: int) -> None:
    """The property behind the cases: "the accumulated" is the year to date, "trimester" a quarter, "the actual month"
    this month so far, "augmented" went up, "percentual" a percentage, "feminine" female, "in medium" on average;
    each had been refused, or read as its English look-alike ("the actual month until now" gave those still missing)."""
    rng = random.Random(seed)
    for _ in range(3):
        month, row = rng.choice(MONTHS), rng.choice(ROWS)
        first, second = sorted(rng.sample(MONTHS, 2), key=MONTHS.index)
        assert_answered_alike(service, f"{row} in the accumulated of the year", f"{row} year to date")
        assert_answered_alike(service, f"{row} in the first trimester", f"{row} in the first quarter")
        assert_answered_alike(service, f"how many {row} in the actual month until now?", f"{row} this month so far")
        assert_answered_alike(
            service,
            f"the {row} augmented in {second} comparing with {first}?",
            f"did the {row} go up in {second} compared with {first}?",
        )
        assert_answered_alike(
            service,
            f"what percentual of the episodes of {month} were LAC?",
            f"what percentage of the episodes of {month} were LAC?",
        )
        assert_answered_alike(service, f"episodes of feminine sex in {month}", f"female episodes {month}")
        assert_answered_alike(
            service, f"in {month}, how many episodes each child had, in medium?", f"episodes per child {month}"
        )


@pytest.mark.parametrize("seed", range(2))
def test_the_most_recent_month_is_the_last_complete_one(service: LookupService, seed: int) -> None:
    """The property behind the cases: "the most recent month", "the latest month", "the newest figures" are June (the
    last complete month); "most recent" had been read as a ranking (every month, the highest first)."""
    rng = random.Random(seed)
    for _ in range(3):
        row = rng.choice(ROWS)
        latest = rng.choice(["the most recent month", "the latest month", "the newest month", "the newest figures"])
        assert_answered_alike(service, f"how many {row} in {latest}", f"how many {row} last month", title=False)
        assert_answered_alike(service, f"{row}: {latest} vs the one before", f"{row} June vs May", title=False)
        assert_answered_alike(service, f"{row} compared with previous month, June", f"{row} June vs May")


@pytest.mark.parametrize("seed", range(2))
def test_which_month_with_more_or_less_is_the_most_or_the_fewest(service: LookupService, seed: int) -> None:
    """The property behind the cases: "which was the month with more LAC episodes?", "in which month had less
    children?" ask for the highest and the lowest month (Portuguese's "mais" and "menos" say both); the first had
    answered June alone, the second had read "less" as "minus" and refused."""
    rng = random.Random(seed)
    for _ in range(3):
        row = rng.choice(ROWS)
        assert_answered_alike(service, f"which was the month with more {row}?", f"which month had the most {row}?")
        assert_answered_alike(service, f"in which month had less {row}?", f"which month had the fewest {row}?")


@pytest.mark.parametrize("seed", range(2))
def test_a_run_including_this_month(service: LookupService, seed: int) -> None:
    """The property behind the cases: "month by month, including this month" is the year's months and the one under
    way, as "month by month from April up to now" is; it had given the month under way alone."""
    rng = random.Random(seed)
    for _ in range(3):
        row = rng.choice(ROWS)
        each = rng.choice(["month by month", "each month"])
        including = rng.choice(["including this month", "incl this month so far", "including the actual month"])
        assert_answered_alike(service, f"{row} {each}, {including}", f"{row} month by month from April up to now")
        assert_answered_alike(
            service,
            f"{row} month by month from the start of the year up to now",
            f"{row} month by month from April up to now",
        )


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("/missing wotcha guv, 'ow many missing episodes 'ave we 'ad in June all told?", "missing episodes June"),
        ("how many of our looked after little 'uns done a runner in May? number of kids not times", "LAC children May"),
        (
            "'ow many nippers went missing each month April to June, one after the other like",
            "children missing month by month April to June",
        ),
        (
            "which month 'ad the most episodes this year – April May or June?",
            "which month had the most episodes this year",
        ),
        (
            "/missing RHI done in 3 working days, % for April May and June",
            "RHIs completed in time % month by month April to June",
        ),
        (
            "can I see RHIs completed in 3 working days for each full month so far this year",
            "RHIs in time each month April to June",
        ),
        ("RHI position for Q1 - offered, accepted, done in time, not in time. one para", "return home interviews Q1"),
        ("White British against BME, how are the episodes in the accumulated of the year?", "White British v BME ytd"),
        ("compare for me the masculine and feminine episodes the last month", "female v male episodes June"),
        (
            "please show me month by month the episodes of all children since april until june",
            "episodes each month April to June",
        ),
        ("the not a client episodes, how was in each month of the trimester?", "not a client each month Q1"),
        ("what is the distance of placement with more LAC episodes the last month?", "largest distance band June"),
        ("/missing newest total episodes compared with previous month", "episodes June v May"),
        # a run from a month named keeps its start (it had ended at June)
        ("LCA children each month since apr incl this month", "LAC children month by month from April up to now"),
        ("RHI acceptance - newest month against the last complete quarter as a whole?", "RHIs accepted June v Q1"),
        ("LAC and CSE for June one after the other", "LAC and CSE for June"),
    ],
)
def test_what_this_round_taught(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # "medium" is a level of CSE risk; "the actual figure" is the figure; "proper" stays as said
        ("CSE risk medium/high episodes June", "CSE episodes June"),
        ("what's the actual figure for LAC episodes in June", "LAC episodes June"),
        ("how many CSE episodes in june? reckon its gone proper up", "CSE episodes June"),
        # "more ... than" and two months named are a comparison, not a ranking
        ("which had more LAC episodes, April or May?", "which month had more LAC episodes, April or May?"),
        # three months with a total asked stay the total
        ("total LAC episodes for April, May and June", "LAC episodes April to June"),
        # the latest figures for the year stay the year's
        ("latest figures for the year, LAC episodes", "LAC episodes ytd"),
        # "what should I do to get" a figure is a question to the bot, not advice
        ("what should I do to get the LAC figure for June", "LAC episodes June"),
        # found by the review: "in medium" is the CSE risk level, "with less" takes a row away, "previous month" alone
        # or beside this month is last month, "the actual month" in its English sense, the latest figures for a
        # period named, a summary whose steps make it the RHI table, "have more gone missing" no ranking, a total
        ("how many episodes in medium?", "CSE episodes June"),
        ("June episodes with less LAC", "June episodes not LAC"),
        ("LAC episodes on previous month", "LAC episodes last month"),
        ("episodes this month compared with previous month", "episodes this month compared with last month"),
        ("what is the actual month on month change in LAC", "LAC month on month change"),
        ("the actual month figure for LAC", "LAC episodes last month"),
        ("latest figures for LAC in May", "LAC episodes May"),
        ("latest figures for May", "profile May"),
        ("the picture for May - offered, accepted, completed in time", "return home interviews May"),
        ("what's happening with LAC, have more gone missing in June?", "LAC episodes June"),
        ("how many episodes in total for April, May and June", "episodes April to June"),
    ],
)
def test_what_this_rounds_rules_must_leave_as_it_was(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


def test_advice_to_get_a_figure_back_up_is_not_given(service: LookupService) -> None:
    """ "RHI timeliness has dropped - what should I be doing to get it back up?" asks what to do: the report holds no
    advice (it had answered with RHIs in time month by month, as if that were the question)."""
    answer = service.ask(
        "U", "C", "RHI timeliness has dropped in the newest numbers - what should I be doing to get it back up?"
    )
    assert (answer.outcome, answer.lines[0]) == ("not understood", NO_ADVICE)
