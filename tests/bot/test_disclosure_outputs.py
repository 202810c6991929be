"""--suppress on the reference June 2019 report: no count from 1 to 5 anywhere a person reads, in any output."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from digest.contract.config import Config
from digest.figures.catalogue import SECTIONS, build_catalogue, build_groups
from digest.lookups.answers import ANSWERED
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.cli_runner import run_cli

# Words of the report that hold digits but are not counts: labels ("3 days", "Children with 3 or more"),
# codes ("A1"), dates and months, percentages, rules ("3 working days"), durations.
NOT_COUNTS = (
    r"\d{2}/\d{2}/\d{4}( \d{2}:\d{2})?",
    r"\d{4}-\d{2}(-\d{2})?",
    r"\d{4}/\d{2}",
    r"[A-Z][a-z]{2}-\d{2}\*?",
    r"snapshot \d+",
    r"\d+(\.\d)?%",
    r"\b[A-E][1-5]\b",
    r"\b\d+ (working days|hours|days? \d+ hours?)\b",
    r"(up|down) \d+( points?)? on",  # a change between two published figures
    r"from 1 to 5",  # the note saying what c means
    r"(?m)^\d+(\.\d+[ab]?)? ",  # a section or row ref at the start of a table line
    r"\bQ[1-4]\b",
    r"\b\d+\+",
    r"\d+-\d+",
)
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?![\w.,%])")


def vocabulary(config: Config) -> list[str]:
    words = [i.label for i in build_catalogue(config)] + [i.short_label for i in build_catalogue(config)]
    words += [row.label for group in build_groups(config).values() for row in group.rows]
    words += [s.title for s in SECTIONS]
    return sorted(set(words), key=len, reverse=True)


def small_counts(text: str, config: Config) -> list[str]:
    """The numbers from 1 to 5 left in text once the report's own words, dates and shares are taken out."""
    for word in vocabulary(config):
        if re.search(r"\d", word):
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text)
    for pattern in NOT_COUNTS:
        text = re.sub(pattern, " ", text)
    found = [m.group() for m in NUMBER.finditer(text)]
    return [n for n in found if 1 <= int(n.replace(",", "")) <= 5]


def strings_and_numbers(data: Any) -> tuple[list[str], list[int]]:
    """Every string and whole number in a JSON document (a chart's y values are numbers)."""
    if isinstance(data, dict):
        parts = [strings_and_numbers(v) for v in data.values()]
    elif isinstance(data, list):
        parts = [strings_and_numbers(v) for v in data]
    elif isinstance(data, str):
        return [data], []
    elif isinstance(data, int) and not isinstance(data, bool):
        return [], [data]
    else:
        return [], []
    return [s for p in parts for s in p[0]], [n for p in parts for n in p[1]]


@pytest.fixture
def folder(reference_db: Path) -> Path:
    return reference_db.parent


def test_the_scanner_finds_small_counts_without_suppress(folder: Path, config: Config) -> None:
    table = run_cli("--db", "store.db", "profile", "--month", "2019-06", cwd=folder)
    assert table.returncode == 0
    assert small_counts(table.stdout, config)  # the unsuppressed table has them: the scan is not blind


def test_profile_with_suppress_shows_no_count_from_1_to_5(folder: Path, config: Config) -> None:
    table = run_cli("--db", "store.db", "profile", "--month", "2019-06", "--suppress", cwd=folder)
    assert table.returncode == 0, table.stderr
    assert small_counts(table.stdout, config) == []
    assert re.search(r"4\.6 +5 days +0 0% +c +0 0% +c\n", table.stdout)  # zero stays zero, 1 becomes c
    assert "c: withheld to protect confidentiality" in table.stdout
    as_json = run_cli("--db", "store.db", "profile", "--month", "2019-06", "--suppress", "--format", "json", cwd=folder)
    data = json.loads(as_json.stdout)
    assert data["disclosure_control"] is True
    counts = [v["count"] for i in data["indicators"] for v in i["values"].values()]
    denominators = [v["denominator"] for i in data["indicators"] for v in i["values"].values()]
    assert "c" in counts
    assert not [n for n in counts + denominators if isinstance(n, int) and 1 <= n <= 5]
    as_csv = run_cli("--db", "store.db", "profile", "--month", "2019-06", "--suppress", "--format", "csv", cwd=folder)
    cells = [cell for line in as_csv.stdout.splitlines()[1:] for cell in line.split(",")[3:]]
    assert "c" in cells
    assert not [cell for cell in cells if cell in {"1", "2", "3", "4", "5"}]


def test_digest_with_suppress_shows_no_count_from_1_to_5(folder: Path, config: Config) -> None:
    result = run_cli("--db", "store.db", "digest", "--month", "2019-06", "--suppress", "--out", "outbox", cwd=folder)
    assert result.returncode == 0, result.stderr
    month = folder / "outbox" / "2019-06"
    for name in ("message.json", "teams-card.json"):
        texts, numbers = strings_and_numbers(json.loads((month / name).read_text()))
        assert [t for t in texts if small_counts(t, config)] == [], name
        assert [n for n in numbers if 1 <= n <= 5] == [], name
    preview = (month / "preview.html").read_text()  # holds every chart's alt text
    alts = re.findall(r'alt="([^"]*)"', preview)
    assert len(alts) == 12
    assert [a for a in alts if small_counts(a, config)] == []
    assert any("A5 Gypsy / Roma: c" in alt for alt in alts)
    book = load_workbook(month / "missing-report-2019-06.xlsx")
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "c" in values
    assert not [v for v in values if isinstance(v, int) and 1 <= v <= 5]


def test_answers_with_suppress_show_no_count_from_1_to_5(reference_db: Path, config: Config) -> None:
    service = LookupService(partial(open_store, reference_db), config, suppress=True)
    questions = [f"{i.short_label} June" for i in build_catalogue(config)]
    questions += [f"{i.short_label} ytd" for i in build_catalogue(config)]
    questions += [f"{i.short_label} Q1" for i in build_catalogue(config)]
    questions += [f"{g.title} June" for g in build_groups(config).values()]
    questions += ["profile June", "trend LAC episodes", "still missing", "still missing June", "age Q1"]
    answered = 0
    for question in questions:
        answer = service.ask("U1", "C1", question)
        answered += answer.outcome == ANSWERED
        assert small_counts(answer.plain_text(), config) == [], (question, answer.plain_text())
    assert answered > 100
    shown = service.ask("U1", "C1", "Children with 3 or more CSE-risk episodes June").plain_text()
    assert "*c*" in shown or "\nc\n" in shown or "c" in shown.splitlines()[1]


def test_ask_with_suppress_from_the_terminal(folder: Path, config: Config) -> None:
    result = run_cli("--db", "store.db", "ask", "--suppress", "age", "June", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert small_counts(result.stdout, config) == []
    assert re.search(r"Under 10yrs +c +c", result.stdout)


def test_each_destination_has_its_own_switch(config: Config, tmp_path: Path) -> None:
    from dataclasses import replace

    from bot.destinations import digest_destinations, scheduled_destinations
    from bot.settings import load_settings
    from digest.contract.config import ConfigError

    raw = {**config.raw, "teams": {**config.raw["teams"], "suppress": True}, "digest": {"outbox_suppress": True}}
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_DIGEST_CHANNEL": "C1", "TEAMS_DIGEST_WEBHOOK_URL": "https://x.test/h"}
    settings = load_settings(replace(config, raw=raw), env)
    assert [(d.channel, d.suppress) for d in digest_destinations(settings)] == [("C1", False), ("teams:digest", True)]
    outbox_only = load_settings(replace(config, raw=raw), {})
    assert [(d.channel, d.suppress) for d in scheduled_destinations(outbox_only)] == [("outbox", True)]
    wrong = {**config.raw, "slack": {"suppress": "yes"}}
    with pytest.raises(ConfigError, match=r"\[slack\] suppress = 'yes' must be true or false"):
        load_settings(replace(config, raw=wrong), {})
