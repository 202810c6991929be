"""Publishing a month's digest: to each destination exactly once (claim it in the ledger, build it, send it, record
it), each in turn, a failure at one not keeping it from the others. `digest --post`, the scheduler's due-digest
jobs and the review desk's publication all run it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from bot.chat import DigestDestination
from bot.delivery import DeliveryError, Notifier, UncertainDeliveryError
from bot.settings import Settings
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

    @property
    def failed(self) -> bool:
        """Not there, or not known to be: what makes a command exit 1 and the review's thread be told."""
        return self.state in (Outcome.FAILED, Outcome.HELD)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class DigestContext:
    """What publishing a digest needs: the store (opened per use), the config, the settings, the managers'
    destinations, and the clock (injected, so that tests run at a fixed time)."""

    open_store: Callable[[], SnapshotStore]
    config: Config
    settings: Settings
    destinations: list[DigestDestination] = field(default_factory=list)
    clock: Callable[[], dt.datetime] = utc_now


def publish_digest(
    context: DigestContext,
    store: SnapshotStore,
    month: Month,
    snapshot: SnapshotInfo | int | None = None,
    force: bool = False,
    suppress: bool = False,
) -> list[RunOutcome]:
    """month's digest to every destination of context, each in turn and each once (force: again); snapshot is the
    one to show (looked up once for all); suppress applies disclosure control everywhere, on top of each
    destination's own."""
    outcomes = []
    for destination in context.destinations:
        try:
            outcome = run_digest(
                store,
                context.config,
                month,
                destination.channel,
                destination.make_notifier(),
                snapshot,
                force,
                suppress=suppress or destination.suppress,
            )
        except Exception as error:  # one destination's bug must not keep the digest from the others
            log.error("publishing to %s: unexpected %s", destination.where, type(error).__name__, exc_info=True)
            outcome = RunOutcome(Outcome.FAILED, f"{destination.where}: unexpected {type(error).__name__}")
        outcomes.append(outcome)
    return outcomes


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
