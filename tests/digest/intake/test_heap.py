"""While an ingest runs, million-row arrays made and dropped reuse the heap's pages instead of faulting in
fresh ones each time (for an SSD export, Arrow's among them); afterwards glibc's defaults and Arrow's own pool
are back."""

from __future__ import annotations

import gc
import resource

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from digest.intake.heap import _glibc, arrow_on_heap, large_heap


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
    with large_heap(), large_heap():  # nested (or two ingests at once): one tuning
        inside = page_faults_of_churn()
        assert gc.get_freeze_count() > 0  # the objects from before are left out of collections
    after = page_faults_of_churn()
    assert gc.get_freeze_count() == 0
    assert inside * 4 < outside
    assert inside * 4 < after  # the defaults are back: freed pages go back to the system


@pytest.mark.skipif(_glibc() is None, reason="the heap is tuned only under glibc")
def test_arrow_allocates_from_the_heap_while_an_ssd_export_is_read_and_from_its_own_pool_after() -> None:
    own = pa.default_memory_pool().backend_name
    with large_heap(), arrow_on_heap(), arrow_on_heap():
        assert pa.default_memory_pool().backend_name == "system"
        column = pc.add(pa.array(np.arange(1_000_000)), 1)  # a buffer Arrow makes (numpy's is only borrowed)
        assert pa.system_memory_pool().bytes_allocated() >= column.nbytes
    assert pa.default_memory_pool().backend_name == own != "system"
    assert pc.sum(column).as_py() == 500_000_500_000  # a buffer made inside lives on after, in its own pool
