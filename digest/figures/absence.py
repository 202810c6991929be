"""Why a cell has no figure: the words a person reads in its place, never 0 and never a blank."""

from __future__ import annotations

from enum import StrEnum


class Absence(StrEnum):
    """A cell that has no figure, and why. The value is what every output shows instead of the count."""

    NO_DATA = "no data"  # a month before the first month with any episode, or after the as-at time
    NOT_IN_SOURCE = "not in this source"  # the source (e.g. the SSD) does not hold what the indicator needs


# Where a snapshot's episodes came from (snapshots.source_kind).
EXTRACT_SOURCE = "extract"  # the episode extract of the data contract (CSV or XLSX)
SSD_SOURCE = "ssd"  # a Standard Safeguarding Dataset export folder

# The indicators an SSD export cannot fill: it holds no per-episode CSE risk, no RHI completion date and
# no "belongs to another local authority" flag.
NOT_IN_SSD = frozenset(
    {
        "episodes.cse",
        "children.cse",
        "children.3plus.cse",
        "rhi.completed_in_time",
        "rhi.not_completed_in_time",
        "rhi.pending",
        "status.other_la",
    }
)


def keys_not_in_source(source_kind: str) -> frozenset[str]:
    """The indicator keys a snapshot of this source kind cannot fill."""
    return NOT_IN_SSD if source_kind == SSD_SOURCE else frozenset()
