"""One finding of `missing-report doctor`: what was checked, what was found, and how to fix it if it failed."""

from __future__ import annotations

from dataclasses import dataclass

PASSED, FAILED, NOT_SET_UP = "ok", "FAIL", "off"  # NOT_SET_UP: optional, and not configured; not a failure


@dataclass(frozen=True)
class Check:
    state: str  # PASSED, FAILED or NOT_SET_UP
    name: str  # what was checked: "Slack token", "Store"
    finding: str  # what was found, in words; never a secret
    fix: str = ""  # for a failure: what to do about it

    @property
    def failed(self) -> bool:
        return self.state == FAILED
