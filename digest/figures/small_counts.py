"""Small counts under disclosure control: the DfE's convention that a count from 1 to 5 is shown as "c".

One place for the mark, the rule and the words that explain it, for every output that may carry a count:
the profile and digest (digest.reporting), answers (digest.lookups) and alerts (digest.alerts).
"""

from __future__ import annotations

SUPPRESSED = "c"  # the DfE's mark for a figure withheld to protect confidentiality
SMALLEST_SHOWN = 6  # under disclosure control, counts from 1 to SMALLEST_SHOWN - 1 are withheld (DfE: "1 to 5")
SUPPRESSED_MEANING = (
    f"{SUPPRESSED} = a count from 1 to 5, or one that would reveal one, withheld to protect confidentiality."
)


def is_small(count: int | None) -> bool:
    return count is not None and 0 < count < SMALLEST_SHOWN


def describe_number(number: int, suppressed: bool) -> str:
    """A count as disclosure control allows it shown: "c" from 1 to 5 when suppressed, else the number."""
    return SUPPRESSED if suppressed and is_small(number) else f"{number:,}"
