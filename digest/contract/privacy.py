"""Files that hold children's data (the store, archived and rejected extracts, notes beside them) are
readable by their owner only: created 0600, in folders created 0700, whatever the umask.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_FILE_MODE = 0o600  # owner read/write only
PRIVATE_FOLDER_MODE = 0o700  # owner only


def make_private_folder(folder: Path) -> None:
    """Create folder (and its parents) owner-only; a folder that already exists is left as it is."""
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(PRIVATE_FOLDER_MODE)  # mkdir's mode is narrowed by the umask, never widened


def make_private_file(path: Path) -> None:
    """Create path empty and owner-only if it does not exist; take group and other access from one that does.

    An existing file's owner bits are kept: a store made read-only on purpose stays read-only.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))
    except FileExistsError:
        narrow_to_owner(path)
        return
    path.chmod(PRIVATE_FILE_MODE)  # os.open's mode is narrowed by the umask, never widened


def narrow_to_owner(path: Path) -> None:
    """Take group and other access from a file this user owns (an existing store, say); owner bits kept."""
    status = path.stat()
    if status.st_uid == os.geteuid() and stat.S_IMODE(status.st_mode) & ~PRIVATE_FILE_MODE:
        path.chmod(stat.S_IMODE(status.st_mode) & PRIVATE_FILE_MODE)


def write_private_text(path: Path, text: str) -> None:
    """Write text to a new file at path, owner-only from the moment it exists."""
    with os.fdopen(os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, PRIVATE_FILE_MODE), "w") as handle:
        handle.write(text)
    path.chmod(PRIVATE_FILE_MODE)
