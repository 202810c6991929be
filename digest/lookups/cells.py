"""Figures as an answer says them: a cell with its share and base, a span of months in words, any rows over
any months of a snapshot (summed where counts add up, said to be missing where there is no data).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.contract.config import Config
from digest.figures.absence import Absence
from digest.figures.catalogue import DENOMINATOR_NOUNS, DISTINCT_CHILDREN_PREFIX, SHORT_LABELS
from digest.figures.percentages import format_percentage
from digest.figures.periods import (
    YTD,
    financial_year_label,
    financial_year_start,
    is_partial,
    month_key,
    month_label,
    month_name,
    month_start,
    parse_month,
)
from digest.figures.small_counts import SUPPRESSED
from digest.lookups.periods import PeriodKind, Span
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Cell, Profile, load_profile
from digest.store.snapshots import SnapshotInfo, SnapshotStore, available_months

# What an answer came to (each platform's edge and the audit read it).
ANSWERED, NOT_UNDERSTOOD, NO_DATA, CLARIFY = "answered", "not understood", "no data", "clarify"


def describe_span(span: Span) -> str:
    """The months in words: "June 2019", "April to June 2019", "October 2018 to March 2019"."""
    if span.first == span.last:
        return month_name(span.first)
    if span.first // 12 == span.last // 12:
        return f"{month_start(span.first):%B} to {month_name(span.last)}"
    return f"{month_name(span.first)} to {month_name(span.last)}"


def month_title(profile: Profile) -> str:
    if profile.partial_month:
        return f"{month_name(profile.month)} (partial month, to {profile.as_at:%d/%m/%Y %H:%M})"
    return month_name(profile.month)


def span_title(profile: Profile, span: Span) -> str:
    """The span in words, and what it is: "April to June 2019 (2019/20 year to date)"."""
    year = financial_year_label(span.last)
    if span.kind == PeriodKind.QUARTER:
        what = f"Q{(span.first - financial_year_start(span.first)) // 3 + 1} {year}"
    elif span.last - span.first == 11 and span.first == financial_year_start(span.last):
        what = year
    elif span.first == financial_year_start(span.last):
        what = f"{year} year to date"
    else:
        what = ""
    partial = f"{month_label(span.last)} partial, to {profile.as_at:%d/%m/%Y %H:%M}" if profile.partial_month else ""
    notes = ", ".join(part for part in (what, partial) if part)
    return f"{describe_span(span)} ({notes})" if notes else describe_span(span)


def base_noun(denominator_key: str) -> str:
    """What a base counts, as an answer says it ("episodes", "children missing")."""
    return DENOMINATOR_NOUNS.get(denominator_key) or SHORT_LABELS.get(denominator_key, denominator_key).lower()


def with_share(cell: Cell, denominator_key: str | None) -> str:
    """ "12 (9% of 129 episodes)", "c" when withheld, the absence's words where there is no figure."""
    if cell.absence is not None:
        return str(cell.absence)
    if cell.suppressed:
        return SUPPRESSED
    if cell.count is None:
        return "n/a"
    if denominator_key is None or not cell.denominator:
        return f"{cell.count:,}"
    noun = base_noun(denominator_key)
    return f"{cell.count:,} ({format_percentage(cell.count, cell.denominator)} of {cell.denominator:,} {noun})".replace(
        " )", ")"
    )


def span_cell(profile: Profile, key: str, span: Span) -> Cell | None:
    """The figure over the span: the stored year-to-date when the span is the year to date (exact for every
    figure); otherwise the sum of its months, which only episode counts allow (None for distinct children)."""
    row = profile.row(key)
    if span.first == financial_year_start(span.last):
        return row.values[YTD]
    if key.startswith(DISTINCT_CHILDREN_PREFIX):
        return None
    return add_cells([row.values[month_key(m)] for m in span.months])


def add_cells(cells: list[Cell]) -> Cell:
    """Counts added up (months of a row, or rows of a section over the same base); withheld if any part is, since
    the sum would give the withheld part away; no data if any part has none."""
    absent = next((c.absence for c in cells if c.absence is not None), None)
    if absent is not None:
        return Cell(None, None, absence=absent)
    if any(cell.suppressed for cell in cells):
        return Cell(None, None, suppressed=True)
    denominators = [c.denominator for c in cells]
    return Cell(
        sum(c.count or 0 for c in cells),
        None if any(d is None for d in denominators) else sum(d or 0 for d in denominators),
    )


def data_months(snapshot: SnapshotInfo) -> tuple[int, int]:
    """The first month with data (the extract's first, where it says) and the last month the snapshot covers."""
    first, last = available_months(snapshot)
    return (parse_month(snapshot.first_month) if snapshot.first_month else first), last


@dataclass
class Figures:
    """One snapshot's figures as an answer may show them (under disclosure control with suppress): any rows
    over any span of months, each month's profile loaded once."""

    store: SnapshotStore
    config: Config
    snapshot: SnapshotInfo
    suppress: bool
    _profiles: dict[int, Profile] = field(default_factory=dict)
    _exact: dict[int, Profile] = field(default_factory=dict)

    @property
    def data_months(self) -> tuple[int, int]:
        """The first month with data and the last month the snapshot covers (the as-at month)."""
        return data_months(self.snapshot)

    def is_so_far(self, month: int) -> bool:
        """Whether month is the one the as-at time falls in, and not yet over."""
        return month == self.data_months[1] and is_partial(month, self.snapshot.as_at)

    def name(self, span: Span) -> str:
        """The span in words, marked partial when it reaches into the month the as-at time falls in."""
        partial = self.is_so_far(span.last)
        return describe_span(span) + (f" (partial, to {self.snapshot.as_at:%d/%m/%Y %H:%M})" if partial else "")

    def has_data(self, first: int, last: int) -> bool:
        data_starts, data_ends = self.data_months
        return data_starts <= first and last <= data_ends

    def exact(self, month: int) -> Profile:
        """The month's profile as computed (what revisions are checked against)."""
        if month not in self._exact:
            self._exact[month] = load_profile(self.store, self.config, month, self.snapshot)
        return self._exact[month]

    def profile(self, month: int) -> Profile:
        """The month's profile as this answer shows it."""
        if month not in self._profiles:
            exact = self.exact(month)
            self._profiles[month] = suppress_profile(exact) if self.suppress else exact
        return self._profiles[month]

    def cell(self, keys: tuple[str, ...], first: int, last: int) -> Cell | None:
        """The rows added up over the months; a cell saying "no data" outside the data; None where the figure
        cannot be added up (children over months that are not a year to date)."""
        if not self.has_data(first, last):
            return Cell(None, None, absence=Absence.NO_DATA)
        cells = [self._row_cell(key, first, last) for key in keys]
        if any(c is None for c in cells):
            return None
        return add_rows([c for c in cells if c is not None])

    def _row_cell(self, key: str, first: int, last: int) -> Cell | None:
        if first == last:
            return self.profile(last).row(key).values[month_key(last)]
        if first >= financial_year_start(last):
            return span_cell(self.profile(last), key, Span(first, last, PeriodKind.MONTH))
        if key.startswith(DISTINCT_CHILDREN_PREFIX):  # over two financial years: only counts add up
            return None
        return add_cells([self.profile(m).row(key).values[month_key(m)] for m in range(first, last + 1)])


def add_rows(cells: list[Cell]) -> Cell:
    """Rows of one section over the same base added up ("at least 2 days": 4.3 to 4.7): the base stays one."""
    if len(cells) == 1:
        return cells[0]
    total = add_cells(cells)
    return (
        Cell(total.count, cells[0].denominator, total.suppressed, total.absence) if total.count is not None else total
    )
