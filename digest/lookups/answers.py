"""Answering a read question from the latest snapshot: the figure in context, a small table, or a question back.

An Answer is plain data (a title, lines, maybe a table or choices, a footer); each chat platform's edge
turns it into its own mark-up and `missing-report ask` prints it. Aggregates only.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from digest.alerts.still_missing import describe_at_cse_risk, describe_duration
from digest.contract.config import Config
from digest.figures.absence import Absence, keys_not_in_source
from digest.figures.catalogue import (
    DENOMINATOR_NOUNS,
    LONGEST_BAND,
    SECTION_BY_NUMBER,
    SHARE_BASES,
    STILL_MISSING,
    SUMMARY_ROWS,
    build_catalogue,
    build_groups,
)
from digest.figures.lengths import FAMILY_EPISODES, LENGTH_COLUMNS, compute_lengths
from digest.figures.percentages import format_percentage
from digest.figures.periods import (
    YTD,
    financial_year_label,
    financial_year_start,
    is_partial,
    month_key,
    month_label,
    month_name,
)
from digest.figures.small_counts import SUPPRESSED, SUPPRESSED_MEANING, describe_number
from digest.lookups.cells import (  # the outcomes are answers' own words: re-exported
    ANSWERED as ANSWERED,
)
from digest.lookups.cells import (
    CLARIFY as CLARIFY,
)
from digest.lookups.cells import (
    NO_DATA as NO_DATA,
)
from digest.lookups.cells import (
    NOT_UNDERSTOOD as NOT_UNDERSTOOD,
)
from digest.lookups.cells import (
    Figures,
    base_noun,
    data_months,
    describe_span,
    month_title,
    span_cell,
    span_title,
    with_share,
)
from digest.lookups.confirmations import GAP, check_stated, check_thresholds
from digest.lookups.periods import TO_NOW, Period, PeriodKind, Span, period_before, resolve_period
from digest.lookups.questions import (
    ABOUT_DATA,
    ADVICE_NOT_GIVEN,
    DEFINE,
    HELP,
    LENGTH,
    PER_CHILD,
    PROFILE,
    Clarification,
    NotUnderstood,
    Question,
    Reader,
)
from digest.lookups.rates import describe_rates
from digest.lookups.ratios import describe_ratios
from digest.lookups.reasons import REASONS_NOT_HELD
from digest.lookups.series import (
    Figure,
    Said,
    average_against,
    build_figure,
    compare_answer,
    describe,
    figure_cell,
    largest_rows,
    length_answer,
    part_answer,
    per_child_answer,
    runs_answer,
    usual_answer,
)
from digest.lookups.vocabulary import BREAKDOWN, FIGURE, GROUP_ID_PREFIX
from digest.reporting.commentary import SectionComment, load_section_comments
from digest.reporting.content import RATE_KEYS, compute_digest
from digest.reporting.definitions import RULES, describe_share
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import (
    Cell,
    Profile,
    is_year_to_date_complete,
    load_previous_profile,
    load_profile,
    load_year_ago_profile,
)
from digest.reporting.revisions import Revision, compute_revisions, disclose_revisions
from digest.store.alerts import load_still_missing
from digest.store.published_figures import load_last_published
from digest.store.snapshots import SnapshotInfo, SnapshotStore

if TYPE_CHECKING:  # the episodes a length is worked out from, as the store loads them
    import pandas as pd

DID_YOU_MEAN = "Did you mean one of these instead?"  # over the other readings of a question that was answered
STATED_NOT_CHECKED = (
    "The figures you gave are not checked against an answer of several figures; compare them with those above."
)
STATED_WITHHELD = "A figure withheld is not checked against one you gave."
BENCHMARK_NOT_HELD = (
    "The report holds this council's figures only: no national, regional or statistical-neighbour figures to set "
    "beside them."
)


@dataclass(frozen=True)
class Answer:
    outcome: str  # answered, not understood, no data, clarify
    title: str
    lines: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # first row is the heading
    footer: str = ""
    share: bool = False
    snapshot_id: int | None = None  # the snapshot the answer was read from
    choices: list[tuple[str, str]] = field(default_factory=list)  # clarify: (label, the question that asks for it)
    question: str = ""  # the question as asked, so an edge can ask it again (a "share in channel" button)

    def table_lines(self) -> list[str]:
        """The table in monospaced columns: labels left, figures right."""
        if not self.table:
            return []
        widths = [max(len(row[i]) for row in self.table) for i in range(len(self.table[0]))]
        return [
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
            for row in self.table
        ]

    def plain_text(self) -> str:
        """For a terminal: the same words, without chat mark-up."""
        parts = [self.title, *(line.replace("*", "").replace("`", '"') for line in self.lines), *self.table_lines()]
        if self.choices and self.outcome == ANSWERED:
            parts.append(DID_YOU_MEAN)
        parts += [f'  {label}: ask "{text}"' for label, text in self.choices]
        if self.footer:
            parts.append(self.footer)
        return "\n".join(parts)


def help_answer(reader: Reader) -> Answer:
    """What can be asked, from the catalogue: one example for each section of the report."""
    lines = [f"{title}: `{example}`" for title, example in reader.examples]
    lines += [
        "Tables: "
        + ", ".join(r.label.removesuffix(" (table)").lower() for r in reader.readings if r.kind == BREAKDOWN)
        + " (for example `age June`).",
        "Periods: June, Jun-19, 2019-06, last month, this month, now, YTD (April to the latest complete month), "
        "this financial year, 2019/20, Q1 to Q4 (April start); none means the latest complete month. "
        "Relative periods count from the latest data, not today.",
        "Side by side and over time: `LAC episodes June vs May`, `girls and boys Q1`, `trend LAC episodes` (13 "
        "months), `busiest month this year`, `ethnicity breakdown YTD`. Worked out: `% of children missing in June "
        "who were LAC`, `episodes per child YTD`, `how long are children usually missing`, `at least 2 days June`.",
        "Also: `profile June` (the month's headlines), "
        "`still missing` (open now), `define 5.3a` (what a row counts and what its percentage is of), "
        "`share` (show the answer to the channel), `comment June` (explain a section's figures in the digest).",
    ]
    return Answer(ANSWERED, "Ask about any row of the report, in its own words, with a period:", lines)


DEFINITIONS_DOC = "docs/indicators.md"  # every definition, for analysts
BREAKDOWN_PREFIX = GROUP_ID_PREFIX  # a reading id naming a whole breakdown


def define_answer(config: Config, reading_id: str) -> Answer:
    """What a row counts (its section's rule) and what its percentage is of, from the catalogue: no snapshot needed."""
    if reading_id.startswith(BREAKDOWN_PREFIX):
        group = build_groups(config)[reading_id.removeprefix(BREAKDOWN_PREFIX)]
        catalogue = {i.key: i for i in build_catalogue(config)}
        refs = [catalogue[key].ref for key in group.table_keys]
        title = f"{group.title} (section {group.section}, rows {refs[0]} to {refs[-1]}): what it counts"
        lines = [RULES[group.section], f"Percentages of: {DENOMINATOR_NOUNS[group.denominator]}."]
    else:
        indicator = next(i for i in build_catalogue(config) if i.key == reading_id)
        section = SECTION_BY_NUMBER[indicator.section]
        share = describe_share(indicator)
        title = f"{indicator.ref} {indicator.label}: what it counts"
        lines = [
            f"Section {section.number}, {section.title}; key `{indicator.key}`.",
            RULES[indicator.section],
            f"Percentage of: {share}." if share else "A count, with no percentage.",
        ]
        if indicator.month_only:
            lines.append("A month's figure only: there is no year to date.")
    return Answer(ANSWERED, title, lines, footer=f"Every definition: {DEFINITIONS_DOC}.")


def not_understood_answer(problem: NotUnderstood) -> Answer:
    lines = [problem.problem]
    if problem.suggestions:
        lines.append("You could ask: " + " · ".join(f"`{s}`" for s in problem.suggestions))
    lines.append("Type `help` for everything that can be asked.")
    return Answer(NOT_UNDERSTOOD, "Sorry, I could not answer that.", lines)


def clarification_answer(clarification: Clarification, question: str) -> Answer:
    return Answer(CLARIFY, clarification.problem, choices=clarification.choices, question=question)


def needs_snapshot(question: Question) -> bool:
    """Whether the answer is read from a snapshot (help and definitions come from the catalogue alone)."""
    return question.kind not in (HELP, DEFINE)


def answer_question(
    store: SnapshotStore,
    config: Config,
    question: Question,
    reader: Reader,
    suppress: bool = False,
    snapshot: SnapshotInfo | None = None,
) -> Answer:
    """The answer to a question from snapshot (by default the latest); with suppress, under disclosure control
    (counts from 1 to 5, and any that would reveal one, as "c").

    Raises:
        StoreError: there is no snapshot yet.
    """
    if question.kind == HELP:
        return help_answer(reader)
    if question.kind == DEFINE:
        answer = define_answer(config, str(question.subject))
        return Answer(
            answer.outcome,
            answer.title,
            answer.lines,
            footer=answer.footer,
            share=question.share,
            question=question.text,
        )
    snapshot = snapshot or store.get_snapshot()
    footer = f"Data as at {snapshot.as_at:%d/%m/%Y %H:%M} (snapshot {snapshot.id})."
    if question.kind == ABOUT_DATA:
        return Answer(ANSWERED, "About the data", _about_data(snapshot), footer=footer, question=question.text)
    span = resolve_period(question.period, snapshot)
    if asks_still_missing_now(question):
        answer = _still_missing_now(store, snapshot, suppress)
    elif _is_shaped(question, config):
        answer = _answer_shaped(store, config, question, snapshot, suppress)
    else:
        answer = _answer_span(store, config, question, snapshot, span, suppress)
    if question.with_rest and not _rest_shown(question) and answer.outcome == ANSWERED:  # "LAC/non-LAC split": the rest
        others = replace(question, with_rest=False, complement=True, proportion=False)
        rest = answer_question(store, config, others, reader, suppress, snapshot)
        if rest.outcome == ANSWERED and rest.lines:
            answer = replace(
                answer, lines=[answer.lines[0], f"{rest.title}: {rest.lines[0].strip('*')}", *answer.lines[1:]]
            )
    if _reaches_longest_band(question) and answer.outcome == ANSWERED:  # "at least two days": and those still out?
        beside = _still_missing_beside(Figures(store, config, snapshot, suppress), span)
        answer = replace(answer, lines=[*answer.lines, beside]) if beside else answer
    if suppress and _shows_withheld(answer):  # said beside the as-at time, so the answer's own lines keep their shape
        footer = f"{SUPPRESSED_MEANING}\n{footer}"
    if question.nearest and answer.outcome == ANSWERED:
        footer = f"{NEAREST_BAND}\n{footer}"
    return Answer(
        answer.outcome,
        answer.title,
        [
            *answer.lines,
            *_stated_checked(question, answer),
            *_benchmark_said(question, answer),
            *_not_given_said(question, answer),
            *_meaning_said(config, question, answer),
        ],
        answer.table,
        footer,
        question.share,
        snapshot.id,
        choices=list(question.alternatives) if answer.outcome == ANSWERED else [],
        question=question.text,
    )


def _reaches_longest_band(question: Question) -> bool:
    """Whether the question asks for episodes lasting up to the longest band ("at least two days", "more than a week")
    for one period: those still missing at a month's end may last as long too, so they are said beside it."""
    keys = question.keys
    alone = not (question.compare or question.by_month or question.also or question.complement or question.usual)
    return question.kind == FIGURE and alone and bool(keys) and keys[-1] == LONGEST_BAND


def asks_still_missing_now(question: Question) -> bool:
    """Whether a question asks who is still missing now ("how many are still missing?", "still missing right now"):
    answered from the episodes open at the snapshot's time, not at a month's end, where no month is named and nothing
    else is asked with it."""
    plain = not (
        question.compare or question.by_month or question.also or question.bands or question.extreme or question.usual
    )
    return (
        plain
        and not question.complement
        and question.subject == STILL_MISSING
        and question.period.kind in (PeriodKind.LATEST, PeriodKind.NOW)
    )


def _still_missing_beside(figures: Figures, span: Span) -> str:
    """Those still missing at the end of the span's months (row 4.8), and how they stand to the figure: the days bands
    count every episode back by the as-at time by its whole length, so those back since are in it, and those still
    missing at the as-at time (their length not known yet) are not."""
    data_starts, data_ends = figures.data_months
    first, last = max(span.first, data_starts), min(span.last, data_ends)
    if first > last:
        return ""
    cells = [(m, figures.cell((STILL_MISSING,), m, m)) for m in range(first, last + 1)]
    as_at = f"{figures.snapshot.as_at:%d/%m/%Y %H:%M}"
    why = (
        f"those back by {as_at} are counted above by how long they were missing; any still missing then are not, as "
        "how long they will be missing is not known yet"
    )
    if len(cells) == 1:
        month, cell = cells[0]
        shown = with_share(cell, None) if cell else "n/a"
        if figures.is_so_far(month):
            unknown = "not in the figure above: how long they will be missing is not known yet"
            return f"Still missing at {as_at}: {shown} ({unknown})."
        return f"Still missing at the end of {month_name(month)}: {shown} ({why})."
    each = " · ".join(
        f"{month_label(m)}{f' (at {as_at})' if figures.is_so_far(m) else ''} {with_share(c, None) if c else 'n/a'}"
        for m, c in cells
    )
    return f"Still missing at the end of each month: {each} ({why})."


def _about_data(snapshot: SnapshotInfo) -> list[str]:
    """When the figures are from and which months they cover: the questions a new user asks of the data itself."""
    data_starts, last = data_months(snapshot)
    partial = f" ({month_name(last)} so far)" if is_partial(last, snapshot.as_at) else ""
    return [
        f"The figures are worked out from the extract as at {snapshot.as_at:%d/%m/%Y %H:%M} (snapshot "
        f"{snapshot.id}), the latest loaded; a new extract replaces them when it is loaded.",
        f"Months with data: {month_name(data_starts)} to {month_name(last)}{partial}. Before "
        f"{month_name(data_starts)} there is no data (not the same as none).",
        "A month's figures can change when a later extract records more about it: an answer says so when a figure "
        "differs from the one last published.",
    ]


def _meaning_said(config: Config, question: Question, answer: Answer) -> list[str]:
    """What the figure's row or table counts, when that was asked beside it ("what counts as a CSE episode and how
    many in June?"), from the same rules a definition is told by."""
    if not question.defined or answer.outcome not in (ANSWERED, NO_DATA):
        return []
    if question.kind == BREAKDOWN and question.subject:
        group = build_groups(config)[question.subject]
        return [f"What the {group.title.lower()} table counts: {RULES[group.section]}"]
    catalogue = {i.key: i for i in build_catalogue(config)}
    indicators = [catalogue[key] for key in question.keys if key in catalogue]
    if question.kind != FIGURE or not indicators:
        return []
    first, last = indicators[0], indicators[-1]
    rows = f"row {first.ref} counts" if first is last else f"rows {first.ref} to {last.ref} count"
    return [f"What {rows}: {RULES[first.section]}"]


def _not_given_said(question: Question, answer: Answer) -> list[str]:
    """A line for each thing asked beside the figure that the report does not give: why it moved (no reasons), what to
    do about it (no advice)."""
    if answer.outcome not in (ANSWERED, NO_DATA):
        return []
    return [
        line for asked, line in ((question.reasons, REASONS_NOT_HELD), (question.advice, ADVICE_NOT_GIVEN)) if asked
    ]


def _benchmark_said(question: Question, answer: Answer) -> list[str]:
    """A line saying another area's figures asked beside are not held ("... and how does that sit against England?")."""
    return [BENCHMARK_NOT_HELD] if question.benchmark and answer.outcome in (ANSWERED, NO_DATA) else []


def _stated_checked(question: Question, answer: Answer) -> list[str]:
    """A line on the figures a question stated for checking: whether the one figure answered is among them. A figure
    withheld is never checked (that would tell it), nor an answer of several figures (which to check is not said)."""
    if not (question.stated or question.thresholds) or answer.outcome != ANSWERED or question.months_meeting:
        return []  # the months meeting a condition are said in the run itself
    if _shows_withheld(answer):
        return [STATED_WITHHELD]
    gaps = sum(t.comparison == GAP for t in question.thresholds)  # "87 to 74 or thereabouts": figures of a change
    several = question.compare or question.by_month or question.also or question.extreme or answer.table or gaps > 1
    if several or question.kind not in (FIGURE, PER_CHILD, LENGTH) or not answer.lines:
        return [STATED_NOT_CHECKED]
    checked = [check_stated(question.stated, answer.lines[0], question.proportion)] if question.stated else []
    if question.thresholds:
        checked.append(check_thresholds(question.thresholds, answer.lines[0], question.proportion))
    return checked


def _is_shaped(question: Question, config: Config) -> bool:
    """Whether the answer puts figures side by side, month by month, or works out a derived figure."""
    if question.kind in (PER_CHILD, LENGTH):
        return True
    if question.kind == BREAKDOWN:
        return bool(question.compare) or question.extreme or question.by_month
    if question.kind != FIGURE:
        return False
    if question.compare or question.by_month or question.also or len(question.bands) > 1 or question.complement:
        return True
    if question.usual or question.of_whole or question.rate or question.ratio:
        return True
    return question.proportion and str(question.subject) in SHARE_BASES


def relative_to_named(question: Question, snapshot: SnapshotInfo) -> Question:
    """Two periods of one kind on one span, one said from today ("Q1 against the previous quarter" in July: Q1 again):
    the one said from today is the one before the other, as meant ("Q1 against Q4")."""
    under_way = _this_quarter_under_way(question, snapshot)
    if under_way is not None:
        return under_way
    periods = (question.period, *question.compare)
    if len(periods) != 2 or periods[0].kind != periods[1].kind:
        return question
    first, second = (resolve_period(p, snapshot) for p in periods)
    if question.said_twice:  # "last quarter, basically, Q1": one quarter where both are the same, else both shown
        same = (first.first, first.last) == (second.first, second.last)
        named = next((p for p in periods if p.quarter is not None), question.period)
        return replace(question, period=named, compare=()) if same else question
    relative = [p for p in periods if p.month is None and p.month_of_year is None and p.quarter is None]
    if (first.first, first.last) != (second.first, second.last):
        return question
    if (
        len(relative) == 2
        and periods[0].kind == PeriodKind.QUARTER
        and periods[0].relative_year != periods[1].relative_year
    ):
        # "this quarter against last quarter" on 18 July, where "this quarter" is the quarter just ended: the one
        # said as the earlier is the quarter before it
        later, earlier = sorted(periods, key=lambda p: p.relative_year, reverse=True)
        moved = replace(earlier, relative_year=earlier.relative_year - 1)
        return replace(question, compare=(moved,)) if question.period is later else replace(question, period=moved)
    if len(relative) != 1:
        return question
    named = next(p for p in periods if p is not relative[0])
    before = period_before(named)
    if before is None:
        return question
    return replace(question, period=named, compare=(before,))


def _this_quarter_under_way(question: Question, snapshot: SnapshotInfo) -> Question | None:
    """ "This quarter" beside a period of its own that shows which quarter it means: the quarter under way, not the
    quarter just ended it is read as in its first, partial month ("this quarter since 1 July", "this quarter (July)":
    the quarter under way, said twice; "this quarter vs Q1": the quarter under way against Q1). None when it is
    beside no such period ("this quarter against last quarter" keeps Q1 against Q4)."""
    this = Period(PeriodKind.QUARTER)
    periods = (question.period, *question.compare)
    if len(periods) != 2 or this not in periods:
        return None
    other = next(p for p in periods if p != this)
    if other.kind == PeriodKind.QUARTER and other.quarter is None:
        return None
    now = replace(this, months=TO_NOW)
    said, meant, beside = (resolve_period(p, snapshot) for p in (this, now, other))
    if (said.first, said.last) == (meant.first, meant.last):
        return None  # the quarter under way has a complete month: "this quarter" is it already
    if beside.first >= meant.first:
        return replace(question, period=now, compare=())
    if (beside.first, beside.last) == (said.first, said.last):
        return replace(
            question,
            period=now if question.period == this else question.period,
            compare=tuple(now if p == this else p for p in question.compare),
        )
    return None


def _answer_shaped(
    store: SnapshotStore, config: Config, question: Question, snapshot: SnapshotInfo, suppress: bool
) -> Answer:
    figures = Figures(store, config, snapshot, suppress)
    question = relative_to_named(question, snapshot)
    spans = [resolve_period(p, snapshot) for p in (question.period, *question.compare)]
    data_starts, data_ends = figures.data_months
    kinds: dict[tuple[int, int], list[PeriodKind]] = {}
    for period, span in zip((question.period, *question.compare), spans, strict=True):
        kinds.setdefault((span.first, span.last), []).append(period.kind)
    for (first, last), named in kinds.items():
        if len(named) > len(set(named)):
            # Two periods of one kind on one span ("Q1 against the previous quarter", "previous" read from today:
            # Q1 again): a comparison misread, not a change from a period to itself.
            span = next(s for s in spans if (s.first, s.last) == (first, last))
            return Answer(NOT_UNDERSTOOD, f"That compares {figures.name(span)} with itself.", [SAME_PERIOD_TWICE])
    # The same span said twice in other words ("the year to date for 2019/20"): one period, said once.
    spans = list({(s.first, s.last): s for s in spans}.values())
    ordered = sorted(spans, key=lambda s: (s.first, s.last))
    if len(spans) > 2 and any(b.first <= a.last for a, b in itertools.pairwise(ordered)):
        # "Up since April? Comparing April with June": April, April to June and June side by side is no comparison
        # anyone asked for; which two periods is not plain, so it is asked rather than guessed.
        return Answer(NOT_UNDERSTOOD, "That names periods that overlap.", [OVERLAPPING_PERIODS])
    for span in spans:  # a period wholly after the data (a month to come) has no figure, alone or set against another
        if span.first > data_ends or (span.last > data_ends and len(spans) == 1):
            return Answer(
                NO_DATA,
                f"There are no figures for {describe_span(span)} in the latest snapshot.",
                [f"Months with data: {month_name(data_starts)} to {month_name(data_ends)}."],
            )
    if question.kind == BREAKDOWN and question.by_month and len(spans) == 1:
        return _breakdown_by_month(figures, str(question.subject), spans[0])
    if question.kind == BREAKDOWN:
        return _breakdown_columns(
            figures, str(question.subject), spans, question.extreme, question.smallest, left_out=question.left_out
        )
    if question.kind == PER_CHILD:
        said = per_child_answer(figures, str(question.subject), spans, question.by_month)
    elif question.kind == LENGTH:
        span = spans[0]
        if not figures.has_data(span.first, span.last):
            return Answer(NO_DATA, f"There is no data for {describe_span(span)}.", [])
        family = question.family or "all"
        if FAMILY_EPISODES[family] in keys_not_in_source(snapshot.source_kind):
            return Answer(NO_DATA, f"Not in this source: {figures.name(span)}.", [NOT_IN_SOURCE_LENGTH])
        episodes = store.load_episodes(snapshot.id, LENGTH_COLUMNS[family])
        found = compute_lengths(episodes, snapshot.as_at, span.first, span.last, family)
        said = length_answer(str(question.subject), found, figures.name(span), suppress, family)
        if len(spans) > 1 and said.outcome == ANSWERED:  # "how long in June? same for May": each period's, in turn
            said = _lengths_side_by_side(figures, question, episodes, spans, suppress, family, said)
    else:
        indicators = {i.key: i for i in build_catalogue(config)}
        shown = [build_figure(indicators, question.keys, question.proportion, question.complement, question.of_whole)]
        shown += [build_figure(indicators, (key,), question.proportion) for key in question.also]
        if question.with_rest and _rest_shown(question):  # "LAC and non-LAC episodes May vs June": both
            shown.append(build_figure(indicators, question.keys, question.proportion, True))
        notes = _revision_notes(store, config, figures, shown, spans, question.by_month)
        if question.usual:
            said = usual_answer(figures, shown[0], spans[0], question.proportion)
        elif question.monthly_average and len(spans) == 2 and _month_and_run(spans):
            # "is June above or below the Q1 monthly average?": the month against the run's average a month, each row
            said = _against_average(figures, shown, spans, question.proportion)
        elif question.by_month:
            condition = question.thresholds[0] if question.months_meeting and question.thresholds else None
            said = runs_answer(
                figures,
                shown,
                spans[0],
                question.extreme,
                question.proportion,
                notes,
                question.monthly_average,
                condition,
            )
        elif question.part_of_period and len(shown) == 1 and _within(spans):  # "June's share of the YTD"
            said = part_answer(figures, shown[0], spans[0], spans[1])
        elif len(spans) > 1 or len(shown) > 1:
            # a relative change of a count; a share's change is in percentage points ("by what % did the rate fall")
            said = compare_answer(figures, shown, spans, notes, question.relative and not question.proportion)
        else:
            said = _single_answer(figures, shown[0], spans[0])
        each = _each_span(figures, spans, question.by_month)
        if question.rate and said.outcome == ANSWERED:  # "episodes a week in June": the rate first, then the counts
            rates, counts = describe_rates(figures, shown, each, question.rate), said.lines
            if len(rates) == 1 and counts and counts[0].startswith("*"):  # the rate is the figure; its count under it
                rates, counts = [f"*{rates[0]}*"], [f"{figures.name(each[0])}: {counts[0].strip('*')}", *counts[1:]]
            said = Said(said.outcome, f"{said.title}, a {question.rate}", [*rates, *counts])
        if question.ratio and len(shown) == 2 and said.outcome == ANSWERED:  # "boys:girls": the ratio, then both
            ratios = describe_ratios(figures, shown, each)
            said = Said(said.outcome, f"{said.title}, as a ratio", [*ratios, *said.lines])
    return Answer(said.outcome, said.title, said.lines)


NO_SHARE_AVERAGE = (
    "A month is set against a run's average a month by counts, not shares. Ask by the count, such as "
    '"are June\'s LAC episodes above the Q1 monthly average?", or for the share month by month.'
)


def _against_average(figures: Figures, shown: list[Figure], spans: list[Span], proportion: bool) -> Said:
    """A month against the average a month of a longer run, for each row (by counts: a share asked so is refused)."""
    if proportion:
        return Said(NOT_UNDERSTOOD, f"{shown[0].label} against an average", [NO_SHARE_AVERAGE])
    month, run = sorted(spans, key=lambda s: s.last - s.first)
    each_row = [average_against(figures, figure, month, run) for figure in shown]
    if len(shown) == 1:
        return each_row[0]
    lines = [line for f, said in zip(shown, each_row, strict=True) for line in (f"*{f.label}*", *said.lines)]
    return Said(each_row[0].outcome, each_row[0].title, lines)


def _each_span(figures: Figures, spans: list[Span], by_month: bool) -> list[Span]:
    """The spans a rate or ratio is given for: the spans asked, or month by month each month with data once ("June
    vs Q1 month by month")."""
    if not by_month:
        return spans
    held = range(figures.data_months[0], figures.data_months[1] + 1)
    return [Span(m, m, spans[0].kind) for m in sorted({m for s in spans for m in s.months if m in held})]


def _rest_shown(question: Question) -> bool:
    """Whether the rest of a row's base asked beside it ("LAC/non-LAC") is shown as a figure of its own: set against
    another period, month by month, as a ratio or a rate; else it is a line under the row's answer."""
    return bool(question.compare or question.ratio or question.by_month or question.rate)


def _month_and_run(spans: list[Span]) -> bool:
    """Whether one of two spans is one month and the other a longer run."""
    lengths = sorted(span.last - span.first for span in spans)
    return lengths[0] == 0 and lengths[1] > 0


def _within(spans: list[Span]) -> bool:
    """Whether the first of two spans is one month inside the second, longer one."""
    return len(spans) == 2 and spans[0].first == spans[0].last and spans[1].first <= spans[0].first <= spans[1].last


def _lengths_side_by_side(
    figures: Figures,
    question: Question,
    episodes: pd.DataFrame,
    spans: list[Span],
    suppress: bool,
    family: str,
    first: Said,
) -> Said:
    """The average or median length of an episode for each period asked, one line each (a comparison of lengths had
    answered the first period alone); first, the first period's answer, already worked out."""

    def line(span: Span, said: Said) -> str:
        return f"{figures.name(span)}: {said.lines[0].strip('*')}. {' '.join(said.lines[1:])}".strip()

    lines = [line(spans[0], first)]
    for span in spans[1:]:
        if not figures.has_data(span.first, span.last):
            lines.append(f"{figures.name(span)}: no data.")
            continue
        found = compute_lengths(episodes, figures.snapshot.as_at, span.first, span.last, family)
        lines.append(line(span, length_answer(str(question.subject), found, figures.name(span), suppress, family)))
    what = first.title.removesuffix(figures.name(spans[0])).rstrip(", ")  # "Median length of a closed episode"
    return Said(ANSWERED, f"{what}, " + " against ".join(figures.name(s) for s in spans), lines)


def _revision_notes(
    store: SnapshotStore, config: Config, figures: Figures, shown: list[Figure], spans: list[Span], by_month: bool
) -> dict[tuple[str, int], str]:
    """ " (revised from 129 since the May 2019 digest)" for each one-row figure's month that differs from what was
    last published, by (key, month)."""
    months = sorted({m for s in spans for m in s.months} if by_month else {s.first for s in spans if s.first == s.last})
    months = [m for m in months if figures.has_data(m, m)]
    notes: dict[tuple[str, int], str] = {}
    for figure in shown:
        if len(figure.keys) != 1 or figure.complement or not months:
            continue
        key = figure.keys[0]
        revised = _load_revisions(store, config, key, [(figures.exact(m), figures.profile(m)) for m in months])
        notes |= {(key, month): _revised(revised, month) for month in revised}
    return notes


NEAREST_BAND = (
    "The report has no row for exactly what was asked: this is its band that holds it, which counts more (the "
    "band is named above), not a figure for what was asked alone."
)
OVERLAPPING_PERIODS = 'Name the periods to compare, each once, such as "April against June".'
SAME_PERIOD_TWICE = 'Name the two periods to compare by month or quarter, e.g. "Q1 2019/20 against Q4 2018/19".'
NOT_IN_SOURCE_LENGTH = "This snapshot's source does not hold which episodes were at CSE risk."


def _single_answer(figures: Figures, figure: Figure, span: Span) -> Said:
    """Rows added up, or a share of SHARE_BASES's row, over one period (with the year to date beside a month)."""
    cell = figure_cell(figures, figure, span)
    title = f"{figure.label}, {figures.name(span)}"
    if cell is not None and cell.absence is not None:
        return Said(NO_DATA, title, [f"*{cell.describe_count()}*"])
    lines = [f"*{describe(cell, figure)}*"]
    refs = {i.key: i.ref for i in build_catalogue(figures.config)}
    rows = f"rows {refs[figure.keys[0]]} to {refs[figure.keys[-1]]}" if len(figure.keys) > 1 else ""
    if figure.complement and figure.base:  # the base less the rows: said, as a figure the report does not print
        lines.append(f"All {base_noun(figure.base)} less {rows or f'row {refs[figure.keys[0]]}'} of the report.")
    elif rows:
        lines.append(f"{rows[:1].upper()}{rows[1:]} of the report added up.")
    year_start = financial_year_start(span.last)
    if span.first == span.last and span.first != year_start:
        ytd = figure_cell(figures, figure, Span(year_start, span.last, PeriodKind.YEAR_TO_DATE))
        lines.append(f"Year to date {financial_year_label(span.last)}: {describe(ytd, figure)}")
    return Said(ANSWERED if cell is not None else NO_DATA, title, lines)


PROFILE_OF_ONE_MONTH = (
    "The profile is of one month: {month}, the last of {span}. For the period's own totals, ask for a figure, such as "
    '"episodes Q1".'
)
WITHHELD_MARK = re.compile(rf"(?<![\w.]){SUPPRESSED}(?!\w)")  # a "c" standing alone, as a figure


def _shows_withheld(answer: Answer) -> bool:
    """Whether the answer shows a figure withheld by disclosure control, which it should then explain."""
    return any(WITHHELD_MARK.search(text) for text in [*answer.lines, *(cell for row in answer.table for cell in row)])


def _answer_span(
    store: SnapshotStore, config: Config, question: Question, snapshot: SnapshotInfo, span: Span, suppress: bool
) -> Answer:
    data_starts, last = data_months(snapshot)
    if span.last > last:
        return Answer(
            NO_DATA,
            f"There are no figures for {describe_span(span)} in the latest snapshot.",
            [f"Months with data: {month_name(data_starts)} to {month_name(last)}."],
        )
    if span.first < data_starts:
        wholly_before = span.last < data_starts  # "no data", as every output says of such a month
        return Answer(
            NO_DATA,
            f"There is no data for {describe_span(span)}."
            if wholly_before
            else f"The figures for {describe_span(span)} are incomplete.",
            [
                f"The data starts in {month_name(data_starts)}, so it cannot say how many went missing before then "
                f"(that is not the same as none). Months with data: {month_name(data_starts)} to {month_name(last)}."
            ],
        )
    exact = load_profile(store, config, span.last, snapshot)
    profile = suppress_profile(exact) if suppress else exact

    def disclosed(shown: Profile | None) -> Profile | None:
        """Another month's profile as this answer shows it (under disclosure control with suppress)."""
        return suppress_profile(shown) if shown and suppress else shown

    def previous_of() -> Profile | None:
        return disclosed(load_previous_profile(store, config, exact))

    def year_ago_of() -> Profile | None:
        return disclosed(load_year_ago_profile(store, config, exact))

    if question.kind == PROFILE:
        answer = _profile_answer(profile, previous_of(), year_ago_of(), load_section_comments(store, profile.month))
        if span.first != span.last:  # "figures for Q1": the profile is a month's, its last; said, not left to the title
            answer.lines.insert(0, PROFILE_OF_ONE_MONTH.format(month=month_name(span.last), span=describe_span(span)))
        return answer
    if question.kind == BREAKDOWN:
        return _breakdown_answer(profile, str(question.subject), span)
    if span.first == span.last:
        key = str(question.subject)
        months = [(exact, profile)]
        previous_exact = load_previous_profile(store, config, exact)
        previous = disclosed(previous_exact)
        if previous_exact is not None and previous is not None:
            months.append((previous_exact, previous))
        revised = _load_revisions(store, config, key, months)
        return _figure_answer(profile, previous, year_ago_of(), key, revised)
    return _range_answer(profile, str(question.subject), span)


def _load_revisions(
    store: SnapshotStore, config: Config, key: str, months: list[tuple[Profile, Profile]]
) -> dict[int, Revision]:
    """The figure's revisions since it was last published, by month, for each (exact, shown) profile's own month."""
    published = load_last_published(store, [exact.month for exact, _ in months], [key])
    revised = {}
    for exact, shown in months:
        found = compute_revisions(
            exact, published, config.revision_threshold, RATE_KEYS, keys=[key], months=[month_key(exact.month)]
        )
        for revision in disclose_revisions(found, shown):
            revised[exact.month] = revision
    return revised


def _revised(revisions: dict[int, Revision], month: int) -> str:
    """ " (revised from 129 since the May 2019 digest)", or "" when the figure is as published."""
    revision = revisions.get(month)
    return f" (revised from {revision.old} {revision.since})" if revision else ""


def _still_missing_now(store: SnapshotStore, snapshot: SnapshotInfo, suppress: bool) -> Answer:
    now = load_still_missing(store, snapshot)
    title = f"Still missing now (open at {snapshot.as_at:%d/%m/%Y %H:%M})"

    def shown(number: int) -> str:
        return describe_number(number, suppress)

    lines = [f"*{shown(now.count)}*"]
    if now.count:
        longest = describe_duration(snapshot.as_at - now.longest_start) if now.longest_start else "n/a"
        lines.append(
            f"Of them: {shown(now.lac)} LAC, {describe_at_cse_risk(shown(now.cse), snapshot)}; "
            f"{shown(now.over_24h)} missing over 24 hours, {shown(now.over_72h)} over 72 hours; "
            f"the longest missing for {longest}."
        )
    lines.append('For the end of a month, name it: "still missing June".')
    return Answer(ANSWERED, title, lines)


def _label(profile: Profile, key: str) -> str:
    return profile.row(key).indicator.short_label


def _figure_answer(
    profile: Profile,
    previous: Profile | None,
    year_ago: Profile | None,
    key: str,
    revised: dict[int, Revision] | None = None,
) -> Answer:
    """The figure, the month before and last year; revised says which of its months differ from what was last
    published (by month)."""
    row = profile.row(key)
    denominator = row.indicator.denominator
    revised = revised or {}
    title = f"{_label(profile, key)}, {month_title(profile)}"
    lines = [f"*{with_share(row.values[month_key(profile.month)], denominator)}*{_revised(revised, profile.month)}"]
    if previous is not None:
        before = previous.row(key).values[month_key(profile.month - 1)]
        why = f" (the data starts in {month_name(profile.data_starts)})" if before.absence == Absence.NO_DATA else ""
        lines.append(
            f"{month_name(profile.month - 1)}: {with_share(before, denominator)}{why}"
            f"{_revised(revised, profile.month - 1)}"
        )
    if year_ago is not None:
        then = year_ago.row(key).values[month_key(year_ago.month)]
        lines.append(f"{month_name(year_ago.month)}: {with_share(then, denominator)}")
    if not row.indicator.month_only:
        lines.append(
            f"Year to date {profile.financial_year}{_partial(profile)}: {with_share(row.values[YTD], denominator)}"
        )
        if year_ago is not None and is_year_to_date_complete(year_ago):
            then_ytd = year_ago.row(key).values[YTD]
            lines.append(
                f"Year to date {year_ago.financial_year} (to {month_name(year_ago.month)}): "
                f"{with_share(then_ytd, denominator)}"
            )
    return Answer(ANSWERED, title, lines)


def _partial(profile: Profile) -> str:
    """ " (partial, from May 2018)" after a year to date that starts with the data, not in April."""
    return f" (partial, from {month_name(profile.data_starts)})" if profile.partial_year_to_date else ""


def _range_answer(profile: Profile, key: str, span: Span) -> Answer:
    row = profile.row(key)
    title = f"{_label(profile, key)}, {span_title(profile, span)}"
    by_month = "By month: " + " · ".join(
        f"{month_label(m)} {row.values[month_key(m)].describe_count()}" for m in span.months
    )
    if row.indicator.month_only:
        return Answer(NO_DATA, title, ["This figure is for a month only; ask about a month.", by_month])
    cell = span_cell(profile, key, span)
    if cell is None:
        return Answer(
            NO_DATA,
            title,
            [
                "Children are counted once over a period, so this cannot be added up from the months (a child "
                "missing in two months would count twice), and only months and the year to date are stored. "
                "Ask for a month, or the year to date.",
                by_month,
            ],
        )
    return Answer(ANSWERED, title, [f"*{with_share(cell, row.indicator.denominator)}*", by_month])


def _breakdown_answer(profile: Profile, name: str, span: Span) -> Answer:
    group = profile.groups[name]
    rows = [profile.row(key) for key in group.table_keys]
    shown = [r for r in rows if not r.is_zero()] or rows
    if span.first == span.last:
        heading = ["", month_label(profile.month) + (" (partial)" if profile.partial_month else "")]
        heading.append(f"YTD {profile.financial_year}{_partial(profile)}")
        title = f"{group.title}, {month_title(profile)}"
    else:
        heading = ["", f"{month_label(span.first)} to {month_label(span.last)}"]
        title = f"{group.title}, {span_title(profile, span)}"
    table = [heading]
    for row in shown:
        if span.first == span.last:
            cells = [row.values[month_key(profile.month)], row.values[YTD]]
        else:
            cells = [span_cell(profile, row.indicator.key, span) or Cell(None, None)]
        table.append([row.indicator.label] + [_compact(c, row.indicator.denominator) for c in cells])
    lines = ["Rows that are zero throughout are left out."] if len(shown) < len(rows) else []
    return Answer(ANSWERED, title, lines, table)


MAX_MONTH_COLUMNS = 6  # a table month by month: beyond six months' columns a chat message's table is unreadable
TOO_MANY_MONTH_COLUMNS = (
    'A table is shown month by month for up to six months; name a shorter run, such as "gender split April to '
    'June month by month", or the run as a whole, such as "gender split YTD".'
)


def _breakdown_by_month(figures: Figures, name: str, span: Span) -> Answer:
    """A breakdown with a column for each month of a run and a last one for the run as a whole ("gender split April to
    June, month by month"); a run longer than MAX_MONTH_COLUMNS is asked for in parts."""
    months = [Span(m, m, PeriodKind.MONTH) for m in range(span.first, span.last + 1)]
    if len(months) > MAX_MONTH_COLUMNS:
        return Answer(NOT_UNDERSTOOD, "That table would be too wide.", [TOO_MANY_MONTH_COLUMNS])
    if len(months) == 1:
        return _breakdown_columns(figures, name, [span], False)
    answer = _breakdown_columns(figures, name, [*months, span], False, in_order=True)
    if answer.outcome == ANSWERED:
        group = figures.profile(figures.data_months[1]).groups[name]
        answer = replace(answer, title=f"{group.title}, {figures.name(span)} month by month")
    return answer


def _breakdown_columns(
    figures: Figures,
    name: str,
    spans: list[Span],
    extreme: bool,
    smallest: bool = False,
    in_order: bool = False,
    left_out: tuple[str, ...] = (),
) -> Answer:
    """A breakdown with a column for each period asked (in time order, or in the order given when in_order: a run's
    months, then the run), and its largest row when asked (of the rows not left_out, said so)."""
    spans = spans if in_order else sorted(spans, key=lambda s: (s.first, s.last))
    group = figures.profile(figures.data_months[1]).groups[name]
    indicators = {i.key: i for i in build_catalogue(figures.config)}
    columns = [[figures.cell((key,), s.first, s.last) or Cell(None, None) for s in spans] for key in group.table_keys]
    rows = [
        (key, indicators[key].label, cells)
        for key, cells in zip(group.table_keys, columns, strict=True)
        if any(c.count or c.suppressed for c in cells)
    ]
    heading = ["", *(describe_span(s) + (" (partial)" if figures.name(s) != describe_span(s) else "") for s in spans)]
    table = [heading, *([label, *(_compact(c, group.denominator) for c in cells)] for _, label, cells in rows)]
    title = f"{group.title}, {' against '.join(figures.name(s) for s in spans)}"
    lines = ["Rows that are zero throughout are left out."] if len(rows) < len(columns) else []
    if extreme:
        shown = [(label, cells[-1]) for key, label, cells in rows if key not in SUMMARY_ROWS and key not in left_out]
        largest = largest_rows(shown, smallest)
        if largest and left_out:
            largest += " Left out, as asked: " + ", ".join(indicators[key].label for key in left_out) + "."
        lines = [largest, *lines] if largest else lines
    if all(c.absence is not None for cells in columns for c in cells):
        return Answer(NO_DATA, title, [f"There is no data for {' or '.join(describe_span(s) for s in spans)}."])
    if not rows:  # a month under way with no episode yet: a table of headings only would say nothing
        return Answer(ANSWERED, title, [f"Every row is 0 for {' and '.join(figures.name(s) for s in spans)}."])
    return Answer(ANSWERED, title, lines, table)


def _compact(cell: Cell, denominator_key: str | None) -> str:
    if cell.count is None:
        return cell.describe_count()
    share = format_percentage(cell.count, cell.denominator) if denominator_key else ""
    return f"{cell.count} {share}".rstrip()


def _profile_answer(
    profile: Profile, previous: Profile | None, year_ago: Profile | None, comments: list[SectionComment]
) -> Answer:
    snapshot = profile.snapshot
    digest = compute_digest(profile, previous, snapshot.rows_read, snapshot.rows_rejected, 0, year_ago)
    lines = []
    for group in (digest.episodes, digest.children, digest.rhi, [digest.still_missing]):
        lines.append(
            " · ".join(f"*{f.shown}* {f.label}" + (f" ({f.comparisons})" if f.comparisons else "") for f in group)
        )
    lines += [f"• {highlight}" for highlight in digest.highlights]
    lines += [f"Comment on section {c.section}, {c.section_title}: {c.text} ({c.attribution})" for c in comments]
    return Answer(ANSWERED, f"Missing profile, {month_title(profile)}", lines)
