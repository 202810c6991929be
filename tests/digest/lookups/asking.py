"""Asking the reference store a question a test expects answered, with what went wrong said when it is not."""

from __future__ import annotations

from digest.lookups.service import LookupService


def answered(service: LookupService, text: str) -> tuple[str, list[str]]:
    """The answer's title and lines; the test fails, saying what was said instead, when it is not answered."""
    answer = service.ask("U", "C", text)
    assert answer.outcome == "answered", (text, answer.title, answer.lines)
    return answer.title, answer.lines
