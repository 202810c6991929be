"""The trends cover the 13 months to the report month, with the same months a year earlier as a faint line,
from the snapshot's stored figures; months before the data are left out, never drawn as zero."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.figures.periods import month_key, parse_month
from digest.intake.ingest import ingest_extract
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.charts import render_chart
from digest.reporting.content import ChartData
from digest.reporting.digests import build_digest
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import load_earlier_years, load_profile
from digest.store.snapshots import SnapshotStore, open_store
from tests.conftest import episode, write_csv
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, build_rows

FIRST_HISTORY_MONTH = parse_month("2017-04")
HISTORY_MONTHS = 24  # April 2017 to March 2019, before the reference report's own three months
LATE_INTERVIEWS = {"2018-06": 2, "2018-07": 8}  # return home interviews done 10 days after the return


def history_rows() -> list[dict[str, str]]:
    """Two earlier financial years: in the i-th month from April 2017, 20 + i episodes, the first 10 + i % 4 LAC,
    each with a return home interview done the same day, but for the first few of LATE_INTERVIEWS' months."""
    rows = []
    for i in range(HISTORY_MONTHS):
        month = month_key(FIRST_HISTORY_MONTH + i)
        for n in range(20 + i):
            day = f"{month}-{n % 28 + 1:02d}"
            rows.append(
                episode(
                    episode_id=f"H{month}-{n}",
                    child_id=f"HC{month}-{n}",
                    missing_start=f"{day} 10:00",
                    missing_end=f"{day} 18:00",
                    rhi_completed=f"{month}-{n + 11:02d}" if n < LATE_INTERVIEWS.get(month, 0) else day,
                    care_status="LAC" if n < 10 + i % 4 else "CIN",
                )
            )
    return rows


@pytest.fixture(scope="module")
def history_store(tmp_path_factory: pytest.TempPathFactory, config: Config) -> SnapshotStore:
    """The reference extract (April to June 2019) with two years before it."""
    folder = tmp_path_factory.mktemp("history")
    extract = write_csv(folder / "extract.csv", history_rows() + build_rows(), HEADERS)
    store = open_store(folder / "store.db")
    ingest_extract(store, extract, AS_AT, config)
    return store


def trend(store: SnapshotStore, config: Config, month: str, name: str, suppress: bool = False) -> ChartData:
    profile = load_profile(store, config, parse_month(month))
    earlier = load_earlier_years(store, config, profile)
    if suppress:
        profile, earlier = suppress_profile(profile), [suppress_profile(year) for year in earlier]
    return next(c for c in compute_chart_data(profile, earlier) if c.name == name)


def shown(chart: ChartData) -> list[tuple[str, list[int | None]]]:
    return [(s.label, s.values) for s in chart.series]


def shown_year_ago(chart: ChartData) -> list[tuple[str, list[int | None]]]:
    return [(s.label, [v if s.is_known(i) else None for i, v in enumerate(s.values)]) for s in chart.year_ago]


def test_june_shows_the_13_months_to_june_and_the_same_months_a_year_earlier(
    history_store: SnapshotStore, config: Config
) -> None:
    chart = trend(history_store, config, "2019-06", "trend-episodes")
    assert chart.title == "Missing episodes, Jun-18 to Jun-19"
    assert chart.labels == [
        "Jun-18", "Jul-18", "Aug-18", "Sep-18", "Oct-18", "Nov-18", "Dec-18",
        "Jan-19", "Feb-19", "Mar-19", "Apr-19", "May-19", "Jun-19",
    ]  # fmt: skip
    assert shown(chart) == [
        ("All", [34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 129, 130, 116]),  # the reference report's Apr-Jun 2019
        ("LAC", [12, 13, 10, 11, 12, 13, 10, 11, 12, 13, 75, 87, 74]),
    ]
    assert shown_year_ago(chart) == [  # Jun-17 to Jun-18
        ("All, last year", [22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34]),
        ("LAC, last year", [12, 13, 10, 11, 12, 13, 10, 11, 12, 13, 10, 11, 12]),
    ]
    assert chart.note == ""  # the data reaches back two years: nothing left out


def test_april_shows_13_months_across_the_financial_year_boundary_not_one(
    history_store: SnapshotStore, config: Config
) -> None:
    chart = trend(history_store, config, "2019-04", "trend-episodes")
    assert chart.title == "Missing episodes, Apr-18 to Apr-19"
    assert len(chart.labels) == 13
    assert (chart.labels[0], chart.labels[-2], chart.labels[-1]) == ("Apr-18", "Mar-19", "Apr-19")
    assert shown(chart) == [
        ("All", [32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 129]),
        ("LAC", [10, 11, 12, 13, 10, 11, 12, 13, 10, 11, 12, 13, 75]),
    ]
    assert shown_year_ago(chart) == [  # Apr-17 to Apr-18: three financial years in one chart
        ("All, last year", [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]),
        ("LAC, last year", [10, 11, 12, 13, 10, 11, 12, 13, 10, 11, 12, 13, 10]),
    ]
    rhi = trend(history_store, config, "2019-04", "trend-rhi-in-time")
    assert shown(rhi) == [
        ("In time", [32, 33, 32, 27, 36, 37, 38, 39, 40, 41, 42, 43, 65]),
        ("Not in time", [0, 0, 2, 8, 0, 0, 0, 0, 0, 0, 0, 0, 28]),
    ]
    drawn = render_chart(rhi)
    assert "In time, last year (for the same months a year earlier): Apr-18 20, May-18 21," in drawn.alt_text


def test_the_reference_data_alone_leaves_out_the_months_before_it_starts(
    store: SnapshotStore, config: Config, tmp_path: Path
) -> None:
    ingest_extract(store, write_csv(tmp_path / "reference.csv", build_rows(), HEADERS), AS_AT, config)
    chart = trend(store, config, "2019-06", "trend-episodes")
    assert chart.title == "Missing episodes, Apr-19 to Jun-19"
    assert shown(chart) == [("All", [129, 130, 116]), ("LAC", [75, 87, 74])]  # no zero bars for Jun-18 to Mar-19
    assert chart.year_ago == []
    assert chart.note == "The data starts in Apr-19: no earlier month, and no last year, is shown."
    assert "The data starts in Apr-19" in render_chart(chart).alt_text


def test_last_years_line_starts_where_the_data_does(tmp_path: Path, config: Config) -> None:
    rows = [
        episode(episode_id=f"E{month}{n}", child_id=f"C{month}{n}", missing_start=f"{month}-0{n + 1} 10:00",
                missing_end=f"{month}-0{n + 1} 18:00", care_status="LAC" if n == 0 else "CIN")
        for month, count in {"2018-04": 2, "2018-05": 1, "2018-06": 3, "2019-04": 1, "2019-05": 2}.items()
        for n in range(count)
    ]  # fmt: skip
    store = open_store(tmp_path / "store.db")
    ingest_extract(store, write_csv(tmp_path / "extract.csv", rows), dt.datetime(2019, 7, 18), config)
    chart = trend(store, config, "2019-06", "trend-episodes")
    assert shown(chart)[0] == ("All", [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0])  # zero is a real zero here
    assert chart.year_ago[0].known_from == 10  # Apr-19's year ago is Apr-18, where the data starts
    assert shown_year_ago(chart)[0] == ("All, last year", [None] * 10 + [2, 1, 3])
    assert chart.note == "The data starts in Apr-18: last year's line starts there."
    alt = render_chart(chart).alt_text
    assert "All, last year (for the same months a year earlier): Jun-18 no data," in alt
    assert "Apr-19 2, May-19 1, Jun-19 3;" in alt

    hidden = trend(store, config, "2019-06", "trend-episodes", suppress=True)
    assert shown(hidden)[0] == ("All", [None, 0, 0, 0, 0, 0, 0, 0, 0, 0, None, None, 0])  # 3, 1 and 2 withheld
    assert shown_year_ago(hidden)[0] == ("All, last year", [None] * 13)
    digest = build_digest(store, config, parse_month("2019-06"), suppress=True)
    for data in digest.chart_data:
        for series in [*data.series, *data.year_ago]:
            assert not [v for v in series.values if v is not None and 0 < v < 6], (data.name, series.label)


def test_a_past_years_months_are_withheld_as_that_years_own_table_withholds_them(
    history_store: SnapshotStore, config: Config
) -> None:
    june = load_profile(history_store, config, parse_month("2019-06"))
    year_before = suppress_profile(load_earlier_years(history_store, config, june)[0])
    assert year_before.month == parse_month("2019-03")  # 2018/19's whole-year table
    chart = trend(history_store, config, "2019-06", "trend-rhi-in-time", suppress=True)
    in_time, late = shown(chart)
    # Jun-18's 2 late interviews are withheld; so are Jul-18's 8 (else 2018/19's total gives the 2 away), and
    # both months' in time (else their accepted interviews do): exactly as 2018/19's table withholds them.
    assert late == ("Not in time", [None, None, 0, 0, 0, 0, 0, 0, 0, 0, 28, 15, 22])
    assert in_time[1][:3] == [None, None, 36]
    for key, (_, values) in zip(("rhi.completed_in_time", "rhi.not_completed_in_time"), (in_time, late), strict=True):
        cells = [year_before.row(key).values[month_key(parse_month("2018-06") + i)] for i in range(10)]
        assert values[:10] == [None if cell.suppressed else cell.count for cell in cells]
    drawn = render_chart(chart)
    assert "Not in time: Jun-18 c, Jul-18 c, Aug-18 0," in drawn.alt_text


def test_a_month_asked_for_before_the_data_starts_is_left_out_saying_no_data(tmp_path: Path, config: Config) -> None:
    rows = [episode(missing_start="2018-06-05 10:00", missing_end="2018-06-05 18:00")]
    store = open_store(tmp_path / "store.db")
    ingest_extract(store, write_csv(tmp_path / "extract.csv", rows), dt.datetime(2019, 7, 18), config)
    chart = trend(store, config, "2018-04", "trend-episodes")  # the data starts in June 2018
    assert (chart.labels, shown(chart), chart.year_ago) == ([], [], [])  # no 0 bar: April has no data
    assert chart.describe_left_out() == "Missing episodes, Apr-18: no data. The data starts in Jun-18."
