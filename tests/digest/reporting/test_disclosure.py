"""Disclosure control on the reference June 2019 report: small counts withheld, and none of them recoverable."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Profile
from digest.store.snapshots import SnapshotStore
from tests.conftest import profile_of, write_csv
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, build_rows

Ref = tuple[str, str]


@pytest.fixture
def exact(store: SnapshotStore, config: Config, tmp_path: Path) -> Profile:
    return profile_of(store, config, write_csv(tmp_path / "reference.csv", build_rows(), HEADERS), "2019-06", AS_AT)


def _keys(profile: Profile, prefix: str, leave_out: tuple[str, ...] = ()) -> list[str]:
    return [
        r.indicator.key for r in profile.rows if r.indicator.key.startswith(prefix) and r.indicator.key not in leave_out
    ]


def attacker_relations(profile: Profile, config: Config) -> list[tuple[Ref, list[Ref]]]:
    """What a reader of the published report knows adds up, written out here from the report's layout
    (independently of the suppressor's own list), each checked below to hold on the exact figures."""
    codes = [f"ethnicity.{code}" for code, _ in config.ethnicity.codes]
    bme_codes = [
        f"ethnicity.{code}"
        for code, _ in config.ethnicity.codes
        if code not in config.ethnicity.not_bme and code not in config.ethnicity.not_recorded
    ]
    sums = [
        ("episodes.all", _keys(profile, "duration.", ("duration.still_missing",))),
        ("rhi.accepted", ["rhi.completed_in_time", "rhi.not_completed_in_time", "rhi.pending"]),
        ("episodes.all", [k for k in _keys(profile, "status.") if k != "status.other_la"]),
        ("episodes.all", _keys(profile, "gender.")),
        ("episodes.all", [*codes, "ethnicity.unrecognised"]),
        ("ethnicity.bme", bme_codes),
        ("episodes.all", _keys(profile, "age.")),
        ("episodes.lac", _keys(profile, "distance.")),
        ("episodes.lac", ["status.lac"]),
    ]
    relations = [((total, c), [(k, c) for k in parts]) for c in profile.columns for total, parts in sums]
    months = profile.columns[:-1]
    for row in profile.rows:
        key = row.indicator.key
        if not key.startswith("children.") and not row.indicator.month_only:
            relations.append(((key, "ytd"), [(key, m) for m in months]))
    return relations


def recoverable_by_equations(
    relations: list[tuple[Ref, list[Ref]]], known: dict[Ref, int], unknown: list[Ref]
) -> set[Ref]:
    """Unknowns that the relations pin down exactly (Gaussian elimination over the rationals)."""
    index = {ref: i for i, ref in enumerate(unknown)}
    rows: list[list[Fraction]] = []
    for total, parts in relations:
        row = [Fraction(0)] * (len(unknown) + 1)
        for ref, sign in [(total, 1), *((p, -1) for p in parts)]:
            if ref in index:
                row[index[ref]] += sign
            else:
                row[-1] -= sign * known[ref]
        if any(row[:-1]):
            rows.append(row)
    pivots: list[int] = []
    for col in range(len(unknown)):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rank = len(pivots)
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows[rank] = [v / rows[rank][col] for v in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                rows[r] = [a - rows[r][col] * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(col)
    return {unknown[col] for i, col in enumerate(pivots) if sum(1 for v in rows[i][:-1] if v) == 1}


def recoverable_by_bounds(
    relations: list[tuple[Ref, list[Ref]]], known: dict[Ref, int], unknown: list[Ref]
) -> set[Ref]:
    """Unknowns whose bounds meet, knowing each is at least 1 (zero is shown as 0), tightened relation by relation."""
    low = dict.fromkeys(unknown, 1)
    high = dict.fromkeys(unknown, 10**6)
    for _ in range(50):
        for total, parts in relations:
            terms = [(total, 1), *((p, -1) for p in parts)]  # sum(sign * value) == 0
            for ref, sign in terms:
                if ref not in low:
                    continue
                rest_low = sum(
                    s * (known[r] if r not in low else (low[r] if s > 0 else high[r])) for r, s in terms if r != ref
                )
                rest_high = sum(
                    s * (known[r] if r not in low else (high[r] if s > 0 else low[r])) for r, s in terms if r != ref
                )
                # sign * x = -rest, so x lies between -rest_high/sign and -rest_low/sign
                a, b = sorted((-rest_high * sign, -rest_low * sign))
                low[ref], high[ref] = max(low[ref], a), min(high[ref], b)
    return {ref for ref in unknown if low[ref] == high[ref]}


def test_small_counts_become_c_and_zero_stays_zero(exact: Profile) -> None:
    shown = suppress_profile(exact)
    row = shown.row("duration.5")
    assert [row.values[c].describe_count() for c in shown.columns] == ["0", "c", "0", "c"]
    assert shown.row("episodes.all").values["2019-06"].count == 116
    for row in shown.rows:
        for cell in row.values.values():
            assert cell.suppressed or cell.count is None or cell.count == 0 or cell.count > 5
            if cell.suppressed:
                assert cell.count is None
                assert cell.denominator is None


def test_relations_the_attacker_uses_hold_on_the_exact_figures(exact: Profile, config: Config) -> None:
    for total, parts in attacker_relations(exact, config):
        value = lambda ref: exact.row(ref[0]).values[ref[1]].count or 0  # noqa: E731
        assert value(total) == sum(value(p) for p in parts), total


def test_no_suppressed_cell_can_be_worked_out_from_totals_and_the_other_cells(exact: Profile, config: Config) -> None:
    shown = suppress_profile(exact)
    relations = attacker_relations(shown, config)
    cells = {(row.indicator.key, c): cell for row in shown.rows for c, cell in row.values.items()}
    unknown = [ref for ref, cell in cells.items() if cell.suppressed]
    known = {ref: cell.count or 0 for ref, cell in cells.items() if not cell.suppressed}
    assert len(unknown) > 40  # the reference month has many small cells: the attack has work to do
    assert recoverable_by_equations(relations, known, unknown) == set()
    assert recoverable_by_bounds(relations, known, unknown) == set()


def test_an_unprotected_table_is_caught_by_the_same_attack(exact: Profile, config: Config) -> None:
    """Primary suppression alone leaves cells recoverable: the attack is not one that cannot succeed."""
    cells = {(row.indicator.key, c): cell.count or 0 for row in exact.rows for c, cell in row.values.items()}
    unknown = [ref for ref, count in cells.items() if 0 < count < 6]
    known = {ref: count for ref, count in cells.items() if ref not in unknown}
    relations = attacker_relations(exact, config)
    assert ("status.care_leaver", "2019-04") in recoverable_by_equations(relations, known, unknown)
    assert recoverable_by_bounds(relations, known, unknown)
