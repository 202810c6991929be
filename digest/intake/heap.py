"""The C heap kept for the length of an ingest, not handed back to the system after each large array.

An ingest makes and drops hundreds of million-row arrays (a column of dates is 8 MB). glibc's malloc gives
any block over its mmap threshold (128 KiB at first, up to 32 MiB as it learns) pages of its own, and hands
them back on free; the next array then touches fresh pages, each one a page fault the kernel must zero. On
a million SSD episodes that was half of the ingest's system time and a good part of its user time (the
faults also flush caches). While an ingest runs, blocks up to 32 MiB come from the heap instead, and the
heap keeps what is freed for the next array; afterwards the defaults are put back and the heap trimmed, so
a long-running process (the drop folder's watcher, the scheduler) does not keep its peak. Where the C
library is not glibc (musl, macOS), nothing is changed.

The SSD reader has Arrow's buffers come from that heap too (arrow_on_heap: Arrow's system pool) rather than
Arrow's own allocator (mimalloc), which hands freed memory back to the system within milliseconds, in huge
pages, so that each column Arrow made was fresh pages the kernel zeroed, 2 MB at a time: sampled on a million
SSD episodes, some 15% of the ingest's CPU time, 3% after, for the same peak memory. The extract's reader
keeps mimalloc: reading a 121 MB file whole, Arrow's growing columns left the heap full of holes (a peak of
1 GB, from 660 MB).

Python's own collector is told to leave the objects that exist when the ingest starts (every module's, a
few hundred thousand) out of its collections while it runs (gc.freeze): they live as long as the process,
and walking them again in each of some 400 collections cost 0.05 s of a million-row ingest.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import threading
from collections.abc import Iterator
from typing import Any

# mallopt parameters (glibc's malloc.h) and the values used while an ingest runs.
M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3
INGEST_MMAP_THRESHOLD_BYTES = 32 << 20  # glibc's largest: blocks below this come from the heap
INGEST_TRIM_THRESHOLD_BYTES = 1 << 30  # free memory the heap may keep before giving any back
INGEST_TOP_PAD_BYTES = 64 << 20  # extra the heap grows by each time, so it grows seldom
# glibc's defaults, put back after the ingest (its mmap threshold then stays fixed, not learnt).
DEFAULT_MMAP_THRESHOLD_BYTES = 128 << 10
DEFAULT_TRIM_THRESHOLD_BYTES = 128 << 10
DEFAULT_TOP_PAD_BYTES = 128 << 10

_lock = threading.Lock()
_users = 0
_arrow_users = 0
_arrow_pools: list[Any] = []  # Arrow's pool from before, while a body of arrow_on_heap runs


def _glibc() -> ctypes.CDLL | None:
    """The C library this process runs on, if it is glibc (the program's own symbols: no search for a file)."""
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 (only glibc has it)
    except (OSError, AttributeError):
        return None
    return libc


@contextlib.contextmanager
def large_heap() -> Iterator[None]:
    """Run the body with glibc's heap tuned for large arrays made and dropped by the hundred (nested or
    concurrent bodies share one tuning, undone when the last leaves)."""
    global _users
    libc = _glibc()
    if libc is None:
        yield
        return
    with _lock:
        _users += 1
        if _users == 1:
            libc.mallopt(M_MMAP_THRESHOLD, INGEST_MMAP_THRESHOLD_BYTES)
            libc.mallopt(M_TRIM_THRESHOLD, INGEST_TRIM_THRESHOLD_BYTES)
            libc.mallopt(M_TOP_PAD, INGEST_TOP_PAD_BYTES)
            gc.freeze()  # the objects made so far (modules, config) are not walked by every collection
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                libc.mallopt(M_MMAP_THRESHOLD, DEFAULT_MMAP_THRESHOLD_BYTES)
                libc.mallopt(M_TRIM_THRESHOLD, DEFAULT_TRIM_THRESHOLD_BYTES)
                libc.mallopt(M_TOP_PAD, DEFAULT_TOP_PAD_BYTES)
                gc.unfreeze()
                libc.malloc_trim(0)


@contextlib.contextmanager
def arrow_on_heap() -> Iterator[None]:
    """Run the body (inside large_heap) with Arrow's buffers from the C heap: its system pool, where glibc's is
    the C library (nested or concurrent bodies share it, Arrow's own pool back when the last leaves). Buffers
    made before or after keep the pool they came from."""
    global _arrow_users
    if _glibc() is None:
        yield
        return
    import pyarrow as pa  # every ingest has it imported already; this module's other users need not

    with _lock:
        _arrow_users += 1
        if _arrow_users == 1:
            _arrow_pools.append(pa.default_memory_pool())
            pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        with _lock:
            _arrow_users -= 1
            if _arrow_users == 0:
                pa.set_memory_pool(_arrow_pools.pop())
