"""Files the deliveries write beside the store: whole or not at all, so that a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from digest.figures.periods import month_key

if TYPE_CHECKING:
    from digest.reporting.content import Digest


def save_workbook(folder: Path, digest: Digest) -> Path:
    """Write the digest's full table (XLSX) into folder/YYYY-MM/; returns its path."""
    target = folder / month_key(digest.month) / digest.workbook_name
    target.parent.mkdir(parents=True, exist_ok=True)
    write_whole(target, digest.workbook)
    return target


def write_whole(path: Path, content: bytes) -> None:
    """Write whole or not at all: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
