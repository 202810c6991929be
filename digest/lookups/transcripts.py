"""What the lookup audit keeps of a question: the words the bot knows, every other word masked, and how
the question was read. A child's name or id typed into /missing never reaches the audit.
"""

from __future__ import annotations

import re

from digest.lookups.periods import period_text, read_periods
from digest.lookups.questions import Clarification, NotUnderstood, Question, Reader
from digest.lookups.vocabulary import KEY_MARK, stem

MASK = "***"  # stands for a word outside the vocabulary
_PUNCTUATION = ",;:!?\"'()."
# Quantities as people type them: 14, 17+, 0-10. Nothing longer, so an id is masked.
_QUANTITY = re.compile(r"\d{1,3}\+?|\d{1,3}-\d{1,3}")
_YEAR = re.compile(r"(?:19|20)\d{2}")  # "June 2019": a year on its own names no one


def mask_question(text: str, reader: Reader) -> str:
    """The question with each word the reader does not know replaced by MASK, punctuation dropped."""
    words = [word.lower().replace("’", "'").strip(_PUNCTUATION) for word in text.split()]
    return " ".join(word if _is_known(word, reader) else MASK for word in words if word)


def _is_known(word: str, reader: Reader) -> bool:
    if word in reader.known or stem(word) in reader.known:
        return True
    if word.startswith("/") and word[1:].isalpha():  # the command itself, typed into `ask`
        return True
    if word.startswith(KEY_MARK) and word[len(KEY_MARK) :] in reader.by_id:  # a button's exact reading
        return True
    if _QUANTITY.fullmatch(word) or _YEAR.fullmatch(word):
        return True
    # A period as the reader reads one (2019-06, 2019/20, jun-19, q1); a date of birth is not one.
    periods, rest, unreadable = read_periods(word)
    return bool(periods) and not rest.strip() and not unreadable


def describe_reading(question: Question | NotUnderstood | Clarification) -> str:
    """How a question was read, for the audit: its kind, figure or table, and period."""
    if isinstance(question, NotUnderstood):
        return "not understood"
    if isinstance(question, Clarification):
        return "asked back: " + " | ".join(label for label, _ in question.choices)
    subject = "+".join(question.bands) if question.bands else question.subject or ""
    parts = [question.kind, " and ".join([subject, *question.also]), period_text(question.period)]
    parts += [f"against {period_text(p)}" for p in question.compare]
    parts += [
        "month by month" if question.by_month else "",
        "largest and smallest" if question.extreme else "",
        "as a share" if question.proportion else "",
        "shared" if question.share else "",
    ]
    return " ".join(part for part in parts if part)
