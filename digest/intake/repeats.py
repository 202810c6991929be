"""Which ids repeat an earlier row's: the extract's duplicate check, settled without hashing a million ids
when none repeats.

Each cell of Arrow text gets a 64-bit fingerprint of its bytes and length; equal cells always have equal
fingerprints, so when the sorted fingerprints hold no two alike, no id repeats (a column of distinct ids,
the usual case, in a few hundredths of a second: sorting a million numbers is quicker than a hash table of
a million strings). Otherwise, and for text that is not Arrow's, pandas' own duplicated() decides, exactly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from digest.contract.text_bytes import WORD_BYTES, gather_words, text_bytes
from digest.intake.csv_tables import TEXT

MAX_FINGERPRINT_BYTES = 64  # a column with a longer id is left to pandas: more words to read than it saves
_MIX = np.uint64(0x9E37_79B9_7F4A_7C15)  # an odd multiplier (2**64 over the golden ratio) spreading each word


def find_repeats(ids: pd.Series) -> pd.Series:
    """Whether each id equals an earlier one (True from its second appearance on), as ids.duplicated()."""
    fingerprints = _fingerprints(ids)
    if fingerprints is not None:
        ordered = np.sort(fingerprints)
        if not (ordered[1:] == ordered[:-1]).any():
            return pd.Series(False, index=ids.index)
    repeated: pd.Series = ids.duplicated()
    return repeated


def _fingerprints(ids: pd.Series) -> np.ndarray | None:
    """Each cell's fingerprint; None where the column is not Arrow text without gaps, or an id is too long."""
    if ids.dtype != TEXT:
        return None
    text = pa.array(ids.array)  # the Arrow array itself: no copy
    parts = []
    for chunk in text.chunks if isinstance(text, pa.ChunkedArray) else [text]:
        if chunk.null_count:
            return None
        offsets, data = text_bytes(chunk)
        starts, widths = offsets[:-1], np.diff(offsets)
        widest = int(widths.max()) if len(widths) else 0
        if widest > MAX_FINGERPRINT_BYTES:
            return None
        fingerprint = widths.astype(np.uint64)
        for word in range(0, widest, WORD_BYTES):
            # Only the cell's own words: a cell's fingerprint does not depend on the longest in its chunk.
            mixed = fingerprint * _MIX + gather_words(data, starts + word, widths - word)
            fingerprint = mixed if word == 0 else np.where(widths > word, mixed, fingerprint)
        parts.append(fingerprint)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
