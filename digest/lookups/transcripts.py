"""What the lookup audit keeps of a question: the words the bot knows, every other word masked, and how
the question was read. A child's name or id typed into /missing never reaches the audit.
"""

from __future__ import annotations

import re

from digest.figures.periods import month_key
from digest.lookups.questions import FILLER, MONTH_NAMES, PHRASES, NotUnderstood, Question

MASK = "***"  # stands for a word outside the vocabulary
_PUNCTUATION = ",;:!?\"'()."
# Periods as people type them: 2019, 2019-06, 2019/20, jun-19, june-2019.
_PERIOD_WORD = re.compile(r"\d{4}(?:[-/]\d{1,2})?|[a-z]{3,9}-\d{2}(?:\d{2})?")


def _vocabulary() -> frozenset[str]:
    words = {word for phrase in PHRASES for word in phrase.split()}
    return frozenset(words | set(FILLER) | set(MONTH_NAMES))


VOCABULARY = _vocabulary()


def mask_question(text: str) -> str:
    """The question with each word the bot does not know replaced by MASK, punctuation dropped."""
    words = [word.lower().replace("’", "'").strip(_PUNCTUATION) for word in text.split()]
    return " ".join(word if _is_known(word) else MASK for word in words if word)


def _is_known(word: str) -> bool:
    if word in VOCABULARY:
        return True
    if word.startswith("/") and word[1:].isalpha():  # the command itself, typed into `ask`
        return True
    return _PERIOD_WORD.fullmatch(word) is not None and (word[0].isdigit() or word.split("-")[0] in MONTH_NAMES)


def describe_reading(question: Question | NotUnderstood) -> str:
    """How a question was read, for the audit: its kind, figure or table, and period."""
    if isinstance(question, NotUnderstood):
        return "not understood"
    period = question.period
    when = period.kind
    if period.month is not None:
        when += f" {month_key(period.month)}"
    elif period.month_of_year is not None:
        when += f" month {period.month_of_year}"
    parts = [question.kind, question.subject or "", when, "shared" if question.share else ""]
    return " ".join(part for part in parts if part)
