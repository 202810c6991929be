"""Asking the reference store a question a test expects answered, with what went wrong said when it is not."""

from __future__ import annotations

from digest.lookups.service import LookupService


def answered(service: LookupService, text: str) -> tuple[str, list[str]]:
    """The answer's title and lines; the test fails, saying what was said instead, when it is not answered."""
    answer = service.ask("U", "C", text)
    assert answer.outcome == "answered", (text, answer.title, answer.lines)
    return answer.title, answer.lines


def assert_answers(service: LookupService, text: str, title: str, figure: str | None = None) -> None:
    """The question is answered under a title starting with title, its first line figure when one is given."""
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    if figure is not None:
        assert lines[0] == figure, (text, lines)


def assert_answers_starting(service: LookupService, text: str, title: str, figure: str | None = None) -> None:
    """The question is answered under a title starting with title, its first line starting with figure when one is
    given ("*106 (91%": the count and its share, the base's words left to other tests)."""
    said, lines = answered(service, text)
    assert said.startswith(title), (text, said)
    if figure is not None:
        assert lines[0].startswith(figure), (text, lines)


def assert_answered_alike(service: LookupService, text: str, same_as: str, *, title: bool = True) -> None:
    """Two wordings get one answer: its outcome, lines and table (and its title, unless title is False: a period said
    two ways may be named two ways)."""
    said, alone = service.ask("U", "C", text), service.ask("U", "C", same_as)
    seen = (said.outcome, said.title if title else "", said.lines, said.table)
    expected = (alone.outcome, alone.title if title else "", alone.lines, alone.table)
    assert seen == expected, (text, same_as)
