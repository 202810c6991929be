"""Reading a question ("looked after children episodes May", "RHIs offered in April", "aged 14 Q1") as one
reading of the catalogue and a period, by score rather than by first match.

The scorer: each word of the question weighs its rarity among the readings (IDF over the generated
vocabulary); a reading scores the weighted share of the question's words it explains (its section's
words count a little less), less a little for its own words the question did not say. Misspelt words
are read as the nearest known word (rapidfuzz ratio), weighted by how near. When two readings score
close, the question is asked back with up to four choices: nothing is guessed silently. No chat
platform here: the same reading serves Slack, Teams and `missing-report ask`.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz, process

from digest.contract.config import Config
from digest.figures.catalogue import SECTIONS
from digest.lookups.periods import MONTH_NAMES, Period, PeriodError, combine_periods, period_text, read_periods
from digest.lookups.vocabulary import (
    FIGURE,
    FILLER,
    KEY_MARK,
    NEGATION,
    SYNONYMS,
    Reading,
    build_readings,
    content_stems,
    read_quantities,
    split_words,
    stem,
)

PROFILE, TREND, HELP, DEFINE = "profile", "trend", "help", "define"
CORRECTION_CUTOFF = 75  # how alike (rapidfuzz ratio, 0-100) a misspelt word must be to a known one to be read as it
HINT_CUTOFF = 60  # how alike an unknown word must be to a known one to be offered as "did you mean"
MIN_CORRECTABLE_LETTERS = 4  # shorter words are too easily near something else to be guessed
QUALIFIER_CREDIT = 0.8  # a section's title word explains a question's word a little less than the row's own words
MISSING_PENALTY = 0.5  # how much a reading loses for its own words the question did not say (all of them: 0.5)
NEGATION_PENALTY = 0.3  # a "not" on one side only flips the meaning ("completed in time" is not "not completed")
ANSWER_SCORE = 0.6  # the least score answered without asking back
CLARIFY_SCORE = 0.3  # the least score offered as a choice
CLARIFY_MARGIN = 0.1  # readings this close to the best are offered as choices instead of guessing
MAX_CHOICES = 4  # buttons in a clarification
COMMANDS = {
    "profile": PROFILE,
    "headlines": PROFILE,
    "trend": TREND,
    "trends": TREND,
    "month by month": TREND,
    "help": HELP,
    "share": "share",
    "define": DEFINE,
    "definition": DEFINE,
    "definitions": DEFINE,
    "definition of": DEFINE,
    "what counts as": DEFINE,
    "what is counted as": DEFINE,
    "meaning of": DEFINE,
}
# "early help" is care status 6.1, not a call for help.
_COMMAND = re.compile(r"\b(?<!early )(?:" + "|".join(sorted(COMMANDS, key=len, reverse=True)) + r")\b")
UNREADABLE_MONTH = re.compile(r"\d{4}-\d{1,2}")  # a month written as a number that is no month
_WORD = re.compile(r"@[a-z0-9_.+]+|[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Question:
    kind: str  # figure, breakdown, profile, trend, help, define
    subject: str | None  # an indicator key, or a breakdown name
    period: Period
    share: bool = False
    text: str = ""


@dataclass(frozen=True)
class NotUnderstood:
    problem: str  # what was not understood, in words
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Clarification:
    """Two or more readings scored close: the choices, each a label and the question that asks for it."""

    problem: str
    choices: list[tuple[str, str]]


@dataclass(frozen=True)
class Scored:
    reading: Reading
    score: float


class Reader:
    """Reads questions against the readings generated from one config (built once, then milliseconds a question)."""

    def __init__(self, config: Config) -> None:
        self.readings = build_readings(config)
        # Rarity counts the readings a word names; a word only in section titles counts the readings it qualifies.
        document_frequency: dict[str, int] = {}
        qualified: dict[str, int] = {}
        for reading in self.readings:
            for word in set().union(*reading.phrasings):
                document_frequency[word] = document_frequency.get(word, 0) + 1
            for word in reading.qualifiers:
                qualified[word] = qualified.get(word, 0) + 1
        for word, count in qualified.items():
            document_frequency.setdefault(word, count)
        total = len(self.readings)
        self.weights = {word: math.log(1 + total / count) for word, count in document_frequency.items()}
        self.unknown_weight = max(self.weights.values())
        spoken = {w for phrase in SYNONYMS for w in phrase.split()} | {w for c in COMMANDS for w in c.split()}
        self.known = set(self.weights) | FILLER | spoken | set(MONTH_NAMES) | {"ytd", "year", "date", "financial"}
        self.known |= {"last", "this", "now", "quarter", "previous", "current", "today", "plus", "than", "over"}
        self.correctable = sorted(w for w in self.known if w.isalpha() and len(w) >= MIN_CORRECTABLE_LETTERS)
        self.hintable = sorted(w for w in self.known if w.isalpha() and len(w) > 2)  # sorted: ties go the same way
        self.by_id = {reading.id: reading for reading in self.readings}
        self._corrections: dict[str, tuple[str, float]] = {}

    def correct(self, word: str) -> tuple[str, float]:
        """A misspelt word as the nearest known word and how near (1.0 for a known word)."""
        if word in self.known or stem(word) in self.known or len(word) < MIN_CORRECTABLE_LETTERS:
            return word, 1.0
        if word not in self._corrections:
            match = process.extractOne(word, self.correctable, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
            self._corrections[word] = (match[0], match[1] / 100) if match else (word, 1.0)
        return self._corrections[word]

    def hint(self, word: str) -> str | None:
        match = process.extractOne(word, self.hintable, scorer=fuzz.ratio, score_cutoff=HINT_CUTOFF)
        return str(match[0]) if match else None

    def score(self, words: dict[str, float]) -> list[Scored]:
        """Every reading's score for the question's weighted words, best first."""
        total = sum(words.values())
        ranked = []
        for reading in self.readings:
            best = -1.0
            for phrasing in reading.phrasings:
                explained = sum(
                    weight * (1.0 if word in phrasing else QUALIFIER_CREDIT if word in reading.qualifiers else 0.0)
                    for word, weight in words.items()
                )
                own = sum(self.weights.get(w, 0.0) for w in phrasing)
                unsaid = sum(self.weights.get(w, 0.0) for w in phrasing if w not in words)
                flipped = NEGATION_PENALTY if (NEGATION in phrasing) != (NEGATION in words) else 0.0
                best = max(best, explained / total - MISSING_PENALTY * (unsaid / own if own else 0.0) - flipped)
            ranked.append(Scored(reading, best))
        ranked.sort(key=lambda s: -s.score)
        return ranked

    def read(self, text: str) -> Question | NotUnderstood | Clarification:
        """Read a question; a Clarification when readings score close; NotUnderstood says what was not read."""
        lowered = text.lower().replace("’", "'").strip()
        if lowered.startswith("/"):  # "/missing LAC episodes", typed into `ask`
            lowered = lowered.split(maxsplit=1)[1] if " " in lowered else ""
        nearness: dict[str, float] = {}

        def corrected(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.startswith(KEY_MARK):
                return word
            right, near = self.correct(word)
            nearness[right] = min(near, nearness.get(right, 1.0))
            return right

        lowered = _WORD.sub(corrected, lowered)
        commands = {COMMANDS[m.group(0)] for m in _COMMAND.finditer(lowered)}
        lowered = _COMMAND.sub(" ", lowered)
        share = "share" in commands
        commands.discard("share")
        periods, rest, unreadable = read_periods(lowered)
        try:
            period = combine_periods(periods)
        except PeriodError as error:
            return NotUnderstood(str(error), self.suggest(text))
        words: dict[str, float] = {}
        for word in content_stems(read_quantities(split_words(rest))):
            weight = self.weights.get(word, self.unknown_weight) * nearness.get(word, 1.0)
            words[word] = max(weight, words.get(word, 0.0))
        unknown = [w for w in unreadable] + [w for w in words if w not in self.weights]
        if HELP in commands or (not words and not periods and not commands and not unknown):
            return Question(HELP, None, period, share, text)
        if DEFINE in commands and not words and not unknown:
            return NotUnderstood('Name the row to define, such as "define 5.3a".', self.suggest(text))
        if DEFINE in commands and len(commands) > 1:
            return NotUnderstood('Ask for a definition on its own, such as "define 5.3a".', self.suggest(text))
        if len(commands) > 1:
            return NotUnderstood("Ask for a profile or a trend, not both.", self.suggest(text))
        if PROFILE in commands and not words:
            return Question(PROFILE, None, period, share, text)
        prefix = ("share " if share else "") + ("trend " if TREND in commands else "")
        prefix += "define " if DEFINE in commands else ""
        if not words and not unknown:
            choices = [self.by_id["episodes.all"], self.by_id["children.all"]]
            options = [(r.label, _choice_text(prefix, r, period)) for r in choices]
            if TREND not in commands:
                options.append(("Missing profile", f"{'share ' if share else ''}profile {period_text(period)}".strip()))
            return Clarification("Which figure?", options)
        ranked = self.score(words)
        best = ranked[0]
        if (unknown and best.score < ANSWER_SCORE) or (unknown and unreadable):
            return self._not_understood(text, unknown)
        floor = best.score - CLARIFY_MARGIN if best.score >= ANSWER_SCORE else CLARIFY_SCORE
        close = [s for s in ranked if s.score >= max(floor, CLARIFY_SCORE)][:MAX_CHOICES]
        if best.score < ANSWER_SCORE or len(close) > 1:
            if not close:
                return self._not_understood(text, unknown)
            options = [(s.reading.label, _choice_text(prefix, s.reading, period)) for s in close]
            if len(options) == 1:
                return Clarification(f"Did you mean {close[0].reading.label}?", options)
            return Clarification("Which of these did you mean?", options)
        reading = best.reading
        if TREND in commands:
            if reading.kind != FIGURE:
                return NotUnderstood('A trend is of one figure, such as "trend LAC episodes".', self.suggest(text))
            return Question(TREND, reading.subject, period, share, text)
        if PROFILE in commands:
            return Question(PROFILE, None, period, share, text)
        if DEFINE in commands:
            return Question(DEFINE, reading.id, period, share, text)
        return Question(reading.kind, reading.subject, period, share, text)

    def _not_understood(self, text: str, unknown: list[str]) -> NotUnderstood:
        if not unknown:
            return NotUnderstood("I could not tell which figure that asks for.", self.suggest(text))
        # Only a month that cannot be (2019-13) is said back: any other word may be a name or an id someone
        # typed, and a reply can be seen in a channel. The known words it may have meant are safe to say.
        said = [w for w in unknown if UNREADABLE_MONTH.fullmatch(w)]
        others = len(unknown) - len(said)
        quiet = f"not repeated here, in case {'it names' if others == 1 else 'they name'} someone"
        if said:
            problem = "I did not understand " + ", ".join(f'"{w}"' for w in said)
            problem += f" and {others} more word{'s' if others > 1 else ''} ({quiet})." if others else "."
        else:
            problem = f"I did not understand {'a word' if others == 1 else f'{others} words'} of that ({quiet})."
        hints = [h for w in unknown if w.isalpha() and (h := self.hint(w))]
        if hints:
            problem += " Did you mean " + " or ".join(f'"{h}"' for h in hints) + "?"
        return NotUnderstood(problem, self.suggest(text))

    @cached_property
    def examples(self) -> list[tuple[str, str]]:
        """build_examples, once per reader: they depend on the config alone."""
        _building_examples.active = True  # reading them back must not suggest them: that would read them again
        try:
            return build_examples(self)
        finally:
            _building_examples.active = False

    def suggest(self, text: str) -> list[str]:
        """Example questions nearest to what was asked."""
        if getattr(_building_examples, "active", False):
            return []
        examples = [example for _, example in self.examples]
        ranked = sorted(examples, key=lambda example: -fuzz.token_set_ratio(text.lower(), example.lower()))
        return ranked[:3]


def _choice_text(prefix: str, reading: Reading, period: Period) -> str:
    return f"{prefix}{KEY_MARK}{reading.id.lower()} {period_text(period)}".strip()


_building_examples = threading.local()  # per thread, as readers answer many askers at once
EXAMPLE_PERIODS = ("June", "last month", "YTD", "Q1", "May", "this financial year", "2019/20", "Jun-19")


def build_examples(reader: Reader) -> list[tuple[str, str]]:
    """One example question per section of the report: its first row whose label, with a period, reads back to it."""
    examples: list[tuple[str, str]] = []
    for n, section in enumerate(SECTIONS):
        for reading in reader.readings:
            if reading.kind != FIGURE or reading.section != section.number:
                continue
            question = f"{reading.label} {EXAMPLE_PERIODS[n % len(EXAMPLE_PERIODS)]}"
            read = reader.read(question)
            if isinstance(read, Question) and read.subject == reading.subject:
                examples.append((section.title, question))
                break
    return examples
