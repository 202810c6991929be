"""How long to wait before trying a chat service again: exponential backoff, capped; shared by every platform."""

from __future__ import annotations

FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0


def backoff_seconds(attempt: int) -> float:
    """The wait before retry number attempt + 1 (attempt counts from 0)."""
    return float(min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2**attempt))
