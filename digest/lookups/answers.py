"""Answering a parsed question from the latest snapshot: the figure in context, or a small table.

An Answer is plain data (a title, lines, maybe a table, a footer); bot/slack_answers.py turns it
into Block Kit and `missing-report ask` prints it. Aggregates only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from digest.contract.config import Config
from digest.figures.catalogue import DENOMINATOR_NOUNS
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, financial_year_start, month_key, month_label, month_name, month_of, parse_month
from digest.lookups.questions import (
    BREAKDOWN,
    EXAMPLES,
    HELP,
    LAST_MONTH,
    LATEST,
    PROFILE,
    THIS_MONTH,
    TREND,
    YEAR_TO_DATE,
    NotUnderstood,
    Period,
    Question,
)
from digest.reporting.content import compute_digest
from digest.reporting.profile import Cell, Profile, available_months, load_previous_profile, load_profile
from digest.store.snapshots import SnapshotInfo, SnapshotStore

ANSWERED, NOT_UNDERSTOOD, NO_DATA = "answered", "not understood", "no data"


@dataclass(frozen=True)
class Answer:
    outcome: str  # answered, not understood, no data
    title: str
    lines: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # first row is the heading
    footer: str = ""
    share: bool = False
    snapshot_id: int | None = None  # the snapshot the answer was read from

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
        if self.footer:
            parts.append(self.footer)
        return "\n".join(parts)


def help_answer() -> Answer:
    return Answer(
        ANSWERED,
        "Ask about a figure and a period, in any order:",
        [
            "Figures: episodes, children (kids, young people), repeat (3+), LAC (CLA, looked after), CSE, same day, "
            "still missing, RHI offered / accepted / in time / late, early help, CIN, CPP, care leavers, "
            "not a client, other LA.",
            "Tables: ethnicity, BME, age, gender, status, distance, days missing, RHI.",
            "Periods: June, Jun-19, june 2019, 2019-06, last month, this month, YTD, this year; "
            "none means the latest complete month.",
            "Also: profile (the month's headlines), trend (month by month), share (show the answer to the channel).",
            "Examples: " + " · ".join(EXAMPLES),
        ],
    )


def not_understood_answer(problem: NotUnderstood) -> Answer:
    lines = [problem.problem]
    if problem.suggestions:
        lines.append("You could ask: " + " · ".join(f"`{s}`" for s in problem.suggestions))
    lines.append("Type `help` for everything that can be asked.")
    return Answer(NOT_UNDERSTOOD, "Sorry, I could not answer that.", lines)


@dataclass(frozen=True)
class ResolvedPeriod:
    month: int  # the month, or the last month of the year-to-date
    year_to_date: bool


def resolve_period(period: Period, snapshot: SnapshotInfo, today: dt.date) -> ResolvedPeriod:
    as_at_month = month_of(snapshot.as_at)
    if period.kind == YEAR_TO_DATE:
        return ResolvedPeriod(as_at_month, True)
    if period.kind == LATEST:
        return ResolvedPeriod(as_at_month - 1, False)
    if period.kind == LAST_MONTH:
        return ResolvedPeriod(month_of(today) - 1, False)
    if period.kind == THIS_MONTH:
        return ResolvedPeriod(month_of(today), False)
    if period.month is not None:
        return ResolvedPeriod(period.month, False)
    # A month named without a year: the latest such month at or before the as-at date.
    assert period.month_of_year is not None
    year = snapshot.as_at.year if period.month_of_year <= snapshot.as_at.month else snapshot.as_at.year - 1
    return ResolvedPeriod(year * 12 + period.month_of_year - 1, False)


def answer_question(store: SnapshotStore, config: Config, question: Question, today: dt.date) -> Answer:
    """The answer to a question from the latest snapshot.

    Raises:
        StoreError: there is no snapshot yet.
    """
    if question.kind == HELP:
        return help_answer()
    snapshot = store.get_snapshot()
    period = resolve_period(question.period, snapshot, today)
    first, last = available_months(snapshot)
    footer = f"Data as at {snapshot.as_at:%d/%m/%Y %H:%M} (snapshot {snapshot.id})."
    if not first <= period.month <= last:
        return Answer(
            NO_DATA,
            f"There are no figures for {month_name(period.month)} in the latest snapshot.",
            [f"Months with data: {month_name(first)} to {month_name(last)}."],
            footer=footer,
            share=question.share,
            snapshot_id=snapshot.id,
        )
    profile = load_profile(store, config, period.month, snapshot)
    previous = load_previous_profile(store, config, profile)
    if question.kind == PROFILE:
        answer = _profile_answer(profile, previous)
    elif question.kind == TREND:
        answer = _trend_answer(profile, str(question.subject))
    elif question.kind == BREAKDOWN:
        answer = _breakdown_answer(profile, str(question.subject), period.year_to_date)
    else:
        answer = _figure_answer(profile, previous, str(question.subject), period.year_to_date)
    return Answer(answer.outcome, answer.title, answer.lines, answer.table, footer, question.share, snapshot.id)


def _label(profile: Profile, key: str) -> str:
    return profile.row(key).indicator.short_label


def _period_title(profile: Profile, year_to_date: bool) -> str:
    if year_to_date:
        start = month_label(financial_year_start(profile.month))
        partial = f", {month_label(profile.month)} to {profile.as_at:%d/%m/%Y %H:%M}" if profile.partial_month else ""
        return f"{profile.financial_year} year to date ({start} to {month_label(profile.month)}{partial})"
    if profile.partial_month:
        return f"{month_name(profile.month)} (partial month, to {profile.as_at:%d/%m/%Y %H:%M})"
    return month_name(profile.month)


def _with_share(cell: Cell, denominator_key: str | None) -> str:
    if cell.count is None:
        return "n/a"
    if denominator_key is None or not cell.denominator:
        return f"{cell.count:,}"
    noun = DENOMINATOR_NOUNS.get(denominator_key, "")
    return f"{cell.count:,} ({format_percentage(cell.count, cell.denominator)} of {cell.denominator:,} {noun})".replace(
        " )", ")"
    )


def _figure_answer(profile: Profile, previous: Profile | None, key: str, year_to_date: bool) -> Answer:
    row = profile.row(key)
    denominator = row.indicator.denominator
    title = f"{_label(profile, key)}, {_period_title(profile, year_to_date)}"
    if year_to_date:
        if row.indicator.month_only:
            return Answer(NO_DATA, title, ["This figure is for a month only; ask about a month."])
        months = [c for c in profile.columns if c != YTD]
        by_month = " · ".join(f"{month_label(parse_month(m))} {row.values[m].count}" for m in months)
        return Answer(ANSWERED, title, [f"*{_with_share(row.values[YTD], denominator)}*", f"By month: {by_month}"])
    lines = [f"*{_with_share(row.values[month_key(profile.month)], denominator)}*"]
    if previous is not None:
        before = previous.row(key).values[month_key(profile.month - 1)]
        lines.append(f"{month_name(profile.month - 1)}: {_with_share(before, denominator)}")
    if not row.indicator.month_only:
        lines.append(f"Year to date {profile.financial_year}: {_with_share(row.values[YTD], denominator)}")
    return Answer(ANSWERED, title, lines)


def _breakdown_answer(profile: Profile, name: str, year_to_date: bool) -> Answer:
    group = profile.groups[name]
    column = month_key(profile.month)
    rows = [profile.row(key) for key in group.table_keys]
    shown = [r for r in rows if not r.is_zero()] or rows
    heading = [
        "",
        month_label(profile.month) + (" (partial)" if profile.partial_month else ""),
        f"YTD {profile.financial_year}",
    ]
    if year_to_date:
        heading = ["", f"YTD {profile.financial_year}"]
    table = [heading]
    for row in shown:
        cells = [row.values[YTD]] if year_to_date else [row.values[column], row.values[YTD]]
        table.append([row.indicator.label] + [_compact(c, row.indicator.denominator) for c in cells])
    title = f"{group.title}, {_period_title(profile, year_to_date)}"
    lines = ["Rows that are zero throughout are left out."] if len(shown) < len(rows) else []
    return Answer(ANSWERED, title, lines, table)


def _compact(cell: Cell, denominator_key: str | None) -> str:
    if cell.count is None:
        return ""
    share = format_percentage(cell.count, cell.denominator) if denominator_key else ""
    return f"{cell.count} {share}".rstrip()


def _trend_answer(profile: Profile, key: str) -> Answer:
    row = profile.row(key)
    title = f"{_label(profile, key)}, {profile.financial_year} month by month"
    lines = []
    for column in profile.columns:
        name = "Year to date" if column == YTD else month_name(parse_month(column))
        if column == YTD and row.indicator.month_only:
            continue
        lines.append(f"{name}: {_with_share(row.values[column], row.indicator.denominator)}")
    return Answer(ANSWERED, title, lines)


def _profile_answer(profile: Profile, previous: Profile | None) -> Answer:
    digest = compute_digest(profile, previous, profile.snapshot.rows_read, profile.snapshot.rows_rejected, 0)
    lines = []
    for group in (digest.episodes, digest.children, digest.rhi, [digest.still_missing]):
        lines.append(" · ".join(f"*{f.shown}* {f.label}" + (f" ({f.change})" if f.change else "") for f in group))
    lines += [f"• {highlight}" for highlight in digest.highlights]
    return Answer(ANSWERED, f"Missing profile, {_period_title(profile, False)}", lines)
