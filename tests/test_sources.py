"""The project's own Python sources hold no control characters: a pattern written as "\\b" in a string that is not
raw becomes a backspace, and a reader rule holding one matches nothing, silently (it happened twice while writing the
reader's rules)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every control character but tab, line feed and carriage return
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_source_file_holds_a_control_character() -> None:
    found = []
    for folder in ("digest", "bot", "tests", "bench", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if CONTROL.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []


def test_the_check_finds_a_backspace_written_for_a_word_boundary() -> None:
    written = 'pattern = re.compile(r"' + "\b" + 'ave\\b")'  # "\b" outside a raw string: a backspace
    assert CONTROL.search(written)
    assert not CONTROL.search('pattern = re.compile(r"\\bave\\b")')
