"""What the command line prints: the ingest report and the snapshot list. Aggregates only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from digest.contract.names import shown_name
from digest.contract.vocabulary import is_code_like
from digest.figures.absence import SSD_SOURCE
from digest.store.alerts import AlertRecord
from digest.store.snapshots import SnapshotInfo

if TYPE_CHECKING:
    import pandas as pd

    from digest.intake.ingest import IngestReport  # pandas: only the ingest commands, which import it anyway

COUNT_WIDTH = 9  # characters for a right-aligned count
# Problems in columns whose values could identify a child: counted, never shown.
COUNT_ONLY_NOTES = {
    "date_of_birth": "not recorded (blank, unreadable, after the start or over 25 years before it)",
    "rhi_completed": "unreadable",
}
SHOW_VALUES_HINT = "missing-report unrecognised"  # the command that shows the values, on a terminal


def render_ingest_report(report: IngestReport) -> str:
    when = f"{report.as_at:%d/%m/%Y %H:%M}"
    name = shown_name(report.file_name)
    if report.duplicate:
        return f"{name} as at {when} is already snapshot {report.snapshot_id}; nothing was changed.\n"
    what = f"the SSD export {name}" if report.source_kind == SSD_SOURCE else name
    lines = [
        f"Ingested {what} as snapshot {report.snapshot_id}, as at {when}",
        f"  rows read  {report.rows_read:>{COUNT_WIDTH},}",
        f"  accepted   {report.rows_accepted:>{COUNT_WIDTH},}",
        f"  rejected   {report.rows_rejected:>{COUNT_WIDTH},}",
    ]
    for reason, count in report.rejected_by_reason.items():
        lines.append(f"    {reason:<40}{count:>{COUNT_WIDTH},}")
    if len(report.unrecognised):
        lines.append("  unrecognised values (rows kept, counted as unrecognised / other / not recorded):")
        lines += render_unrecognised_counts(report.unrecognised)
        if any(column not in COUNT_ONLY_NOTES for column in report.unrecognised["column"]):
            lines.append(f"  (the values are not shown: a name may be typed in; `{SHOW_VALUES_HINT}` shows them)")
    if report.ignored_headers:
        lines.append(f"  columns not used: {render_header_names(report.ignored_headers)}")
    for column, section in report.empty_sections.items():
        lines.append(f"  NOTE: no {column} column, so {section} will be empty")
    if report.ignored_rows:
        lines.append("  period rows ignored (start blank or unreadable, end unreadable or before the start;")
        lines.append("  CIN referrals closed with no further action):")
        lines += [f"    {table:<40}{count:>{COUNT_WIDTH},}" for table, count in report.ignored_rows.items()]
    for section in report.not_in_source:
        lines.append(f"  not in this source (SSD): {section}")
    return "\n".join(lines) + "\n"


def render_unrecognised_counts(unrecognised: pd.DataFrame) -> list[str]:
    """Per column, how many kept rows and how many distinct values were not recognised; never the values."""
    lines = []
    counted = unrecognised.groupby("column", sort=False)["count"].agg(["sum", "size"])
    for column, (rows, distinct) in counted.iterrows():
        column = str(column)
        shown = COUNT_ONLY_NOTES.get(column, f"{distinct:,} distinct value{'s' if distinct != 1 else ''}")
        lines.append(f"    {column:<26} {shown:<40}{rows:>{COUNT_WIDTH},} row{'s' if rows != 1 else ''}")
    return lines


MAX_SHOWN_VALUE_CHARS = 60  # a longer value (a paragraph, a pasted row) is cut, on the terminal too


def render_unrecognised_values(snapshot: SnapshotInfo, values: pd.DataFrame) -> str:
    """Each unrecognised value with its count of kept rows, by column: for a terminal only."""
    name = shown_name(snapshot.file_name)
    shown = values[~values["column"].isin(list(COUNT_ONLY_NOTES))]
    if shown.empty:
        return f"Snapshot {snapshot.id} ({name}) has no unrecognised values.\n"
    lines = [f"Snapshot {snapshot.id} ({name}): unrecognised values, with the number of rows that hold each"]
    for column, value, count in shown.itertuples(index=False, name=None):
        text = shown_name(str(value))
        text = text if len(text) <= MAX_SHOWN_VALUE_CHARS else text[: MAX_SHOWN_VALUE_CHARS - 1] + "…"
        lines.append(f"  {column:<26} {text:<{MAX_SHOWN_VALUE_CHARS}} {count:>{COUNT_WIDTH},}")
    return "\n".join(lines) + "\n"


def render_header_names(headers: list[str]) -> str:
    """Header names that read as names; any other is counted (a misplaced row could put a cell there)."""
    shown = [header for header in headers if is_code_like(header)]
    hidden = len(headers) - len(shown)
    return ", ".join([*shown, *([f"{hidden} other{'s' if hidden > 1 else ''} not shown"] if hidden else [])])


def render_snapshot_list(snapshots: list[SnapshotInfo], path: Path) -> str:
    if not snapshots:
        return f'No snapshots in {path} yet. Add one with: missing-report ingest FILE --as-at "YYYY-MM-DD HH:MM"\n'
    header = f"{'id':>4}  {'as at':<16}  {'rows':>9}  {'rejected':>8}  file"
    lines = [header]
    for s in snapshots:
        lines.append(
            f"{s.id:>4}  {s.as_at:%Y-%m-%d %H:%M}  {s.rows_read:>9,}  {s.rows_rejected:>8,}  {shown_name(s.file_name)}"
        )
    return "\n".join(lines) + "\n"


def render_rejected_rows(snapshot: SnapshotInfo, rejected: list[tuple[int, str]]) -> str:
    """Row numbers and reasons only: the analyst opens the file at that row; no id reaches the screen."""
    if not rejected:
        return f"Snapshot {snapshot.id} ({shown_name(snapshot.file_name)}) has no rejected rows.\n"
    lines = [
        f"Snapshot {snapshot.id} ({shown_name(snapshot.file_name)}): {len(rejected):,} rejected row(s), "
        "by spreadsheet row"
    ]
    lines += [f"  row {row:>8}  {reason}" for row, reason in rejected]
    return "\n".join(lines) + "\n"


def render_alert_list(alerts: list[AlertRecord]) -> str:
    if not alerts:
        return "No alerts yet.\n"
    lines = [f"{'id':>4}  {'created (UTC)':<25}  {'snapshot':>8}  {'kind':<8}  {'before':>6}  {'after':>5}  state"]
    for alert in alerts:
        before = "" if alert.count_before is None else str(alert.count_before)
        snapshot = "" if alert.snapshot_id is None else str(alert.snapshot_id)
        lines.append(
            f"{alert.id:>4}  {alert.created_at:<25}  {snapshot:>8}  {alert.kind:<8}  {before:>6}  "
            f"{alert.count_after:>5}  {alert.state}"
        )
    return "\n".join(lines) + "\n"
