"""Black Country and Trinidadian words, whether a figure stayed flat, a run whose months are all the same, a table
asked with "any ...?" after it: what round sixty's development questions showed. Answers are asked of the reference
June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answered_alike

MONTHS = ["April", "May", "June"]
ROWS = ["LAC episodes", "missing episodes", "CSE episodes", "RHIs offered", "not a client episodes"]
TABLES = ["ages", "placement distance", "gender breakdown", "days missing breakdown", "ethnicity split"]
FLAT = ["flat", "level", "steady", "consistent", "the same"]


@pytest.mark.parametrize("seed", range(2))
def test_black_country_and_trinidadian_words_read_as_their_english(service: LookupService, seed: int) -> None:
    """The property behind the cases: a question with the Black Country's "ow many", "wuz", "wot", "am" (are),
    "'ave", "babbies", "wenches", or Trinidad's "de", "dey", "allyuh", "oui", is answered as its English is; they
    had been refused whole, as words that may name someone."""
    rng = random.Random(seed)
    for _ in range(3):
        month, row = rng.choice(MONTHS), rng.choice(ROWS)
        assert_answered_alike(service, f"ow many {row} wuz there in {month}", f"how many {row} was there in {month}")
        assert_answered_alike(
            service, f"wot share o' {month}'s episodes wuz LAC", f"what share of {month}'s episodes was LAC"
        )
        assert_answered_alike(
            service,
            f"am there more wenches than lads gooin missin in {month}",
            f"are there more girls than boys going missing in {month}",
        )
        assert_answered_alike(
            service, f"ow many babbies 'ave gone missin in {month}", f"how many children have gone missing in {month}"
        )
        assert_answered_alike(service, f"{row} for de year so far oui", f"{row} for the year so far")
        assert_answered_alike(
            service,
            f"how much children allyuh had missing in {month} when dey went missing?",
            f"how much children you had missing in {month}",
        )


@pytest.mark.parametrize("seed", range(2))
def test_whether_a_figure_stayed_flat_is_each_months_figure(service: LookupService, seed: int) -> None:
    """The property behind the cases: "has X stayed flat?", "X, has it been level?", "were X steady across Q1",
    "X month by month - been consistent?" is X month by month, for the asker to see; they had been refused or
    answered with the run's total."""
    rng = random.Random(seed)
    for _ in range(3):
        row, flat = rng.choice(ROWS), rng.choice(FLAT)
        monthly = service.ask("U", "C", f"{row} month by month")
        assert monthly.title.endswith("month by month"), (row, monthly.title)
        assert_answered_alike(service, f"has {row} stayed {flat}?", f"{row} month by month")
        assert_answered_alike(service, f"{row}, has it been {flat}?", f"{row} month by month")
        assert_answered_alike(
            service, f"has {row} held {flat} month on month since april", f"{row} month by month since april"
        )
        assert_answered_alike(
            service, f"were {row} {flat.replace('the same', 'level')} across Q1", f"{row} month by month across Q1"
        )
        assert_answered_alike(service, f"{row} month by month - been consistent?", f"{row} month by month")
        first, second = sorted(rng.sample(MONTHS, 2), key=MONTHS.index)
        if MONTHS.index(second) - MONTHS.index(first) == 1:  # two months side by side: one against the other
            assert_answered_alike(service, f"were {row} level {first} to {second}", f"{row} {first} vs {second}")
        else:  # a longer run: each month of it, the one between too
            assert_answered_alike(
                service, f"were {row} level {first} to {second}", f"{row} {first} to {second} month by month"
            )
        assert_answered_alike(service, f"were {row} level between {first} and {second}", f"{row} {first} vs {second}")


def test_a_run_whose_months_are_all_the_same_names_no_month_highest(service: LookupService) -> None:
    """LAC children with 3 or more episodes were 7 in each of April, May and June: the run had said "Highest figure:
    April 2019, 7; lowest: April 2019, 7", one month named both."""
    answer = service.ask("U", "C", "LAC kids with 3 or more episodes each month, has it been flat")
    assert answer.lines[:3] == ["April 2019: 7", "May 2019: 7", "June 2019: 7"]
    assert "Every month compared has the same figure: 7." in answer.lines
    assert not any(line.startswith("Highest") for line in answer.lines)
    ranked = service.ask("U", "C", "which month had the most LAC kids with 3 or more episodes")
    assert ranked.lines[0] == "Every month compared has the same figure: 7."


@pytest.mark.parametrize("seed", range(2))
def test_a_table_asked_with_any_after_it_is_the_table(service: LookupService, seed: int) -> None:
    """The property behind the cases: "ages for may - any under 12s?", "placement distance for April, anyone beyond
    40 miles?" is the whole table, which shows them; the "any" had been read as the question (the under-12 count
    alone, or refused)."""
    rng = random.Random(seed)
    for _ in range(3):
        table, month = rng.choice(TABLES), rng.choice(MONTHS)
        tail = rng.choice(
            ["- any under 12s?", ", anyone beyond 40 miles?", "- any go past 3 days?", ", any surprises?"]
        )
        assert_answered_alike(service, f"{table} for {month} {tail}", f"{table} for {month}")
    # a period after "any" is the period asked, not talk
    assert_answered_alike(service, "placement distance not recorded - any YTD?", "placement distance not recorded YTD")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("what age dey mostly going missing at, for de year so far?", "which age do most go missing at ytd"),
        ("which ethnicity mostly goes missing in June", "which ethnicity has the most episodes in June"),
        ("whats the median episode length ytd, is it under a day?", "median episode length ytd"),
        ("which month had the most episodes so far, any standout?", "which month had the most episodes so far"),
        ("episodes month by month April to June please ar kid", "episodes month by month April to June"),
        ("CIN against CP for April, which wuz 'igher", "CIN against CP for April, which was higher"),
    ],
)
def test_what_this_round_taught(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # "was it the same in May" after a comparison is May's comparison, not the rows month by month
        ("more girls than boys going missing in june? was it the same in may", "girls vs boys May vs June"),
        # two rows "level" in one month are set against each other in that month
        ("were LAC placed 11-20 miles and 31-40 miles level in May", "LAC placed 11-20 miles and 31-40 miles in May"),
        ("was May the same as April for LAC?", "LAC April vs May"),
        ("has June been the same as May for LAC episodes?", "LAC episodes May vs June"),
        # two rows "level" over a quarter are set against each other, not each shown month by month
        ("were girls and boys level in q1?", "girls vs boys q1"),
        # a table "stable" is not one figure a month: as before
        ("is the gender split stable?", "gender split"),
        ("how were the june episodes split, any CSE?", "CSE episodes june"),
        ("did they mostly go missing from care in june?", "LAC episodes june"),
    ],
)
def test_what_the_flat_words_must_leave_as_it_was(service: LookupService, text: str, same_as: str) -> None:
    assert_answered_alike(service, text, same_as, title=False)


@pytest.mark.parametrize("seed", range(2))
def test_months_a_figure_fell_under_are_the_months_under_it(service: LookupService, seed: int) -> None:
    """The property behind the case: "any months where RHI acceptance dropped under 90%?" asks which months were under
    90%, as "was under" does; a change word before "under" or "over" had been read as a change by the figure and
    refused. A change by a figure ("rose by more than 10") is still refused, as before."""
    rng = random.Random(seed)
    for _ in range(3):
        row, figure = rng.choice(ROWS), rng.choice([10, 20, 80, 90])
        moved, where = rng.choice([("dropped", "under"), ("fell", "below"), ("went up", "over"), ("rose", "above")])
        assert_answered_alike(
            service,
            f"any months where {row} {moved} {where} {figure} this year?",
            f"any months where {row} was {where} {figure} this year?",
        )
    refused = service.ask("U", "C", "which months did LAC rise by more than 10")
    assert refused.outcome == "not understood"
    assert refused.lines[0].startswith(
        "I can say which months were over or under a figure, not which rose or fell by it."
    )


@pytest.mark.parametrize(
    "text",
    [
        "has the median episode length stayed the same?",
        "has the average length of LAC episodes been stable?",
        "has it stayed flat?",
        "is the data consistent?",
        "was it steady?",
    ],
)
def test_flat_with_no_one_figure_to_show_is_not_answered_with_another(service: LookupService, text: str) -> None:
    """An average or median month by month is not held, and "it" or "the data" names no figure: such questions are
    not answered (the review found them answered with all episodes month by month, or "no data" for a year)."""
    assert service.ask("U", "C", text).outcome == "not understood"
