"""Reading a question such as "LAC episodes June" as an indicator (or a breakdown) and a period.

Words may come in any order; small misspellings ("epsiodes") are forgiven by closest match; words
that mean nothing here are named back, with the nearest things that can be asked. No Slack here:
the same reading serves `/missing` and `missing-report ask`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from digest.figures.periods import month_index

FIGURE, BREAKDOWN, PROFILE, TREND, HELP = "figure", "breakdown", "profile", "trend", "help"
MONTH, YEAR_TO_DATE, LATEST, LAST_MONTH, THIS_MONTH = "month", "ytd", "latest", "last_month", "this_month"
CLOSE_MATCH_CUTOFF = 0.75  # how alike a misspelt word must be to a known one (difflib ratio)
HINT_CUTOFF = 0.6  # how alike an unknown word must be to a known one to be offered as "did you mean"

MONTH_NAMES = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Phrase -> (slot, value). Slots: measure (episodes / children / repeat), subset (all / lac / cse),
# key (a whole indicator), breakdown (a section), command.
PHRASES: dict[str, tuple[str, str]] = {
    "episodes": ("measure", "episodes"),
    "episode": ("measure", "episodes"),
    "incidents": ("measure", "episodes"),
    "children": ("measure", "children"),
    "child": ("measure", "children"),
    "kids": ("measure", "children"),
    "young people": ("measure", "children"),
    "cyp": ("measure", "children"),
    "individuals": ("measure", "children"),
    "repeat": ("measure", "repeat"),
    "repeats": ("measure", "repeat"),
    "3+": ("measure", "repeat"),
    "3 or more": ("measure", "repeat"),
    "three or more": ("measure", "repeat"),
    "repeat missing": ("measure", "repeat"),
    "lac": ("subset", "lac"),
    "cla": ("subset", "lac"),
    "looked after": ("subset", "lac"),
    "looked-after": ("subset", "lac"),
    "in care": ("subset", "lac"),
    "cse": ("subset", "cse"),
    "cse risk": ("subset", "cse"),
    "sexual exploitation": ("subset", "cse"),
    "all": ("subset", "all"),
    "same day": ("key", "duration.0"),
    "same-day": ("key", "duration.0"),
    "over 5 days": ("key", "duration.gt5"),
    "more than 5 days": ("key", "duration.gt5"),
    "still missing": ("key", "duration.still_missing"),
    "open": ("key", "duration.still_missing"),
    "rhi offered": ("key", "rhi.offered"),
    "offered": ("key", "rhi.offered"),
    "rhi accepted": ("key", "rhi.accepted"),
    "accepted": ("key", "rhi.accepted"),
    "in time": ("key", "rhi.completed_in_time"),
    "rhi in time": ("key", "rhi.completed_in_time"),
    "on time": ("key", "rhi.completed_in_time"),
    "late": ("key", "rhi.not_completed_in_time"),
    "not in time": ("key", "rhi.not_completed_in_time"),
    "rhi late": ("key", "rhi.not_completed_in_time"),
    "pending": ("key", "rhi.pending"),
    "early help": ("key", "status.early_help"),
    "eh": ("key", "status.early_help"),
    "cin": ("key", "status.cin"),
    "child in need": ("key", "status.cin"),
    "children in need": ("key", "status.cin"),
    "cpp": ("key", "status.cpp"),
    "cp": ("key", "status.cpp"),
    "child protection": ("key", "status.cpp"),
    "care leaver": ("key", "status.care_leaver"),
    "care leavers": ("key", "status.care_leaver"),
    "not a client": ("key", "status.not_a_client"),
    "not known": ("key", "status.not_a_client"),
    "other la": ("key", "status.other_la"),
    "other local authority": ("key", "status.other_la"),
    "out of area": ("key", "status.other_la"),
    "bme": ("breakdown", "bme"),
    "bme summary": ("breakdown", "bme"),
    "ethnicity": ("breakdown", "ethnicity"),
    "ethnic": ("breakdown", "ethnicity"),
    "age": ("breakdown", "age"),
    "ages": ("breakdown", "age"),
    "gender": ("breakdown", "gender"),
    "sex": ("breakdown", "gender"),
    "status": ("breakdown", "status"),
    "care status": ("breakdown", "status"),
    "case type": ("breakdown", "status"),
    "distance": ("breakdown", "distance"),
    "placement distance": ("breakdown", "distance"),
    "days missing": ("breakdown", "duration"),
    "duration": ("breakdown", "duration"),
    "how long": ("breakdown", "duration"),
    "rhi": ("breakdown", "rhi"),
    "return home interviews": ("breakdown", "rhi"),
    "return interviews": ("breakdown", "rhi"),
    "profile": ("command", PROFILE),
    "summary": ("command", PROFILE),
    "headlines": ("command", PROFILE),
    "trend": ("command", TREND),
    "trends": ("command", TREND),
    "month by month": ("command", TREND),
    "help": ("command", HELP),
    "share": ("share", "yes"),
    "ytd": ("period", YEAR_TO_DATE),
    "year to date": ("period", YEAR_TO_DATE),
    "this year": ("period", YEAR_TO_DATE),
    "financial year": ("period", YEAR_TO_DATE),
    "last month": ("period", LAST_MONTH),
    "this month": ("period", THIS_MONTH),
}
# Words that carry no meaning in a question.
FILLER = {
    "how",
    "many",
    "what",
    "whats",
    "what's",
    "was",
    "were",
    "is",
    "are",
    "in",
    "for",
    "the",
    "of",
    "number",
    "show",
    "me",
    "please",
    "and",
    "a",
    "an",
    "did",
    "go",
    "went",
    "missing",
    "from",
    "home",
    "to",
    "give",
    "tell",
    "about",
    "by",
    "with",
    "on",
    "our",
    "there",
    "count",
    "figure",
    "figures",
    "?",
    "much",
}
MEASURE_KEYS = {
    ("episodes", "all"): "episodes.all",
    ("episodes", "lac"): "episodes.lac",
    ("episodes", "cse"): "episodes.cse",
    ("children", "all"): "children.all",
    ("children", "lac"): "children.lac",
    ("children", "cse"): "children.cse",
    ("repeat", "all"): "children.3plus.all",
    ("repeat", "lac"): "children.3plus.lac",
    ("repeat", "cse"): "children.3plus.cse",
}
EXAMPLES = (
    "LAC episodes June",
    "children YTD",
    "repeat LAC last month",
    "CSE episodes 2019-06",
    "RHI in time May",
    "ethnicity this year",
    "profile June",
    "trend LAC episodes",
    "share still missing",
)


@dataclass(frozen=True)
class Period:
    kind: str  # month, ytd, latest, last_month, this_month
    month: int | None = None  # a month index, when the month (and year) was named
    month_of_year: int | None = None  # 1-12, when a month was named without a year


@dataclass(frozen=True)
class Question:
    kind: str  # figure, breakdown, profile, trend, help
    subject: str | None  # an indicator key, or a breakdown name
    period: Period
    share: bool = False
    text: str = ""


@dataclass(frozen=True)
class NotUnderstood:
    problem: str  # what was not understood, in words
    suggestions: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    cleaned = text.lower().replace("’", "'")
    cleaned = re.sub(r"[,;!?\"()]", " ", cleaned)
    return cleaned.split()


def _read_period(words: list[str], i: int) -> tuple[Period, int] | None:
    """A period starting at words[i], and how many words it takes."""
    word = words[i]
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", word)
    if match and 1 <= int(match.group(2)) <= 12:
        return Period(MONTH, month_index(int(match.group(1)), int(match.group(2)))), 1
    match = re.fullmatch(r"(\d{1,2})/(\d{4})", word)
    if match and 1 <= int(match.group(1)) <= 12:
        return Period(MONTH, month_index(int(match.group(2)), int(match.group(1)))), 1
    match = re.fullmatch(r"([a-z]+)-(\d{2}|\d{4})", word)  # Jun-19, June-2019
    if match and match.group(1) in MONTH_NAMES:
        return Period(MONTH, month_index(_year(match.group(2)), MONTH_NAMES[match.group(1)])), 1
    if word in MONTH_NAMES:
        after = words[i + 1] if i + 1 < len(words) else ""
        if re.fullmatch(r"\d{4}|'?\d{2}", after):
            return Period(MONTH, month_index(_year(after.lstrip("'")), MONTH_NAMES[word])), 2
        return Period(MONTH, month_of_year=MONTH_NAMES[word]), 1
    return None


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _phrase_at(words: list[str], i: int) -> tuple[str, int] | None:
    for length in (4, 3, 2, 1):
        phrase = " ".join(words[i : i + length])
        if len(words) - i >= length and phrase in PHRASES:
            return phrase, length
    return None


def parse_question(text: str) -> Question | NotUnderstood:
    """Read a question; NotUnderstood says what could not be read and what could be asked instead."""
    words = [_correct(word) for word in _tokens(text)]
    if words and words[0].startswith("/"):  # "/missing LAC episodes", typed into `ask`
        words = words[1:]
    if not words:
        return Question(HELP, None, Period(LATEST), text=text)
    found: dict[str, list[str]] = {}
    periods: list[Period] = []
    unknown: list[str] = []
    i = 0
    while i < len(words):
        period = _read_period(words, i)
        phrase = _phrase_at(words, i) if period is None else None
        if period is not None:
            periods.append(period[0])
            i += period[1]
        elif phrase is not None:
            slot, value = PHRASES[phrase[0]]
            if slot == "period":
                periods.append(Period(value))
            else:
                found.setdefault(slot, []).append(value)
            i += phrase[1]
        else:
            if words[i] not in FILLER:
                unknown.append(words[i])
            i += 1
    return _assemble(text, found, periods, unknown)


def _correct(word: str) -> str:
    """A misspelt word as the known word it is closest to ("epsiodes" -> "episodes"), else as it is."""
    known = word in PHRASES or word in MONTH_NAMES or word in FILLER or any(c.isdigit() for c in word)
    if known or len(word) < 4 or any(p.startswith(word + " ") or f" {word}" in p for p in PHRASES):
        return word  # short words are too easily close to something else; parts of phrases stand
    vocabulary = [p for p in PHRASES if " " not in p] + [m for m in MONTH_NAMES if len(m) > 3]
    matches = difflib.get_close_matches(word, vocabulary, n=1, cutoff=CLOSE_MATCH_CUTOFF)
    return matches[0] if matches else word


def suggest(text: str) -> list[str]:
    """Examples that can be asked, nearest to the question first."""
    ranked = sorted(EXAMPLES, key=lambda example: -difflib.SequenceMatcher(None, text.lower(), example.lower()).ratio())
    return ranked[:3]


def _assemble(
    text: str, found: dict[str, list[str]], periods: list[Period], unknown: list[str]
) -> Question | NotUnderstood:
    if unknown:
        words = ", ".join(f'"{w}"' for w in unknown)
        vocabulary = [p for p in PHRASES] + [m for m in MONTH_NAMES if len(m) > 3]
        hints = [m for w in unknown for m in difflib.get_close_matches(w, vocabulary, n=1, cutoff=HINT_CUTOFF)]
        problem = f"I did not understand {words}."
        if hints:
            problem += " Did you mean " + " or ".join(f'"{h}"' for h in hints) + "?"
        return NotUnderstood(problem, suggest(text))
    if len(set(periods)) > 1:
        return NotUnderstood("That names more than one period; ask about one month, or YTD.", suggest(text))
    period = periods[0] if periods else Period(LATEST)
    share = bool(found.pop("share", []))
    commands = set(found.pop("command", []))
    if HELP in commands:
        return Question(HELP, None, period, share, text)
    if len(commands) > 1:
        return NotUnderstood("Ask for a profile or a trend, not both.", suggest(text))
    subject = _subject(found)
    if isinstance(subject, NotUnderstood):
        return subject
    if PROFILE in commands:
        return Question(PROFILE, None, period, share, text)
    if subject is None:
        return NotUnderstood("Which figure? Name one, such as episodes, children or LAC.", suggest(text))
    kind, name = subject
    if TREND in commands:
        if kind != FIGURE:
            return NotUnderstood('A trend is of one figure, such as "trend LAC episodes".', suggest(text))
        return Question(TREND, name, period, share, text)
    return Question(kind, name, period, share, text)


def _subject(found: dict[str, list[str]]) -> tuple[str, str] | NotUnderstood | None:
    keys = set(found.get("key", []))
    breakdowns = set(found.get("breakdown", []))
    measures = set(found.get("measure", []))
    subsets = set(found.get("subset", [])) - {"all"}
    if len(subsets) > 1:
        return NotUnderstood("That asks about LAC and CSE at once; ask about one of them.", [])
    if len(keys) + len(breakdowns) > 1 or (len(keys | breakdowns) == 1 and (measures - {"episodes"})):
        return NotUnderstood("That asks for more than one figure; ask for one at a time.", [])
    if keys:
        return FIGURE, keys.pop()
    if breakdowns:
        return BREAKDOWN, breakdowns.pop()
    if "repeat" in measures:  # "3+ episodes", "repeat children": children with 3 or more episodes
        measures = {"repeat"}
    if len(measures) > 1:
        return NotUnderstood("That asks about episodes and children at once; ask about one of them.", [])
    if not measures and not subsets:
        return None
    measure = measures.pop() if measures else "episodes"
    return FIGURE, MEASURE_KEYS[(measure, subsets.pop() if subsets else "all")]
