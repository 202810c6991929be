"""An Answer (plain data from digest.lookups.answers) as an Adaptive Card, built with the typed models of
microsoft-teams-cards: the figure large, its percentage and denominator under it, the month before and
the year to date as facts; a trend as a native line chart; a breakdown as a table; the as-at time last.

An Answer carries words, not numbers, so the card's shape is read from the words' layout: a first
line that is only a bold figure is a figure answer, lines that are all "Month YYYY: value" are a trend.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    ColumnDefinition,
    Fact,
    FactSet,
    ImBackSubmitActionData,
    LineChart,
    LineChartData,
    LineChartValue,
    SubmitAction,
    SubmitActionData,
    Table,
    TableCell,
    TableRow,
    TextBlock,
)

from bot.chats.teams.cards import CARD_CONTENT_TYPE, dump_card, render_card, render_facts
from digest.figures.small_counts import SUPPRESSED
from digest.lookups.answers import ANSWERED, DID_YOU_MEAN, Answer

MAX_FALLBACK_TEXT_CHARS = 3000  # what a notification or screen reader is usefully given
MIN_TREND_POINTS = 2  # a line needs two points

BOLD_FIGURE = re.compile(r"^\*([^*]+)\*(?: \((.+)\))?$")  # "*131*", or with a note: "*131* (revised from 129 ...)"
FIGURE_WITH_SHARE = re.compile(r"^([\d,]+) \((.+)\)$")
FACT_LINE = re.compile(r"^([^:]{1,60}): (.+)$")
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
TREND_LINE = re.compile(rf"^((?:{MONTH_NAMES}) \d{{4}}|Year to date): (.+)$")
AS_AT = re.compile(r"Data as at (\d{2}/\d{2}/\d{4} \d{2}:\d{2})")
LEADING_COUNT = re.compile(r"^([\d,]+)")
YEAR_TO_DATE = "Year to date"


def render_answer_card(answer: Answer, buttons: bool = True) -> AdaptiveCard:
    """The card for an answer: the same words as `/missing` and `missing-report ask`, laid out for Teams.

    A question read more than one way gets one button per reading (buttons), each sending the question
    that asks for it as if typed (imBack); an outgoing webhook's reply can carry no such button
    (only links), so there each choice is the question to type.
    """
    body: list[CardElement] = [
        TextBlock(text=answer.title, weight="Bolder", size="Medium", wrap=True, style="heading"),
        *_render_body(answer),
    ]
    if answer.choices and answer.outcome == ANSWERED:  # answered, with the other readings under it
        body.append(TextBlock(text=DID_YOU_MEAN, wrap=True, is_subtle=True, spacing="Small"))
    if answer.choices and buttons:
        body.append(ActionSet(actions=[_ask_button(label, question) for label, question in answer.choices]))
    elif answer.choices:
        body += _text_blocks([f'{label}: ask "{question}"' for label, question in answer.choices])
    if answer.footer:
        body.append(TextBlock(text=answer.footer, is_subtle=True, size="Small", wrap=True, separator=True))
    return render_card(body, answer.plain_text()[:MAX_FALLBACK_TEXT_CHARS])  # 1.5: Table needs it


def render_answer_message(answer: Answer) -> dict[str, Any]:
    """A message activity carrying the answer's card: the body an outgoing webhook replies with."""
    card = render_answer_card(answer, buttons=False)
    return {"type": "message", "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": dump_card(card)}]}


def _ask_button(label: str, question: str) -> SubmitAction:
    sent_as_typed = ImBackSubmitActionData(value=question).model_dump(mode="json", by_alias=True, exclude_none=True)
    return SubmitAction(title=label, data=SubmitActionData(msteams=sent_as_typed))


def _render_body(answer: Answer) -> list[CardElement]:
    lines = answer.lines
    if answer.table:
        return [*_text_blocks(lines), _render_table(answer.table)]
    if lines and BOLD_FIGURE.match(lines[0]):
        return _render_figure(lines)
    months = [line for line in lines if TREND_LINE.match(line)]
    if len(months) >= MIN_TREND_POINTS and len(months) == len(lines):
        return _render_trend(answer)
    if len(months) >= MIN_TREND_POINTS and len(months) == len(set(months)):
        # a run with its largest and smallest month: the chart, then what is said of it
        rest = [line for line in lines if line not in months]
        return [*_render_trend(dataclasses.replace(answer, lines=months)), *_text_blocks(rest)]
    return _text_blocks(lines)


def _render_figure(lines: list[str]) -> list[CardElement]:
    """The figure large; its share of the denominator under it; the other lines as facts."""
    match = BOLD_FIGURE.match(lines[0])
    assert match is not None
    figure, share, note = match.group(1), "", match.group(2)
    with_share = FIGURE_WITH_SHARE.match(figure)
    if with_share:
        figure, share = with_share.groups()
    elements: list[CardElement] = [
        TextBlock(text=figure, size="ExtraLarge", weight="Bolder", spacing="Small")
        if LEADING_COUNT.match(figure) or figure == SUPPRESSED
        else TextBlock(text=figure, size="Large", weight="Bolder", spacing="Small", wrap=True)  # "no data"
    ]
    if share:
        elements.append(TextBlock(text=share, spacing="None", wrap=True))
    if note:  # the figure differs from what a digest published: said under it, as it is in Slack
        elements.append(TextBlock(text=note[0].upper() + note[1:] + ".", spacing="None", wrap=True, is_subtle=True))
    facts = [FACT_LINE.match(line) for line in lines[1:]]
    if facts and all(facts):
        elements.append(FactSet(facts=[Fact(title=m.group(1), value=m.group(2)) for m in facts if m]))
    else:
        elements += _text_blocks(lines[1:])
    return elements


def _render_trend(answer: Answer) -> list[CardElement]:
    """Month by month as a native line chart; hosts that cannot draw it show the same months as facts.

    The year to date stays outside the chart (it is not a month), so every host shows it.
    """
    partial_month = _partial_month_name(answer.footer)
    months: list[tuple[str, str]] = []
    year_to_date: list[tuple[str, str]] = []
    for line in answer.lines:
        match = TREND_LINE.match(line)
        assert match is not None
        name, value = match.groups()
        if name == YEAR_TO_DATE:
            year_to_date.append((name, value))
        else:
            months.append((f"{name} (partial month)" if name == partial_month else name, value))
    points = [
        LineChartValue(x=_short_month(name), y=float(count.group(1).replace(",", "")))
        for name, value in months
        if (count := LEADING_COUNT.match(value))
    ]
    elements: list[CardElement] = []
    if len(points) >= MIN_TREND_POINTS:
        legend = answer.title.split(",", 1)[0]
        elements.append(
            LineChart(
                title=legend,
                x_axis_title="Month",
                y_axis_title="Count",
                data=[LineChartData(legend=legend, values=points)],
                fallback=render_facts(months),
            )
        )
        gaps = [(name, value) for name, value in months if not LEADING_COUNT.match(value)]
        if gaps:  # months the line has no point for ("no data", "c"): said beside it, never drawn as 0
            elements.append(render_facts(gaps))
    else:
        elements.append(render_facts(months))
    if year_to_date:
        elements.append(render_facts(year_to_date))
    return elements


def _render_table(rows: list[list[str]]) -> Table:
    """The breakdown as a table, heading row first; hosts before cards 1.5 get each row as a fact."""
    heading, *body = rows
    columns = [ColumnDefinition(width=3)] + [ColumnDefinition(width=2, horizontal_cell_content_alignment="Right")] * (
        len(heading) - 1
    )
    fallback = FactSet(
        facts=[
            Fact(title=row[0], value=" · ".join(f"{h} {c}".strip() for h, c in zip(heading[1:], row[1:], strict=True)))
            for row in body
        ]
    )
    return Table(
        columns=columns,
        first_row_as_headers=True,
        show_grid_lines=False,
        rows=[_table_row(heading, bold=True), *(_table_row(row) for row in body)],
        fallback=fallback,
    )


def _table_row(cells: list[str], bold: bool = False) -> TableRow:
    return TableRow(
        cells=[
            TableCell(items=[TextBlock(text=cell or " ", wrap=True, weight="Bolder" if bold else None)])
            for cell in cells
        ]
    )


def _text_blocks(lines: list[str]) -> list[CardElement]:
    return [TextBlock(text=_markdown(line), wrap=True, spacing="Small") for line in lines]


def _markdown(line: str) -> str:
    """The Answer's chat mark-up (*bold*, `example`) in the Markdown subset Adaptive Cards know."""
    bold = re.sub(r"\*([^*\n]+)\*", r"**\1**", line)
    return re.sub(r"`([^`\n]+)`", r"“\1”", bold)


def _partial_month_name(footer: str) -> str | None:
    """The month the as-at time falls in ("July 2019"): its figures are for part of the month only."""
    match = AS_AT.search(footer)
    if not match:
        return None
    as_at = dt.datetime.strptime(match.group(1), "%d/%m/%Y %H:%M")
    return f"{as_at:%B %Y}"


def _short_month(name: str) -> str:
    """ "July 2019" as "Jul-19", the reports' month label, so a year's axis stays readable."""
    month, _, rest = name.partition(" (")
    short = dt.datetime.strptime(month, "%B %Y").strftime("%b-%y")
    return f"{short} (partial)" if rest else short
