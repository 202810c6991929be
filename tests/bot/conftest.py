"""Fixtures for the bot: a store holding the reference extract, the fake Slack Web API and Teams webhooks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.outbox import OUTBOX_CHANNEL, OutboxNotifier
from bot.services.digests import run_digest
from bot.settings import Settings, load_settings
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.extracts import today
from tests.conftest import clean_environment
from tests.fake_slack import CHANNEL, GOOD_TOKEN, FakeSlack
from tests.fake_teams import FakeMicrosoft
from tests.fake_workflows import ALERTS_PATH, FakeTeams
from tests.fixtures.reference_june_2019 import write_reference_store


@pytest.fixture
def reference_db(reference_template: Path, tmp_path: Path) -> Path:
    """A store holding the reference extract, this test's own copy (ingested once per test session)."""
    path = tmp_path / "store.db"
    shutil.copy2(reference_template, path)
    return path


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Path:
    return write_reference_store(tmp_path_factory.mktemp("reference"), config)


@pytest.fixture
def current_db(tmp_path: Path, config: Config) -> Path:
    """The reference extract's rows in a snapshot as at the start of today: it covers the next digest's month."""
    return write_reference_store(tmp_path, config, today())


@pytest.fixture
def reference_store(reference_db: Path) -> Iterator[SnapshotStore]:
    store = open_store(reference_db)
    yield store
    store.close()


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def microsoft() -> Iterator[FakeMicrosoft]:
    """Microsoft's side of the Teams bot on loopback: its signing keys, token endpoint and Bot Connector."""
    fake = FakeMicrosoft().start()
    yield fake
    fake.stop()


@pytest.fixture
def settings(config: Config, slack: FakeSlack) -> Settings:
    return load_settings(
        config,
        {"SLACK_BOT_TOKEN": GOOD_TOKEN, "SLACK_API_URL": slack.base_url, "SLACK_DIGEST_CHANNEL": CHANNEL},
    )


@pytest.fixture
def slack_env(slack: FakeSlack) -> dict[str, str]:
    """The environment of a `missing-report` process that talks to the fake."""
    return clean_environment(
        {"SLACK_BOT_TOKEN": GOOD_TOKEN, "SLACK_API_URL": slack.base_url, "SLACK_DIGEST_CHANNEL": CHANNEL}
    )


@pytest.fixture
def teams() -> Iterator[FakeTeams]:
    fake = FakeTeams().start()
    yield fake
    fake.stop()


@pytest.fixture
def teams_env(teams: FakeTeams) -> dict[str, str]:
    """The environment of a `missing-report` process that posts to the fake Teams webhooks (and not to Slack)."""
    return clean_environment(
        {"TEAMS_DIGEST_WEBHOOK_URL": teams.url(), "TEAMS_ALERTS_WEBHOOK_URL": teams.url(ALERTS_PATH)}
    )


@pytest.fixture
def teams_settings(config: Config, teams_env: dict[str, str], tmp_path: Path) -> Settings:
    return replace(load_settings(config, teams_env), outbox=tmp_path / "outbox")


@pytest.fixture(scope="session")
def may_published_template(reference_template: Path, config: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference store after the May 2019 digest was posted to the outbox (posted once per test session)."""
    folder = tmp_path_factory.mktemp("may-published")
    path = folder / "store.db"
    shutil.copy2(reference_template, path)
    store = open_store(path)
    notifier = OutboxNotifier(folder / "outbox")
    outcome = run_digest(store, config, Month.parse("2019-05"), OUTBOX_CHANNEL, notifier)
    assert outcome.message == "May 2019 digest for outbox: posted"
    store.close()
    return path


@pytest.fixture
def may_published(may_published_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the store in which the May 2019 digest was published."""
    path = tmp_path / "store.db"
    shutil.copy2(may_published_template, path)
    return path
