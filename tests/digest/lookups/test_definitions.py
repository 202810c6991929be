"""Asking for a definition: the row, what its section counts, what its percentage is of; no snapshot needed."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.lookups.service import LookupService
from digest.reporting.definitions import RULES
from digest.store.snapshots import open_store

FOOTER = "Every definition: docs/indicators.md."


@pytest.fixture
def service(tmp_path: Path, config: Config) -> LookupService:
    return LookupService(partial(open_store, tmp_path / "empty.db"), config)  # no extract ingested yet


@pytest.mark.parametrize("question", ["define 5.3a", "what counts as RHI in time", "definition of rhis in time"])
def test_rhi_in_time_is_defined_by_ref_or_in_words(service: LookupService, question: str) -> None:
    answer = service.ask("U", "C", question)
    assert answer.outcome == "answered"
    assert answer.plain_text() == "\n".join(
        [
            "5.3a Return Home Interview completed in 3 working days (of those accepted): what it counts",
            'Section 5, Return Home Interviews; key "rhi.completed_in_time".',
            RULES["5"].replace("`", '"'),
            "Percentage of: accepted.",
            FOOTER,
        ]
    )


def test_lac_episodes_are_a_count_with_no_percentage(service: LookupService) -> None:
    assert service.ask("U", "C", "define LAC episodes").plain_text() == "\n".join(
        [
            "2.1 Number of Missing Episodes - LAC: what it counts",
            'Section 2, Looked After Children (by missing episodes); key "episodes.lac".',
            "Episodes whose care status at the start was LAC, and the children among them.",
            "A count, with no percentage.",
            FOOTER,
        ]
    )


def test_a_month_only_row_says_so_and_a_table_names_its_rows(service: LookupService) -> None:
    still_missing = service.ask("U", "C", "define 4.8").plain_text().splitlines()
    assert still_missing[0] == "4.8 Still missing (as at the end of each month): what it counts"
    assert still_missing[-3:] == [
        "Percentage of: episodes.",
        "A month's figure only: there is no year to date.",
        FOOTER,
    ]
    assert service.ask("U", "C", "definition of age").plain_text() == "\n".join(
        [
            "Age (section 9, rows 9.1 to 9.10): what it counts",
            "Episodes by the child's age in whole years on the start date. A date of birth that is blank, "
            "unreadable, after the start or more than 25 years before it is Not recorded (9.10), never an age.",
            "Percentages of: episodes.",
            FOOTER,
        ]
    )


def test_define_alone_or_ambiguous_asks_back(service: LookupService) -> None:
    alone = service.ask("U", "C", "define")
    assert alone.outcome == "not understood"
    assert alone.lines[0] == 'Name the row to define, such as "define 5.3a".'
    close = service.ask("U", "C", "define CSE")
    assert close.outcome == "clarify"
    assert close.choices == [
        ("Episodes at CSE risk (medium/high)", "define @episodes.cse"),
        ("Children at CSE risk (medium/high)", "define @children.cse"),
    ]
    assert service.ask("U", "C", "define @children.lac").title == (
        "2.2 Involving; Number of individual children - LAC: what it counts"
    )


def test_help_says_definitions_can_be_asked_for(service: LookupService) -> None:
    assert "`define 5.3a` (what a row counts and what its percentage is of)" in service.ask("U", "C", "help").lines[-1]
