"""What the monthly digest says: headline figures, changes, highlights and data quality. No Slack in here.

The Digest is plain data. A renderer for a chat tool (bot/chats/slack/blocks.py, bot/chats/teams/digest_card.py) turns
it into messages; this module only decides the words and numbers. Aggregates only: no child is
identifiable from anything here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from digest.contract.names import shown_name
from digest.figures.absence import Absence
from digest.figures.catalogue import STILL_MISSING
from digest.figures.percentages import format_percentage
from digest.figures.periods import YTD, month_key, month_label, month_name
from digest.figures.small_counts import SUPPRESSED, SUPPRESSED_MEANING, describe_number
from digest.reporting.commentary import SectionComment
from digest.reporting.profile import MONTHS_IN_YEAR, Profile, is_year_to_date_complete
from digest.reporting.revisions import Revision
from digest.store.published_figures import PublishedFigure

MAX_HIGHLIGHTS = 3
MIN_MOVEMENT = 3  # a highlight needs a change of at least this many (episodes, children or points)
MIN_RELATIVE_MOVEMENT = 0.10  # ... and of at least this share of the earlier figure
MAX_REVISIONS_LISTED = 8  # revised headline figures listed in the message; the workbook marks every one


@dataclass(frozen=True)
class Figure:
    """One headline figure: this month, the month before, and the change said in words; and against last year
    where the snapshot reaches back (empty otherwise, and in a partial month, which a whole month would flatter)."""

    key: str
    label: str
    shown: str  # "116" or "77%"
    previous_shown: str | None  # None where there is no previous month
    change: str  # "down 14 on May-19", "same as May-19", "" when there is no previous month
    year_ago_shown: str | None = None  # the same month last year
    year_ago_change: str = ""  # "up 19 on Jun-18"
    year_to_date_change: str = ""  # "year to date 375, up 40 on 2018/19 to date"
    absence: Absence | None = None  # no figure this month, and why: shown is then its words ("not in this source")

    def describe(self, what: str | None = None) -> str:
        """The figure in a sentence: "116 missing episodes"; one there is none of says why after what it is of
        ("at CSE risk: not in this source"), so the words are never read as a count."""
        what = self.label if what is None else what
        return f"{what}: {self.shown}" if self.absence else f"{self.shown} {what}"

    @property
    def comparisons(self) -> str:
        """Every change said, for a headline: "down 14 on May-19; up 19 on Jun-18; year to date 375, ..."."""
        return "; ".join(c for c in (self.change, self.year_ago_change, self.year_to_date_change) if c)


@dataclass(frozen=True)
class Chart:
    file_name: str
    title: str
    alt_text: str
    png: bytes
    group: str  # "profile" (the month) or "trends" (the rolling 13 months)


@dataclass(frozen=True)
class Series:
    """One series of a chart's numbers: "All", "LAC", or "" for a chart of one series."""

    label: str
    values: list[int | None]  # None: withheld by disclosure control ("c"), never drawn
    known_from: int = 0  # values before this index are months before the data: unknown, not drawn, not zero

    def is_known(self, index: int) -> bool:
        return index >= self.known_from


@dataclass(frozen=True)
class ChartData:
    """A chart's numbers as plain data, for a chat tool that draws its own charts (Teams)."""

    name: str  # "days-missing", as the PNG's file name without .png
    title: str  # "Number of days missing, Jun-19"
    labels: list[str]  # the categories, or the months of a trend
    series: list[Series]
    total: int | None  # what a share is of (the month's episodes, accepted RHIs); None: no shares
    group: str  # "profile" (the month) or "trends" (the rolling 13 months)
    year_ago: list[Series] = field(default_factory=list)  # a trend's series a year earlier, month for month
    note: str = ""  # what the chart leaves out, said under its title ("The data starts in Apr-19: ...")
    absence: Absence | None = None  # nothing to chart, and why: the chart is left out, its sentence in its place

    def describe_left_out(self) -> str:
        """The sentence in a left-out chart's place: "Return home interviews completed in time, Jun-19: not in
        this source." """
        return f"{self.title}: {self.absence}." + (f" {self.note}" if self.note else "")


@dataclass(frozen=True)
class Digest:
    """The month's digest, ready for any channel to render."""

    month: int
    title: str
    partial_month: bool
    as_at: dt.datetime
    snapshot_id: int
    file_name: str
    episodes: list[Figure]  # all, of which LAC, of which at CSE risk
    children: list[Figure]
    rhi: list[Figure]  # offered, accepted, completed in time (rates)
    still_missing: Figure
    highlights: list[str]
    data_quality: str
    charts: list[Chart] = field(default_factory=list)
    chart_data: list[ChartData] = field(default_factory=list)
    workbook_name: str = ""
    workbook: bytes = b""
    revisions: list[Revision] = field(default_factory=list)  # headline figures revised since last published
    revised_cells: int = 0  # every figure revised since last published, each marked in the workbook
    figures: list[PublishedFigure] = field(default_factory=list)  # what it shows, recorded once it is posted
    comments: list[SectionComment] = field(default_factory=list)  # the analysts' comments, in section order
    report_link: str | None = None  # the month's whole report on the web, where the edge that sends it has one

    def describe_left_out(self, group: str | None = None) -> list[str]:
        """The sentences in place of the charts left out for want of figures (of one group, or all)."""
        return [c.describe_left_out() for c in self.chart_data if c.absence and group in (None, c.group)]


# (key, label in the headline, noun in a highlight)
EPISODE_FIGURES = (
    ("episodes.all", "Episodes", "Missing episodes"),
    ("episodes.lac", "of which LAC", "LAC episodes"),
    ("episodes.cse", "of which at CSE risk", "CSE-risk episodes"),
)
CHILD_FIGURES = (
    ("children.all", "Children", "Children missing"),
    ("children.lac", "of which LAC", "Looked-after children missing"),
    ("children.cse", "of which at CSE risk", "Children at CSE risk"),
)
RHI_FIGURES = (
    ("rhi.offered", "offered a return home interview", "Return home interviews offered"),
    ("rhi.accepted", "of those offered, accepted", "Return home interviews accepted"),
    ("rhi.completed_in_time", "of those accepted, completed in time", "Return home interviews completed in time"),
)
OTHER_HIGHLIGHTS = (
    ("children.3plus.all", "Children missing 3 or more times"),
    ("duration.gt5", "Episodes lasting more than 5 days"),
    ("status.not_a_client", "Episodes of children not known to social care"),
)
RATE_KEYS = {key for key, _, _ in RHI_FIGURES}
HEADLINE_KEYS = (*(key for key, _, _ in (*EPISODE_FIGURES, *CHILD_FIGURES, *RHI_FIGURES)), STILL_MISSING)
REVISIONS_HEADING = "Revised since last published"
OPEN_REPORT = "Open the full report"  # what a digest's link to its month's whole report says


def describe_revisions(digest: Digest) -> list[str]:
    """The revised headline figures as a channel lists them, one line each (at most MAX_REVISIONS_LISTED)."""
    lines = [revision.describe() for revision in digest.revisions[:MAX_REVISIONS_LISTED]]
    unlisted = len(digest.revisions) - len(lines)
    if unlisted:
        lines.append(f"and {unlisted} more headline figure{'s' if unlisted > 1 else ''}")
    return lines


def describe_revised_cells(digest: Digest) -> str:
    """Where every revised figure is, said under the list: "" when none is."""
    count = digest.revised_cells
    if not count:
        return ""
    which = "the revised figure" if count == 1 else f"all {count} revised figures"
    return f"The full table (XLSX) marks {which}, each with what was published."


def compute_digest(
    profile: Profile,
    previous: Profile | None,
    rows_read: int,
    rows_rejected: int,
    unrecognised_values: int,
    year_ago: Profile | None = None,
) -> Digest:
    """The digest of profile's month, compared with the month before (previous, which may be None) and with
    the same month a year before (year_ago, which may be None).

    previous is the profile of the month before, which for April lies in the previous financial year.
    """
    month = profile.month
    before = month_label(month - 1)

    def figure(key: str, label: str) -> Figure:
        now = _value(profile, key, month)
        earlier = _value(previous, key, month - 1) if previous else None
        shown = Figure(
            key,
            label,
            now.shown,
            earlier.shown if earlier else None,
            _change(now, earlier, before),
            absence=profile.row(key).values[month_key(month)].absence,
        )
        if year_ago is None or profile.partial_month:
            return shown
        then = _value(year_ago, key, month - MONTHS_IN_YEAR)
        year_to_date = ""
        if not profile.row(key).indicator.month_only and is_year_to_date_complete(year_ago):
            now_ytd, then_ytd = _value_at(profile, key, YTD), _value_at(year_ago, key, YTD)
            change = _change(now_ytd, then_ytd, f"{year_ago.financial_year} to date")
            year_to_date = f"year to date {now_ytd.shown}, {change}" if change else ""
        return replace(
            shown,
            year_ago_shown=then.shown,
            year_ago_change=_change(now, then, month_label(month - MONTHS_IN_YEAR)),
            year_to_date_change=year_to_date,
        )

    title = f"Children missing from home or care: {month_name(month)}"
    if profile.partial_month:
        title += f" (partial month, to {profile.as_at:%d/%m/%Y %H:%M})"
    hide = profile.suppressed
    quality = (
        f"Data as at {profile.as_at:%d/%m/%Y %H:%M}, snapshot {profile.snapshot.id} "
        f"({shown_name(profile.snapshot.file_name)}): "
        f"{describe_number(rows_read, hide)} rows, {describe_number(rows_rejected, hide)} rejected, "
        f"{describe_number(unrecognised_values, hide)} unrecognised values."
    )
    if hide:
        quality += f" {SUPPRESSED_MEANING}"
    still = figure(STILL_MISSING, "still missing at the end of the month")
    if profile.partial_month:
        label = f"still missing at {profile.as_at:%d/%m/%Y %H:%M}"
        still = Figure(still.key, label, still.shown, None, "", absence=still.absence)
    return Digest(
        month=month,
        title=title,
        partial_month=profile.partial_month,
        as_at=profile.as_at,
        snapshot_id=profile.snapshot.id,
        file_name=profile.snapshot.file_name,
        episodes=[figure(key, label) for key, label, _ in EPISODE_FIGURES],
        children=[figure(key, label) for key, label, _ in CHILD_FIGURES],
        rhi=[figure(key, label) for key, label, _ in RHI_FIGURES],
        still_missing=still,
        highlights=compute_highlights(profile, previous) if previous and not profile.partial_month else [],
        data_quality=quality,
    )


@dataclass(frozen=True)
class _Value:
    number: float | None  # the count, or the percentage as shown
    shown: str
    is_rate: bool


def _value(profile: Profile, key: str, month: int) -> _Value:
    return _value_at(profile, key, month_key(month))


def _value_at(profile: Profile, key: str, column: str) -> _Value:
    """The figure in one column of the profile: a month ("2019-06") or the year to date."""
    cell = profile.row(key).values[column]
    if cell.absence is not None:  # never compared, never a highlight: there is no figure
        return _Value(None, cell.describe_count(), key in RATE_KEYS)
    if cell.suppressed:
        return _Value(None, SUPPRESSED, key in RATE_KEYS)
    if key in RATE_KEYS:
        shown = format_percentage(cell.count, cell.denominator)
        if not shown and profile.suppressed and cell.count:  # a share of a withheld base
            return _Value(None, SUPPRESSED, True)
        return _Value(float(shown.rstrip("%")) if shown else None, shown or "n/a", True)
    return _Value(cell.count, str(cell.count), False)


def _change(now: _Value, earlier: _Value | None, before: str) -> str:
    if earlier is None or now.number is None or earlier.number is None:
        return ""
    difference = now.number - earlier.number
    if difference == 0:
        return f"same as {before}"
    amount = f"{abs(difference):g}" + ((" point" if abs(difference) == 1 else " points") if now.is_rate else "")
    return f"{'up' if difference > 0 else 'down'} {amount} on {before}"


def compute_highlights(profile: Profile, previous: Profile) -> list[str]:
    """The largest movements since the month before, worded from the data, largest (relative) first."""
    candidates = [(key, noun) for key, _, noun in (*EPISODE_FIGURES, *CHILD_FIGURES, *RHI_FIGURES)]
    candidates += list(OTHER_HIGHLIGHTS)
    scored: list[tuple[float, int, str]] = []
    for order, (key, noun) in enumerate(candidates):
        now = _value(profile, key, profile.month)
        earlier = _value(previous, key, profile.month - 1)
        if now.number is None or earlier.number is None:
            continue
        movement = abs(now.number - earlier.number)
        relative = movement / max(earlier.number, 1)
        if movement >= MIN_MOVEMENT and relative >= MIN_RELATIVE_MOVEMENT:
            verb = "rose" if now.number > earlier.number else "fell"
            scored.append((-relative, order, f"{noun} {verb} from {earlier.shown} to {now.shown}"))
    return [text for _, _, text in sorted(scored)[:MAX_HIGHLIGHTS]]
