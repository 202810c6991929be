"""Comments per section and month, end to end: from the command line and from a Slack modal (real signed slash
command, views.open at the fake Slack, real signed view_submission), both in the posted digest and its XLSX;
from a Teams card's submission; and every bad input answered in words, with nothing saved."""

from __future__ import annotations

import datetime as dt
import io
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bot.chats.slack.blocks import MAX_SECTION_TEXT_CHARS, render_comment_text, render_digest_message
from bot.chats.slack.comments import TEXT_BLOCK, render_comment_button
from bot.chats.slack.notifier import slack_notifier
from bot.chats.teams.cards import dump_card, load_card
from bot.chats.teams.digest_card import render_digest_card
from bot.outbox import render_preview_html
from bot.services.digests import run_digest
from bot.settings import Settings
from digest.contract.config import Config
from digest.figures.periods import Month
from digest.lookups.service import REFUSAL, Access, LookupService
from digest.reporting.commentary import (
    Author,
    SectionComment,
    clear_section_comment,
    read_section,
    save_section_comment,
)
from digest.reporting.content import Digest, Figure
from digest.reporting.digests import build_digest
from digest.store.comments import load_comment_history
from digest.store.lookups import load_lookups
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.digest_expectations import EXPECTED_BLOCKS
from tests.bot.slack_questions import SECRET, form_values, start
from tests.bot.teams_questions import Teams, card_of, run_teams
from tests.cli_runner import run_cli
from tests.fake_slack import (
    CHANNEL,
    FakeSlack,
    block_actions_request,
    slash_command_request,
    view_submission_request,
    wait_until,
)
from tests.fake_teams import message_activity

JUNE_MONTH = Month.parse("2019-06")
JUNE = JUNE_MONTH.index  # the figures' month index
CLI_TEXT = "RHI completion fell because two workers were on leave."
SLACK_TEXT = "Fewer episodes after the new return-home protocol; 5 children accounted for a third."
SAVED_5 = (
    "Saved the comment on section 5, Return Home Interviews, for June 2019. "
    "It shows under those figures in the digest, and in the table's Comments column."
)
SAVED_1 = (
    "Saved the comment on section 1, All Episodes, for June 2019. "
    "It shows under those figures in the digest, and in the table's Comments column."
)


def today() -> str:
    return dt.datetime.now(dt.UTC).strftime("%d/%m/%Y")


def send(request: urllib.request.Request) -> tuple[int, dict[str, Any]]:
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"{}")


@pytest.fixture
def events_url(reference_db: Path, config: Config, slack: FakeSlack) -> Iterator[str]:
    server, _ = start(reference_db, config, slack, Access())
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    server.close()


def open_form(url: str, slack: FakeSlack, text: str = "comment June", user: str = "U0ANALYST") -> dict[str, Any]:
    """/missing comment June: the command is acknowledged with nothing, and the form opened on its trigger."""
    request = slash_command_request(url, text, SECRET, user)
    status, reply = send(request)
    assert (status, reply) == (200, {})
    trigger = dict(urllib.parse.parse_qsl(request.data.decode()))["trigger_id"]  # type: ignore[union-attr]
    opened = slack.views[-1]
    assert opened["trigger_id"] == trigger
    view: dict[str, Any] = opened["view"]
    return view


def comment_block(section: str, title: str, text: str, who: str) -> dict[str, Any]:
    body = f":speech_balloon: *Comment on section {section}, {title}*\n{text}\n_{who}, {today()}_"
    return {"type": "section", "text": {"type": "mrkdwn", "text": body}}


def test_comments_from_the_cli_and_a_slack_modal_are_in_the_posted_digest_and_its_xlsx(
    reference_db: Path, config: Config, settings: Settings, slack: FakeSlack, events_url: str, tmp_path: Path
) -> None:
    db = ["--db", str(reference_db)]
    added = run_cli(
        *db, "comment", "--month", "2019-06", "--section", "5", "--text", CLI_TEXT, "--by", "Priya Shah", cwd=tmp_path
    )
    assert (added.returncode, added.stdout, added.stderr) == (0, SAVED_5 + "\n", "")

    view = open_form(events_url, slack)
    assert view["title"] == {"type": "plain_text", "text": "Comment, June 2019"}
    assert json.loads(view["private_metadata"]) == {"month": "2019-06", "channel": "C0PERF"}
    assert view["blocks"][0]["text"]["text"] == (
        f"Comments so far (a new one on the same section replaces it):\n• Section 5: {CLI_TEXT} (Priya Shah, {today()})"
    )
    options = view["blocks"][1]["element"]["options"]
    assert [o["value"] for o in options] == [str(n) for n in range(1, 11)]
    assert options[4]["text"]["text"] == "5 Return Home Interviews"

    status, reply = send(
        view_submission_request(events_url, SECRET, view, form_values("1", SLACK_TEXT), name="sam.jones")
    )
    assert status == 200
    assert reply["response_action"] == "update"
    assert reply["view"]["blocks"][0]["text"]["text"] == SAVED_1

    store = open_store(reference_db)
    try:
        assert run_digest(store, config, JUNE_MONTH, CHANNEL, slack_notifier(settings, CHANNEL)).state == "posted"
        audit = [(x.user_id, x.question, x.outcome, x.reading) for x in load_lookups(store)]
    finally:
        store.close()
    [message] = slack.messages
    expected = list(EXPECTED_BLOCKS)
    expected.insert(4, comment_block("1", "All Episodes", SLACK_TEXT, "sam.jones"))  # under the children
    expected.insert(6, comment_block("5", "Return Home Interviews", CLI_TEXT, "Priya Shah"))  # under the RHIs
    assert message["blocks"] == expected

    [workbook] = [f for f in slack.completed_files() if f["filename"] == "missing-report-2019-06.xlsx"]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook["content"])).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Ref")
    column = header.index("Comments")
    assert column == len(header) - 1
    comments = {r[0]: r[column] for r in rows if r[0] in {str(n) for n in range(1, 11)}}
    assert comments == {
        "1": f"{SLACK_TEXT} (sam.jones, {today()})",
        "2": None,
        "3": None,
        "4": None,
        "5": f"{CLI_TEXT} (Priya Shah, {today()})",
        "6": None,
        "7": None,
        "8": None,
        "9": None,
        "10": None,
    }
    # Audited as lookups are, with the month and section but never the comment's words.
    assert audit == [
        ("U0ANALYST", "comment", "comment form", "2019-06"),
        ("U0ANALYST", "comment", "comment saved", "2019-06, section 1"),
    ]


def test_a_new_comment_replaces_the_last_which_stays_in_the_history(reference_db: Path, tmp_path: Path) -> None:
    db = ["--db", str(reference_db), "comment", "--month", "June", "--section", "5"]
    run_cli(*db, "--text", "First thoughts.", "--by", "priya", cwd=tmp_path)
    run_cli(*db, "--text", "Second thoughts.", "--by", "sam", cwd=tmp_path)
    listed = run_cli("--db", str(reference_db), "comment", "--month", "2019-06", "--list", cwd=tmp_path)
    assert (
        listed.stdout
        == f"Comments for June 2019:\n  Section 5, Return Home Interviews (sam, {today()}):\n    Second thoughts.\n"
    )
    cleared = run_cli(*db, "--clear", "--by", "sam", cwd=tmp_path)
    assert cleared.stdout == "Cleared the comment on section 5, Return Home Interviews, for June 2019.\n"
    again = run_cli(*db, "--clear", cwd=tmp_path)
    assert again.stdout == "Section 5 has no comment for June 2019; nothing to clear.\n"
    listed = run_cli("--db", str(reference_db), "comment", "--month", "2019-06", "--list", cwd=tmp_path)
    assert listed.stdout == "No comments for June 2019.\n"
    store = open_store(reference_db)
    history = load_comment_history(store, "2019-06")
    store.close()
    assert [(c.text, c.author_id, c.replaced_by) for c in history] == [
        ("First thoughts.", "priya", "sam"),
        ("Second thoughts.", "sam", "sam"),
    ]


PRIVACY = (
    "missing-report: comments are published with the digest, so they must not carry anything about a child "
    "(no id, name, date of birth or address); "
)
BAD_CLI = [
    (
        ["--month", "Juune", "--section", "5", "--text", "x"],
        "missing-report: --month 'Juune' is not a month; write June, Jun-19, 2019-06 or last month",
    ),
    (
        ["--month", "2030-01", "--section", "5", "--text", "x"],
        "missing-report: there are no figures for January 2030 in the latest snapshot to comment on; "
        "months with figures: April 2019 to July 2019",
    ),
    (
        ["--month", "June", "--text", "x"],
        "missing-report: say which section with --section, for example --section 5 (Return Home Interviews)",
    ),
    (
        ["--month", "June", "--section", "11", "--text", "x"],
        "missing-report: that is not a section of the report; give the section's number: 1 All Episodes; "
        "2 Looked After Children (by missing episodes); 3 Child Sexual Exploitation (by missing episodes); "
        "4 Number of days missing; 5 Return Home Interviews; 6 Breakdown of social care status (by missing episodes); "
        "7 Breakdown by Gender (by missing episodes); 8 Breakdown by Ethnicity (by missing episodes); "
        "9 Breakdown by Age (by missing episodes); "
        "10 LAC CYP - Placement distance (at time of episode) from home in miles",
    ),
    (
        ["--month", "June", "--section", "5", "--text", "  \n "],
        "missing-report: the comment is empty; write what explains the section's figures",
    ),
    (
        ["--month", "June", "--section", "5", "--text", "x" * 1001],
        "missing-report: the comment is 1,001 characters; a comment takes at most 1,000. Shorten it",
    ),
    (
        ["--month", "June", "--section", "5", "--text", "Went missing on 03/04/2008 again"],
        PRIVACY + 'take out the full date (day, month and year) and say the period instead, for example "mid-June" '
        'or "the week of 10 June"',
    ),
    (
        ["--month", "June", "--section", "5", "--text", "born 3 April 2008"],
        PRIVACY + 'take out the full date (day, month and year) and say the period instead, for example "mid-June" '
        'or "the week of 10 June"',
    ),
    (
        ["--month", "June", "--section", "5", "--text", "See case CH1234 for why"],
        PRIVACY + "take out the number or code that looks like an id",
    ),
    (
        ["--month", "June", "--section", "5", "--text", "Episode 4471930 ran long"],
        PRIVACY + "take out the number or code that looks like an id",
    ),
]


@pytest.mark.parametrize(("args", "error"), BAD_CLI)
def test_bad_comments_from_the_cli_are_refused_in_words_and_nothing_is_saved(
    reference_db: Path, tmp_path: Path, args: list[str], error: str
) -> None:
    result = run_cli("--db", str(reference_db), "comment", *args, "--by", "priya", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", error + "\n")
    store = open_store(reference_db)
    assert load_comment_history(store, "2019-06") == []
    store.close()


def test_what_an_analyst_writes_is_taken(reference_db: Path, tmp_path: Path) -> None:
    text = "RHI in time fell from 86% to 69% (5.3a) in Q1 2019/20; Jun-19 had 2 staff off, back in mid-July 2019."
    result = run_cli("--db", str(reference_db), "comment", "--section", "5", "--text", text, "--by", "p", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_slack_form_with_a_date_of_birth_is_answered_under_the_comment_and_not_saved(
    reference_db: Path, slack: FakeSlack, events_url: str
) -> None:
    view = open_form(events_url, slack)
    status, reply = send(
        view_submission_request(events_url, SECRET, view, form_values("5", "DOB 2008-04-03, went missing"))
    )
    assert status == 200
    assert reply == {
        "response_action": "errors",
        "errors": {
            TEXT_BLOCK: "Not saved: comments are published with the digest, so they must not carry anything about a "
            "child (no id, name, date of birth or address); take out the full date (day, month and year) and say "
            'the period instead, for example "mid-June" or "the week of 10 June".'
        },
    }
    store = open_store(reference_db)
    assert load_comment_history(store, "2019-06") == []
    assert [(x.outcome, x.reading) for x in load_lookups(store)][-1] == ("comment not saved", "2019-06, section 5")
    store.close()


def test_slack_comments_follow_the_access_list(reference_db: Path, config: Config, slack: FakeSlack) -> None:
    server, _ = start(reference_db, config, slack, Access(users=frozenset({"U0LEAD"})))
    url = f"http://127.0.0.1:{server.effective_port}/slack/events"
    try:
        status, reply = send(slash_command_request(url, "comment June", SECRET, "U0OTHER"))
        assert (status, reply) == (200, {"text": REFUSAL, "response_type": "ephemeral"})
        assert slack.views == []
        view = open_form(url, slack, user="U0LEAD")
        # A submission from someone not on the list is refused too, though the form reached them.
        status, reply = send(view_submission_request(url, SECRET, view, form_values("5", "Fine."), user="U0OTHER"))
        assert reply == {"response_action": "errors", "errors": {TEXT_BLOCK: REFUSAL}}
    finally:
        server.close()
    store = open_store(reference_db)
    assert load_comment_history(store, "2019-06") == []
    store.close()


def test_a_slack_comment_on_a_month_without_figures_is_answered_in_words(events_url: str, slack: FakeSlack) -> None:
    status, reply = send(slash_command_request(events_url, "comment 2030-01", SECRET))
    assert (status, reply) == (
        200,
        {
            "text": "There are no figures for January 2030 in the latest snapshot to comment on; months with figures: "
            "April 2019 to July 2019.",
            "response_type": "ephemeral",
        },
    )
    assert slack.views == []


@pytest.fixture
def teams(reference_db: Path, config: Config) -> Iterator[Teams]:
    yield from run_teams(reference_db, config)


def submit_card(teams: Teams, values: dict[str, Any]) -> dict[str, Any]:
    """Save pressed on the comment card: Teams sends a message activity with no text and the card's values."""
    activity = message_activity("", teams.fake.base_url, channel=True)
    del activity["text"], activity["entities"]  # a card's submission carries no @mention
    activity["value"] = values
    before = len(teams.fake.replies)
    response = teams.post(activity, teams.token())
    assert response.status_code == 200, response.text
    return card_of(teams.fake.wait_for_replies(before + 1)[before]["activity"])


def test_a_teams_comment_card_saves_the_comment_with_the_aad_id(teams: Teams) -> None:
    card = card_of(teams.ask("comment June", channel=True)["activity"])
    assert card["body"][0]["text"] == "Comment on the June 2019 report"
    section, text = card["body"][1], card["body"][2]
    assert (section["type"], section["id"], section["isRequired"]) == ("Input.ChoiceSet", "section", True)
    assert section["choices"][4] == {"title": "5 Return Home Interviews", "value": "5"}
    assert (text["type"], text["id"], text["maxLength"]) == ("Input.Text", "comment", 1000)
    [save] = card["body"][4]["actions"]
    assert (save["type"], save["title"], save["data"]) == (
        "Action.Submit",
        "Save comment",
        {"action": "comment_save", "month": "2019-06"},
    )
    load_card(card)  # it reads back into the typed card models

    reply = submit_card(teams, {**save["data"], "section": "5", "comment": "Two RHI workers were on leave."})
    assert reply["body"][0]["text"] == SAVED_5
    store = open_store(teams.db)
    [saved] = load_comment_history(store, "2019-06")
    store.close()
    assert (saved.section, saved.text, saved.author_id, saved.author_name, saved.platform) == (
        "5",
        "Two RHI workers were on leave.",
        "aad-analyst",
        "Analyst",
        "teams",
    )
    # The next card for the month lists it.
    card = card_of(teams.ask("comment June", channel=True)["activity"])
    assert card["body"][2]["text"] == f"Section 5: Two RHI workers were on leave. (Analyst, {today()})"
    assert [row[3:] for row in teams.lookups()] == [
        ("comment", "comment form"),
        ("comment", "comment saved"),
        ("comment", "comment form"),
    ]


def test_a_bad_teams_comment_is_answered_and_not_saved(teams: Teams) -> None:
    reply = submit_card(teams, {"action": "comment_save", "month": "2019-06", "section": "5", "comment": "ID 88812345"})
    assert reply["body"][0]["text"] == (
        "Not saved: comments are published with the digest, so they must not carry anything about a child "
        "(no id, name, date of birth or address); take out the number or code that looks like an id."
    )
    reply = submit_card(teams, {"action": "comment_save", "month": "2019-06", "comment": "Fine."})
    assert reply["body"][0]["text"].startswith(
        "Not saved: that is not a section of the report; give the section's number: 1 All"
    )
    reply = submit_card(
        teams, {"action": "comment_save", "month": "2019-06", "section": "Jo Bloggs", "comment": "Fine."}
    )
    assert reply["body"][0]["text"].startswith("Not saved: that is not a section of the report; give the section's")
    # Only the month and whether a section was named reach the audit: never what was typed in its place.
    assert [row[3:] for row in teams.lookups()] == [("comment", "comment not saved")] * 3
    store = open_store(teams.db)
    assert [x.reading for x in load_lookups(store)] == [
        "2019-06, section 5",
        "2019-06",
        "2019-06, section not a section",
    ]
    store.close()
    store = open_store(teams.db)
    assert load_comment_history(store, "2019-06") == []
    store.close()


def test_the_add_comment_button_opens_the_form_for_its_month(events_url: str, slack: FakeSlack) -> None:
    assert render_comment_button("2019-05") == {
        "type": "button",
        "action_id": "comment_open",
        "text": {"type": "plain_text", "text": "Add comment"},
        "value": "2019-05",
    }
    request = block_actions_request(events_url, SECRET, "comment_open", "2019-05", slack.response_url)
    assert send(request)[0] == 200
    assert wait_until(lambda: slack.views)
    [opened] = slack.views
    payload = json.loads(dict(urllib.parse.parse_qsl(request.data.decode()))["payload"])  # type: ignore[union-attr]
    assert opened["trigger_id"] == payload["trigger_id"]
    assert opened["view"]["title"]["text"] == "Comment, May 2019"
    assert json.loads(opened["view"]["private_metadata"]) == {"month": "2019-05", "channel": "C0PERF"}


def test_a_long_comment_full_of_characters_slack_escapes_still_fits_its_block() -> None:
    comment = SectionComment("5", "Return Home Interviews", "<&>" * 333, "Priya Shah", dt.datetime(2019, 7, 15))
    text = render_comment_text(comment)
    assert len(text) <= MAX_SECTION_TEXT_CHARS
    assert text.endswith("…\n_Priya Shah, 15/07/2019_")
    assert "&lt;&amp;&gt;&lt;" in text
    assert "<" not in text
    render_digest_message_with(comment)  # slack_sdk's own checks of every block pass


def render_digest_message_with(comment: SectionComment) -> None:
    figures = [Figure("episodes.all", "Episodes", "116", None, "")] * 3
    digest = Digest(
        month=JUNE,
        title="t",
        partial_month=False,
        as_at=dt.datetime(2019, 7, 18),
        snapshot_id=1,
        file_name="f.csv",
        episodes=figures,
        children=figures,
        rhi=figures,
        still_missing=Figure("duration.still_missing", "still missing", "0", None, ""),
        highlights=[],
        data_quality="q",
        comments=[comment] * 10,
    )
    blocks = render_digest_message(digest).block_dicts()
    assert sum(1 for b in blocks if "Comment on section 5" in str(b)) == 10


def test_the_teams_card_the_outbox_preview_and_ask_profile_show_the_comments(
    reference_store: SnapshotStore, config: Config
) -> None:
    priya = Author("priya", "Priya Shah", "terminal")
    written = dt.datetime(2019, 7, 15, 9, 30, tzinfo=dt.UTC)
    save_section_comment(reference_store, JUNE, read_section("5"), "Two workers were on leave.", priya, written)
    save_section_comment(
        reference_store, JUNE, read_section("8"), "Ethnicity now recorded at referral.", priya, written
    )
    digest = build_digest(reference_store, config, JUNE)

    body = dump_card(render_digest_card(digest, "The full table is with the performance team."))["body"]
    headings = [e.get("text") for e in body]
    rhi = headings.index("Return home interviews")
    assert body[rhi + 2] == {
        "type": "Container",
        "style": "emphasis",
        "spacing": "Small",
        "items": [
            {
                "type": "TextBlock",
                "text": "Comment on section 5, Return Home Interviews",
                "weight": "Bolder",
                "wrap": True,
            },
            {"type": "TextBlock", "text": "Two workers were on leave.", "wrap": True, "spacing": "Small"},
            {
                "type": "TextBlock",
                "text": "Priya Shah, 15/07/2019",
                "isSubtle": True,
                "size": "Small",
                "wrap": True,
                "spacing": "None",
            },
        ],
    }
    breakdowns = headings.index("Comments on the breakdowns")
    assert headings.index("Highlights") < breakdowns < headings.index("Missing profile, June 2019")
    assert (
        body[breakdowns + 1]["items"][0]["text"] == "Comment on section 8, Breakdown by Ethnicity (by missing episodes)"
    )

    page = render_preview_html(digest)
    assert (
        "<blockquote class=m><b>Comment on section 5, Return Home Interviews</b><br>Two workers were on leave.<br>"
        "<i>Priya Shah, 15/07/2019</i></blockquote>"
    ) in page
    assert page.index("<h2>Return home interviews</h2>") < page.index("Two workers") < page.index("<h2>Still missing")

    service = LookupService(lambda: open_store(reference_store.path), config)
    answer = service.ask("U0ANALYST", "C0PERF", "profile June")
    assert answer.lines[-2:] == [
        "Comment on section 5, Return Home Interviews: Two workers were on leave. (Priya Shah, 15/07/2019)",
        "Comment on section 8, Breakdown by Ethnicity (by missing episodes): Ethnicity now recorded at referral. "
        "(Priya Shah, 15/07/2019)",
    ]


def test_a_server_that_answered_profile_before_a_comment_answers_it_with_the_comment_after(
    reference_db: Path, config: Config
) -> None:
    """Answers are kept in memory per snapshot (digest.recall); a comment changes them without one."""
    service = LookupService(lambda: open_store(reference_db), config)
    before = service.ask("U0ANALYST", "C0PERF", "profile June")
    assert not any(line.startswith("Comment on section") for line in before.lines)
    author = Author("U0ANALYST", "sam.jones", "slack")
    text = "Two workers were on leave."
    assert service.save_comment(author, "C0PERF", "June", "5", text).ok
    after = service.ask("U0ANALYST", "C0PERF", "profile June")
    assert after.lines[-1] == f"Comment on section 5, Return Home Interviews: {text} (sam.jones, {today()})"
    store = open_store(reference_db)
    try:
        assert clear_section_comment(store, JUNE, read_section("5"), author) is not None
    finally:
        store.close()
    cleared = service.ask("U0ANALYST", "C0PERF", "profile June")
    assert not any(line.startswith("Comment on section") for line in cleared.lines)


def test_ask_says_where_comments_are_written(reference_db: Path, tmp_path: Path) -> None:
    result = run_cli("--db", str(reference_db), "ask", "comment", "June", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "Comments are written in a form, not asked as a question:\n"
        'In Slack: "/missing comment June" opens the form.\n'
        'To the Teams bot: "comment June" sends the form as a card.\n'
        "In a terminal: \"missing-report comment --month June --section 5 --text '...'\".\n",
    )


def test_a_teams_comment_request_that_names_no_month_is_not_quoted_back_to_the_channel(teams: Teams) -> None:
    card = card_of(teams.ask("comment Jo Bloggs", channel=True)["activity"])
    assert [e["text"] for e in card["body"]] == ["That is not a month; write June, Jun-19, 2019-06 or last month."]
