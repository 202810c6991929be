"""Checks on a file as a whole, once its rows are read and checked (spec section 1, "The file as a whole"):
a file whose dates read month-first, or most of whose rows would be rejected, is refused whole rather than
stored with figures that silently drop. Any reader of episodes (an extract, an SSD export) goes through them.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.contract.config import Config
from digest.contract.timestamps import DATE_ORDERS, MONTH_FIRST
from digest.intake.refusals import ExtractRefused

DATE_ORDER_OPTION = "--dates"  # the ingest option that says how slash dates are written
ACCEPT_REJECTED_OPTION = "--accept-rejected"  # the ingest option that stores a mostly-rejected file anyway


@dataclass(frozen=True)
class FileRules:
    """How a file as a whole is judged: from the config's [ingest] section, and the ingest's own options."""

    date_order: str | None = None  # DAY_FIRST or MONTH_FIRST if said; None: day-first, month-first refused
    max_rejected_percent: float = 5.0
    accept_rejected: bool = False  # store the file however many rows are rejected

    @classmethod
    def of(cls, config: Config, date_order: str | None = None, accept_rejected: bool = False) -> FileRules:
        """The config's rules, with what an ingest's options say instead."""
        order = date_order or config.date_order
        assert order is None or order in DATE_ORDERS
        return cls(order, config.max_rejected_percent, accept_rejected)


def check_date_order(file_name: str, month_first_dates: int) -> None:
    """Refuse a file whose slash dates read only month-first (06/13/2019), when the order was not said.

    Raises:
        ExtractRefused: naming how to say the order outright.
    """
    if month_first_dates:
        dates = f"{month_first_dates:,} date{'s' if month_first_dates > 1 else ''}"
        raise ExtractRefused(
            f"{file_name}: dates look month-first (US): {dates} such as 06/13/2019 can only be read month first, "
            "so every date in it may be misread. If the file is written month first, ingest it with "
            f'{DATE_ORDER_OPTION} {MONTH_FIRST} (or set date_order = "{MONTH_FIRST}" under [ingest] in the config); '
            "otherwise export it again with day-first (DD/MM/YYYY) or ISO dates"
        )


def check_rejected_share(file_name: str, rows_read: int, rejected_by_reason: dict[str, int], rules: FileRules) -> None:
    """Refuse a file more than rules.max_rejected_percent of whose rows would be rejected, unless accepted.

    Raises:
        ExtractRefused: with the counts by reason, and how to store it anyway.
    """
    rejected = sum(rejected_by_reason.values())
    if rules.accept_rejected or not rows_read or rejected * 100 <= rules.max_rejected_percent * rows_read:
        return
    reasons = "; ".join(f"{reason}: {count:,}" for reason, count in rejected_by_reason.items())
    raise ExtractRefused(
        f"{file_name}: {rejected:,} of its {rows_read:,} rows ({rejected * 100 / rows_read:.1f}%) would be rejected, "
        f"more than the {rules.max_rejected_percent:g}% allowed ({reasons}). Mend the extract and export it "
        f"again, or store it anyway with {ACCEPT_REJECTED_OPTION} (max_rejected_percent under [ingest] in the "
        "config sets the limit)"
    )
