"""Disclosure control: a profile as it may be shown beyond the performance team, by the DfE convention.

Counts from 1 to 5 are withheld and shown as "c" (primary suppression); zero stays zero. Then, so that no
withheld count can be worked out from what is shown (secondary suppression), every relation a reader
knows is checked: a section's rows add up to its total (days missing, RHI outcomes, care status, gender,
ethnicity, BME, age, placement distance), LAC episodes appear twice (2.1 and 6.4), and a row's year to
date is the sum of its months (episode counts; children are counted once over a period, so not theirs).
Where a relation leaves one withheld count (or several that can only be 1 each), the next-smallest
non-zero count in it is withheld too, until no relation gives one away. A share of a withheld count,
or of a withheld or small base, is hidden with it.

The result is a Profile like any other (cells marked suppressed), so every output reads it the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from digest.figures.catalogue import (
    ALL_EPISODES,
    DISTINCT_CHILDREN_PREFIX,
    LAC_EPISODES,
    RHI_ACCEPTED,
    STILL_MISSING,
)
from digest.figures.periods import YTD
from digest.figures.small_counts import is_small
from digest.reporting.profile import Cell, Profile, ProfileRow

CellRef = tuple[str, str]  # (indicator key, column)


@dataclass(frozen=True)
class Relation:
    """total = sum(parts), as a reader of the published table knows it."""

    total: CellRef
    parts: tuple[CellRef, ...]


def build_relations(profile: Profile) -> list[Relation]:
    """Every sum a reader can form from the table: the sections' partitions per column, and each episode
    row's months adding up to its year to date."""
    groups = profile.groups

    def keys(name: str, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(key for row in groups[name].rows for key in row.keys if key not in leave_out)

    bme_rows = groups["bme"].rows
    not_bme = {key for row in bme_rows[1:] for key in row.keys}
    partitions: list[tuple[str, tuple[str, ...]]] = [
        (ALL_EPISODES, keys("duration", leave_out=(STILL_MISSING,))),  # still missing is month-end
        (RHI_ACCEPTED, keys("rhi")),
        (ALL_EPISODES, (*keys("status"), "status.unrecognised")),
        (ALL_EPISODES, keys("gender")),
        (ALL_EPISODES, keys("ethnicity")),
        ("ethnicity.bme", tuple(k for k in keys("ethnicity") if k not in not_bme)),
        (ALL_EPISODES, keys("bme")),  # the BME summary: BME + not BME + not recorded
        (ALL_EPISODES, keys("age")),
        (LAC_EPISODES, keys("distance")),
        (LAC_EPISODES, ("status.lac",)),  # the same episodes, in section 2 and section 6
    ]
    relations = [
        Relation((total, column), tuple((key, column) for key in parts))
        for column in profile.columns
        for total, parts in partitions
    ]
    months = [column for column in profile.columns if column != YTD]
    for row in profile.rows:
        indicator = row.indicator
        if (
            YTD in profile.columns
            and not indicator.month_only
            and not indicator.key.startswith(DISTINCT_CHILDREN_PREFIX)
        ):
            relations.append(Relation((indicator.key, YTD), tuple((indicator.key, m) for m in months)))
    return relations


def suppress_profile(profile: Profile) -> Profile:
    """The profile with small counts withheld, and enough others that none can be worked out."""
    if profile.suppressed:
        return profile
    counts = {(row.indicator.key, column): cell.count for row in profile.rows for column, cell in row.values.items()}
    hidden = {ref for ref, count in counts.items() if is_small(count)}
    relations = build_relations(profile)
    while True:
        added = [ref for relation in relations if (ref := _protect(relation, hidden, counts)) is not None]
        if not added:
            break
        hidden.update(added)
    rows = [ProfileRow(row.indicator, dict(_shown_cells(profile, row, hidden))) for row in profile.rows]
    return replace(profile, rows=rows, suppressed=True)


def _protect(relation: Relation, hidden: set[CellRef], counts: dict[CellRef, int | None]) -> CellRef | None:
    """The next cell to withhold if the relation gives a withheld one away, else None."""
    withheld = [ref for ref in relation.parts if ref in hidden]
    total_hidden = relation.total in hidden
    if total_hidden + len(withheld) == 0:
        return None
    if total_hidden + len(withheld) > 1:
        # Several withheld parts under a shown total are given away only if each must be 1 (none is zero).
        shown = sum(counts[ref] or 0 for ref in relation.parts if ref not in hidden)
        if total_hidden or (counts[relation.total] or 0) - shown > len(withheld):
            return None
    candidates = [ref for ref in relation.parts if ref not in hidden and counts[ref]]
    if candidates:
        return min(candidates, key=lambda ref: counts[ref] or 0)
    return None if total_hidden or not counts[relation.total] else relation.total


def _shown_cells(profile: Profile, row: ProfileRow, hidden: set[CellRef]) -> Iterator[tuple[str, Cell]]:
    base_key = row.indicator.denominator
    for column, cell in row.values.items():
        if cell.absence is not None:  # no figure to withhold: it says why it has none, as it did
            yield column, cell
        elif (row.indicator.key, column) in hidden:
            yield column, Cell(None, None, suppressed=True)
        elif (base_key, column) in hidden or is_small(cell.denominator):
            yield column, Cell(cell.count, None)  # a share of a withheld base would give the base away
        else:
            yield column, cell
