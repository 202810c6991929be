"""The everyday words tests put around questions: shared by the reader's property tests."""

from __future__ import annotations

from digest.lookups.questions import INDIVIDUAL, NOT_HELD, Reader
from digest.lookups.talk import MEANING_WORDS, NOT_HELD_TOPICS, QUESTION_CUES
from digest.lookups.vocabulary import spell_numbers, stem


def everyday_words(reader: Reader) -> list[str]:
    """Everyday English words the reader does not read (nor as a slip of one it reads), and that name nothing the
    report leaves out or change what is counted: the words of talk around a question."""
    return sorted(
        w
        for w in reader.ordinary
        if len(w) > 3
        and w not in reader.known
        and stem(w) not in reader.known
        and w not in NOT_HELD_TOPICS | MEANING_WORDS
        and stem(w) not in NOT_HELD_TOPICS  # "judgments": an inspection's, which the report does not hold
        and reader.correct(w) == (w, 1.0)
        and not QUESTION_CUES.search(w)
        and spell_numbers(w) == w  # "sixteen" is an age
        and not any(rule.said.search(w) for rule in NOT_HELD)  # "prediction": a forecast, refused
        and not INDIVIDUAL.search(w)  # "hers": a question about one child
    )
