"""The property behind "no data" and "not in this source": over random snapshots (seeded), in every month a profile
can be made for, no cell without a figure is ever shown as 0 or as a blank, in any output (JSON, text table, CSV,
XLSX, digest headlines and Slack text, charts, answers)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
from functools import partial
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.chats.slack.blocks import render_digest_message
from digest.contract.config import Config
from digest.figures.absence import NOT_IN_SSD, Absence
from digest.figures.periods import YTD, financial_year_start, month_index, month_name, month_start
from digest.intake.ingest import ingest_extract
from digest.lookups.service import LookupService
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.content import compute_digest
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Profile, load_earlier_years, load_profile
from digest.reporting.table import column_heads, render_csv, render_text_table
from digest.reporting.workbook import save_workbook
from digest.store.snapshots import available_months, open_store
from tests.conftest import episode, mark_ssd_kind, write_csv

SEEDS = range(6)
STATUSES = ("LAC", "CIN", "CPP", "Early Help", "Not a client", "Care Leaver")
QUESTIONS = ("episodes", "LAC episodes", "CSE episodes", "rhi in time", "other LA", "children")


def random_snapshot(seed: int, folder: Path, config: Config) -> tuple[Path, bool]:
    """An extract whose data starts in a random month (often not April), as at a random time after it; half of
    them stored as SSD snapshots. Returns the store's path and whether it is an SSD snapshot."""
    rng = random.Random(seed)
    first = month_index(2018, 1) + rng.randrange(14)
    months = rng.randrange(1, 16)
    as_at = month_start(first + months - 1) + dt.timedelta(days=rng.randrange(1, 28), hours=rng.randrange(24))
    rows = []
    for number in range(rng.randrange(1, 40)):
        start = month_start(first + rng.randrange(months)) + dt.timedelta(days=rng.randrange(27), hours=10)
        start = min(start, as_at - dt.timedelta(hours=1))
        if number == 0:  # the data starts in its first month
            start = month_start(first) + dt.timedelta(hours=10)
        end = "" if rng.random() < 0.2 else f"{start + dt.timedelta(hours=rng.randrange(1, 200)):%Y-%m-%d %H:%M}"
        rows.append(
            episode(
                episode_id=f"E{number}",
                child_id=f"C{rng.randrange(12)}",
                missing_start=f"{start:%Y-%m-%d %H:%M}",
                missing_end=end if not end or end <= f"{as_at:%Y-%m-%d %H:%M}" else "",
                care_status=rng.choice(STATUSES),
                cse_risk=rng.choice(("None", "Low", "Medium", "High")),
                other_la=rng.choice(("Y", "N")),
            )
        )
    path = folder / f"store-{seed}.db"
    store = open_store(path)
    report = ingest_extract(store, write_csv(folder / f"extract-{seed}.csv", rows), as_at, config)
    is_ssd = rng.random() < 0.5
    if is_ssd:
        mark_ssd_kind(store, report.snapshot_id)
    store.close()
    return path, is_ssd


def check_profile(profile: Profile, folder: Path) -> None:
    absent = {
        (row.indicator.key, column): cell.describe_count()
        for row in profile.rows
        for column, cell in row.values.items()
        if cell.absence is not None
    }
    for (key, column), words in absent.items():
        assert words in (Absence.NO_DATA, Absence.NOT_IN_SOURCE)
        row = profile.row(key)
        assert row.values[column].count is None
        if words == Absence.NOT_IN_SOURCE:
            assert not row.is_zero()  # or the row would be hidden, as if it were 0
    data = profile.to_json_dict()
    for indicator in data["indicators"]:
        for column, value in indicator["values"].items():
            if (indicator["key"], column) in absent:
                assert value == {"count": None, "denominator": None}
            elif column != YTD or not profile.row(indicator["key"]).indicator.month_only:
                assert value["count"] is not None  # a figure, or "c"
    assert bool(data.get("no_data_columns")) == any(w == Absence.NO_DATA for w in absent.values())

    heads = [head.key for head in column_heads(profile)]
    table = render_text_table(profile)
    for line in table.splitlines():
        ref = line.split(" ", 1)[0]
        row = next((r for r in profile.rows if r.indicator.ref == ref and re.match(r"\d+\.\w+$", ref)), None)
        if row is None:
            continue
        shown_heads = heads[:-1] if row.indicator.month_only else heads  # no year to date: nothing at the end
        cells = re.split(r"\s{2,}", line)[-len(shown_heads) :]
        for column, shown in zip(shown_heads, cells, strict=True):
            if (row.indicator.key, column) in absent:
                assert shown == absent[(row.indicator.key, column)], line

    reader = csv.reader(io.StringIO(render_csv(profile)))
    next(reader)
    for line in reader:
        for index, column in enumerate(profile.columns):
            if (line[1], column) in absent:
                assert line[3 + 2 * index : 5 + 2 * index] == [absent[(line[1], column)]] * 2

    save_workbook(profile, folder / "profile.xlsx")
    sheet = load_workbook(folder / "profile.xlsx").active
    by_key = {r.indicator.ref: r.indicator.key for r in profile.rows}
    for cells in sheet.iter_rows(values_only=True):
        key = by_key.get(str(cells[0])) if cells[0] and str(cells[0]) not in ("Ref",) else None
        if key is None or cells[1] != profile.row(key).indicator.label:
            continue
        for index, column in enumerate(profile.columns):
            if (key, column) in absent:
                assert cells[2 + 3 * index] == absent[(key, column)]

    digest = compute_digest(profile, None, 1, 0, 0)
    message = " ".join(str(block) for block in render_digest_message(digest).block_dicts())
    for figure in [*digest.episodes, *digest.children, *digest.rhi, digest.still_missing]:
        if figure.absence is not None:
            assert figure.shown == figure.absence
            assert f"*{figure.absence}* {figure.label}" in message


@pytest.mark.parametrize("seed", SEEDS)
def test_no_absent_cell_is_ever_shown_as_0_or_blank(seed: int, tmp_path: Path, config: Config) -> None:
    path, is_ssd = random_snapshot(seed, tmp_path, config)
    store = open_store(path)
    snapshot = store.get_snapshot()
    first, last = available_months(snapshot)
    data_starts = month_index(int(snapshot.first_month[:4]), int(snapshot.first_month[5:]))
    rng = random.Random(seed)
    months = sorted({first, data_starts, last, rng.randrange(first, last + 1)})  # and the data's first month
    for month in months:
        profile = load_profile(store, config, month, snapshot)
        assert [c for c in profile.columns if c != YTD and month_index(int(c[:4]), int(c[5:])) < data_starts] == [
            c for c in profile.no_data_columns if c != YTD
        ]
        assert profile.partial_year_to_date == (financial_year_start(month) < data_starts <= month)
        for row in profile.rows:  # worked out here from the snapshot alone, not from the profile's own flags
            for column, cell in row.values.items():
                ends = month if column == YTD else month_index(int(column[:4]), int(column[5:]))
                if is_ssd and row.indicator.key in NOT_IN_SSD:
                    assert cell.absence == Absence.NOT_IN_SOURCE
                elif ends < data_starts:
                    assert cell.absence == Absence.NO_DATA
                else:
                    assert cell.absence is None
        for shown in (profile, suppress_profile(profile)):
            check_profile(shown, tmp_path)
        charts = compute_chart_data(profile, load_earlier_years(store, config, profile))
        for chart in charts:
            if chart.absence is not None:
                assert (chart.series, chart.labels) == ([], [])
            for series in chart.series:
                assert len(series.values) == len(chart.labels)
        if is_ssd:
            assert {c.name for c in charts if c.absence} >= {"rhi-in-time", "trend-rhi-in-time"}
    store.close()

    service = LookupService(partial(open_store, path), config)
    for month in months:
        for question in QUESTIONS:
            text = service.ask("U", "C", f"{question} {month_name(month)}").plain_text()
            for before in range(first, data_starts):
                assert not re.search(rf"{month_name(before)}: \d", text), text
            if financial_year_start(month) < data_starts <= month and "Year to date" in text:
                assert f"(partial, from {month_name(data_starts)})" in text, text
            if is_ssd and question in ("CSE episodes", "rhi in time", "other LA") and month >= data_starts:
                assert text.splitlines()[1] == "not in this source", text
