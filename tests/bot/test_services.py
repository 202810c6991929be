"""The use cases (bot/services) are the same whoever calls them: `digest --post` and the scheduler post through one
run_digest and one ledger (the review desk too, tests/bot/test_review_platform.py), and a destination that breaks
keeps the digest from none of the others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from bot.chat import DigestDestination
from bot.delivery import DeliveryProgress
from bot.destinations import scheduled_destinations
from bot.scheduling.digests import due_digest_jobs
from bot.settings import Settings, read_environment
from digest.contract.config import Config
from digest.reporting.content import Digest
from digest.store.digest_runs import DigestLedger
from digest.store.snapshots import open_store
from tests.bot.registered_platforms import QuietPlatform, register_platform
from tests.cli_runner import run_cli
from tests.fake_slack import CHANNEL, FakeSlack

BROKEN_ENV = "MISSING_REPORT_BROKEN_ROOM"


class BrokenNotifier:
    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        raise RuntimeError("a bug in this platform's notifier")


class BrokenPlatform(QuietPlatform):
    """A platform whose digests fail with an error nobody foresaw."""

    name = "broken"
    setting = BROKEN_ENV

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        return bool(read_environment().get(BROKEN_ENV))

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        return DigestDestination("broken:room", BrokenNotifier, "the broken room")

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        return self.digest_destination(settings, None) if self.posts_digests(settings, None) else None


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> Iterator[BrokenPlatform]:
    with register_platform(BrokenPlatform(), monkeypatch, BROKEN_ENV, "on") as platform:
        yield platform


def test_digest_post_carries_on_past_a_destination_that_breaks_and_says_so(
    broken: BrokenPlatform, reference_db: Path, tmp_path: Path, slack_env: dict[str, str], slack: FakeSlack
) -> None:
    env = {**slack_env, BROKEN_ENV: "on"}
    posted = run_cli("--db", str(reference_db), "digest", "--month", "June 2019", "--post", cwd=tmp_path, env=env)
    assert (posted.returncode, posted.stdout) == (
        1,
        "June 2019 digest for C0DIGEST: posted\nthe broken room: unexpected RuntimeError\n",
    )
    assert [m["channel"] for m in slack.messages if not m.get("thread_ts")] == [CHANNEL]
    with open_store(reference_db) as store:
        runs = [(run.channel, run.state, run.error) for run in DigestLedger(store).list_runs()]
    assert runs == [
        (CHANNEL, "posted", None),
        ("broken:room", "failed", "unexpected RuntimeError: a bug in this platform's notifier"),
    ]


def test_the_scheduler_and_the_command_line_publish_through_one_ledger(
    broken: BrokenPlatform, reference_db: Path, config: Config, settings: Settings, tmp_path: Path,
    slack_env: dict[str, str], slack: FakeSlack,
) -> None:  # fmt: skip
    due = dt.datetime(2019, 7, 10, 8, 0, tzinfo=dt.UTC)  # 09:00 in London: the June digest falls due
    tick = due_digest_jobs(
        partial(open_store, reference_db), config, settings.schedule, scheduled_destinations(settings)
    )
    for job in tick.jobs:
        job.clock = lambda: due  # type: ignore[attr-defined]
    slack_outcome, broken_outcome = tick(startup=True)
    assert slack_outcome is not None
    assert (slack_outcome.message, broken_outcome) == ("June 2019 digest for C0DIGEST: posted", None)
    env = {**slack_env, BROKEN_ENV: "on"}
    again = run_cli("--db", str(reference_db), "digest", "--month", "2019-06", "--post", cwd=tmp_path, env=env)
    slack_line, broken_line = again.stdout.splitlines()
    assert slack_line.startswith("June 2019 digest for C0DIGEST: not sent, already posted at ")
    assert (broken_line, again.returncode) == ("the broken room: unexpected RuntimeError", 1)
    assert len([m for m in slack.messages if not m.get("thread_ts")]) == 1
    with open_store(reference_db) as store:
        tries = [(run.channel, run.state, run.attempts) for run in DigestLedger(store).list_runs()]
    assert tries == [(CHANNEL, "posted", 1), ("broken:room", "failed", 2)]  # the tick's, then the command's
