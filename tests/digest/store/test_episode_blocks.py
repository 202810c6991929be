"""Episodes kept as compressed Arrow blocks read back exactly; snapshots kept as SQL rows before m011 still read."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd

from digest.contract.config import Config
from digest.contract.deadlines import parse_deadline_rule
from digest.figures.still_missing import compute_still_missing
from digest.intake.demo import default_shape, generate_extract
from digest.intake.episodes import EpisodeBuilder, Episodes
from digest.intake.extracts import open_extract
from digest.intake.ingest import ingest_extract
from digest.intake.raw_rows import read_raw_rows
from digest.intake.refresh import refresh_figures
from digest.store.alerts import count_started_since, load_still_missing
from digest.store.episode_blocks import load_episode_blocks, save_episode_blocks
from digest.store.snapshots import ORIGINAL_BLOCK_BYTES, SnapshotStore, open_store

AS_AT = dt.datetime(2019, 7, 18, 9, 0)


def demo_extract(tmp_path: Path) -> Path:
    path = tmp_path / "demo.csv"
    generate_extract(default_shape(AS_AT, months=4), AS_AT).to_csv(path, index=False)
    return path


def check_extract(path: Path, config: Config) -> Episodes:
    """What the ingest computes its figures from, worked out again from the file."""
    extract = open_extract(path, config.column_aliases)
    builder = EpisodeBuilder(AS_AT, config)
    for chunk in extract.chunks():
        builder.add(chunk, extract.column_of)
    return builder.finish()


def figures(store: SnapshotStore, snapshot_id: int) -> list[tuple[object, ...]]:
    return store.db.execute(
        "SELECT scope, month, key, count, denominator FROM indicator_values WHERE snapshot_id = ? "
        "ORDER BY scope, month, key",
        [snapshot_id],
    ).fetchall()


def test_a_snapshot_reads_back_the_episodes_its_figures_were_computed_from(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    path = demo_extract(tmp_path)
    report = ingest_extract(store, path, AS_AT, config)
    accepted = check_extract(path, config).accepted
    assert len(accepted) == report.rows_accepted == 478
    pd.testing.assert_frame_equal(store.load_episodes(report.snapshot_id), accepted)  # values and types
    columns = ["missing_start", "care_status"]
    pd.testing.assert_frame_equal(store.load_episodes(report.snapshot_id, columns), accepted[columns])


def test_episodes_split_over_blocks_read_back_in_order(store: SnapshotStore, config: Config, tmp_path: Path) -> None:
    accepted = check_extract(demo_extract(tmp_path), config).accepted
    with store.db.atomic():
        save_episode_blocks(store.db, 99, accepted, block_rows=100)
    assert store.count_rows("episode_blocks", 99) == 5  # 478 episodes
    pd.testing.assert_frame_equal(load_episode_blocks(store.db, 99, None), accepted)
    assert load_episode_blocks(store.db, 98, None) is None


OLD_STORE = Path(__file__).resolve().parents[2] / "fixtures" / "store-before-m011.db"  # the demo extract, 4 months


def test_a_store_written_before_m011_reads_as_it_did(config: Config, tmp_path: Path) -> None:
    """A store the version before m011 wrote (episodes as SQL rows, the file as it came, still-missing counts
    not yet worked out) against the same file ingested now: the same episodes, raw rows, counts and figures."""
    old_path = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, old_path)
    with open_store(old_path) as old, open_store(tmp_path / "new.db") as new:
        assert (old.count_rows("episodes", 1), old.count_rows("episode_blocks", 1)) == (478, 0)
        assert old.db.execute("SELECT count(*) FROM still_missing").fetchone() == (0,)
        path = tmp_path / "demo.csv"
        assert old.copy_original_file(1, path)
        new_id = ingest_extract(new, path, AS_AT, config).snapshot_id

        def plain(frame: pd.DataFrame) -> dict[str, list[object]]:  # the values, whatever their pandas types
            return frame.astype(object).where(frame.notna(), None).to_dict("list")

        assert plain(old.load_episodes(1)) == plain(new.load_episodes(new_id))
        two = ["missing_end", "row"]
        assert plain(old.load_episodes(1, two)) == plain(new.load_episodes(new_id, two))
        assert list(read_raw_rows(old, 1)) == list(read_raw_rows(new, new_id))
        assert load_still_missing(old, old.get_snapshot(1)) == load_still_missing(new, new.get_snapshot(new_id))
        since = AS_AT - dt.timedelta(days=2)
        assert count_started_since(old, old.get_snapshot(1), since) == count_started_since(
            new, new.get_snapshot(new_id), since
        )
        # Its figures were computed before age.not_recorded (INDICATORS_VERSION 2): recomputed, as every
        # command that reads figures does first.
        assert refresh_figures(old, config) == [1]
        assert figures(old, 1) == figures(new, new_id)
        changed = replace(config, rhi_deadline=parse_deadline_rule("72 hours"))
        assert refresh_figures(old, changed) == [1]
        assert refresh_figures(new, changed) == [new_id]
        assert figures(old, 1) == figures(new, new_id)


def test_still_missing_counts_are_kept_at_ingest_and_outlive_a_prune(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    path = demo_extract(tmp_path)
    first = ingest_extract(store, path, AS_AT, config).snapshot_id
    later = ingest_extract(store, path, AS_AT + dt.timedelta(hours=3), config).snapshot_id
    kept = store.db.execute("SELECT count, lac, cse FROM still_missing WHERE snapshot_id = ?", [first]).fetchone()
    worked_out = compute_still_missing(store.load_episodes(first), AS_AT)
    assert kept == (worked_out.count, worked_out.lac, worked_out.cse)
    assert worked_out.count > 0
    assert store.prune_snapshots(keep=1, older_than=None) == [first]
    assert load_still_missing(store, store.get_snapshot(first)) == worked_out  # its episodes are gone
    assert store.get_snapshot(later).pruned_at is None


def test_a_file_over_several_blocks_is_kept_compressed_and_read_back_exactly(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    draw = random.Random(14)
    frame = generate_extract(default_shape(AS_AT, months=4), AS_AT)
    width = 12_000_000 // len(frame)  # a 12 MB file: three 4 MiB blocks
    frame["Notes"] = ["".join(draw.choices("abcdefghij ,;\"'", k=width)) for _ in range(len(frame))]
    path = tmp_path / "notes.csv"
    frame.to_csv(path, index=False)
    report = ingest_extract(store, path, AS_AT, config)
    blocks = store.db.execute(
        "SELECT codec, size, length(data) FROM original_file_blocks WHERE snapshot_id = ? ORDER BY block",
        [report.snapshot_id],
    ).fetchall()
    assert len(blocks) == -(-path.stat().st_size // ORIGINAL_BLOCK_BYTES) >= 3
    assert {codec for codec, _, _ in blocks} == {"zstd"}
    assert sum(size for _, size, _ in blocks) == path.stat().st_size
    assert sum(stored for _, _, stored in blocks) < path.stat().st_size * 0.8  # compressed
    copy = tmp_path / "copy.csv"
    assert store.copy_original_file(report.snapshot_id, copy)
    assert copy.read_bytes() == path.read_bytes()
    rows = list(read_raw_rows(store, report.snapshot_id))
    assert [cells[-1] for _, cells in rows] == frame["Notes"].tolist()
