"""What a term means asked beside its figure ("what counts as a CSE episode and how many in June?"), lists of figures
for a return ("need: LAC eps, CSE eps and RHI % for June"), a return interview's "3 day timescale" and Indian English
("please do the needful", "month wise", "for May month"): what round forty-eight's development questions showed.
Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from tests.digest.lookups.asking import answered, assert_answers_starting

CSE_RULE = "What row 3.1 counts: Episodes whose CSE risk was recorded as medium or high, and the children among them."
NOT_SIDE_BY_SIDE = "Those figures are in different tables of the report"


def test_a_meaning_asked_beside_a_figure_gets_the_figure_and_what_its_row_counts(service: LookupService) -> None:
    title, lines = answered(service, "what counts as a CSE episode and how many were there in June?")
    assert title == "Episodes at CSE risk (medium/high), June 2019"
    assert lines == ["*28*", "May 2019: 16", "Year to date 2019/20: 61", CSE_RULE]


@pytest.mark.parametrize(
    ("text", "title", "figure", "row"),
    [
        (
            "what counts as a missing 'episode' - is it every time a child is reported missing? and how many were "
            "there last month?",
            "Missing episodes, June 2019",
            "*116*",
            "1.1",
        ),
        (
            "what does '3 or more episodes in reporting period' mean exactly and how many children hit that in June?",
            "Children with 3 or more episodes, June 2019",
            "*10*",
            "1.3",
        ),
        (
            "what does 'same day return' mean on the days missing table and how many were there in june",
            "Same-day returns, June 2019",
            "*53 (46% of 116 episodes)*",
            "4.1",
        ),
        (
            "What does 'still missing' mean in the days section? How many were still missing at the end of April?",
            "Still missing at the end of the month, April 2019",
            "*2 (1.6% of 129 episodes)*",
            "4.8",
        ),
        (
            "how many return home interviews were late last month? and what counts as late?",
            "Return home interviews not completed in time, June 2019",
            "*22 (31% of 71 accepted)*",
            "5.3b",
        ),
        (
            "what share of June's episodes were BME? and what counts as BME in this report",
            "BME episodes, June 2019",
            "*8 (7% of 116 episodes)*",
            "8.22",
        ),
    ],
)
def test_meanings_asked_beside_figures(service: LookupService, text: str, title: str, figure: str, row: str) -> None:
    said, lines = answered(service, text)
    assert said == title, (text, said)
    assert lines[0] == figure, (text, lines)
    assert lines[-1].startswith(f"What row {row} counts: "), (text, lines)


def test_a_whole_table_asked_with_its_meaning_says_what_the_table_counts(service: LookupService) -> None:
    title, lines = answered(service, "What's an RHI and how many in June?")
    assert title == "Return home interviews, June 2019"
    assert lines[-1].startswith("What the return home interviews table counts: Return home interviews. Offered:")


@pytest.mark.parametrize("text", ["define 3.1", "what counts as late?", "what does OLA mean?"])
def test_a_meaning_asked_alone_is_still_a_definition(service: LookupService, text: str) -> None:
    title, _ = answered(service, text)
    assert title.endswith(": what it counts"), (text, title)


MEANINGS = ["what counts as {term}", "what does {term} mean", "what is meant by {term}", "definition of {term}"]
ASKS = ["and how many were there in {period}?", "? how many in {period}", "- and what was the number for {period}"]
TERMS = {
    "a LAC episode": "LAC episodes in {period}",
    "a CSE episode": "CSE episodes in {period}",
    "a same day return": "same day returns in {period}",
    "OLA": "OLA episodes in {period}",
    "repeat missing": "children with 3 or more episodes in {period}",
}
PERIODS = ["June", "May", "April", "Q1", "the year to date"]


@pytest.mark.parametrize("seed", range(4))
def test_any_meaning_asked_beside_a_figure_answers_that_figure_and_says_what_it_counts(
    service: LookupService, seed: int
) -> None:
    """The property behind the cases: whatever way the meaning is asked, the figure is the one the question would get
    without it, and its last line says what the row counts."""
    rng = random.Random(seed)
    for _ in range(6):
        term, plain = rng.choice(sorted(TERMS.items()))
        period = rng.choice(PERIODS)
        typed = f"{rng.choice(MEANINGS).format(term=term)} {rng.choice(ASKS).format(period=period)}"
        title, lines = answered(service, plain.format(period=period))
        said, said_lines = answered(service, typed)
        assert said == title, (typed, said)
        assert said_lines[: len(lines)] == lines, (typed, said_lines)
        assert said_lines[-1].startswith("What row "), (typed, said_lines)


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        (
            "need: LAC eps, CSE eps and RHI % for June",
            "`LAC episodes june` · `Episodes at CSE risk (medium/high) june` · `Return home interviews (table) june`",
        ),
        (
            "need for April: total eps, LAC eps, CSE eps, RHIs offered",
            "`LAC episodes april` · `Episodes at CSE risk (medium/high) april` · "
            "`Return home interviews offered april`",
        ),
        ("LAC episodes and RHIs June", "`LAC episodes june` · `Return home interviews (table) june`"),
    ],
)
def test_a_list_across_tables_is_refused_with_each_suggested_never_one_dropped(
    service: LookupService, text: str, suggested: str
) -> None:
    answer = service.ask("U", "C", text)
    assert answer.outcome == "not understood", (text, answer.title, answer.lines)
    assert answer.lines[0].startswith(NOT_SIDE_BY_SIDE)
    assert answer.lines[1] == f"You could ask: {suggested}"


@pytest.mark.parametrize(
    "text", ["RHIs for LAC kids in June", "RHIs offered and accepted for LAC", "LAC and CSE RHIs June"]
)
def test_interviews_of_a_group_are_still_refused(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.lines[0].startswith("The return interview rows count every episode's interview"), (text, answer)


@pytest.mark.parametrize("text", ["June please - total eps, kids, 3+", "total episodes, children and 3+ for June"])
def test_the_headline_counts_listed_are_each_answered(service: LookupService, text: str) -> None:
    _, lines = answered(service, text)
    assert lines == [
        "Children with 3 or more episodes, June 2019: 10",
        "Missing episodes, June 2019: 116",
        "Children missing, June 2019: 53",
    ]


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        (
            "how many return interviews went over the 3 day timescale in June?",
            "Return home interviews not completed in time, June 2019",
            "*22 (31% of 71 accepted)*",
        ),
        ("RHI completion in 3 days for April", "Return home interviews completed in time, April 2019", "*65 (70%"),
        ("how many RHIs were done within three days in May", "Return home interviews completed in time, May", "*94"),
        ("rhis in the 3 day timescale june %", "Return home interviews completed in time, June 2019", "*49 (69%"),
        # not a question of interviews: the days missing bands, as before
        ("episodes over 3 days June", "4 days to More than 5 days (episodes), June 2019", "*6 (5% of 116 episodes)*"),
    ],
)
def test_an_interviews_three_day_timescale_is_three_working_days(
    service: LookupService, text: str, title: str, figure: str
) -> None:
    assert_answers_starting(service, text, title, figure)


def test_a_change_of_one_point_is_one_percentage_point(service: LookupService) -> None:
    _, lines = answered(service, "Have we got RHI completion in 3 days for April and June?")
    assert (
        lines[-1] == "Change from April 2019 to June 2019: down 16; as a share, down 1 percentage point (70% to 69%)."
    )


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("please do the needful and share YTD figures of missing episodes", "Missing episodes, April to June", "*375*"),
        ("care status breakdown for last month please do the needful", "Care status, June 2019", None),
        (
            "month wise missing episodes for this financial year kindly",
            "Missing episodes, April to June 2019 month",
            None,
        ),
        ("for May month male vs female episodes which is more?", "Female and Male, May 2019", None),
        ("for Q1 girls vs boys", "Female and Male, April to June 2019", None),
        ("for children in care, how many went missing in June", "Looked-after children missing, June 2019", "*28*"),
    ],
)
def test_indian_english_and_a_period_said_first(
    service: LookupService, text: str, title: str, figure: str | None
) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize(
    "text",
    [
        "RHIs that missed the 3 day target June",
        "how many RHIs failed to meet the 3 day timescale in June",
        "RHIs exceeding the 3 day timescale June",
        "how many RHIs didn't hit the 3 day deadline in June",
    ],
)
def test_an_interview_that_missed_the_timescale_is_late_never_in_time(service: LookupService, text: str) -> None:
    assert_answers_starting(service, text, "Return home interviews not completed in time, June 2019", "*22 (31%")


@pytest.mark.parametrize(
    "text",
    [
        "missing more than 3 days in June, and RHIs done in 3 days",
        "kids missing more than 3 days - did they get an RHI?",
    ],
)
def test_three_days_of_an_episode_stay_days_missing_beside_interviews(service: LookupService, text: str) -> None:
    assert not service.ask("U", "C", text).title.startswith("Return home interviews"), text


@pytest.mark.parametrize(
    "text",
    [
        "RHIs offered and accepted June, for LAC",
        "for children in care, RHIs offered and accepted June",
        "RHIs offered in June, just LAC",
        "RHIs offered in June and how many of those were LAC",
    ],
)
def test_interviews_said_with_whom_they_are_of_are_refused_as_not_split(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert answer.lines[0].startswith("The return interview rows count every episode's interview"), (text, answer)


@pytest.mark.parametrize(
    ("text", "figure"), [("for May, LAC episodes", "*87*"), ("for April, how many LAC episodes", "*75*")]
)
def test_a_month_opening_the_message_is_its_period_not_a_colleague(
    service: LookupService, text: str, figure: str
) -> None:
    _, lines = answered(service, text)
    assert lines[0] == figure, (text, lines)


@pytest.mark.parametrize(
    "text",
    [
        "what counts as a CSE episode and how many were there in June and how many CSE children?",
        "what counts as LAC? how many LAC episodes in June and how many LAC children?",
        "what does the mean length look like and how many episodes in June?",
    ],
)
def test_two_figures_or_a_mean_are_never_read_as_one_figure_with_its_meaning(service: LookupService, text: str) -> None:
    answer = service.ask("U", "C", text)
    assert not any(line.startswith("What row ") for line in answer.lines), (text, answer.lines)


def test_a_comparison_asked_after_the_meaning_is_kept(service: LookupService) -> None:
    _, lines = answered(service, "what counts as a LAC episode and how many in June - is it higher than May?")
    assert lines[:3] == ["May 2019: 87", "June 2019: 74", "Change from May 2019 to June 2019: down 13."]
    assert lines[3].startswith("What row 2.1 counts: ")
