"""Review before publishing: the month's draft to the one platform's review channel (bot.chat.ReviewChannel), then
publication on a press of "Publish", by `missing-report publish`, or at the deadline; or a reminder each working
day after it.

Everything the review knows is in the store (digest.store.reviews, and the digest-run ledger for each post), so a
restart picks it up where it was: the scheduler's tick (bot.scheduling.reviews) only looks at the store and asks
the desk to act. Publishing is one decision, taken once (a conditional UPDATE); the posts to the managers'
destinations are the ordinary digest runs (bot.services.digests), each exactly once by the ledger, resumed by the
retry job if one fails. The desk knows no chat platform: it is given the review channel of the one platform whose
review is set up, and who may press Publish is that platform's to check.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from bot.chat import DigestDestination, NamesPressers, NamesPublishers, ReviewChannel
from bot.delivery import DeliveryError
from bot.platforms import PLATFORMS
from bot.services.digests import DigestContext, RunOutcome, publish_digest, run_digest, utc_now
from bot.settings import IfNotPublished, SettingError, Settings
from digest.contract.config import Config
from digest.contract.deadlines import add_working_days, describe_time, is_working_day
from digest.figures.periods import Month
from digest.reporting.content import Digest
from digest.reporting.digests import build_digest
from digest.reporting.profile import ProfileError
from digest.store.digest_runs import DigestLedger, RunState
from digest.store.reviews import REVIEW_CHANNEL_PREFIX, PublishedHow, ReviewLedger, ReviewRecord
from digest.store.snapshots import SnapshotInfo, SnapshotStore, StoreError

log = logging.getLogger(__name__)


def compute_review_deadline(drafted: dt.datetime, settings: Settings) -> dt.datetime:
    """When the draft's review ends: N working days later at the same clock time (bank holidays skipped), or N hours."""
    rule = settings.review.deadline
    if rule.unit == "hours":
        return drafted + dt.timedelta(hours=rule.amount)
    local = drafted.astimezone(ZoneInfo(settings.schedule.timezone))
    day = add_working_days(local.date(), rule.amount)
    return dt.datetime.combine(day, local.time(), local.tzinfo).astimezone(dt.UTC)


def describe_publication(review: ReviewRecord, timezone: str, name_presser: Callable[[str], str] = str) -> str:
    """Who published a review and when, as the draft and the presser are told; name_presser names a presser of
    Publish as their platform records them (Slack: the user ID, named <@U0123>)."""
    assert review.published_at is not None  # only asked of a published review
    when = describe_time(review.published_at, timezone)
    if review.published_how == PublishedHow.DEADLINE:
        return f"Published at the review deadline, {when}: nobody had pressed Publish."
    if review.published_how == PublishedHow.COMMAND:
        return f"Published by {review.published_by} (missing-report publish) at {when}."
    return f"Published by {name_presser(review.published_by or '')} at {when}."


@dataclass(frozen=True)
class PublishResult:
    """What a publication came to: for the presser or the terminal (reply), and each destination's outcome."""

    reply: str
    outcomes: list[RunOutcome]
    published: bool  # this call took the decision
    refused: bool = False  # there was nothing to publish (no draft), or the store could not be read

    @property
    def failed(self) -> bool:
        return self.refused or any(outcome.failed for outcome in self.outcomes)


@dataclass(frozen=True)
class ReviewDesk:
    """The review of each due digest: drafts, publication (once), the deadline and reminders.

    The store, the clock (in context) and the review channel are injected, so tests run it against a fake
    platform and a fixed time.
    """

    context: DigestContext  # its destinations are the managers': nothing reaches them before publication
    channel: ReviewChannel

    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def timezone(self) -> str:
        return self.settings.schedule.timezone

    def describe_publication(self, review: ReviewRecord) -> str:
        return describe_publication(review, self.timezone, name_pressers(self.channel))

    def follow_up(self, month: Month) -> None:
        """After the scheduler's tick has posted the month's draft (or found it posted): its review recorded, then
        at the deadline publication or a reminder; a publication not yet said on the draft is said there."""
        review = self.record_draft(month)
        if review is None:
            return
        if not review.published and self.context.clock() >= dt.datetime.fromisoformat(review.deadline_at):
            if self.settings.review.if_not_published == IfNotPublished.PUBLISH:
                self.publish(review.month, PublishedHow.DEADLINE, None)
            else:
                self._remind(review)
        elif review.published and review.draft_updated_at is None:
            # Published by a process that stopped before it could say so on the draft.
            self._tell_channel(review, self.describe_publication(review), [])

    def draft_now(
        self, month: Month, snapshot: SnapshotInfo | None = None, force: bool = False
    ) -> tuple[RunOutcome, ReviewRecord | None]:
        """`digest --month M --review`: month's draft to the review channel at once (once, through the digest-run
        ledger, as the schedule would; again with force, for a draft held as perhaps posted), and its review opened,
        with its deadline counted from now."""
        store = self.context.open_store()
        try:
            notifier = self.channel.make_draft_notifier()
            outcome = run_digest(
                store,
                self.context.config,
                month,
                self.channel.key,
                notifier,
                snapshot,
                force,
                suppress=self.channel.suppress,
            )
        finally:
            store.close()
        return outcome, self.record_draft(month)

    def posted_without_review(self, month: Month) -> bool:
        """The month went to the managers before review was switched on: nothing to draft."""
        store = self.context.open_store()
        try:
            if ReviewLedger(store).get(month) is not None:
                return False
            runs = DigestLedger(store)
            return any(
                (run := runs.latest(month, d.channel)) is not None and run.state == RunState.POSTED
                for d in self.context.destinations
            )
        finally:
            store.close()

    def record_draft(self, month: Month) -> ReviewRecord | None:
        """The month's review, recorded once its draft is posted (also after a crash between the two)."""
        store = self.context.open_store()
        try:
            reviews = ReviewLedger(store)
            review = reviews.get(month)
            if review is not None:
                return review
            draft = DigestLedger(store).latest(month, self.channel.key)
            if draft is None or draft.state != RunState.POSTED:
                return None
            drafted = self.context.clock()
            deadline = compute_review_deadline(drafted, self.settings)
            return reviews.open_review(
                month,
                self.channel.key.removeprefix(REVIEW_CHANNEL_PREFIX),  # "C0123": what digest-runs shows
                draft.message_ref,
                draft.snapshot_id,
                drafted.isoformat(timespec="seconds"),
                deadline.isoformat(timespec="seconds"),
            )
        finally:
            store.close()

    def _remind(self, review: ReviewRecord) -> None:
        """A reminder in the review channel: at the deadline, then once each working day at the deadline's time."""
        now = self.context.clock().astimezone(ZoneInfo(self.timezone))
        deadline = dt.datetime.fromisoformat(review.deadline_at).astimezone(now.tzinfo)
        if not is_working_day(now.date()) or (now.date() > deadline.date() and now.time() < deadline.time()):
            return
        store = self.context.open_store()
        try:
            reviews = ReviewLedger(store)
            if not reviews.claim_reminder(review.month, now.date()):
                return
            name = review.month.name
            text = (
                f"Reminder: the {name} digest is still a draft and the managers have not had it. Its review "
                f"deadline was {describe_time(deadline, self.timezone)}. Press Publish on the draft, or run "
                f"`missing-report publish --month {review.month}`."
            )
            try:
                self.channel.reply(review.draft_ref, text, True)
            except DeliveryError as error:
                reviews.release_reminder(review.month, review.reminded_on)
                log.warning("reminder for the %s review not posted: %s", review.month, error)
        finally:
            store.close()

    def publish(self, month: Month, how: PublishedHow, by: str | None) -> PublishResult:
        """Publish the month's reviewed draft to every managers' destination, once, whoever asks how often; by is
        who asked, as their platform records them (None at the deadline).

        The decision is recorded first; then each destination's digest run (from the draft's snapshot), the
        draft updated to say who published it, and any failure told in the draft's thread.
        """
        name = month.name
        store = self.context.open_store()
        try:
            reviews = ReviewLedger(store)
            review = reviews.get(month)
            if review is None:
                return PublishResult(
                    f"No draft of the {name} digest has been sent for review, so there is nothing to publish. "
                    f"To post it without review: missing-report digest --month {month} --post",
                    [],
                    False,
                    refused=True,
                )
            decided = reviews.decide(month, how, by, self.context.clock())
            if decided is None:
                already = reviews.get(month)
                assert already is not None  # it was there a moment ago; reviews are never deleted
                return PublishResult(
                    f"The {name} digest was published already. {self.describe_publication(already)}", [], False
                )
            log.info("%s digest: published (%s)", name, how)
            outcomes = publish_digest(self.context, store, decided.month, decided.snapshot_id)
        except StoreError as error:
            return PublishResult(f"The {name} digest cannot be published: {error}", [], False, refused=True)
        finally:
            store.close()
        note = self.describe_publication(decided)
        self._tell_channel(decided, note, outcomes)
        return PublishResult(note, outcomes, True)

    def _published_figures(self, review: ReviewRecord) -> Digest | None:
        """The draft's figures again, for the draft as it stays once published; None when they cannot be read."""
        store = self.context.open_store()
        try:
            return build_digest(store, self.context.config, review.month.index, review.snapshot_id, files=False)
        except (StoreError, ProfileError):  # the runs have said why; the draft still says it is published
            return None
        finally:
            store.close()

    def _tell_channel(self, review: ReviewRecord, note: str, outcomes: list[RunOutcome]) -> None:
        """The draft says it is published (once: whoever gets there first); a failed destination is told in its
        thread, and the retry job carries on with it."""
        if review.draft_ref is None:
            return
        store = self.context.open_store()
        try:
            if ReviewLedger(store).claim_draft_update(review.month):
                try:
                    self.channel.update_draft(review.draft_ref, self._published_figures(review), note)
                except DeliveryError as error:
                    ReviewLedger(store).release_draft_update(review.month)  # the next tick tries again
                    log.warning("the %s draft was not updated: %s", review.month, error)
        finally:
            store.close()
        failures = [o.message for o in outcomes if o.failed]
        if failures:
            every = self.settings.schedule.retry_every_minutes
            text = (
                f"Not everywhere yet: {'; '.join(failures)}. It is tried again every {every} minutes; "
                "`missing-report digest-runs` shows each run."
            )
            try:
                self.channel.reply(review.draft_ref, text)
            except DeliveryError as error:
                log.warning("the %s draft's thread was not told of a failure: %s", review.month, error)

    def preview(self, month: Month) -> object:
        """The message as it will be published: the draft's figures, today's comments, in the review channel's
        mark-up (None where the platform has no preview). It shows the first managers' destination's disclosure
        control (Slack's, when Slack is one: the registry's order)."""
        store = self.context.open_store()
        try:
            review = ReviewLedger(store).get(month)
            snapshot = review.snapshot_id if review else None
            suppress = self.context.destinations[0].suppress if self.context.destinations else False
            digest = build_digest(store, self.context.config, month.index, snapshot, suppress, files=False)
        finally:
            store.close()
        where = " and ".join(d.where for d in self.context.destinations) or "the managers"
        link = self.settings.report_link(digest.month)  # as the published message will carry it
        return self.channel.render_preview(replace(digest, report_link=link), where)


def describe_review(settings: Settings, channel: ReviewChannel) -> str:
    """What `serve` says of the review: who may publish, and what the deadline does."""
    review = settings.review
    place = review.channel or channel.where  # Slack's channel ID, as serve has always said it; else the platform's
    who = ", ".join(sorted(review.publishers)) if review.publishers else f"anyone in {place}"
    if isinstance(channel, NamesPublishers):
        who = channel.describe_publishers()
    then = (
        "it is published anyway"
        if review.if_not_published == IfNotPublished.PUBLISH
        else f"a reminder is posted in {place} each working day until someone publishes it"
    )
    return (
        f"Review: {who} may press Publish on the draft; if nobody has published it {review.deadline.describe()} after "
        f"the draft, {then}."
    )


def find_review_channel(settings: Settings) -> ReviewChannel:
    """The review channel of the one platform that has one set up.

    Raises:
        SettingError: none is set up, or two are.
    """
    found = [(platform.name, channel) for platform in PLATFORMS if (channel := platform.review_channel(settings))]
    if not found:
        raise SettingError(
            "[digest] review_channel is not set, so no digest waits for review: digests go straight to the managers "
            "(to post one now: missing-report digest --month YYYY-MM --post)"
        )
    if len(found) > 1:
        named = " and ".join(f"{name} ({channel.where})" for name, channel in found)
        raise SettingError(
            f"drafts wait for review in one place, but review channels are set up in {named}: unset one platform's "
            "review channel setting"
        )
    return found[0][1]


def name_pressers(channel: ReviewChannel) -> Callable[[str], str]:
    """How channel names a presser of Publish as its platform passed them: its own way, or as the text they are."""
    return channel.name_presser if isinstance(channel, NamesPressers) else str


def find_presser_names(settings: Settings) -> Callable[[str], str] | None:
    """How the review channel set up names the pressers it recorded; None when none is set up (or it cannot be made
    now: `digest-runs` still lists the reviews)."""
    try:
        return name_pressers(find_review_channel(settings))
    except SettingError:
        return None


def review_desk(
    settings: Settings,
    config: Config,
    open_store: Callable[[], SnapshotStore],
    destinations: list[DigestDestination],
    clock: Callable[[], dt.datetime] | None = None,
) -> ReviewDesk:
    """The desk for the review channel set up (one platform's), publishing to destinations."""
    channel = find_review_channel(settings)
    if not destinations:
        ways = ", or ".join(platform.describe_set_up(settings) for platform in PLATFORMS)
        raise SettingError(
            f"drafts wait for review in {channel.where}, but there is nowhere to publish them to: set {ways}"
        )
    return ReviewDesk(DigestContext(open_store, config, settings, destinations, clock or utc_now), channel)
