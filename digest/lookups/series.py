"""Answers that put figures side by side: two periods (with the change), figures beside each other, a run of
months (with its largest and smallest month), a share of a base, episodes per child, the length of an episode,
and rows added up ("at least 2 days"). Every figure comes from the snapshot's stored rows or a derived figure
defined in the catalogue (digest.figures.catalogue); none is made up here.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.figures.catalogue import (
    DISTINCT_CHILDREN_PREFIX,
    EPISODES_PER_CHILD,
    LENGTH_LABELS,
    MEDIAN_LENGTH,
    PART_OF,
    SHARE_BASES,
    Indicator,
    complement_base,
    counts_children,
)
from digest.figures.lengths import Lengths
from digest.figures.percentages import format_percentage
from digest.figures.periods import financial_year_start, month_name
from digest.figures.small_counts import SUPPRESSED, is_small
from digest.lookups.cells import ANSWERED, NO_DATA, NOT_UNDERSTOOD, Figures, base_noun, with_share
from digest.lookups.confirmations import Threshold
from digest.lookups.periods import Span
from digest.reporting.profile import Cell

PER_CHILD_DECIMALS = 1  # episodes per child, as the DfE publishes incidents per missing child (6.8)
RATIO_DECIMALS = 2  # "1.16 times": a change as a multiple of the figure before
LENGTH_DECIMALS = 1  # days


@dataclass(frozen=True)
class Said:
    """An answer's words before the edge sees them: outcome, title and lines (answers.Answer takes them)."""

    outcome: str
    title: str
    lines: list[str]


@dataclass(frozen=True)
class Figure:
    """One figure an answer shows: the rows it adds up, its label and what its percentage is of."""

    keys: tuple[str, ...]
    label: str
    base: str | None  # the key whose count its percentage is of (its own, or the catalogue's SHARE_BASES)
    rebased: bool = False  # the base is SHARE_BASES's: the share is worked out from the base row's count
    complement: bool = False  # the base less the rows ("episodes other than White British")


def build_figure(
    indicators: dict[str, Indicator],
    keys: tuple[str, ...],
    proportion: bool,
    complement: bool = False,
    of_whole: bool = False,
) -> Figure:
    """The rows as one figure, with what its share is of; complement, the base less them (complement_base's base);
    of_whole, a part row's share of the row it is part of (PART_OF's)."""
    first = indicators[keys[0]]
    label = first.short_label if len(keys) == 1 else f"{first.label} to {indicators[keys[-1]].label}"
    if of_whole and len(keys) == 1 and keys[0] in PART_OF:
        return Figure(keys, label, PART_OF[keys[0]], rebased=True)
    if complement:
        base = complement_base(first)
        if base is None:
            raise ValueError(f"{keys[0]} has no complement")
        noun = base_noun(base)
        return Figure(keys, f"{noun[:1].upper()}{noun[1:]} other than {label}", base, rebased=True, complement=True)
    if len(keys) > 1:
        label = f"{label} ({base_noun(first.denominator)})" if first.denominator else label
    if first.denominator is None and proportion and len(keys) == 1 and keys[0] in SHARE_BASES:
        return Figure(keys, label, SHARE_BASES[keys[0]], rebased=True)
    return Figure(keys, label, first.denominator)


def figure_cell(figures: Figures, figure: Figure, span: Span) -> Cell | None:
    """The figure over a span; with its share of SHARE_BASES's row when it has none of its own; a complement as its
    base less its rows (withheld where either is, or where it is a small count itself under disclosure control)."""
    cell = figures.cell(figure.keys, span.first, span.last)
    if cell is None or not figure.rebased or figure.base is None or cell.count is None:
        return _withheld_complement(cell) if figure.complement else cell
    base = figures.cell((figure.base,), span.first, span.last)
    if base is None or base.suppressed or base.count is None:
        if figure.complement:
            return _withheld_complement(base)
        return Cell(cell.count, None, cell.suppressed, cell.absence)
    if not figure.complement:
        return Cell(cell.count, base.count)
    rest = base.count - cell.count
    if figures.suppress and is_small(rest):
        return Cell(None, None, suppressed=True)
    return Cell(rest, base.count)


def _withheld_complement(cell: Cell | None) -> Cell | None:
    """A complement where its rows or base have no figure: no data stays no data, a figure not kept (a month-only row's
    year) stays not kept, a withheld one is withheld."""
    if cell is None or cell.absence is not None or not cell.suppressed:
        return cell
    return Cell(None, None, suppressed=True)


def describe(cell: Cell | None, figure: Figure) -> str:
    if cell is None:
        return "not stored (children are counted once over a period; ask for a month or the year to date)"
    return with_share(cell, figure.base)


def _percent(cell: Cell | None) -> float | None:
    if cell is None or cell.count is None or not cell.denominator or cell.suppressed:
        return None
    return 100 * cell.count / cell.denominator


def _compared(cell: Cell | None, figure: Figure, proportion: bool) -> float | None:
    """What a month is ranked or averaged by: its share where a share was asked and the figure has a base, else its
    count; None where there is nothing to set against others (no data, withheld, not stored)."""
    if cell is None or cell.count is None or cell.suppressed or cell.absence is not None:
        return None
    return _percent(cell) if proportion and figure.base is not None else float(cell.count)


def describe_change(before: Cell | None, after: Cell | None, relative: bool = False) -> str | None:
    """ "up 13", "down 2 (3 percentage points: 67% to 64%)", or None when either has no figure to compare; relative,
    the change as a share of the figure before too ("up 12, a rise of 16% (1.16 times)")."""
    if before is None or after is None or before.count is None or after.count is None:
        return None
    if before.suppressed or after.suppressed:
        return None
    difference = after.count - before.count
    words = "no change" if difference == 0 else f"{'up' if difference > 0 else 'down'} {abs(difference):,}"
    if relative and difference and before.count:
        rise = "a rise" if difference > 0 else "a fall"
        times = after.count / before.count
        words += f", {rise} of {format_percentage(abs(difference), before.count)} ({times:.{RATIO_DECIMALS}f} times)"
    elif relative and difference:
        words += ", from none: no percentage change can be given from 0"
    then, now = _percent(before), _percent(after)
    if then is not None and now is not None:
        shown_then = format_percentage(before.count, before.denominator)
        shown_now = format_percentage(after.count, after.denominator)
        points = round(now - then)
        moved = (
            "no change"
            if points == 0
            else f"{'up' if points > 0 else 'down'} {abs(points)} percentage point{'s' * (abs(points) != 1)}"
        )
        words += f"; as a share, {moved} ({shown_then} to {shown_now})"
    return words


def why_none(cells: list[tuple[str, Cell | None]]) -> str:
    """Why a change cannot be given."""
    missing = [f"{name} ({cell.absence})" for name, cell in cells if cell is not None and cell.absence is not None]
    if missing:
        return f"No change can be given without a figure for {' or '.join(missing)}."
    return "No change can be given: a figure is withheld or not stored."


Notes = dict[tuple[str, int], str]  # (key, month) -> " (revised from ...)" for a figure that changed since published


def _note(notes: Notes, figure: Figure, span: Span) -> str:
    return notes.get((figure.keys[0], span.first), "") if span.first == span.last and len(figure.keys) == 1 else ""


def part_answer(figures: Figures, figure: Figure, month: Span, longer: Span) -> Said:
    """A month's figure as a part of a longer period's that holds it ("how much of the YTD LAC figure came from June?":
    74 of 236, 31%): each, and the month's share. Children are counted once in each period, so a month's children
    are some of the longer period's, never added up to it."""
    part, whole = figure_cell(figures, figure, month), figure_cell(figures, figure, longer)
    names = figures.name(month), figures.name(longer)
    lines = [f"{names[0]}: {describe(part, figure)}", f"{names[1]}: {describe(whole, figure)}"]
    shown = part is not None and whole is not None and not (part.suppressed or whole.suppressed)
    if shown and part is not None and whole is not None and part.count is not None and whole.count:
        share = format_percentage(part.count, whole.count)
        lines.insert(0, f"*{part.count:,} of {whole.count:,} ({share}) were in {names[0]}*")
    elif shown:
        lines.append("No share can be given without a figure for both.")
    else:
        lines.append("No share can be given: a figure is withheld.")
    return Said(ANSWERED, f"{figure.label}, {names[0]} as part of {names[1]}", lines)


def compare_answer(
    figures: Figures, shown: list[Figure], spans: list[Span], notes: Notes | None = None, relative: bool = False
) -> Said:
    """Each figure for each period, and the change between them (periods in time order; figures as asked); relative,
    the change as a share of the figure before too."""
    spans = sorted(spans, key=lambda s: (s.first, s.last))
    names = [figures.name(s) for s in spans]
    lines: list[str] = []
    for figure in shown:
        cells = [(name, figure_cell(figures, figure, span)) for name, span in zip(names, spans, strict=True)]
        prefix = f"{figure.label}, " if len(shown) > 1 else ""
        lines += [
            f"{prefix}{name}: {describe(cell, figure)}{_note(notes or {}, figure, span)}"
            for (name, cell), span in zip(cells, spans, strict=True)
        ]
        if len(cells) == 2:
            change = describe_change(cells[0][1], cells[1][1], relative)
            said = f"{prefix}change from {cells[0][0]} to {cells[1][0]}: {change}." if change else why_none(cells)
            lines.append(said[0].upper() + said[1:])
    # No "N more" between episodes and children: they count different things.
    counted = {"children" if f.keys[0].startswith(DISTINCT_CHILDREN_PREFIX) else "episodes" for f in shown}
    if len(shown) == 2 and len(spans) == 1 and len(counted) == 1:
        first, second = (figure_cell(figures, f, spans[0]) for f in shown)
        both = first and second and first.count is not None and second.count is not None
        if both and first and second and not (first.suppressed or second.suppressed):
            gap = (first.count or 0) - (second.count or 0)
            more = shown[0].label if gap > 0 else shown[1].label
            lines.append("The same." if gap == 0 else f"{abs(gap):,} more: {more}.")
    title = " and ".join(f.label for f in shown) + ", " + " against ".join(names)
    every = [figures.cell(f.keys, s.first, s.last) for f in shown for s in spans]
    absent = all(c is not None and c.absence is not None for c in every)
    return Said(NO_DATA if absent else ANSWERED, title, lines)


NO_DATA_BEFORE = "No data before"  # a run reaching back before the first month with data says so once


def _run_months(figures: Figures, span: Span) -> tuple[list[int], str]:
    """A run's months: from the first month with data when the span reaches back before it (as the digest's trends
    do), with the line saying so; else the span's months and no line."""
    data_starts = figures.data_months[0]
    if span.first < data_starts <= span.last:
        return list(
            range(data_starts, span.last + 1)
        ), f"{NO_DATA_BEFORE} {month_name(data_starts)}: the data starts then."
    return list(span.months), ""


def run_answer(
    figures: Figures,
    figure: Figure,
    span: Span,
    extreme: bool,
    proportion: bool,
    notes: Notes | None = None,
    average: bool = False,
    condition: Threshold | None = None,
) -> Said:
    """Month by month over the span; the largest and smallest month (by share when a share was asked); with average,
    the mean of the months (the catalogue's "Average a month"); with condition, the whole months meeting it."""
    months, before_data = _run_months(figures, span)
    cells, ranked = _run_cells(figures, figure, span, months, proportion)
    lines = [
        f"{figures.name(month)}: {describe(cell, figure)}{_note(notes or {}, figure, month)}"
        for month, cell in ((Span(m, m, span.kind), cell) for m, cell in cells)
    ]
    # The month under way is shown, never ranked: a few days set against whole months would be the "lowest" month
    so_far = [r for r in ranked if figures.is_so_far(r[1])]
    ranked = [r for r in ranked if not figures.is_so_far(r[1])]
    shown_span = Span(months[0], months[-1], span.kind) if months else span
    title = f"{figure.label}, {figures.name(shown_span)} month by month"
    if before_data:
        lines.append(before_data)
    if len(ranked) >= 2:
        top = max(ranked, key=lambda r: (r[0], -r[1]))
        bottom = min(ranked, key=lambda r: (r[0], r[1]))
        measure = "share" if proportion and figure.base else "figure"
        summary = (
            f"Highest {measure}: {month_name(top[1])}, {describe(top[2], figure)}; "
            f"lowest: {month_name(bottom[1])}, {describe(bottom[2], figure)}."
        )
        if top[0] == bottom[0]:  # "April 7, lowest April 7" named one month for both: none is highest
            # the count alone: a share beside it would be one month's ("1 (0.8% of 129 episodes)" in April only)
            summary = f"Every month compared has the same {measure}" + (
                "." if measure == "share" or top[2] is None else f": {with_share(top[2], None)}."
            )
        if len(ranked) + len(so_far) < len(cells):
            summary += " Months with no data or a withheld figure are not compared."
        if so_far:
            summary += f" {month_name(so_far[0][1])} is not over, so it is not compared."
        # "second highest month", "league table of months": all in order (unless every month is the same)
        if extreme and len(ranked) >= 3 and top[0] != bottom[0]:
            ordered = sorted(ranked, key=lambda r: (-r[0], r[1]))
            summary += " In order: " + "; ".join(f"{month_name(m)}, {describe(c, figure)}" for _, m, c in ordered) + "."
        lines = [summary, *lines] if extreme else [*lines, summary]
    elif extreme:
        lines.append("There are not two months with figures to compare.")
    # A month withheld beside its total would be the total less the others: then the total is withheld too.
    withheld = any(cell is not None and cell.suppressed for _, cell in cells)
    total = _run_total(figures, figure, months, span, withheld)
    if total is not None:
        lines.append(total)
    whole_months = [m for m in months if not figures.is_so_far(m)]
    mean = _average_a_month(figures, [(month, cell) for _, month, cell in ranked])
    if average and mean is not None:
        lines.insert(0, f"*Average a month: {mean[0]:.{PER_CHILD_DECIMALS}f}* (over {mean[1]} months with figures)")
    if condition is not None:
        lines.insert(0, _months_meeting(figures, figure, cells, whole_months, condition))
    outcome = ANSWERED if ranked or any(c is not None and c.suppressed for _, c in cells) else NO_DATA
    return Said(outcome, title, lines)


def _as_shown(cell: Cell | None, figure: Figure, percent: bool) -> float | None:
    """A month's count, or its percentage as the answer shows it (rounded: "70%" is 70, however 65 of 93 rounds), so
    that the months named agree with the figures shown beside them."""
    value = _compared(cell, figure, percent)
    if not percent or value is None or cell is None or cell.count is None or not cell.denominator:
        return value
    return float(format_percentage(cell.count, cell.denominator).rstrip("%"))


def _months_meeting(
    figures: Figures, figure: Figure, cells: list[tuple[int, Cell | None]], whole: list[int], condition: Threshold
) -> str:
    """Which whole months with figures meet the condition ("over 80": the count; "above 75%": the share), and of how
    many; a month so far, with no data or withheld is not counted (a withheld figure might or might not meet it)."""
    limit = f"{condition.value:g}{'%' if condition.percent else ''}"
    none = condition.comparison == "at most" and condition.value == 0  # "a month with no care leavers missing"
    said = "with none" if none else f"{condition.comparison} {limit}"
    if condition.percent and figure.base is None:
        return f"*Months {said}: {figure.label} is a count with no percentage to set against {limit}.*"
    judged = [
        (month, cell, value)
        for month, cell in cells
        if month in whole and (value := _as_shown(cell, figure, condition.percent)) is not None and cell is not None
    ]
    if not judged:
        return f"*Months {said}: no whole month has a figure to set against it.*"
    meeting = [(m, c) for m, c, value in judged if condition.is_met_by(value)]
    listed = "; ".join(f"{month_name(m)}, {describe(c, figure)}" for m, c in meeting)
    counted = f"{len(meeting)} of {len(judged)} whole month{'s' * (len(judged) != 1)} with figures"
    return f"*Months {said}: {counted}*" + (f" ({listed})." if meeting else ".")


def _run_cells(
    figures: Figures, figure: Figure, span: Span, months: list[int], proportion: bool
) -> tuple[list[tuple[int, Cell | None]], list[tuple[float, int, Cell]]]:
    """Each month's cell of a run, and the months with a figure to compare (by share when proportion) with it."""
    cells = [(m, figure_cell(figures, figure, Span(m, m, span.kind))) for m in months]
    ranked: list[tuple[float, int, Cell]] = []
    for month, cell in cells:
        value = _compared(cell, figure, proportion)
        if value is not None and cell is not None:
            ranked.append((value, month, cell))
    return cells, ranked


def _average_a_month(figures: Figures, cells: list[tuple[int, Cell]]) -> tuple[float, int] | None:
    """The mean count of the whole months with figures (the catalogue's "Average a month") and how many months it is
    over: a month so far and a withheld month take no part; None when no month has a figure."""
    counted = [cell.count for month, cell in cells if cell.count is not None and not figures.is_so_far(month)]
    return (round(sum(counted) / len(counted), PER_CHILD_DECIMALS), len(counted)) if counted else None


def average_against(figures: Figures, figure: Figure, month: Span, run: Span) -> Said:
    """A month set against a longer run's average a month ("is June above or below the Q1 monthly average?"): the
    run month by month with its average, and how far the month is above or below it."""
    said = run_answer(figures, figure, run, False, False, average=True)
    _, ranked = _run_cells(figures, figure, run, _run_months(figures, run)[0], False)
    mean = _average_a_month(figures, [(month, cell) for _, month, cell in ranked])
    cell = figure_cell(figures, figure, month)
    if figures.is_so_far(month.last):  # "July so far against the Q1 average": a part month is set against no average
        line = f"{figures.name(month)}: {describe(cell, figure)}, a month under way, not set against a whole month's."
        return Said(said.outcome, said.title, [line, *said.lines])
    if mean is None or cell is None or cell.count is None or cell.suppressed:
        return said
    gap = round(cell.count - mean[0], PER_CHILD_DECIMALS)
    where = "the same as" if gap == 0 else f"{abs(gap):.{PER_CHILD_DECIMALS}f} {'above' if gap > 0 else 'below'}"
    line = (
        f"{month_name(month.last)}: {describe(cell, figure)}, {where} the average a month of "
        f"{figures.name(run)} ({mean[0]:.{PER_CHILD_DECIMALS}f})."
    )
    return Said(
        said.outcome, f"{figure.label}, {month_name(month.last)} against {figures.name(run)}", [line, *said.lines]
    )


def runs_answer(
    figures: Figures,
    shown: list[Figure],
    span: Span,
    extreme: bool,
    proportion: bool,
    notes: Notes | None = None,
    average: bool = False,
    condition: Threshold | None = None,
) -> Said:
    """Each figure month by month over the span ("girls and boys month by month", "LAC episodes and children over
    the last 6 months"): one run each, under its label."""
    runs = [run_answer(figures, figure, span, extreme, proportion, notes, average, condition) for figure in shown]
    if len(runs) == 1:
        return runs[0]
    lines = [line for figure, run in zip(shown, runs, strict=True) for line in (f"*{figure.label}*", *run.lines)]
    lines = [line for n, line in enumerate(lines) if not line.startswith(NO_DATA_BEFORE) or line not in lines[:n]]
    title = " and ".join(f.label for f in shown) + runs[0].title[len(shown[0].label) :]
    outcome = ANSWERED if any(run.outcome == ANSWERED for run in runs) else runs[0].outcome
    return Said(outcome, title, lines)


def usual_answer(figures: Figures, figure: Figure, span: Span, proportion: bool = False) -> Said:
    """A month against what is usual: the average a month of its financial year's other whole months with figures
    (the catalogue's "Against the usual"), by their shares where a share was asked, and whether the month is above or
    below it."""
    month = span.last
    title = f"{figure.label}, {month_name(month)} against the year's other months"
    if span.first != span.last or figures.is_so_far(month):  # a year, or a month so far, is no month to set against
        return Said(NOT_UNDERSTOOD, f"{figure.label} against the usual", [USUAL_NEEDS_A_MONTH])
    data_starts, data_ends = figures.data_months
    whole_ends = data_ends - 1 if figures.is_so_far(data_ends) else data_ends
    start = max(financial_year_start(month), data_starts)
    end = min(financial_year_start(month) + MONTHS_IN_YEAR - 1, whole_ends)
    cell = figure_cell(figures, figure, Span(month, month, span.kind))
    by_share = proportion and figure.base is not None
    own = _compared(cell, figure, proportion)
    if own is None:
        return Said(ANSWERED if cell is not None and cell.suppressed else NO_DATA, title, [describe(cell, figure)])
    others = [(m, figure_cell(figures, figure, Span(m, m, span.kind))) for m in range(start, end + 1) if m != month]
    counted = [(m, c, v) for m, c in others if (v := _compared(c, figure, proportion)) is not None]
    lines = [f"*{describe(cell, figure)}*"]
    if not counted:
        return Said(ANSWERED, title, [*lines, "There are no other months of the year with figures to set it against."])
    mean = sum(v for _, _, v in counted) / len(counted)
    shown = f"{mean:.{PER_CHILD_DECIMALS}f}{'%' if by_share else ''}"
    months = ", ".join(f"{month_name(m)} {describe(c, figure)}" for m, c, _ in counted)
    said = "above" if own > mean else "below" if own < mean else "the same as"
    lines += [
        f"Average a month of the year's other months{' (as a share)' if by_share else ''}: {shown} ({months}).",
        f"{month_name(month)} is {said} that average.",
    ]
    if len(counted) < len(others):
        lines.append("Months with no data or a withheld figure take no part.")
    return Said(ANSWERED, title, lines)


USUAL_NEEDS_A_MONTH = 'Name one whole month to set against the year\'s others, such as "is June higher than usual?".'
MONTHS_IN_YEAR = 12


def _run_total(figures: Figures, figure: Figure, months: list[int], span: Span, withheld: bool) -> str | None:
    """The run's months added up, as the report's year-to-date column is, when they lie in one financial year and can
    be added (children only over a year to date, where they are counted once; a month-only row not at all); withheld
    when a month shown is; else None."""
    if len(months) < 2 or financial_year_start(months[0]) != financial_year_start(months[-1]):
        return None
    whole = Span(months[0], months[-1], span.kind)
    cell = figure_cell(figures, figure, whole)
    if cell is None or cell.absence is not None or (cell.count is None and not cell.suppressed):
        return None  # no data, or a figure of a month's end only ("still missing")
    said = SUPPRESSED if withheld else describe(cell, figure)
    once = " (each child counted once)" if counts_children(figure.keys) else ""
    return f"{figures.name(whole)} as a whole: {said}{once}"


TOP_ROWS = 3  # "top 3 ethnic groups": the largest rows named in order, the whole table beside them


def largest_rows(rows: list[tuple[str, Cell]], smallest: bool = False) -> str:
    """The largest rows of a breakdown's column, in order ("Largest: 14yrs (32, 28%); then 16yrs (26, 22%), ..."), or
    with smallest the smallest (of the rows shown: those zero throughout are left out of the table)."""
    shown = [(label, cell) for label, cell in rows if cell.count is not None and not cell.suppressed]
    if not shown:
        return ""
    ordered = sorted(shown, key=lambda r: (r[1].count or 0) * (1 if smallest else -1))[:TOP_ROWS]

    def said(label: str, cell: Cell) -> str:
        share = format_percentage(cell.count, cell.denominator)
        return f"{label} ({cell.count:,}{', ' + share if share else ''})"

    line = f"{'Smallest' if smallest else 'Largest'}: {said(*ordered[0])}"
    if len(ordered) > 1:
        line += "; then " + ", ".join(said(*row) for row in ordered[1:])
    return line + (" (withheld rows left out)." if len(shown) < len(rows) else ".")


def per_child_answer(figures: Figures, family: str, spans: list[Span], by_month: bool = False) -> Said:
    """Episodes per child: the family's episodes over its distinct children in the same period (catalogue); for two
    periods, each and the change between them; month by month, each month (from the first with data)."""
    named = "" if family == "all" else " (" + family.upper() + ")"
    before_data = ""
    if by_month:
        span = spans[0]
        months, before_data = _run_months(figures, span)
        spans = [Span(m, m, span.kind) for m in months]
        run = Span(spans[0].first, spans[-1].last, span.kind)
        title = f"Episodes per child{named}, {figures.name(run)} month by month"
    else:
        spans = sorted(spans, key=lambda s: (s.first, s.last))
        title = f"Episodes per child{named}, " + " against ".join(figures.name(s) for s in spans)
    said = [_per_child(figures, family, span) for span in spans]
    if len(spans) == 1 and not by_month:
        outcome, ratio, shown, detail = said[0]
        detail = f"{detail} (each counted once in the period)." if ratio is not None else detail
        return Said(outcome, title, [f"*{shown}*", *([detail] if detail else [])])
    lines = [
        f"{figures.name(span)}: {shown}" + (f" ({counts})" if ratio is not None else "")
        for span, (_, ratio, shown, counts) in zip(spans, said, strict=True)
    ]
    if any(ratio is not None for _, ratio, _, _ in said):
        lines.append("Children are counted once in each period.")
    if before_data:
        lines.append(before_data)
    ratios = [ratio for _, ratio, _, _ in said]
    if len(spans) == 2 and not by_month and ratios[0] is not None and ratios[1] is not None:
        difference = round(ratios[1], PER_CHILD_DECIMALS) - round(ratios[0], PER_CHILD_DECIMALS)
        moved = f"{'up' if difference > 0 else 'down'} {abs(difference):.{PER_CHILD_DECIMALS}f}" if difference else ""
        names = [figures.name(s) for s in spans]
        lines.append(f"Change from {names[0]} to {names[1]}: {moved or 'no change'}.")
    answered = any(outcome == ANSWERED for outcome, _, _, _ in said)
    return Said(ANSWERED if answered else NO_DATA, title, lines)


def _per_child(figures: Figures, family: str, span: Span) -> tuple[str, float | None, str, str]:
    """One period's episodes per child: the outcome, the ratio (None when there is none), the figure as shown, and
    what it is worked out from (or why there is none)."""
    episodes_key, children_key = EPISODES_PER_CHILD[family]
    episodes = figures.cell((episodes_key,), span.first, span.last)
    children = figures.cell((children_key,), span.first, span.last)
    absent = next((c.absence for c in (episodes, children) if c is not None and c.absence is not None), None)
    if absent is not None:
        return NO_DATA, None, str(absent), ""
    if children is None or episodes is None:
        return NO_DATA, None, "no figure", CHILDREN_BY_PERIOD
    if episodes.suppressed or children.suppressed or episodes.count is None or children.count is None:
        return ANSWERED, None, SUPPRESSED, "Withheld: one of its counts is withheld."
    if children.count == 0:
        return ANSWERED, None, "none", "No child went missing in that period."
    ratio = episodes.count / children.count
    counts = f"{episodes.count:,} episodes, {children.count:,} children"
    return ANSWERED, ratio, f"{ratio:.{PER_CHILD_DECIMALS}f}", counts


CHILDREN_BY_PERIOD = (
    "Children are counted once over a period, so they are stored for each month and the year to date only; ask for a "
    "month or the year to date."
)


def length_answer(measure: str, lengths: Lengths, period_name: str, suppress: bool, family: str = "all") -> Said:
    """The average or median length of a closed episode (catalogue: LENGTH_LABELS), with the other beside it."""
    of = {"lac": " (LAC episodes)", "cse": " (CSE-risk episodes)"}.get(family, "")
    title = f"{LENGTH_LABELS[measure]}{of}, {period_name}"
    closed, still_open = lengths.closed, lengths.still_open
    average, median = lengths.average_days, lengths.median_days
    if average is None or median is None:
        return Said(ANSWERED, title, ["*none*", "No episode starting in that period has closed yet."])
    if suppress and is_small(closed):
        return Said(ANSWERED, title, [f"*{SUPPRESSED}*", "Withheld: it is of 5 or fewer episodes."])
    asked, other = (median, average) if measure == MEDIAN_LENGTH else (average, median)
    other_name = "average (mean)" if measure == MEDIAN_LENGTH else "median"
    lines = [
        f"*{_days(asked)}*",
        f"The {other_name} is {_days(other)}. Over {closed:,} closed episodes; length is whole calendar days from "
        "the day missing to the day back (0 for a same-day return).",
    ]
    if still_open:
        lines.append(f"{still_open:,} still open at the as-at time are left out (their length is not known yet).")
    return Said(ANSWERED, title, lines)


def _days(value: float) -> str:
    shown = f"{value:.{LENGTH_DECIMALS}f}".rstrip("0").rstrip(".")
    return f"{shown} day{'' if shown == '1' else 's'}"
