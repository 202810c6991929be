"""Revised figures: an earlier month's figure that has changed since a digest last published it.

Late-recorded episodes change months already reported. The digest compares each month of its snapshot with
what was last published for it (digest.store.published_figures) and lists what moved by at least the
config's threshold; the workbook marks those cells and `ask` says "revised". Counts are compared as counts,
the return home interview rates as the percentages the headline shows. Under disclosure control a revision
is told only when both its figures may be shown: one that involves a "c" is left out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from digest.contract.revisions import RevisionThreshold
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, month_key, month_name, parse_month
from digest.figures.small_counts import is_small
from digest.reporting.profile import Cell, Profile
from digest.store.published_figures import MONTH_SCOPE, YTD_SCOPE, LastPublished, PublishedFigure


@dataclass(frozen=True)
class Revision:
    """A figure of a month that differs from what a digest last published for it."""

    key: str
    label: str  # the figure's short label: "Missing episodes"
    month: int  # the month the figure is of
    old: str  # as published: "129", or "84%" for a rate
    new: str  # as the snapshot has it now
    digest_month: int  # the digest that last published it
    old_count: int | None
    old_denominator: int | None
    old_withheld: bool  # that digest showed the count as "c"
    old_share_withheld: bool  # that digest showed the count but not its percentage
    is_rate: bool

    def describe(self) -> str:
        """ "April 2019 missing episodes revised from 129 to 131 since the May 2019 digest"."""
        label = self.label if self.label[:2].isupper() else self.label[0].lower() + self.label[1:]
        return f"{month_name(self.month)} {label} revised from {self.old} to {self.new} {self.since}"

    @property
    def since(self) -> str:
        return f"since the {month_name(self.digest_month)} digest"

    def note(self) -> str:
        """What the workbook's cell note says: "was 129 (of 140) in the May 2019 digest"."""
        base = f" (of {self.old_denominator})" if self.old_denominator is not None else ""
        return f"was {self.old_count}{base} in the {month_name(self.digest_month)} digest"


def _shown_rate(count: int | None, denominator: int | None) -> float | None:
    shown = format_percentage(count, denominator)
    return float(shown.rstrip("%")) if shown else None


def compute_revision(
    key: str, label: str, month: int, cell: Cell, last: LastPublished, threshold: RevisionThreshold, is_rate: bool
) -> Revision | None:
    """The revision of one figure (an exact cell) against its last publication, if it moved past the threshold."""
    old = last.figure
    if cell.count is None or old.count is None:
        return None
    if is_rate:
        then, now = _shown_rate(old.count, old.denominator), _shown_rate(cell.count, cell.denominator)
        if then is None or now is None or not threshold.is_rate_revised(then, now):
            return None
        old_shown, new_shown = f"{then:g}%", f"{now:g}%"
    else:
        if not threshold.is_count_revised(old.count, cell.count):
            return None
        old_shown, new_shown = str(old.count), str(cell.count)
    return Revision(
        key,
        label,
        month,
        old_shown,
        new_shown,
        last.digest_month,
        old.count,
        old.denominator,
        old.withheld,
        old.share_withheld,
        is_rate,
    )


def compute_revisions(
    profile: Profile,
    published: dict[tuple[str, str], LastPublished],
    threshold: RevisionThreshold,
    rate_keys: Collection[str],
    keys: Collection[str] | None = None,
    months: Collection[str] | None = None,
) -> list[Revision]:
    """Every figure of profile's months (an exact profile) revised since its last publication, month by month
    in the catalogue's order; only those keys and months (keys like "2019-04") where given."""
    revisions = []
    for column in profile.columns:
        if column == YTD or (months is not None and column not in months):
            continue
        for row in profile.rows:
            key = row.indicator.key
            if keys is not None and key not in keys:
                continue
            last = published.get((column, key))
            if last is None:
                continue
            revision = compute_revision(
                key,
                row.indicator.short_label,
                parse_month(column),
                row.values[column],
                last,
                threshold,
                key in rate_keys,
            )
            if revision is not None:
                revisions.append(revision)
    return revisions


def disclose_revisions(revisions: list[Revision], shown: Profile) -> list[Revision]:
    """The revisions a destination may be told (shown: the profile it gets, suppressed or exact)."""
    if not shown.suppressed:
        return revisions
    return [r for r in revisions if is_disclosable(r, shown.row(r.key).values[month_key(r.month)])]


def is_disclosable(revision: Revision, shown: Cell) -> bool:
    """Whether a revision may be told under disclosure control (shown: its cell in the suppressed profile): both
    figures shown there and then, neither from 1 to 5, and for a rate both percentages shown."""
    if shown.suppressed or revision.old_withheld or is_small(revision.old_count):
        return False
    if revision.is_rate:
        return (
            shown.denominator is not None and not revision.old_share_withheld and not is_small(revision.old_denominator)
        )
    return True


def list_shown_figures(exact: Profile, shown: Profile) -> Iterator[PublishedFigure]:
    """What a digest of exact shows (shown: exact, or its suppressed profile), to record as published.

    A partial month's own column and year to date are left out: they are still growing, so a later, whole
    month would read as revised throughout.
    """
    growing = {month_key(exact.month), YTD} if exact.partial_month else set()
    to = month_key(exact.month)
    for row, shown_row in zip(exact.rows, shown.rows, strict=True):
        for column, cell in row.values.items():
            if column in growing:
                continue
            shown_cell = shown_row.values[column]
            yield PublishedFigure(
                YTD_SCOPE if column == YTD else MONTH_SCOPE,
                to if column == YTD else column,
                row.indicator.key,
                cell.count,
                cell.denominator,
                withheld=shown_cell.suppressed,
                share_withheld=not shown_cell.suppressed
                and cell.denominator is not None
                and shown_cell.denominator is None,
            )
