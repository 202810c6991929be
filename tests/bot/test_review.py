"""Review before publishing, over the fake Slack: the draft to the analysts' channel, Publish pressed by signed
block_actions requests to the app served over HTTP, the deadline, reminders and restarts, with real APScheduler."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import re
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.platform import compute_slack_access
from bot.chats.slack.requests import RequestGuard, audit_refusals
from bot.chats.slack.reviews import SlackReviewButtons
from bot.destinations import DigestDestination, slack_destination
from bot.scheduling.digests import DueDigestJobs, due_digest_jobs
from bot.scheduling.plan import plan_digests
from bot.server import EVENTS_PATH, HttpServer, add_slack_route, build_web_app, create_http_server
from bot.services.reviews import ReviewDesk, review_desk
from bot.settings import IfNotPublished, ReviewSettings, Settings
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.lookups.service import LookupService
from digest.store.digest_runs import DigestLedger, Skipped
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.reviews import PublishedHow, ReviewLedger
from digest.store.snapshots import open_store
from tests.bot.scheduled_runs import run_scheduler_until_catch_up
from tests.bot.slack_questions import form_values
from tests.cli_runner import run_cli
from tests.fake_slack import (
    CHANNEL,
    GOOD_TOKEN,
    FakeSlack,
    block_actions_request,
    view_submission_request,
    wait_until,
)

SECRET = "test-signing-secret"
REVIEW = "C0REVIEW"
LONDON = ZoneInfo("Europe/London")
DUE = dt.datetime(2019, 7, 10, 9, 0, tzinfo=LONDON)  # Wednesday: the June digest falls due
DEADLINE = dt.datetime(2019, 7, 12, 9, 0, tzinfo=LONDON)  # two working days later, Friday
JUNE = Month.parse("2019-06")


class Clock:
    """The time the desk and the jobs read: moved on by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now.astimezone(dt.UTC)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack(channels=(CHANNEL, REVIEW)).start()
    yield fake
    fake.stop()


def reviewing(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, review=ReviewSettings(REVIEW, **changes))


@dataclass
class Desk:
    """A running review: the desk, the scheduler's tick for every destination, and the app over HTTP."""

    desk: ReviewDesk
    tick: DueDigestJobs
    clock: Clock
    url: str
    server: HttpServer
    db: Path


def start_desk(
    db: Path, config: Config, settings: Settings, slack: FakeSlack, clock: Clock, managers: list[DigestDestination]
) -> Desk:
    """What `serve` starts with [digest] review_channel: the desk and its jobs, and the app with the draft's buttons."""
    open_now = partial(open_store, db)
    desk = review_desk(settings, config, open_now, managers, clock)
    tick = due_digest_jobs(open_now, config, settings.schedule, managers, desk)
    for job in tick.jobs:
        job.clock = clock  # type: ignore[attr-defined]  # the managers' jobs read the same fixed time
    service = LookupService(open_now, config, compute_slack_access(settings))
    client = WebClient(token=GOOD_TOKEN, base_url=slack.base_url)
    app = build_app(service, "/missing", SECRET, client, reviews=SlackReviewButtons(desk, settings.review))
    web = build_web_app()
    add_slack_route(web, app, RequestGuard(SECRET, RecentKeys(recent_keys_path(db))), audit_refusals(service))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    return Desk(desk, tick, clock, f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}", server, db)


@pytest.fixture
def running(reference_db: Path, config: Config, settings: Settings, slack: FakeSlack) -> Iterator[Desk]:
    review = reviewing(settings)
    desk = start_desk(reference_db, config, review, slack, Clock(DUE), [slack_destination(review)])
    yield desk
    desk.server.close()


def posts(slack: FakeSlack, channel: str) -> list[dict[str, Any]]:
    """Top-level messages in a channel (not thread replies)."""
    return [m for m in slack.messages if m["channel"] == channel and not m.get("thread_ts")]


def replies(slack: FakeSlack, channel: str) -> list[str]:
    return [m["text"] for m in slack.messages if m["channel"] == channel and m.get("thread_ts")]


def press(url: str, slack: FakeSlack, action: str, user: str = "U0ANALYST", channel: str = REVIEW) -> float:
    """Press a draft's button as Slack sends it; the seconds the app took to answer."""
    request = block_actions_request(url, SECRET, action, "2019-06", slack.response_url, user, channel)
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    return time.monotonic() - started


def blocks_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = message["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def test_the_draft_goes_to_the_review_channel_with_a_preview_and_nothing_to_the_managers(
    running: Desk, slack: FakeSlack
) -> None:
    running.tick(startup=True)
    [draft] = posts(slack, REVIEW)
    blocks = blocks_of(draft)
    assert blocks[0]["text"]["text"] == "DRAFT: Children missing from home or care: June 2019"
    assert blocks[1]["text"]["text"].startswith(":memo: *DRAFT for review: not published.*")
    assert draft["text"].startswith("DRAFT for review, not published. Children missing from home or care: June 2019.")
    buttons = blocks[-1]["elements"]
    assert [(b["text"]["text"], b["action_id"], b["value"]) for b in buttons] == [
        ("Add comment", "comment_open", "2019-06"),
        ("Preview", "digest_preview", "2019-06"),
        ("Publish", "digest_publish", "2019-06"),
    ]
    # The whole digest: its charts and the table go in the draft's thread.
    assert {c["thread_ts"] for c in slack.completions} == {draft["ts"]}
    assert any(f["filename"] == "missing-report-2019-06.xlsx" for f in slack.completed_files())
    # Retry ticks through the day: no second draft, and still nothing to the managers.
    running.clock.now = DUE + dt.timedelta(hours=3)
    running.tick()
    running.tick(startup=True)
    assert len(posts(slack, REVIEW)) == 1
    assert posts(slack, CHANNEL) == []
    store = open_store(running.db)
    assert [(r.month.key, r.channel, r.state) for r in DigestLedger(store).list_runs()] == [
        ("2019-06", "review:C0REVIEW", "posted")
    ]
    store.close()
    # Preview: the message as the managers will get it, to the presser only.
    draft_text = posts(slack, REVIEW)[0]["text"]
    press(running.url, slack, "digest_preview")
    assert wait_until(lambda: len(slack.responses) == 1, 30)
    [preview] = slack.responses
    assert (preview["response_type"], preview["replace_original"]) == ("ephemeral", False)
    assert preview["blocks"][0]["elements"][0]["text"] == (
        "Preview, only you see this: the digest as it will be posted to Slack channel C0DIGEST."
    )
    assert preview["blocks"][1]["text"]["text"] == "Children missing from home or care: June 2019"
    assert preview["text"] == draft_text.removeprefix("DRAFT for review, not published. ")
    assert posts(slack, CHANNEL) == []
    assert review_of(running.db).published_at is None


def test_a_comment_added_from_the_draft_is_in_the_preview_and_the_published_digest(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    # Questions are limited to another channel: the review channel may still comment on its draft.
    limited = replace(settings, slash=replace(settings.slash, allowed_channels=frozenset({"C0PERF"})))
    review = reviewing(limited)
    running = start_desk(reference_db, config, review, slack, Clock(DUE), [slack_destination(review)])
    try:
        running.tick(startup=True)
        press(running.url, slack, "comment_open")
        assert wait_until(lambda: len(slack.views) == 1, 10)
        view = slack.views[0]["view"]
        assert view["title"]["text"] == "Comment, June 2019"
        text = "RHI completion fell because two workers were on leave."
        request = view_submission_request(running.url, SECRET, view, form_values("5", text))
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        press(running.url, slack, "digest_preview")
        assert wait_until(lambda: len(slack.responses) == 1, 30)
        comment = f":speech_balloon: *Comment on section 5, Return Home Interviews*\n{text}\n_analyst, "
        assert any(b.get("text", {}).get("text", "").startswith(comment) for b in slack.responses[0]["blocks"])
        assert posts(slack, CHANNEL) == []
        press(running.url, slack, "digest_publish")
        assert wait_until(lambda: len(posts(slack, CHANNEL)) == 1, 30)
        [published] = posts(slack, CHANNEL)
        assert any(b.get("text", {}).get("text", "").startswith(comment) for b in blocks_of(published))
        assert wait_until(lambda: len(slack.updates) == 1, 30)  # the draft says so once the charts are up too
    finally:
        running.server.close()


def review_of(db: Path) -> Any:
    store = open_store(db)
    try:
        return ReviewLedger(store).get(JUNE)
    finally:
        store.close()


PUBLISHED_NOTE = "Published by <@U0ANALYST> at 09:00 on Wednesday 10 July 2019."


def test_publish_posts_once_to_the_managers_however_often_it_is_pressed(running: Desk, slack: FakeSlack) -> None:
    running.tick(startup=True)
    [draft] = posts(slack, REVIEW)
    draft_text = draft["text"]
    assert posts(slack, CHANNEL) == []
    # Two people press Publish at once, while Slack is slow to take the managers' message.
    release = slack.hold("chat.postMessage")
    seconds: list[float] = []
    presses = [
        threading.Thread(target=lambda user=user: seconds.append(press(running.url, slack, "digest_publish", user)))
        for user in ("U0ANALYST", "U0SENIOR1")
    ]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join()
    assert slack.wait_held("chat.postMessage")
    assert len(seconds) == 2
    assert max(seconds) < 1.0  # both answered well inside Slack's 3 s, before the digest is posted
    assert posts(slack, CHANNEL) == []
    release.set()
    assert wait_until(lambda: len(slack.updates) == 1 and len(slack.responses) == 1, 30)
    [published] = posts(slack, CHANNEL)
    assert blocks_of(published)[0]["text"]["text"] == "Children missing from home or care: June 2019"
    assert published["text"] == draft_text.removeprefix("DRAFT for review, not published. ")
    winner = review_of(running.db).published_by
    note = f"Published by <@{winner}> at 09:00 on Wednesday 10 July 2019."
    [update] = slack.updates
    assert (update["channel"], update["ts"]) == (REVIEW, draft["ts"])
    updated = blocks_of(update)
    assert updated[0]["text"]["text"] == "Children missing from home or care: June 2019"
    assert updated[1]["text"]["text"] == ":white_check_mark: " + note
    assert all(block["type"] != "actions" for block in updated)  # no buttons left to press
    assert slack.responses[0]["text"] == "The June 2019 digest was published already. " + note
    assert slack.responses[0]["response_type"] == "ephemeral"
    # Pressed again later, and the scheduler's retry ticks: still one post each.
    press(running.url, slack, "digest_publish")
    assert wait_until(lambda: len(slack.responses) == 2, 30)
    running.tick()
    assert len(posts(slack, CHANNEL)) == 1
    assert len(slack.updates) == 1
    review = review_of(running.db)
    assert winner in ("U0ANALYST", "U0SENIOR1")
    assert (review.published_by, review.published_how, review.published_at) == (
        winner,
        "button",
        "2019-07-10T08:00:00+00:00",
    )


def test_only_the_publishers_may_publish(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    review = reviewing(settings, publishers=frozenset({"U0LEAD123"}))
    desk = start_desk(reference_db, config, review, slack, Clock(DUE), [slack_destination(review)])
    try:
        desk.tick(startup=True)
        press(desk.url, slack, "digest_publish", user="U0ANALYST")
        assert wait_until(lambda: len(slack.responses) == 1, 30)
        assert (
            slack.responses[0]["text"]
            == "Only <@U0LEAD123> may publish the digest ([digest] publishers in the config)."
        )
        assert posts(slack, CHANNEL) == []
        assert review_of(reference_db).published_at is None
        press(desk.url, slack, "digest_publish", user="U0LEAD123")
        assert wait_until(lambda: len(slack.updates) == 1, 30)
        assert len(posts(slack, CHANNEL)) == 1
    finally:
        desk.server.close()


def test_at_the_deadline_a_draft_nobody_published_is_published_anyway(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    review = reviewing(settings, if_not_published=IfNotPublished.PUBLISH)
    managers = [slack_destination(review)]
    first = start_desk(reference_db, config, review, slack, Clock(DUE), managers)
    run_scheduler_until_catch_up(first.tick)  # serve, on the due day: the draft
    first.server.close()
    assert review_of(reference_db).deadline_at == "2019-07-12T08:00:00+00:00"  # Friday 09:00 London
    # Restarted on Thursday afternoon: not yet.
    second = start_desk(
        reference_db, config, review, slack, Clock(dt.datetime(2019, 7, 11, 15, tzinfo=LONDON)), managers
    )
    try:
        run_scheduler_until_catch_up(second.tick)
        second.clock.now = DEADLINE - dt.timedelta(minutes=1)
        second.tick()
        assert posts(slack, CHANNEL) == []
        second.clock.now = DEADLINE + dt.timedelta(minutes=14)  # the retry tick after the deadline
        second.tick()
        assert len(posts(slack, CHANNEL)) == 1
        [update] = slack.updates
        note = "Published at the review deadline, 09:14 on Friday 12 July 2019: nobody had pressed Publish."
        assert blocks_of(update)[1]["text"]["text"] == ":white_check_mark: " + note
        stored = review_of(reference_db)
        assert (stored.published_by, stored.published_how) == (None, "deadline")
        second.tick()
        press(second.url, slack, "digest_publish")
        assert wait_until(lambda: len(slack.responses) == 1, 30)
        assert slack.responses[0]["text"] == "The June 2019 digest was published already. " + note
        assert len(posts(slack, CHANNEL)) == 1
    finally:
        second.server.close()


REMINDER = (
    "Reminder: the June 2019 digest is still a draft and the managers have not had it. Its review deadline was "
    "09:00 on Friday 12 July 2019. Press Publish on the draft, or run `missing-report publish --month 2019-06`."
)


def test_with_remind_a_reminder_each_working_day_survives_restarts_until_publish_is_run(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    review = reviewing(settings, if_not_published=IfNotPublished.REMIND)
    managers = [slack_destination(review)]

    def restart_at(moment: dt.datetime) -> Desk:
        desk = start_desk(reference_db, config, review, slack, Clock(moment), managers)
        run_scheduler_until_catch_up(desk.tick)
        desk.server.close()
        return desk

    restart_at(DUE)
    [draft] = posts(slack, REVIEW)
    restart_at(DEADLINE - dt.timedelta(minutes=5))
    assert replies(slack, REVIEW) == []
    restart_at(DEADLINE + dt.timedelta(minutes=5))
    assert replies(slack, REVIEW) == [REMINDER]
    reminder = slack.messages[-1]
    assert (reminder["thread_ts"], reminder["reply_broadcast"]) == (draft["ts"], True)  # in the channel too
    restart_at(DEADLINE + dt.timedelta(hours=7))  # the same day: no second reminder
    restart_at(dt.datetime(2019, 7, 13, 10, tzinfo=LONDON))  # Saturday
    restart_at(dt.datetime(2019, 7, 15, 8, 59, tzinfo=LONDON))  # Monday, before the deadline's time
    assert replies(slack, REVIEW) == [REMINDER]
    last = restart_at(dt.datetime(2019, 7, 15, 9, 0, tzinfo=LONDON))
    assert replies(slack, REVIEW) == [REMINDER, REMINDER]
    assert posts(slack, CHANNEL) == []
    assert review_of(reference_db).reminders == 2
    # An analyst finishes the review from the terminal; then digest-runs shows who published it and how.
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text()
    (tmp_path / "review.toml").write_text(shipped.replace('review_channel = ""', f'review_channel = "{REVIEW}"'))
    common = ("--config", str(tmp_path / "review.toml"), "--db", str(reference_db))
    result = run_cli(*common, "publish", "--month", "2019-06", cwd=tmp_path, env=slack_env)
    login = getpass.getuser()
    assert result.returncode == 0, result.stderr
    note, posted = result.stdout.splitlines()
    assert re.fullmatch(rf"Published by {login} \(missing-report publish\) at \d\d:\d\d on \w+ \d+ \w+ 20\d\d\.", note)
    assert posted == "June 2019 digest for C0DIGEST: posted"
    assert len(posts(slack, CHANNEL)) == 1
    assert blocks_of(slack.updates[0])[1]["text"]["text"] == ":white_check_mark: " + note
    again = run_cli(*common, "publish", "--month", "2019-06", cwd=tmp_path, env=slack_env)
    assert (again.returncode, again.stdout) == (0, f"The June 2019 digest was published already. {note}\n")
    listed = run_cli(*common, "digest-runs", cwd=tmp_path, env=slack_env).stdout.splitlines()
    assert [line.split()[:4] for line in listed[1:3]] == [
        ["1", "2019-06", "review:C0REVIEW", "posted"],
        ["2", "2019-06", "C0DIGEST", "posted"],
    ]
    assert len({line.index("posted") for line in listed[1:3]}) == 1  # the columns line up
    assert listed[3:] == [
        "",
        "Reviews (channels review:C... above are the drafts, seen only by the analysts):",
        "  2019-06  draft in C0REVIEW at 09:00 on Wednesday 10 July 2019, deadline 09:00 on Friday 12 July 2019: "
        f"published by {login} (command) at {note.partition(' at ')[2].removesuffix('.')}",
    ]
    last.clock.now += dt.timedelta(days=1)  # Tuesday: published, so no more reminders, and nothing posted again
    last.tick()
    assert len(replies(slack, REVIEW)) == 2
    assert len(posts(slack, CHANNEL)) == 1


def test_a_publish_that_fails_is_told_in_the_thread_and_finished_after_a_restart(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    review = reviewing(settings)
    managers = [slack_destination(review, "C0MANAGERS")]  # the bot is not in that channel yet
    desk = start_desk(reference_db, config, review, slack, Clock(DUE), managers)
    try:
        run_scheduler_until_catch_up(desk.tick)
        press(desk.url, slack, "digest_publish")
        assert wait_until(lambda: len(replies(slack, REVIEW)) == 1, 30)
    finally:
        desk.server.close()
    assert replies(slack, REVIEW) == [
        "Not everywhere yet: June 2019 digest for C0MANAGERS: failed, Slack cannot post to channel C0MANAGERS "
        "(channel_not_found): set the channel ID (C...) in SLACK_DIGEST_CHANNEL or [slack] digest_channel, and "
        "invite the bot to that channel. It is tried again every 15 minutes; `missing-report digest-runs` shows "
        "each run."
    ]
    assert blocks_of(slack.updates[0])[1]["text"]["text"] == ":white_check_mark: " + PUBLISHED_NOTE
    slack.channels.add("C0MANAGERS")  # the IT team invites the bot, then restarts the server
    restarted = start_desk(reference_db, config, review, slack, Clock(DUE + dt.timedelta(hours=1)), managers)
    try:
        run_scheduler_until_catch_up(restarted.tick)
        run_scheduler_until_catch_up(restarted.tick)
    finally:
        restarted.server.close()
    assert len(posts(slack, "C0MANAGERS")) == 1
    assert len(slack.updates) == 1  # the draft said it once


def test_publish_without_a_review_channel_or_with_a_wrong_month_says_what_to_do(
    reference_db: Path, tmp_path: Path, slack_env: dict[str, str]
) -> None:
    result = run_cli("--db", str(reference_db), "publish", "--month", "2019-06", cwd=tmp_path, env=slack_env)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "missing-report: [digest] review_channel is not set, so no digest waits for review: digests go straight to "
        "the managers (to post one now: missing-report digest --month YYYY-MM --post)\n"
    )
    result = run_cli("--db", str(reference_db), "publish", "--month", "Juno", cwd=tmp_path, env=slack_env)
    assert result.stderr == (
        "missing-report: --month 'Juno' is not a month; write June, Jun-19, 2019-06 or last month\n"
    )


@pytest.mark.parametrize("words", ["2019-6", "June", "june 2019", "last month"])
def test_publish_takes_the_month_in_the_words_every_command_takes(
    running: Desk, slack: FakeSlack, tmp_path: Path, slack_env: dict[str, str], words: str
) -> None:
    run_scheduler_until_catch_up(running.tick)  # June's draft, in the review channel
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text()
    (tmp_path / "review.toml").write_text(shipped.replace('review_channel = ""', f'review_channel = "{REVIEW}"'))
    common = ("--config", str(tmp_path / "review.toml"), "--db", str(running.db), "publish", "--by", "priya.shah")
    result = run_cli(*common, "--month", words, cwd=tmp_path, env=slack_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[1:] == ["June 2019 digest for C0DIGEST: posted"]
    assert len(posts(slack, CHANNEL)) == 1


def test_publish_where_the_computer_cannot_say_who_you_are_asks_for_by(
    reference_db: Path, tmp_path: Path, slack_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_login_name() -> str:  # as in a container with no login name and no password entry
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_login_name)
    result = run_cli("--db", str(reference_db), "publish", "--month", "2019-06", cwd=tmp_path, env=slack_env)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "missing-report: cannot tell who you are on this computer; say with --by, for example --by priya.shah\n"
    )


def test_serve_says_where_drafts_go_who_may_publish_and_what_the_deadline_does(
    reference_db: Path, config: Config, settings: Settings
) -> None:
    review = reviewing(settings, publishers=frozenset({"U0LEAD123"}), if_not_published=IfNotPublished.PUBLISH)
    job, lines, desk = plan_digests(review, config, partial(open_store, reference_db))
    assert lines == [
        "Serving: the previous month's digest goes first as a draft to Slack channel C0REVIEW for review, then to "
        "Slack channel C0DIGEST on day 10 at 09:00 Europe/London; a digest not yet posted is tried every 15 minutes.",
        "Review: U0LEAD123 may press Publish on the draft; if nobody has published it 2 working days after the draft, "
        "it is published anyway.",
    ]
    assert job is not None
    assert job.jobs[0] is desk  # the draft and the deadline first, then the managers' digest, held for review
    assert [getattr(j, "held_for_review", None) for j in job.jobs[1:]] == [True]
    _, lines, _ = plan_digests(reviewing(settings), config, partial(open_store, reference_db))
    assert lines[1] == (
        "Review: anyone in C0REVIEW may press Publish on the draft; if nobody has published it 2 working days after "
        "the draft, a reminder is posted in C0REVIEW each working day until someone publishes it."
    )


def test_a_publish_stopped_right_after_its_decision_is_finished_by_the_next_start(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    review = reviewing(settings)
    managers = [slack_destination(review)]
    first = start_desk(reference_db, config, review, slack, Clock(DUE), managers)
    run_scheduler_until_catch_up(first.tick)
    first.server.close()
    # A press's first step, recording the decision, and then the server stopped before posting anything.
    store = open_store(reference_db)
    ReviewLedger(store).decide(JUNE, PublishedHow.BUTTON, "U0ANALYST", DUE.astimezone(dt.UTC))
    store.close()
    assert posts(slack, CHANNEL) == []
    for _ in range(2):  # started again, twice
        restarted = start_desk(reference_db, config, review, slack, Clock(DUE + dt.timedelta(hours=1)), managers)
        run_scheduler_until_catch_up(restarted.tick)
        restarted.server.close()
    assert len(posts(slack, CHANNEL)) == 1
    [update] = slack.updates
    assert blocks_of(update)[1]["text"]["text"] == ":white_check_mark: " + PUBLISHED_NOTE


def test_a_month_that_went_out_before_review_was_switched_on_is_not_drafted(running: Desk, slack: FakeSlack) -> None:
    store = open_store(running.db)
    runs = DigestLedger(store)
    claim = runs.claim(JUNE, CHANNEL, 1)
    assert not isinstance(claim, Skipped)
    runs.finish(claim)  # June's digest was posted on the 10th, before [digest] review_channel was set
    store.close()
    running.tick(startup=True)
    assert slack.messages == []
    assert review_of(running.db) is None


def test_digest_review_sends_the_draft_now_once_and_publish_then_sends_it_to_the_managers(
    reference_db: Path, slack: FakeSlack, tmp_path: Path, slack_env: dict[str, str]
) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text()
    (tmp_path / "review.toml").write_text(shipped.replace('review_channel = ""', f'review_channel = "{REVIEW}"'))
    common = ("--config", str(tmp_path / "review.toml"), "--db", str(reference_db))
    result = run_cli(*common, "digest", "--month", "June", "--review", cwd=tmp_path, env=slack_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"June 2019 digest for review:{REVIEW}: posted",
        f"Draft for review in Slack channel {REVIEW}: publish it with its Publish button, or missing-report publish "
        "--month 2019-06.",
    ]
    [draft] = posts(slack, REVIEW)
    assert draft["text"].startswith("DRAFT for review, not published. Children missing from home or care: June 2019.")
    assert posts(slack, CHANNEL) == []  # nothing reaches the managers before publication
    again = run_cli(*common, "digest", "--month", "2019-06", "--review", cwd=tmp_path, env=slack_env)
    assert again.returncode == 0
    assert again.stdout.startswith(f"June 2019 digest for review:{REVIEW}: not sent, ")
    assert len(posts(slack, REVIEW)) == 1  # once
    published = run_cli(*common, "publish", "--month", "2019-06", "--by", "priya.shah", cwd=tmp_path, env=slack_env)
    assert published.returncode == 0, published.stdout + published.stderr
    assert published.stdout.splitlines()[1:] == ["June 2019 digest for C0DIGEST: posted"]
    assert len(posts(slack, CHANNEL)) == 1


def test_with_a_public_url_the_draft_and_the_preview_open_the_months_full_report(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    review = replace(reviewing(settings), public_url="https://missing-report.council.gov.uk")
    running = start_desk(reference_db, config, review, slack, Clock(DUE), [slack_destination(review)])
    try:
        running.tick(startup=True)
        link = "*<https://missing-report.council.gov.uk/report/2019-06|Open the full report>*"
        [draft] = posts(slack, REVIEW)
        assert any(b.get("text", {}).get("text", "").startswith(link) for b in blocks_of(draft))
        press(running.url, slack, "digest_preview")
        assert wait_until(lambda: len(slack.responses) == 1, 30)
        assert any(b.get("text", {}).get("text", "").startswith(link) for b in slack.responses[0]["blocks"])
    finally:
        running.server.close()
