"""A progress bar for long work on a terminal (an ingest: rows read, rows per second, time left), drawn by
rich on stderr so that stdout keeps only the report. Quiet when stderr is not a terminal (piped, redirected,
a scheduler's log) or under CI, where a redrawn line would only litter the log.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, TextIO

from bot.settings import is_under_ci
from digest.contract.names import shown_name

if TYPE_CHECKING:
    from digest.intake.ingest import IngestProgress

REFRESHES_PER_SECOND = 4


def wants_progress_bar(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw a bar on stream: only a terminal, and not under CI."""
    return not is_under_ci(environ) and stream.isatty()


@contextlib.contextmanager
def show_ingest_progress(file_name: str, stream: TextIO | None = None) -> Iterator[Callable[[IngestProgress], None]]:
    """A callback for ingest_extract's on_progress that draws the bar, or ignores it when no one is watching."""
    stream = stream or sys.stderr
    if not wants_progress_bar(stream):
        yield lambda progress: None
        return
    from rich.console import Console  # only when a bar is drawn
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[rows]:>11,} rows  {task.fields[rate]:>9,.0f} rows/s"),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=console,
        transient=True,  # the report replaces the bar when it is done
        refresh_per_second=REFRESHES_PER_SECOND,
    )
    task = bar.add_task(f"Reading {escape(shown_name(file_name))}", total=None, rows=0, rate=0.0)
    started = time.perf_counter()

    def update(progress: IngestProgress) -> None:
        elapsed = max(time.perf_counter() - started, 1e-9)
        bar.update(
            task,
            total=progress.bytes_total,
            completed=progress.bytes_read,
            rows=progress.rows_read,
            rate=progress.rows_read / elapsed,
        )

    with bar:
        yield update
