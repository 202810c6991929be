"""Arrow text read as bytes in whole-array numpy arithmetic: each cell's place in the data, and eight of its
bytes at a time as one number. The date reader (fixed_width_dates.py) and the repeated-id check
(digest/intake/repeats.py) look at a million cells this way without making a Python string of any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pyarrow as pa

WORD_BYTES = 8
_ALL_BYTES = np.uint64(0xFFFF_FFFF_FFFF_FFFF)
_TAIL_BYTES = 32  # zeros after the data's end, so that a word starting in its last bytes can be read whole


def text_bytes(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The cells' offsets into the data (int64, one more than the cells: cell i is data[offsets[i]:offsets[i + 1]])
    and the data (uint8). text: Arrow string or large_string (a null cell reads as blank)."""
    import pyarrow as pa

    text = text.cast(pa.large_string())
    _, offsets_buffer, data_buffer = text.buffers()
    if offsets_buffer is None:  # an empty array may have none
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint8)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64, count=len(text) + 1, offset=text.offset * 8)
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.zeros(0, dtype=np.uint8)
    return offsets, data


def gather_words(data: np.ndarray, starts: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The 8 bytes of data from each start as one little-endian word, only the first keep of them (the rest,
    and any past the end of data, 0)."""
    if len(data) < WORD_BYTES:
        data = np.concatenate([data, np.zeros(WORD_BYTES, dtype=np.uint8)])
    eights = np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))  # element i: bytes i..i+7
    last = len(data) - WORD_BYTES
    words = eights[np.minimum(starts, last)]
    over = np.flatnonzero(starts > last)  # the last cell or two: read from a padded copy of data's end
    if len(over):
        tail = np.concatenate([data[last:], np.zeros(_TAIL_BYTES, dtype=np.uint8)])
        tail_words = np.ndarray(shape=(len(tail) - 7,), dtype="<u8", buffer=tail, strides=(1,))
        words[over] = tail_words[np.minimum(starts[over] - last, len(tail) - WORD_BYTES)]
    keep = np.clip(keep, 0, WORD_BYTES)
    return np.where(keep == 0, np.uint64(0), words & (_ALL_BYTES >> ((WORD_BYTES - keep) * 8).astype(np.uint64)))
