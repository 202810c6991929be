"""The question corpus against the reference store: at least 95% answered right, none answered wrong.

Each question is asked through the LookupService, as Slack and the terminal ask it, and its answer
is checked as a manager would: the title names the expected row, and the figure in bold is the
reference fixture's. A clarification is never wrong (nothing was guessed) but is only right where
the corpus says the question is ambiguous.
"""

from __future__ import annotations

from functools import partial

import pytest

from digest.contract.config import Config
from digest.figures.catalogue import build_catalogue, build_groups
from digest.intake.ingest import ingest_extract
from digest.lookups.answers import ANSWERED, CLARIFY, NOT_UNDERSTOOD, Answer
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.conftest import write_csv
from tests.digest.lookups.corpus import CLARIFY as AMBIGUOUS
from tests.digest.lookups.corpus import DEVELOPMENT, HELD_OUT, NOW
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, REFERENCE, UNREPRODUCIBLE, build_rows

COLUMNS = {"A": 0, "M": 1, "J": 2, "Y": 3}
RIGHT_SHARE = 0.95  # the bar, for each part of the corpus
SAME_FIGURE = {"status.lac": "episodes.lac"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, config: Config) -> LookupService:
    folder = tmp_path_factory.mktemp("corpus")
    store = open_store(folder / "store.db")
    ingest_extract(store, write_csv(folder / "reference.csv", build_rows(), HEADERS), AS_AT, config)
    store.close()
    return LookupService(partial(open_store, folder / "store.db"), config)


def still_open_at_as_at() -> int:
    """From the fixture's rows: episodes with no return by the as-at time."""
    return sum(1 for row in build_rows() if not row["missing_end"])


def expected_figure(key: str, column: str) -> int | None:
    figures = {**REFERENCE, **UNREPRODUCIBLE}
    return figures[key][COLUMNS[column]]


def grade(answer: Answer, expected: str, column: str, config: Config) -> str:
    """right; clarified (asked back) or refused (not understood): not wrong, not right; or wrong."""
    if answer.outcome == CLARIFY:
        return "right" if expected == AMBIGUOUS else "clarified"
    if answer.outcome == NOT_UNDERSTOOD:
        return "refused"
    if expected == AMBIGUOUS or answer.outcome != ANSWERED:
        return "wrong"
    if expected == NOW:
        ok = answer.title.startswith("Still missing now") and answer.lines[0] == f"*{still_open_at_as_at():,}*"
        return "right" if ok else "wrong"
    if expected.startswith("group."):
        group = build_groups(config)[expected.removeprefix("group.")]
        return "right" if answer.title.startswith(f"{group.title},") and answer.table else "wrong"
    labels = {i.key: i.short_label for i in build_catalogue(config)}
    figure = expected_figure(expected, column)
    title_ok = answer.title.startswith(labels[SAME_FIGURE.get(expected, expected)] + ",")
    bold = answer.lines[0] if answer.lines else ""
    figure_ok = bold == f"*{figure:,}*" or bold.startswith(f"*{figure:,} (")
    return "right" if title_ok and figure_ok else "wrong"


def score(service: LookupService, corpus: list[tuple[str, str, str]], config: Config) -> dict[str, list[str]]:
    grades: dict[str, list[str]] = {"right": [], "clarified": [], "refused": [], "wrong": []}
    for question, expected, column in corpus:
        answer = service.ask("UCORPUS", "CCORPUS", question)
        grades[grade(answer, expected, column, config)].append(f"{question!r} -> {answer.title}")
    return grades


def report(name: str, grades: dict[str, list[str]]) -> float:
    total = sum(len(v) for v in grades.values())
    share = len(grades["right"]) / total
    print(
        f"\n{name}: {len(grades['right'])}/{total} right ({share:.1%}), {len(grades['clarified'])} asked back, "
        f"{len(grades['refused'])} not understood, {len(grades['wrong'])} wrong"
    )
    for line in grades["clarified"] + grades["refused"] + grades["wrong"]:
        print("  ", line)
    return share


def test_the_corpus_covers_every_row_of_the_report(config: Config) -> None:
    assert len(DEVELOPMENT) + len(HELD_OUT) >= 150
    asked = {key for _, key, _ in DEVELOPMENT + HELD_OUT}
    shown = {key for key, figures in REFERENCE.items() if any(figures)} - set(SAME_FIGURE)
    assert shown - asked == set()


@pytest.mark.parametrize(("name", "corpus"), [("development", DEVELOPMENT), ("held out", HELD_OUT)])
def test_questions_are_answered_right_and_never_wrong(
    service: LookupService, config: Config, name: str, corpus: list[tuple[str, str, str]]
) -> None:
    grades = score(service, corpus, config)
    share = report(name, grades)
    assert grades["wrong"] == []
    assert share >= RIGHT_SHARE
