"""A term's meaning asked beside its figure ("what counts as a CSE episode and how many were there in June?", "how many
return home interviews were late last month? and what counts as late?", "what does 'same day return' mean and how
many were there in June?"): the figure is answered, with what its row counts said under it, rather than the
definition alone (which answered half the question) or a refusal.
"""

from __future__ import annotations

import re

# How a meaning is asked: "what counts as", "what does X mean (exactly)", "what is meant by", "definition of",
# "define", and "what's a/an X" when a figure is asked after it ("What's an RHI and how many in June?").
_MEANING_ASKED = re.compile(
    r"(?i)\bwhat\s+(?:counts|is\s+counted|gets\s+counted|do\s+you\s+count)\s+as\b"
    r"|\bwhat\s+(?:does|do)\s+(.+?)\s+(?:actually\s+)?mean(?:\s+exactly)?\b"
    r"|\bwhat\s+is\s+meant\s+by\b|\b(?:the\s+)?(?:definition|meaning)\s+of\b|\bdefine\b"
    r"|\bwhat(?:'s|\s+is|\s+are)\s+(?=an?\s+[^?,]+?(?:\?|,|\band\b)\s*(?:and\s+)?how\s+many\b)"
)
# A figure asked as well as the meaning.
_FIGURE_ASKED = re.compile(
    r"(?i)\bhow\s+(?:many|much)\b|\bwhat\s+(?:share|proportion|percentage|per\s*cent|%)"
    r"|\b(?:what\s+(?:was|were|is)|and)\s+the\s+(?:figures?|numbers?|count|total)\b"
)

# Once the meaning's words are gone, "X and how many ..." names X and asks its figure: one row, not a list of two
# ("'3 or more episodes in reporting period' ... and how many children hit that": row 1.3, not 1.3 and 1.2).
_AND_HOW_MANY = re.compile(r"(?i)[,;]?\s*\band\s+(?=how\s+(?:many|much)\b)")
# The asker's own guess at the meaning, a yes-or-no question naming no figure of its own ("is it every time a child
# is reported missing?", "does that include the ones who came back?"): no figure asked, read past.
_GUESS = re.compile(r"(?i)(?:^|(?<=[-–?.!]))\s*(?:so\s+)?(?:is|does|do|are|would)\s+(?:it|that|this|they)\b[^?.!]*\?")


def without_meaning_asked(text: str) -> tuple[str, bool]:
    """The question without the words asking what a term means, and whether it had them, when it asks for a figure
    too; the text unchanged otherwise ("define 5.3a", "what counts as late?" stay a definition)."""
    if not (_MEANING_ASKED.search(text) and _FIGURE_ASKED.search(text)):
        return text, False
    left = _MEANING_ASKED.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", text)
    left = _GUESS.sub(lambda m: m.group(0) if _FIGURE_ASKED.search(m.group(0)) else " ", left)
    return _AND_HOW_MANY.sub(" ", left), True
