"""Percentages as people read them (spec section 3, "Rounding")."""

from __future__ import annotations

ONE_DECIMAL_BELOW_PERCENT = 2


def format_percentage(count: int | None, denominator: int | None) -> str:
    """Round half up to a whole percent, or to one decimal place below 2% when the count is not zero.

    Integer arithmetic, so 0.5 always rounds up (float rounding would send 2.5 to 2).
    Returns "" where there is no percentage (no denominator, or a zero one).
    """
    if count is None or not denominator:
        return ""
    whole = (200 * count + denominator) // (2 * denominator)
    if count and 100 * count < ONE_DECIMAL_BELOW_PERCENT * denominator:
        tenths = (2000 * count + denominator) // (2 * denominator)
        return f"{tenths // 10}.{tenths % 10}%"
    return f"{whole}%"


def format_quotient(numerator: int, denominator: int, decimals: int) -> str:
    """numerator / denominator (a positive denominator) to decimals places, half up, in integer arithmetic as a
    percentage is ("12.13" for 97 / 8 to two places, where float formatting gives "12.12")."""
    scale = 10**decimals
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    return f"{scaled // scale}.{scaled % scale:0{decimals}d}" if decimals else str(scaled)
