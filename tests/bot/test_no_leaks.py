"""The scan (issue 10, "What must be shown"): a generated extract goes through everything the product does, and
no child id, episode id or date of birth of it is found in anything sent, logged or written outside the store.

Everything runs for real: the drop folder ingests two snapshots (the second with more children missing) and
refuses a headerless copy; the digest is written to the outbox and posted to the fake Slack and the fake Teams
webhook; alerts and the refusal notice go to both; signed /missing questions (one with a child's name and id
typed in), a forged one and a Teams outgoing-webhook question go to the running app. Then every request body
the fakes received, every log record (at DEBUG), every line the commands printed, and every file and file name
outside the store, its audit file and the extracts themselves are searched. Control needles planted in each kind
of source prove the search sees them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import threading
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import httpx
import pytest
from slack_sdk import WebClient

from bot.chats.slack.app import build_app
from bot.chats.slack.requests import RequestGuard, audit_refusals, install_body_filter
from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook, sign_body
from bot.scheduling.inbox import InboxJob
from bot.server import EVENTS_PATH, add_outgoing_webhook_route, add_slack_route, build_web_app, create_http_server
from bot.services.alerts import AlertContext
from bot.settings import InboxJobSettings, load_settings
from digest.contract.config import Config
from digest.intake.inbox import InboxSettings
from digest.lookups.service import Access, LookupService
from digest.store.lookups import TEAMS_WEBHOOK, audit_path
from digest.store.recent_keys import RecentKeys, recent_keys_path
from digest.store.snapshots import open_store
from tests.bot.slack_questions import SECRET, ask
from tests.bot.teams_questions import WEBHOOK_KEY, outgoing_body
from tests.cli_runner import run_cli
from tests.fake_slack import CHANNEL, GOOD_TOKEN, FakeSlack, block_actions_request, wait_until
from tests.fake_workflows import ALERTS_PATH, FakeTeams

ALERTS = "C0ALERTS"
AS_AT = dt.datetime(2019, 7, 18, 9, 0)
LATER = dt.datetime(2019, 7, 18, 12, 0)
NEWLY_MISSING = 6  # episodes the second extract shows as not back yet
FILE_PATTERN = "%Y-%m-%d_%H%M"
DEBUG_LOGGERS = ("", "slack_sdk", "slack_bolt", "httpx", "uvicorn", "uvicorn.error", "uvicorn.access", "apscheduler")


@dataclass(frozen=True)
class Extract:
    header: list[str]
    rows: list[dict[str, str]]

    def column(self, name: str) -> list[str]:
        return [row[name] for row in self.rows if row[name]]

    def write(self, path: Path, with_header: bool = True) -> Path:
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=self.header, lineterminator="\n")
        if with_header:
            writer.writeheader()
        writer.writerows(self.rows)
        path.write_text(text.getvalue(), encoding="utf-8")
        return path


def read_extract(path: Path) -> Extract:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    return Extract(list(reader.fieldnames or []), rows)


def with_more_missing(extract: Extract) -> Extract:
    """The same extract three hours on, in which the latest returns had not in fact happened."""
    returned = sorted((r for r in extract.rows if r["Missing End"]), key=lambda r: r["Missing Start"])
    not_back = {r["Episode ID"] for r in returned[-NEWLY_MISSING:]}
    return replace(extract, rows=[{**r, "Missing End": ""} if r["Episode ID"] in not_back else r for r in extract.rows])


def needles_of(extract: Extract) -> set[str]:
    """Every child id, episode id and date of birth, the dates also as the store writes them."""
    births = set(extract.column("DOB"))
    iso = {dt.datetime.strptime(b, "%d/%m/%Y").date().isoformat() for b in births}
    return set(extract.column("Child ID")) | set(extract.column("Episode ID")) | births | iso


@dataclass
class Evidence:
    """Everything the product let out, by where it was found."""

    texts: dict[str, str] = field(default_factory=dict)

    def add(self, where: str, data: bytes | str) -> None:
        if isinstance(data, bytes):
            for name, member in unpacked(data):
                self.texts[f"{where}{name}"] = member.decode("latin-1")
        else:
            self.texts[where] = data

    def leaks(self, needles: set[str]) -> set[tuple[str, str]]:
        found = set()
        for where, text in self.texts.items():
            readable = text + "\n" + urllib.parse.unquote_plus(text)  # form bodies encode the slashes of a date
            found |= {(where, needle) for needle in needles if needle in readable}
        return found


def unpacked(data: bytes) -> Iterator[tuple[str, bytes]]:
    """The bytes themselves, or for a zip (XLSX) each member's."""
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                yield f" [{name}]", archive.read(name)
    else:
        yield "", data


class LogSink(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(f"{record.name}: {text}")

    def listen(self) -> None:
        """(Again) at DEBUG on the root logger: each in-process command replaces the root's handlers."""
        root = logging.getLogger()
        if self not in root.handlers:
            root.addHandler(self)
        for name in DEBUG_LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)


@pytest.fixture
def sink() -> Iterator[LogSink]:
    saved = {name: logging.getLogger(name).level for name in DEBUG_LOGGERS}
    handler = LogSink()
    handler.listen()
    yield handler
    logging.getLogger().removeHandler(handler)
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def start_app(db: Path, config: Config, slack: FakeSlack) -> str:
    """The app `serve` runs: /slack/events and the Teams outgoing webhook, on uvicorn."""
    service = partial(LookupService, partial(open_store, db), config, Access())
    slack_service = service()
    bolt = build_app(slack_service, "/missing", SECRET, WebClient(token=GOOD_TOKEN, base_url=slack.base_url))
    web = build_web_app()
    seen = RecentKeys(recent_keys_path(db))
    add_slack_route(web, bolt, RequestGuard(SECRET, seen), audit_refusals(slack_service))
    add_outgoing_webhook_route(web, OutgoingWebhook(service(platform=TEAMS_WEBHOOK), WEBHOOK_KEY, seen))
    server = create_http_server(web, 0, "127.0.0.1")
    threading.Thread(target=server.run, daemon=True).start()
    assert wait_until(lambda: server.effective_port, 10)
    install_body_filter()
    return f"http://127.0.0.1:{server.effective_port}"


@pytest.mark.slow
def test_no_id_or_birth_date_leaves_the_store(
    tmp_path: Path, config: Config, slack: FakeSlack, teams: FakeTeams, sink: LogSink
) -> None:
    slack.channels.add(ALERTS)
    env = {
        "SLACK_BOT_TOKEN": GOOD_TOKEN,
        "SLACK_API_URL": slack.base_url,
        "SLACK_DIGEST_CHANNEL": CHANNEL,
        "SLACK_ALERTS_CHANNEL": ALERTS,
        "TEAMS_DIGEST_WEBHOOK_URL": teams.url(),
        "TEAMS_ALERTS_WEBHOOK_URL": teams.url(ALERTS_PATH),
    }
    db, inbox, work = tmp_path / "store.db", tmp_path / "inbox", tmp_path / "work"
    inbox.mkdir()
    work.mkdir()
    evidence = Evidence()
    printed: list[str] = []

    def cli(*args: str) -> None:
        result = run_cli("--db", str(db), *args, cwd=work, env=env)
        evidence.add(f"stdout of {' '.join(args)}", result.stdout)
        evidence.add(f"stderr of {' '.join(args)}", result.stderr)
        sink.listen()

    generated = tmp_path / "generated.csv"
    cli(
        "demo-data", "--out", str(generated), "--as-at", f"{AS_AT:%Y-%m-%d %H:%M}", "--episodes", "240", "--months", "4"
    )
    first = read_extract(generated)
    needles = needles_of(first)
    assert len(needles) > 300  # 240 episode ids, and the ids and birth dates (two forms) of their children

    # The drop folder: the extract, the same three hours on with more children missing, then a headerless copy.
    settings = load_settings(config, env)
    settings = replace(
        settings,
        outbox=work / "outbox",
        inbox=InboxJobSettings(InboxSettings(inbox, FILE_PATTERN, 0), 15),
    )
    job = InboxJob(partial(open_store, db), config, AlertContext.of(settings, printed.append))
    extracts = [first.write(inbox / f"missing-{AS_AT:{FILE_PATTERN}}.csv")]
    assert [r.outcome for r in job()] == ["ingested"]
    extracts.append(with_more_missing(first).write(inbox / f"missing-{LATER:{FILE_PATTERN}}.csv"))
    assert [r.outcome for r in job()] == ["ingested"]
    headerless = first.write(inbox / "no-header-2019-07-18_1300.csv", with_header=False)
    assert [r.outcome for r in job()] == ["refused"]
    alert_texts = [m["text"] for m in slack.messages if m["channel"] == ALERTS]
    assert alert_texts[0].startswith(f"More children missing: {1 + NEWLY_MISSING} now, up from 1 at the last extract")
    assert alert_texts[-1].startswith("Refused no-header-2019-07-18_1300.csv: ")
    assert len(teams.alerts) == len(alert_texts)

    # The same refusal from the command line, and the commands that read the store.
    cli("ingest", str(inbox / "rejected" / headerless.name), "--as-at", "2019-07-18 13:00")
    for command in (["snapshots"], ["rejected"], ["alerts"], ["profile", "--month", "June"]):
        cli(*command)
    cli("profile", "--month", "June", "--out", str(work / "june.xlsx"))

    # The digest: the outbox, then posted to Slack and Teams.
    cli("digest", "--month", "June", "--out", str(work / "outbox"))
    cli("digest", "--month", "June", "--post")
    cli("digest-runs")
    assert len([m for m in slack.messages if m["channel"] == CHANNEL]) == 1
    assert len(teams.digests) == 1

    # Lookups: signed questions, one naming a child, a shared answer, a forged request, a Teams webhook question.
    url = start_app(db, config, slack)
    child, birth = first.rows[0]["Child ID"], first.rows[0]["DOB"]
    questions = ["LAC episodes June", f"how many times did Jayden Smith {child} born {birth} go missing in June"]
    for question in questions:
        status, reply = ask(url + EVENTS_PATH, question)
        assert status == 200
        evidence.add(f"answer to {question!r}", json.dumps(reply))
    shared = block_actions_request(
        url + EVENTS_PATH, SECRET, "missing_share", questions[1], slack.response_url, channel="C0PERF"
    )
    with urllib.request.urlopen(shared, timeout=10) as response:
        assert response.status == 200
    assert wait_until(lambda: len(slack.responses) == 1, 10)
    assert slack.responses[0]["response_type"] == "in_channel"
    assert ask(url + EVENTS_PATH, f"episodes of {child}", secret="forged")[0] == 401
    body = outgoing_body(f"episodes of Jayden Smith {child} in June")
    answer = httpx.post(url + OUTGOING_PATH, content=body, headers={"authorization": sign_body(WEBHOOK_KEY, body)})
    assert answer.status_code == 200
    evidence.add("Teams outgoing-webhook answer", answer.text)

    # Gather everything sent, logged, printed and written.
    for number, (path, raw) in enumerate(slack.bodies):
        evidence.add(f"Slack request {number} {path}", path.encode() + b"\n" + raw)
    for number, raw in enumerate(teams.bodies):
        evidence.add(f"Teams request {number}", raw)
    evidence.add("alert notices printed", "\n".join(printed))
    store_files = {db, audit_path(db)}
    extract_names = {generated.name, *(p.name for p in extracts), headerless.name}
    for path in sorted(tmp_path.rglob("*")):
        evidence.add(f"file name {path.relative_to(tmp_path)}", str(path.relative_to(tmp_path)))
        is_store = any(path.name.startswith(f.name) for f in store_files)  # with its -wal and -shm
        if path.is_file() and not is_store and path.name not in extract_names:
            evidence.add(f"file {path.relative_to(tmp_path)}", path.read_bytes())
    assert any(name.startswith("file work/outbox/2019-06/teams-card.json") for name in evidence.texts)
    assert any(" [xl/" in name for name in evidence.texts)  # the XLSX's text, unzipped

    # Controls: one needle planted in each kind of source must be found, and nothing else.
    logging.getLogger("tests.control").debug("control %s", first.rows[1]["Child ID"])
    evidence.add("logged", "\n".join(sink.lines))
    (work / "control.txt").write_text(first.rows[2]["Episode ID"])
    evidence.add("file work/control.txt", (work / "control.txt").read_bytes())
    planted = urllib.parse.urlencode({"channel": CHANNEL, "text": first.rows[3]["DOB"]}).encode()
    urllib.request.urlopen(urllib.request.Request(slack.base_url + "chat.postMessage", data=planted), timeout=10)
    evidence.add("Slack control request", slack.bodies[-1][1])
    assert evidence.leaks(needles) == {
        ("logged", first.rows[1]["Child ID"]),
        ("file work/control.txt", first.rows[2]["Episode ID"]),
        ("Slack control request", first.rows[3]["DOB"]),
    }
