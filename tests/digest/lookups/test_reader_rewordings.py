"""Ways of writing a question that name the report's own words (round thirteen, tuned on writers AS to AV): months
in Welsh, a row's note pasted or retyped, a field and its code, comparison signs, how a length is measured, and
rows of a breakdown added up with a word they are not split by (never answered as the total of every episode).
Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.questions import BANDS_NOT_SPLIT, ONE_CHILD, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered

SEED = 2613
ROUNDS = 40
WELSH = {
    "Ebrill": ("April 2019", "129"),
    "Mai": ("May 2019", "130"),
    "Mehefin": ("June 2019", "116"),
}


@pytest.mark.parametrize(("month", "said"), WELSH.items())
def test_a_month_in_welsh_is_that_month_and_welsh_courtesies_are_talk(
    service: LookupService, month: str, said: tuple[str, str]
) -> None:
    title, lines = answered(service, f"Bore da, how many missing episodes did we have in {month} please? Diolch")
    assert title == f"Missing episodes, {said[0]}"
    assert lines[0] == f"*{said[1]}*"


def test_a_welsh_month_where_a_childs_name_goes_is_still_about_a_child(reader: Reader) -> None:
    assert reader.read("has Mai gone missing again") == NotUnderstood(ONE_CHILD, [])


@pytest.mark.parametrize(
    "text",
    [
        "RHI offered June (not inc. No & N/A)",
        "RHI offered June not incl No and N/A",
        "RHI offered June (excl No and N/A)",
        "How many return home interviews were offered in June, excluding those recorded as No or N/A?",
    ],
)
def test_row_5_1s_own_note_pasted_or_retyped_is_that_row(service: LookupService, text: str) -> None:
    title, lines = answered(service, text)
    assert title == "Return home interviews offered, June 2019"
    assert lines[0] == "*85 (77% of 111 episodes with an offer recorded)*"


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("gender = F, episode count jun", "Female, June 2019", "*63 (54% of 116 episodes)*"),
        ("sex: M episodes june", "Male, June 2019", "*53 (46% of 116 episodes)*"),
        (
            "count days missing >= 2, jun-19",
            "2 days to More than 5 days (episodes), June 2019",
            "*10 (9% of 116 episodes)*",
        ),
        ("eps duration > 5 days june", "Episodes lasting more than 5 days, June 2019", "*4 (3% of 116 episodes)*"),
        ("episodes age >= 16 june", "16yrs to 17+yrs (episodes), June 2019", "*36 (31% of 116 episodes)*"),
        ("age 14-16 inclusive episodes jun", "14yrs to 16yrs (episodes), June 2019", "*79 (68% of 116 episodes)*"),
        (
            "what proportion of june episodes were 16 or 17+",
            "16yrs to 17+yrs (episodes), June 2019",
            "*36 (31% of 116 episodes)*",
        ),
    ],
)
def test_a_field_and_its_code_or_a_sign_before_a_number_reads_as_words(
    service: LookupService, text: str, title: str, figure: str
) -> None:
    got_title, lines = answered(service, text)
    assert (got_title, lines[0]) == (title, figure)


def test_how_a_length_is_measured_said_beside_it_is_the_length(service: LookupService) -> None:
    title, lines = answered(service, "mean episode duration (start to return date) jun")
    assert title == "Average (mean) length of a closed episode, June 2019"
    assert lines[0] == "*0.9 days*"


def test_i_mean_is_a_rewording_not_the_average(service: LookupService) -> None:
    title, lines = answered(service, "How many RHIs were late in June - not done within 3 working days I mean")
    assert title == "Return home interviews not completed in time, June 2019"
    assert lines[0] == "*22 (31% of 71 accepted)*"


def test_the_distance_between_postcodes_is_the_placement_distance(service: LookupService) -> None:
    title, _ = answered(service, "placement postcode distance bands ytd")
    assert title == "LAC placement distance, April to June 2019 (2019/20 year to date)"


def test_this_month_to_date_is_the_month_so_far(service: LookupService) -> None:
    title, _ = answered(service, "episodes this month to date")
    assert title == "Missing episodes, July 2019 (partial month, to 18/07/2019 00:00)"


def test_the_month_before_without_the_is_the_month_before(service: LookupService) -> None:
    title, lines = answered(service, "OLA episodes last month vs month before")
    assert title == "Episodes of children from another local authority, May 2019 against June 2019"
    assert lines[-1] == "Change from May 2019 to June 2019: up 9; as a share, up 8 percentage points (5% to 13%)."


def test_what_is_driving_the_numbers_is_the_largest_row(service: LookupService) -> None:
    _, lines = answered(service, "Which age group is driving the numbers this year?")
    assert lines[0] == "Largest: 14yrs (82, 22%); then 15yrs (73, 19%), 17+yrs (67, 18%)."


def test_a_familys_kids_are_kids_but_families_are_not_counted(service: LookupService, reader: Reader) -> None:
    title, _ = answered(service, "how many of the families' kids are missing right now?")
    assert title == "Still missing now (open at 18/07/2019 00:00)"
    assert isinstance(reader.read("how many families went missing in June"), NotUnderstood)


def test_this_month_against_last_offers_the_latest_complete_month_under_the_answer(service: LookupService) -> None:
    answer = service.ask("U", "C", "BME episodes this month against last")
    assert answer.title == "BME episodes, June 2019 against July 2019 (partial, to 18/07/2019 00:00)"
    assert answer.choices == [
        ("Last month against the month before", "@ethnicity.bme last month against the month before")
    ]
    offered = service.ask("U", "C", answer.choices[0][1])
    assert offered.title == "BME episodes, May 2019 against June 2019"
    # "so far" says which: nothing else is offered
    assert service.ask("U", "C", "BME episodes this month so far against last month").choices == []


BAND_RANGES = (
    "lasting 2 to 3 days",
    "missing at least 2 days",
    "lasting 3 days or more",
    "aged 14 to 16",
    "aged 15 and over",
    "of 13 to 15 year olds",
    "missing >= 2 days",
)
SUBSETS = ("LAC", "looked after", "CSE", "girls", "boys", "White British", "BME", "Pakistani")


def test_rows_added_up_are_never_answered_for_a_part_they_are_not_split_by(reader: Reader) -> None:
    """The days-missing and age rows count every episode: "LAC episodes lasting 2 to 3 days" is not their total."""
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        text = f"{rng.choice(SUBSETS)} episodes {rng.choice(BAND_RANGES)} in {rng.choice(('June', 'May', 'Q1'))}"
        read = reader.read(text)
        assert not (isinstance(read, Question) and len(read.bands) > 1), (text, read)
    assert reader.read("LAC episodes lasting 2 to 3 days in June") == NotUnderstood(
        BANDS_NOT_SPLIT, reader.suggest("LAC episodes lasting 2 to 3 days in June")
    )


@pytest.mark.parametrize(
    ("text", "bands"),
    [
        ("LAC episodes placed 11 to 30 miles away in June", ("distance.11_20", "distance.21_30")),
        ("age group 14 to 16 June", ("age.14", "age.15", "age.16")),
        ("OOA mispers placed over 40 miles june", None),
    ],
)
def test_rows_added_up_with_their_own_sections_words_are_still_answered(
    reader: Reader, text: str, bands: tuple[str, ...] | None
) -> None:
    read = reader.read(text)
    assert isinstance(read, Question), (text, read)
    assert len(read.bands) > 1
    if bands is not None:
        assert read.bands == bands
