from __future__ import annotations

import pytest

from digest.figures.percentages import format_percentage


@pytest.mark.parametrize(
    ("count", "denominator", "shown"),
    [
        (49, 129, "38%"),
        (1, 8, "13%"),  # 12.5: half rounds up
        (1, 40, "3%"),  # 2.5: not below 2%, whole percent, rounded up
        (5, 375, "1.3%"),
        (1, 375, "0.3%"),
        (1, 64, "1.6%"),  # 1.5625
        (1, 200, "0.5%"),
        (1, 2000, "0.1%"),  # 0.05 rounds up to 0.1
        (0, 129, "0%"),
        (129, 129, "100%"),
        (3, 0, ""),
        (None, None, ""),
    ],
)
def test_format_percentage(count: int | None, denominator: int | None, shown: str) -> None:
    assert format_percentage(count, denominator) == shown
