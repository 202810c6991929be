"""Speed of asking: reading and answering a question in-process (p95, target at most 5 ms), and
`missing-report ask ...` as a whole process (target at most 0.3 s), on the reference store.

Run with `.venv/bin/python bench/ask.py`. It prints figures beside their targets; it asserts nothing,
and CI does not run it (tests/bot/test_cli.py checks that `ask` loads no chart, chat or scheduling library).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.contract.config import load_config  # noqa: E402
from digest.lookups.answers import answer_question  # noqa: E402
from digest.lookups.questions import Question  # noqa: E402
from digest.lookups.service import LookupService  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.digest.lookups.corpus import DEVELOPMENT, HELD_OUT  # noqa: E402
from tests.fixtures.reference_june_2019 import write_reference_store  # noqa: E402

IN_PROCESS_TARGET_MS = 5.0
PROCESS_TARGET_S = 0.3
PROCESS_RUNS = 10
QUESTION_ROUNDS = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    config = load_config(ROOT / "config" / "missing-report.toml")
    with tempfile.TemporaryDirectory() as folder:
        db = write_reference_store(Path(folder), config)
        service = LookupService(partial(open_store, db), config)
        started = time.perf_counter()
        service.ask("UBENCH", "CBENCH", "help")  # the reader is generated once, on first use
        print(f"reader generated from the catalogue and config: {(time.perf_counter() - started) * 1000:.0f} ms")
        questions = [question for question, _, _ in DEVELOPMENT + HELD_OUT] * QUESTION_ROUNDS
        answering, asking = [], []
        for question in questions:
            started = time.perf_counter()
            read = service.reader.read(question)
            if isinstance(read, Question):
                answer_question(service.store(), config, read, service.reader)
            answering.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            service.ask("UBENCH", "CBENCH", question)
            asking.append((time.perf_counter() - started) * 1000)
        for name, latencies in (("read + answer", answering), ("the same + the audit row (a commit)", asking)):
            print(
                f"{name}, in-process, {len(latencies)} questions: median {statistics.median(latencies):.2f} ms, "
                f"p95 {percentile(latencies, 0.95):.2f} ms (target <= {IN_PROCESS_TARGET_MS:.0f} ms)"
            )
        command = [sys.executable, "-m", "bot.cli", "--db", str(db), "ask", "LAC", "episodes", "June"]
        seconds = []
        for _ in range(PROCESS_RUNS):
            started = time.perf_counter()
            subprocess.run(command, cwd=folder, capture_output=True, check=True)
            seconds.append(time.perf_counter() - started)
        print(
            f"`missing-report ask LAC episodes June`, whole process, {PROCESS_RUNS} runs: median "
            f"{statistics.median(seconds):.2f} s, p95 {percentile(seconds, 0.95):.2f} s "
            f"(target <= {PROCESS_TARGET_S} s)"
        )


if __name__ == "__main__":
    main()
