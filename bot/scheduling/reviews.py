"""Review before publishing: the month's draft to the analysts' channel, then publication on a press of
"Publish", by `missing-report publish`, or at the deadline; or a reminder each working day after it.

Everything the review knows is in the store (digest.store.reviews, and the digest-run ledger for each
post), so a restart picks it up where it was: the scheduler's jobs only look at the store and act.
Publishing is one decision, taken once (a conditional UPDATE); the posts to the managers' destinations
are the ordinary digest runs, each exactly once by the ledger, resumed by the retry job if one fails.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from zoneinfo import ZoneInfo

from bot.chats.slack.blocks import SlackMessage
from bot.chats.slack.client import build_web_client
from bot.chats.slack.notifier import slack_notifier
from bot.chats.slack.reviews import (
    REVIEW_CHANNEL_SETTING,
    DraftRef,
    ReviewChannel,
    render_draft_message,
    render_notice,
    render_preview_message,
    render_reviewed_message,
    render_reviewed_note,
)
from bot.delivery import DeliveryError
from bot.delivery.digests import Outcome, RunOutcome, run_digest
from bot.destinations import DigestDestination
from bot.scheduling.digests import DueDigestJob, digest_trigger, last_fire_time, reported_month
from bot.settings import BOT_TOKEN_ENV, IfNotPublished, SettingError, Settings
from digest.contract.config import Config
from digest.contract.deadlines import add_working_days, describe_time, is_working_day
from digest.figures.periods import Month
from digest.reporting.digests import build_digest
from digest.reporting.profile import ProfileError
from digest.store.digest_runs import DigestLedger, RunState
from digest.store.reviews import PublishedHow, ReviewLedger, ReviewRecord, review_channel_key
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


def describe_publication(review: ReviewRecord, timezone: str) -> str:
    """Who published a review and when, as the draft and the presser are told."""
    assert review.published_at is not None  # only asked of a published review
    when = describe_time(review.published_at, timezone)
    if review.published_how == PublishedHow.DEADLINE:
        return f"Published at the review deadline, {when}: nobody had pressed Publish."
    if review.published_how == PublishedHow.COMMAND:
        return f"Published by {review.published_by} (missing-report publish) at {when}."
    return f"Published by <@{review.published_by}> at {when}."


@dataclass(frozen=True)
class PublishResult:
    """What a publication came to: for the presser or the terminal (reply), and each destination's outcome."""

    reply: str
    outcomes: list[RunOutcome]
    published: bool  # this call took the decision
    refused: bool = False  # there was nothing to publish (no draft), or the store could not be read

    @property
    def failed(self) -> bool:
        return self.refused or any(outcome.state in (Outcome.FAILED, Outcome.HELD) for outcome in self.outcomes)


@dataclass
class ReviewDesk:
    """The review of each due digest: drafts, publication (once), the deadline and reminders.

    The clients and the clock are injected, so tests run it against the fake Slack and a fixed time.
    """

    open_store: Callable[[], SnapshotStore]
    config: Config
    settings: Settings
    destinations: list[DigestDestination]  # the managers': nothing reaches them before publication
    make_channel: Callable[[], ReviewChannel]
    draft_job: DueDigestJob  # posts the draft to the review channel, once, through the digest-run ledger
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)

    @property
    def channel(self) -> str:
        return self.draft_job.channel

    @property
    def timezone(self) -> str:
        return self.settings.schedule.timezone

    def __call__(self, startup: bool = False) -> RunOutcome | None:
        """One scheduler tick: the due month's draft (once), then its deadline (publish, or remind)."""
        fire = last_fire_time(digest_trigger(self.settings.schedule), self.clock())
        if fire is None:
            return None
        month = reported_month(fire)
        if self._posted_without_review(month):
            return None  # review was switched on after this month went out: nothing to draft
        outcome = self.draft_job(startup)
        review = self._record_draft(month)
        if (
            review is not None
            and not review.published
            and self.clock() >= dt.datetime.fromisoformat(review.deadline_at)
        ):
            if self.settings.review.if_not_published == IfNotPublished.PUBLISH:
                self.publish(review.month, PublishedHow.DEADLINE, None)
            else:
                self._remind(review)
        elif review is not None and review.published and review.draft_updated_at is None:
            # Published by a process that stopped before it could say so on the draft.
            self._tell_channel(review, describe_publication(review, self.timezone), [])
        return outcome

    def draft_now(self, month: Month, snapshot: SnapshotInfo | None = None) -> tuple[RunOutcome, ReviewRecord | None]:
        """`digest --month M --review`: month's draft to the review channel at once (once, through the digest-run
        ledger, as the schedule would), and its review opened, with its deadline counted from now."""
        store = self.open_store()
        try:
            notifier = self.draft_job.make_notifier()
            outcome = run_digest(
                store, self.config, month, self.channel, notifier, snapshot, suppress=self.draft_job.suppress
            )
        finally:
            store.close()
        return outcome, self._record_draft(month)

    def _posted_without_review(self, month: Month) -> bool:
        store = self.open_store()
        try:
            if ReviewLedger(store).get(month) is not None:
                return False
            runs = DigestLedger(store)
            return any(
                (run := runs.latest(month, d.channel)) is not None and run.state == RunState.POSTED
                for d in self.destinations
            )
        finally:
            store.close()

    def _record_draft(self, month: Month) -> ReviewRecord | None:
        """The month's review, recorded once its draft is posted (also after a crash between the two)."""
        store = self.open_store()
        try:
            reviews = ReviewLedger(store)
            review = reviews.get(month)
            if review is not None:
                return review
            draft = DigestLedger(store).latest(month, self.channel)
            if draft is None or draft.state != RunState.POSTED:
                return None
            drafted = self.clock()
            deadline = compute_review_deadline(drafted, self.settings)
            channel = self.settings.review.channel or ""
            return reviews.open_review(
                month,
                channel,
                draft.message_ref,
                draft.snapshot_id,
                drafted.isoformat(timespec="seconds"),
                deadline.isoformat(timespec="seconds"),
            )
        finally:
            store.close()

    def _remind(self, review: ReviewRecord) -> None:
        """A reminder in the review channel: at the deadline, then once each working day at the deadline's time."""
        now = self.clock().astimezone(ZoneInfo(self.timezone))
        deadline = dt.datetime.fromisoformat(review.deadline_at).astimezone(now.tzinfo)
        if not is_working_day(now.date()) or (now.date() > deadline.date() and now.time() < deadline.time()):
            return
        store = self.open_store()
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
                self.make_channel().reply(DraftRef.parse(review.draft_ref) if review.draft_ref else None, text, True)
            except DeliveryError as error:
                reviews.release_reminder(review.month, review.reminded_on)
                log.warning("reminder for the %s review not posted: %s", review.month, error)
        finally:
            store.close()

    def publish(self, month: Month, how: PublishedHow, by: str | None) -> PublishResult:
        """Publish the month's reviewed draft to every managers' destination, once, whoever asks how often.

        The decision is recorded first; then each destination's digest run (from the draft's snapshot), the
        draft updated to say who published it, and any failure told in the draft's thread.
        """
        name = month.name
        store = self.open_store()
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
            decided = reviews.decide(month, how, by, self.clock())
            if decided is None:
                already = reviews.get(month)
                assert already is not None  # it was there a moment ago; reviews are never deleted
                return PublishResult(
                    f"The {name} digest was published already. {describe_publication(already, self.timezone)}",
                    [],
                    False,
                )
            log.info("%s digest: published (%s)", name, how)
            outcomes = self._deliver(store, decided)
        except StoreError as error:
            return PublishResult(f"The {name} digest cannot be published: {error}", [], False, refused=True)
        finally:
            store.close()
        note = describe_publication(decided, self.timezone)
        self._tell_channel(decided, note, outcomes)
        return PublishResult(note, outcomes, True)

    def _reviewed_message(self, review: ReviewRecord, note: str) -> SlackMessage:
        """The draft as it stays once published: its figures, the note in place of the buttons."""
        store = self.open_store()
        try:
            digest = build_digest(store, self.config, review.month.index, review.snapshot_id, files=False)
            return render_reviewed_message(digest, note)
        except (StoreError, ProfileError):  # the runs have said why; the draft still says it is published
            return render_reviewed_note(note)
        finally:
            store.close()

    def _deliver(self, store: SnapshotStore, review: ReviewRecord) -> list[RunOutcome]:
        outcomes = []
        for destination in self.destinations:
            try:
                outcome = run_digest(
                    store,
                    self.config,
                    review.month,
                    destination.channel,
                    destination.make_notifier(),
                    review.snapshot_id,
                    suppress=destination.suppress,
                )
            except Exception as error:  # one destination's bug must not keep the digest from the others
                log.error("publishing to %s: unexpected %s", destination.where, type(error).__name__, exc_info=True)
                outcome = RunOutcome(Outcome.FAILED, f"{destination.where}: unexpected {type(error).__name__}")
            outcomes.append(outcome)
        return outcomes

    def _tell_channel(self, review: ReviewRecord, note: str, outcomes: list[RunOutcome]) -> None:
        """The draft says it is published (once: whoever gets there first); a failed destination is told in its
        thread, and the retry job carries on with it."""
        if review.draft_ref is None:
            return
        ref = DraftRef.parse(review.draft_ref)
        channel = self.make_channel()
        store = self.open_store()
        try:
            if ReviewLedger(store).claim_draft_update(review.month):
                try:
                    channel.update_draft(ref, self._reviewed_message(review, note))
                except DeliveryError as error:
                    ReviewLedger(store).release_draft_update(review.month)  # the next tick tries again
                    log.warning("the %s draft was not updated: %s", review.month, error)
        finally:
            store.close()
        failures = [o.message for o in outcomes if o.state in (Outcome.FAILED, Outcome.HELD)]
        if failures:
            every = self.settings.schedule.retry_every_minutes
            text = (
                f"Not everywhere yet: {'; '.join(failures)}. It is tried again every {every} minutes; "
                "`missing-report digest-runs` shows each run."
            )
            try:
                channel.reply(ref, text)
            except DeliveryError as error:
                log.warning("the %s draft's thread was not told of a failure: %s", review.month, error)

    def press_publish(self, month: str, user: str, channel: str) -> str | None:
        """Someone pressed Publish: publish if they may (an answer for them otherwise, or if it was done)."""
        review = self.settings.review
        if not review.may_publish(user) or (not review.publishers and channel != review.channel):
            allowed = ", ".join(f"<@{u}>" for u in sorted(review.publishers)) or f"people in <#{review.channel}>"
            return f"Only {allowed} may publish the digest ([digest] publishers in the config)."
        key = Month.from_key(month)  # only Slack sends them, signed, but a bad one is not a crash
        if key is None:
            return f"{month!r} is not a month this button can publish."
        result = self.publish(key, PublishedHow.BUTTON, user)
        return None if result.published else result.reply

    def preview(self, month: str) -> SlackMessage:
        """The message as it will be published to the managers' Slack channel: the draft's figures, today's comments."""
        key = Month.from_key(month)
        if key is None:
            return render_notice(f"{month!r} is not a month this button can preview.")
        store = self.open_store()
        try:
            review = ReviewLedger(store).get(key)
            snapshot = review.snapshot_id if review else None
            digest = build_digest(store, self.config, key.index, snapshot, self.settings.slack_suppress, files=False)
        finally:
            store.close()
        where = " and ".join(d.where for d in self.destinations) or "the managers"
        link = self.settings.report_link(digest.month)  # as the published message will carry it
        return render_preview_message(replace(digest, report_link=link), where)


def describe_review(settings: Settings) -> str:
    """What `serve` says of the review: who may publish, and what the deadline does."""
    review = settings.review
    who = ", ".join(sorted(review.publishers)) if review.publishers else f"anyone in {review.channel}"
    then = (
        "it is published anyway"
        if review.if_not_published == IfNotPublished.PUBLISH
        else f"a reminder is posted in {review.channel} each working day until someone publishes it"
    )
    return (
        f"Review: {who} may press Publish on the draft; if nobody has published it {review.deadline.describe()} after "
        f"the draft, {then}."
    )


def review_desk(
    settings: Settings,
    config: Config,
    open_store: Callable[[], SnapshotStore],
    destinations: list[DigestDestination],
    clock: Callable[[], dt.datetime] | None = None,
) -> ReviewDesk:
    """The desk for [digest] review_channel, its Slack clients made from the settings."""
    channel = settings.review.channel
    token = settings.bot_token
    if not channel:
        raise SettingError(
            "[digest] review_channel is not set, so no digest waits for review: digests go straight to the managers "
            "(to post one now: missing-report digest --month YYYY-MM --post)"
        )
    if not token:
        raise SettingError(
            f"{REVIEW_CHANNEL_SETTING} needs {BOT_TOKEN_ENV}: drafts are posted to that Slack channel by the bot. "
            'Set it, or set review_channel = "" to publish without review'
        )
    if not destinations:
        raise SettingError(
            f"{REVIEW_CHANNEL_SETTING} is set but there is nowhere to publish to: set SLACK_DIGEST_CHANNEL (or "
            "[slack] digest_channel) to the managers' channel, or a Teams digest webhook"
        )
    now = clock or (lambda: dt.datetime.now(dt.UTC))

    def make_channel() -> ReviewChannel:
        """A client with its own retry deadline, as each notifier has."""
        client = build_web_client(token, settings.api_url, time.monotonic() + settings.deadline_seconds)
        return ReviewChannel(client, channel)

    draft = DueDigestJob(
        open_store,
        config,
        settings.schedule,
        review_channel_key(channel),
        partial(slack_notifier, settings, channel, render_draft_message, REVIEW_CHANNEL_SETTING),
        now,
    )
    return ReviewDesk(open_store, config, settings, destinations, make_channel, draft, now)
