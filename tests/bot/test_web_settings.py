"""The web report's settings, its session's lifetime and where sign-in may send a browser back to; and the
page's own words for figures the source cannot give."""

from __future__ import annotations

import random
import string
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.requests import Request

from bot.settings import PUBLIC_URL_ENV, load_settings
from bot.web_report.app import read_next
from bot.web_report.checks import check_web_report
from bot.web_report.pages import render_month_page
from bot.web_report.report import load_month_report, load_months_with_data
from bot.web_report.settings import CLIENT_ID_ENV, CLIENT_SECRET_ENV, ISSUER_ENV, load_web_settings
from bot.web_report.signin import SESSION_SECONDS, Visitor, keep_visitor, read_visitor
from digest.contract.config import Config, ConfigError
from digest.figures.absence import Absence
from digest.figures.periods import parse_month
from digest.reporting.profile import Cell, ProfileRow
from digest.store.snapshots import open_store
from tests.fake_oidc import FakeOpenIdProvider
from tests.web_pages import MANAGER_OID, SLACK_MANAGER, row_of, web_environment, with_access

ENTRA = "https://login.microsoftonline.com/3f2b8c1e-0000-4000-8000-000000000001/v2.0"
FULL = {
    ISSUER_ENV: ENTRA,
    CLIENT_ID_ENV: "client",
    CLIENT_SECRET_ENV: "secret",
    PUBLIC_URL_ENV: "https://missing-report.council.gov.uk/",
}


def test_the_web_report_is_off_without_its_sign_in_and_on_with_it(config: Config) -> None:
    assert load_web_settings(config, {}) is None
    settings = load_web_settings(with_access(config, suppress=True), FULL)
    assert settings is not None
    assert settings.public_url == "https://missing-report.council.gov.uk"
    assert settings.issuer == ENTRA
    assert settings.allowed_users == {MANAGER_OID, SLACK_MANAGER}
    assert settings.suppress
    assert settings.secure_cookie
    assert "secret" not in repr(settings)


@pytest.mark.parametrize("unset", sorted(FULL))
def test_part_of_the_sign_in_set_is_a_message_naming_what_is_missing(config: Config, unset: str) -> None:
    given = {name: value for name, value in FULL.items() if name != unset}
    with pytest.raises(ConfigError, match=f"the web report needs {unset} as well"):
        load_web_settings(config, given)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (PUBLIC_URL_ENV, "http://missing-report.council.gov.uk"),  # plain http beyond this machine
        (PUBLIC_URL_ENV, "https://council.gov.uk/missing"),  # a path
        (ISSUER_ENV, "http://login.example.com"),
        (ISSUER_ENV, "login.microsoftonline.com/tenant/v2.0"),
    ],
)
def test_an_address_that_is_not_https_is_refused_with_what_to_give(config: Config, name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} = .* must be the https:// address"):
        load_web_settings(config, {**FULL, name: value})


def test_digests_link_to_the_month_only_with_a_public_url(config: Config) -> None:
    june = parse_month("2019-06")
    assert load_settings(config, {}).report_link(june) is None
    linked = load_settings(config, {PUBLIC_URL_ENV: "https://missing-report.council.gov.uk/"})
    assert linked.report_link(june) == "https://missing-report.council.gov.uk/report/2019-06"


def session_request() -> Request:
    return Request({"type": "http", "session": {}})


def test_a_session_lasts_8_hours_from_sign_in() -> None:
    request = session_request()
    keep_visitor(request, Visitor(MANAGER_OID, "Alex Manager"), now=1_000_000)
    assert read_visitor(request, now=1_000_000 + SESSION_SECONDS - 1) == Visitor(MANAGER_OID, "Alex Manager")
    assert read_visitor(request, now=1_000_000 + SESSION_SECONDS) is None
    assert read_visitor(request, now=1_000_000 - 60) is None  # a sign-in time in the future is not believed
    assert SESSION_SECONDS == 8 * 3600


def test_sign_in_keeps_nothing_from_before_it() -> None:
    request = session_request()
    request.session.update({"user": "someone-else", "planted": "x"})
    keep_visitor(request, Visitor(MANAGER_OID, "Alex Manager"), now=5)
    assert set(request.session) == {"user", "name", "since"}


def test_after_sign_in_a_browser_goes_only_to_a_page_of_the_report() -> None:
    """Over generated addresses (a seeded generator): whatever `next` says, where the browser is sent is one of
    the report's own pages."""
    assert read_next("/report/2019-06") == "/report/2019-06"
    assert read_next("/report/2019-06.xlsx") == "/report/2019-06.xlsx"
    generator = random.Random(25)
    pieces = ["/report/", "2019-06", "//", "https://evil.example", "\\", "..", "%2F", "@", "?", "#", "\n", "/"]
    for _ in range(2000):
        given = "".join(generator.choice(pieces + list(string.printable)) for _ in range(generator.randint(0, 8)))
        target = read_next(given)
        assert target == "/report/" or (target == given and target.startswith("/report/20")), given
        assert "\n" not in target
        assert "//" not in target


def test_a_section_the_source_cannot_give_says_so(reference_db: Path, config: Config) -> None:
    """The SSD holds no CSE risk: every cell of section 3 is "not in this source", and the section says why."""
    store = open_store(reference_db)
    months = load_months_with_data(store)
    assert months is not None
    report = load_month_report(store, config, parse_month("2019-06"), months.snapshot, suppress=False)
    absent = Cell(None, None, absence=Absence.NOT_IN_SOURCE)
    rows = [
        ProfileRow(row.indicator, dict.fromkeys(row.values, absent)) if row.indicator.section == "3" else row
        for row in report.profile.rows
    ]
    page = render_month_page(replace(report, profile=replace(report.profile, rows=rows)), months, Visitor("u", "U"))
    assert (
        row_of(page, "Number of Missing Episodes - CSE risk is known to be medium/high")[2:]
        == ["not in this source"] * 4
    )
    assert "Not in this source: the data this report was made from does not hold what it needs." in page
    assert page.count("Not in this source:") == 1  # only section 3
    store.close()


def test_doctor_checks_the_sign_in_provider_and_the_access_list(config: Config) -> None:
    provider = FakeOpenIdProvider().start()
    try:
        environment = web_environment(provider, "http://127.0.0.1:8080")
        good = check_web_report(with_access(config), environment)
        assert [(c.state, c.name, c.finding) for c in good] == [
            (
                "ok",
                "Web report sign-in",
                f"{provider.issuer} answers; the sign-in returns to http://127.0.0.1:8080/report/signed-in "
                "(register that address with the provider)",
            ),
            ("ok", "Web report access", "2 people on the access list"),
        ]
        elsewhere = {**environment, ISSUER_ENV: f"{provider.issuer}/tenant"}  # another issuer: no document there
        [sign_in, nobody] = check_web_report(config, elsewhere)
        assert sign_in.failed
        assert (
            sign_in.finding
            == f"{provider.issuer}/tenant/.well-known/openid-configuration could not be read (HTTPStatusError)"
        )
        assert nobody.failed
        assert nobody.finding == "nobody is on the access list, so nobody can see the report"
    finally:
        provider.stop()
    assert [(c.state, c.finding) for c in check_web_report(config, {ISSUER_ENV: ENTRA})] == [
        (
            "FAIL",
            f"the web report needs {CLIENT_ID_ENV}, {CLIENT_SECRET_ENV}, {PUBLIC_URL_ENV} as well: set "
            f"{CLIENT_ID_ENV} and {CLIENT_SECRET_ENV} and {PUBLIC_URL_ENV}, or unset {ISSUER_ENV} to serve no web "
            "report (see docs/web-report.md)",
        )
    ]
