"""Running a month's digest for a channel exactly once: claim it in the ledger, build it, send it, record it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.delivery import DeliveryError, Notifier, UncertainDeliveryError
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.reporting.digests import build_digest
from digest.reporting.profile import ProfileError
from digest.store.digest_runs import ClaimedRun, DigestLedger, LostClaimError, Skipped
from digest.store.published_figures import save_published_figures
from digest.store.snapshots import SnapshotInfo, SnapshotStore, StoreError

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What one attempt at a month's digest came to."""

    POSTED = "posted"
    SKIPPED = "skipped"  # posted already, or another process has it in hand
    FAILED = "failed"
    HELD = "held"  # may have posted, cannot be checked: left for a person (digest-runs shows it)


@dataclass(frozen=True)
class RunOutcome:
    state: Outcome
    message: str
    permanent: bool = False  # a failure that retrying cannot mend


def run_digest(
    store: SnapshotStore,
    config: Config,
    month: Month,
    channel: str,
    notifier: Notifier,
    snapshot_id: SnapshotInfo | int | None = None,
    force: bool = False,
    suppress: bool = False,
) -> RunOutcome:
    """Post month's digest to channel through notifier, unless the ledger says it is posted or in hand.

    A run that failed before is resumed: what it recorded (the message, each upload) is not redone.
    snapshot_id may be the snapshot already looked up, so that a run to several destinations looks it up once.
    suppress applies disclosure control (the destination's setting, or --suppress).
    """
    what = f"{month.name} digest for {channel}"
    snapshot = snapshot_id if isinstance(snapshot_id, SnapshotInfo) else store.get_snapshot(snapshot_id)
    claim = DigestLedger(store).claim(month, channel, snapshot.id, force)
    if isinstance(claim, Skipped):
        log.info("%s: skipped, %s", what, claim.reason)
        return RunOutcome(Outcome.SKIPPED, f"{what}: not sent, {claim.reason}")
    try:
        # A resumed run keeps the snapshot its message was built from; otherwise use the one asked for.
        use = claim.record.snapshot_id if claim.message_ref and claim.record.snapshot_id else snapshot.id
        if use != claim.record.snapshot_id:
            claim.record_snapshot(use)
        digest = build_digest(store, config, month.index, snapshot if use == snapshot.id else use, suppress)
        notifier.send(digest, claim)
        # What it showed, before the run is marked posted (only posted runs count; saving again replaces it).
        save_published_figures(store, claim.record.id, month.index, channel, use, digest.figures)
    except LostClaimError as error:
        return RunOutcome(Outcome.SKIPPED, f"{what}: {error}")
    except UncertainDeliveryError as error:
        claim.ledger.hold(claim, str(error))
        log.warning("%s: held (%s)", what, error)
        return RunOutcome(Outcome.HELD, f"{what}: held, {error}", permanent=True)
    except DeliveryError as error:
        return _failed(claim, what, str(error), error.permanent)
    except (ProfileError, StoreError) as error:
        return _failed(claim, what, str(error), permanent=True)
    except Exception as error:
        _failed(claim, what, f"unexpected {type(error).__name__}: {error}", permanent=False)
        raise
    claim.ledger.finish(claim)
    log.info("%s: posted (run %s)", what, claim.record.id)
    return RunOutcome(Outcome.POSTED, f"{what}: posted")


def _failed(claim: ClaimedRun, what: str, error: str, permanent: bool) -> RunOutcome:
    claim.ledger.fail(claim, error, permanent)
    log.warning("%s: failed (%s)%s", what, error, "" if permanent else "; it will be retried")
    return RunOutcome(Outcome.FAILED, f"{what}: failed, {error}", permanent)
