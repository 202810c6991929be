"""Library lines `serve` cannot act on, kept out of its output: each caller names the library's logger, the
fragments of the lines it drops, and why. Everything else the libraries say still shows."""

from __future__ import annotations

import logging


class DroppedLines(logging.Filter):
    def __init__(self, fragments: tuple[str, ...]) -> None:
        super().__init__()
        self.fragments = fragments

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(fragment in message for fragment in self.fragments)


def drop_library_lines(logger: str, *fragments: str) -> None:
    """Drop the lines of logger that contain any of fragments (once per logger and fragments)."""
    target = logging.getLogger(logger)
    if not any(isinstance(f, DroppedLines) and f.fragments == fragments for f in target.filters):
        target.addFilter(DroppedLines(fragments))
