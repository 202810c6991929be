"""Every card the project makes reads back through the microsoft-teams-cards models, and fits the webhook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from microsoft_teams.cards import AdaptiveCard, DonutChart, FactSet, LineChart
from pydantic import BaseModel

from bot.chats.teams.alert_card import render_alert_card
from bot.chats.teams.cards import MAX_POST_BYTES, dump_card, load_card
from bot.chats.teams.digest_card import CHART_DETAILS, render_digest_card
from bot.chats.teams.reviews import render_draft_card
from digest.contract.config import Config
from digest.figures.periods import parse_month
from digest.intake.demo import default_shape, generate_extract
from digest.intake.ingest import ingest_extract
from digest.store.snapshots import SnapshotStore, open_store
from tests.bot.alert_runs import EXPECTED
from tests.bot.extracts import store_of, two_years
from tests.card_sizes import digest_for_card, largest_teams_card
from tests.conftest import WriteExtract

DEMO_AS_AT = "2019-07-18 09:00"
MONTHS_BETWEEN = ["Jul-18", "Aug-18", "Sep-18", "Oct-18", "Nov-18", "Dec-18", "Jan-19", "Feb-19", "Mar-19"]


def element_classes(model: Any) -> list[str]:
    """The class of every element in a read-back card, nested ones and fallbacks included."""
    found: list[str] = []
    if isinstance(model, BaseModel):
        found.append(type(model).__name__)
        for name in [*type(model).model_fields, *(model.model_extra or {})]:
            found += element_classes(getattr(model, name, None))
    elif isinstance(model, list):
        for item in model:
            found += element_classes(item)
    return found


def round_trip(card: AdaptiveCard) -> AdaptiveCard:
    data = json.loads(json.dumps(dump_card(card)))
    typed = load_card(data)
    assert dump_card(typed) == data
    assert "CardElement" not in element_classes(typed)  # every element came back as its own class
    return typed


@pytest.mark.parametrize("detail", CHART_DETAILS)
def test_digest_cards_round_trip_typed(reference_store: SnapshotStore, config: Config, detail: str) -> None:
    digest = digest_for_card(reference_store, config, parse_month("2019-06"))
    typed = round_trip(render_digest_card(digest, "The full table is here.", "https://example.org/t", detail))
    classes = element_classes(typed)
    if detail == "all charts":
        assert classes.count("LineChart") == 5  # every trend: Teams cannot draw last year's line over bars
        trend = next(e for e in typed.body or [] if isinstance(e, LineChart))
        assert isinstance(trend.fallback.items[1], FactSet)  # type: ignore[union-attr]
    if detail == "no charts":
        assert not any(name.endswith("Chart") for name in classes)
    assert "ActionSet" in classes


def test_alert_cards_round_trip_typed() -> None:
    for repeated in (False, True):
        typed = round_trip(render_alert_card(EXPECTED[0], repeated))
        assert typed.fallback_text == EXPECTED[0]


def test_a_card_that_breaks_the_models_is_refused() -> None:
    data = dump_card(render_alert_card("text"))
    data["body"][0]["style"] = "purple"
    with pytest.raises(ValueError, match="style"):
        load_card(data)
    with pytest.raises(ValueError, match="not an Adaptive Card"):
        load_card({"type": "Container", "items": []})


def test_donut_shows_the_in_time_share(reference_store: SnapshotStore, config: Config) -> None:
    digest = digest_for_card(reference_store, config, parse_month("2019-06"))
    typed = round_trip(render_digest_card(digest, "note"))
    donut = next(e for e in typed.body or [] if isinstance(e, DonutChart))
    assert (donut.title, donut.value) == ("Return home interviews completed in time, Jun-19 (of 71 accepted)", "69%")
    assert [(d.legend, d.value, d.color) for d in donut.data or []] == [
        ("In time", 49, "good"),
        ("Not in time", 22, "attention"),
    ]  # none was "not yet due" all year: a row that is zero throughout gets no slice


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, config: Config) -> SnapshotStore:
    import datetime as dt

    folder = tmp_path_factory.mktemp("demo")
    as_at = dt.datetime.fromisoformat(DEMO_AS_AT)
    extract = folder / "demo.csv"
    generate_extract(default_shape(as_at), as_at).to_csv(extract, index=False)
    store = open_store(folder / "demo.db")
    ingest_extract(store, extract, as_at, config)
    return store


def test_largest_card_on_the_demo_data_fits_the_webhook(demo_store: SnapshotStore, config: Config) -> None:
    month, size, detail = largest_teams_card(demo_store, config)
    assert detail == "all charts"  # every month fits with every chart
    assert size < MAX_POST_BYTES, f"{month}: {size:,} bytes"
    assert month == "2019-07"  # the partial month: 13 months of trends, last year's line, and "(partial)"


def test_the_largest_review_draft_on_the_demo_data_carries_every_chart(
    demo_store: SnapshotStore, config: Config
) -> None:
    """The draft (bot.chats.teams.reviews) is the digest card under a banner, with its buttons: it must fit as well."""
    month, size, detail = largest_teams_card(demo_store, config, render_draft_card)
    assert detail == "all charts"
    assert size < MAX_POST_BYTES, f"{month}: {size:,} bytes"


@pytest.mark.slow  # a whole demo run: `make test-slow`, which CI runs
def test_demo_writes_the_teams_card_beside_the_slack_preview(tmp_path: Path, config: Config) -> None:
    from bot.cli.main import main

    printed: list[str] = []
    assert main(["--config", str(config.source), "demo", "--dir", str(tmp_path)], printed.append) == 0
    card_file = tmp_path / "outbox" / "2019-06" / "teams-card.json"
    assert f"The same digest as a Teams card: {card_file}" in printed
    envelope = json.loads(card_file.read_text())
    typed = round_trip(load_card(envelope["attachments"][0]["content"]))
    assert typed.body is not None
    compact = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()  # indented for reading
    assert len(compact) < MAX_POST_BYTES  # as sent
    preview = (tmp_path / "outbox" / "2019-06" / "preview.html").read_text()
    assert '<a href="teams-card.json">teams-card.json</a>' in preview


def test_a_trend_carries_last_years_line_and_its_fallback_last_years_month(
    tmp_path: Path, config: Config, write_extract: WriteExtract
) -> None:
    store = open_store(store_of(tmp_path, config, two_years(write_extract)))
    digest = digest_for_card(store, config, parse_month("2019-06"))
    card = round_trip(render_digest_card(digest, "note"))
    trend = next(e for e in card.body or [] if isinstance(e, LineChart))
    assert (
        trend.title == "Missing episodes, Jun-18 to Jun-19. The data starts in Apr-18: last year's line starts there."
    )
    assert [(d.legend, d.color, [(v.x, v.y) for v in d.values or []]) for d in trend.data or []] == [
        ("All", "categoricalBlue", [("Jun-18", 3), *((m, 0) for m in MONTHS_BETWEEN), ("Apr-19", 1), ("May-19", 2),
                                    ("Jun-19", 5)]),
        ("LAC", "categoricalMarigold", [("Jun-18", 1), *((m, 0) for m in MONTHS_BETWEEN), ("Apr-19", 1),
                                        ("May-19", 1), ("Jun-19", 1)]),
        ("All, last year", "divergingLightBlue", [("Apr-19", 2), ("May-19", 1), ("Jun-19", 3)]),
        ("LAC, last year", "divergingPeach", [("Apr-19", 1), ("May-19", 1), ("Jun-19", 1)]),
    ]  # fmt: skip
    facts = trend.fallback.items[1].facts  # type: ignore[union-attr]
    assert [(f.title, f.value) for f in facts][-4:] == [
        ("Mar-19", "All 0 · LAC 0"),
        ("Apr-19", "All 1 · LAC 1 (Apr-18: All 2 · LAC 1)"),
        ("May-19", "All 2 · LAC 1 (May-18: All 1 · LAC 1)"),
        ("Jun-19", "All 5 · LAC 1 (Jun-18: All 3 · LAC 1)"),
    ]
