"""The published figures: what each posted digest run showed, and the last publication of each month's figure."""

from __future__ import annotations

from digest.figures.periods import Month, parse_month
from digest.store.digest_runs import ClaimedRun, DigestLedger
from digest.store.published_figures import (
    MONTH_SCOPE,
    YTD_SCOPE,
    PublishedFigure,
    is_publication,
    load_last_published,
    save_published_figures,
)
from digest.store.snapshots import SnapshotStore

APRIL, MAY, JUNE = parse_month("2019-04"), parse_month("2019-05"), parse_month("2019-06")


def episodes(april: int, may: int | None = None) -> list[PublishedFigure]:
    figures = [PublishedFigure(MONTH_SCOPE, "2019-04", "episodes.all", april, None)]
    if may is not None:
        figures.append(PublishedFigure(MONTH_SCOPE, "2019-05", "episodes.all", may, None))
        figures.append(PublishedFigure(YTD_SCOPE, "2019-05", "episodes.all", april + may, None))
    return figures


def publish(store: SnapshotStore, month: int, channel: str, figures: list[PublishedFigure], posted: bool = True) -> int:
    ledger = DigestLedger(store)
    run = ledger.claim(Month(month), channel, snapshot_id=1)
    assert isinstance(run, ClaimedRun)
    save_published_figures(store, run.record.id, month, channel, 1, figures)
    if posted:
        ledger.finish(run)
    else:
        ledger.fail(run, "Slack could not be reached", permanent=False)
    return run.record.id


def april_episodes(store: SnapshotStore, before: int | None = None) -> tuple[int | None, int] | None:
    last = load_last_published(store, [APRIL], ["episodes.all"], before_digest=before).get(("2019-04", "episodes.all"))
    return None if last is None else (last.figure.count, last.digest_month)


def test_the_latest_posted_publication_of_each_month_is_the_one_compared(store: SnapshotStore) -> None:
    publish(store, APRIL, "C0DIGEST", episodes(120))
    publish(store, MAY, "C0DIGEST", episodes(129, 130))
    assert april_episodes(store) == (129, MAY)
    assert april_episodes(store, before=MAY) == (120, APRIL)  # the May digest's own destinations compare alike
    assert april_episodes(store, before=APRIL) is None
    both = load_last_published(store, [APRIL, MAY])
    assert {k: v.figure.count for k, v in both.items()} == {
        ("2019-04", "episodes.all"): 129,
        ("2019-05", "episodes.all"): 130,
    }  # the year to date is recorded but is not a month's figure


def test_a_run_that_did_not_post_published_nothing(store: SnapshotStore) -> None:
    publish(store, MAY, "C0DIGEST", episodes(129, 130))
    publish(store, JUNE, "teams:digest", episodes(131, 130), posted=False)
    assert april_episodes(store) == (129, MAY)


def test_a_review_draft_is_not_a_publication(store: SnapshotStore) -> None:
    assert (is_publication("review:C0ANALYSTS"), is_publication("C0DIGEST"), is_publication("outbox")) == (
        False,
        True,
        True,
    )
    publish(store, MAY, "C0DIGEST", episodes(129, 130))
    publish(store, JUNE, "review:C0ANALYSTS", episodes(131, 130))
    assert april_episodes(store) == (129, MAY)
    assert store.db.execute("SELECT count(*) FROM publications").fetchone() == (1,)


def test_saving_a_run_again_replaces_what_it_recorded(store: SnapshotStore) -> None:
    run_id = publish(store, MAY, "C0DIGEST", episodes(129, 130))
    save_published_figures(store, run_id, MAY, "C0DIGEST", 2, episodes(131))
    assert april_episodes(store) == (131, MAY)
    assert store.db.execute("SELECT count(*) FROM published_figures").fetchone() == (1,)
    assert store.db.execute("SELECT snapshot_id FROM publications").fetchone() == (2,)


def test_withheld_figures_keep_what_the_destination_showed(store: SnapshotStore) -> None:
    publish(store, MAY, "outbox", [PublishedFigure(MONTH_SCOPE, "2019-04", "episodes.cse", 4, None, withheld=True)])
    last = load_last_published(store, [APRIL])[("2019-04", "episodes.cse")]
    assert (last.figure.count, last.figure.withheld, last.figure.share_withheld) == (4, True, False)
