"""Another area's figures asked beside this council's ("our LAC episodes in June - and how does that sit against
England?", "what's our episodes-per-child, national is 6.8", "Jun v May - SN trend is flat, are we dropping?"): the
report holds this council's figures only, so the part of the question about the others is left out and the answer
says so, rather than the whole question refused.
"""

from __future__ import annotations

import re

from digest.lookups.periods import read_periods

# Words naming another area's or the nation's figures. Not "other councils", "neighbouring LAs" or "our neighbours",
# who place children here (the report's other-LA row); not "the regional return" or "the regional manager" (what a
# figure is for, or who asks); not "in the region of 70" (about 70); not "our benchmark month".
_ELSEWHERE = re.compile(
    r"(?i)\b(?:england|english\s+average|national(?:ly)?|nationwide|sns?|stat(?:istical)?\s+neighbou?rs?"
    r"|regional(?:ly)?(?!\s+(?:return|submission|meeting|board|forum|report|manager|lead|team|office|director|panel))"
    r"|(?:against|versus|vs\.?|v|with|to)\s+the\s+region\b(?!\s+of)|the\s+region'?s\s+(?:average|figures?|rates?)"
    r"|comparators?|benchmarking|benchmark(?:ed)?\s+(?:against|with|to)|similar\s+(?:las?|councils?|authorities)|la\s+average)\b"
)
# A part naming what the report counts is the question's own, whatever else it says ("how many LAC episodes in
# England": refused whole, as asking for what the report does not hold).
_COUNTED = re.compile(
    r"(?i)\b(?:episodes?|eps|children|child|kids?|young\s+people|missing|lac|cla|cse|rhis?|interviews?|returns?|"
    r"girls|boys|ages?|ethnicity|distance)\b"
)
# Where a question's parts meet: a dash, a stop, a comma, a bracket, "and how does that ...", "against", "compared
# with".
_PARTS = re.compile(
    r"(?i)(\s+[-–]+\s+|[;?!]+\s*|,\s*|\.\s+|\s*[()]\s*|\s+(?:and\s+)?(?:how|where)\s+(?:does|do|is|are|would|will)\s+"
    r"(?:that|this|it|we|they)\s+|\s+(?:vs\.?|v|versus|against|compared\s+(?:to|with))\s+)"
)


def without_benchmark(text: str) -> tuple[str, bool]:
    """The question without its parts naming another area's figures, and whether it had any; the text unchanged
    when nothing else is left (it is then refused as asking for what the report does not hold)."""
    if not _ELSEWHERE.search(text):
        return text, False
    pieces = _PARTS.split(text)  # part, separator, part, ...
    kept: list[str] = []
    periods: list[str] = []  # a period said only in a part left out ("... compare to the SN average for May?")
    for n in range(0, len(pieces), 2):
        part = pieces[n]
        if _ELSEWHERE.search(part) and not _COUNTED.search(part):
            periods += _period_words(part)
            continue  # and the separator before it ("... compared to England")
        if n and kept:
            kept.append(pieces[n - 1])
        kept.append(part)
    left = "".join(kept).strip(" ,-–()")
    if not re.search(r"\w", left) or left == text.strip(" ,-–"):
        return text, False
    if periods and not read_periods(left.lower())[0]:
        left = f"{left} {' '.join(periods)}"
    return left + ("?" if "?" in text and not left.endswith("?") else ""), True


def _period_words(part: str) -> list[str]:
    """The words of part naming a period ("for May", "for Q1", "for 2019/20"), as typed."""
    said, rest, _ = read_periods(part.lower())
    if not said:
        return []
    left = rest.split()
    return [word for word in part.split() if word.lower().strip("?.,!") not in left]
