"""The web report over real HTTP: serve's server with the report mounted, the real OpenID Connect client
(Authlib) signing in at a fake provider on 127.0.0.1, and every way in that must be refused."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import random
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from itsdangerous import TimestampSigner
from openpyxl import load_workbook

from bot.web_report.app import SESSION_COOKIE
from digest.contract.config import Config
from digest.figures.catalogue import SECTION_BY_NUMBER
from digest.figures.periods import parse_month
from digest.intake.ingest import ingest_extract
from digest.reporting.commentary import Author, save_section_comment
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.extracts import late_april_rows
from tests.bot.slack_questions import read_line
from tests.cli_runner import start_process
from tests.conftest import write_csv
from tests.fake_oidc import CLIENT_ID, FakeOpenIdProvider, Person
from tests.fixtures.reference_june_2019 import HEADERS
from tests.web_pages import (
    MANAGER,
    MANAGER_OID,
    SLACK_MANAGER,
    ReportServer,
    read_tables,
    row_of,
    serve_report,
    sign_in,
    web_environment,
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
    assert row_of(text, "0 (same day return)")[2:] == [
        "49 38% of 129",
        "61 47% of 130",
        "53 46% of 116",
        "163 43% of 375",
    ]
    assert row_of(text, "Number of Missing Episodes - LAC")[2:] == ["75", "87", "74", "236"]
    assert "Signed in as Alex Manager" in text
    # PKCE and nonce: the client sent a S256 challenge, a state and a nonce, and proved the verifier
    asked = provider.authorize_requests[-1]
    assert asked["code_challenge_method"] == "S256"
    assert asked["state"]
    assert asked["nonce"]
    assert asked["redirect_uri"] == report.url("/report/signed-in")
    assert provider.token_requests[-1]["code_verifier"]
    lookups = load_lookups(open_store(reference_db))
    assert [(lookup.user_id, lookup.question, lookup.outcome, lookup.platform) for lookup in lookups] == [
        (MANAGER_OID, "sign-in", "signed in", "web"),
        (MANAGER_OID, "report 2019-06", "viewed", "web"),
    ]
    client.close()


def test_the_session_cookie_is_httponly_samesite_lax_signed_for_8_hours_and_pages_carry_the_security_headers(
    report: ReportServer,
) -> None:
    client = httpx.Client(timeout=10)
    to_provider = client.get(report.url("/report/sign-in?next=/report/2019-06"))
    back = client.get(to_provider.headers["location"])
    arrived = client.get(back.headers["location"])
    assert arrived.status_code == 303
    assert arrived.headers["location"] == "/report/2019-06"
    cookie = arrived.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert attributes["path"] == "path=/report"
    assert attributes["max-age"] == "Max-Age=28800"
    assert attributes["samesite"].lower() == "samesite=lax"
    assert "httponly" in attributes
    assert "secure" not in attributes  # served over plain http on 127.0.0.1 here; Secure with an https public URL
    page = client.get(report.url("/report/2019-06"))
    assert page.status_code == 200
    headers = page.headers
    assert headers["cache-control"] == "no-store"
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none': no script at all
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "<script" not in page.text
    assert " on" + "click" not in page.text
    client.close()


PROTECTED = ["/report/", "/report/2019-06", "/report/2019-06.xlsx", "/report/2019-06/charts/days-missing.png"]


def assert_sent_to_sign_in(response: httpx.Response, path: str) -> None:
    assert response.status_code == 303
    assert response.headers["location"] == f"/report/sign-in?next={path}"
    assert response.content == b""  # not a figure, not a word of the report


@pytest.mark.parametrize("path", PROTECTED)
def test_signed_out_requests_are_sent_to_sign_in_and_see_no_figure(report: ReportServer, path: str) -> None:
    assert_sent_to_sign_in(httpx.get(report.url(path)), path)


FORGED_HEADERS = {
    "X-Forwarded-User": MANAGER_OID,
    "X-Remote-User": MANAGER_OID,
    "Remote-User": MANAGER_OID,
    "X-Auth-Request-User": MANAGER_OID,
    "X-MS-CLIENT-PRINCIPAL-ID": MANAGER_OID,
    "X-MS-CLIENT-PRINCIPAL-NAME": "Alex Manager",
    "X-Forwarded-Email": "alex.manager@council.gov.uk",
}


def test_a_bearer_token_even_one_the_provider_signed_is_not_a_way_in(
    report: ReportServer, provider: FakeOpenIdProvider
) -> None:
    token = provider.id_token({"iss": provider.issuer, "aud": CLIENT_ID, "exp": 4102444800, "iat": 0, **MANAGER})
    for path in PROTECTED:
        assert_sent_to_sign_in(httpx.get(report.url(path), headers={"Authorization": f"Bearer {token}"}), path)


@pytest.mark.parametrize("header", sorted(FORGED_HEADERS))
def test_a_proxy_header_naming_someone_on_the_list_is_not_a_way_in(report: ReportServer, header: str) -> None:
    response = httpx.get(report.url("/report/2019-06"), headers={header: FORGED_HEADERS[header]})
    assert_sent_to_sign_in(response, "/report/2019-06")


def signed_in_cookie(report: ReportServer) -> str:
    client, page = sign_in(report)
    assert page.status_code == 200
    value = client.cookies[SESSION_COOKIE]
    client.close()
    return value


def test_a_tampered_session_cookie_is_refused(report: ReportServer) -> None:
    cookie = signed_in_cookie(report)
    assert httpx.get(report.url("/report/2019-06"), cookies={SESSION_COOKIE: cookie}).status_code == 200
    payload, stamp, signature = cookie.rsplit(".", 2)
    session = json.loads(base64.b64decode(payload))
    session["user"] = "someone-else-entirely"
    forged_payload = base64.b64encode(json.dumps(session).encode()).decode()
    for forged in (
        f"{forged_payload}.{stamp}.{signature}",  # another person, the old signature
        TimestampSigner("a guessed key").sign(payload).decode(),  # the same person, signed with another key
        f"{payload}.{stamp}.{signature[:-2]}xx",  # a signature changed
    ):
        response = httpx.get(report.url("/report/2019-06"), cookies={SESSION_COOKIE: forged})
        assert_sent_to_sign_in(response, "/report/2019-06")


def refused_sign_in(report: ReportServer) -> httpx.Response:
    client, page = sign_in(report)
    assert page.status_code == 401
    assert str(page.url).startswith(report.url("/report/signed-in?"))
    assert "<h1>Sign-in did not succeed</h1>" in page.text
    assert "116" not in page.text
    assert "<table" not in page.text
    again = client.get(report.url("/report/2019-06"), follow_redirects=False)  # and no session was kept
    assert_sent_to_sign_in(again, "/report/2019-06")
    client.close()
    return page


def test_an_id_token_for_another_audience_is_refused(report: ReportServer, provider: FakeOpenIdProvider) -> None:
    provider.faults.audience = "another-application"
    refused_sign_in(report)


def test_an_id_token_for_another_audience_that_names_us_as_azp_is_refused(
    report: ReportServer, provider: FakeOpenIdProvider
) -> None:
    provider.faults.audience = "another-application"
    provider.person.claims["azp"] = CLIENT_ID  # Authlib alone would accept this: the audience is checked too
    refused_sign_in(report)


def test_an_expired_id_token_is_refused(report: ReportServer, provider: FakeOpenIdProvider) -> None:
    provider.faults.expires_in = -3600
    refused_sign_in(report)


def test_an_id_token_from_another_issuer_is_refused(report: ReportServer, provider: FakeOpenIdProvider) -> None:
    provider.faults.issuer = "https://login.microsoftonline.com/another-tenant/v2.0"
    refused_sign_in(report)


def test_an_id_token_signed_with_a_key_not_in_the_jwks_is_refused(
    report: ReportServer, provider: FakeOpenIdProvider
) -> None:
    provider.faults.other_key = True
    refused_sign_in(report)


def test_an_id_token_with_another_sign_ins_nonce_is_refused(report: ReportServer, provider: FakeOpenIdProvider) -> None:
    provider.faults.nonce = "a-nonce-from-another-sign-in"
    refused_sign_in(report)


def test_an_answer_with_a_state_this_browser_was_not_given_is_refused(report: ReportServer) -> None:
    response = httpx.get(report.url("/report/signed-in?code=stolen-code&state=guessed-state"))
    assert response.status_code == 401
    assert "Sign-in did not succeed" in response.text


def test_a_flood_of_forged_sign_in_answers_is_audited_at_most_60_a_minute(
    report: ReportServer, reference_db: Path
) -> None:
    with httpx.Client(timeout=10) as client:
        for n in range(65):
            response = client.get(report.url(f"/report/signed-in?code=stolen-{n}&state=guessed-{n}"))
            assert response.status_code == 401
    rejected = [lookup for lookup in load_lookups(open_store(reference_db)) if lookup.outcome == "rejected (signature)"]
    assert len(rejected) == 60
    assert {(lookup.user_id, lookup.question, lookup.platform) for lookup in rejected} == {("", "sign-in", "web")}


def test_someone_not_on_the_access_list_signs_in_and_is_refused_every_page(
    report: ReportServer, provider: FakeOpenIdProvider, reference_db: Path
) -> None:
    provider.person = Person({"oid": "99999999-0000-4000-8000-000000000000", "name": "Sam Stranger"})
    client, page = sign_in(report)
    assert page.status_code == 403
    assert "<h1>You are not on the access list</h1>" in page.text
    assert "99999999-0000-4000-8000-000000000000" in page.text  # to give the performance team
    for path in PROTECTED:
        response = client.get(report.url(path), follow_redirects=False)
        assert response.status_code == 403
        assert "<table" not in response.text
        assert "116" not in response.text
    client.close()
    refused = [lookup for lookup in load_lookups(open_store(reference_db)) if lookup.outcome == "refused"]
    assert [(lookup.user_id, lookup.question, lookup.platform) for lookup in refused] == [
        ("99999999-0000-4000-8000-000000000000", "sign-in", "web")
    ]


def test_sign_in_with_slack_is_the_same_code_and_the_slack_user_id_is_on_the_list(
    report: ReportServer, provider: FakeOpenIdProvider
) -> None:
    provider.person = Person({"https://slack.com/user_id": SLACK_MANAGER, "name": "Sky Slack"})
    client, page = sign_in(report)
    assert page.status_code == 200
    assert "Signed in as Sky Slack" in page.text
    client.close()


def test_after_sign_in_the_browser_goes_back_to_a_page_of_the_report_and_never_elsewhere(report: ReportServer) -> None:
    client = httpx.Client(follow_redirects=True, timeout=10)
    page = client.get(report.url("/report/sign-in?next=https://evil.example/report/2019-06"))
    assert str(page.url) == report.url("/report/")
    client.close()


def test_the_index_lists_the_months_with_data_newest_first(report: ReportServer) -> None:
    client, page = sign_in(report, "/report/")
    assert page.status_code == 200
    links = [line.strip() for line in page.text.splitlines() if line.strip().startswith('<li><a href="/report/20')]
    assert links == [
        '<li><a href="/report/2019-07">July 2019 (partial month)</a></li>',
        '<li><a href="/report/2019-06">June 2019</a></li>',
        '<li><a href="/report/2019-05">May 2019</a></li>',
        '<li><a href="/report/2019-04">April 2019</a></li>',
    ]
    client.close()


def test_a_month_with_no_data_says_so(report: ReportServer, reference_db: Path) -> None:
    client, page = sign_in(report, "/report/2019-03")
    assert page.status_code == 404
    assert "There is no data for March 2019. The report covers April 2019 to July 2019." in page.text
    assert [(lookup.question, lookup.outcome) for lookup in load_lookups(open_store(reference_db))][-1] == (
        "report 2019-03",
        "no data",
    )
    client.close()


def test_the_month_picker_goes_to_the_month_chosen(report: ReportServer) -> None:
    client, _ = sign_in(report)
    page = client.get(report.url("/report/go?month=2019-04"))
    assert str(page.url) == report.url("/report/2019-04")
    assert "<h1>Children missing from home or care: April 2019</h1>" in page.text
    client.close()


def test_the_xlsx_download_is_the_months_full_table(report: ReportServer) -> None:
    client, _ = sign_in(report)
    response = client.get(report.url("/report/2019-06.xlsx"))
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="missing-report-2019-06.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    episodes = next(row for row in rows if row[1] == "Number of Missing Episodes - all")
    assert [v for v in episodes[2:] if isinstance(v, int)][:4] == [129, 130, 116, 375]
    client.close()


def test_a_charts_image_is_a_png(report: ReportServer) -> None:
    client, _ = sign_in(report)
    response = client.get(report.url("/report/2019-06/charts/days-missing.png"))
    assert response.status_code == 200
    assert response.content.startswith(b"\x89PNG")
    assert client.get(report.url("/report/2019-06/charts/no-such-chart.png")).status_code == 404
    client.close()


@pytest.fixture
def suppressed_report(reference_db: Path, config: Config, provider: FakeOpenIdProvider) -> Iterator[ReportServer]:
    yield from serve_report(reference_db, with_access(config, suppress=True), provider)


def test_web_suppress_withholds_small_counts_and_those_that_would_give_them_away(
    suppressed_report: ReportServer,
) -> None:
    client, page = sign_in(suppressed_report)
    # Early Help, June 2019: 9, withheld by secondary suppression (else care status's small counts could be
    # worked out from its total), as the June digest under disclosure control withholds it
    assert row_of(page.text, "Early Help")[2:] == ["c", "13 10% of 130", "c", "27 7% of 375"]
    assert row_of(page.text, "4 days")[2:] == ["0 0% of 129", "c", "c", "c"]  # 3 and 2: small; the year to date too
    assert row_of(page.text, "Number of Missing Episodes - all")[2:] == ["129", "130", "116", "375"]
    assert "c: withheld to protect confidentiality" in page.text
    workbook = client.get(suppressed_report.url("/report/2019-06.xlsx"))
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet is not None
    early_help = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "Early Help")
    assert "c" in early_help
    client.close()


def test_chart_numbers_are_in_a_table_beside_each_chart(report: ReportServer) -> None:
    client, page = sign_in(report)
    tables = read_tables(page.text)
    days = next(t for t in tables[1:] if t[0][0] == "Category" and any(r[0] == "Same day" for r in t))
    assert days[0] == ["Category", "Number", "Share"]
    client.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_serve_shows_the_web_report_on_two_processes_with_no_chat_platform_set_up(
    reference_db: Path, provider: FakeOpenIdProvider, tmp_path: Path
) -> None:
    """`serve` with only the web report's settings: it serves the page, and a session signed in at one answering
    process is good at the other (the key is made before they are forked)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text(encoding="utf-8")
    config_file = tmp_path / "missing-report.toml"
    config_file.write_text(shipped.replace("allowed_users = []", f'allowed_users = ["{MANAGER_OID}"]'), "utf-8")
    command = ["--config", str(config_file), "--db", str(reference_db), "serve", "--port", str(port)]
    process = start_process(
        *command, "--host", "127.0.0.1", "--processes", "2", cwd=tmp_path, env=web_environment(provider, base)
    )
    try:
        read_line(process, 90)  # the summary comes at once: the rest of it is already read in
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[1:] == [
            f"Health for a monitor at {base}/healthz.\n",
            f"Showing the web report at {base}/report/ (after sign-in).\n",
        ]
        client, page = sign_in(ReportServer(base))
        assert page.status_code == 200
        for _ in range(12):  # new connections, spread over both processes by the system
            fresh = httpx.get(f"{base}/report/2019-06", cookies={SESSION_COOKIE: client.cookies[SESSION_COOKIE]})
            assert fresh.status_code == 200
        client.close()
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err


def test_revised_cells_and_the_analysts_comments_show_and_a_new_comment_shows_at_once(
    may_published: Path,
    config: Config,
    provider: FakeOpenIdProvider,
    tmp_path: Path,
) -> None:
    """The May digest was published; a later extract adds two April episodes (129 becomes 131)."""
    store = open_store(may_published)
    late = write_csv(tmp_path / "late.csv", late_april_rows(), HEADERS)
    ingest_extract(store, late, dt.datetime(2019, 7, 25, 9), config)
    for server in serve_report(may_published, with_access(config), provider):
        client, page = sign_in(server)
        assert row_of(page.text, "Number of Missing Episodes - all")[2:] == [
            "131, revised, was 129",
            "130",
            "116",
            "377",
        ]
        assert "<li>April 2019 missing episodes revised from 129 to 131 since the May 2019 digest</li>" in page.text
        assert "Comment:" not in page.text
        author = Author("U0ANALYST1", "Priya Shah", "slack")
        text = "RHI completion fell because two workers were on leave in the second half of the month."
        save_section_comment(store, parse_month("2019-06"), SECTION_BY_NUMBER["5"], text, author)
        again = client.get(server.url("/report/2019-06")).text
        comment_row = next(row for row in read_tables(again)[0] if row[0].startswith("Comment:"))
        assert comment_row == [f"Comment: {text} (Priya Shah, {dt.date.today():%d/%m/%Y})"]
        client.close()
    store.close()


def test_no_request_without_a_session_gets_a_figure_over_generated_paths_and_headers(report: ReportServer) -> None:
    """Over 120 generated requests (a seeded generator): paths under /report/, with any mix of forged headers and
    cookies, signed out; none is answered with a page of the report."""
    generator = random.Random(2025)
    pieces = ["2019-06", "2019-04", ".xlsx", "/charts/days-missing.png", "/", "..", "%2e%2e", "go?month=2019-06", "x"]
    cookies = ["", "x", "e30=.Zz1.abc", f"{base64.b64encode(json.dumps({'user': MANAGER_OID}).encode()).decode()}.1.2"]
    with httpx.Client(timeout=10) as client:
        for _ in range(120):
            path = "/report/" + "".join(generator.choice(pieces) for _ in range(generator.randint(0, 3)))
            headers = dict(generator.sample(sorted(FORGED_HEADERS.items()), generator.randint(0, 3)))
            if generator.random() < 0.3:
                headers["Authorization"] = f"Bearer {generator.choice(cookies[1:])}"
            client.cookies.clear()
            cookie = generator.choice(cookies)
            if cookie:
                client.cookies.set(SESSION_COOKIE, cookie)
            response = client.get(report.url(path), headers=headers)
            assert response.status_code in (303, 307, 404), (path, response.status_code)
            assert "<table" not in response.text, path
            if response.status_code == 303:
                assert response.headers["location"].startswith("/report/")
