"""What each posted digest showed: the figures of every column it published, for saying later what has changed.

A digest run that posted to a destination (a Slack channel, a Teams webhook, the outbox) is a publication:
its figures are saved under its ledger run, with the month, channel, snapshot and when. A review draft
(a ledger channel key starting "review:") is not a publication and is not saved. The last publication
of a month's figure is the latest run that posted it; only runs the ledger records as posted count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from digest.figures.periods import month_key, parse_month
from digest.store.reviews import REVIEW_CHANNEL_PREFIX
from digest.store.snapshots import SnapshotStore

MONTH_SCOPE = "month"
YTD_SCOPE = "ytd"  # the year to date, to the month in its row


def is_publication(channel: str) -> bool:
    """Whether a digest run to this ledger channel key publishes figures (a review draft does not)."""
    return not channel.startswith(REVIEW_CHANNEL_PREFIX)


@dataclass(frozen=True)
class PublishedFigure:
    """One figure as a digest showed it: exact as the store holds it, withheld where the destination showed "c"."""

    scope: str  # MONTH_SCOPE or YTD_SCOPE
    month: str  # "2019-04"; for the year to date, the month it runs to
    key: str  # the indicator key
    count: int | None
    denominator: int | None
    withheld: bool = False  # the count was shown as "c"
    share_withheld: bool = False  # the count was shown, its percentage not (its base was withheld or small)


@dataclass(frozen=True)
class LastPublished:
    """A month's figure as last published: by the digest of which month, in which run."""

    figure: PublishedFigure
    digest_month: int
    run_id: int
    published_at: str


def save_published_figures(
    store: SnapshotStore,
    run_id: int,
    digest_month: int,
    channel: str,
    snapshot_id: int,
    figures: Iterable[PublishedFigure],
) -> bool:
    """Record what a digest run showed, in one transaction; saving the same run again replaces it.

    Returns False (and saves nothing) for a channel that does not publish (a review draft).
    """
    if not is_publication(channel):
        return False
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    db = store.db
    with db.atomic():
        db.execute("DELETE FROM published_figures WHERE run_id = ?", [run_id])
        db.execute(
            "INSERT OR REPLACE INTO publications (run_id, digest_month, channel, snapshot_id, published_at) "
            "VALUES (?,?,?,?,?)",
            [run_id, month_key(digest_month), channel, snapshot_id, now],
        )
        db.conn.executemany(
            "INSERT INTO published_figures (run_id, scope, month, key, count, denominator, withheld, share_withheld) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [
                (run_id, f.scope, f.month, f.key, f.count, f.denominator, int(f.withheld), int(f.share_withheld))
                for f in figures
            ],
        )
    return True


def load_last_published(
    store: SnapshotStore, months: Iterable[int], keys: Iterable[str] | None = None, before_digest: int | None = None
) -> dict[tuple[str, str], LastPublished]:
    """The last publication of each month's figure (scope "month"), by (month key, indicator key).

    keys limits it to some figures (None: all); before_digest to publications by digests of earlier months, so
    that every destination of one month's digest, and a digest sent again, compares with the same publication.
    """
    month_keys = [month_key(m) for m in months]
    if not month_keys:
        return {}
    wanted = None if keys is None else list(keys)
    where = [
        "r.state = 'posted'",
        "f.scope = ?",
        f"f.month IN ({', '.join('?' * len(month_keys))})",
    ]
    params: list[object] = [MONTH_SCOPE, *month_keys]
    if wanted is not None:
        if not wanted:
            return {}
        where.append(f"f.key IN ({', '.join('?' * len(wanted))})")
        params += wanted
    if before_digest is not None:
        where.append("p.digest_month < ?")
        params.append(month_key(before_digest))
    rows = store.db.execute(
        "SELECT f.month, f.key, f.count, f.denominator, f.withheld, f.share_withheld, "
        "p.digest_month, p.run_id, p.published_at "
        "FROM published_figures f JOIN publications p ON p.run_id = f.run_id "
        "JOIN digest_runs r ON r.id = p.run_id "
        f"WHERE {' AND '.join(where)} ORDER BY p.published_at, p.run_id",
        params,
    ).fetchall()
    latest: dict[tuple[str, str], LastPublished] = {}
    for month, key, count, denominator, withheld, share_withheld, digest_month, run_id, published_at in rows:
        figure = PublishedFigure(MONTH_SCOPE, month, key, count, denominator, bool(withheld), bool(share_withheld))
        latest[(month, key)] = LastPublished(figure, parse_month(digest_month), run_id, published_at)
    return latest


def load_publications_mark(store: SnapshotStore) -> tuple[int, int]:
    """What changes whenever a digest's figures become published (its run posted): for answers kept in memory."""
    row = store.db.execute(
        "SELECT coalesce(max(p.run_id), 0), count(*) FROM publications p "
        "JOIN digest_runs r ON r.id = p.run_id WHERE r.state = 'posted'"
    ).fetchone()
    return int(row[0]), int(row[1])
