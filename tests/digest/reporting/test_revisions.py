"""Revisions of the reference June 2019 profile against hand-made publications: counts, rates, disclosure."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.contract.revisions import RevisionThreshold
from digest.figures.periods import YTD, parse_month
from digest.reporting.content import RATE_KEYS
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Profile
from digest.reporting.revisions import compute_revisions, disclose_revisions, list_shown_figures
from digest.store.published_figures import MONTH_SCOPE, YTD_SCOPE, LastPublished, PublishedFigure
from digest.store.snapshots import SnapshotStore
from tests.conftest import profile_of, write_csv
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, build_rows

MAY = parse_month("2019-05")


@pytest.fixture
def exact(store: SnapshotStore, config: Config, tmp_path: Path) -> Profile:
    return profile_of(store, config, write_csv(tmp_path / "reference.csv", build_rows(), HEADERS), "2019-06", AS_AT)


def published(*figures: PublishedFigure) -> dict[tuple[str, str], LastPublished]:
    return {(f.month, f.key): LastPublished(f, MAY, 1, "2019-06-10T09:00:00+00:00") for f in figures}


def april(key: str, count: int, denominator: int | None = None, **flags: bool) -> PublishedFigure:
    return PublishedFigure(MONTH_SCOPE, "2019-04", key, count, denominator, **flags)


def test_a_rate_is_revised_by_its_points_as_shown(exact: Profile) -> None:
    # April: 98 of 117 offered (84%); published as 90 of 117 (77%), then as 97 of 116 (84%, no change shown).
    moved = published(april("rhi.offered", 90, 117))
    [revision] = compute_revisions(exact, moved, RevisionThreshold(), RATE_KEYS)
    assert revision.describe() == (
        "April 2019 return home interviews offered revised from 77% to 84% since the May 2019 digest"
    )
    assert compute_revisions(exact, moved, RevisionThreshold(points=7.5), RATE_KEYS) == []
    assert compute_revisions(exact, published(april("rhi.offered", 97, 116)), RevisionThreshold(), RATE_KEYS) == []


def test_counts_are_revised_by_how_many_they_moved(exact: Profile) -> None:
    last = published(april("episodes.all", 127), april("episodes.lac", 74), april("children.all", 57))
    found = compute_revisions(exact, last, RevisionThreshold(count=2), RATE_KEYS)
    assert [r.describe() for r in found] == [
        "April 2019 missing episodes revised from 127 to 129 since the May 2019 digest"
    ]  # LAC moved by 1 (under 2), children not at all


def test_disclosure_control_tells_only_what_both_digests_may_show(exact: Profile) -> None:
    shown = suppress_profile(exact)
    assert shown.row("children.3plus.cse").values["2019-04"].suppressed  # 1 child
    last = published(
        april("episodes.all", 127),  # shown then and now: told
        april("episodes.cse", 15, withheld=True),  # the May digest showed "c" (secondary suppression): not told
        april("children.cse", 4),  # 4 is from 1 to 5: not told
        april("children.3plus.cse", 2),  # now 1, "c": not told
    )
    found = compute_revisions(exact, last, RevisionThreshold(), RATE_KEYS)
    assert [r.key for r in found] == ["episodes.all", "episodes.cse", "children.cse", "children.3plus.cse"]
    assert [r.key for r in disclose_revisions(found, shown)] == ["episodes.all"]
    assert disclose_revisions(found, exact) == found  # the managers' own channel is told everything


def test_a_rate_whose_share_was_withheld_is_not_told_under_disclosure_control(exact: Profile) -> None:
    found = compute_revisions(
        exact, published(april("rhi.offered", 90, 117, share_withheld=True)), RevisionThreshold(), RATE_KEYS
    )
    assert disclose_revisions(found, suppress_profile(exact)) == []


def test_what_a_digest_shows_is_recorded_with_what_it_withheld(exact: Profile) -> None:
    shown = suppress_profile(exact)
    figures = {(f.scope, f.month, f.key): f for f in list_shown_figures(exact, shown)}
    assert len(figures) == len(exact.rows) * len(exact.columns)
    assert figures[(MONTH_SCOPE, "2019-04", "episodes.all")] == april("episodes.all", 129)
    assert figures[(YTD_SCOPE, "2019-06", "episodes.all")].count == 375
    assert figures[(MONTH_SCOPE, "2019-04", "children.3plus.cse")].withheld
    assert figures[(MONTH_SCOPE, "2019-04", "children.3plus.cse")].count == 1  # exact: the store is private


def test_a_partial_month_is_not_recorded_as_published(exact: Profile) -> None:
    partial = replace(exact, snapshot=replace(exact.snapshot, as_at=dt.datetime(2019, 6, 20)))
    assert partial.partial_month
    columns = {f.month if f.scope == MONTH_SCOPE else YTD for f in list_shown_figures(partial, partial)}
    assert columns == {"2019-04", "2019-05"}  # June is still growing, and so is the year to date
