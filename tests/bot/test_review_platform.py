"""The review desk knows no chat platform: a fake "memo" platform, registered only here, hosts the review through
bot.chat.ReviewChannel alone. It gets the draft from the scheduler's tick and from `digest --review`, the draft's
update once published (by a press, or by `missing-report publish`) and a failed destination told in its thread,
with no edit outside this module. The managers' digest goes to the fake Slack, as it would in production."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.chat import ReviewChannel
from bot.cli.digests import list_reviews
from bot.delivery import DeliveryError, DeliveryProgress, Notifier
from bot.destinations import scheduled_destinations
from bot.scheduling.digests import due_digest_jobs
from bot.scheduling.plan import plan_digests
from bot.services.reviews import describe_publication, find_presser_names, review_desk
from bot.settings import ReviewSettings, SettingError, Settings, read_environment
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.reporting.content import Digest
from digest.store.digest_runs import DigestLedger
from digest.store.reviews import PublishedHow, ReviewLedger, ReviewRecord
from digest.store.snapshots import open_store
from tests.bot.registered_platforms import QuietPlatform, register_platform
from tests.cli_runner import run_cli
from tests.fake_slack import CHANNEL, FakeSlack

MEMO_ENV = "MISSING_REPORT_MEMO_REVIEW"  # the memo platform's review is set up when this is set
LONDON = ZoneInfo("Europe/London")
DUE = dt.datetime(2019, 7, 10, 9, 0, tzinfo=LONDON)  # Wednesday: the June digest falls due
JUNE = Month.parse("2019-06")
TITLE = "Children missing from home or care: June 2019"


@dataclass
class MemoChannel:
    """A review channel that keeps what it is given: the drafts, their updates and the lines in their threads."""

    key: str = "review:memo"
    where: str = "the memo review room"
    suppress: bool = False
    drafts: list[Digest] = field(default_factory=list)
    updates: list[tuple[str, str | None, str]] = field(default_factory=list)  # ref, the figures' title, note
    replies: list[tuple[str | None, str, bool]] = field(default_factory=list)
    failing_updates: int = 0  # the next so many updates fail, as a platform that is down would

    def make_draft_notifier(self) -> Notifier:
        return MemoDraftNotifier(self)

    def update_draft(self, ref: str, digest: Digest | None, note: str) -> None:
        if self.failing_updates:
            self.failing_updates -= 1
            raise DeliveryError("the memo room is down", permanent=False)
        self.updates.append((ref, digest.title if digest else None, note))

    def reply(self, ref: str | None, text: str, broadcast: bool = False) -> None:
        self.replies.append((ref, text, broadcast))

    def render_preview(self, digest: Digest, where: str) -> object:
        return f"{digest.title}, as it will go to {where}"


@dataclass
class MemoDraftNotifier:
    channel: MemoChannel

    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        progress.record_post_attempt()
        self.channel.drafts.append(digest)
        progress.record_message(f"memo-{len(self.channel.drafts)}")


@dataclass
class MemoPlatform(QuietPlatform):
    """A chat platform that only hosts the review: no digests, alerts, questions or doctor lines of its own."""

    channel: MemoChannel = field(default_factory=MemoChannel)
    name: str = "memo"
    setting: str = MEMO_ENV

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        return self.channel if read_environment().get(MEMO_ENV) else None


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoPlatform]:
    """The memo platform, registered for one test only."""
    with register_platform(MemoPlatform(), monkeypatch, MEMO_ENV, "on") as platform:
        yield platform


def test_the_scheduler_drafts_to_the_memo_platform_and_a_press_publishes_to_the_managers(
    memo: MemoPlatform,
    reference_db: Path,
    config: Config,
    settings: Settings,
    slack: FakeSlack,
    tmp_path: Path,
    slack_env: dict[str, str],
) -> None:
    _, lines, _ = plan_digests(settings, config, partial(open_store, reference_db))
    assert lines == [
        "Serving: the previous month's digest goes first as a draft to the memo review room for review, then to "
        "Slack channel C0DIGEST on day 10 at 09:00 Europe/London; a digest not yet posted is tried every 15 minutes.",
        "Review: anyone in the memo review room may press Publish on the draft; if nobody has published it 2 working "
        "days after the draft, a reminder is posted in the memo review room each working day until someone "
        "publishes it.",
    ]
    now = DUE.astimezone(dt.UTC)
    open_now = partial(open_store, reference_db)
    desk = review_desk(settings, config, open_now, scheduled_destinations(settings), lambda: now)
    tick = due_digest_jobs(open_now, config, settings.schedule, desk.context.destinations, desk)
    for job in tick.jobs:
        job.clock = lambda: now  # type: ignore[attr-defined]  # the managers' job reads the same fixed time
    tick(startup=True)
    tick()
    assert [draft.title for draft in memo.channel.drafts] == [TITLE]  # once, however often the tick comes
    assert slack.messages == []  # nothing to the managers before publication
    assert desk.preview(JUNE) == f"{TITLE}, as it will go to Slack channel C0DIGEST"
    result = desk.publish(JUNE, PublishedHow.BUTTON, "Jane Smith")
    note = "Published by Jane Smith at 09:00 on Wednesday 10 July 2019."
    assert (result.reply, result.published, result.failed) == (note, True, False)
    assert [m["channel"] for m in slack.messages if not m.get("thread_ts")] == [CHANNEL]
    assert memo.channel.updates == [("memo-1", TITLE, note)]
    assert memo.channel.replies == []
    again = desk.publish(JUNE, PublishedHow.BUTTON, "Sam Lee")
    assert (again.reply, again.published) == (f"The June 2019 digest was published already. {note}", False)
    with open_now() as store:
        runs = [(r.channel, r.state) for r in DigestLedger(store).list_runs()]
        review = ReviewLedger(store).get(JUNE)
    assert runs == [("review:memo", "posted"), (CHANNEL, "posted")]
    assert review is not None
    assert (review.channel, review.draft_ref, review.published_by) == ("memo", "memo-1", "Jane Smith")
    listed = run_cli("--db", str(reference_db), "digest-runs", cwd=tmp_path, env={**slack_env, MEMO_ENV: "on"})
    assert listed.stdout.splitlines()[-1] == (
        "  2019-06  draft in memo at 09:00 on Wednesday 10 July 2019, deadline 09:00 on Friday 12 July 2019: "
        "published by Jane Smith (button) at 09:00 on Wednesday 10 July 2019"
    )


def test_a_failed_destination_is_told_in_the_memo_drafts_thread_and_a_failed_update_is_made_by_the_next_tick(
    memo: MemoPlatform, reference_db: Path, config: Config, settings: Settings
) -> None:
    nowhere = FakeSlack(channels=()).start()  # the managers' channel is missing: Slack refuses the digest
    try:
        managers = replace(settings, api_url=nowhere.base_url)
        now = DUE.astimezone(dt.UTC)
        open_now = partial(open_store, reference_db)
        desk = review_desk(managers, config, open_now, scheduled_destinations(managers), lambda: now)
        outcome, opened = desk.draft_now(JUNE)
        assert outcome.message == "June 2019 digest for review:memo: posted"
        assert opened is not None
        assert opened.deadline_at == "2019-07-12T08:00:00+00:00"  # two working days
        memo.channel.failing_updates = 1
        result = desk.publish(JUNE, PublishedHow.COMMAND, "priya.shah")
    finally:
        nowhere.stop()
    note = "Published by priya.shah (missing-report publish) at 09:00 on Wednesday 10 July 2019."
    assert (result.reply, result.failed) == (note, True)
    [failure] = result.outcomes
    assert failure.message.startswith("June 2019 digest for C0DIGEST: failed, Slack cannot post to channel C0DIGEST")
    assert memo.channel.replies == [
        (
            "memo-1",
            f"Not everywhere yet: {failure.message}. It is tried again every 15 minutes; `missing-report digest-runs` "
            "shows each run.",
            False,
        )
    ]
    assert memo.channel.updates == []  # the memo room was down: left for the next tick
    desk.follow_up(JUNE)
    assert memo.channel.updates == [("memo-1", TITLE, note)]
    desk.follow_up(JUNE)
    assert len(memo.channel.updates) == 1  # once


def test_digest_review_and_publish_on_the_command_line_use_the_memo_platforms_review(
    memo: MemoPlatform, reference_db: Path, tmp_path: Path, slack_env: dict[str, str], slack: FakeSlack
) -> None:
    env = {**slack_env, MEMO_ENV: "on"}
    drafted = run_cli("--db", str(reference_db), "digest", "--month", "June 2019", "--review", cwd=tmp_path, env=env)
    assert (drafted.returncode, drafted.stdout) == (
        0,
        "June 2019 digest for review:memo: posted\n"
        "Draft for review in the memo review room: publish it with its Publish button, or missing-report publish "
        "--month 2019-06.\n",
    ), drafted.stderr
    assert [draft.title for draft in memo.channel.drafts] == [TITLE]
    assert slack.messages == []
    published = run_cli(
        "--db", str(reference_db), "publish", "--month", "June", "--by", "priya.shah", cwd=tmp_path, env=env
    )
    assert published.returncode == 0, published.stderr
    reply, posted = published.stdout.splitlines()
    assert reply.startswith("Published by priya.shah (missing-report publish) at ")
    assert posted == "June 2019 digest for C0DIGEST: posted"
    assert memo.channel.updates == [("memo-1", TITLE, reply)]
    assert [m["channel"] for m in slack.messages if not m.get("thread_ts")] == [CHANNEL]


def test_two_platforms_with_a_review_channel_are_refused_naming_both(
    memo: MemoPlatform, reference_db: Path, config: Config, settings: Settings
) -> None:
    both = replace(settings, review=ReviewSettings("C0REVIEW"))
    with pytest.raises(SettingError) as refused:
        review_desk(both, config, partial(open_store, reference_db), scheduled_destinations(both))
    assert str(refused.value) == (
        "drafts wait for review in one place, but review channels are set up in slack (Slack channel C0REVIEW) and "
        "memo (the memo review room): unset one platform's review channel setting"
    )


def test_with_a_review_channel_but_nowhere_to_publish_the_desk_says_where_to_set_one(
    memo: MemoPlatform, reference_db: Path, config: Config, settings: Settings
) -> None:
    with pytest.raises(SettingError) as refused:
        review_desk(settings, config, partial(open_store, reference_db), [])
    assert str(refused.value) == (
        "drafts wait for review in the memo review room, but there is nowhere to publish them to: set "
        "SLACK_BOT_TOKEN and SLACK_DIGEST_CHANNEL for Slack, or TEAMS_DIGEST_WEBHOOK_URL for Teams, or "
        f"{MEMO_ENV} for Memo"
    )


def test_a_slack_press_stored_as_its_user_id_is_named_as_before_with_slacks_review_channel_or_none(
    settings: Settings,
) -> None:
    pressed = ReviewRecord(
        JUNE, "C0REVIEW", "C0REVIEW:1.2", 1, "2019-07-10T08:00:00+00:00", "2019-07-12T08:00:00+00:00",
        "2019-07-10T08:00:00+00:00", "U0ANALYST", PublishedHow.BUTTON, None, 0, None,
    )  # fmt: skip
    note = "Published by <@U0ANALYST> at 09:00 on Wednesday 10 July 2019."
    slack_review = find_presser_names(replace(settings, review=ReviewSettings("C0REVIEW")))
    assert describe_publication(pressed, "Europe/London", slack_review or str) == note
    state = "published by <@U0ANALYST> (button) at 09:00 on Wednesday 10 July 2019"
    for name_presser in (slack_review, find_presser_names(settings)):  # Slack's review channel, or none set up
        assert list_reviews([pressed], "Europe/London", name_presser)[1].endswith(state)
