"""A term's meaning asked beside its figure ("what counts as a CSE episode and how many were there in June?", "how many
return home interviews were late last month? and what counts as late?", "what does 'same day return' mean and how
many were there in June?"): the figure is answered, with what its row counts said under it, rather than the
definition alone (which answered half the question) or a refusal.
"""

from __future__ import annotations

import re

from digest.lookups.vocabulary import SHORT_MONTH

# How a meaning is asked: "what counts as", "what does X mean (exactly)", "what is meant by", "definition of",
# "define", and "what's a/an X" when a figure is asked after it ("What's an RHI and how many in June?"); not "what does
# the mean length look like" (the mean of a length).
_MEANING_ASKED = re.compile(
    r"(?i)\bwhat\s+(?:counts|is\s+counted|gets\s+counted|do\s+you\s+count)\s+as\b"
    r"|\bwhat\s+(?:does|do)\s+(.+?)\s+(?:actually\s+)?mean(?:\s+exactly)?"
    r"(?=\s*(?:[?,.;:!–-]|$|\s(?:and|in|on|for|here|when|please|pls|again)\b))"
    r"|\bwhat\s+is\s+meant\s+by\b|\b(?:the\s+)?(?:definition|meaning)\s+of\b|\bdefine\b"
    r"|\bwhat(?:'s|\s+is|\s+are)\s+(?=an?\s+[^?,]+?(?:\?|,|\band\b)\s*(?:and\s+)?how\s+many\b)"
)
# The term whose meaning is asked: what follows the meaning's words, up to where the figure is asked.
_TERM_END = re.compile(r"(?i)[?,;:–]|\s-\s|\band\b|\bhow\b|\bis\s+it\b|\bin\s+(?:the|this)\b")
# A figure asked as well as the meaning.
_FIGURE_ASKED = re.compile(
    r"(?i)\bhow\s+(?:many|much)\b|\bwhat\s+(?:share|proportion|percentage|per\s*cent|%)"
    r"|\b(?:what\s+(?:was|were|is)|and)\s+the\s+(?:figures?|numbers?|count|total)\b"
)
# "X and how many ... that": the figure of X, one row, not a list of two ("'3 or more episodes in reporting period'
# ... and how many children hit that": row 1.3, not 1.3 and 1.2); not "and how many CSE children" (a second figure).
_AND_HOW_MANY_OF_IT = re.compile(
    r"(?i)[,;]?\s*\band\s+(?=how\s+(?:many|much)\b[^?.!,;]*\b(?:that|this|it|them|those)\b)"
)
# The asker's own guess at the meaning, a yes-or-no question naming no figure, period nor comparison of its own ("is
# it every time a child is reported missing?", "does that include the ones who came back?"): read past.
_GUESS = re.compile(r"(?i)(?:^|(?<=[-–?.!]))\s*(?:so\s+)?(?:is|does|do|are|would)\s+(?:it|that|this|they)\b[^?.!]*\?")
_ASKS_MORE = re.compile(
    r"(?i)\b(?:than|higher|lower|more|less|fewer|worse|better|up|down|rise|rising|fall|falling|compar\w*|vs|versus"
    rf"|against|change\w*|trend|month|quarter|year|ytd|q[1-4]|{SHORT_MONTH})\b"
)


def without_meaning_asked(text: str) -> tuple[str, str]:
    """The question without the words asking what a term means, and the term, when it asks for a figure too; the
    text unchanged and no term otherwise ("define 5.3a", "what counts as late?" stay a definition)."""
    asked = _MEANING_ASKED.search(text)
    if not (asked and _FIGURE_ASKED.search(text)):
        return text, ""
    term = asked.group(1) or _TERM_END.split(text[asked.end() :], maxsplit=1)[0]
    left = _MEANING_ASKED.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", text)
    left = _GUESS.sub(
        lambda m: m.group(0) if _FIGURE_ASKED.search(m.group(0)) or _ASKS_MORE.search(m.group(0)) else " ", left
    )
    return _AND_HOW_MANY_OF_IT.sub(" ", left, count=1), term.strip(" '\"‘’“”")
