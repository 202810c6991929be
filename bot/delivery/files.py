"""Files the deliveries write beside the store: whole or not at all, so that a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from digest.contract.privacy import make_private_folder
from digest.figures.periods import month_key

if TYPE_CHECKING:
    from digest.reporting.content import Digest


def save_workbook(folder: Path, digest: Digest) -> Path:
    """Write the digest's full table (XLSX) into folder/YYYY-MM/; returns its path."""
    target = folder / month_key(digest.month) / digest.workbook_name
    make_outbox_folder(target.parent)
    write_whole(target, digest.workbook)
    return target


def make_outbox_folder(folder: Path) -> None:
    """folder and the outbox above it, owner-only (0700) like the store's archive/ and rejected/: they hold
    the digest's figures and full table."""
    make_private_folder(folder.parent)
    make_private_folder(folder)


def write_whole(path: Path, content: bytes) -> None:
    """Write whole or not at all: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
