"""Who owns a claimed row (a digest run, an alert being sent): this process, and whether an owner is gone.

An owner is "host:pid". A process of this machine that no longer exists has certainly stopped
working on what it claimed; an owner on another machine cannot be checked, so leases decide there.
"""

from __future__ import annotations

import os
import socket


def this_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_is_gone(owner: str | None) -> bool:
    """True only when the owner ("host:pid") is a process of this machine that no longer exists."""
    host, _, pid = (owner or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it exists, as another user's process
    return False
