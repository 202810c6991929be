"""Disclosure control on chat answers and alerts, switched in the config ([slash] suppress, [teams]
questions_suppress, [alerts] suppress), over the servers `serve` runs and the fake Slack."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.chat import Routes, Serving
from bot.chats.slack.platform import add_slack
from bot.chats.teams.outgoing import sign_body
from bot.chats.teams.platform import add_teams
from bot.server import EVENTS_PATH, build_web_app, create_http_server
from bot.settings import Settings, load_settings, load_teams_question_settings
from digest.contract.config import Config
from digest.figures.periods import parse_month
from digest.figures.small_counts import SUPPRESSED_MEANING
from digest.reporting.digests import build_digest
from digest.store.snapshots import open_store
from tests.bot.alert_runs import ALERTS, EXPECTED, alert_on_sequence
from tests.bot.slack_questions import SECRET, ask
from tests.bot.teams_questions import card_of, facts, outgoing_body, signed_post, texts
from tests.fake_slack import FakeSlack

FOOTER = "Data as at 18/07/2019 00:00 (snapshot 1)."
WEBHOOK_KEY = b"outgoing-webhook-shared-secret-32"
# Early Help, June 2019: 9 episodes, withheld by secondary suppression in the June digest (else the care
# status section's small counts could be worked out from its total); May's 13 is withheld in May's digest.
EARLY_HELP_JUNE = [
    "Early Help, June 2019",
    "c",
    "May 2019: c",
    "Year to date 2019/20: 27 (7% of 375 episodes)",
    SUPPRESSED_MEANING,
    FOOTER,
]


def with_switch(config: Config, section: str, key: str) -> Config:
    return replace(config, raw={**config.raw, section: {**config.raw.get(section, {}), key: True}})


def serve_slack(db: Path, config: Config, slack_env: dict[str, str]) -> Iterator[str]:
    settings = load_settings(config, {**slack_env, "SLACK_SIGNING_SECRET": SECRET})
    web = build_web_app()
    add_slack(web, Routes(), Serving(config, settings, partial(open_store, db), db))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    server.close()


@pytest.fixture
def suppressed_slack(reference_db: Path, config: Config, slack_env: dict[str, str]) -> Iterator[str]:
    yield from serve_slack(reference_db, with_switch(config, "slash", "suppress"), slack_env)


def test_slash_suppress_answers_c_with_why_as_the_months_digest_withholds_it(
    suppressed_slack: str, reference_db: Path, config: Config
) -> None:
    status, reply = ask(suppressed_slack, "early help june")
    assert status == 200
    assert reply["text"] == "\n".join(EARLY_HELP_JUNE)
    digest = build_digest(open_store(reference_db), config, parse_month("2019-06"), suppress=True)
    case_type = next(c for c in digest.chart_data if c.name == "case-type")
    assert case_type.series[0].values[case_type.labels.index("Early Help")] is None  # the June digest's c too
    _, small = ask(suppressed_slack, "4 days june")  # 2 in June: a primary c, and no percentage beside any c
    assert small["text"].splitlines()[1:4] == ["c", "May 2019: c", "Year to date 2019/20: c"]
    _, shown = ask(suppressed_slack, "LAC episodes June")  # nothing withheld: no explanation either
    assert shown["text"] == f"LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236\n{FOOTER}"


def test_without_the_switch_slash_answers_are_exact(
    reference_db: Path, config: Config, slack_env: dict[str, str]
) -> None:
    for url in serve_slack(reference_db, config, slack_env):
        _, reply = ask(url, "early help june")
        assert reply["text"].splitlines()[1:3] == ["9 (8% of 116 episodes)", "May 2019: 13 (10% of 130 episodes)"]


def test_teams_questions_suppress_covers_the_outgoing_webhook(reference_db: Path, config: Config) -> None:
    suppressed = with_switch(config, "teams", "questions_suppress")
    teams = load_teams_question_settings(
        suppressed, {"TEAMS_OUTGOING_WEBHOOK_SECRET": base64.b64encode(WEBHOOK_KEY).decode()}
    )
    assert teams.suppress
    web = build_web_app()
    add_teams(web, Routes(), suppressed, teams, partial(open_store, reference_db), False, reference_db)
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    try:
        body = outgoing_body("early help june")
        response = signed_post(f"http://127.0.0.1:{server.effective_port}", body, sign_body(WEBHOOK_KEY, body))
    finally:
        server.close()
    card: dict[str, Any] = card_of(response.json())
    assert texts(card) == ["Early Help, June 2019", "c", f"{SUPPRESSED_MEANING}\n{FOOTER}"]
    assert facts(card["body"][2]) == [("May 2019", "c"), ("Year to date 2019/20", "27 (7% of 375 episodes)")]


SUPPRESSED_ALERTS = [
    "More children missing: c now, up from c at the last extract (18/07/2019 09:00 to 18/07/2019 12:00). Of them: "
    "c LAC, c at CSE risk (medium/high); c missing over 24 hours, c over 72 hours; the longest missing for 4 days "
    f"2 hours. c went missing since the last extract. {SUPPRESSED_MEANING}",
    "Children missing are back to the earlier level: c now (as at 19/07/2019 09:00), down from c at the last "
    f"extract; the level before the rise was c. {SUPPRESSED_MEANING}",
    "More children missing: c now, up from c at the last extract (19/07/2019 12:00 to 19/07/2019 14:00). Of them: "
    "c LAC, c at CSE risk (medium/high); c missing over 24 hours, c over 72 hours; the longest missing for 5 days "
    f"4 hours. c went missing since the last extract. {SUPPRESSED_MEANING}",
]


def test_alerts_suppress_says_the_number_rose_without_a_count_from_1_to_5(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    slack.channels.add(ALERTS)
    from_config = load_settings(with_switch(config, "alerts", "suppress"), {})
    assert from_config.alert_rules.suppress
    alerting = replace(settings, alerts_channel=ALERTS, alert_rules=from_config.alert_rules)
    store = open_store(tmp_path / "store.db")
    alert_on_sequence(tmp_path, config, alerting, store)
    assert [m["text"] for m in slack.messages] == SUPPRESSED_ALERTS  # the same three alerts as EXPECTED says
    assert len(EXPECTED) == len(SUPPRESSED_ALERTS)
    store.close()
