"""Questions in Teams over real HTTP: the real Teams SDK checks Bot Framework tokens against the fake's keys,
fetches the bot's own token from the fake's token endpoint, and posts its card to the fake Bot Connector;
the outgoing webhook takes HMAC-signed requests. The app is the one `serve` runs, on uvicorn.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import httpx
import pytest

from bot.chats.teams.answers import render_answer_card, render_answer_message
from bot.chats.teams.bot import MESSAGES_PATH
from bot.chats.teams.cards import dump_card, load_card
from bot.chats.teams.outgoing import sign_body
from digest.contract.config import Config
from digest.lookups.service import FAILURE, REFUSAL, LookupService
from digest.store.lookups import TEAMS, TEAMS_WEBHOOK
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.snapshots import open_store
from tests.bot.teams_questions import (
    WEBHOOK_KEY,
    Teams,
    card_of,
    facts,
    outgoing_body,
    serve,
    settings_for,
    signed_post,
    texts,
)
from tests.fake_teams import CLIENT_ID, CLIENT_SECRET, TENANT_ID, FakeMicrosoft, SigningKey, message_activity
from tests.teams_cards import untyped_elements

FOOTER = "Data as at 18/07/2019 00:00 (snapshot 1)."


@pytest.fixture
def fake(microsoft: FakeMicrosoft) -> FakeMicrosoft:
    return microsoft


@pytest.fixture
def teams(reference_db: Path, config: Config, fake: FakeMicrosoft) -> Iterator[Teams]:
    server = serve(reference_db, config, settings_for(fake))
    yield Teams(f"http://127.0.0.1:{server.effective_port}", fake, reference_db)
    server.close()


def test_private_chat_question_is_answered_with_the_figure_card(teams: Teams) -> None:
    reply = teams.ask("RHI offered May")
    assert reply["path"] == "/v3/conversations/a:1personal-chat/activities"
    # The reply carries the bot's own token, fetched once from the token endpoint with its credentials.
    assert reply["authorization"] == f"Bearer {teams.fake.issued[0]}"
    (token_request,) = teams.fake.token_requests
    assert token_request["path"] == f"/{TENANT_ID}/oauth2/v2.0/token"
    assert token_request["scope"] == "https://api.botframework.com/.default"
    card = card_of(reply["activity"])
    assert texts(card) == [
        "Return home interviews offered, May 2019",
        "115",
        "94% of 122 episodes with an offer recorded",
        FOOTER,
    ]
    assert facts(card["body"][3]) == [
        ("April 2019", "98 (84% of 117 episodes with an offer recorded)"),
        ("Year to date 2019/20", "213 (89% of 239 episodes with an offer recorded)"),
    ]
    assert teams.lookups() == [(TEAMS, "aad-analyst", "a:1personal-chat", "rhi offered may", "answered")]


def test_channel_mention_is_answered_in_its_thread_with_a_line_chart(teams: Teams) -> None:
    reply = teams.ask("<at>Missing report</at> trend LAC episodes", channel=True)
    assert reply["path"] == "/v3/conversations/19:perf@thread.tacv2;messageid=1700000000002/activities"
    card = card_of(reply["activity"])
    title, chart, starts, extremes, whole, footer = card["body"]
    assert (
        title["text"] == "LAC episodes, April to June 2019 month by month"
    )  # a trend: 13 months, from the data's first
    assert chart["type"] == "Chart.Line"
    assert [(p["x"], p["y"]) for p in chart["data"][0]["values"]] == [("Apr-19", 75), ("May-19", 87), ("Jun-19", 74)]
    assert facts(chart["fallback"]) == [("April 2019", "75"), ("May 2019", "87"), ("June 2019", "74")]
    assert starts["text"] == "No data before April 2019: the data starts then."
    assert extremes["text"] == "Highest figure: May 2019, 87; lowest: June 2019, 74."
    assert whole["text"] == "April to June 2019 as a whole: 236"
    assert footer["text"] == FOOTER
    assert teams.lookups() == [(TEAMS, "aad-analyst", "19:perf@thread.tacv2", "trend lac episodes", "answered")]


def test_close_readings_ask_back_with_buttons_that_ask_again(teams: Teams) -> None:
    card = card_of(teams.ask("CSE june")["activity"])
    assert texts(card) == ["Which of these did you mean?"]
    (buttons,) = [element for element in card["body"] if element["type"] == "ActionSet"]
    assert [(a["type"], a["title"], a["data"]) for a in buttons["actions"]] == [
        (
            "Action.Submit",
            "Episodes at CSE risk (medium/high)",
            {"msteams": {"type": "imBack", "value": "@episodes.cse june"}},
        ),
        (
            "Action.Submit",
            "Children at CSE risk (medium/high)",
            {"msteams": {"type": "imBack", "value": "@children.cse june"}},
        ),
    ]
    # A click sends the button's question as if typed: the bot answers that reading.
    answer = card_of(teams.ask("@children.cse june")["activity"])
    assert texts(answer)[:2] == ["Children at CSE risk (medium/high), June 2019", "9"]
    assert [row[3:] for row in teams.lookups()] == [("cse june", "clarify"), ("@children.cse june", "answered")]


def test_an_answer_offers_the_other_readings_as_buttons_under_it(teams: Teams) -> None:
    card = card_of(teams.ask("LAC june")["activity"])
    assert texts(card)[:2] == ["LAC episodes, June 2019", "74"]
    assert "Did you mean one of these instead?" in texts(card)
    (buttons,) = [element for element in card["body"] if element["type"] == "ActionSet"]
    assert [(a["title"], a["data"]) for a in buttons["actions"]] == [
        ("Looked-after children missing", {"msteams": {"type": "imBack", "value": "@children.lac june"}}),
    ]


def test_a_breakdown_is_a_table(teams: Teams) -> None:
    card = card_of(teams.ask("gender june")["activity"])
    table = next(element for element in card["body"] if element["type"] == "Table")
    cells = [[cell["items"][0]["text"] for cell in row["cells"]] for row in table["rows"]]
    assert cells == [[" ", "Jun-19", "YTD 2019/20"], ["Female", "63 54%", "172 46%"], ["Male", "53 46%", "203 54%"]]
    assert facts(table["fallback"]) == [
        ("Female", "Jun-19 63 54% · YTD 2019/20 172 46%"),
        ("Male", "Jun-19 53 46% · YTD 2019/20 203 54%"),
    ]


def test_a_partial_month_is_marked(teams: Teams) -> None:
    card = card_of(teams.ask("episodes this month")["activity"])
    assert texts(card)[0] == "Missing episodes, July 2019 (partial month, to 18/07/2019 00:00)"


def test_requests_without_a_good_token_get_401_and_no_answer(teams: Teams) -> None:
    now = int(time.time())
    spoilt = {
        "no token": None,
        "signed by another key": SigningKey().sign({"iss": "https://api.botframework.com", "aud": CLIENT_ID}),
        "for another bot": teams.token(aud="someone-else"),
        "from another issuer": teams.token(iss="https://evil.example"),
        "expired": teams.token(exp=now - 3600, iat=now - 7200, nbf=now - 7200),
        "for another service URL": teams.token(serviceurl="https://smba.trafficmanager.net/teams"),
    }
    for name, token in spoilt.items():
        response = teams.post(message_activity("LAC episodes June", teams.fake.base_url), token)
        assert response.status_code == 401, name
    time.sleep(0.2)
    assert teams.fake.replies == []
    assert teams.lookups() == [(TEAMS, "aad-analyst", "a:1personal-chat", "", "rejected (signature)")] * len(spoilt)


def test_a_replayed_activity_is_answered_once(teams: Teams) -> None:
    activity = message_activity("LAC episodes June", teams.fake.base_url)
    assert teams.post(activity, teams.token()).status_code == 200
    assert teams.post(activity, teams.token()).status_code == 200
    time.sleep(0.3)
    assert len(teams.fake.replies) == 1
    assert [row[4] for row in teams.lookups()] == ["answered", "rejected (signature)"]


def test_another_tenant_gets_no_answer(teams: Teams) -> None:
    activity = message_activity("LAC episodes June", teams.fake.base_url, tenant="99999999-0000-4000-8000-000000000000")
    assert teams.post(activity, teams.token()).status_code == 200
    time.sleep(0.3)
    assert teams.fake.replies == []
    assert [row[4] for row in teams.lookups()] == ["rejected (signature)"]


def test_access_list_covers_teams_channels_and_people(reference_db: Path, config: Config, fake: FakeMicrosoft) -> None:
    settings = settings_for(fake, allowed_channels=frozenset({"19:perf@thread.tacv2"}))
    server = serve(reference_db, config, settings)
    teams = Teams(f"http://127.0.0.1:{server.effective_port}", fake, reference_db)
    try:
        assert texts(card_of(teams.ask("episodes")["activity"])) == [REFUSAL]
        in_channel = card_of(teams.ask("<at>Missing report</at> episodes", channel=True)["activity"])
        assert texts(in_channel)[0].startswith("Missing episodes")
    finally:
        server.close()
    assert [(row[2], row[4]) for row in teams.lookups()] == [
        ("a:1personal-chat", "refused"),
        ("19:perf@thread.tacv2", "answered"),
    ]


def test_unauthenticated_mode_takes_requests_without_a_token(
    reference_db: Path, config: Config, fake: FakeMicrosoft
) -> None:
    settings = settings_for(fake, client_id=None, client_secret=None)
    server = serve(reference_db, config, settings, allow_unauthenticated=True)
    try:
        url = f"http://127.0.0.1:{server.effective_port}{MESSAGES_PATH}"
        response = httpx.post(url, json=message_activity("LAC episodes June", fake.base_url), timeout=15)
        assert response.status_code == 200
        (reply,) = fake.wait_for_replies(1)
    finally:
        server.close()
    assert texts(card_of(reply["activity"]))[:2] == ["LAC episodes, June 2019", "74"]


def test_outgoing_webhook_answers_signed_requests(teams: Teams) -> None:
    body = outgoing_body("LAC episodes June")
    started = time.perf_counter()
    response = signed_post(teams.url, body, sign_body(WEBHOOK_KEY, body))
    assert time.perf_counter() - started < 5  # Teams' limit
    assert response.status_code == 200
    card = card_of(response.json())
    assert texts(card) == ["LAC episodes, June 2019", "74", FOOTER]
    assert facts(card["body"][2]) == [("May 2019", "87"), ("Year to date 2019/20", "236")]
    assert teams.lookups() == [(TEAMS_WEBHOOK, "aad-analyst", "19:perf@thread.tacv2", "lac episodes june", "answered")]


def test_outgoing_webhook_asks_back_with_the_questions_to_type(teams: Teams) -> None:
    body = outgoing_body("CSE june")
    card = card_of(signed_post(teams.url, body, sign_body(WEBHOOK_KEY, body)).json())
    assert not [
        element for element in card["body"] if element["type"] == "ActionSet"
    ]  # a webhook reply takes links only
    assert texts(card)[1:3] == [
        'Episodes at CSE risk (medium/high): ask "@episodes.cse june"',
        'Children at CSE risk (medium/high): ask "@children.cse june"',
    ]


def test_outgoing_webhook_refuses_forged_tampered_unsigned_stale_and_replayed_requests(teams: Teams) -> None:
    body = outgoing_body("LAC episodes June")
    signature = sign_body(WEBHOOK_KEY, body)
    stale = outgoing_body("LAC episodes June", timestamp="2019-07-18T09:00:00.000Z")
    refused = {
        "forged": (body, sign_body(b"not-the-secret", body)),
        "tampered": (body.replace(b"June", b"July"), signature),
        "unsigned": (body, None),
        "not HMAC": (body, "Bearer " + signature.split()[1]),
        "stale": (stale, sign_body(WEBHOOK_KEY, stale)),
    }
    for name, (content, authorization) in refused.items():
        response = signed_post(teams.url, content, authorization)
        assert response.status_code == 401, name
        assert "attachments" not in response.json(), name
    assert signed_post(teams.url, body, signature).status_code == 200
    assert signed_post(teams.url, body, signature).status_code == 401  # the same request again
    assert [row[4] for row in teams.lookups()] == ["rejected (signature)"] * 5 + ["answered", "rejected (signature)"]


QUESTIONS = [
    "LAC episodes June",
    "rhi in time june",
    "children ytd",
    "trend LAC episodes",
    "trend rhi offered",
    "gender june",
    "BME june",
    "ethnicity ytd",
    "profile",
    "help",
    "episodes jlx",
    "episodes september 2019",
    "still missing april",
    "LAC june",
    "CSE june",
    "LAC episodes june vs may",
    "girls and boys june",
    "busiest month this year",
    "ethnicity breakdown june against may",
    "episodes per child ytd",
    "average length of an episode q1",
    "at least 2 days june",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_card_round_trips_through_the_typed_models(
    reference_db: Path, config: Config, question: str
) -> None:
    service = LookupService(partial(open_store, reference_db), config)
    card = dump_card(render_answer_card(service.ask("U", "C", question)))
    typed = load_card(json.loads(json.dumps(card)))
    assert type(typed).__name__ == "AdaptiveCard"
    assert untyped_elements(typed) == []
    assert typed.model_dump(mode="json", by_alias=True, exclude_none=True) == card
    assert len(json.dumps(card).encode()) < 28 * 1024  # Teams' limit on a message
    replied = json.dumps(render_answer_message(service.ask("U", "C", question)))  # the outgoing webhook's reply
    assert not re.search(r'": -?\d+\.0[,}]', replied)  # a count of 88 goes out as 88, not 88.0


def test_serve_refuses_the_development_flag_with_production_settings(
    reference_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli.main import main

    monkeypatch.setenv("TEAMS_CLIENT_SECRET", CLIENT_SECRET)
    assert main(["--db", str(reference_db), "serve", "--teams-dev-unauthenticated"], print) == 1
    assert capsys.readouterr().err == (
        "missing-report: --teams-dev-unauthenticated is for local development only and is refused with production "
        "settings: TEAMS_CLIENT_SECRET is set. Unset it, or leave out --teams-dev-unauthenticated\n"
    )
    monkeypatch.delenv("TEAMS_CLIENT_SECRET")
    assert main(["--db", str(reference_db), "serve", "--teams-dev-unauthenticated", "--host", "0.0.0.0"], print) == 1
    assert capsys.readouterr().err == (
        "missing-report: --teams-dev-unauthenticated is for local development only: it is refused when the server "
        "listens beyond this machine (--host 0.0.0.0). Use --host 127.0.0.1\n"
    )


@pytest.mark.slow  # waits on the real clock (retries, reconnection, a lock's timeout): `make test-slow`, which CI runs
def test_a_replay_memory_that_cannot_be_written_is_said_to_the_asker_logged_and_audited(
    teams: Teams, caplog: pytest.LogCaptureFixture
) -> None:
    """The replay memory is the file Slack's requests use (issue 22): when it cannot be written, a Teams question is
    neither answered unchecked nor left without a word."""
    memory = recent_keys_path(teams.db)
    RecentKeys(memory).prepare()
    holder = sqlite3.connect(memory, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds it
    try:
        with caplog.at_level(logging.ERROR):
            card = card_of(teams.ask("LAC episodes June")["activity"])
            body = outgoing_body("LAC episodes June")
            hooked = signed_post(teams.url, body, sign_body(WEBHOOK_KEY, body))
    finally:
        holder.close()
    assert texts(card) == [FAILURE]
    assert (hooked.status_code, texts(card_of(hooked.json()))) == (200, [FAILURE])
    fault = f"the replay memory {memory} cannot be written: database is locked"
    assert [r.getMessage() for r in caplog.records if r.name.startswith("bot.chats.teams")] == [
        f"A Teams message was not answered: {fault}",
        f"A Teams outgoing-webhook request was not answered: {fault}",
    ]
    not_answered = [(platform, outcome) for platform, *_, outcome in teams.lookups() if outcome.startswith("not")]
    assert not_answered == [(TEAMS, "not answered (server fault)"), (TEAMS_WEBHOOK, "not answered (server fault)")]
