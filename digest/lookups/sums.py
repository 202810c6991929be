"""A check that figures add up, asked beside them ("all episodes month by month, and do they sum to the 375 YTD",
"does 3.1 agree?", "is the YTD for LAC just April+May+June?"): the figures are answered and the check left to the
asker, who sees them side by side (each row's definition, "define 1.2", says how it is counted, and why children do
not add up over months). Read as they were, the check's words were not understood and the whole was refused.
"""

from __future__ import annotations

import re

_CHECKED = r"(?:add|adds|sum|sums|total|totals|reconcile|reconciles|match|matches|tally|tallies|agree|agrees)"
_SUM_CHECK = re.compile(
    r"(?i)"
    # "... and do they sum to the 375 YTD", "- do they add back to the 109 accepted?", "does 3.1 agree?"
    rf"(?:[,;:\-–—]\s*|\s+and\s+)(?:do|does|did)\s+(?:they|these|those|it|that|[\d.]+[ab]?|the\s+\w+(?:\s+rows?)?)\s+"
    rf"(?:all\s+)?{_CHECKED}\b(?:\s+up)?(?:\s+(?:back\s+)?(?:to|with))?(?:[^?.;]|\.(?=\d))*"
)
# "is the YTD for LAC episodes just April+May+June?": the year to date asked, its months beside it
_JUST_ITS_MONTHS = re.compile(r"(?i)\bjust\s+(?:[a-z]{3,9}\s*\+\s*)+[a-z]{3,9}\b")
_ASKED_AS_CHECK = re.compile(r"(?i)^\W*is\s+(?=the\s+(?:ytd|year\s+to\s+date|total)\b)")


def without_sum_checks(text: str) -> str:
    """The question without a check that its figures add up."""
    if _ASKED_AS_CHECK.match(text) and _JUST_ITS_MONTHS.search(text):
        return _ASKED_AS_CHECK.sub(" ", _JUST_ITS_MONTHS.sub(" ", text))
    checked = _SUM_CHECK.sub(" ", text)
    if checked == text or not re.search(r"[^\W\d_]", checked):  # nothing but the check: left as asked
        return text
    return checked
