"""While an ingest runs, million-row arrays made and dropped reuse the heap's pages instead of faulting in
fresh ones each time, Arrow's among them; afterwards glibc's defaults and Arrow's own pool are back."""

from __future__ import annotations

import gc
import resource

import numpy as np
import pyarrow as pa
import pytest

from digest.intake.heap import _glibc, large_heap


def page_faults_of_churn() -> int:
    """Minor page faults while arrays of 2 to 24 MB are made, summed and dropped, as an ingest's columns are."""
    rng = np.random.default_rng(24)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(15):
        arrays = [np.ones(int(n)) for n in rng.integers(300_000, 3_000_000, 6)]
        assert sum(float(a.sum()) for a in arrays) > 0
        del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(_glibc() is None, reason="the heap is tuned only under glibc")
def test_an_ingest_heap_keeps_its_pages_and_hands_them_back_after() -> None:
    page_faults_of_churn()  # the heap as any earlier test left it
    outside = page_faults_of_churn()
    arrow_pool = pa.default_memory_pool().backend_name
    with large_heap(), large_heap():  # nested (or two ingests at once): one tuning
        inside = page_faults_of_churn()
        assert gc.get_freeze_count() > 0  # the objects from before are left out of collections
        assert pa.default_memory_pool().backend_name == "system"  # Arrow's buffers from the same heap
    after = page_faults_of_churn()
    assert gc.get_freeze_count() == 0
    assert pa.default_memory_pool().backend_name == arrow_pool
    assert inside * 4 < outside
    assert inside * 4 < after  # the defaults are back: freed pages go back to the system
