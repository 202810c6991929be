"""The store's schema, as sqlite-utils migrations applied in order when a store is opened.

Every table of the store is created here, so that opening a store always brings all of it up to
date, whatever modules the caller happens to have imported. Add a new step at the end; never edit
one that has shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digest.store.database import SchemaSteps

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = SchemaSteps("missing-report")


@migrations()
def m001_snapshots(db: Database) -> None:
    db.table("snapshots").create(
        {
            "id": int,
            "as_at": str,
            "file_name": str,
            "file_sha256": str,
            "ingested_at": str,
            "rows_read": int,
            "rows_accepted": int,
            "rows_rejected": int,
            "first_month": str,
            "last_month": str,
            "headers": str,
            "column_map": str,
            "ignored_headers": str,
            "indicators_fingerprint": str,
        },
        pk="id",
    )
    db.table("snapshots").create_index(["file_sha256", "as_at"], unique=True)
    db.execute(
        "CREATE TABLE raw_rows (snapshot_id INTEGER NOT NULL, row INTEGER NOT NULL, cells TEXT NOT NULL, "
        "PRIMARY KEY (snapshot_id, row)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE episodes (snapshot_id INTEGER NOT NULL, row INTEGER NOT NULL, episode_id TEXT NOT NULL, "
        "child_id TEXT NOT NULL, missing_start TEXT NOT NULL, missing_end TEXT, gender TEXT, date_of_birth TEXT, "
        "ethnicity TEXT, care_status TEXT, other_la TEXT, cse_risk TEXT, placement_distance_miles REAL, "
        "rhi_offered TEXT, rhi_accepted TEXT, rhi_completed TEXT, PRIMARY KEY (snapshot_id, row)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE rejected_rows (snapshot_id INTEGER NOT NULL, row INTEGER NOT NULL, "
        "reason TEXT NOT NULL, PRIMARY KEY (snapshot_id, row)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE unrecognised_values (snapshot_id INTEGER NOT NULL, column_name TEXT NOT NULL, "
        "value TEXT NOT NULL, count INTEGER NOT NULL)"
    )
    db.execute(
        "CREATE TABLE indicator_values (snapshot_id INTEGER NOT NULL, scope TEXT NOT NULL, month TEXT NOT NULL, "
        "key TEXT NOT NULL, count INTEGER, denominator INTEGER, "
        "PRIMARY KEY (snapshot_id, scope, month, key)) WITHOUT ROWID"
    )


@migrations()
def m002_digest_runs(db: Database) -> None:
    db.execute(
        "CREATE TABLE digest_runs (id INTEGER PRIMARY KEY, month TEXT NOT NULL, channel TEXT NOT NULL, "
        "snapshot_id INTEGER, state TEXT NOT NULL, owner TEXT NOT NULL, forced INTEGER NOT NULL DEFAULT 0, "
        "attempts INTEGER NOT NULL DEFAULT 1, post_attempted_at TEXT, message_ref TEXT, "
        "uploads_done TEXT NOT NULL DEFAULT '[]', started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL, "
        "finished_at TEXT, error TEXT, permanent_error INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute("CREATE INDEX digest_runs_month_channel ON digest_runs (month, channel, id)")


@migrations()
def m003_lookups(db: Database) -> None:
    """The audit of slash-command lookups: who asked what, where, when, and what came of it."""
    db.execute(
        "CREATE TABLE lookups (id INTEGER PRIMARY KEY, asked_at TEXT NOT NULL, user_id TEXT NOT NULL, "
        "channel_id TEXT NOT NULL, question TEXT NOT NULL, outcome TEXT NOT NULL, snapshot_id INTEGER, "
        "milliseconds INTEGER)"
    )


@migrations()
def m004_alerts(db: Database) -> None:
    """Still-missing counts per snapshot, and the alerts ledger."""
    db.execute(
        "CREATE TABLE still_missing (snapshot_id INTEGER PRIMARY KEY, count INTEGER NOT NULL, lac INTEGER NOT NULL, "
        "cse INTEGER NOT NULL, over_24h INTEGER NOT NULL, over_72h INTEGER NOT NULL, longest_start TEXT)"
    )
    db.execute(
        "CREATE TABLE alerts (id INTEGER PRIMARY KEY, snapshot_id INTEGER, previous_snapshot_id INTEGER, "
        "kind TEXT NOT NULL, channel TEXT NOT NULL, count_before INTEGER, count_after INTEGER NOT NULL, "
        "text TEXT NOT NULL, state TEXT NOT NULL, owner TEXT, created_at TEXT NOT NULL, attempted_at TEXT, "
        "sent_at TEXT, message_ref TEXT, error TEXT, UNIQUE (snapshot_id, kind, channel))"
    )


@migrations()
def m005_pruning(db: Database) -> None:
    """When a snapshot's rows and ids were deleted by `prune` (its figures are kept)."""
    db.execute("ALTER TABLE snapshots ADD COLUMN pruned_at TEXT")


@migrations()
def m006_original_files(db: Database) -> None:
    """Each snapshot's extract file as it came, in blocks: its raw rows are read back from it, exactly.

    Replaces one JSON row per raw row (raw_rows, kept for snapshots stored before), which cost about a third
    of a million-row ingest.
    """
    db.execute(
        "CREATE TABLE original_file_blocks (snapshot_id INTEGER NOT NULL, block INTEGER NOT NULL, "
        "data BLOB NOT NULL, PRIMARY KEY (snapshot_id, block))"
    )


@migrations()
def m007_comments(db: Database) -> None:
    """The analysts' comments on a month's report sections, with who wrote each and when.

    One current comment per month and section (replaced_at is NULL); a replaced or cleared one is kept,
    with when and by whom, so the history of what was published stays.
    """
    db.execute(
        "CREATE TABLE comments (id INTEGER PRIMARY KEY, month TEXT NOT NULL, section TEXT NOT NULL, "
        "text TEXT NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT NULL, platform TEXT NOT NULL, "
        "written_at TEXT NOT NULL, replaced_at TEXT, replaced_by TEXT)"
    )
    db.execute("CREATE UNIQUE INDEX comments_current ON comments (month, section) WHERE replaced_at IS NULL")


@migrations()
def m008_reviews(db: Database) -> None:
    """Review before publishing: each month's draft in the analysts' channel, and who published it, how and when."""
    db.execute(
        "CREATE TABLE reviews (month TEXT PRIMARY KEY, channel TEXT NOT NULL, draft_ref TEXT, snapshot_id INTEGER, "
        "drafted_at TEXT NOT NULL, deadline_at TEXT NOT NULL, published_at TEXT, published_by TEXT, "
        "published_how TEXT, reminded_on TEXT, reminders INTEGER NOT NULL DEFAULT 0, draft_updated_at TEXT)"
    )


@migrations()
def m009_published_figures(db: Database) -> None:
    """What each posted digest showed, so the next one can say which earlier figures have been revised.

    One publications row per digest run that posted (its month, channel, snapshot and when); its figures per
    column shown (scope "month", or "ytd" for the year to date to that month), exact as the store holds
    them; withheld = 1 where that destination showed the count as "c", share_withheld = 1 where it showed the
    count but not its percentage (disclosure control).
    """
    db.execute(
        "CREATE TABLE publications (run_id INTEGER PRIMARY KEY, digest_month TEXT NOT NULL, channel TEXT NOT NULL, "
        "snapshot_id INTEGER NOT NULL, published_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE published_figures (run_id INTEGER NOT NULL, scope TEXT NOT NULL, month TEXT NOT NULL, "
        "key TEXT NOT NULL, count INTEGER, denominator INTEGER, withheld INTEGER NOT NULL DEFAULT 0, "
        "share_withheld INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (run_id, scope, month, key)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX published_figures_month ON published_figures (scope, month, key)")


@migrations()
def m010_old_lookup_questions(db: Database) -> None:
    """The store's own lookups table, from before the audit moved to its own file (store-audit.db, where each
    word outside the reader's vocabulary is masked): nothing reads or writes it now, but its questions were
    kept as typed and may name a child. Who asked, where, when and what came of it stay; the words go."""
    db.execute("PRAGMA secure_delete = ON")  # the old words are overwritten on disk, not left in free space
    db.execute("UPDATE lookups SET question = '' WHERE question != ''")
    db.execute("PRAGMA secure_delete = OFF")


@migrations()
def m011_compressed_episodes(db: Database) -> None:
    """Each new snapshot's episodes as compressed Arrow blocks (episode_blocks.py), and its extract file's
    blocks compressed, with the codec and the block's size as it came.

    Inserting one SQL row per episode was a third of a million-row ingest and 160 MB of store; nothing read
    them but whole or by a few columns. Snapshots stored before keep their episodes table rows, and file
    blocks with no codec, as they are: both are still read.
    """
    db.execute(
        "CREATE TABLE episode_blocks (snapshot_id INTEGER NOT NULL, block INTEGER NOT NULL, "
        "data BLOB NOT NULL, PRIMARY KEY (snapshot_id, block))"
    )
    db.execute("ALTER TABLE original_file_blocks ADD COLUMN codec TEXT")
    db.execute("ALTER TABLE original_file_blocks ADD COLUMN size INTEGER")


@migrations()
def m012_snapshot_source(db: Database) -> None:
    """Where each snapshot's episodes came from: an extract file, or a Standard Safeguarding Dataset export,
    which cannot fill every indicator (digest.figures.absence). Snapshots stored before were extracts."""
    db.execute("ALTER TABLE snapshots ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'extract'")


@migrations()
def m013_data_waits(db: Database) -> None:
    """A due digest's month that no snapshot covered: when the alerts channel was told, and when an extract
    covering it arrived and that was told too. One row per month and channel, so each is told once."""
    db.execute(
        "CREATE TABLE data_waits (month TEXT NOT NULL, channel TEXT NOT NULL, told_at TEXT NOT NULL, "
        "arrived_at TEXT, PRIMARY KEY (month, channel))"
    )
