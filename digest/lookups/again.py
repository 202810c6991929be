"""A figure asked and then "the same" for another row or period in the same message ("LAC episodes for June, and the
same for CSE?", "girls in May - same for boys please", "gender breakdown for June and the same for YTD"): both are
answered side by side, as one question naming both would be. The second part had been read as words of the first
(answering one of the two, or another figure) or refused.
"""

from __future__ import annotations

import re

# "..., and the same for CSE?", "- same again for accepted", "? same comparison for all episodes", "same for May pls"
_SAME_FOR = re.compile(
    r"(?i)[\s,;:?.!–-]*\b(?:and\s+|but\s+|also\s+|plus\s+|then\s+)?(?:(?:can|could)\s+(?:i|you|we)\s+(?:have|get|do)\s+)?"
    r"(?:the\s+)?same\s+(?:again\s+|comparison\s+|thing\s+|figures?\s+|breakdown\s+|split\s+|question\s+)?for\s+"
    r"(?P<other>.+?)[\s,]*(?:please|pls|plz|thanks|thx|ta|too|as\s+well)?[\s?.!]*$"
)


def split_same_for(text: str) -> tuple[str, str] | None:
    """The first question and what the second asks "the same" for, or None when the message asks no such thing (or
    says nothing before it)."""
    said = _SAME_FOR.search(text)
    if said is None:
        return None
    first, other = text[: said.start()].strip(" ,;:-–"), said.group("other").strip(" ,;:-–?.!")
    return (first, other) if first and other else None
