"""Properties of the reader's rules for questions written by people it was not tuned on, over generated phrasings
(a seeded generator): what a question counts ("how many times" episodes, "how many different" children), talk
around a question changing nothing, "vs last" and "the one before" as the period before, letters spelt out, broad
ethnic groups as their codes added up, bare ages with "and over", and questions the report cannot answer
(forecasts, declined return interviews, one child) never answered with a figure.
"""

from __future__ import annotations

import random

import pytest

from digest.contract.config import Config
from digest.figures.catalogue import AGES
from digest.lookups.periods import Period, PeriodKind
from digest.lookups.questions import Clarification, NotUnderstood, Question, Reader

SEED = 2606
ROUNDS = 40
MONTHS = ("April", "May", "June")
EPISODE_WORDS = ("times", "occasions", "episodes", "incidents")
DISTINCT = ("individual", "different", "distinct", "unique", "separate", "actual")
TWINS = {  # a family's episodes and children, by the words that qualify them
    "": ("episodes.all", "children.all"),
    "looked after": ("episodes.lac", "children.lac"),
    "in care": ("episodes.lac", "children.lac"),
    "CSE risk": ("episodes.cse", "children.cse"),
}
ASIDES = (
    "sorry if this is a daft question but",
    "quick one -",
    "I know it's not finished yet, but",
    "for the board paper,",
    "hi, could you tell me",
)
AFTERWORDS = ("please", "thanks", "if that makes sense", "I think", "I know it's not finished yet")


def _question(read: object) -> Question:
    assert isinstance(read, Question), read
    return read


def test_what_a_question_counts_decides_episodes_or_children(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        qualifier, (episodes, children) = rng.choice(list(TWINS.items()))
        month = rng.choice(MONTHS)
        child = "children " + qualifier if qualifier else rng.choice(("children", "kids", "young people"))
        times = rng.choice(EPISODE_WORDS)
        counted_times = f"how many {times} did {child} go missing in {month}"
        assert _question(reader.read(counted_times)).subject == episodes, counted_times
        distinct = f"how many {rng.choice(DISTINCT)} {child} were involved in missing episodes in {month}"
        assert _question(reader.read(distinct)).subject == children, distinct
        ruled_out = f"number of {child} missing in {month}, {rng.choice(('children', 'kids'))} not episodes"
        assert _question(reader.read(ruled_out)).subject == children, ruled_out


def test_a_question_over_time_about_kids_going_missing_counts_episodes_and_about_children_counts_children(
    reader: Reader,
) -> None:
    """ "Kids going missing" over time is how often they went: episodes. "Children going missing" is answered as the
    children (blind writers who said it meant them about as often as the episodes), with their episodes offered first
    under the answer: decided, not asked back."""
    rng = random.Random(SEED)
    shapes = (
        "which month was the worst for {c} going missing this year",
        "quietest month this year for {c} going missing",
        "compare {c} going missing in April with June",
        "is June better or worse than May for missing {c}",
    )
    for _ in range(ROUNDS):
        qualifier, (episodes, children) = rng.choice([t for t in TWINS.items() if t[0] != "CSE risk"])
        child = rng.choice(("children", "kids"))
        text = rng.choice(shapes).format(c=f"{child} {qualifier}".strip())
        read = _question(reader.read(text))
        if child == "kids":
            assert read.subject == episodes, text
        else:
            assert read.subject == children, text
            assert read.alternatives[0][0] == reader.by_id[episodes].label, text


# Questions plain enough to be read the same with talk around them.
PLAIN = (
    "LAC episodes in June",
    "how many girls went missing in May",
    "RHIs accepted last month",
    "episodes at CSE risk Q1",
    "same day returns ytd",
    "not a client episodes June",
    "how many individual children went missing ytd",
)


def test_talk_around_a_question_changes_nothing(reader: Reader) -> None:
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        text = rng.choice(PLAIN)
        said = f"{rng.choice(ASIDES)} {text[0].lower() + text[1:]} {rng.choice(AFTERWORDS)}"
        assert reader.read(said) == _with_text(reader.read(text), said), said


# Asides about the asker's day after the question: words the bot does not know (names, places, slang) and periods
# that are not the question's ("last night", "at the moment", "the summer hols").
ASIDE_CLAUSES = (
    "we've had a {w} week at {W} House",
    "one of ours was out til 3am last night",
    "just trying to work out if its the same {w} ones",
    "it feels like its been a busy start to the summer hols",
    "i always think its {w} but not sure",
    "our lot at {W} are at the moment",
)


def test_an_aside_about_the_asker_after_the_question_changes_nothing(reader: Reader) -> None:
    """A later clause about the asker ("we've got a real mix in our homes at the moment") that names no row is left
    out: its unknown words and its periods are not the question's. One naming a row, or a period to compare, is
    read (test_an_aside_naming_a_row_or_a_comparison_is_read)."""
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        text = rng.choice(PLAIN)
        word = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        aside = rng.choice(ASIDE_CLAUSES).format(w=word, W=word.capitalize())
        said = f"{text}{rng.choice(('? ', ', ', '. ', ' - '))}{aside}"
        assert reader.read(said) == _with_text(reader.read(text), said), said


def test_the_questions_one_period_is_never_left_out_with_an_aside(reader: Reader) -> None:
    """A period said only in a later clause, even one that reads like an aside ("i.e. the child was still missing, at
    the end of April"), is the question's period, never dropped with the aside."""
    rng = random.Random(SEED)
    months = {"April": 4, "May": 5, "June": 6}
    for _ in range(ROUNDS):
        month = rng.choice(list(months))
        figure = rng.choice(("how many LAC episodes", "how many girls went missing", "RHIs offered"))
        aside = rng.choice(("we need it for {m}", "i.e. the ones we know of, in {m}", "it's for {m} please"))
        text = f"{figure}, {aside.format(m=month)}"
        read = _question(reader.read(text))
        assert read.period == Period(PeriodKind.MONTH, month_of_year=months[month]), text


@pytest.mark.parametrize(
    "text",
    [
        "how many LAC episodes in June, we've had a couple of our girls picked up by Zorvan",  # girls: a row
        "what percentage of episodes were BME in june, it looks really low compared to april",  # a second period
    ],
)
def test_an_aside_naming_a_row_or_a_comparison_is_read(reader: Reader, text: str) -> None:
    read = reader.read(text)
    if "april" in text:
        assert isinstance(read, Question), read
        assert read.compare, read
    else:
        assert isinstance(read, NotUnderstood), read


def _with_text(read: object, text: str) -> object:
    """The reading of the plain question, as the reading of the longer one would carry it."""
    if not isinstance(read, Question):
        return read
    return Question(
        read.kind,
        read.subject,
        read.period,
        read.share,
        text,
        read.bands,
        read.also,
        read.compare,
        read.by_month,
        read.extreme,
        read.proportion,
        read.alternatives,
        read.family,
    )


@pytest.mark.parametrize(
    ("said", "first", "before"),
    [
        ("this month vs last", Period(PeriodKind.THIS_MONTH), Period(PeriodKind.LAST_MONTH)),
        ("June against the previous one", Period(PeriodKind.MONTH, month_of_year=6), None),
        ("this quarter compared with the last one", Period(PeriodKind.QUARTER), None),
        ("last quarter vs the quarter before", Period(PeriodKind.QUARTER, relative_year=-1), None),
        ("Q3 2019/20 v previous", Period(PeriodKind.QUARTER, quarter=3, year_start=2019), None),
        ("Q1 against the one before", Period(PeriodKind.QUARTER, quarter=1), None),
    ],
)
def test_last_or_previous_alone_is_the_period_before_the_one_named(
    reader: Reader, said: str, first: Period, before: Period | None
) -> None:
    question = _question(reader.read(f"LAC episodes {said}"))
    assert question.period == first
    wanted = {
        PeriodKind.MONTH: Period(PeriodKind.MONTH, month_of_year=5),
        PeriodKind.QUARTER: {
            None: Period(PeriodKind.QUARTER, relative_year=first.relative_year - 1),
            3: Period(PeriodKind.QUARTER, quarter=2, year_start=2019),
            1: Period(PeriodKind.QUARTER, quarter=4, relative_year=-1),
        }.get(first.quarter),
    }.get(first.kind, before)
    assert question.compare == (wanted,)


def test_last_alone_without_a_comparison_is_asked_about_not_guessed(reader: Reader) -> None:
    read = reader.read("LAC episodes in May, I think it was May, the month before last anyway")
    assert isinstance(read, NotUnderstood)
    assert read.problem.startswith("Before which period?")


def test_periods_said_in_words(reader: Reader) -> None:
    for n in range(1, 13):
        question = _question(reader.read(f"episodes in the first {n} months of the financial year"))
        last = (4 + n - 2) % 12 + 1
        assert question.period == Period(PeriodKind.RANGE, month_of_year=last, from_month_of_year=4)
    for month, number in (("April", 4), ("May", 5), ("June", 6)):
        since = Period(PeriodKind.RANGE, from_month_of_year=number)
        for said in (f"since {month}", f"since the start of {month}", f"since the beginning of {month}"):
            assert _question(reader.read(f"how many different children have gone missing {said}")).period == since
    for said in ("atm", "at the moment", "right now"):
        assert _question(reader.read(f"how many still missing {said}")).period == Period(PeriodKind.NOW)
    assert _question(reader.read("episodes MTD")).period == Period(PeriodKind.THIS_MONTH)
    july = _question(reader.read("July MTD episodes vs June"))
    assert (july.period, july.compare) == (
        Period(PeriodKind.MONTH, month_of_year=7),
        (Period(PeriodKind.MONTH, month_of_year=6),),
    )
    assert _question(reader.read("episodes in the spring, April to June")).period == Period(
        PeriodKind.RANGE, month_of_year=6, from_month_of_year=4
    )
    spring = reader.read("episodes in the spring")
    assert isinstance(spring, NotUnderstood)
    assert spring.problem.startswith("Which months?")


def test_short_forms_spelt_letter_by_letter_read_as_the_short_form(reader: Reader) -> None:
    rng = random.Random(SEED)
    for short in ("lac", "cse", "rhi", "cla"):
        plain = reader.read(f"{short} june")
        for _ in range(4):
            joiner = rng.choice((" ", ".", ". "))
            letters = joiner.join(short.upper() if rng.random() < 0.5 else short) + rng.choice(("", "."))
            assert reader.read(f"{letters} june") == _with_text(plain, f"{letters} june"), letters
    assert _question(reader.read("lack episodes june")).subject == "episodes.lac"  # dictation's LAC


def test_a_broad_ethnic_group_is_its_codes_added_up(reader: Reader, config: Config) -> None:
    codes = [code for code, _ in config.ethnicity.codes]
    rng = random.Random(SEED)
    for word, letter in (("white", "A"), ("mixed race", "B"), ("asian", "C"), ("black", "D")):
        wanted = tuple(f"ethnicity.{c}" for c in codes if c.startswith(letter))
        for _ in range(3):
            text = rng.choice(("{w} episodes {m}", "how many {w} children went missing in {m}", "{w} {m}"))
            text = text.format(w=rng.choice((word, word.title())), m=rng.choice(MONTHS))
            assert _question(reader.read(text)).keys == wanted, text
    # The words inside a code's own label stay that code.
    for label, key in (("White and Asian", "ethnicity.B3"), ("Any other Asian background", "ethnicity.C4")):
        assert _question(reader.read(f"{label} June")).keys == (key,)
    assert _question(reader.read("black and minority ethnic May")).keys == ("ethnicity.bme",)


def test_a_bare_age_with_and_over_or_plus_is_the_ages_from_it(reader: Reader) -> None:
    for age in AGES:
        wanted = (*(f"age.{a}" for a in AGES if a >= age), "age.17_plus")
        for said in (f"{age} and over", f"{age}+", f"{age} plus"):
            assert _question(reader.read(f"how many {said} June")).keys == wanted, said
    teenagers = (*(f"age.{a}" for a in AGES if a >= 13), "age.17_plus")
    assert _question(reader.read("how many teenagers went missing in June")).keys == teenagers
    assert _question(reader.read("the older teenagers, 17 and over, June")).keys == ("age.17_plus",)
    assert _question(reader.read("episodes of 16 and 17 year olds June")).keys == ("age.16", "age.17_plus")


@pytest.mark.parametrize(
    "text",
    [
        "what will July end up as",
        "what will the figures be for September, roughly?",
        "forecast LAC episodes for August",
        "how many episodes are we likely to see in August",
        "predicted RHIs next month",
        "how many RHIs were refused in June",
        "proportion of offered RHIs declined, Jun-19",
        "return interviews turned down last month",
        "who went missing the most",
        "which child went missing the most times",
        "low risk CSE episodes June",
        "how many episodes had no RHI offered",
        "episodes without a return interview June",
        "how many episodes for children known to social care",
    ],
)
def test_what_the_report_cannot_say_is_never_answered_with_a_figure(reader: Reader, text: str) -> None:
    assert not isinstance(reader.read(text), Question)


def test_a_negation_that_negates_nothing_counted_is_ignored_and_one_that_does_is_kept(reader: Reader) -> None:
    assert _question(reader.read("LAC episodes this month, I know it's not finished")).subject == "episodes.lac"
    not_in_care = _question(reader.read("episodes of children who are not in care June"))  # all less LAC episodes
    assert (not_in_care.subject, not_in_care.complement) == ("episodes.lac", True)
    assert not isinstance(reader.read("children who are not in care June"), Question)  # children: no complement
    assert _question(reader.read("not a client June")).subject == "status.not_a_client"
    assert not isinstance(reader.read("RHI not completed in time June"), Clarification)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("how many missng episdoes in jne", "episodes June"),
        ("how mnay lookd after kids went misisng in april", "how many looked after kids went missing in April"),
        ("numbr of girls missing jly", "number of girls missing July"),
        ("rhi offerd plese may", "rhi offered please may"),
    ],
)
def test_slips_of_the_finger_read_as_the_words_meant(reader: Reader, typed: str, meant: str) -> None:
    read, plain = _question(reader.read(typed)), _question(reader.read(meant))
    assert (read.kind, read.keys, read.period) == (plain.kind, plain.keys, plain.period)


@pytest.mark.parametrize("name", ["leeds", "jordan", "smith", "mat", "wont"])
def test_a_word_near_no_known_word_is_still_not_guessed(reader: Reader, name: str) -> None:
    assert isinstance(reader.read(f"episodes for {name} in June"), NotUnderstood)


def test_a_change_against_one_month_is_that_month_against_the_latest(reader: Reader) -> None:
    for said in ("has the number of LAC episodes fallen compared to April", "have LAC episodes gone up against April"):
        question = _question(reader.read(said))
        assert (question.period, question.compare) == (
            Period(PeriodKind.MONTH, month_of_year=4),
            (Period(PeriodKind.LAST_MONTH),),
        )


def test_a_contracted_not_reads_as_not_in_a_phrase(reader: Reader) -> None:
    for said in ("kids who aren't known to us June", "children who are not known to us June", "non client June"):
        assert _question(reader.read(said)).subject == "status.not_a_client", said


def test_figures_side_by_side_in_a_comparison_are_their_episodes(reader: Reader) -> None:
    question = _question(reader.read("how does LAC compare with CSE in June"))
    assert (question.subject, question.also) == ("episodes.lac", ("episodes.cse",))
    length = _question(reader.read("what's the average time missing for LAC"))
    assert (length.kind, length.subject, length.family) == ("length", "average", "lac")


def test_any_two_periods_said_together_are_read_or_asked_about_never_a_failure(reader: Reader) -> None:
    said = (
        "June",
        "Q1",
        "this month",
        "last month",
        "this quarter",
        "vs last",
        "against the previous one",
        "the quarter before",
        "the month before last",
        "MTD",
        "so far",
        "atm",
        "the same month last year",
        "in the spring",
        "since the start of April",
        "the first 3 months of the year",
        "compared to April",
    )
    rng = random.Random(SEED)
    for _ in range(ROUNDS * 5):
        text = f"{rng.choice(('LAC episodes', 'trend girls', 'compare CSE', 'age breakdown'))} "
        text += " ".join(rng.sample(said, 2))
        assert isinstance(reader.read(text), (Question, NotUnderstood, Clarification)), text


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("how many episodes lasted longer than 48 hours in June", "The report counts days missing"),
        ("missing over 24hrs last month", "The report counts days missing"),
        ("how many children went missing more than once in June", "The report counts children with 3 or more"),
        ("children missing twice or more in May", "The report counts children with 3 or more"),
        ("how many children had multiple episodes in May", "The report counts children with 3 or more"),
    ],
)
def test_what_the_report_counts_otherwise_is_said(reader: Reader, text: str, start: str) -> None:
    read = reader.read(text)
    assert isinstance(read, NotUnderstood)
    assert read.problem.startswith(start)
    assert _question(reader.read("RHIs completed within 72 hours June")).subject == "rhi.completed_in_time"


def test_recorded_names_a_row_only_after_a_not(reader: Reader) -> None:
    """ "Episodes recorded in June" is the episodes; "ethnicity not obtained / recorded" the row E4: "recorded" alone is
    how figures are kept, never a "not recorded" row."""
    rng = random.Random(SEED)
    plain = ("missing episodes", "LAC episodes", "RHIs offered", "girls missing", "children missing", "BME episodes")
    for _ in range(ROUNDS):
        figure, month = rng.choice(plain), rng.choice(MONTHS)
        verb = rng.choice(("recorded", "have been recorded", "were recorded"))
        text = f"how many {figure} {verb} in {month}"
        assert reader.read(text) == _with_text(reader.read(f"how many {figure} in {month}"), text), text
    for text in ("ethnicity not obtained / recorded June", "episodes with ethnicity not recorded in May"):
        assert _question(reader.read(text)).subject == "ethnicity.E4", text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("whats the total number of missing episodes so far this year for all kids, not just the ones in care", "all"),
        ("how many girls went missing in June, not only the looked after ones", "female"),
        ("Data quality check: how many June episodes have ethnicity not obtained / not recorded?", "E4"),
        ("For the board: LAC episodes in May", "lac"),
    ],
)
def test_not_just_widens_and_a_heading_names_nothing(reader: Reader, text: str, subject: str) -> None:
    assert _question(reader.read(text)).subject.endswith(subject), text


@pytest.mark.parametrize(
    "period",
    [
        "last week",
        "yesterday",
        "over the weekend",
        "the last fortnight",
        "the last 30 days",
        "this term",
        "half term",
        "at Easter",
        "over the summer holidays",
    ],
)
def test_a_period_the_report_cannot_place_is_said_so_never_read_as_another(reader: Reader, period: str) -> None:
    """The report counts by month: a week, a day, a school term or holiday is neither a band of days missing ("the last
    30 days") nor the latest month."""
    for figure in ("how many LAC episodes", "how many went missing", "girls missing"):
        assert isinstance(reader.read(f"{figure} {period}"), NotUnderstood), f"{figure} {period}"


@pytest.mark.parametrize(
    ("text", "asked"), [("CSE boys June", {"Male june", "Episodes at CSE risk (medium/high) june"})]
)
def test_two_rows_no_row_counts_together_are_each_suggested(reader: Reader, text: str, asked: set[str]) -> None:
    """Not asked back as if one of them were meant (round thirty-two): no row counts both, each is suggested."""
    read = reader.read(text)
    assert isinstance(read, NotUnderstood), read
    assert read.problem.startswith("No row of the report counts those together")
    assert set(read.suggestions) == asked


@pytest.mark.parametrize(
    "text",
    [
        "RHIs completed June",
        "how many return interviews were completed in May",
        "how many children in foster care went missing in June",
    ],
)
def test_a_narrower_row_is_never_given_for_a_wider_question(reader: Reader, text: str) -> None:
    """ "Completed" RHIs are not those completed in time (the report has no row of all completed: asked which); children
    in foster care are some of the looked-after children, not all of them (no such row: not understood)."""
    read = reader.read(text)
    assert not isinstance(read, Question), read


@pytest.mark.parametrize(
    "text",
    [
        "what percentage of LAC went missing in June",
        "what proportion of our looked after children went missing in May",
        "what % of girls have gone missing this year",
        "how many LAC do we have",
        "how many children are in care",
    ],
)
def test_how_many_children_there_are_is_not_the_number_missing(reader: Reader, text: str) -> None:
    """The report counts those who went missing, not the population: neither a count of it nor a share of it is
    answered with a figure of those missing ("what % of LAC went missing" is not LAC episodes' share of all)."""
    assert isinstance(reader.read(text), NotUnderstood), text
    assert isinstance(
        reader.read("what proportion of the children who went missing in June were looked after"), Question
    )
