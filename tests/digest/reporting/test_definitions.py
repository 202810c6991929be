"""docs/indicators.md is what the catalogue says: it cannot drift from the figures."""

from __future__ import annotations

from pathlib import Path

from digest.contract.config import Config
from digest.reporting.definitions import render_definitions

DOCS = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"


def test_docs_indicators_is_written_from_the_catalogue(config: Config) -> None:
    assert DOCS.read_text(encoding="utf-8") == render_definitions(config), (
        "docs/indicators.md is out of date: run `missing-report definitions > docs/indicators.md`"
    )


def test_every_indicator_has_its_row(config: Config) -> None:
    text = render_definitions(config)
    assert "| 5.3a | `rhi.completed_in_time` | Return Home Interview completed in 3 working days" in text
    assert (
        "| 4.8 | `duration.still_missing` | Still missing (as at the end of each month) (month only) | episodes |"
        in text
    )
    assert "| 10.11 | `distance.101_plus` | 101+ miles | LAC episodes |" in text
