"""Answers that put figures side by side, month by month, or derive a figure, read from the reference store
(the June 2019 report's figures) exactly as `missing-report ask` prints them."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.lookups.answers import NEAREST_BAND
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.conftest import mark_ssd_kind

FOOTER = "Data as at 18/07/2019 00:00 (snapshot 1)."


@pytest.fixture(scope="module")
def withheld(reference_service: LookupService) -> LookupService:
    return LookupService(reference_service.open_store, reference_service.config, suppress=True)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "LAC episodes June vs May",
            "LAC episodes, May 2019 against June 2019\nMay 2019: 87\nJune 2019: 74\n"
            "Change from May 2019 to June 2019: down 13.",
        ),
        (
            "rhi accepted june compared with april",
            "Return home interviews accepted, April 2019 against June 2019\n"
            "April 2019: 93 (95% of 98 offers with an answer recorded)\n"
            "June 2019: 71 (84% of 85 offers with an answer recorded)\n"
            "Change from April 2019 to June 2019: down 22; as a share, down 11 percentage points (95% to 84%).",
        ),
        (  # the data starts in April 2019: no figure, said so, and no change made up
            "episodes June against June last year",
            "Missing episodes, June 2018 against June 2019\nJune 2018: no data\nJune 2019: 116\n"
            "No change can be given without a figure for June 2018 (no data).",
        ),
        (
            "girls and boys June",
            "Female and Male, June 2019\nFemale, June 2019: 63 (54% of 116 episodes)\n"
            "Male, June 2019: 53 (46% of 116 episodes)\n10 more: Female.",
        ),
        (
            "trend CSE episodes",
            "Episodes at CSE risk (medium/high), April to June 2019 month by month\nApril 2019: 17\nMay 2019: 16\n"
            "June 2019: 28\nNo data before April 2019: the data starts then.\n"
            "Highest figure: June 2019, 28; lowest: May 2019, 16.\nApril to June 2019 as a whole: 61",
        ),
        (
            "which month this year had the fewest LAC episodes",
            "LAC episodes, April to June 2019 month by month\nHighest figure: May 2019, 87; lowest: June 2019, 74. "
            "In order: May 2019, 87; April 2019, 75; June 2019, 74.\nApril 2019: 75\nMay 2019: 87\nJune 2019: 74\n"
            "April to June 2019 as a whole: 236",
        ),
        (
            "what % of children missing in June were looked after",
            "Looked-after children missing, June 2019\n28 (53% of 53 children missing)\n"
            "Year to date 2019/20: 40 (38% of 104 children missing)\nDid you mean one of these instead?\n"
            '  LAC episodes: ask "@episodes.lac june"',
        ),
        (
            "episodes per LAC child June",
            "Episodes per child (LAC), June 2019\n2.6\n74 episodes, 28 children (each counted once in the period).",
        ),
        (
            "average length of an episode in May",
            "Average (mean) length of a closed episode, May 2019\n0.8 days\nThe median is 1 day. Over 130 closed "
            "episodes; length is whole calendar days from the day missing to the day back (0 for a same-day return).",
        ),
        (
            "LAC placed more than 40 miles away June",
            "41-50 miles to 101+ miles (LAC episodes), June 2019\n15 (20% of 74 LAC episodes)\n"
            "Rows 10.5 to 10.11 of the report added up.\nYear to date 2019/20: 32 (14% of 236 LAC episodes)",
        ),
        (
            "gender breakdown May against June",
            "Gender, May 2019 against June 2019\nRows that are zero throughout are left out.\n"
            "        May 2019  June 2019\nFemale    58 45%     63 54%\nMale      72 55%     53 46%",
        ),
        (
            "which age goes missing most in June",
            "Age, June 2019\nLargest: 14yrs (32, 28%); then 16yrs (26, 22%), 15yrs (21, 18%).\n"
            "Rows that are zero throughout are left out.\n"
            "             June 2019\nUnder 10yrs     1 0.9%\n11yrs             4 3%\n12yrs             7 6%\n"
            "13yrs           15 13%\n14yrs           32 28%\n15yrs           21 18%\n16yrs           26 22%\n"
            "17+yrs           10 9%",
        ),
    ],
)
def test_shaped_answers_say_every_figure_and_the_change(service: LookupService, question: str, text: str) -> None:
    answer = service.ask("U", "C", question)
    assert answer.plain_text() == f"{text}\n{FOOTER}"


def test_under_disclosure_control_a_small_count_and_what_is_made_of_it_are_withheld(withheld: LookupService) -> None:
    compared = withheld.ask("U", "C", "CPP episodes May vs April")  # May's 2 is withheld, so is the change
    assert compared.lines == [
        "April 2019: 11 (9% of 129 episodes)",
        "May 2019: c",
        "No change can be given: a figure is withheld or not stored.",
    ]
    assert compared.footer.startswith("c = a count from 1 to 5")
    per_child = withheld.ask("U", "C", "episodes per CSE child June")  # 28 episodes, 9 children: both shown
    assert per_child.lines[0] == "*3.1*"
    run = withheld.ask("U", "C", "CPP episodes month by month this year")
    assert run.lines[:3] == ["April 2019: 11 (9% of 129 episodes)", "May 2019: c", "June 2019: c"]


def test_every_question_help_gives_as_an_example_is_answered(service: LookupService) -> None:
    lines = service.ask("U", "C", "help").lines
    examples = [e for line in lines for e in re.findall(r"`([^`]+)`", line) if not e.startswith(("share", "comment"))]
    assert len(examples) > 15
    for example in examples:
        answer = service.ask("U", "C", example)
        assert answer.outcome in ("answered", "no data"), (example, answer.title)


def test_from_an_ssd_snapshot_what_the_source_does_not_hold_is_said_so(
    reference_template: Path, tmp_path: Path, config: Config
) -> None:
    path = tmp_path / "store.db"
    shutil.copy2(reference_template, path)
    store = open_store(path)
    mark_ssd_kind(store, 1)
    store.close()
    service = LookupService(partial(open_store, path), config)
    compared = service.ask("U", "C", "CSE episodes June vs May")
    assert compared.lines == [
        "May 2019: not in this source",
        "June 2019: not in this source",
        "No change can be given without a figure for May 2019 (not in this source) or June 2019 (not in this source).",
    ]
    assert service.ask("U", "C", "episodes per CSE child June").lines == ["*not in this source*"]
    assert service.ask("U", "C", "average length of CSE episodes June").lines == [
        "This snapshot's source does not hold which episodes were at CSE risk."
    ]
    assert service.ask("U", "C", "LAC episodes June vs May").lines[:2] == ["May 2019: 87", "June 2019: 74"]


@pytest.mark.parametrize(
    ("question", "band", "nearest"),
    [
        ("how many episodes lasted more than a week in June", "Episodes lasting more than 5 days", True),
        ("LAC placed more than 120 miles away June", "101+ miles", True),
        ("how many 18 year olds went missing in June", "17+yrs", True),
        ("episodes lasting more than 5 days June", "Episodes lasting more than 5 days", False),
        ("LAC placed 101+ miles away June", "101+ miles", False),
    ],
)
def test_a_quantity_only_a_wider_band_holds_is_answered_with_that_band_said_to_be_wider(
    service: LookupService, question: str, band: str, nearest: bool
) -> None:
    """The report's top bands are "more than 5 days", "101+ miles", "17+": asked for more than a week, the answer is
    the band, named, and says it counts more than was asked; never as if it were the figure asked for."""
    answer = service.ask("U", "C", question)
    assert answer.title.startswith(band)
    assert (NEAREST_BAND in answer.footer) is nearest
