"""Why a figure moved ("why did CSE go up in June?", "what's behind the drop in episodes in June?", "what's driving
it"): the report counts what happened, not why, so the figures the question names are answered with a line saying it
holds no reasons, rather than the whole question refused.
"""

from __future__ import annotations

import re

_WHY = re.compile(
    r"(?i)\b(?:why|how\s+come|what(?:'s|s|\s+is|\s+was)\s+(?:behind|driving|causing|caused)|what\s+(?:drove|caused"
    r"|explains?)|(?:the\s+)?reasons?\s+(?:for|why|behind)|explain\s+why|which\s+group\s+(?:explains|is\s+driving))\b"
)
REASONS_NOT_HELD = (
    "The report counts what happened, not why: it holds no reasons, so these are the figures alone (the commentary "
    "may say more)."
)


def without_why(text: str) -> tuple[str, bool]:
    """The question without the words asking why, and whether it had them."""
    if _WHY.search(text) is None:
        return text, False
    return _WHY.sub(" ", text), True
