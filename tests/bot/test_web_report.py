"""The web report over real HTTP: serve's server with the report mounted, the real OpenID Connect client
(Authlib) signing in at a fake provider on 127.0.0.1, and every way in that must be refused."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from itsdangerous import TimestampSigner
from openpyxl import load_workbook

from bot.web.app import SESSION_COOKIE
from digest.contract.config import Config
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.fake_oidc import CLIENT_ID, FakeOpenIdProvider, Person
from tests.web_pages import (
    MANAGER,
    MANAGER_OID,
    SLACK_MANAGER,
    ReportServer,
    read_tables,
    row_of,
    serve_report,
    sign_in,
    with_access,
)


@pytest.fixture
def provider() -> Iterator[FakeOpenIdProvider]:
    fake = FakeOpenIdProvider(person=Person(dict(MANAGER))).start()
    yield fake
    fake.stop()


@pytest.fixture
def report(reference_db: Path, config: Config, provider: FakeOpenIdProvider) -> Iterator[ReportServer]:
    yield from serve_report(reference_db, with_access(config), provider)


def test_a_manager_signs_in_and_reads_june_2019_as_the_reference_report_shows_it(
    report: ReportServer, provider: FakeOpenIdProvider, reference_db: Path
) -> None:
    client, page = sign_in(report)
    assert page.status_code == 200
    assert str(page.url) == report.url("/report/2019-06")
    text = page.text
    assert "<h1>Children missing from home or care: June 2019</h1>" in text
    assert row_of(text, "Number of Missing Episodes - all")[2:] == ["129", "130", "116", "375"]
    assert row_of(text, "0 (same day return)")[2:] == ["49 38% of 129", "61 47% of 130", "53 46% of 116", "163 43% of 375"]
    assert row_of(text, "Number of Missing Episodes - LAC")[2:] == ["75", "87", "74", "236"]
    assert "Signed in as Alex Manager" in text
    # PKCE and nonce: the client sent a S256 challenge, a state and a nonce, and proved the verifier
    asked = provider.authorize_requests[-1]
    assert asked["code_challenge_method"] == "S256" and asked["state"] and asked["nonce"]
    assert asked["redirect_uri"] == report.url("/report/signed-in")
    assert provider.token_requests[-1]["code_verifier"]
    lookups = load_lookups(open_store(reference_db))
    assert [(l.user_id, l.question, l.outcome, l.platform) for l in lookups] == [
        (MANAGER_OID, "sign-in", "signed in", "web"),
        (MANAGER_OID, "report 2019-06", "viewed", "web"),
    ]
    client.close()
