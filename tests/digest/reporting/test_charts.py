"""What each chart of the reference June 2019 report shows, and that the PNGs are sharp yet small enough to upload."""

from __future__ import annotations

import struct
from dataclasses import replace
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.reporting.chart_data import compute_chart_data
from digest.reporting.charts import CHART_DPI, MAX_CHART_PNG_BYTES, render_chart
from digest.reporting.content import ChartData
from digest.reporting.disclosure import suppress_profile
from digest.reporting.profile import Profile
from digest.store.snapshots import SnapshotStore
from tests.conftest import profile_of, write_csv
from tests.fixtures.reference_june_2019 import AS_AT, HEADERS, build_rows


@pytest.fixture
def reference(store: SnapshotStore, config: Config, tmp_path: Path) -> Profile:
    return profile_of(store, config, write_csv(tmp_path / "reference.csv", build_rows(), HEADERS), "2019-06", AS_AT)


def chart(profile: Profile, name: str) -> ChartData:
    return next(c for c in compute_chart_data(profile, []) if c.name == name)


def test_ethnicity_bars_name_code_and_label_and_leave_out_codes_zero_all_year(reference: Profile) -> None:
    ethnicity = chart(reference, "ethnicity")
    assert ethnicity.title == "Ethnicity, Jun-19 (of 116 episodes)"
    assert ethnicity.labels == [
        "A1 White British",
        "A3 Any other White background",
        "A5 Gypsy / Roma",
        "B1 White and Black Caribbean",
        "B2 White and Black African",
        "B3 White and Asian",
        "B4 Any other mixed background",
        "C2 Pakistani",
        "C4 Any other Asian background",
        "D2 African",
        "E2 Any other ethnic group",
        "E4 Not obtained / recorded",
    ]  # A2, A4, C1, ... are zero in every month: no bar
    assert ethnicity.series[0].values == [97, 0, 4, 0, 0, 0, 1, 2, 0, 0, 1, 11]


def test_each_chart_title_names_its_base(reference: Profile) -> None:
    titles = {c.name: c.title for c in compute_chart_data(reference, []) if c.group == "profile"}
    assert titles["rhi-in-time"] == "Return home interviews completed in time, Jun-19 (of 71 accepted)"
    assert titles["age"] == "Age, Jun-19 (of 116 episodes)"
    assert chart(reference, "rhi-in-time").labels == ["In time", "Not in time"]  # "not yet due" was none all year


def test_suppressed_charts_carry_no_small_value_and_draw_none(reference: Profile) -> None:
    hidden = suppress_profile(reference)
    ethnicity = chart(hidden, "ethnicity")
    assert ethnicity.series[0].values[:3] == [97, 0, None]  # A5's 4 is withheld, zero stays zero
    for data in compute_chart_data(hidden, []):
        for series in data.series:
            assert not [v for v in series.values if v is not None and 0 < v < 6], data.name
    alt = next(render_chart(data) for data in compute_chart_data(hidden, []) if data.name == "ethnicity").alt_text
    assert "A5 Gypsy / Roma: c;" in alt


def test_pngs_are_drawn_at_twice_the_resolution_within_the_upload_budget(reference: Profile) -> None:
    charts = [render_chart(data) for data in compute_chart_data(reference, [])]
    assert CHART_DPI == 200
    for drawn in charts:
        width, height = struct.unpack(">II", drawn.png[16:24])  # the PNG header's IHDR
        assert width == 1600
        assert height >= 900
        assert len(drawn.png) <= MAX_CHART_PNG_BYTES, drawn.file_name
    trend = next(c for c in charts if c.file_name == "trend-rhi-in-time.png")
    assert "In time share: Apr-19 70%, May-19 86%, Jun-19 69%." in trend.alt_text


def test_a_chart_is_drawn_once_for_the_same_numbers_and_anew_when_they_change(reference: Profile) -> None:
    data = next(d for d in compute_chart_data(reference, []) if d.name == "gender")
    first, again = render_chart(data), render_chart(replace(data))
    assert again is first  # Slack, Teams and the outbox share one drawing of the same digest
    changed = replace(data, series=[replace(data.series[0], values=[(v or 0) + 1 for v in data.series[0].values])])
    redrawn = render_chart(changed)
    assert redrawn.png != first.png
    assert render_chart(replace(data, title=data.title + " (revised)")).png != first.png
