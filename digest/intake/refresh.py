"""Recomputing a snapshot's stored figures when the settings they depend on have changed.

The figures are computed once, at ingest, under the config's ethnicity groups and RHI rule. When a
council changes either, the stored figures no longer follow the config: this step recomputes them,
explicitly (`missing-report refresh`, and at the start of each command that reads figures), so that
reading a profile or answering a question never writes to the store.

A pruned snapshot cannot be recomputed: its episodes are deleted, only its figures are kept. Its figures
stay as they were computed, refused by every reader as out of date, and `refresh` says so plainly.
"""

from __future__ import annotations

from digest.contract.config import Config
from digest.figures.fingerprint import compute_fingerprint
from digest.store.snapshots import SnapshotStore


def refresh_figures(store: SnapshotStore, config: Config) -> list[int]:
    """Recompute the figures of every snapshot stored under other settings; returns their ids (never a pruned
    snapshot's: see find_unrefreshable)."""
    fingerprint = compute_fingerprint(config)
    refreshed = []
    for snapshot in store.list_snapshots():
        if snapshot.indicators_fingerprint != fingerprint and snapshot.pruned_at is None:
            # pandas only when something is stale: a store that follows the config is checked without it.
            from digest.figures.indicators import compute_indicator_table

            table = compute_indicator_table(store.load_episodes(snapshot.id), snapshot.as_at, config)
            store.replace_indicators(snapshot.id, table, fingerprint)
            refreshed.append(snapshot.id)
    return refreshed


def find_unrefreshable(store: SnapshotStore, config: Config) -> list[int]:
    """The pruned snapshots whose figures were computed under other settings: they cannot be recomputed."""
    fingerprint = compute_fingerprint(config)
    return [s.id for s in store.list_snapshots() if s.pruned_at is not None and s.indicators_fingerprint != fingerprint]
