"""A question set as a quiz item ("True or false: LAC episodes fell in June", "Was June's LAC figure (a) 64, (b) 74 or
(c) 84?", "a, b or c - how many RHIs were accepted in June?", "Correct me if wrong - 53 kids in June?"): the quiz's
marks are taken out and the question read as asked, so the answer gives the figure, against which the asker marks
the options. A statement to mark true or false is read as a claim to check ("..., right?"), its figure checked
as any stated figure is.
"""

from __future__ import annotations

import re

# "True or false:", "T/F -", "true/false?", "fact or fiction:", "correct me if wrong -", "right or wrong:"
_QUIZ_OPENING = re.compile(
    r"(?i)(?:^|(?<=[.?!]\s)|(?<=^/missing\s))\W*(?:(?P<claim>true\s*(?:or|/)\s*false|t\s*/\s*f|fact\s+or\s+fiction"
    r"|right\s+or\s+wrong|correct\s+me\s+if\s+(?:i'?m\s+)?wrong)|a\s*,\s*b\s+or\s+c|multiple\s+choice)\b\s*[:?,\-–—]*\s*"
)
_OPTION = r"(?<![\w.])\(?[a-d]\)"  # "(a)", "a)"; never "5.3a)"
# The options offered: "(a) 64, (b) 74 or (c) 84", "is it (a) 2.6 (b) 5.9 (c) 8.4", "a) April b) May c) June"
_OPTIONS = re.compile(
    rf"(?i)[,:\-–—]?\s*(?:is\s+it\s+|was\s+it\s+)?{_OPTION}\s*[\w%./-]+(?:\s*,?\s*(?:or\s+)?{_OPTION}\s*[\w%./-]+)+"
    r"(?=\s*(?:\?|$))"
)


def without_quiz_marks(text: str) -> str:
    """The question without a quiz's opening words or its lettered options."""
    claim = any(match.group("claim") for match in _QUIZ_OPENING.finditer(text))
    asked = _OPTIONS.sub(" ", _QUIZ_OPENING.sub(" ", text)).strip()
    return f"{asked.rstrip('?.! ')}, right?" if claim else asked
