"""The fast (Arrow) CSV reader gives the ingest exactly what pandas' reader gave, and steps aside when it would not."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.contract.config import Config
from digest.intake.csv_tables import PYTHON_WHITESPACE, read_csv_table, trim_arrow_text
from digest.intake.demo import default_shape, generate_extract
from digest.intake.ingest import ingest_extract
from digest.intake.raw_rows import read_raw_rows
from digest.store.snapshots import SnapshotStore, open_store

AS_AT = dt.datetime(2019, 7, 18, 9, 0)


def test_arrow_trims_exactly_the_characters_python_strips() -> None:
    python_strips = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert python_strips == PYTHON_WHITESPACE


def test_files_pandas_must_read_are_left_to_it(tmp_path: Path) -> None:
    blank_line, short_row, long_row = tmp_path / "blank.csv", tmp_path / "short.csv", tmp_path / "long.csv"
    blank_line.write_text("a,b\n1,2\n\n3,4\n")
    short_row.write_text("a,b\n1\n")
    long_row.write_text("a,b\n1,2,3\n")
    table = read_csv_table(blank_line, "utf-8-sig")
    assert table is not None
    assert table.to_pylist()[2] == {"f0": "", "f1": ""}  # a blank row, counted, as pandas counts it
    assert read_csv_table(short_row, "utf-8-sig") is None
    assert read_csv_table(long_row, "utf-8-sig") is None
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("1,2\n007,\n")
    table = read_csv_table(numbers, "utf-8-sig")
    assert table is not None
    assert table.to_pylist() == [{"f0": "1", "f1": "2"}, {"f0": "007", "f1": ""}]  # text as written, no guessing
    assert read_csv_table(blank_line, "cp1252") is None
    assert read_csv_table(blank_line, "utf-8-sig", max_bytes=blank_line.stat().st_size - 1) is None  # too big


def stored(store: SnapshotStore, snapshot_id: int) -> tuple[object, ...]:
    """Everything an ingest stores about a file, but its name and times."""
    info = store.get_snapshot(snapshot_id)
    episodes = store.load_episodes(snapshot_id)
    figures = store.db.execute(
        "SELECT scope, month, key, count, denominator FROM indicator_values WHERE snapshot_id = ? "
        "ORDER BY scope, month, key",
        [snapshot_id],
    ).fetchall()
    return (
        (info.rows_read, info.rows_accepted, info.rows_rejected, info.first_month, info.last_month),
        episodes.astype(object).where(episodes.notna(), None).to_dict("list"),  # NaN is not equal to NaN
        store.load_rejected(snapshot_id),
        store.load_unrecognised(snapshot_id).to_dict("list"),
        figures,
        list(read_raw_rows(store, snapshot_id)),
    )


def test_both_readers_store_the_same_snapshot(config: Config, tmp_path: Path) -> None:
    """The demo extract (with its flaws, blanks and spaces added at cell ends) read by Arrow, and again with its
    last line cut short, which leaves it to pandas (pandas reads the missing cells as blank): the same
    episodes, rejections, odd values, figures and raw rows."""
    frame = generate_extract(default_shape(AS_AT, months=4), AS_AT)
    frame.loc[frame.index % 7 == 0, "Gender"] = " Female\u00a0"
    frame.loc[frame.index % 11 == 0, "Care Status"] = "\tLAC "
    arrow_file, pandas_file = tmp_path / "arrow.csv", tmp_path / "pandas.csv"
    frame.to_csv(arrow_file, index=False)
    text = arrow_file.read_text()
    arrow_file.write_text(text + "E-last," + "," * (len(frame.columns) - 2) + "\n")
    pandas_file.write_text(text + "E-last\n")
    assert read_csv_table(arrow_file, "utf-8-sig") is not None
    assert read_csv_table(pandas_file, "utf-8-sig") is None

    results = []
    for path in (arrow_file, pandas_file):
        with open_store(tmp_path / f"{path.stem}.db") as store:
            report = ingest_extract(store, path, AS_AT, config)
            results.append(stored(store, report.snapshot_id))
    assert results[0][0][:3] == (len(frame) + 1, len(frame) - 2, 3)  # the demo's two flaws and the last line
    for arrow_part, pandas_part in zip(*results, strict=True):
        assert arrow_part == pandas_part


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.sampled_from(PYTHON_WHITESPACE + "ab é\u00a0"), max_size=3),
            st.text(max_size=6),
            st.text(alphabet=st.sampled_from(PYTHON_WHITESPACE + "z\u3000€"), max_size=3),
        ).map("".join),
        max_size=30,
    ),
    st.integers(0, 5),
    st.booleans(),
)
def test_trimming_in_arrow_is_python_strip(cells: list[str], cut: int, large: bool) -> None:
    """Trimmed in Arrow (skipped where no cell can need it), each cell is what str.strip() makes of it; also for
    a slice of an array and for text in several chunks."""
    kind = pa.large_string() if large else pa.string()
    text = pa.array(cells, type=kind).slice(min(cut, len(cells)))
    assert trim_arrow_text(text).to_pylist() == [cell.strip() for cell in cells[min(cut, len(cells)) :]]
    chunked = pa.chunked_array([pa.array(cells[:cut], type=kind), pa.array(cells[cut:], type=kind)])
    assert trim_arrow_text(chunked).to_pylist() == [cell.strip() for cell in cells]


def test_text_with_nothing_to_trim_is_given_back_as_it_is() -> None:
    clean = pa.array(["M1", "2019-06-01 10:00:00.000", "", "Zoë"])
    assert trim_arrow_text(clean) is clean
    assert trim_arrow_text(pa.array(["M1", "M2\u00a0"])).to_pylist() == ["M1", "M2"]
