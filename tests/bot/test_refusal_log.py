"""Lines about refused requests reach the log at most MAX_REFUSAL_LINES_PER_MINUTE a minute, each quoting at most
a short escaped excerpt of what was sent (issue 22, item 5: forged Teams-bot requests each added a line to stderr,
without bound)."""

from __future__ import annotations

import logging

from hypothesis import given
from hypothesis import strategies as st

from bot.refusals import MAX_EXCERPT_CHARS, MAX_REFUSAL_LINES_PER_MINUTE, RefusalLogLimit, describe_excerpt


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def record(message: str, *args: object, name: str = "microsoft_teams.apps.http.http_server") -> logging.LogRecord:
    return logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)


def test_a_flood_is_cut_to_the_cap_and_the_next_minute_says_how_many_were_held_back() -> None:
    clock = Clock()
    limit = RefusalLogLimit(clock=clock)
    passed = [limit.filter(record("JWT token validation failed: %s", "Not enough segments")) for _ in range(500)]
    assert passed.count(True) == MAX_REFUSAL_LINES_PER_MINUTE == 60
    assert passed[:60] == [True] * 60
    clock.now += 59.9
    assert not limit.filter(record("JWT token validation failed: %s", "Not enough segments"))
    clock.now += 0.1
    line = record("JWT token validation failed: %s", "Not enough segments")
    assert limit.filter(line)
    assert line.getMessage() == (
        "JWT token validation failed: 'Not enough segments' (441 more lines about refused requests were not logged)"
    )


def test_what_a_sender_sent_is_quoted_short_and_escaped() -> None:
    limit = RefusalLogLimit(clock=Clock())
    line = record("inbound activity rejected (type=%s, id=%s)", "message\nFAKE LINE", "é" * 100)
    assert limit.filter(line)
    assert line.getMessage() == (
        "inbound activity rejected (type='message\\nFAKE LINE', id='" + "\\xe9" * MAX_EXCERPT_CHARS + "'...)"
    )


@given(st.text() | st.binary())
def test_an_excerpt_is_one_short_printable_ascii_line(sent: str | bytes) -> None:
    excerpt = describe_excerpt(sent)
    assert excerpt.isascii()
    assert excerpt.isprintable()
    assert len(excerpt) <= 2 + 10 * MAX_EXCERPT_CHARS + 3  # quotes, each character escaped at most as \U0010ffff, ...
