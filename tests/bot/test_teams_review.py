"""Review before publishing, in Teams: the bot posts the draft card to the fake Bot Connector, updates it once
published and replies in its thread; presses on its Action.Execute buttons are signed invoke activities posted to
the bot served over HTTP, and only the people on the access list may press them."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from bot.chat import Routes, Serving
from bot.chats.teams.bot import MESSAGES_PATH
from bot.chats.teams.cards import MAX_POST_BYTES, load_card
from bot.chats.teams.platform import TEAMS
from bot.chats.teams.reviews import DraftPresses, TeamsReviewChannel
from bot.delivery import DeliveryError
from bot.destinations import scheduled_destinations
from bot.scheduling.plan import plan_digests
from bot.server import HttpServer, build_web_app, create_http_server
from bot.services.digests import run_digest
from bot.services.reviews import review_desk
from bot.settings import SettingError, Settings, load_settings
from digest.contract.config import Config, ConfigError, load_config
from digest.figures.periods import Month
from digest.reporting.digests import build_digest
from digest.store.digest_runs import DigestLedger
from digest.store.lookups import load_lookups
from digest.store.snapshots import open_store
from tests.bot.teams_questions import card_of, serve, settings_for, texts
from tests.cli_runner import run_cli
from tests.conftest import clean_environment
from tests.fake_slack import wait_until
from tests.fake_teams import (
    CLIENT_ID,
    CLIENT_SECRET,
    REVIEW_CONVERSATION,
    TENANT_ID,
    FakeMicrosoft,
    invoke_activity,
    message_activity,
)
from tests.fake_workflows import FakeTeams
from tests.teams_cards import untyped_elements

JUNE = Month.parse("2019-06")
SHIPPED = Path(__file__).resolve().parents[2] / "config" / "missing-report.toml"
DRAFT_REF = f"{REVIEW_CONVERSATION};messageid=reply-1"
NOTE = "Published by Priya Shah at 09:00 on Wednesday 10 July 2019."


def review_config(tmp_path: Path, fake: FakeMicrosoft, publishers: str = "[]") -> Config:
    """The shipped config with drafts reviewed in the fake's Teams channel; publishers: [teams] publishers."""
    text = SHIPPED.read_text().replace(
        'review_conversation = ""',
        f'review_conversation = "{REVIEW_CONVERSATION}"\nreview_service_url = "{fake.base_url}"',
    )
    text = text.replace('review_service_url = "https://smba.trafficmanager.net/teams/"\n', "", 1)
    text = text.replace("publishers = []", f"publishers = {publishers}", 1)  # [teams] comes before [digest]
    (tmp_path / "review.toml").write_text(text)
    return load_config(tmp_path / "review.toml")


def teams_env(fake: FakeMicrosoft) -> dict[str, str]:
    return clean_environment(
        {
            "TEAMS_CLIENT_ID": CLIENT_ID,
            "TEAMS_CLIENT_SECRET": CLIENT_SECRET,
            "TEAMS_TENANT_ID": TENANT_ID,
            "TEAMS_LOGIN_URL": fake.base_url,
            "TEAMS_OPENID_URL": fake.openid_url,
        }
    )


def managers_env(fake: FakeMicrosoft, teams: FakeTeams, webhook: str | None = None) -> dict[str, str]:
    """The bot's environment, and the managers' Teams webhook (the fake's, unless another URL is given)."""
    return {**teams_env(fake), "TEAMS_DIGEST_WEBHOOK_URL": webhook or teams.url()}


@pytest.fixture
def review_settings(tmp_path: Path, microsoft: FakeMicrosoft) -> Settings:
    return load_settings(review_config(tmp_path, microsoft), teams_env(microsoft))


def channel_of(settings: Settings) -> TeamsReviewChannel:
    channel = TEAMS.review_channel(settings)
    assert isinstance(channel, TeamsReviewChannel)
    return channel


def actions_in(card: dict[str, Any]) -> list[tuple[str, str, str | None, Any]]:
    """Every action on the card, wherever it is: (type, title, verb, data)."""
    found = []
    for element in card["body"]:
        for action in element.get("actions", []):
            found.append((action["type"], action["title"], action.get("verb"), action.get("data")))
    return found


def test_the_draft_card_goes_to_the_review_channel_through_the_bot_connector(
    reference_db: Path, config: Config, review_settings: Settings, microsoft: FakeMicrosoft
) -> None:
    channel = channel_of(review_settings)
    assert (channel.key, channel.where, channel.suppress) == ("review:teams", "the Teams review channel", False)
    store = open_store(reference_db)
    try:
        outcome = run_digest(store, config, JUNE, channel.key, channel.make_draft_notifier())
        again = run_digest(store, config, JUNE, channel.key, channel.make_draft_notifier())
        [run] = DigestLedger(store).list_runs()
    finally:
        store.close()
    assert outcome.message == "June 2019 digest for review:teams: posted"
    assert again.message.startswith("June 2019 digest for review:teams: not sent, ")
    [post] = microsoft.replies  # once
    assert post["path"] == f"/v3/conversations/{REVIEW_CONVERSATION}/activities"  # a new post in the channel
    assert post["authorization"] == f"Bearer {microsoft.issued[0]}"  # the bot's own token
    assert run.message_ref == DRAFT_REF  # its thread, for the update and the replies
    card = card_of(post["activity"])
    assert texts(card)[0] == "DRAFT: Children missing from home or care: June 2019"
    banner = card["body"][1]
    assert (banner["type"], banner["style"]) == ("Container", "warning")
    assert [item["text"] for item in banner["items"]] == [
        "DRAFT for review: not published.",
        "The managers see nothing until someone presses Publish. Add comments first: the published digest carries "
        "them, and Preview shows it with them.",
    ]
    assert texts(card)[-1] == (
        "Publish sends the June 2019 digest to the managers at once, with the comments it has: it cannot be taken back."
    )
    assert actions_in(card) == [
        ("Action.Execute", "Add comment", "review_comment", {"month": "2019-06"}),
        ("Action.Execute", "Preview", "review_preview", {"month": "2019-06"}),
        ("Action.Execute", "Publish", "review_publish", {"month": "2019-06"}),
    ]
    # The figures are the Teams digest's, under the banner.
    assert texts(card)[1] == (
        "Data as at 18/07/2019 00:00, snapshot 1 (reference.csv): 375 rows, 0 rejected, 0 unrecognised values."
    )
    assert len(json.dumps(post["activity"]).encode()) <= MAX_POST_BYTES
    assert untyped_elements(load_card(card)) == []


def test_the_published_draft_is_updated_in_place_without_its_buttons_and_lines_go_in_its_thread(
    reference_db: Path, config: Config, review_settings: Settings, microsoft: FakeMicrosoft
) -> None:
    channel = channel_of(review_settings)
    store = open_store(reference_db)
    try:
        digest = build_digest(store, config, JUNE.index, None, files=False)
    finally:
        store.close()
    channel.update_draft(DRAFT_REF, digest, NOTE)
    [update] = microsoft.updates
    assert update["path"] == f"/v3/conversations/{REVIEW_CONVERSATION}/activities/reply-1"
    assert update["activity"]["id"] == "reply-1"
    card = card_of(update["activity"])
    assert texts(card)[0] == "Children missing from home or care: June 2019"
    assert card["body"][1]["items"][0]["text"] == NOTE
    assert texts(card)[-1] == (  # the figures read again without the files: the table is named as it was
        "The full table (missing-report-2019-06.xlsx) cannot travel with a Teams message: the performance team has it."
    )
    assert card["body"][1]["style"] == "good"
    assert [a for a in actions_in(card) if a[0] == "Action.Execute"] == []  # nothing left to press
    channel.update_draft(DRAFT_REF, None, NOTE)  # the figures could not be read again: the note alone
    assert texts(card_of(microsoft.updates[1]["activity"])) == [NOTE]
    channel.reply(DRAFT_REF, "Not everywhere yet.")
    channel.reply(None, "Reminder.", broadcast=True)
    assert [(r["path"], r["activity"]["text"]) for r in microsoft.replies] == [
        (f"/v3/conversations/{DRAFT_REF}/activities", "Not everywhere yet."),
        (f"/v3/conversations/{REVIEW_CONVERSATION}/activities", "Reminder."),
    ]


def test_a_bot_not_in_the_team_is_told_how_to_add_it(review_settings: Settings, microsoft: FakeMicrosoft) -> None:
    microsoft.refuse_status = 403
    with pytest.raises(DeliveryError) as refused:
        channel_of(review_settings).reply(DRAFT_REF, "Not everywhere yet.")
    assert str(refused.value) == (
        "the Teams review channel refused the bot (HTTP 403): add the Missing report app to the team that has the "
        'channel, then @mention it there with "review here" and copy the lines it answers into [teams]'
    )
    assert refused.value.permanent


def test_review_in_teams_needs_the_bot_and_a_channel_id(tmp_path: Path, microsoft: FakeMicrosoft) -> None:
    config = review_config(tmp_path, microsoft)
    with pytest.raises(SettingError) as unset:
        TEAMS.review_channel(load_settings(config, clean_environment()))
    assert str(unset.value) == (
        "[teams] review_conversation needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET: the Teams bot posts the drafts "
        'there; set them, or set review_conversation = "" for no review in Teams'
    )
    assert TEAMS.review_channel(load_settings(load_config(SHIPPED), teams_env(microsoft))) is None
    with pytest.raises(ConfigError, match="is not a Teams channel's conversation id"):
        load_settings(load_config_text(tmp_path, 'review_conversation = "General"'), clean_environment())
    with pytest.raises(ConfigError) as named:
        load_settings(review_config(tmp_path, microsoft, '["Priya Shah"]'), clean_environment())
    assert str(named.value).endswith(
        "[teams] publishers lists 'Priya Shah', which is not an Entra object id: use ids like "
        '"00000000-0000-0000-0000-000000000000" (Entra admin centre > Users > the person > Object ID), or [] for the '
        "people in [teams] allowed_users"
    )


def load_config_text(tmp_path: Path, line: str) -> Config:
    (tmp_path / "wrong.toml").write_text(SHIPPED.read_text().replace('review_conversation = ""', line))
    return load_config(tmp_path / "wrong.toml")


@pytest.fixture
def bot(
    reference_db: Path, config: Config, review_settings: Settings, microsoft: FakeMicrosoft
) -> Iterator[HttpServer]:
    review = review_settings.teams.review
    assert review is not None
    server = serve(reference_db, config, settings_for(microsoft), presses=DraftPresses(review, None))
    yield server
    server.close()


def press(server: HttpServer, fake: FakeMicrosoft, verb: str, **who: str) -> httpx.Response:
    activity = invoke_activity(verb, "2019-06", fake.base_url, **who)
    token = fake.bot_framework_token(fake.base_url)
    url = f"http://127.0.0.1:{server.effective_port}{MESSAGES_PATH}"
    return httpx.post(url, json=activity, headers={"Authorization": f"Bearer {token}"}, timeout=15)


def test_review_here_answers_with_the_lines_for_the_config(bot: HttpServer, microsoft: FakeMicrosoft) -> None:
    activity = message_activity("<at>Missing report</at> review here", microsoft.base_url, channel=True)
    token = microsoft.bot_framework_token(microsoft.base_url)
    url = f"http://127.0.0.1:{bot.effective_port}{MESSAGES_PATH}"
    assert httpx.post(url, json=activity, headers={"Authorization": f"Bearer {token}"}, timeout=15).status_code == 200
    [reply] = microsoft.wait_for_replies(1)
    assert texts(card_of(reply["activity"]))[1] == (
        f'review_conversation = "19:perf@thread.tacv2"\nreview_service_url = "{microsoft.base_url}"'
    )
    privately = message_activity("review here", microsoft.base_url)  # a 1:1 chat is no channel to review in
    assert httpx.post(url, json=privately, headers={"Authorization": f"Bearer {token}"}, timeout=15).status_code == 200
    [_, answer] = microsoft.wait_for_replies(2)
    assert texts(card_of(answer["activity"])) == [
        'Drafts are reviewed in a channel: @mention me with "review here" in the analysts\' channel.'
    ]


LEAD = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"  # an Entra object id
SENIOR = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
REFUSAL = (
    "Only the people in [teams] publishers may publish or comment on the draft. Ask one of them, or ask whoever runs "
    "missing-report to add your Entra object id (aad-analyst) there."
)


def test_a_press_by_someone_not_on_the_list_is_refused_and_audited(
    reference_db: Path, config: Config, tmp_path: Path, microsoft: FakeMicrosoft
) -> None:
    settings = load_settings(review_config(tmp_path, microsoft, f'["{LEAD}"]'), teams_env(microsoft))
    review = settings.teams.review
    assert review is not None
    assert (review.publishers, review.publishers_setting) == (frozenset({LEAD}), "[teams] publishers")
    server = serve(reference_db, config, settings_for(microsoft), presses=DraftPresses(review, None))
    try:
        for verb in ("review_publish", "review_comment"):
            answer = press(server, microsoft, verb)
            assert answer.status_code == 200
            assert answer.json() == {
                "statusCode": 200,
                "type": "application/vnd.microsoft.activity.message",
                "value": REFUSAL,
            }
    finally:
        server.close()
    assert microsoft.replies == []  # no comment form, nothing posted
    store = open_store(reference_db)
    refused = [(x.user_id, x.channel_id, x.outcome) for x in load_lookups(store)]
    store.close()
    assert refused == [("aad-analyst", REVIEW_CONVERSATION, "refused")] * 2


def test_digest_review_posts_the_teams_draft_and_publish_pressed_in_teams_sends_it_to_the_managers_once(
    reference_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the home is ".": the digest published here writes its full table to ./outbox
    config = review_config(tmp_path, microsoft)
    env = managers_env(microsoft, teams)
    common = ("--config", str(config.source), "--db", str(reference_db))
    result = run_cli(*common, "digest", "--month", "2019-06", "--review", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "June 2019 digest for review:teams: posted",
        "Draft for review in the Teams review channel: publish it with its Publish button, or missing-report publish "
        "--month 2019-06.",
    ]
    [draft] = microsoft.replies
    assert texts(card_of(draft["activity"]))[0] == "DRAFT: Children missing from home or care: June 2019"
    assert teams.digests == []  # nothing reaches the managers before publication
    # serve's bot, with the desk: an analyst adds a comment from the draft, then presses Publish.
    settings = load_settings(config, env)
    assert settings.teams.review is not None
    desk = review_desk(settings, config, partial(open_store, reference_db), scheduled_destinations(settings))
    server = serve(reference_db, config, settings_for(microsoft), presses=DraftPresses(settings.teams.review, desk))
    try:
        asked = press(server, microsoft, "review_comment")
        assert asked.json()["value"] == "The comment form for June 2019 is in the draft's thread."
        [_, form] = microsoft.wait_for_replies(2)
        assert form["path"] == f"/v3/conversations/{DRAFT_REF}/activities"
        assert texts(card_of(form["activity"]))[0] == "Comment on the June 2019 report"
        submission = message_activity("", microsoft.base_url, channel=True)
        del submission["text"], submission["entities"]  # a card's submission carries no @mention
        submission["conversation"]["id"] = DRAFT_REF
        comment = "RHI completion fell because two workers were on leave."
        submission["value"] = {"action": "comment_save", "month": "2019-06", "section": "5", "comment": comment}
        post = partial(httpx.post, f"http://127.0.0.1:{server.effective_port}{MESSAGES_PATH}", timeout=15)
        saved = post(
            json=submission, headers={"Authorization": f"Bearer {microsoft.bot_framework_token(microsoft.base_url)}"}
        )
        assert saved.status_code == 200
        microsoft.wait_for_replies(3)
        previewed = press(server, microsoft, "review_preview")
        assert previewed.json()["value"] == "The June 2019 preview is in the draft's thread."
        preview = microsoft.wait_for_replies(4)[3]
        assert preview["path"] == f"/v3/conversations/{DRAFT_REF}/activities"
        shown = card_of(preview["activity"])
        assert texts(shown)[0] == "Children missing from home or care: June 2019"
        managers_host = teams.url().split("/")[2].split(":")[0]
        assert shown["body"][1]["items"][0]["text"] == (
            f"Preview: the digest's figures and comments as they will be posted to Teams ({managers_host}/…) (its "
            "charts are the draft's)."
        )
        assert comment in json.dumps(shown)
        assert teams.digests == []  # a preview sends nothing to the managers
        answer = press(server, microsoft, "review_publish", name="Priya Shah").json()["value"]
        assert wait_until(lambda: len(microsoft.updates) == 1, 30)
        note = texts(card_of(microsoft.updates[0]["activity"]))
        again = press(server, microsoft, "review_publish", user=SENIOR, name="Sam Lee").json()["value"]
    finally:
        server.close()
    published = re.fullmatch(r"Published by Priya Shah at \d\d:\d\d on \w+ \d+ \w+ 20\d\d\.", answer)
    slow = answer == "Publishing the June 2019 digest: the draft will say when it is done."
    assert published or slow, answer
    [update] = microsoft.updates
    assert update["path"] == f"/v3/conversations/{REVIEW_CONVERSATION}/activities/reply-1"
    banner = card_of(update["activity"])["body"][1]["items"][0]["text"]
    assert re.fullmatch(r"Published by Priya Shah at \d\d:\d\d on \w+ \d+ \w+ 20\d\d\.", banner), note
    assert again == f"The June 2019 digest was published already. {banner}"
    [managers] = teams.digests  # once, with the comment added from the draft
    assert texts(managers)[0] == "Children missing from home or care: June 2019"
    assert comment in json.dumps(managers)


def test_serve_says_the_drafts_go_to_teams_and_who_may_publish_them(
    reference_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams
) -> None:
    config = review_config(tmp_path, microsoft, f'["{LEAD}", "{SENIOR}"]')
    settings = load_settings(config, managers_env(microsoft, teams))
    _, lines, _ = plan_digests(settings, config, partial(open_store, reference_db))
    assert lines == [
        "Serving: the previous month's digest goes first as a draft to the Teams review channel for review, then to "
        f"Teams ({teams.url().split('/')[2].split(':')[0]}/…) on day 10 at 09:00 Europe/London; a digest not yet "
        "posted is tried every 15 minutes.",
        "Review: the 2 people in [teams] publishers may press Publish on the draft; if nobody has published it 2 "
        "working days after the draft, a reminder is posted in the Teams review channel each working day until "
        "someone publishes it.",
    ]


def test_a_draft_that_may_have_been_posted_is_held_until_forced(
    reference_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams
) -> None:
    config = review_config(tmp_path, microsoft)
    env = managers_env(microsoft, teams)
    common = ("--config", str(config.source), "--db", str(reference_db), "digest", "--month", "2019-06", "--review")
    microsoft.hang_up = True  # the Bot Connector took the card and the connection dropped before its answer
    held = run_cli(*common, cwd=tmp_path, env=env)
    assert (held.returncode, held.stdout) == (
        1,
        "June 2019 digest for review:teams: held, the Teams review channel did not answer after the card was sent "
        "(RemoteProtocolError), so it may have been posted; check the channel\n",
    )
    microsoft.hang_up = False
    again = run_cli(*common, cwd=tmp_path, env=env)
    assert again.stdout.startswith("June 2019 digest for review:teams: not sent, ")
    assert len(microsoft.replies) == 1  # nothing sent blindly
    forced = run_cli(*common, "--force", cwd=tmp_path, env=env)
    assert forced.stdout.splitlines()[0] == "June 2019 digest for review:teams: posted", forced.stdout
    assert len(microsoft.replies) == 2
    assert teams.digests == []


ENTRA_IDS = st.uuids().map(str)


@hyp_settings(max_examples=60, deadline=None)
@given(
    publishers=st.frozensets(ENTRA_IDS, max_size=3),
    allowed=st.frozensets(ENTRA_IDS, max_size=3),
    presser=ENTRA_IDS,
    in_review_channel=st.booleans(),
)
def test_only_the_access_list_may_press_and_everyone_else_is_told_which_setting_names_it(
    config: Config, publishers: frozenset[str], allowed: frozenset[str], presser: str, in_review_channel: bool
) -> None:
    """[teams] publishers, else [teams] allowed_users, else anyone in the review channel: whoever else presses is
    refused with the setting that would let them, and nothing is published."""
    lists = {"publishers": sorted(publishers), "allowed_users": sorted(allowed)}
    teams_section = {"review_conversation": REVIEW_CONVERSATION, **lists}
    review = load_settings(replace(config, raw={**config.raw, "teams": teams_section}), {}).teams.review
    assert review is not None
    desk = CountingDesk()
    presses = DraftPresses(review, desk)
    where = REVIEW_CONVERSATION if in_review_channel else "19:other@thread.tacv2"
    listed = publishers or allowed
    may = presser in listed if listed else in_review_channel
    outcome = presses.admit(presser, where, "2019-06")
    if may:
        assert outcome == JUNE
    elif listed:
        setting = "[teams] publishers" if publishers else "[teams] allowed_users"
        assert outcome == (
            f"Only the people in {setting} may publish or comment on the draft. Ask one of them, or ask whoever runs "
            f"missing-report to add your Entra object id ({presser}) there."
        )
    else:
        assert (
            outcome
            == "Only people in the Teams review channel may publish or comment on the draft, from the draft there."
        )
    assert desk.calls == []


class CountingDesk:
    def __init__(self) -> None:
        self.calls: list[tuple[Month, str | None]] = []

    def publish(self, month: Month, how: Any, by: str | None) -> Any:
        self.calls.append((month, by))
        raise AssertionError("not to be called")

    def preview(self, month: Month) -> object:
        return None


def test_doctor_says_where_teams_drafts_go_and_who_may_publish_them_and_what_is_missing(
    current_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams
) -> None:
    config = review_config(tmp_path, microsoft, f'["{LEAD}"]')
    env = managers_env(microsoft, teams)
    common = ("--config", str(config.source), "--db", str(current_db), "doctor")
    lines = run_cli(*common, cwd=tmp_path, env=env).stdout.splitlines()
    assert (
        f"ok    Teams review: drafts go to {REVIEW_CONVERSATION} through 127.0.0.1; the 1 person in [teams] publishers "
        "may press Publish"
    ) in lines
    assert microsoft.replies == []  # doctor posts nothing
    without_bot = {name: value for name, value in env.items() if not name.startswith("TEAMS_CLIENT")}
    result = run_cli(*common, cwd=tmp_path, env=without_bot)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if "Teams review" in line] == [
        "FAIL  Teams review: [teams] review_conversation needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET: the Teams bot "
        'posts the drafts there. Fix: set them, or set review_conversation = "" for no review in Teams',
    ]


def test_publish_from_the_terminal_updates_the_teams_draft_and_a_failure_is_told_in_its_thread(
    reference_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams
) -> None:
    config = review_config(tmp_path, microsoft)
    env = managers_env(microsoft, teams, teams.url().replace("/workflows/", "/gone/"))
    common = ("--config", str(config.source), "--db", str(reference_db))
    assert run_cli(*common, "digest", "--month", "2019-06", "--review", cwd=tmp_path, env=env).returncode == 0
    result = run_cli(*common, "publish", "--month", "June", "--by", "priya.shah", cwd=tmp_path, env=env)
    assert result.returncode == 1  # the managers' webhook is wrong
    note = result.stdout.splitlines()[0]
    assert re.fullmatch(
        r"Published by priya\.shah \(missing-report publish\) at \d\d:\d\d on \w+ \d+ \w+ 20\d\d\.", note
    )
    [update] = microsoft.updates
    assert card_of(update["activity"])["body"][1]["items"][0]["text"] == note
    [_, told] = microsoft.replies
    assert told["path"] == f"/v3/conversations/{DRAFT_REF}/activities"
    assert told["activity"]["text"].startswith("Not everywhere yet: June 2019 digest for teams:digest: failed, ")
    assert told["activity"]["text"].endswith(
        "It is tried again every 15 minutes; `missing-report digest-runs` shows each run."
    )


def test_a_replayed_or_unsigned_press_publishes_nothing(bot: HttpServer, microsoft: FakeMicrosoft) -> None:
    """The bot of the `bot` fixture has no desk: a press that got through would say review is not on."""
    url = f"http://127.0.0.1:{bot.effective_port}{MESSAGES_PATH}"
    activity = invoke_activity("review_publish", "2019-06", microsoft.base_url)
    assert httpx.post(url, json=activity, timeout=15).status_code == 401  # no Microsoft token
    signed = {"Authorization": f"Bearer {microsoft.bot_framework_token(microsoft.base_url)}"}
    first = httpx.post(url, json=activity, headers=signed, timeout=15).json()["value"]
    assert first == (
        "Review is not on in this server, so the June 2019 draft cannot be published from Teams: run "
        "`missing-report publish --month 2019-06`."
    )
    again = httpx.post(url, json=activity, headers=signed, timeout=15).json()["value"]
    assert again == "This press was not taken: press the button again."


def test_serve_gives_the_teams_bot_its_desk_and_lets_the_review_channel_comment(
    reference_db: Path, tmp_path: Path, microsoft: FakeMicrosoft, teams: FakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `serve` adds the Teams routes (TEAMS.add_routes): questions limited to another channel, and yet the analysts
    comment on their draft and publish it from the review channel."""
    monkeypatch.chdir(tmp_path)  # the home is ".": the digest published here writes its full table to ./outbox
    config = review_config(tmp_path, microsoft, f'["{LEAD}"]')
    text = config.source.read_text().replace(
        "questions_suppress = false\n", 'questions_suppress = false\nallowed_channels = ["19:perf@thread.tacv2"]\n', 1
    )
    config.source.write_text(text)
    config = load_config(config.source)
    env = managers_env(microsoft, teams)
    for name, value in env.items():
        monkeypatch.setenv(name, value)  # serve reads the bot's settings from its environment
    settings = load_settings(config, env)
    open_now = partial(open_store, reference_db)
    desk = review_desk(settings, config, open_now, scheduled_destinations(settings))
    desk.draft_now(JUNE)
    web, routes = build_web_app(), Routes()
    TEAMS.add_routes(web, routes, Serving(config, settings, open_now, reference_db, desk=desk))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    try:
        asked = press(server, microsoft, "review_comment", user=LEAD)
        assert asked.json()["value"] == "The comment form for June 2019 is in the draft's thread."
        published = press(server, microsoft, "review_publish", user=LEAD, name="Priya Shah").json()["value"]
    finally:
        server.close()
    assert published.startswith("Published by Priya Shah at ")
    assert len(teams.digests) == 1
