"""The words a question can use, generated from the catalogue and the config, plus a small synonyms table.

Every indicator row is a reading, phrased by its label as the report prints it, its short label, its
ref ("5.3a"), its key, the chart's short label, and for ethnicity its code, label and aliases; its
section's title words qualify it ("Looked After Children" episodes = LAC episodes). Every breakdown
is a reading too (a table). Numbers with a unit ("aged 14", "17+", "0-10 miles", "over 100 miles",
"more than 5 days") are read into the one row whose band holds them. So a council that renames a
label or adds an ethnicity code in config can ask about it with no code change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digest.contract.config import Config
from digest.figures.catalogue import (
    AGES,
    ALL_EPISODES,
    DISTANCE_BANDS,
    DURATION_DAYS,
    LAC_EPISODES,
    SECTION_BY_NUMBER,
    Indicator,
    build_catalogue,
    build_groups,
    distance_key,
)

FIGURE, BREAKDOWN = "figure", "breakdown"
KEY_MARK = "@"  # a token naming one reading exactly: "@episodes.lac", "@group.age" (quantities and buttons use it)

# How managers say things the report says otherwise: phrase -> the report's own words. Longest first wins.
SYNONYMS: dict[str, str] = {
    "looked after children": "lac",
    "children looked after": "lac",
    "looked after": "lac",
    "looked-after": "lac",
    "cla": "lac",
    "in care": "lac",
    "lac cyp": "lac",
    "child sexual exploitation": "cse",
    "sexual exploitation": "cse",
    "exploitation": "cse",
    "at risk of cse": "cse",
    "cse risk": "cse",
    "risk of cse": "cse",
    "medium high": "cse",  # the report's CSE rows count medium/high risk: that is what "CSE" means here
    "high risk": "cse",
    "cases": "children",
    "return home interviews": "rhi",
    "return home interview": "rhi",
    "return interviews": "rhi",
    "return interview": "rhi",
    "rhis": "rhi",
    "rhi's": "rhi",
    "kids": "children",
    "kid": "children",
    "young people": "children",
    "young person": "children",
    "cyp": "children",
    "child": "children",
    "individuals": "children",
    "individual": "children",
    "boys": "male",
    "boy": "male",
    "males": "male",
    "girls": "female",
    "girl": "female",
    "females": "female",
    "incidents": "episodes",
    "incident": "episodes",
    "occasions": "episodes",
    "repeat missing": "3+",
    "repeats": "3+",
    "repeat": "3+",
    "3 or more": "3+",
    "three or more": "3+",
    "3 plus": "3+",
    "same day": "sameday",
    "same-day": "sameday",
    "still missing": "stillmissing",
    "currently missing": "stillmissing",
    "still open": "stillmissing",
    "open episodes": "stillmissing",
    "late": "not in time",
    "overdue": "not in time",
    "on time": "in time",
    "timely": "in time",
    "child in need": "cin",
    "children in need": "cin",
    "child protection plan": "cpp",
    "child protection plans": "cpp",
    "child protection": "cpp",
    "cp": "cpp",
    "eh": "early help",
    "other local authority": "other la",
    "another local authority": "other la",
    "another la": "other la",
    "other las": "other la",
    "out of area": "other la",
    "ola": "other la",
    "care leavers": "care leaver",
    "sex": "gender",
    "ethnic": "ethnicity",
    "ethnicities": "ethnicity",
    "ages": "age",
    "aged": "age",
    "how long": "days missing",
    "duration": "days missing",
    "case type": "status",
    "by status": "status",
    "yrs": "years",
    "yr": "years",
    "year olds": "years",
    "year old": "years",
    "not obtained": "not recorded",
    "unknown": "not recorded",
    "pending": "not yet due",
    "outstanding": "not yet due",
}
# Words that carry no meaning here ("how many were", "number of", "total"); "not" is never one.
_FILLER_TEXT = (
    "how many much what whats what's was were is are be been in into for the of number no yes show me "
    "please and a an did do does go went gone going missing from to give tell about by with on our there "
    "count figure figures total totals had have has get i we can could you see know all those involving "
    "reporting period rate percentage percent per month's which who as at it its it's one ones episodes' "
    "children's known lasting lasted that this reported happened altogether overall"
)
FILLER = frozenset(_FILLER_TEXT.split())
NEGATION = "not"

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?[a-z]?\+?|@[a-z0-9_.]+")


@dataclass(frozen=True)
class Reading:
    """One thing a question can ask for: an indicator row, or a breakdown (its table)."""

    id: str  # the indicator key, or "group.<name>"
    kind: str  # figure or breakdown
    subject: str  # the indicator key, or the breakdown's name
    label: str  # how a button or help names it
    section: str  # the report's section number
    phrasings: tuple[frozenset[str], ...]  # each a set of stems the reading is called by
    qualifiers: frozenset[str]  # its section's words, which qualify it without naming it


def split_words(text: str) -> list[str]:
    """Lower-case words, numbers (with a trailing + or band letter) and @key tokens, in order."""
    cleaned = text.lower().replace("’", "'").replace("/", " / ")
    cleaned = re.sub(r"(\d)(yrs?|years?|miles?|days?)\b", r"\1 \2", cleaned)  # "14yrs" -> "14 yrs"
    cleaned = re.sub(r"(\d)\s*-\s*(\d)", r"\1 to \2", cleaned)  # "0-10 miles" -> "0 to 10 miles"
    return _TOKEN.findall(cleaned)


def replace_synonyms(words: list[str]) -> list[str]:
    """Each synonym phrase (longest first) as the report's words."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for length in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + length])
            if len(words) - i >= length and phrase in SYNONYMS:
                out += SYNONYMS[phrase].split()
                i += length
                break
        else:
            out.append(words[i])
            i += 1
    return out


def stem(word: str) -> str:
    """A light plural stem, so "episodes", "leavers" and "days" meet "episode", "leaver", "day"."""
    if word.startswith(KEY_MARK) or not word.isalpha() or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def content_stems(words: Iterable[str]) -> list[str]:
    return [stem(w) for w in replace_synonyms(list(words)) if w not in FILLER and w != "/"]


def phrase_stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(read_quantities(split_words(text))))


# Quantities: a number with its unit, read into the band of the catalogue that holds it.
_COMPARE_UP = {"over", "above", "more", "greater", "older", "longer", "plus"}
_COMPARE_DOWN = {"under", "below", "less", "younger", "within", "upto"}


_BARE_COMPARISONS = {"under", "over", "below", "above"}
_OTHER_UNITS = {"working", "hour", "hours", "week", "weeks", "episode", "episodes", "time", "times"}


def _age_key(age: int, direction: str) -> str | None:
    if direction == "up":
        age += 1
    elif direction == "down":
        if age <= AGES[0]:
            return "age.under_10"
        return None  # "under 14" covers several rows
    if age < AGES[0]:
        return "age.under_10"
    if age > AGES[-1]:
        return "age.17_plus"
    return f"age.{age}"


def _distance_key(low: float, high: float | None, direction: str) -> str | None:
    if direction == "up":  # over N miles: the band that starts just above N, when it is the last
        return "distance.101_plus" if low >= DISTANCE_BANDS[-1] else None
    if direction == "down":
        return distance_key(DISTANCE_BANDS[0]) if low <= DISTANCE_BANDS[0] else None
    top = high if high is not None else low
    for upper in DISTANCE_BANDS:
        lower = 0 if upper == DISTANCE_BANDS[0] else upper - 10
        if (low == lower or low == lower + 1 or low > lower) and top <= upper:
            return distance_key(upper)
    return "distance.101_plus" if low > DISTANCE_BANDS[-1] else None


def _duration_key(days: int, direction: str) -> str | None:
    last = DURATION_DAYS[-1]
    if direction == "up":
        return "duration.gt5" if days >= last else None
    if days > last:
        return "duration.gt5"
    return f"duration.{days}" if direction == "" else None


def _direction(words: list[str], i: int) -> str:
    before = words[i - 1] if i > 0 else ""
    before2 = words[i - 2] if i > 1 else ""
    if before == "than":
        before = before2
    if before in _COMPARE_UP or words[i].endswith("+"):
        return "up"
    if before in _COMPARE_DOWN or (before == "to" and before2 == "up"):
        return "down"
    return ""


def read_quantities(words: list[str]) -> list[str]:
    """Numbers with a unit as the key of the row that holds them ("aged 14" -> "@age.14"); others as they are."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        number = re.fullmatch(r"(\d+(?:\.\d+)?)(\+?)", word)
        if number is None:
            out.append(word)
            i += 1
            continue
        value = float(number.group(1))
        high: float | None = None
        j = i + 1
        if j + 1 < len(words) and words[j] in ("-", "to") and re.fullmatch(r"\d+(?:\.\d+)?", words[j + 1]):
            high, j = float(words[j + 1]), j + 2
        unit = words[j] if j < len(words) else ""
        direction = _direction(words, i)
        before = words[i - 1] if i > 0 else ""
        key: str | None = None
        if unit in ("mile", "miles", "mi"):
            key, j = _distance_key(value, high, direction), j + 1
        elif unit in ("day", "days") and not (before == "working" or (j + 1 < len(words) and words[j + 1] == "rhi")):
            key, j = (_duration_key(int(value), direction) if high is None else None), j + 1
        elif unit in ("years", "year", "yrs", "yr") or before in ("age", "aged"):
            key = _age_key(int(value), direction) if high is None else None
            j += 1 if unit in ("years", "year", "yrs", "yr") else 0
            j += 1 if j < len(words) and words[j] in ("old", "olds") else 0
        elif (direction and value.is_integer() and high is None and unit not in _OTHER_UNITS) and (
            (number.group(2) and value > AGES[-1]) or before in _BARE_COMPARISONS
        ):
            key = _age_key(int(value), direction)  # "17+", "under 10": ages, the report's only bare bands
        if key is None:
            out.append(word)
            i += 1
            continue
        if out and out[-1] in _COMPARE_UP | _COMPARE_DOWN | {"than", "up", "to"}:
            while out and out[-1] in _COMPARE_UP | _COMPARE_DOWN | {"than", "up"}:
                out.pop()
        out.append(KEY_MARK + key)
        i = j
    return out


def _section_words(number: str) -> frozenset[str]:
    title = SECTION_BY_NUMBER[number].title
    return phrase_stems(title.split("(")[0]) - {"breakdown"}


def _quantity_token(indicator: Indicator) -> list[str]:
    return [KEY_MARK + indicator.key.lower()]


def build_readings(config: Config) -> list[Reading]:
    """Every reading a question can have, generated from the catalogue and the config."""
    catalogue = [i for i in build_catalogue(config) if not i.key.startswith("_")]
    groups = build_groups(config)
    chart_labels = {keys[0]: row.label for g in groups.values() for row in g.rows for keys in [row.keys]}
    aliases: dict[str, list[str]] = {}
    for alias, code in config.ethnicity.aliases.items():
        aliases.setdefault(f"ethnicity.{code}", []).append(alias)
    readings: dict[str, Reading] = {}
    for indicator in catalogue:
        texts = [indicator.label, indicator.short_label, *aliases.get(indicator.key, [])]
        if indicator.key in chart_labels and not any(c.isdigit() for c in chart_labels[indicator.key]):
            texts.append(chart_labels[indicator.key])
        if indicator.key.startswith("ethnicity.") and " - " in indicator.label:
            code, name = indicator.label.split(" - ", 1)
            texts += [code, name]
        phrasings = {phrase_stems(text) for text in texts} | {frozenset(_quantity_token(indicator))}
        if indicator.ref not in ("-", ""):
            phrasings.add(frozenset({indicator.ref}))
        qualifiers = set(_section_words(indicator.section))
        if indicator.denominator in (ALL_EPISODES, LAC_EPISODES):
            qualifiers.add("episode")  # the row counts episodes, as its percentage says
        reading_id = SAME_FIGURE.get(indicator.key, indicator.key)
        if reading_id in readings:  # a row that is another row's figure by definition adds its words to it
            known = readings[reading_id]
            readings[reading_id] = Reading(
                known.id,
                known.kind,
                known.subject,
                known.label,
                known.section,
                known.phrasings + tuple(phrasings),
                known.qualifiers | qualifiers,
            )
            continue
        readings[reading_id] = Reading(
            reading_id,
            FIGURE,
            reading_id,
            indicator.short_label,
            indicator.section,
            tuple(phrasings),
            frozenset(qualifiers),
        )
    for name, group in groups.items():
        texts = [group.title, name, f"{KEY_MARK}group.{name}", *GROUP_WORDS.get(name, ())]
        readings[f"group.{name}"] = Reading(
            f"group.{name}",
            BREAKDOWN,
            name,
            f"{group.title} (table)",
            group.section,
            tuple(phrase_stems(text) for text in texts),
            _section_words(group.section),
        )
    return [readings[key] for key in readings]


# Rows that are the same figure by definition: care status LAC (6.4) counts exactly the LAC episodes (2.1).
SAME_FIGURE = {"status.lac": "episodes.lac"}
# Words for a whole breakdown that its title does not use.
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "duration": ("days missing", "days"),
    "status": ("social care status", "case type", "status"),
    "distance": ("placement distance", "miles", "distance from home"),
    "bme": ("bme breakdown", "bme table"),
    "rhi": ("rhi breakdown", "rhi table", "rhi timeliness"),
}
