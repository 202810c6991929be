"""/missing over real HTTP: signed requests, as Slack sends them, to the Bolt app served by uvicorn."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.server import EVENTS_PATH
from digest.contract.config import Config
from digest.lookups.service import REFUSAL, Access
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.processes import without_data_notices
from tests.bot.slack_questions import SECRET, ask, read_line, start
from tests.fake_slack import FakeSlack, block_actions_request, wait_until


@dataclass
class Running:
    url: str
    db: Path
    slack: FakeSlack


@pytest.fixture
def running(reference_db: Path, config: Config, slack: FakeSlack) -> Iterator[Running]:
    server, _ = start(reference_db, config, slack, Access(users=frozenset(), channels=frozenset()))
    yield Running(f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}", reference_db, slack)
    server.close()


PHRASINGS = [
    ("LAC episodes June", "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236"),
    ("june lac episodes", "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236"),
    (  # CLA are children looked after: the episodes are answered, the children offered under them
        "CLA epsiodes Jun-19",
        "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236\nDid you mean one of these instead?\n"
        '  Looked-after children missing: ask "@children.lac 2019-06"',
    ),
    ("children in june 2019", "Children missing, June 2019\n53\nMay 2019: 68\nYear to date 2019/20: 104"),
    # Distinct over April and May: 36 looked-after children and 49 others, by the fixture's design.
    ("kids 2019-05", "Children missing, May 2019\n68\nApril 2019: 57\nYear to date 2019/20: 85"),
    (
        "repeat LAC last month",
        "Looked-after children with 3 or more LAC episodes, June 2019\n7\nMay 2019: 7\nYear to date 2019/20: 14",
    ),
    ("CSE episodes", "Episodes at CSE risk (medium/high), June 2019\n28\nMay 2019: 16\nYear to date 2019/20: 61"),
    (
        "young people YTD",
        "Children missing, April to June 2019 (2019/20 year to date)\n104\nBy month: Apr-19 57 · May-19 68 · Jun-19 53",
    ),
    (
        "rhi offered may",
        "Return home interviews offered, May 2019\n115 (94% of 122 episodes with an offer recorded)\n"
        "April 2019: 98 (84% of 117 episodes with an offer recorded)\n"
        "Year to date 2019/20: 213 (89% of 239 episodes with an offer recorded)",
    ),
    (  # as Slack sends "&" (and "<", ">"): escaped
        "rhi offered may (not inc. No &amp; N/A)",
        "Return home interviews offered, May 2019\n115 (94% of 122 episodes with an offer recorded)\n"
        "April 2019: 98 (84% of 117 episodes with an offer recorded)\n"
        "Year to date 2019/20: 213 (89% of 239 episodes with an offer recorded)",
    ),
    (
        "days missing &gt;= 2, june",
        "2 days to More than 5 days (episodes), June 2019\n10 (9% of 116 episodes)\nRows 4.3 to 4.7 of the report "
        "added up.\nYear to date 2019/20: 45 (12% of 375 episodes)\nStill missing at the end of June 2019: 0 (those "
        "back by 18/07/2019 00:00 are counted above by how long they were missing; any still missing then are not, as "
        "how long they will be missing is not known yet).",
    ),
    (
        "rhi in time june",
        "Return home interviews completed in time, June 2019\n49 (69% of 71 accepted)\n"
        "May 2019: 94 (86% of 109 accepted)\nYear to date 2019/20: 208 (76% of 273 accepted)",
    ),
    ("still missing april", "Still missing at the end of the month, April 2019\n2 (1.6% of 129 episodes)"),
    (
        "other LA june",
        "Episodes of children from another local authority, June 2019\n15 (13% of 116 episodes)\n"
        "May 2019: 6 (5% of 130 episodes)\nYear to date 2019/20: 33 (9% of 375 episodes)",
    ),
    (
        "gender june",
        "Gender, June 2019\nRows that are zero throughout are left out.\n"
        "        Jun-19  YTD 2019/20\nFemale  63 54%      172 46%\nMale    53 46%      203 54%",
    ),
]
FOOTER = "\nData as at 18/07/2019 00:00 (snapshot 1)."


@pytest.mark.parametrize(("question", "answer"), PHRASINGS)
def test_answers_over_http(running: Running, question: str, answer: str) -> None:
    status, reply = ask(running.url, question)
    assert status == 200
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == answer + FOOTER
    assert reply["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": FOOTER.strip()}]}


def test_bme_is_a_small_table(running: Running) -> None:
    _, reply = ask(running.url, "BME summary june")
    assert reply["text"] == (
        "BME summary, June 2019\nRows that are zero throughout are left out.\n"
        "                              Jun-19  YTD 2019/20\n"
        "Total BME                       8 7%      102 27%\n"
        "A1 - White British            97 84%      235 63%\n"
        "E4 - Not obtained / recorded   11 9%       38 10%" + FOOTER
    )
    assert reply["blocks"][1]["text"]["text"].startswith("```                              Jun-19  YTD 2019/20")


def test_answer_blocks(running: Running) -> None:
    _, reply = ask(running.url, "LAC episodes June")
    assert reply["blocks"][0] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "*LAC episodes, June 2019*\n*74*\nMay 2019: 87\nYear to date 2019/20: 236"},
    }


def press(running: Running, action_id: str, value: str) -> int:
    request = block_actions_request(running.url, SECRET, action_id, value, running.slack.response_url)
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.status)


def test_close_readings_ask_back_and_a_button_answers(running: Running) -> None:
    status, reply = ask(running.url, "CSE june")
    assert status == 200
    assert reply["text"].splitlines() == [
        "Which of these did you mean?",
        '  Episodes at CSE risk (medium/high): ask "@episodes.cse june"',
        '  Children at CSE risk (medium/high): ask "@children.cse june"',
    ]
    buttons = next(b for b in reply["blocks"] if b["type"] == "actions")["elements"]
    assert [(b["text"]["text"], b["action_id"], b["value"]) for b in buttons] == [
        ("Episodes at CSE risk (medium/high)", "missing_choice_0", "@episodes.cse june"),
        ("Children at CSE risk (medium/high)", "missing_choice_1", "@children.cse june"),
    ]
    assert press(running, buttons[1]["action_id"], buttons[1]["value"]) == 200
    assert wait_until(lambda: len(running.slack.responses) == 1, 10)
    sent = running.slack.responses[0]
    assert sent["replace_original"] is True
    assert sent["response_type"] == "ephemeral"
    assert sent["text"] == (
        "Children at CSE risk (medium/high), June 2019\n9\nMay 2019: 10\nYear to date 2019/20: 17" + FOOTER
    )
    store = open_store(running.db)
    assert [(x.question, x.outcome) for x in load_lookups(store)] == [
        ("cse june", "clarify"),
        ("@children.cse june", "answered"),
    ]
    store.close()


def test_an_answer_offers_the_other_readings_as_buttons_under_it(running: Running) -> None:
    _, reply = ask(running.url, "LAC june")
    assert reply["text"].splitlines()[:2] == ["LAC episodes, June 2019", "74"]
    context = [b for b in reply["blocks"] if b["type"] == "context"]
    assert context[0]["elements"][0]["text"] == "Did you mean one of these instead?"
    buttons = next(b for b in reply["blocks"] if b["type"] == "actions")["elements"]
    assert [(b["text"]["text"], b["action_id"], b["value"]) for b in buttons] == [
        ("Looked-after children missing", "missing_choice_0", "@children.lac june"),
        ("Share in channel", "missing_share", "LAC june"),
    ]
    assert press(running, buttons[0]["action_id"], buttons[0]["value"]) == 200
    assert wait_until(lambda: len(running.slack.responses) == 1, 10)
    assert running.slack.responses[0]["text"] == (
        "Looked-after children missing, June 2019\n28\nMay 2019: 33\nYear to date 2019/20: 40" + FOOTER
    )


def test_share_button_posts_the_answer_for_the_channel(running: Running) -> None:
    _, reply = ask(running.url, "same day returns june")
    assert reply["response_type"] == "ephemeral"
    share = next(b for b in reply["blocks"] if b["type"] == "actions")["elements"][0]
    assert (share["text"]["text"], share["action_id"], share["value"]) == (
        "Share in channel",
        "missing_share",
        "same day returns june",
    )
    assert press(running, share["action_id"], share["value"]) == 200
    assert wait_until(lambda: len(running.slack.responses) == 1, 10)
    sent = running.slack.responses[0]
    assert sent["response_type"] == "in_channel"
    assert sent["replace_original"] is False
    assert sent["text"] == reply["text"]
    assert all(b["type"] != "actions" for b in sent["blocks"])  # a shared answer has no share button
    assert sent["blocks"][-1]["elements"][0]["text"] == FOOTER.strip() + " Shared by <@U0ANALYST>."


def test_a_forged_button_press_is_refused(running: Running) -> None:
    request = block_actions_request(running.url, "not-the-secret", "missing_share", "episodes", "http://127.0.0.1:9/")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
    assert running.slack.responses == []


def test_share_shows_the_answer_to_the_channel(running: Running) -> None:
    _, reply = ask(running.url, "share children june")
    assert reply["response_type"] == "in_channel"


def test_not_understood_says_so_and_suggests_no_word_it_was_not_given(running: Running) -> None:
    status, reply = ask(running.url, "episodes jlx")
    assert status == 200
    assert reply["text"].splitlines()[:2] == [
        "Sorry, I could not answer that.",
        "I did not understand a word of that (not repeated here, in case it names someone).",
    ]
    assert "Traceback" not in reply["text"]


def test_month_without_data_names_the_months_there_are(running: Running) -> None:
    _, reply = ask(running.url, "episodes september 2019")
    assert reply["text"] == (
        "There are no figures for September 2019 in the latest snapshot.\n"
        "Months with data: April 2019 to July 2019." + FOOTER
    )


def test_help_lists_what_can_be_asked(running: Running) -> None:
    _, reply = ask(running.url, "help")
    lines = reply["text"].splitlines()
    assert lines[:3] == [
        "Ask about any row of the report, in its own words, with a period:",
        'All Episodes: "Missing episodes June"',
        'Looked After Children (by missing episodes): "LAC episodes last month"',
    ]


def test_bad_signature_and_stale_timestamp_get_401(running: Running) -> None:
    assert ask(running.url, "episodes", secret="not-the-secret")[0] == 401
    assert ask(running.url, "episodes", timestamp=int(time.time()) - 600)[0] == 401
    store = open_store(running.db)
    assert [(x.user_id, x.outcome) for x in load_lookups(store)] == [
        ("U0ANALYST", "rejected (signature)"),
        ("U0ANALYST", "rejected (signature)"),
    ]
    store.close()


def test_access_list_refuses_others_politely(reference_db: Path, config: Config, slack: FakeSlack) -> None:
    server, _ = start(reference_db, config, slack, Access(channels=frozenset({"C0PERF"}), users=frozenset({"U0HEAD"})))
    url = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    try:
        assert ask(url, "episodes", user="U0STRANGER", channel="C0RANDOM")[1]["text"] == REFUSAL
        assert ask(url, "episodes", user="U0STRANGER", channel="C0PERF")[1]["text"].startswith("Missing episodes")
        assert ask(url, "episodes", user="U0HEAD", channel="D0DM")[1]["text"].startswith("Missing episodes")
    finally:
        server.close()
    store = open_store(reference_db)
    assert [(x.user_id, x.channel_id, x.question, x.outcome) for x in load_lookups(store)] == [
        ("U0STRANGER", "C0RANDOM", "episodes", "refused"),
        ("U0STRANGER", "C0PERF", "episodes", "answered"),
        ("U0HEAD", "D0DM", "episodes", "answered"),
    ]
    store.close()


def test_every_request_leaves_an_audit_row(running: Running) -> None:
    for question in ("LAC episodes June", "banana", "episodes september 2019", "help"):
        ask(running.url, question)
    store = open_store(running.db)
    lookups = load_lookups(store)
    store.close()
    assert [(x.question, x.outcome, x.snapshot_id) for x in lookups] == [
        ("lac episodes june", "answered", 1),
        ("***", "not understood", None),
        ("episodes september 2019", "no data", 1),
        ("help", "answered", None),
    ]
    assert all(x.user_id == "U0ANALYST" and x.channel_id == "C0PERF" for x in lookups)
    assert all(0 <= x.milliseconds < 3000 for x in lookups)


@pytest.mark.slow  # real processes started and stopped: `make test-slow`, which CI runs
def test_serve_answers_over_http_beside_the_scheduler(
    reference_db: Path, slack: FakeSlack, slack_env: dict[str, str], tmp_path: Path
) -> None:
    environment = {**slack_env, "SLACK_SIGNING_SECRET": SECRET}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(reference_db), "serve", "--port", "0", "--processes", "1"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert read_line(process).startswith("Serving: the previous month's digest goes to Slack channel C0DIGEST")
        assert process.stdout is not None  # the summary comes at once: the rest of it is already read in
        assert process.stdout.readline() == "Watching inbox/ every 15 minutes; alerts go to outbox/alerts.\n"
        answering = process.stdout.readline()
        port = int(answering.rsplit(":", 1)[1].split("/")[0])
        assert answering == f"Answering /missing at http://0.0.0.0:{port}/slack/events.\n"
        assert [process.stdout.readline() for _ in range(5)] == [
            f"Health for a monitor at http://0.0.0.0:{port}/healthz.\n",
            "Answering on 1 process (--processes N to change).\n",
            "Not answering in Teams chats: TEAMS_CLIENT_ID is not set.\n",
            "No Teams outgoing webhook: TEAMS_OUTGOING_WEBHOOK_SECRET is not set.\n",
            "Ctrl-C stops.\n",
        ]
        status, reply = ask(f"http://127.0.0.1:{port}{EVENTS_PATH}", "LAC episodes June")
        assert status == 200
        assert reply["text"].startswith("LAC episodes, June 2019\n74\n")
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert without_data_notices(out) == ["Stopped."]
    assert "INFO" not in err  # uvicorn's, APScheduler's and Bolt's chatter stays out of the terminal
    assert slack.count("auth.test") == 1  # Bolt checked the token at start


def test_a_definition_over_http(running: Running) -> None:
    status, reply = ask(running.url, "what counts as LAC episodes")
    assert status == 200
    assert reply["text"] == (
        "2.1 Number of Missing Episodes - LAC: what it counts\n"
        'Section 2, Looked After Children (by missing episodes); key "episodes.lac".\n'
        "Episodes whose care status at the start was LAC, and the children among them.\n"
        "A count, with no percentage.\n"
        "Every definition: docs/indicators.md."
    )
