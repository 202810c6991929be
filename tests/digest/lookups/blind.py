"""Scoring the blind corpus (tests/corpus/questions): each question asked through the LookupService against the
reference store, its reading and answer judged against the writer's labels.

The labels are in the writers' words: rows by the report's REF NO. and label ("2.2 Involving; Number of
individual children - LAC", "7 Breakdown by Gender"), periods as written ("2019-06", "ytd 2019/20 to
2019-06", "q1 2019/20", "2019-07 (partial)", "now (as at 18/07/2019)"). The parser is strict: a label it cannot
read is a miss of the harness (LabelError), counted apart, never dropped.

A question is right when the reader answered it with the rows, periods and shape the labels name, and the
figures in the answer are the reference fixture's; clarified when asked back; refused when not understood;
wrong when it answered something else. A question the bot must not answer is right when it says it could
not, or that it has no data.

A complement ("episodes that were NOT LAC": the base less the rows) is labelled by the rows a writer would work it
out from: the base and the rows taken away ("1.1", "2.1"), or the rows that are left ("4.2" to "4.8" for "not same
day"). It is right when the labels name only such rows, at least one of them the complement's own or one left, and
the answer says the base less the rows, as the reference report's figures give it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from digest.contract.config import Config
from digest.figures.catalogue import (
    EPISODES_PER_CHILD,
    PART_OF,
    SHARE_BASES,
    STILL_MISSING,
    SUMMARY_ROWS,
    build_catalogue,
    complement_base,
)
from digest.figures.periods import financial_year_start, month_index, month_of, parse_month
from digest.lookups.answers import (
    ANSWERED,
    CLARIFY,
    NO_DATA,
    NOT_UNDERSTOOD,
    Answer,
    asks_still_missing_now,
    relative_to_named,
)
from digest.lookups.cells import data_months
from digest.lookups.periods import Period, PeriodKind, resolve_period
from digest.lookups.questions import HELP, LENGTH, PER_CHILD, Clarification, NotUnderstood, Question
from digest.lookups.service import LookupService
from digest.lookups.vocabulary import BREAKDOWN
from digest.store.snapshots import SnapshotInfo
from tests.fixtures.reference_june_2019 import REFERENCE, UNREPRODUCIBLE

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "questions"
DEVELOPMENT, HELD_OUT = "development", "held_out"
RIGHT, CLARIFIED, REFUSED, WRONG, HARNESS = "right", "clarified", "refused", "wrong", "harness"
KINDS = (
    "figure",
    "comparison",
    "run",
    "extreme",
    "breakdown",
    "share",
    "per_child",
    "average",
    "median",
    "not_answerable",
)
SECTION_GROUPS = {
    "4": "duration",
    "5": "rhi",
    "6": "status",
    "7": "gender",
    "8": "ethnicity",
    "9": "age",
    "10": "distance",
}
# A word of the section's title a section label must carry, so a mistyped section number is caught.
SECTION_WORDS = {
    "4": "days",
    "5": "return",
    "6": "status",
    "7": "gender",
    "8": "ethnicity",
    "9": "age",
    "10": "distance",
}
SAME_FIGURE = {"status.lac": "episodes.lac"}

# What a row's own percentage is of, as a writer names it: the report's row, for the internal bases.
BASE_ROWS = {"_rhi.answer_recorded": "rhi.offered", "_rhi.offer_recorded": "episodes.all"}
NOW = "now"
REFERENCE_COLUMNS = {4: 0, 5: 1, 6: 2}  # the reference fixture's months: April, May, June 2019


class LabelError(Exception):
    """A label the harness cannot read: counted as a miss of the harness, never dropped."""


@dataclass(frozen=True)
class Item:
    id: str
    writer: str
    kind: str
    question: str
    rows: list[str]
    periods: list[str]
    expected: str


@dataclass(frozen=True)
class Expected:
    kind: str
    keys: frozenset[str] = frozenset()
    group: str | None = None
    spans: tuple[tuple[int, int] | str, ...] = ()


@dataclass
class Score:
    grades: dict[str, str] = field(default_factory=dict)  # id -> grade
    kinds: dict[str, str] = field(default_factory=dict)  # id -> kind
    writers: dict[str, str] = field(default_factory=dict)  # id -> writer
    reasons: Counter[str] = field(default_factory=Counter)  # miss categories, never the questions

    def share_right(self, ids: list[str] | None = None) -> float:
        chosen = ids if ids is not None else list(self.grades)
        return sum(self.grades[i] == RIGHT for i in chosen) / len(chosen) if chosen else 1.0

    def table(self, by: dict[str, str]) -> dict[str, tuple[int, int]]:
        """(right, asked) for each value of by (kind or writer)."""
        out: dict[str, tuple[int, int]] = {}
        for value in sorted(set(by.values())):
            ids = [i for i, v in by.items() if v == value]
            out[value] = (sum(self.grades[i] == RIGHT for i in ids), len(ids))
        return out


def load_items(part: str) -> list[Item]:
    items = []
    for path in sorted((CORPUS / part).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                items.append(
                    Item(
                        raw["id"],
                        raw["writer"],
                        raw["kind"],
                        raw["question"],
                        raw["rows"],
                        raw["periods"],
                        raw["expected"],
                    )
                )
    return items


_ROW = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}[ab]?))?\s+(\S.*)$")
_CODE = re.compile(r"\b([A-E][1-5])\b")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?: \(partial\))?$")
_YTD = re.compile(r"^ytd (\d{4})/(\d{2}) to (\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^q([1-4]) (\d{4})/(\d{2})$")
_NOW = re.compile(r"^now \(as at \d{2}/\d{2}/\d{4}\)$")
# a financial year (to date): April to the latest month ("fy 2018/19" too)
_YEAR = re.compile(r"^(?:ytd |fy )?(\d{4})/(\d{2})$")
_LABEL_WORD = re.compile(r"[a-z]+")
_STOP = {"number", "of", "in", "the", "a", "and", "or", "to", "who", "were", "with", "is", "be", "not", "inc"}


def _label_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _LABEL_WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def parse_row(row: str, config: Config) -> tuple[str | None, str | None]:
    """(indicator key, None) or (None, breakdown name) for one row label.

    Raises:
        LabelError: a row the harness cannot read.
    """
    match = _ROW.match(row.strip())
    if match is None:
        raise LabelError("row without a REF NO.")
    section, sub, label = match.groups()
    if sub is None:
        if section not in SECTION_GROUPS or SECTION_WORDS[section] not in label.lower():
            raise LabelError("section label not read")
        return None, SECTION_GROUPS[section]
    if section == "8":  # the report prints some of this section's refs wrongly: read the code
        if "bme" in label.lower():
            return "ethnicity.bme", None
        code = _CODE.search(label)
        if code is None:
            raise LabelError("ethnicity row without a code")
        return f"ethnicity.{code.group(1)}", None
    by_ref = {i.ref: i for i in build_catalogue(config)}
    indicator = by_ref.get(f"{section}.{sub}")
    if indicator is None:
        raise LabelError("REF NO. not in the report")
    if not _label_words(label) & (_label_words(indicator.label) | _label_words(indicator.short_label)):
        raise LabelError("row label does not match its REF NO.")
    return SAME_FIGURE.get(indicator.key, indicator.key), None


def parse_period(text: str) -> tuple[int, int] | str:
    """The months a period label spans (first, last month index), or NOW.

    Raises:
        LabelError: a period the harness cannot read.
    """
    text = text.strip()
    if match := _MONTH.match(text):
        month = month_index(int(match.group(1)), int(match.group(2)))
        return month, month
    if match := _YTD.match(text):
        last = month_index(int(match.group(3)), int(match.group(4)))
        if financial_year_start(last) != month_index(int(match.group(1)), 4):
            raise LabelError("year to date outside its year")
        return financial_year_start(last), last
    if match := _QUARTER.match(text):
        first = month_index(int(match.group(2)), 4) + 3 * (int(match.group(1)) - 1)
        return first, first + 2
    if _NOW.match(text):
        return NOW
    if (match := _YEAR.match(text)) and int(match.group(2)) == (int(match.group(1)) + 1) % 100:
        first = month_index(int(match.group(1)), 4)
        return first, first + 11
    raise LabelError("period not read")


def parse_labels(item: Item, config: Config) -> Expected:
    """What the labels say a right answer holds.

    Raises:
        LabelError: a label the harness cannot read.
    """
    if item.kind not in KINDS:
        raise LabelError("unknown kind")
    if item.kind == "not_answerable":
        return Expected(item.kind)
    keys: set[str] = set()
    groups: set[str] = set()
    for row in item.rows:
        key, group = parse_row(row, config)
        if key:
            keys.add(key)
        if group:
            groups.add(group)
    if len(groups) > 1 or (groups and keys) or (not groups and not keys):
        raise LabelError("rows neither one breakdown nor rows")
    spans = tuple(dict.fromkeys(parse_period(p) for p in item.periods))
    if not spans:
        raise LabelError("no period")
    return Expected(item.kind, frozenset(keys), next(iter(groups), None), spans)


def _span(question_period: Period, snapshot: SnapshotInfo) -> tuple[int, int] | str:
    if question_period.kind == PeriodKind.NOW:
        return NOW
    span = resolve_period(question_period, snapshot)
    return span.first, span.last


def _reading_keys(question: Question) -> frozenset[str]:
    return frozenset(SAME_FIGURE.get(k, k) for k in (*question.keys, *question.also))


def expected_count(keys: frozenset[str], span: tuple[int, int] | str) -> int | None:
    """The reference report's figure for rows over a span (April to June 2019 only), or None."""
    figures = {**REFERENCE, **UNREPRODUCIBLE}  # what the fixture reproduces, where the report cannot be
    if span == NOW or not all(k in figures for k in keys):
        return None
    first, last = span
    if first == last and first % 12 + 1 in REFERENCE_COLUMNS and first // 12 == 2019:
        column = REFERENCE_COLUMNS[first % 12 + 1]
    elif (first, last) == (month_index(2019, 4), month_index(2019, 6)):
        column = 3
    else:
        return None
    if len(keys) > 1 and any(k.startswith("children.") for k in keys):
        return None
    values = [figures[k][column] for k in keys]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _says(answer: Answer, count: int) -> bool:
    text = "\n".join([*answer.lines, *(" ".join(row) for row in answer.table)])
    return re.search(rf"(?<![\d,.]){count:,}(?![\d,]|\.\d)", text) is not None


def _outside_data(span: tuple[int, int] | str, snapshot: SnapshotInfo) -> bool:
    if span == NOW:
        return False
    first_data = parse_month(snapshot.first_month) if snapshot.first_month else 0
    return span[1] < first_data


def _clipped(expected: Expected, snapshot: SnapshotInfo) -> Expected:
    """A whole financial year as the reader resolves one: to the latest complete month of the snapshot."""
    latest = month_of(snapshot.as_at) - 1
    spans = tuple(
        (s[0], min(s[1], latest)) if s != NOW and s[1] - s[0] == 11 and s[1] > latest else s for s in expected.spans
    )
    return Expected(expected.kind, expected.keys, expected.group, spans)


def _base_labelled(expected: Expected, keys: frozenset[str], answer: Answer, config: Config, of_whole: bool) -> bool:
    """Whether the labels name the answer's figure and the base its share is of ("LAC eps as a % of all eps - June vs
    May", labelled 2.1 and 1.1; "OLA as a % of not a client", 6.7 and 6.6), and the answer shows that share ("64% of
    116 episodes")."""
    if len(keys) != 1 or "% of" not in "\n".join(answer.lines):
        return False
    key = next(iter(keys))
    base = (
        PART_OF[key]
        if of_whole
        else SHARE_BASES.get(key) or {i.key: i for i in build_catalogue(config)}[key].denominator or ""
    )
    return expected.keys == keys | {BASE_ROWS.get(base, base)}


def _still_missing_beside(expected: Expected, keys: frozenset[str], answer: Answer) -> bool:
    """Whether the labels add those still missing at the month's end (4.8) to the bands the answer adds up ("at least
    two days", labelled 4.3 to 4.8), and the answer says them on a line of their own beside its figure."""
    return expected.keys == keys | {STILL_MISSING} and _says_still_missing(answer)


def _says_still_missing(answer: Answer) -> bool:
    """Whether the answer says those still missing at the month's end on a line of their own."""
    return any(line.startswith("Still missing at") for line in answer.lines)


def _judge_usual(
    expected: Expected, spans: tuple[tuple[int, int] | str, ...], snapshot: SnapshotInfo, kind: str
) -> tuple[str, str]:
    """A month against the usual shows the month, each of its year's other months and their average: labels may name
    any of them, and must name the month."""
    answered = {*spans, *_year_months(spans[0], snapshot)}
    if spans[0] not in expected.spans or not set(expected.spans) <= answered:
        return WRONG, f"{kind}: another period"
    return RIGHT, ""


def _year_months(span: tuple[int, int] | str, snapshot: SnapshotInfo) -> set[tuple[int, int] | str]:
    """The months of a month's financial year with data up to the latest complete one, each alone and together (the
    year to date): what an answer setting the month against the usual shows."""
    if span == NOW:
        return set()
    first = data_months(snapshot)[0]
    start = max(financial_year_start(span[0]), first)
    end = min(financial_year_start(span[0]) + 11, month_of(snapshot.as_at) - 1)
    return {(m, m) for m in range(start, end + 1)} | {(start, end)}


def _before_the_data(expected: Expected, snapshot: SnapshotInfo) -> bool:
    """Whether every period the answer must cover ends before the first month with data."""
    first = data_months(snapshot)[0]
    return bool(expected.spans) and all(span != NOW and span[1] < first for span in expected.spans)


def judge(
    expected: Expected, reading: object, answer: Answer, snapshot: SnapshotInfo, config: Config
) -> tuple[str, str]:
    """(grade, reason): the reason is a miss category, never the question's words."""
    if expected.kind == "not_answerable":
        # The help (what the bot can answer, with no figure) is what the writers asked of a greeting or idle chat.
        if answer.outcome in (NOT_UNDERSTOOD, NO_DATA) or (isinstance(reading, Question) and reading.kind == HELP):
            return RIGHT, ""
        return (
            (CLARIFIED, "clarified a question it cannot answer")
            if answer.outcome == CLARIFY
            else (
                WRONG,
                "answered a question it cannot answer",
            )
        )
    if isinstance(reading, Clarification):
        # Asked back in the reading, but every choice would say there is no data for the period: that is answered.
        if answer.outcome == NO_DATA and _before_the_data(expected, snapshot):
            return RIGHT, ""
        return CLARIFIED, f"{expected.kind}: asked back"
    if isinstance(reading, NotUnderstood) or answer.outcome == NOT_UNDERSTOOD:
        return REFUSED, f"{expected.kind}: not understood"
    assert isinstance(reading, Question)
    if answer.outcome not in (ANSWERED, NO_DATA):
        return WRONG, f"{expected.kind}: {answer.outcome}"
    periods = relative_to_named(reading, snapshot)  # "Q1 against the quarter before": as the answer resolves it
    spans = tuple(dict.fromkeys(_span(p, snapshot) for p in (periods.period, *periods.compare)))
    if asks_still_missing_now(reading):  # no month named: answered as at the data's time, as the answer says
        spans = (NOW,)
    expected = _clipped(expected, snapshot)
    keys = _reading_keys(reading)
    kind = expected.kind
    if reading.kind == BREAKDOWN and reading.by_month and len(spans) == 1 and isinstance(spans[0], tuple):
        first, last = spans[0]  # a table month by month: a column for each month of the run, and the run's own
        spans = (*((month, month) for month in range(first, last + 1)), spans[0])
    if kind == "breakdown" or (kind in ("extreme",) and expected.group):
        if reading.kind != BREAKDOWN or reading.subject != expected.group:
            return WRONG, f"{kind}: another figure or table"
        if set(spans) != set(expected.spans):
            return WRONG, f"{kind}: another period"
        if kind == "extreme" and not reading.extreme:
            return WRONG, "extreme: the table without its largest row"
        return RIGHT, ""
    if kind == "average" and reading.monthly_average:  # a mean of the months ("average episodes per month")
        return _judge_monthly_average(expected, reading, answer, spans, keys)
    if kind in ("average", "median"):
        if reading.kind != LENGTH or reading.subject != kind:
            return WRONG, f"{kind}: another figure"
        return (RIGHT, "") if set(spans) == set(expected.spans) else (WRONG, f"{kind}: another period")
    if kind == "per_child":
        families = {f for f, pair in EPISODES_PER_CHILD.items() if set(pair) == set(expected.keys)}
        if reading.kind != PER_CHILD or reading.subject not in families:
            return WRONG, "per_child: another figure"
        return (RIGHT, "") if set(spans) == set(expected.spans) else (WRONG, "per_child: another period")
    if reading.kind != "figure":
        return WRONG, f"{kind}: read as {reading.kind}"
    if kind == "share":
        indicator = {i.key: i for i in build_catalogue(config)}
        key = reading.keys[0]
        base = PART_OF[key] if reading.of_whole else SHARE_BASES.get(key) or indicator[key].denominator or ""
        base = BASE_ROWS.get(base, base)
        if not reading.proportion:
            return WRONG, "share: the count without its share"
        beside = {STILL_MISSING} if _says_still_missing(answer) else set()  # "overnight or longer": 4.2 to 4.8
        if not keys <= expected.keys or not expected.keys <= keys | {base} | beside:
            return WRONG, "share: another figure"
        if reading.usual:
            return _judge_usual(expected, spans, snapshot, kind)
        return (RIGHT, "") if set(spans) == set(expected.spans) else (WRONG, "share: another period")
    if reading.complement and not _complement_labelled(expected, reading, config):
        return WRONG, f"{kind}: another figure"
    if (
        not reading.complement
        and keys != expected.keys
        and not _base_labelled(expected, keys, answer, config, reading.of_whole)
        and not _still_missing_beside(expected, keys, answer)
    ):
        return WRONG, f"{kind}: another figure"
    if kind in ("run", "extreme"):
        if not reading.by_month:
            return WRONG, f"{kind}: not month by month"
        if kind == "extreme" and not reading.extreme:
            return WRONG, "extreme: no largest or smallest month"
        answered = {m for s in spans if s != NOW for m in range(s[0], s[1] + 1)}
        wanted = {
            m for s in expected.spans if s != NOW for m in range(s[0], s[1] + 1) if not _outside_data((m, m), snapshot)
        }
        extra = [m for m in answered - wanted if not _outside_data((m, m), snapshot)]
        if not wanted <= answered or extra:
            return WRONG, f"{kind}: other months"
        return RIGHT, ""
    if reading.usual:
        return _judge_usual(expected, spans, snapshot, kind)
    if set(spans) != set(expected.spans):
        return WRONG, f"{kind}: another period"
    if reading.by_month and kind == "figure" and len(spans) == 1 and spans[0] != NOW and spans[0][0] == spans[0][1]:
        return WRONG, "figure: month by month"
    if reading.complement:  # the base less the rows, as the reference report's figures give it
        base = complement_base({i.key: i for i in build_catalogue(config)}[reading.keys[0]])
        for span in expected.spans:
            whole, part = expected_count(frozenset({str(base)}), span), expected_count(frozenset(reading.keys), span)
            if whole is not None and part is not None and not _says(answer, whole - part):
                return WRONG, f"{kind}: a figure other than the report's"
        return RIGHT, ""
    beside = _base_labelled(expected, keys, answer, config, reading.of_whole) or _still_missing_beside(
        expected, keys, answer
    )
    labelled = keys if keys != expected.keys and beside else expected.keys
    side_by_side = [frozenset({k}) for k in sorted(labelled)] if reading.also else [labelled]
    for span in expected.spans:
        for keys_shown in side_by_side:
            count = expected_count(keys_shown, span)
            if count is not None and not _says(answer, count):
                return WRONG, f"{kind}: a figure other than the report's"
    return RIGHT, ""


def _judge_monthly_average(
    expected: Expected,
    reading: Question,
    answer: Answer,
    spans: tuple[tuple[int, int] | str, ...],
    keys: frozenset[str],
) -> tuple[str, str]:
    """A mean of the months against labels naming its rows and the months (or the span) it is over."""
    if keys != expected.keys:
        return WRONG, "average: another figure"
    months = sorted({m for s in spans if s != NOW for m in range(s[0], s[1] + 1)})
    wanted = sorted({m for s in expected.spans if s != NOW for m in range(s[0], s[1] + 1)})
    if months != wanted:
        return WRONG, "average: another period"
    counts = [expected_count(keys, (m, m)) for m in months]
    if all(c is not None for c in counts) and counts:
        mean = sum(c for c in counts if c is not None) / len(counts)
        if f"{mean:.1f}" not in "\n".join(answer.lines):
            return WRONG, "average: a figure other than the report's"
    return RIGHT, ""


def _complement_labelled(expected: Expected, reading: Question, config: Config) -> bool:
    """Whether labels name a complement's rows: only its base, its rows and the rows left, one of the last two."""
    indicators = {i.key: i for i in build_catalogue(config)}
    taken = frozenset(reading.keys)
    base = complement_base(indicators[reading.keys[0]])
    section = indicators[reading.keys[0]].section
    left = frozenset(
        key
        for key, i in indicators.items()
        if i.section == section and complement_base(i) == base and key not in taken and key not in SUMMARY_ROWS
    )
    labelled = {SAME_FIGURE.get(k, k) for k in expected.keys}
    return base is not None and labelled <= taken | left | {base} and bool(labelled & (taken | left))


def score(service: LookupService, items: list[Item], config: Config) -> Score:
    result = Score()
    snapshot = service.store().get_snapshot()
    for item in items:
        result.kinds[item.id], result.writers[item.id] = item.kind, item.writer
        try:
            expected = parse_labels(item, config)
        except LabelError as error:
            result.grades[item.id] = HARNESS
            result.reasons[f"harness: {error}"] += 1
            continue
        reading = service.read(item.question)
        answer = service.ask("UBLIND", "CBLIND", item.question)
        grade, reason = judge(expected, reading, answer, snapshot, config)
        result.grades[item.id] = grade
        if reason:
            result.reasons[reason] += 1
    return result


def describe(name: str, result: Score) -> list[str]:
    """Aggregate lines only: by kind, by writer, the miss categories; never a question."""
    grades = Counter(result.grades.values())
    total = len(result.grades)
    lines = [
        f"{name}: {grades[RIGHT]}/{total} right ({100 * result.share_right():.1f}%); "
        f"asked back {grades[CLARIFIED]}, not understood {grades[REFUSED]}, wrong {grades[WRONG]}, "
        f"labels the harness could not read {grades[HARNESS]}"
    ]
    for title, by in (("kind", result.kinds), ("writer", result.writers)):
        lines.append(
            f"  by {title}: "
            + ", ".join(f"{value} {right}/{asked}" for value, (right, asked) in result.table(by).items())
        )
    for reason, count in result.reasons.most_common():
        lines.append(f"  miss: {reason} ({count})")
    return lines
