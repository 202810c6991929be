"""Cells without a figure say why, in every output: a month before the data has "no data", a year to date that
starts after April says it is partial, and the rows an SSD export cannot fill say "not in this source"."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from digest.contract.config import Config
from digest.contract.revisions import RevisionThreshold
from digest.figures.absence import NOT_IN_SSD, Absence
from digest.figures.periods import parse_month
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.content import compute_digest
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Profile, load_earlier_years, load_profile
from digest.reporting.revisions import compute_revisions
from digest.reporting.table import render_csv, render_text_table
from digest.reporting.workbook import save_workbook
from digest.store.published_figures import MONTH_SCOPE, LastPublished, PublishedFigure
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, episode, ingest_rows, mark_ssd_kind, numbered

AS_AT = dt.datetime(2018, 9, 10)


def ingest_from_may(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> int:
    """Data that starts in May 2018: April 2018, in the same financial year, has no data."""
    rows = numbered(
        [
            episode(missing_start="2018-05-03 10:00", missing_end="2018-05-04 10:00", cse_risk="High"),
            episode(child_id="C2", missing_start="2018-05-20 10:00", missing_end="2018-05-20 18:00", care_status="CIN"),
            episode(missing_start="2018-06-03 10:00", missing_end="2018-06-05 10:00"),
            episode(child_id="C3", missing_start="2018-08-01 10:00", missing_end="", care_status="Not a client"),
        ]
    )
    return ingest_rows(store, config, write_extract(rows), AS_AT).snapshot_id


@pytest.fixture
def from_may(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> Profile:
    return load_profile(store, config, parse_month("2018-06"), ingest_from_may(store, config, write_extract))


@pytest.fixture
def ssd_kind(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> Profile:
    snapshot_id = ingest_from_may(store, config, write_extract)
    mark_ssd_kind(store, snapshot_id)
    return load_profile(store, config, parse_month("2018-06"), snapshot_id)


def table_line(text: str, ref: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"{ref} "))


def test_a_month_before_the_data_has_no_data_in_every_row_never_0(from_may: Profile) -> None:
    for row in from_may.rows:
        assert row.values["2018-04"].absence == Absence.NO_DATA
        assert row.values["2018-04"].count is None
    assert from_may.row("episodes.all").values["2018-05"].count == 2
    assert from_may.partial_year_to_date
    assert from_may.row("episodes.all").values["ytd"].count == 3  # May and June: the data's part of the year


def test_json_says_which_columns_have_no_data_and_that_the_year_to_date_is_partial(from_may: Profile) -> None:
    data = from_may.to_json_dict()
    assert list(data)[:8] == [
        "month",
        "as_at",
        "financial_year",
        "partial_month",
        "data_starts",
        "no_data_columns",
        "partial_year_to_date",
        "columns",
    ]
    assert (data["data_starts"], data["no_data_columns"], data["partial_year_to_date"]) == (
        "2018-05",
        ["2018-04"],
        True,
    )
    assert data["columns"] == ["2018-04", "2018-05", "2018-06", "ytd"]
    for indicator in data["indicators"]:  # every key is present for every column, the no-data one null
        assert indicator["values"]["2018-04"] == {"count": None, "denominator": None}
        assert "not_in_source" not in indicator
    episodes = next(i for i in data["indicators"] if i["key"] == "episodes.all")
    assert episodes["values"]["ytd"] == {"count": 3, "denominator": None}


def test_a_profile_wholly_before_the_data_has_no_data_in_its_year_to_date_too(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    april = load_profile(store, config, parse_month("2018-04"), ingest_from_may(store, config, write_extract))
    data = april.to_json_dict()
    assert data["no_data_columns"] == ["2018-04", "ytd"]
    assert "partial_year_to_date" not in data
    text = render_text_table(april)  # every row shown, saying so: an empty table would read as zeros
    assert re.split(r"\s{2,}", table_line(text, "1.1"))[2:] == ["no data", "no data"]
    assert re.split(r"\s{2,}", table_line(text, "9.1"))[2:] == ["no data", "no data"]


def test_text_table_says_no_data_and_marks_the_partial_year_to_date(from_may: Profile) -> None:
    text = render_text_table(from_may)
    assert table_line(text, "REF") == (
        "REF   INDICATOR                                                                        Apr-18  May-18  Jun-18"
        "  YTD (partial)"
    )
    assert table_line(text, "1.1") == (
        "1.1   Number of Missing Episodes - all                                                no data       2       1"
        "              3"
    )
    assert "no data: the data starts in May 2018; a month before it has no figures (not zero)." in text
    assert (
        "YTD (partial): the data starts in May 2018, so the year to date 2018/19 runs from May 2018, not from April."
    ) in text
    # A row zero wherever there is data is still left out: "no data" is no reason to show it.
    assert "9.1 " not in text


def test_csv_says_no_data_in_both_columns_and_marks_the_partial_year_to_date(from_may: Profile) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(from_may))))
    assert rows[0][3:] == [
        "2018-04",
        "2018-04 denominator",
        "2018-05",
        "2018-05 denominator",
        "2018-06",
        "2018-06 denominator",
        "ytd (partial, from 2018-05)",
        "ytd (partial, from 2018-05) denominator",
    ]
    by_key = {row[1]: row[3:] for row in rows[1:]}
    assert by_key["episodes.all"] == ["no data", "no data", "2", "", "1", "", "3", ""]
    assert by_key["duration.0"] == ["no data", "no data", "1", "2", "0", "1", "1", "3"]


def test_xlsx_cells_say_no_data(from_may: Profile, tmp_path: Path) -> None:
    save_workbook(from_may, tmp_path / "june.xlsx")
    sheet = load_workbook(tmp_path / "june.xlsx").active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row[0] == "Ref")
    assert header[2:14] == [
        "Apr-18",
        "Apr-18 of",
        "Apr-18 %",
        "May-18",
        "May-18 of",
        "May-18 %",
        "Jun-18",
        "Jun-18 of",
        "Jun-18 %",
        "YTD (partial)",
        "YTD (partial) of",
        "YTD (partial) %",
    ]
    episodes = next(row for row in rows if row[0] == "1.1")
    assert episodes[2:5] == ["no data", None, None]
    assert episodes[5] == 2
    notes = [row[0] for row in rows]
    assert "no data: the data starts in May 2018; a month before it has no figures (not zero)." in notes


def test_ssd_rows_say_not_in_this_source_in_every_column_and_json_marks_them(ssd_kind: Profile) -> None:
    data = ssd_kind.to_json_dict()
    flagged = {i["key"] for i in data["indicators"] if i.get("not_in_source")}
    assert flagged == NOT_IN_SSD
    for indicator in data["indicators"]:
        if indicator["key"] in NOT_IN_SSD:
            assert indicator["not_in_source"] is True
            assert list(indicator["values"]) == data["columns"]
            assert set(map(str, indicator["values"].values())) == {"{'count': None, 'denominator': None}"}
    lac = next(i for i in data["indicators"] if i["key"] == "episodes.lac")
    assert lac["values"]["2018-06"] == {"count": 1, "denominator": None}


def test_ssd_rows_in_the_text_table_csv_and_xlsx(ssd_kind: Profile, tmp_path: Path) -> None:
    text = render_text_table(ssd_kind)
    words = "not in this source"
    assert re.split(r"\s{2,}", table_line(text, "3.1"))[2:] == [words] * 4
    for ref in ("3.1", "3.2", "3.3", "5.3a", "5.3b", "6.7"):
        assert table_line(text, ref).count(words) == 4
    assert "not in this source (3.1, 3.2, 3.3, 5.3a, 5.3b, -, 6.7): the Standard Safeguarding Dataset" in text
    by_key = {row[1]: row[3:] for row in csv.reader(io.StringIO(render_csv(ssd_kind)))}
    assert by_key["rhi.completed_in_time"] == [words] * 8
    assert by_key["status.other_la"] == [words] * 8
    save_workbook(ssd_kind, tmp_path / "ssd.xlsx")
    rows = [[c.value for c in row] for row in load_workbook(tmp_path / "ssd.xlsx").active.iter_rows()]
    cse = next(row for row in rows if row[0] == "3.1")
    assert [cse[2 + 3 * i] for i in range(4)] == [words] * 4
    sheet = load_workbook(tmp_path / "ssd.xlsx").active
    hidden = [sheet.cell(row=r, column=1).value for r, d in sheet.row_dimensions.items() if d.hidden]
    assert "3.1" not in hidden  # shown, so that it says so
    assert "6.7" not in hidden


def test_disclosure_control_keeps_the_words_and_treats_no_absent_cell_as_small(ssd_kind: Profile) -> None:
    shown = suppress_profile(ssd_kind)
    for row in shown.rows:
        for column, cell in row.values.items():
            before = ssd_kind.row(row.indicator.key).values[column]
            if before.absence is not None:
                assert (cell.absence, cell.suppressed, cell.count) == (before.absence, False, None)
    assert shown.row("episodes.all").values["2018-05"].suppressed  # 2: a small count, withheld
    assert render_text_table(shown).count("not in this source") == 4 * 7 + 1


def test_an_absent_cell_is_not_a_revision_from_or_to_0(ssd_kind: Profile) -> None:
    def published(key: str, month: str, count: int) -> LastPublished:
        figure = PublishedFigure(MONTH_SCOPE, month, key, count, None, withheld=False, share_withheld=False)
        return LastPublished(figure, parse_month("2018-07"), 1, "2018-08-01T09:00:00")

    earlier = {
        ("2018-04", "episodes.all"): published("episodes.all", "2018-04", 0),  # an older digest said 0
        ("2018-05", "episodes.cse"): published("episodes.cse", "2018-05", 1),  # from an extract, before SSD
        ("2018-05", "episodes.all"): published("episodes.all", "2018-05", 9),
    }
    revisions = compute_revisions(ssd_kind, earlier, RevisionThreshold(count=1), set())
    assert [(r.key, r.old, r.new) for r in revisions] == [("episodes.all", "9", "2")]


def test_ssd_digest_headlines_say_not_in_this_source_and_its_charts_are_left_out(
    store: SnapshotStore, config: Config, ssd_kind: Profile
) -> None:
    digest = compute_digest(ssd_kind, None, 4, 0, 0)
    cse = digest.episodes[2]
    assert (cse.shown, cse.label, cse.comparisons, cse.absence) == (
        "not in this source",
        "of which at CSE risk",
        "",
        Absence.NOT_IN_SOURCE,
    )
    assert cse.describe() == "of which at CSE risk: not in this source"
    assert [f.shown for f in digest.rhi] == ["100%", "100%", "not in this source"]
    charts = compute_chart_data(ssd_kind, load_earlier_years(store, config, ssd_kind))
    left_out = {c.name: c.describe_left_out() for c in charts if c.absence}
    assert left_out == {
        "rhi-in-time": "Return home interviews completed in time, Jun-18: not in this source.",
        "trend-rhi-in-time": "Return home interviews completed in time, May-18 to Jun-18: not in this source.",
    }


def test_a_digest_of_a_month_before_the_data_has_no_chart_and_no_0(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    april = load_profile(store, config, parse_month("2018-04"), ingest_from_may(store, config, write_extract))
    digest = compute_digest(april, None, 4, 0, 0)
    assert {f.shown for f in [*digest.episodes, *digest.children, *digest.rhi, digest.still_missing]} == {"no data"}
    assert digest.still_missing.describe() == "still missing at the end of the month: no data"
    charts = compute_chart_data(april, [])
    assert all(c.absence == Absence.NO_DATA and not c.series for c in charts)
    assert charts[0].describe_left_out() == "Number of days missing, Apr-18: no data. The data starts in May-18."
    assert charts[-1].describe_left_out() == (
        "Return home interviews completed in time, Apr-18: no data. The data starts in May-18."
    )
