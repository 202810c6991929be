"""How well questions written blind are answered: the held-out part of tests/corpus/questions (never tuned on),
asked through the LookupService against the reference store, scored by the harness in
tests/digest/lookups/blind.py.

Run with `.venv/bin/python bench/questions.py` (add `--part development` for the part the reader was tuned on).
The held-out part is whatever JSONL files tests/corpus/questions/held_out/ holds when it is run (its writers'
files, in the corpus's format); with none there it says so and scores nothing. It prints aggregate scores only
(by kind and by writer) and the categories of misses, never a question, and asserts nothing; CI does not run it
(tests/digest/lookups/test_blind_questions.py keeps the development part from regressing). The score is
reported in docs/questions.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.chats.teams.activities import strip_mentions  # noqa: E402
from bot.chats.teams.manifest import SHORT_NAME  # noqa: E402
from digest.contract.config import load_config  # noqa: E402
from digest.lookups.service import LookupService  # noqa: E402
from digest.store.snapshots import open_store  # noqa: E402
from tests.digest.lookups.blind import CORPUS, DEVELOPMENT, HELD_OUT, Item, describe, load_items, score  # noqa: E402
from tests.fixtures.reference_june_2019 import write_reference_store  # noqa: E402

TARGET_RIGHT = 0.95  # the aim: right on questions nobody tuned for
SLACK_LIMIT_MS = 3000  # Slack wants a slash command answered within 3 s; Teams within 5 s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=(HELD_OUT, DEVELOPMENT), default=HELD_OUT)
    part = parser.parse_args().part
    items = load_items(part)
    if not items:
        folder = (CORPUS / part).relative_to(ROOT)
        print(
            f"{folder}/ holds no questions yet (no *.jsonl file with a question in it), so there is no held-out "
            "score: nothing was scored. Put each new writer's file there (one JSON object a line, ids like M-001, "
            "as in the corpus's README) and run this again."
        )
        sys.exit(1)
    if part == HELD_OUT:
        development = load_items(DEVELOPMENT)
        if seen := {i.id for i in items} & {i.id for i in development}:
            print(f"{len(seen)} held-out ids are also development ids: not blind. Give new writers new ids.")
            sys.exit(1)
        if known := sorted({i.writer for i in items} & {i.writer for i in development}):
            print(f"Writer(s) {', '.join(known)} of the held-out part also wrote development questions: not blind.")
            sys.exit(1)
    config = load_config(ROOT / "config" / "missing-report.toml")
    with tempfile.TemporaryDirectory() as folder:
        path = write_reference_store(Path(folder), config)
        service = LookupService(partial(open_store, path), config)
        started = time.perf_counter()
        result = score(service, items, config)
        seconds = time.perf_counter() - started
        mentioning = [i for i in items if i.question.lower().startswith(f"@{SHORT_NAME.lower()}")]
        as_delivered = score(service, [_as_teams_delivers(i) for i in items], config) if mentioning else None
        timings = []
        for item in items:  # answered again, each timed on its own (readings and answers are kept once worked out)
            fresh = LookupService(partial(open_store, path), config)
            fresh.read("episodes")  # the reader is built once per process, not per question
            began = time.perf_counter()
            fresh.ask("UBENCH", "CBENCH", item.question)
            timings.append((time.perf_counter() - began) * 1000)
    print(f"{dt.date.today():%d/%m/%Y}, {len(items)} questions, scored in {seconds:.1f} s")
    print("\n".join(describe(part, result)))
    print(f"  right {100 * result.share_right():.1f}% against a target of {100 * TARGET_RIGHT:.0f}%")
    if as_delivered is not None:
        right = list(as_delivered.grades.values()).count("right")
        print(
            f"  {len(mentioning)} open by @mentioning the bot ({SHORT_NAME}), scored above as typed; as Teams "
            f"delivers them (the mention an entity the bot takes out): {right}/{len(items)} right "
            f"({100 * as_delivered.share_right():.1f}%)"
        )
    slowest = max(timings)
    print(
        f"  answer time, first asking: median {statistics.median(timings):.1f} ms, slowest {slowest:.0f} ms "
        f"(Slack's limit {SLACK_LIMIT_MS} ms)"
    )


def _as_teams_delivers(item: Item) -> Item:
    """A question opening with an @mention of the bot, as the Teams bot reads it: Teams sends the mention as
    <at>name</at> with an entity naming it, which bot.chats.teams.activities takes out before reading."""
    said = f"@{SHORT_NAME}"
    if not item.question.lower().startswith(said.lower()):
        return item
    tag = f"<at>{SHORT_NAME}</at>"
    text = strip_mentions(tag + item.question[len(said) :], [{"type": "mention", "text": tag}])
    return replace(item, question=text)


if __name__ == "__main__":
    main()
