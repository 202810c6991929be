"""How much an earlier month's figure must change since it was published to be reported as revised.

A late-recorded episode changes a month that was already published; the digest lists such revisions, the
workbook marks them and `ask` says "revised". Counts are compared by how many they moved, rates (the
return home interview percentages) by how many percentage points, as the headline shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

COUNT_KEY = "revision_threshold"  # [digest] key: a count revised by at least this many is listed
POINTS_KEY = "revision_threshold_points"  # [digest] key: a rate revised by at least this many points
DEFAULT_COUNT = 1  # any changed count: a published figure that is now different is news to its readers
DEFAULT_POINTS = 1.0  # percentage points; below a point a rate's move is rounding, not news


class RevisionThresholdError(ValueError):
    """A threshold that is not a number of 0 or more; the message names the key and how to fix it."""


@dataclass(frozen=True)
class RevisionThreshold:
    count: float = DEFAULT_COUNT  # episodes or children
    points: float = DEFAULT_POINTS  # percentage points

    def is_count_revised(self, old: int, new: int) -> bool:
        return old != new and abs(new - old) >= self.count

    def is_rate_revised(self, old: float, new: float) -> bool:
        return old != new and abs(new - old) >= self.points


def parse_revision_threshold(section: Mapping[str, Any]) -> RevisionThreshold:
    """The thresholds from the config's [digest] table (defaults where a key is absent).

    Raises:
        RevisionThresholdError: a value that is not a number of 0 or more.
    """
    return RevisionThreshold(
        count=_threshold(section, COUNT_KEY, DEFAULT_COUNT, "a count, such as 1 (list every change) or 3"),
        points=_threshold(section, POINTS_KEY, DEFAULT_POINTS, "percentage points, such as 1 or 2.5"),
    )


def _threshold(section: Mapping[str, Any], key: str, default: float, example: str) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise RevisionThresholdError(
            f"{key} = {value!r} must be a number of 0 or more, without quotes: {example}; "
            "0 lists every change, however small"
        )
    return float(value)
