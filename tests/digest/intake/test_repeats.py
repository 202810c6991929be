"""The repeated-id check is pandas' duplicated(), only quicker when no id repeats: whatever the ids (one row
or many, blank, long, sharing their first bytes, in several chunks), it marks the same rows (property over
generated columns)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.intake.csv_tables import TEXT
from digest.intake.repeats import MAX_FINGERPRINT_BYTES, find_repeats

# Ids alike in their first eight bytes, in their length, or only in a trailing NUL; some past the longest
# fingerprinted id; any other text.
IDS = (
    st.sampled_from(["", "1", "01", "M1", "M10", "12345678", "123456789", "1234567890123456", "M1\x00", "é", "e"])
    | st.text(max_size=20)
    | st.text(alphabet="ab", min_size=MAX_FINGERPRINT_BYTES - 2, max_size=MAX_FINGERPRINT_BYTES + 2)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(IDS, max_size=30), min_size=1, max_size=4), st.booleans())
def test_repeats_are_what_pandas_duplicated_finds(chunks: list[list[str]], distinct: bool) -> None:
    if distinct:  # the case settled by fingerprints alone
        seen: set[str] = set()
        chunks = [[i for i in chunk if not (i in seen or seen.add(i))] for chunk in chunks]
    ids = pd.Series(pa.chunked_array([pa.array(chunk, type=pa.string()) for chunk in chunks]), dtype=TEXT)
    found = find_repeats(ids)
    assert found.tolist() == ids.duplicated().tolist()
    assert found.index.equals(ids.index)


def test_a_million_distinct_ids_and_one_repeat() -> None:
    ids = [f"M{i}" for i in range(1_000_000)]
    distinct = pd.Series(pa.array(ids), dtype=TEXT)
    assert not find_repeats(distinct).any()
    repeated = pd.Series(pa.array([*ids, "M999999", "M0"]), dtype=TEXT)
    assert find_repeats(repeated)[lambda flags: flags].index.tolist() == [1_000_000, 1_000_001]


def test_python_text_is_checked_as_pandas_does() -> None:
    ids = pd.Series(["A1", " A1", "A1", ""], dtype=object)  # pandas' own reader's text
    assert find_repeats(ids).tolist() == [False, False, True, False]
