"""Values worked out once and shared between threads: a crowd asking the same thing costs one working-out."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from digest.recall import Recall

ASKERS = 8


def ask_together(
    recall: Recall[str, str], work_out: Callable[[], str], source: str | None = None
) -> list[str | Exception]:
    gate = threading.Barrier(ASKERS)

    def one(_: int) -> str | Exception:
        gate.wait()
        try:
            return recall.recall("LAC june", work_out, source)
        except ValueError as error:
            return error

    with ThreadPoolExecutor(max_workers=ASKERS) as pool:
        return list(pool.map(one, range(ASKERS)))


def test_askers_at_once_share_one_working_out() -> None:
    recall: Recall[str, str] = Recall(10)
    calls: list[str] = []

    def slow() -> str:
        calls.append("worked out")
        threading.Event().wait(0.5)  # long enough for the other askers to arrive and wait
        return "74"

    assert ask_together(recall, slow) == ["74"] * ASKERS
    assert calls == ["worked out"]
    assert recall.recall("LAC june", lambda: "never asked") == "74"


def test_an_error_reaches_everyone_waiting_and_nothing_is_kept() -> None:
    recall: Recall[str, str] = Recall(10)

    def failing() -> str:
        threading.Event().wait(0.2)
        raise ValueError("no snapshot yet")

    outcomes = ask_together(recall, failing)
    assert [str(outcome) for outcome in outcomes] == ["no snapshot yet"] * ASKERS
    assert recall.recall("LAC june", lambda: "74") == "74"


def test_a_new_source_drops_what_was_kept_from_the_last() -> None:
    recall: Recall[str, str] = Recall(10)
    assert recall.recall("LAC june", lambda: "74", source="snapshot 1") == "74"
    assert recall.recall("LAC june", lambda: "worked out again", source="snapshot 1") == "74"
    assert recall.recall("LAC june", lambda: "64", source="snapshot 2") == "64"
    assert recall.recall("help", lambda: "help text") == "help text"  # no source: keeps what it has
    assert recall.recall("LAC june", lambda: "worked out again", source="snapshot 2") == "64"


@pytest.mark.parametrize("size", [1, 3])
def test_the_least_recently_asked_go_first_beyond_the_size(size: int) -> None:
    recall: Recall[int, int] = Recall(size)
    for number in range(size + 1):
        recall.recall(number, lambda number=number: number)
    assert recall.recall(size, lambda: -1) == size  # the latest is kept
    assert recall.recall(0, lambda: -1) == -1  # the first was dropped, so it is worked out afresh
