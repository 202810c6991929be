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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from digest.contract.config import Config
from digest.figures.catalogue import (
    AGES,
    ALL_EPISODES,
    DENOMINATOR_NOUNS,
    DISTANCE_BANDS,
    DURATION_DAYS,
    LAC_EPISODES,
    SECTION_BY_NUMBER,
    Indicator,
    build_catalogue,
    build_groups,
    distance_key,
)
from digest.figures.periods import FIRST_MONTH_OF_YEAR

FIGURE, BREAKDOWN = "figure", "breakdown"
KEY_MARK = "@"  # a token naming one reading exactly: "@episodes.lac", "@group.age" (quantities and buttons use it)

# How managers say things the report says otherwise: phrase -> the report's own words. Longest first wins.
SYNONYMS: dict[str, str] = {
    "looked after children": "lac children",
    "children looked after": "lac children",
    "looked after": "lac",
    "looked-after": "lac",
    "cla": "lac children",
    "in care": "lac",
    "lac cyp": "lac",
    "child sexual exploitation": "cse",
    "sexual exploitation": "cse",
    "exploitation": "cse",
    "at risk of cse": "cse",
    "cse risk": "cse",
    "risk of cse": "cse",
    "medium high": "cse",  # the report's CSE rows count medium/high risk: that is what "CSE" means here
    "cases": "children",
    "missing cases": "missing episodes",  # a case reported missing is an episode ("CSE cases" are children)
    "missing case": "missing episodes",
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
    "yp": "children",  # young people, the sector's short form
    "children we look after": "lac children",  # the sector's own words for children in care
    "we look after": "lac",
    "corporate parents for": "lac",  # "the children we are corporate parents for" (phrases are four words at most)
    "corporate parent for": "lac",
    "pupils": "children",  # a school's word for them ("school" itself is a topic the report does not hold)
    "pupil": "children",
    "students": "children",
    "student": "children",
    "ypp": "children",
    "ppl": "children",
    "headcount": "children",  # a count of heads: children, each once
    "deduplicated": "children",  # a statistician's distinct count
    "unduplicated": "children",
    "child": "children",
    "individuals": "children",
    "individual": "children",
    "boys": "male",
    "boy": "male",
    "males": "male",
    "girls": "female",
    "lads": "male",  # "lad" alone is one child (questions.INDIVIDUAL); "lads" are boys
    "lasses": "female",
    "girl": "female",
    "females": "female",
    "incidents": "episodes",
    "incident": "episodes",
    "occurrences": "episodes",
    "occurrence": "episodes",
    "independent return": "return",  # an independent return home interview is the RHI
    "occasions": "episodes",
    "repeat missing": "3+",
    "repeats": "3+",
    "repeat": "3+",
    "3 or more episodes": "3+",
    "3+ episodes": "3+",
    "3+ eps": "3+",
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
    "timeliness": "in time",
    "within timescales": "in time",
    "in timescales": "in time",
    "72 hours": "in time",
    "72 hrs": "in time",
    "72hrs": "in time",
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
    # Words from the DfE, SSDA903 and CIN glossaries, and how people say the report's rows.
    "cin": "cin",
    "in need": "cin",
    "cp plan": "cpp",
    "cp plans": "cpp",
    "on a plan": "cpp",
    "protection plan": "cpp",
    "protection": "cpp",
    "leaving care": "care leaver",
    "left care": "care leaver",
    "non client": "not a client",
    "non clients": "not a client",
    "nonclient": "not a client",
    "not known to": "not a client",
    "not record": "not recorded",  # "did we not record ethnicity": the verb, not a case record
    "not open to": "not a client",
    "other council": "other la",
    "other councils": "other la",
    "another council": "other la",
    "other authorities": "other la",
    "other authority": "other la",
    "other local authorities": "other la",
    "placing authority": "other la",
    "ethnic minority": "bme",
    "ethnic minorities": "bme",
    "minority ethnic": "bme",
    "black and minority ethnic": "bme",
    "bame": "bme",
    "traveller": "traveller irish heritage",
    "travellers": "traveller irish heritage",
    "heritage": "ethnicity",
    "distinct": "children",
    "different council": "other la",  # "belong to a different council": not "different children"
    "different councils": "other la",
    "a different council": "other la",
    "different local authority": "other la",
    "different": "children",
    "diff": "children",
    "unique": "children",
    "separate": "children",
    "persons": "children",
    "people": "children",
    "person": "children",
    "teenagers": "children",
    "teens": "children",
    "youngsters": "children",
    "eps": "episodes",
    # A coordinator's note-taking short forms: "tot eps", "indiv CYP", "same day rtn", "rptg mth".
    "tot": "total",
    "indiv": "children",
    "individ": "children",
    "rtn": "return",
    "rtns": "returns",
    "rptg": "reporting",
    "wk": "week",
    "wks": "weeks",
    "mi": "miles",
    "grt": "gypsy roma traveller",  # Gypsy, Roma and Traveller: two of the report's rows
    "epis": "episodes",
    "runaways": "episodes",
    "runaway": "episodes",
    "ran away": "",
    "run away": "",
    "runs away": "",
    "disappeared": "",
    "disappear": "",
    "vanished": "",
    "absconded": "",
    "absconding": "",
    "mfh": "",
    "mfc": "lac",
    "missing from care": "lac",
    "care system": "lac",
    "in our care": "lac",
    "under our care": "lac",
    "cared for": "lac",
    "children in care": "lac children",
    "kids in care": "lac children",
    "care kids": "lac children",  # not care leavers: "care" alone names no row
    "care kid": "lac children",
    "child in care": "lac children",
    "young people in care": "lac children",
    "other areas": "other la",
    "other area": "other la",
    "another area": "other la",
    "debrief": "rhi",
    # "who aren't in care": a "not" that flips what is asked, as the report's own "not" rows do
    "aren't": "not",
    "isn't": "not",
    "wasn't": "not",
    "weren't": "not",
    "don't": "not",
    "doesn't": "not",
    "didn't": "not",
    "haven't": "not",
    "hasn't": "not",
    "hadn't": "not",
    "arent": "not",
    "isnt": "not",
    "wasnt": "not",
    "werent": "not",
    "didnt": "not",
    "dont": "not",
    "doesnt": "not",
    "havent": "not",
    "hasnt": "not",
    "hadnt": "not",
    "non": "not",
    "open to": "",
    # "Known to social care" is everyone but the report's "not a client" row, which it does not count: not read.
    "known to social care": "knownto",
    "known to social services": "knownto",
    "known to csc": "knownto",
    "known to us": "knownto",
    "known to children's services": "knownto",
    "low risk": "lowrisk",  # the report's CSE rows are medium/high: low or no risk is no row of it
    "low cse risk": "lowrisk",
    "low cse": "lowrisk",
    "no risk": "lowrisk",
    "no cse risk": "lowrisk",
    "chat": "rhi",
    "chats": "rhi",
    "dist": "distance",
    "debriefs": "rhi",
    "return to home interviews": "rhi",
    "return to home interview": "rhi",
    "return conversations": "rhi",
    "return conversation": "rhi",
    "return discussions": "rhi",
    "return discussion": "rhi",
    "take-up": "accepted",
    "conversion": "accepted",
    "ep": "episodes",
    "epi": "episodes",
    "reports": "episodes",
    "times": "episodes",
    "instances": "episodes",
    "events": "episodes",
    "missings": "episodes",
    "3 times or more": "3+",
    "3 or more times": "3+",
    "at least 3 times": "3+",
    "more than twice": "3+",
    "more than 2 times": "3+",
    "3+ times": "3+",
    "frequent": "3+",
    "frequently": "3+",
    "repeatedly": "3+",
    "persistent": "3+",
    "not stated": "not recorded",
    "not known": "not recorded",
    "unrecorded": "not recorded",
    "no record": "not recorded",
    "dont know": "not recorded",
    "don't know": "not recorded",
    "blank": "not recorded",
    "missing data": "not recorded",
    "outside the 3 days": "not in time",  # "done late, outside the 3 days"
    "outside 3 days": "not in time",
    "outside 3 working days": "not in time",
    "outside the 3 working days": "not in time",
    "3 working days": "in time",
    "3 working day": "in time",
    "within 3 days": "in time",
    "within the 3 days": "in time",
    "done in 3 days": "completed in time",
    "completed in 3 days": "completed in time",
    "done within 3 days": "completed in time",
    "in timescale": "in time",
    "within timescale": "in time",
    "out of time": "not in time",
    "outside timescale": "not in time",
    "not on time": "not in time",
    "acceptance": "accepted",
    "acceptances": "accepted",
    "kpi": "",  # "completed in KPI timescale": the timescale is the report's 3 working days
    "kpis": "",
    "accept": "accepted",
    "accepting": "accepted",
    "agreed": "accepted",
    "said yes": "accepted",
    "took up": "accepted",
    "take up": "accepted",
    "took it up": "accepted",
    "take it up": "accepted",
    "taken it up": "accepted",
    "took them up": "accepted",
    "uptake": "accepted",
    "offer": "offered",
    "offers": "offered",
    "done": "completed",
    "carried out": "completed",
    "held": "completed",
    "took place": "completed",
    "complete": "completed",
    "completion": "completed",
    "rhi": "rhi",
    "interviews": "rhi",
    "interview": "rhi",
    "returned the same day": "sameday",
    "back the same day": "sameday",
    "came back the same day": "sameday",
    "same day returns": "sameday",
    "female": "female",
    "women": "female",
    "woman": "female",
    "male": "male",
    "men": "male",
    "man": "male",
    "gender split": "gender",
    "placed": "placement",
    "placements": "placement",
    "away": "distance",
    "far": "distance",
    "from home": "",
    "of home": "",
    "living": "",
    "live": "",
    "lives": "",
    "m / h": "cse",
    "medium or high": "cse",
    "medium and high": "cse",
    "medium": "cse",
    "m h": "cse",
    "med high": "cse",
    "at risk": "cse",
    "risk": "cse",
    "cl": "care leaver",
    "cls": "care leaver",
    "subject to": "",
    "band": "",
    "bands": "",
    "bracket": "",
    "brackets": "",
    "category": "",
    "categories": "",
    "cohort": "",
    "cohorts": "",
    "race": "ethnicity",
    "racial": "ethnicity",
    "age group": "age",
    "age groups": "age",
    "age band": "age",
    "age bands": "age",
    "age range": "age",
    "age ranges": "age",
    "ethnic background": "ethnicity",
    "case status": "status",
    "care status": "status",
    "m f": "gender",  # "m/f split": the slash is no word
    "f m": "gender",
    "out of timescale": "not in time",
    "out of timescales": "not in time",
    "outside timescales": "not in time",
    "outside of timescale": "not in time",
    "outside of timescales": "not in time",
    "timescales": "in time",
    "timescale": "in time",
    "outside the timescale": "not in time",
    "appropriate and offered": "offered",  # the report's own label for 5.1
    "face to face": "",
    "social care": "",
    "social services": "",
    "children's services": "",
    "childrens services": "",
    "talking about": "",
    "counted 2 times": "",  # "I don't want kids counted twice": distinct children
    "double counted": "",
    "double counting": "",
    # Speech to text and police terms: "lack" is how dictation hears LAC; a "misper" is a missing person report.
    "lack": "lac",
    "lacks": "lac",
    "misper": "episodes",
    "mispers": "episodes",
    "missing persons": "episodes",
    "missing person": "episodes",
    "missing person reports": "episodes",
    "awol": "",
    "cic": "lac children",
    "laac": "lac children",
    "cla children": "lac children",
    "cin plan": "cin",
    "cin plans": "cin",
}
# American spellings and their British forms, as the report writes them.
BRITISH = (("ize", "ise"), ("yze", "yse"), ("izing", "ising"), ("ized", "ised"), ("yzed", "ysed"))
# Number words up to a hundred, as digits ("fifteen year olds", "last six months", "twenty-one miles").
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS |= {"hundred": 100, "a hundred": 100, "one hundred": 100}
_TENS = ("twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER = re.compile(
    r"\b(?:("
    + "|".join(_TENS)
    + r")[\s-](one|two|three|four|five|six|seven|eight|nine)|("
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))(s?)\b"  # "under tens": 10s
)
# A bare "one" is often no number ("the last one", "which one"): read only before a unit.
# "a month", "one mile": 1; not "a month-by-month account"
_ONE_BEFORE_UNIT = re.compile(r"\b(?:one|a|an)\s+(?=(?:day|mile|year|week|month|quarter)s?\b(?![-\s]+by\b))")
_WEEKS = re.compile(r"\b(\d+)\s+weeks?\b|\b(?:a|one)\s+week\b|\b(?:a\s+)?fortnight\b")
DAYS_IN_WEEK = 7


# Short forms dictated or typed letter by letter ("L.A.C.", "c s e", "r h i"), joined when they are one of these.
SPELT_OUT = frozenset({"lac", "cla", "cse", "rhi", "cin", "cp", "cpp", "ola", "eh", "bme", "ytd", "mtd", "fy", "cyp"})
_SPELT_LETTERS = re.compile(r"\b[a-z](?:[.\s]+[a-z]\b){1,2}\.?")


# Letters as dictation software writes them when they are said one by one ("see S E", "are H eyes"): read as letters
# only inside a run of letters that spells a short form, so "see" and "are" stay words everywhere else.
LETTER_NAMES = {"see": "c", "sea": "c", "are": "r", "eye": "i", "eyes": "is", "bee": "b", "pee": "p", "em": "m"}
LETTER_NAMES |= {"el": "l", "ay": "a", "ess": "s", "aitch": "h", "dee": "d", "ee": "e", "cee": "c", "en": "n"}
LETTER_NAMES |= {"oh": "o", "tee": "t", "why": "y", "eff": "f"}  # "oh el ay" (OLA), "why tee dee" (YTD)
SPOKEN_WORDS = frozenset({"see", "sea", "are", "eye", "eyes", "oh", "why"})  # also words: letters only beside a letter
_SPOKEN_LETTER = r"(?:[a-z]|" + "|".join(LETTER_NAMES) + r")"
_SPOKEN_LETTERS = re.compile(rf"\b{_SPOKEN_LETTER}(?:[.\s]+{_SPOKEN_LETTER}\b){{1,2}}(?:'?s\b)?\.?")


def join_spelt(text: str) -> str:
    """Letters said one by one as the short form they spell: "l a c" -> "lac", "C.S.E." -> "cse", "see S E" -> "cse",
    "are H eyes" -> "rhis"; "f2f" too."""

    def joined(match: re.Match[str]) -> str:
        letters = re.sub(r"[.\s]", "", match.group(0))
        return letters if letters in SPELT_OUT else match.group(0)

    def dictated(match: re.Match[str]) -> str:
        said = re.split(r"[.\s]+", match.group(0).strip(" ."))
        letters = "".join(LETTER_NAMES.get(w, w) for w in said).replace("'", "")
        short = letters[:-1] if letters.endswith("s") and letters[:-1] in SPELT_OUT else letters
        if short not in SPELT_OUT or all(w in SPOKEN_WORDS for w in said):
            return match.group(0)
        return letters if short != letters else short

    text = _SPELT_LETTERS.sub(joined, re.sub(r"\bf2f\b", "face to face", text))
    return _SPOKEN_LETTERS.sub(dictated, text)


# "Recorded" names a row only with a "not" just before it ("not recorded", "not obtained / recorded"); else it is how
# a figure is kept ("episodes recorded in June").
_RECORDED = re.compile(r"\brecorded\b")
# "Not just the ones in care" is an aside, left out only where its end is plain: a few words, then a bracket or a
# clause's end. Unbounded, it swallowed the question ("children (all, not just CLA) with 3 or more episodes").
MAX_ASIDE_WORDS = 4
_NOT_JUST = re.compile(
    rf"\bnot\s+(?:just|only)\b(?:\s*[^\s,.;:?!()\[\]]+){{0,{MAX_ASIDE_WORDS}}}(?=\s*(?:[,.;:?!()\[\]]|$))"
)
_NOT_BEFORE = re.compile(r"\b(?:not|no|un)\b(?:\W+\w+){0,2}\W+$")


# Punctuation dictated aloud and written down as words by speech-to-text ("June full stop", "comma").
_SPOKEN_PUNCTUATION = {"full stop": ".", "period": ".", "question mark": "?", "comma": ",", "colon": ":"}
_SPOKEN_MARK = re.compile(r"\b(?:full\s+stop|question\s+mark|comma|colon)\b")
# A year dictated: "twenty nineteen", "two thousand and nineteen" (2000 to 2099).
_SPOKEN_YEAR = re.compile(
    r"\b(?:twenty\s+(?=(?:ten|eleven|twelve|\w+teen|twenty|thirty)\b)|two\s+thousand\s+(?:and\s+)?)(\w+)\b"
)


def spell_years(text: str) -> str:
    """Dictated years and punctuation as typed: "june twenty nineteen" -> "june 2019", "full stop" -> "."."""
    text = _SPOKEN_MARK.sub(lambda m: _SPOKEN_PUNCTUATION[re.sub(r"\s+", " ", m.group(0))], text)

    def year(match: re.Match[str]) -> str:
        value = NUMBER_WORDS.get(match.group(1))
        return f"20{value:02d}" if value is not None and 0 <= value < 100 else match.group(0)

    return _FINANCIAL_YEAR_SAID.sub(_financial_year, _SPOKEN_YEAR.sub(year, text))


# A financial year said as its two calendar years ("2019 to 2020", "twenty nineteen twenty", "2019 slash 20"): the
# second word only where it is the year after the first, so "June 2019 20 episodes" keeps its count
_FINANCIAL_YEAR_SAID = re.compile(
    r"\b(20\d\d)(?:\s*(?:to|slash|/|-|–)\s*(20\d\d|\d\d)|\s+(?:to\s+|slash\s+)?(twenty(?:[\s-]\w+)?|\w+teen|ten|eleven|twelve))\b"
)


_DATE_BEFORE = re.compile(r"(?:\d[/.-]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*)$")
_DATE_AFTER = re.compile(
    r"\s*(?:[/.-]\s*\d|(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)


def _financial_year(match: re.Match[str]) -> str:
    """ "2019 to 2020" -> "2019/20"; anything else as said, dates among it ("1 October 2019 - 2020-02-29", "10/09/2019
    to 20 September") above all."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return match.group(0)
    first = int(match.group(1))
    if match.group(2):
        second = int(match.group(2))
    else:
        tens, _, units = match.group(3).replace("-", " ").partition(" ")
        if tens not in NUMBER_WORDS or (units and units not in NUMBER_WORDS):
            return match.group(0)
        second = _number_value(match.group(3))
    if second not in (first + 1, (first + 1) % 100):
        return match.group(0)
    return f"{first}/{(first + 1) % 100:02d}"


# "A hundred and one", "one hundred and twenty-five": past a hundred, the number words it ends with added
_UNDER_A_HUNDRED = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|(?:"
    + "|".join(word for word, value in NUMBER_WORDS.items() if 0 < value < 100)
    + r")\b)"
)
# "Two hundred and ninety eight", "three hundred": so many hundreds, and the rest ("two hundred" had been 2 and 100)
_HUNDRED_AND = re.compile(
    r"\b(?:(a|one|two|three|four|five|six|seven|eight|nine)\s+)?hundred\b(?:\s+and\s+(" + _UNDER_A_HUNDRED + "))?"
)
_ROUND_PLUS_MILES = re.compile(r"\b(\d*0)\s*\+\s*(miles?)\b")  # "40+ miles", never "101+ miles" (a band's own start)


def _hundreds(match: re.Match[str]) -> str:
    """ "A hundred and one" -> "101", "three hundred and fifty" -> "350", "two hundred" -> "200"."""
    times = 1 if match.group(1) in (None, "a") else NUMBER_WORDS[match.group(1)]
    return str(100 * times + (_number_value(match.group(2)) if match.group(2) else 0))


def _number_value(words: str) -> int:
    """ "One" -> 1, "twenty-five" -> 25: the value of number words under a hundred."""
    tens, _, units = words.replace("-", " ").partition(" ")
    return NUMBER_WORDS[tens] + NUMBER_WORDS.get(units.strip(), 0)


def spell_numbers(text: str) -> str:
    """Number words as digits, weeks as days: "fifteen" -> "15", "a week" -> "7 days", "twice" -> "2 times"."""
    text = spell_years(text)

    def number(match: re.Match[str]) -> str:
        tens, units, word, plural = match.groups()
        if word is not None:  # "hundreds of episodes" is no band of ages ("100s" had been read as the 17+)
            return (
                match.group(0)
                if word == "one" or (plural and word.endswith("hundred"))
                else str(NUMBER_WORDS[word]) + plural
            )
        return str(NUMBER_WORDS[tens] + NUMBER_WORDS[units]) + plural

    text = text.replace(">=", " at least ").replace("<=", " at most ").replace(">", " more than ")
    text = _ROUND_PLUS_MILES.sub(r"more than \1 \2", text)  # "100+ miles": past the band that ends at 100
    text = text.replace("<", " less than ")
    text = _HUNDRED_AND.sub(_hundreds, text)  # "a hundred and one": 101
    text = _NUMBER.sub(number, text)  # first, so "twenty one miles" is 21, not 20 and 1
    text = _MONTH_COMMA_YEAR.sub(r"\1 \2", text)  # "May, 2019", "April of 2019": May 2019
    text = _ONE_BEFORE_UNIT.sub("1 ", text)
    text = re.sub(r"\btwice\b", "2 times", text)
    text = re.sub(r"\bno (\w+) (?:was |were |is )?recorded\b", r"\1 not recorded", text)  # "no ethnicity recorded"
    text = _RECORDED.sub(lambda m: m.group(0) if _NOT_BEFORE.search(text[: m.start()]) else " ", text)
    text = _NOT_JUST.sub(" ", text)  # "all kids, not just the ones in care": all
    text = re.sub(r"\b(?:had|has|have|with|where|got|get|received)\s+no\b(?!\s+(?:of|\.))|\bwithout\b", " not ", text)
    text = re.sub(r"\b(\d)\s*w\.?\s*d\.?s?\b", r"\1 working days", text)  # "3WD", "3 wd": working days

    def weeks(match: re.Match[str]) -> str:
        if match.group(1):
            return f"{int(match.group(1)) * DAYS_IN_WEEK} days"
        return f"{2 * DAYS_IN_WEEK if 'fortnight' in match.group(0) else DAYS_IN_WEEK} days"

    return _WEEKS.sub(weeks, text)


def spell_british(word: str) -> str:
    """American -ize/-yze spellings as the British ones the report uses ("recognized" -> "recognised")."""
    for american, british in BRITISH:
        if word.endswith(american) and len(word) > len(american) + 2:
            return word[: -len(american)] + british
    return word


# Words that carry no meaning here ("how many were", "number of", "total"); "not" is never one.
_FILLER_TEXT = (
    "how many much what whats what's was were is are be been in into for the of number no yes show me "
    "please and a an did do does go went gone going missing from to give tell about by with on our there "
    "count figure figures total totals had have has get i we can could you see know all those involving "
    "reporting period rate percentage percent per month's which who as at it its it's one ones episodes' "
    "children's known lasting lasted that this reported happened altogether overall "
    "any some got get gets getting were went goes go going gone from just only w "
    "they them their these those this that there here my your "
    "like look looking looks looked please pls thanks thank cheers hi hello "
    "confirm provide show give tell let list need want would wondering wonder "
    "year's figure's whole entire full across during within over under "
    "ended up ending end ends still s t d ll m re ve month months between both "
    # General English that carries no figure: pronouns, auxiliaries, connectives, discourse.
    "i i'm i'd i've i'll me we us you your yours it they them their theirs one someone anyone everyone "
    "am is are was were be been being do does did doing done have has had having can could may might must "
    "shall would ought if so then than because as while when where whether how also too very really "
    "actually just quite rather roughly approximately about around exactly basically generally overall "
    "more less most least fewer often many much lot lots bit few several each every either neither "
    "no nor or yes ok okay well now again already yet ever never sure think thought suppose guess imagine "
    "believe wonder wondering told tell say said says mean means meant called call term terms rule rules "
    "thing things stuff kind sort type way ways whatever whichever whoever anything something everything "
    "seem seems seemed appear appears look looks looking looked see seen show shows showing shown "
    "happen happens happened happening involve involves involved involving include includes included "
    "our ours here there where's there's that's it's what's who's can't couldn't "
    "related relating relate regarding concerning attributable set single council council's community communities "
    "lowdown rundown ballpark "
    "latest newest recent most saw showed experienced row rows indicator indicators ref found returned located "
    "board paper papers committee scrutiny meeting members dmt slt "
    "big bigger large larger small smaller high higher low lower jump jumped change much older younger "
    "back came come comes coming went go goes going gone get got getting out off into onto over under "
    "again area local our council's authority's fig figs figures stat stats statistic statistics data "
    "number numbers total totals amount count counts counted level levels value values "
    "family families child's kid's children's people's our all whole entire full both same e g ie eg etc "
    # Conversation around a question: apologies, hedges, asides ("sorry if this is a daft question", "I know
    # it's not finished yet"), connectives and modals; none names a figure, so none stops a question.
    "but however although though anyway anyhow besides sorry apologies question questions query daft silly "
    "stupid quick quickly simple simply actual really honestly talking talk speaking asking ask asked "
    "want wanted wants needed needs should shouldn't shall will won't wouldn't might must mustn't "
    "finished finish finishing yet else anybody everybody somebody nobody anyone's "
    "account accounts accounted accounting make makes made making up "
    "we'd we're we've you're you've they're they've let's i'd gonna wanna hey morning afternoon "
    "pls plz thx ta approx approximately exact precise precisely rough ballpark "
    "n abs absolute raw csc "
    "radius afield advocate advocates outside face f2f case "
    "sense helpful useful curious interested grateful appreciate appreciated kindly possible possibly able asap "
    "urgent urgently check checking double info information detail details update updated briefly remind "
    "statutory represent represents representing equate equates works work working "
    # Dictation: hesitations the phone writes down, and "cos" for because.
    "um umm uh uhh er erm ah hmm mm cos coz cuz because together always usually sometimes "
    "hiya hey heya evening including load loads line column columns col cols colm cell cells box item flagged flag "
    "position situation picture"
)
FILLER = frozenset(_FILLER_TEXT.split())
NEGATION = NEGATION_WORD = "not"
REPEAT_MARK = "3+"  # how "3 or more episodes", "repeat", "frequently" are read

_TOKEN = re.compile(r"\b[a-z]\d\b|[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?(?:s\b|[a-z]?)\+?|@[a-z0-9_.|]+|\+")


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
    also_in: frozenset[str] = frozenset()  # other sections printing the same figure (LAC episodes: care status, 6)

    @property
    def called_by(self) -> frozenset[str]:
        """Every word that names or qualifies it: its phrasings' stems and its section's words."""
        return frozenset().union(*self.phrasings) | self.qualifiers


def split_words(text: str) -> list[str]:
    """Lower-case words, numbers (with a trailing + or band letter) and @key tokens, in order."""
    cleaned = text.lower().replace("’", "'").replace("/", " / ")
    cleaned = re.sub(r"\b([a-z]+)s'(?=\s|$)", r"\1s", cleaned)  # "children's", "girls'": the word itself
    cleaned = re.sub(r"\b([a-z]+)'s\b", r"\1", cleaned)
    cleaned = re.sub(r"(\d)(yrs?|years?|miles?|days?)\b", r"\1 \2", cleaned)  # "14yrs" -> "14 yrs"
    cleaned = re.sub(r"(\d)\s*-\s*(\d)", r"\1 to \2", cleaned)  # "0-10 miles" -> "0 to 10 miles"
    return _TOKEN.findall(cleaned)


def replace_synonyms(words: list[str]) -> list[str]:
    """Each synonym phrase (longest first) as the report's words; "aren't", "isn't" and the like as "not" first, so
    that "aren't known to us" reads as "not known to us" does."""
    words = [NEGATION_WORD if w != "non" and SYNONYMS.get(w) == NEGATION_WORD else w for w in words]
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
    """The words that can name a figure: synonyms read, quantities as their rows' keys, filler left out, stemmed."""
    read = scope_negations(read_quantities(replace_synonyms(list(words))))
    stems = (stem(w) for w in read if w not in FILLER and w != "/")
    return [w for w in stems if w not in FILLER]


NEGATION_REACH_WORDS = 3  # how far on a "not" looks for what it negates, filler skipped
_NEGATION_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w, said in SYNONYMS.items() if said == NEGATION_WORD) + r"|not)\b"
)
_CLAUSE_END = re.compile(r"([,.;:?!()]|\bbut\b|\bthough\b|\balthough\b)")


def drop_idle_negations(text: str) -> str:
    """A "not" with nothing a row counts after it in its clause ("I know it's not finished yet, but ...") left out,
    so it cannot negate the figure asked for in the next clause."""
    parts = _CLAUSE_END.split(text)
    for n, part in enumerate(parts):
        for match in reversed(list(_NEGATION_WORDS.finditer(part))):
            after = replace_synonyms(split_words(part[match.end() :]))
            counts = next((w for w in after if w not in FILLER), None) in (EPISODE_NOUN, CHILD_NOUN)
            banded = re.match(r"\W*(?:\w+\W+){0,2}?\d", part[match.end() :]) is not None  # "not within 20 miles"
            if set(content_stems(split_words(part[match.start() :]))) <= {NEGATION} and not counts and not banded:
                part = part[: match.start()] + part[match.end() :]  # "not known to" is a row; "not episodes" a count
        parts[n] = part
    return "".join(parts)


_QUALIFYING_AFTER_A_COUNT = frozenset(
    {"placed", "placement", "involving", "from", "aged", "at", "who", "that", "with", "where", "whose"}
)  # "not episodes at CSE risk", "not the kids placed within 10 miles": what follows qualifies the count


def scope_negations(words: list[str]) -> list[str]:
    """A "not" kept only where it negates a row's words: "not a client", "not in time". One that negates what is
    counted ("children, not episodes", "not the number of times") says which count is meant, so it goes with the
    count it rules out; one with nothing after it ("I know it's not finished yet") negates nothing here."""
    out: list[str] = []
    skip: set[int] = set()
    for i, word in enumerate(words):
        if i in skip:
            continue
        if word != NEGATION:
            out.append(word)
            continue
        following = [j for j in range(i + 1, len(words)) if words[j] not in FILLER][:1]
        if not following or following[0] - i > NEGATION_REACH_WORDS + 1:
            continue  # negates nothing a row counts
        # "not the kids placed within 10 miles", "apart from episodes at CSE risk": the count noun is qualified, so
        # the "not" negates what qualifies it; "children, not episodes" rules the count out
        after = [w for w in words[following[0] + 1 :] if w not in FILLER][:NEGATION_REACH_WORDS]
        next_word = words[following[0] + 1] if following[0] + 1 < len(words) else ""
        qualified = next_word in _QUALIFYING_AFTER_A_COUNT or any(
            w.startswith(KEY_MARK) or w in _QUALIFYING_AFTER_A_COUNT for w in after
        )
        if words[following[0]] in (EPISODE_NOUN, CHILD_NOUN) and not qualified:
            skip.add(following[0])  # "children not episodes": episodes ruled out
            continue
        out.append(word)
    return out


def phrase_stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(split_words(text)))


# Quantities: a number with its unit, read into the band (or bands) of the catalogue that hold it.
_COMPARE_UP = {
    "further",  # "placed further than fifty miles away"
    "farther",
    "over",
    "above",
    "more",
    "greater",
    "older",
    "longer",
    "plus",
    "exceeding",
    "beyond",
    "outside",
    "outwith",
}
_COMPARE_DOWN = {"under", "below", "less", "younger", "within", "upto", "fewer", "shorter", "lower"}
# Comparatives of a count as well as of a quantity: before an age with "than" after it ("more 16 year olds in June than
# May"), they compare the count, not the ages; with no "than", or before miles or days ("more 40 miles in June than
# May"), they are the quantity's
COUNT_COMPARED = {"more", "fewer", "less"}
_AT_LEAST = {"least", "minimum"}  # "at least 2 days": 2 and over
_AT_MOST = {"most", "maximum"}  # "at most 10 miles": up to 10
_AFTER_UP = {"over", "more", "above", "older", "longer", "plus", "+"}  # "17 and over", "2 days or more"
_AFTER_DOWN = {"under", "less", "below", "younger", "fewer"}  # "10 miles or less"


_BARE_COMPARISONS = {"under", "over", "below", "above"}
_REACH_WORDS = {"range", "radius", "distance", "limit"}  # "within the range of 40 miles"
_OTHER_UNITS = {"working", "hour", "hours", "week", "weeks", "episode", "episodes", "time", "times", "wd"}
# Directions: "up" strictly above, "from" at or above, "down" strictly below, "to" at or below.
UP, FROM, DOWN, TO = "up", "from", "down", "to"
MAX_AGE = 26  # a bare number above this is no age ("over 100"): the spec's oldest is 25
BAND_MARK = "|"  # joins the keys of several rows read from one quantity ("at least 2 days")
WHOLE_UNIT_SLACK = 0.5  # "101+ miles" is the band above 100 (100.5 up) exactly, as miles are said whole
NEAREST_MARK = "~"  # a quantity only a wider band holds ("more than a week": more than 5 days), said in the answer


NO_END = 100000.0  # the top of an open band ("17+", "101+ miles", "more than 5 days")


def _wanted(low: float, high: float | None, direction: str, step: float) -> tuple[float, float]:
    """The range a quantity names: "over 10" is above 10 (by a band's step), "at least 10" from 10, and so on."""
    if high is not None:
        return low, high
    ranges = {UP: (low + step, NO_END), FROM: (low, NO_END), DOWN: (0.0, low - step), TO: (0.0, low)}
    return ranges.get(direction, (low, low))


def _covering(keys: list[str], bands: Sequence[tuple[float, float]], wanted: tuple[float, float]) -> list[str]:
    """The rows whose bands together are exactly the wanted range; none when it cuts a band in two. Where only a wider
    band holds it ("more than a week": more than 5 days; "aged 18": 17+), that band, marked NEAREST_MARK."""
    low, high = wanted
    if high == NO_END and low > bands[-1][0]:  # "more than a week": the open last band holds it, and more
        return [keys[-1], NEAREST_MARK] if low - bands[-1][0] > WHOLE_UNIT_SLACK else [keys[-1]]
    if high == bands[-1][0] and bands[-1][1] == NO_END:  # "16 and 17 year olds": 17 is the open band "17+"
        high = NO_END
    inside = [key for key, (a, b) in zip(keys, bands, strict=True) if a >= low and b <= high]
    cut = [key for key, (a, b) in zip(keys, bands, strict=True) if a < low <= b or a <= high < b]
    if cut:
        # A single value inside one band reads as that band ("15 miles" is in 11-20, "aged 18" in 17+): wider.
        if low == high or (len(cut) == 1 and not inside and high - low < 10):
            return [cut[0], NEAREST_MARK]
        return []
    return inside


def _age_keys(low: int, high: int | None, direction: str) -> list[str]:
    keys = ["age.under_10", *(f"age.{age}" for age in AGES), "age.17_plus"]
    bands = [(0.0, AGES[0] - 1.0), *((float(age), float(age)) for age in AGES), (AGES[-1] + 1.0, NO_END)]
    return _covering(keys, bands, _wanted(low, high, direction, 1))


def _distance_keys(low: float, high: float | None, direction: str) -> list[str]:
    keys = [distance_key(upper) for upper in DISTANCE_BANDS] + ["distance.101_plus"]
    bands = [(0.0 if upper == DISTANCE_BANDS[0] else upper - 9.5, float(upper)) for upper in DISTANCE_BANDS]
    bands.append((DISTANCE_BANDS[-1] + 0.5, NO_END))
    if high is not None and low % 10 == 1:  # "21 to 30 miles" is the band above 20
        low -= 0.5
    return _covering(keys, bands, _wanted(low, high, direction, 0.5))


def _duration_keys(days: int, high: int | None, direction: str) -> list[str]:
    keys = [f"duration.{n}" for n in DURATION_DAYS] + ["duration.gt5"]
    bands = [(float(n), float(n)) for n in DURATION_DAYS] + [(DURATION_DAYS[-1] + 1.0, NO_END)]
    return _covering(keys, bands, _wanted(days, high, direction, 1))


def _direction(words: list[str], i: int) -> str:
    while i > 1 and words[i - 1] in ("the", "a"):  # "within the 40 mile radius", "outwith the 40 mile radius"
        words = words[: i - 1] + words[i:]
        i -= 1
    # "within the range of 40 miles", "outside a radius of 50 miles": the words of a distance's reach are no direction
    while i > 2 and words[i - 1] == "of" and words[i - 2] in _REACH_WORDS:
        drop = 3 if i > 3 and words[i - 3] in ("the", "a") else 2
        words = words[: i - drop] + words[i:]
        i -= drop
    before = words[i - 1] if i > 0 else ""
    before2 = words[i - 2] if i > 1 else ""
    before3 = words[i - 3] if i > 2 else ""
    age = (
        (i + 1 < len(words) and words[i + 1] in ("years", "year", "yrs", "yr", "yo"))
        or words[i].endswith("s")
        or bool(_direction_after(words, i + 1)[0])  # "more 13 and over in June than May": its own comparison after it
    )
    if before in COUNT_COMPARED and age and "than" in words[i + 1 :]:  # "more 16yrs in June than May?": not over 16
        return ""
    # "were there more 12 year olds or 13 year olds": which of two ages had more, not over 12
    ages_after = words[i + 1 : i + 5]
    if (
        before in COUNT_COMPARED
        and age
        and any(
            w == "or" and j + 1 < len(ages_after) and ages_after[j + 1][:1].isdigit() for j, w in enumerate(ages_after)
        )
    ):
        return ""
    if before == "than":
        before = before2
        if before3 in ("no", "not"):  # "no more than 10 miles" is at most 10, "not less than 2 days" at least 2
            return TO if before in _COMPARE_UP else FROM if before in _COMPARE_DOWN else ""
    if before in _AT_LEAST and before2 == "at":
        return FROM
    if before in _AT_MOST and before2 == "at":
        return TO
    if words[i].endswith("+"):
        return FROM
    if before in _COMPARE_UP:
        return UP
    if before == "within" or (before == "to" and before2 == "up"):
        return TO
    if before in _COMPARE_DOWN:
        return DOWN
    return ""


def _direction_after(words: list[str], j: int) -> tuple[str, int]:
    """A comparison said after the quantity: "17 and over", "2 days or more", "10 miles or less", "17 plus"."""
    if j < len(words) and words[j] in ("plus", "+"):
        return FROM, j + 1
    if j + 1 < len(words) and words[j] in ("and", "or") and words[j + 1] in _AFTER_UP:
        return FROM, j + 2
    if j + 1 < len(words) and words[j] in ("and", "or") and words[j + 1] in _AFTER_DOWN | {"under"}:
        return TO, j + 2
    return "", j


_NUMBER_TOKEN = re.compile(r"(\d+(?:\.\d+)?)(\+?)(s?)")


def read_quantities(words: list[str]) -> list[str]:
    """Numbers with a unit as the key of the row, or rows, that hold them ("aged 14" -> "@age.14", "at least 4 days"
    -> "@duration.4|duration.5|duration.gt5"); others as they are."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        number = _NUMBER_TOKEN.fullmatch(word)
        if number is None:
            out.append(word)
            i += 1
            continue
        value = float(number.group(1))
        high: float | None = None
        j = i + 1
        open_high = False  # "16 and 17+": from 16 up, the report's open last age band included
        if (
            j + 1 < len(words)
            and words[j] in ("-", "to", "and", "or")
            and re.fullmatch(r"\d+(?:\.\d+)?\+?", words[j + 1])
        ):
            open_high = words[j + 1].endswith("+")
            high, j = float(words[j + 1].rstrip("+")), j + 2
        direction = _direction(words, i)
        if number.group(2):
            direction = FROM
        said_after = False
        if not direction and high is None:
            direction, j = _direction_after(words, j)
            said_after = bool(direction)
        unit = words[j] if j < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        keys: list[str] = []
        plural_age = bool(number.group(3)) or (open_high and high == AGES[-1] + 1)  # "under 12s", "15s", "16 or 17+"
        aged = before in ("age", "aged") or (before == "between" and i > 1 and words[i - 2] in ("age", "aged"))
        if unit in ("mile", "miles", "mi"):
            keys, j = _distance_keys(value, high, direction), j + 1
            direction_after, after = _direction_after(words, j)
            if direction_after and high is None and not direction:
                keys, j = _distance_keys(value, None, direction_after), after
        elif unit in ("day", "days") and not (
            before == "working" or (j + 1 < len(words) and words[j + 1] in ("rhi", "wd"))
        ):
            keys, j = _duration_keys(int(value), None if high is None else int(high), direction), j + 1
            direction_after, after = _direction_after(words, j)
            if direction_after and high is None and not direction:
                keys, j = _duration_keys(int(value), None, direction_after), after
        elif unit in ("years", "year", "yrs", "yr") or aged or plural_age:
            keys = _age_keys(int(value), None if high is None else int(high), direction)
            j += 1 if unit in ("years", "year", "yrs", "yr") else 0
            j += 1 if j < len(words) and words[j] in ("old", "olds") else 0
            direction_after, after = _direction_after(words, j)
            if direction_after and high is None and not direction:
                keys, j = _age_keys(int(value), None, direction_after), after
        elif (direction and value.is_integer() and high is None and unit not in ("times", "time", "working")) and (
            (value > AGES[-1] and value < MAX_AGE)
            or (before in _BARE_COMPARISONS and unit not in _OTHER_UNITS and value < MAX_AGE)  # "over 100" is no age
            # "13 and over", "13+", "12 and under": an age the report bands, with nothing else it could count
            or ((said_after or number.group(2)) and AGES[0] <= value <= AGES[-1] + 1 and unit not in _OTHER_UNITS)
        ):
            keys = _age_keys(int(value), None, direction)  # "17+", "under 10": ages, the report's only bare bands
        if not keys and high is not None and unit:  # "0 to 200 miles" cuts a band: never its second number alone
            out.extend(words[i:j])
            i = j
            continue
        if not keys:
            out.append(word)
            i += 1
            continue
        while out and out[-1] in _COMPARE_UP | _COMPARE_DOWN | _AT_LEAST | _AT_MOST | {"than", "up", "at", "no", "not"}:
            if out[-1] in ("no", "not") and before != "than":
                break  # "not within 20 miles": the other bands (a complement); "no more than 10" is at most 10
            out.pop()
        if keys[-1] == NEAREST_MARK:
            out.append(KEY_MARK + NEAREST_MARK)
            keys = keys[:-1]
        out.append(KEY_MARK + BAND_MARK.join(keys))
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
    # A chart's bar names its row only when it is that row alone ("Not recorded" of the BME summary is E3 and E4).
    chart_labels = {row.keys[0]: row.label for g in groups.values() for row in g.rows if len(row.keys) == 1}
    aliases: dict[str, list[str]] = {}
    for alias, code in config.ethnicity.aliases.items():
        aliases.setdefault(f"ethnicity.{code}", []).append(alias)
    readings: dict[str, Reading] = {}
    for indicator in catalogue:
        # "(of those accepted)" names the row's base, not the row: "accepted" must not call up 5.3a.
        label = BASE_NOTE.sub("", indicator.label)
        texts = [label, indicator.short_label, *aliases.get(indicator.key, [])]
        if indicator.key in chart_labels and not any(c.isdigit() for c in chart_labels[indicator.key]):
            texts.append(chart_labels[indicator.key])
        if indicator.key.startswith("ethnicity.") and " - " in indicator.label:
            code, name = indicator.label.split(" - ", 1)
            texts += [code, name]
            broad = ETHNIC_GROUP_NAMES.get(code[:1], "")  # "Black African" is D2, never B2 "White and Black African"
            if broad and broad not in name.lower():
                texts.append(f"{broad} {name}")
        phrasings = {p for text in texts if (p := phrase_stems(text))} | {frozenset(_quantity_token(indicator))}
        # "3 or more episodes" is read as one token, so the label keeps no "episodes": "repeat mispers" names the row.
        phrasings |= {p - {"children"} | {"episode"} for p in phrasings if REPEAT_MARK in p}
        if indicator.ref not in ("-", ""):
            phrasings.add(frozenset({indicator.ref}))
        qualifiers = set(_section_words(indicator.section))
        if indicator.denominator in DENOMINATOR_NOUNS:  # "% of accepted RHIs done in time": its base qualifies it
            qualifiers |= phrase_stems(DENOMINATOR_NOUNS[indicator.denominator])
        if indicator.key.startswith("episodes."):
            qualifiers.add("children")  # "how many times did children go missing": episodes
        if indicator.denominator in (ALL_EPISODES, LAC_EPISODES):
            # The row counts episodes, as its percentage says; people say "children" of it all the same
            # ("how many girls", "Gypsy / Roma children"): the report has no children by breakdown.
            qualifiers |= {"episode", "children"}
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
                known.also_in | {indicator.section},
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
        texts = [group.title, name, f"{KEY_MARK}{GROUP_ID_PREFIX}{name}", *GROUP_WORDS.get(name, ())]
        readings[f"{GROUP_ID_PREFIX}{name}"] = Reading(
            f"{GROUP_ID_PREFIX}{name}",
            BREAKDOWN,
            name,
            f"{group.title} (table)",
            group.section,
            tuple(phrase_stems(text) for text in texts),
            _section_words(group.section),
        )
    return [readings[key] for key in readings]


BASE_NOTE = re.compile(r"\s*\(of [^)]*\)")
_UNIT_FIRST = re.compile(
    r"\b(?:(?P<days>days?)\s+(?P<missing>missing\s+)?|(?P<distance>distance|miles?)\s+|(?P<age>age|aged)\s+)"
    r"(?P<bound>(?:at\s+least|at\s+most|more\s+than|under)\s+\d+)\b(?!\s*(?:days?|miles?|yrs?|years?|\+))"
)


def _unit_after(match: re.Match[str]) -> str:
    unit = "days" if match["days"] else "miles" if match["distance"] else "years"
    return f"{match['missing'] or ''}{match['bound']} {unit}"


NUMBERED_PART = re.compile(r"(?:^|(?<=\s))\(?[1-9]\)\s+")  # "1) ... 2) ...": a question's parts, "(3.2)" a ref


# Ways of writing what the report's own words say, read as those words before anything else is read.
# Row 5.1's own note, pasted or retyped ("(not inc. No & N/A)", "excl No and N/A"): what the row already leaves out.
ROW_5_1_NOTE = re.compile(
    r"\(?\s*(?:not\s+inc(?:l|luding)?\.?|excl?(?:uding|\.)?|without)\s+"
    r"(?:(?:the|those|ones|recorded|answered|marked|as)\s+)*(?:no(?:s|es)?\s*(?:&|and|,|\+|or)\s*)?n\s*/\s*as?\b"
    r"\s*\)?"
)
# Words asking for all but some rows: "other than", "apart from", "except", "excluding", "besides".
COMPLEMENT_SAID = re.compile(
    r"\b(?:other\s+than|apart\s+from|aside\s+from|except(?:ing)?(?:\s+for)?|excluding|excl\.?|ex\.|besides"
    r"|not\s+counting|not\s+including|leaving\s+out|outside\s+of|(?<!\bor\s)(?<!\bmuch\s)(?<!\bno\s)(?<!\bany\s)(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)less(?!\s+(?:than|then|now|often|these\s+days|lately|recently|frequently)\b)(?!\s*(?:[?.!,]|$))(?![^.?!]*\bth[ae]n\b)|bar(?!s?\b\s*(?:(?:charts?|graphs?|for|on|of|vs|v|versus|against|is|was|looking|looks|divided|height|shows?"
    r"|went|goes|dropped|rose|fell|taller|shorter"
    r"|in\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|q[1-4]|ytd|the\s+(?:year|month|quarter)))\b"
    r"|[,?.:;)!-]|$))"
    r"|barring)(?=\s)"
)
_EMOJI_WORDS = {
    "👧": "girls",
    "👦": "boys",
    "🧒": "children",
    "👶": "children",
    "🧑": "children",
    "🔺": "up",
    "🔻": "down",
    "⬆️": "up",
    "⬇️": "down",
    "⏳": "how long",
}
_CHART_EMOJI = re.compile("📈|📉")


_CHART_PART = re.compile(
    r"\b(?:the\s+)?(?P<largest>tallest|highest|biggest|largest|longest|fattest)\s+(?:bar|slice|column|segment|wedge)s?\b"
    r"|\b(?:the\s+)?(?P<smallest>shortest|lowest|smallest|thinnest)\s+(?:bar|slice|column|segment|wedge)s?\b"
    r"|\bwhich\s+(?:bar|slice|column)\s+is\s+(?:the\s+)?(?P<which>tallest|highest|biggest|largest)\b"
    r"|\b(?P<every>(?:every|each)\s+(?:bar|slice|column|segment|wedge)s?|all\s+(?:the\s+)?(?:bars|slices|columns"
    r"|segments|wedges))\b"  # never "all bar LAC": all but LAC
)
# A chart's largest or smallest bar, or every bar, said of no breakdown's chart: asked which chart (questions.py)
CHART_PART_UNNAMED = re.compile(
    r"\b(?:tallest|highest|biggest|largest|longest|fattest|shortest|lowest|smallest|thinnest)\s+"
    r"(?:bar|slice|column|segment|wedge)s?\b|\bwhich\s+(?:bar|slice|column)\s+is\b"
    r"|\b(?:(?:every|each)\s+(?:bar|slice|segment|wedge)s?|all\s+(?:the\s+)?(?:bars|slices|segments|wedges))\b"
)
# The breakdowns' charts, by a word of their names: a bar or slice of another chart ("the LAC chart": the months of a
# row, or the placement distances?) or of none is not read as a row of a table.
BREAKDOWN_CHART = re.compile(r"\b(?:age|gender|sex|ethnic\w*|status|days?\s+missing|distance|miles|rhis?|return)\b")


def _chart_part(match: re.Match[str]) -> str:
    """A chart's largest or smallest bar or slice, or every one, where a breakdown's chart is named; else as said."""
    if not BREAKDOWN_CHART.search(match.string):
        return match.group(0)
    if match.group("every"):
        return " breakdown "
    return " smallest " if match.group("smallest") else " biggest "


def _chart_emoji(match: re.Match[str]) -> str:
    """A chart emoji: the trend asked ("📈 LAC episodes?"), or up and down beside a comparison ("June v May 📉")."""
    text = match.group(0)
    if _SET_AGAINST.search(text):
        return text.replace("📈", " up ").replace("📉", " down ")
    return _CHART_EMOJI.sub(" trend ", text)


ORDINALS = {  # "first" and "1st" to "twelfth" and "12th"
    word: n
    for n, words in enumerate(
        (
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
            ("eleventh", "11th"),
            ("twelfth", "12th"),
        ),
        start=1,
    )
    for word in words
}
_MONTH_WORDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DAY_WORDS = (
    {word: n for word, n in ORDINALS.items() if word.isalpha()}
    | {
        word: n + 13
        for n, word in enumerate(
            [
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
                "twentieth",
            ]
        )
    }
    | {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
)
_DAY_IN_WORDS = re.compile(
    r"\b(?:the\s+)?(thirty[\s-]first|twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(_DAY_WORDS)
    + r")\s+of\s+(?=(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)"
)


def _day_in_words(match: re.Match[str]) -> str:
    """ "the first of April": "1 April"; "the twenty-first of May": "21 May"; only in a range of two such days
    ("LAC episodes first of May" is May's)."""
    if len(_DAY_IN_WORDS.findall(match.string)) < 2:
        return match.group(0)
    said = match.group(1).replace("-", " ")
    if said.startswith("twenty "):
        return f" {20 + _DAY_WORDS[said.split()[1]]} "
    return f" {_DAY_WORDS.get(said, 31)} "


_ORDINAL = "|".join(ORDINALS)
_NTH_MONTH = re.compile(
    rf"\b(?:the\s+)?({_ORDINAL})\s+month(?:\s+of\s+(?:the\s+|this\s+)?(?:new\s+)?"
    rf"(calendar\s+|financial\s+|fin\s+|reporting\s+|performance\s+|business\s+)?(?:year|yr))?\b"
    r"(?!\s+(?:running|in\s+a\s+row|on\s+the\s+trot|straight|in\s+succession))"  # "the second month running"
)
_NTH_CALENDAR_QUARTER = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+the\s+calendar\s+year\b"
)


def _nth_month(match: re.Match[str]) -> str:
    """ "The sixth month (of the year)": June; "the first month of the financial year": April."""
    n = ORDINALS[match.group(1)]
    financial = bool(match.group(2)) and "calendar" not in match.group(2)
    return " " + _MONTH_WORDS[(n + 2) % 12 if financial else n - 1] + " "


def _nth_calendar_quarter(match: re.Match[str]) -> str:
    """ "The second quarter of the calendar year": April to June."""
    n = ORDINALS[match.group(1)]
    return f" {_MONTH_WORDS[3 * n - 3]} to {_MONTH_WORDS[3 * n - 1]} "


_MONTH_NAMED = re.compile(
    r"^(?=.*\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b).*$",
    re.DOTALL,
)
_YEAR_END = re.compile(r"\b(?:the\s+)?year[\s-]+end\b")
_WHOLE_TEXT = re.compile(r"^.*$", re.DOTALL)
_SINCE_REPORT = re.compile(r"\bsince\s+the\s+(?:last\s+|first\s+)?(\w+)\s+(?:report|digest|publication)\b")


def _without_report_month(match: re.Match[str]) -> str:
    """The text without "since the May report" where May is named elsewhere too; else "since May"."""
    text = match.group(0)

    def aside(since: re.Match[str]) -> str:
        month = since.group(1)
        elsewhere = len(re.findall(rf"\b{re.escape(month)}\b", text)) > 1
        return " " if elsewhere or not MONTH_WORD_SAID.fullmatch(month) else f" since {month} "

    return _SINCE_REPORT.sub(aside, text)


_GRANTED = re.compile(r"^\W*(?:i\s+know|i\s+realise|i\s+realize|i\s+appreciate|i\s+understand)\b([^.?!]{0,60}?)\bbut\b")
MONTH_ABBREVIATION = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # a month, in any short form
MONTH_WORD_SAID = re.compile(rf"(?i)\b{MONTH_ABBREVIATION}\b")


def _granted_months(match: re.Match[str]) -> str:
    """What the asker grants before the "but" goes, but a month it names stays ("I know July's only half done but
    how many LAC episodes so far": July so far)."""
    return " " + " ".join(m.group(0) for m in MONTH_WORD_SAID.finditer(match.group(1))) + " "


_DISTANCE_SAID = re.compile(r"^(?=.*\b(?:miles?|mi|placed|placement|distance)\b).*$", re.DOTALL)
_OUT_OF_AREA = re.compile(r"\b(?:ooa|out\s+of\s+(?:area|borough|county))\b")
_SCOTS_WORDS = {
    "mony": "many",
    "mair": "more",
    "wis": "was",
    "wur": "were",
    "oor": "our",
    "fae": "from",
    "tae": "to",
    "gie": "give",
    "whit": "what",
    "fur": "for",
    "oot": "out",
    "whaur": "where",
    "ower": "over",
    "hame": "home",
    "yins": "ones",
    "ye": "you",
    "cannae": "cannot",
    "naw": "no",
    "laddies": "boys",
    "laddie": "boy",
    "lassies": "girls",
    "lassie": "girl",
    "didnae": "did not",
    "isnae": "is not",
    "wisnae": "was not",
    "aboot": "about",
}
# Doric, the North East of Scotland's speech, word for word beyond Scots ("foo mony quines", "fit month hid the maist",
# "loons and quines", "the hale year", "awa fae hame"); "fit like" is its greeting
_DORIC_WORDS = {
    "foo": "how",
    "fit": "what",
    "fan": "when",
    "hae": "have",
    "hiv": "have",
    "hid": "had",
    "aa": "all",
    "thegither": "together",
    "quine": "girl",
    "quines": "girls",
    "loon": "boy",
    "loons": "boys",
    "auld": "old",
    "aulds": "olds",
    "awa": "away",
    "noo": "now",
    "hale": "whole",
    "ony": "any",
    "maist": "most",
    "nae": "not",
    "gyan": "going",
    "eens": "ones",
    "efter": "after",
    "ither": "other",
    "o": "of",
}
# Te reo Māori words New Zealand's social work uses in English ("how many tamariki", "rangatahi in care", "kia ora")
_MAORI_WORDS = {
    "tamariki": "children",
    "tamaiti": "child",
    "rangatahi": "young people",
    "whānau": "family",
    "whanau": "family",
}
# Nigerian Pidgin English, word for word ("abeg wetin be the LAC number", "how many pikin", "pikin wey get 3 or more",
# "e don increase?", "no be episodes o, na the pikin"); "abeg" is please, "abi" a question tag
_PIDGIN_WORDS = {
    "abeg": "",
    "pikin": "children",
    "pikins": "children",
    "wetin": "what",
    "na": "is",
    "reach": "to",
}
# Cumbrian, word for word ("how many lal uns", "yan", "marra", "summat", "fra", "t'year")
_CUMBRIAN_WORDS = {
    "yans": "ones",
    "summat": "something",
    "fra": "from",
    "lal": "little",
    "owers": "over",
    "lang": "long",
    "reet": "right",
}
# Caribbean English (Jamaican Patwa as typed in English), word for word ("how much youth dem did go missing inna June",
# "di LAC figure fi June", "mek mi know"); "dem" after a noun only marks it plural ("di episode dem").
_CARIBBEAN_WORDS = {
    "di": "the",
    "fi": "for",
    "inna": "in",
    "pickney": "children",
    "pickneys": "children",
    "gyal": "girls",
    "gyals": "girls",
    "bwoy": "boys",
    "bwoys": "boys",
    "wha": "what",
    "dis": "this",
    "dat": "that",
    "wid": "with",
    "weh": "that",
    "ting": "thing",
    "gwaan": "going on",
    "deh": "there",
    "likkle": "little",
}

_TABLE_WORDS = "breakdown|split|table"  # a whole table asked, in any of these words
# A table's own words ("return home interviews, the whole thing", "care status breakdown - EH, CIN, ...")
_WHOLE_TABLE_WORDS = re.compile(
    r"\b(?:return\s+home|rhis?|interviews?|gender|sex|ages?|ethnic\w*|(?:care\s+)?status|distance|days\s+missing)\b"
)
_SAME_MONTH_LAST = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([a-z]*)\s+(v|vs|versus|against|compared\s+(?:to|with))\s+"
    r"last\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([a-z]*)\b"
)


def _same_month_last_year(match: re.Match[str]) -> str:
    """ "Jun v last Jun": the month against itself a year before; other months ("June v last May") as said."""
    said = match.group(0)
    if match.group(1) != match.group(4):
        return said
    return f"{match.group(1)}{match.group(2)} {match.group(3)} {match.group(4)}{match.group(5)} last year"


# "eh" after a word that ends a clause ("jumped eh?", "up eh"), not after one that leads to a row ("CIN and EH?",
# "children known to EH?")
_EH_TAG = re.compile(r"\b(\w+)\s+eh\b(?=\s*[?!,.]|\s*$)")
_CLAUSE_ENDS = frozenset(
    {"up", "down", "right", "true", "that", "it", "high", "low", "bad", "good", "worse", "better", "again", "now"}
    | {"yeah", "ok", "okay", "yet", "though", "innit", "jumped", "dropped", "risen", "rose", "fallen", "fell"}
    | {"increased", "decreased", "spiked", "rocketed", "improved", "worsened", "climbed", "doubled", "halved"}
)


def _ends_a_clause(word: str) -> bool:
    """Whether a word before "eh" ends what was said ("jumped", "up"), so that "eh" is a tag, not Early Help ("then
    EH", "recorded EH", "fewer EH" are Early Help)."""
    return word in _CLAUSE_ENDS


# A row named by its place in a table ("top line of the ethnicity table", "the Gypsy/Roma line in the ethnicity table")
_A_PLACE_IN_A_TABLE = re.compile(r"\b(?:line|row|top|bottom|first|last)\b[^,.?!]*\b(?:of|in|on)\s+the\s+\w+\s+table\b")
_TABLE_ASKED = re.compile(rf"\b(?:{_TABLE_WORDS}|break\s+down|grid)\b")  # "gender split apr/may/jun + ytd"


def _a_table_and_its_rows(match: re.Match[str]) -> bool:
    """Whether a list after a breakdown is only its rows said again: the table is named before it, and the list names
    no period ("breakdown of care status - LAC, CIN, CPP for May" keeps its May; "break down May - LAC, CIN" keeps its
    rows)."""
    period = re.search(MONTH_NAMED + r"|\b(?:ytd|q[1-4]|year|quarter|month)\b", match.group(2))
    return _WHOLE_TABLE_WORDS.search(match.string[: match.start(2)]) is not None and period is None


# Norfolk dialect, word for word ("how many on 'em hev gone missin, bor?", "that ent a full month", "more mawthers than
# boys", "suffin", "a masterful lot"); "bor" (neighbour) is a form of address, as "mate" is.
_NORFOLK_WORDS = {
    "bor": "",
    "hev": "have",
    "hent": "have",  # "hent LAC gone down?" asks whether LAC went down, as "haven't" does: no "not" to read
    "ent": "is",
    "yew": "you",
    "mawther": "girl",
    "mawthers": "girls",
    "suffin": "something",
    "masterful": "great",
    "diffrunt": "different",
    "kiddie": "child",
    "kiddies": "children",
}
# Ghanaian English's "chale" (friend: a form of address) and "paa" (very, at a sentence's end: "it has gone up paa?")
_GHANAIAN_WORDS = {"chale": "", "paa": ""}
# Black Country dialect, word for word ("ow many wuz missin", "wot share", "yow tell me", "the babbies", "more wenches
# than lads gooin missin"); an h dropped ("'ave", "'ad", "'igher") is the word with it.
_BLACK_COUNTRY_WORDS = {
    "wuz": "was",
    "wot": "what",
    "yow": "you",
    "babby": "child",
    "babbies": "children",
    "wench": "girl",
    "wenches": "girls",
    "goo": "go",
    "gooin": "going",
    "gooes": "goes",
}
_DROPPED_H_WORDS = {
    "'ave": "have",
    "'ad": "had",
    "'as": "has",
    "'igher": "higher",
    "'ighest": "highest",
    "'ow": "how",
    "'ome": "home",
    "'ole": "whole",
    "'elp": "help",
    "'ead": "head",
    "'eard": "heard",
    "'alf": "half",
    "'ere": "here",
    "'oliday": "holiday",
    "'olidays": "holidays",
}
# Trinidadian English, word for word ("for de year", "allyuh had", "how it going oui"); "dey" (they) is read only
# where a verb follows it, as Pidgin's is, being a name too.
_TRINIDADIAN_WORDS = {"de": "the", "allyuh": "you", "oui": "", "doh": "don't", "wit": "with"}
# Lancashire dialect, word for word ("split fer June", "t' kids thesselves", "'ow many, cocker?"); "cocker" (mate) and
# "nobbut" (only) as said
_LANCASHIRE_WORDS = {
    "fer": "for",
    "thesselves": "themselves",
    "theirsens": "themselves",
    "cocker": "",
    "nobbut": "only",
}
# South Yorkshire, word for word ("sithee" (look here), "giz all episodes", "looks like its droppin"); "tha" (you: "tha
# got the breakdown?", but a slip for "than" too: "more tha 5 days", left unread), "as" for who ("kids as went
# missin") and "o" for of ("end o june") are read in _REWORDINGS, being words elsewhere
_YORKSHIRE_WORDS = {"sithee": "", "giz": "give me", "thee": "you", "droppin": "dropping", "goin": "going"}
# Welsh words in English ("faint o blant" how many children, "LAC plant", "ydy e'n uwch na Mai?" is it higher than
# May?); "diolch" and "plis" are talk (CHAT_WORDS)
_WELSH_WORDS = {"faint o blant": "how many children", "blant": "children", "plis": "please"}
# Cockney, word for word ("wotcha guv", "the nippers", "gis the number", "readin it"); "guv" and "wotcha" are forms of
# address and greeting, "sharpish" says how, not what. Its rhyming slang is read in _REWORDINGS.
_COCKNEY_WORDS = {
    "wotcha": "",
    "guv": "",
    "nipper": "child",
    "nippers": "children",
    "gis": "give me",
    "readin": "reading",
    "waitin": "waiting",
    "doin": "doing",
    "sharpish": "",
    "porkies": "lies",
    "scooby": "clue",
    "blinder": "",
}
# Teesside's "gadgie" (mate: a form of address); its "ave" (have: also short for average), "em" (them), "ome" (home)
# and Bradford's "bache" (children), "acha" (ok), "hai", "salaam" are names too, so they are read in _REWORDINGS only
# where the dialect puts them
_TEESSIDE_WORDS = {"gadgie": ""}
# Urdu and Punjabi words in Bradford English ("kitne bache went missing")
_URDU_WORDS = {"kitne": "how many", "kitni": "how many", "kitna": "how much", "assalamualaikum": "hello"}
# German English's "separately" (each on its own: the figures asked are given one by one already) and Bristolian
# ("babber", "my luvver" are forms of address; "lush" talk; "ows" how's), word for
# word; the phrases among them ("the totality", "is major or minor than") are read in _REWORDINGS
_SPANISH_GERMAN_BRISTOL_WORDS = {
    "separately": "",
    "babber": "",
    "luvver": "",
    "lush": "",
    "ows": "how's",
    "hola": "hello",
}
# Portuguese false friends read word for word (the phrases among them are read in _REWORDINGS)
_PORTUGUESE_FALSE_FRIENDS = {
    "trimester": "quarter",
    "trimesters": "quarters",
    "augmented": "went up",
    "augment": "go up",
    "augments": "go up",
    "diminished": "went down",
    "percentual": "percentage",
    "evolution": "trend",
    "feminine": "female",
    "masculine": "male",
}
_RUNNER = {
    "done": "gone missing",
    "did": "went missing",
    "do": "go missing",
    "doing": "going missing",
    "does": "goes missing",
}
_TOTALLED = re.compile(r"\b(?:total|totals|altogether|combined|sum|overall|in\s+all|add(?:ed)?\s+up)\b")
# A change asked over months listed ("compare LAC episodes april, may, june", "is CSE going up april may june")
_CHANGE_OVER = re.compile(
    r"\b(?:compar\w*|change[sd]?|vs|versus|against|(?:going|gone|went|go)\s+(?:up|down)|up\s+or\s+down|(?:up|down)\s+on|trend)\b"
)
_AN_AVERAGE_MEANT = re.compile(r"\b(?:each|per|by)\s+(?:child|kid)\b|\bhow\s+long\b|\bdays\b|\btime\b")
_ACTUAL_PERIOD = {"month": " this month so far ", "moment": " now ", "year": " this year ", "quarter": " this quarter "}
# Cockney rhyming slang: what each phrase rhymes with ("'ave a butcher's" is a look, "Adam and Eve" believe, "Pete
# Tong" wrong); each means nothing the report counts, so reading it keeps it from being taken for a name
_RHYMING_SLANG = {
    r"butcher'?s(?:\s+hook)?": "look",
    r"adam\s+and\s+eve": "believe",
    r"pete\s+tong": "wrong",
    r"apples\s+and\s+pears": "stairs",
    r"mince\s+pies": "eyes",
    r"dog\s+and\s+bone": "phone",
    r"cream\s+crackered": "tired",
    r"on\s+me\s+tod": "alone",
}


# A figure unchanged month to month ("stayed flat", "held steady", "been the same each month"); never "the same as
# May" or "level with May" (a comparison), nor "the same data" (a noun after it)
_FLAT = (
    r"(?:(?:flat|level|steady|consistent|stable|constant)\b"
    r"|the\s+same\b(?=\s*(?:[?.!,;]|$|each\b|every\b|month\b|since\b|across\b|over\b|through\b|all\b)))"
    r"(?!\s+(?:as|with|to)\b)"
)
_NO_FLAT_SUBJECT = r"(?!(?:it|they|that|this|these|those|we|you|i|the\s+data|the\s+figures?|things)\b)"
# What cannot be shown month by month as one figure: a table, an average or median, two rows ("girls and boys")
_NOT_ONE_MONTHLY_FIGURE = re.compile(
    r"\b(?:breakdown|split|table|mix|profile|median|average|mean|typical|data|figures)\b|\band\b|\bvs?\b|&"
)


def _by_month_unless_said(match: re.Match[str]) -> str:
    """ " month by month", unless the rest of the question says so already ("White British month by month - been
    consistent?")."""
    rest = match.string[: match.start()] + match.string[match.end() :]
    return " " if _BY_MONTH_SAID.search(rest) else " month by month"


def _flat_subject(match: re.Match[str]) -> str:
    """ "has CSE stayed flat": CSE month by month; a question about what cannot be one figure a month (a table, an
    average, two rows) is left as said."""
    if _NOT_ONE_MONTHLY_FIGURE.search(match.group(1)):
        return match.group(0)
    return match.group(1) + _by_month_unless_said(match)


_TOTAL_SAID = re.compile(r"\b(?:all\s*together|altogether|in\s+total|combined)\b")  # "from April" as since April


def _level_months(match: re.Match[str]) -> str:
    """ "were total episodes level apr to may": two months next to each other, or joined by "and", set against each
    other; a longer run month by month ("was LAC level april to june": May too); a table, an average or two rows as
    said."""
    subject, first, joined, last = match.group(1, 2, 3, 4)
    if _NOT_ONE_MONTHLY_FIGURE.search(subject):
        return match.group(0)
    if joined != "to" or abs(_financial_index(last) - _financial_index(first)) == 1:
        return f"{subject} {first} vs {last}"
    return f"{subject} {first} to {last} month by month"


def _word_for_word(words: dict[str, str]) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """A rewording of each of words, a whole word, as what it means ("mony": "many", "fi": "for")."""
    return re.compile(r"\b(?:" + "|".join(words) + r")\b"), lambda match: words[match.group(0)]


_QUANTITY_SHORT_WORDS = {
    "cnt": "count",
    "nos": "numbers",
    "qty": "number",
    "vol": "number",
    "pct": "percentage",
    "%age": "percentage",
    "mthly": "monthly",
    "grp": "group",
    "grps": "groups",
    "wkg": "working",
    "wk": "week",
    "var": "variance",
    "wks": "weeks",
}
_QUANTITY_SHORT = re.compile(r"(?<![\w%])(?:" + "|".join(re.escape(w) for w in _QUANTITY_SHORT_WORDS) + r")(?!\w)")
_EXTREME_OF = {"max": "highest", "min": "lowest"}  # a query's max() and min(), and the words alone
_GENDER_CODES = {"f": "female", "m": "male"}


def _field_value(field: str, value: str) -> str:
    """A query's "field = value" as words: the period alone ("month = 2019-06"), a gender's code in full ("gender =
    F"), an age as an age ("age = 15"), any other field's value alone ("status = 'Not a client'"). A value of one word
    for a field that takes one: the rest is more of the question ("gender = F ytd")."""
    if field in ("risk", "cse risk"):  # "cse risk = high": the row is the field's
        return f"{field} {value}"
    if field not in ("status", "care status", "ethnicity", "ethnic group", "band"):
        value, _, rest = value.partition(" ")
        return f"{_field_value_word(field, value)} {rest}"
    return value


def _field_value_word(field: str, value: str) -> str:
    """One field's one-word value as words."""
    if field in ("gender", "sex"):
        return _GENDER_CODES.get(value, value)
    if field == "age":
        return f"aged {value}"
    return value


_TABLE_SAID = re.compile(rf"\b(?:{_TABLE_WORDS})\b")  # a whole table asked
_LENGTH_SAID = re.compile(r"\b(?:length|long|median|average|mean|duration)\b")  # a question of how long episodes last
_TO_DATE_SAID = re.compile(r"\bto\s+date\b|\bso\s+far\b|\bnow\b|\btoday\b|\bcurrently\b|\bat\s+present\b|\blatest\b")
_INTERVIEWS_SAID = re.compile(r"\b(?:rhis?|interviews?|return\s+home)\b")  # a question of return interviews
_EPISODES_SAID = re.compile(r"\b(?:missing|episodes?|eps|lasting|lasted|away|gone|absent)\b")
_PART_END = re.compile(r"[,;?.!]|\band\b|\bbut\b")
_NOT_MET = re.compile(r"\bnot\b|n't\b")
_TIMESCALE = r"(?:timescales?|deadline|target|limit|window|kpi)"
_THREE_DAYS_LIMIT = r"(?:3|three)[\s-]*(?:working[\s-]+)?days?\s+" + _TIMESCALE + r"\b"  # "the 3 day timescale"
_THREE_DAYS = r"(?:" + _THREE_DAYS_LIMIT + r"|(?:3|three)[\s-]*(?:working[\s-]+)?days?\b)"  # "3 days", "3 day limit"
_EVERYDAY_SLIP_WORDS = {
    "brakedown": "breakdown",  # a slip two letters from the word, past the spelling corrector's one
    "breakdwon": "breakdown",
    "teh": "the",
    "hte": "the",
    "adn": "and",
    "nad": "and",
    "waht": "what",
    "wht": "what",
    "wat": "what",
    "taht": "that",
    "wiht": "with",
    "jsut": "just",
    "thier": "their",
    "hwo": "how",
    "fo": "of",
    "fro": "for",
}
_RUN_TOGETHER = re.compile(
    r"\b(how|in|on|at|so|last|this|next|right|per|for|by|each)"
    r"(many|much|far|least|most|now|time|month|months|year|years|week|weeks|quarter|today|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b"
)
_UNIT_WORDS = {"mi": "miles", "wk": "week", "wks": "weeks", "wd": "working days", "hr": "hours", "hrs": "hours"}
# A figure asked in a form ("to the nearest ten", "1 dp", "to one decimal place", "rounded"): the exact figure is given,
# as the report prints it, for the asker to round; a figure stated with it is a rough one (confirmations.py)
ROUNDING_ASKED = re.compile(
    r"(?:,\s*)?\b(?:(?:each|both|all)\s+)?(?:rounded\s+)?(?:up\s+|down\s+)?to\s+the\s+nearest\s+"
    r"(?:ten|10|hundred|100|five|5|whole\s+(?:number|percent)|percent|per\s+cent|%)\b"
    r"|\b(?:to\s+)?(?:1|one|2|two|0|zero)\s*(?:dp|d\.p\.|decimal\s+places?)\b|\brounded\b"
)
# A table named by its section's word ("ethnicity of June, all the list"): a whole table may be asked of
_TABLE_NAMED = re.compile(
    r"\b(?:ethnic\w*|age|ages|gender|sex|distance\w*|status|days?\s+missing|rhis?|return\s+home)\b"
)
# A month by its first three letters or more ("jun", "june", "sept")
SHORT_MONTH = "(?:" + "|".join(name[:3] for name in _MONTH_WORDS) + r")[a-z]*\b"
# A month's name as written, in full or short ("April", "Apr", "Sept"), never a name it begins ("Marcus", "Julie")
_MONTH_ALTERNATIVES = "|".join([*_MONTH_WORDS, *(name[:3] for name in _MONTH_WORDS), "sept"])
MONTH_NAMED = f"(?:{_MONTH_ALTERNATIVES})\\b"
# A month and its year apart by a comma or an "of" ("May, 2019", "April of 2019"), never a year's span ("2019/20")
_MONTH_COMMA_YEAR = re.compile(rf"\b({_MONTH_ALTERNATIVES}),?\s+(?:of\s+)?(20\d\d)\b(?![/\d-])")
# A period said beside "the latest figures" ("latest figures for May", "most recent stats ytd"): that period
_ANOTHER_PERIOD_SAID = re.compile(
    r"\b(?:ytd|year|quarter|q[1-4]|financial|so\s+far|including|incl|this|20\d\d(?:/\d\d)?|"
    + _MONTH_ALTERNATIVES
    + r")\b"
)
# Three steps of the return interview table said ("offered, accepted, done in time"), or "the lot" after them
_ALL_STEPS = re.compile(
    r"offered\W+(?:and\s+)?accepted\W+(?:and\s+)?(?:completed|done|in\s+time|on\s+time)|\b(?:the\s+lot|all\s+of\s+them|the\s+works|everything)\b"
)
_IN_TIME_SAID = re.compile(r"\bin\s+time\b|\b(?:3|three)\s+(?:working\s+)?days?\b|\bon\s+time\b|\btimel")
# Two months named side by side ("June and May", "May vs June"), not as a range's ends ("April to June")
_MONTHS_SIDE_BY_SIDE = re.compile(rf"\b{MONTH_NAMED}\s*(?:,|and|&|vs?|or|with)\s*{MONTH_NAMED}")
_A_MONTH_SAID = re.compile(rf"\b{MONTH_NAMED}|\blast\s+month\b")
# A period a running total cannot be read beside ("cumulative episodes last month", "cumulative June vs May",
# "cumulative children April to May"): which total is meant is not plain, so the question is read as said
_OTHER_PERIOD_BESIDE = re.compile(
    r"\b(?:last|this|next)\s+(?:month|quarter)\b|\bcompar\w*"
    r"|\b"
    + MONTH_NAMED
    + r"\s+(?:vs?|versus|against)\b|\b(?:vs?|versus|against)\s+"
    + MONTH_NAMED
    + r"|\b"
    + MONTH_NAMED
    + r"\s*(?:to|-|through|until|till)\s*"
    + MONTH_NAMED
)
_BY_MONTH_SAID = re.compile(r"\b(?:by|each|every|per)\s+month\b|\bmonth\s+by\s+month\b|\bmonthly\b")


def _running_total(match: re.Match[str]) -> str:
    """ "cumulative", "running total": the year to date; beside months one by one, the run's total they end with;
    beside another period, as said (which total is meant is not plain)."""
    if _BY_MONTH_SAID.search(match.string):
        return " "
    return match.group(0) if _OTHER_PERIOD_BESIDE.search(match.string) else " ytd "


_PERIOD_NAMED = re.compile(rf"\b{SHORT_MONTH}|\b(?:ytd|q[1-4]|year|month|quarter|fy|20\d\d)\b")
_SET_AGAINST = re.compile(r"\b(?:compar\w*|against|vs|versus|v)\b")


def _month_pair(match: re.Match[str]) -> str:
    """ "Apr:Jun" as April to June; "Jun:May" (the later first) as the two side by side."""
    first, second = (_financial_index(match.group(n)) for n in (1, 2))
    return f" {match.group(1)} {'to' if first <= second else 'against'} {match.group(2)} "


def _financial_index(month: str) -> int:
    """A month's place in the financial year (April 0 to March 11), by its first three letters."""
    number = next(n for n, name in enumerate(_MONTH_WORDS, start=1) if name.startswith(month[:3]))
    return (number - FIRST_MONTH_OF_YEAR) % 12


_REWORDINGS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # The data's own as-at time noted in brackets after a period to date ("July 2019 to date (as at 18/07/19)"): no
    # second period asked (before "as at" a date is read as now)
    (
        re.compile(r"\(\s*as\s+at\s+\d{1,2}/\d{1,2}/\d{2,4}\s*\)"),
        lambda m: " " if _TO_DATE_SAID.search(m.string) else m.group(0),  # "LAC episodes (as at 31/05/2019)": May
    ),
    (re.compile(r"^\s*=\s*(?=[a-z(])|(?:(?<=\s)|^)=\s*(?=[a-z_]+\s*\()"), " "),  # a formula's "=", not "x = y"
    (re.compile(r"(?<=[a-z])_(?=[a-z])"), " "),  # a field's name: "days_missing"
    # A spreadsheet's cells ("cell E4 -", "cells B2 to D2 ="): where the asker will put the figures, no code of the
    # report's (E4 is an ethnicity code only without the word "cell")
    (re.compile(r"\bcells?\s+[a-z]{1,2}\d{1,3}(?:\s*(?:to|-|:|–)\s*[a-z]{1,2}\d{1,3})?\s*[-=:–]"), " "),
    # "col Jun minus col May": the change from May to June; "episodes minus LAC" is no change and not read
    (re.compile(rf"\b({SHORT_MONTH})\s+minus\s+(?:the\s+)?(?:col(?:umn)?\s+)?(?={SHORT_MONTH})"), r"\1 against "),
    # "all rows down to Total BME", "every row to the bottom": the whole table, to its last row
    (re.compile(r"\b(rows|lines)\s+(?:down\s+)?to\s+(?:the\s+)?total\s+bme\b"), r"\1 of the ethnicity table"),
    (re.compile(r"\b(rows|lines)\s+(?:down\s+)?to\s+(?:the\s+)?(?:bottom|end)\b"), r"\1"),
    # "same day or next day": the same-day and 1 day bands (a day ahead is no period the report has)
    (re.compile(r"\b(same[\s-]day\s+or)\s+(?:the\s+)?next[\s-]day\b"), r"\1 1 day"),
    # A question typed as a database query ("episodes where status = 'LAC' and month = 2019-06", "count(children) group
    # by gender", "max(episodes) by month", "OLA = Y", "apr..jun"): the words it stands for.
    (re.compile(r"\bcount\s*\(\s*distinct\s+(?:child|person|young\s+person|client)[\s_-]?ids?\s*\)"), " children "),
    (
        re.compile(r"\b(max|min)\s*\(\s*(?:distinct\s+)?([^()]*)\)"),
        lambda m: f" {_EXTREME_OF[m.group(1)]} {m.group(2)} ",
    ),
    (re.compile(r"\b(?:count|sum|total|select)\s*\(\s*(?:distinct\s+)?([^()]*)\)"), r" \1 "),
    # "avg(episodes) by month": the mean a month; "avg(duration_days)": the average length
    (re.compile(r"\b(?:avg|mean)\s*\(\s*([^()]*(?:duration|days|length)[^()]*)\)"), r" average length "),
    (re.compile(r"\b(?:avg|mean)\s*\(\s*([^()]*)\)"), r" \1 on average per month "),
    (re.compile(r"\s*=\s*(max|min)\b"), lambda m: f" {_EXTREME_OF[m.group(1)]} "),  # "month where OLA episodes = max"
    (
        re.compile(
            r"\b(month|mth|period|fy|financial\s+year|year|yr|quarter|qtr|status|care\s+status|gender|sex|age|ethnicity"
            r"|ethnic\s+group|band|risk|cse\s+risk)\s*==?\s*['\"‘’]?([^'\"‘’,;=]+?)['\"‘’]?(?=\s+(?:and|or)\b|[,;?]|$)"
        ),
        lambda m: f" {_field_value(m.group(1), m.group(2).strip())} ",
    ),
    (re.compile(r"\b(?:days\s+missing|duration|days)\s*==?\s*(\d+)\b"), r" \1 days "),  # "days_missing = 0"
    (re.compile(r"\b([a-z]+)\s*==?\s*['\"]?(?:y|yes|true|1)['\"]?(?![\w.])"), r" \1 "),  # "OLA = Y": the OLA ones
    (re.compile(r"\b(episodes|eps)\s*>=\s*(\d+)\b"), r" \2 or more \1 "),  # "children where episodes >= 3"
    (
        re.compile(r"\b(?:dist(?:ance)?\s+)?miles\s+(between\s+\d+\s+and\s+\d+)\b"),
        r" \1 miles ",
    ),  # "dist_miles between"
    (re.compile(r"\bgroup(?:ed)?\s+by\b"), " by "),
    (re.compile(r"^\s*select\b|\bwhere\b(?=.*(?:=|\bbetween\b|>|<))"), " "),
    (re.compile(r"\b([a-z]{3,9}|\d{4}-\d{2})\s*\.\.\s*([a-z]{3,9}|\d{4}-\d{2})\b"), r" \1 to \2 "),  # "apr..jun"
    (
        re.compile(
            r"\bepisodes?\s*/\s*(?:distinct\s+|unique\s+|individual\s+)?(lac\s+|cla\s+|cse\s+)?(?:children|kids|child)\b"
        ),
        r" episodes per \1child ",
    ),
    (re.compile(r"\bdivn'?t\b"), "don't"),  # the North East's "don't"
    (re.compile(r"\bby\s+['\"‘’]?[\w -]{1,20}?['\"‘’]?\s+i\s+mean\b[^.?!]*"), " "),
    (
        re.compile(r"\b(?:i\s+)?(?:don't|dont|do\s+not)\s+(?:know|knaa)\s+(?:if|whether)\b"),
        " ",
    ),  # an aside, no "not known"
    # A police missing person ("misper") counted once: the children; one "still outstanding" is still missing.
    (re.compile(r"\b(?:individual|different|distinct|separate|unique)\s+mispers?\b"), "individual children"),
    (
        re.compile(r"\b(mispers?|children|kids|young\s+people|yp)\s+(?:(?:were|are|was|is)\s+)?still\s+outstanding\b"),
        r"\1 still missing",
    ),
    # What the asker grants before asking ("I know July's only half done but ..."): the question is after the "but".
    (_GRANTED, _granted_months),
    # The financial year's start as an event ("since the new FY started"): the year so far. The clocks change on the
    # last Sunday of March and of October: "since the clocks went forward" is from April, "back" from November.
    (
        re.compile(
            r"\bsince\s+(?:the\s+)?(?:new\s+|start\s+of\s+(?:the\s+)?)?(?:financial\s+year|fin\s+year|fy)"
            r"(?:\s+(?:started|began|begun|kicked\s+off|start(?:ed)?))?\b"
        ),
        " this financial year ",
    ),
    (re.compile(r"\bsince\s+the\s+clocks\s+(?:went|go|changed|were\s+put)\s+forward\b"), " since april "),
    (re.compile(r"\bsince\s+the\s+clocks\s+(?:went|go|changed|were\s+put)\s+back\b"), " since november "),
    # Whether a figure was revised, asked beside it ("has it changed since it was first reported?", "after any late
    # recording", "since the May report"): the figure as it stands is answered, with its revision note if it has one.
    (
        re.compile(
            r"\b(?:changed|moved|been\s+(?:revised|updated|amended|changed))\s+since\s+(?:it\s+was\s+|they\s+were\s+)?"
            r"(?:first\s+|last\s+|originally\s+)?(?:reported|published|issued|circulated)\b"
            r"|\bsince\s+the\s+(?:last\s+|first\s+|original\s+)?(?:report|digest|publication)\b"
            r"|\b(?:after|with|including)\s+(?:any\s+)?late\s+(?:recording|entries|entry|inputting)\b"
            # "are June's numbers final, or could late-entered episodes still change them?": the figure as it stands
            r"|,?\s*\bor\s+(?:could|might|would|will|can)\s+(?:any\s+)?late[\s-]+(?:entered|entries|recorded|added)\b[^?.!]*"
            r"|\bis\s+(?:that|it|this)\s+still\s+the\s+(?:number|figure|count)\b"
            r"(?:\s+or\s+(?:has|have)\s+(?:it|that)\s+(?:moved|changed|been\s+revised))?"
        ),
        " ",
    ),
    # "since the May report" beside May asked ("offered in May? has it moved since the May report?"): the revision
    # aside; a month named only there is the period asked ("episodes since the April report": since April)
    (_WHOLE_TEXT, _without_report_month),
    # "from the LA", "across the LA": the council, not a child from another one (OLA)
    (
        re.compile(
            r"\b(from|outside|across|within|in|to|of|around|throughout)\s+the\s+(?:la|local\s+authority)\b(?!\s*s\b)"
        ),
        r"\1 the council",
    ),
    # Signing off ("cheers, that's me done for today"): no figure asked
    (
        re.compile(
            r"\b(?:that's|thats|that\s+is)\s+(?:me|us|it|all)\s+(?:done|finished|sorted)\b(?:\s+for\s+(?:today|now|the\s+day))?"
        ),
        " ",
    ),
    # A run "from April" is since April ("month by month from April"; "the figures from May" stays May's)
    (
        re.compile(
            r"\b(month\s+by\s+month|each\s+month|every\s+month|monthly|trend|per\s+month)\s+(?:from|fae)\s+(?=(?:jan|feb|mar|apr|may|jun"
            r"|jul|aug|sep|oct|nov|dec)[a-z]*\b(?!\s*(?:-|to|until|till|through)\s))"
        ),
        r"\1 since ",
    ),
    # What a figure is needed for, said inside the question ("need it for 5.1", "need this for the board"): "need" is
    # no "in need" (CIN)
    (re.compile(r"\b(?:i\s+|we\s+)?need\s+(?:it|this|them|these|that)\s+for\b"), " for "),
    # "what % took it": of those offered, the share who accepted
    (re.compile(r"(%|\bper\s*cent|\bproportion|\bhow\s+many)\s+took\s+it\b(?!\s+up)"), r"\1 accepted"),
    # "Out of area" said of a placement's distance ("OOA mispers placed over 40 miles") is the distance's own word, not
    # the care status of a child from another council
    (_DISTANCE_SAID, lambda m: _OUT_OF_AREA.sub(" ", m.group(0))),
    # Older and American words for children in care and on plans ("in council care", "in the care of the authority",
    # "foster youth", "on the at-risk register"): LAC and CPP, not care leavers or CSE risk
    (re.compile(r"\bin\s+the\s+care\s+of\s+(?:the\s+)?(?:local\s+)?(?:authority|council|la)\b"), " lac "),
    (re.compile(r"\b(?:in|under)\s+(?:the\s+)?(?:council|local\s+authority|authority)(?:'s)?\s+care\b"), " lac "),
    (re.compile(r"\bfoster\s+(?:youth|kids|children)\b"), " lac children "),
    (re.compile(r"\b(?:on\s+)?the\s+(?:at[\s-]+risk|child\s+protection|cp)\s+register\b"), " cpp "),
    (re.compile(r"\bat\s+present\b|\bpresently\b"), " now "),
    (re.compile(r"\bmonth[\s-]+over[\s-]+month\b"), " month on month "),
    # Numbers that are no figures: an agenda item, a paper, a room, a phone extension, a meeting's time or day ("item
    # 4 on the agenda", "for paper 3a", "room 3.14", "ext 4471", "at the 2pm", "the 9.30", "on Friday 19th")
    (
        re.compile(
            r"\b(?:agenda\s+)?(?:item|paper|room|ext\.?|extension|tel\.?)\s*#?\s*\d+[a-z]?(?:\.\d+)?\b(?:\s+on\s+the\s+agenda)?"
            r"|\b(?:at|for|before|after)\s+(?:the\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b"
            r"|\b(?:at|for|before|after)\s+the\s+\d{1,2}[.:]\d{2}\b"
            r"|\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday)(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th))?\b"
        ),
        " ",
    ),
    # Asking whether it can be asked ("Is it possible to find out which month ..."), and when a child comes back
    (re.compile(r"\b(?:is\s+it|would\s+it\s+be)\s+possible\s+to\s+(?:find\s+out|say|see|get|know)\b"), " "),
    (re.compile(r"\bbefore\s+they\s+(?:turn\s+up|come\s+back|come\s+home|return|are\s+found|get\s+back)\b"), " "),
    # A greeting asks for nothing ("hi, how's it going?", "how's your day going"): "going" is no going missing, "day" no
    # days missing
    (re.compile(r"\bhow(?:'s|\s+is|s)?\s+your\s+day(?:\s+(?:going|been))?\b|\bhow\s+your\s+day\s+is\s+going\b"), " "),
    # "the top line on LAC", "the key figure for CSE": the row's figure; "big board day", "have a good day": talk
    (
        re.compile(r"\b(?:the\s+)?(?:top[\s-]?line|key\s+figure|main\s+figure|headline\s+figure)s?\s+(?:on|for|of)\b"),
        " ",
    ),
    (re.compile(r"\b(?:a\s+)?(?:big|busy|long|good|nice|great|hard|tough)\s+(?:board\s+|panel\s+)?day\b"), " "),
    # A question tag ("LAC was 74 in June, wasn't it?", "that's gone up, hasn't it?"): a check (confirmations.py reads
    # the tag as one), no "not"
    (
        re.compile(
            r",?\s*\b(?:wasn't|weren't|isn't|aren't|didn't|hasn't|haven't|doesn't|don't|hadn't|wasnt|werent|isnt|didnt|hasnt)"
            r"\s+(?:it|they|we|there|that|those|he|she|you)\s*(?=[?!.]|$)"
        ),
        " ",
    ),
    # ... or closing with "right?" ("roughly half girls, right?", "May was the quietest, is that correct?")
    (re.compile(r"(?:,|\s)\s*(?:(?:is\s+|was\s+)?that\s+)?(?:right|correct)\s*\?+\s*$"), " ?"),
    # Quantity words written short ("cnt", "nos", "qty", "vol", "pct", "%age", "mthly", "grp", "wkg", "wk")
    (_QUANTITY_SHORT, lambda m: _QUANTITY_SHORT_WORDS[m.group(0)]),
    # A period restated in brackets ("Q1 (Apr-Jun)", "Apr-Jun (YTD)"), the as-at date in brackets, an age range in
    # brackets ("secondary age kids (11 to 16)")
    (re.compile(r"\b(q[1-4])\s*\(\s*[a-z]{3,9}\s*-\s*[a-z]{3,9}\s*\)"), r"\1"),
    (re.compile(r"\b([a-z]{3,9}\s*-\s*[a-z]{3,9})\s*\(\s*(?:ytd|to\s+date|year\s+to\s+date)\s*\)"), r"\1"),
    (re.compile(r"\(\s*as\s+at\s+[\d/]+\s*\)"), " now "),
    (re.compile(r"\(\s*([a-z]{3,9})\s*'?\d{0,4}\s*-\s*to\s+date\s*\)"), r" \1 so far "),  # "(Jul '19 - to date)"
    (re.compile(r"\(\s*(ytd|year\s+to\s+date|to\s+date|q[1-4])\s*\)"), r" \1 "),  # "Days missing - breakdown (YTD)"
    (re.compile(r"\(\s*(\d{1,2}\s*(?:to|-)\s*\d{1,2})\s*\)"), r" aged \1 "),
    # "how many times bigger", "how many x bigger": a change as a multiple of the figure before (shapes.py's relative);
    # "pp", "ppts": percentage points
    (
        re.compile(
            r"\bhow\s+many\s+(?:times|x)\s+(?:bigger|larger|greater|higher|more|smaller|lower|as\s+(?:many|big|large|high))\b"
        ),
        " relative change ",
    ),
    (re.compile(r"(?<=\d)\s*pp(?:ts?)?\b|\bpp(?:ts?)?\b"), " percentage points "),
    # "just the quarter total, not each month": the period as a whole; "leave out any still missing" of a length: its
    # definition already does (a length is of closed episodes)
    (re.compile(r"\b(?:and\s+|but\s+)?not\s+(?:each|every|by|per)\s+month\b|\bnot\s+month\s+by\s+month\b"), " "),
    (
        re.compile(
            r"\b(?:leave|leaving|excluding|not\s+counting|ignore|ignoring)\s+(?:out\s+)?"
            r"(?:any|those|the\s+ones|the\s+kids|anyone|episodes)?\s*(?:still\s+missing|still\s+open|not\s+back\s+yet)\b"
        ),
        lambda m: " " if _LENGTH_SAID.search(m.string) else m.group(0),
    ),
    # "for May month male vs female episodes", "for Q1 girls vs boys": the period the message opens with, not whom the
    # first figure is of ("for children in care, how many ...")
    (
        re.compile(
            rf"^\W*(?:for|in)\s+(?=(?:the\s+month\s+of\s+)?(?:{SHORT_MONTH}|(?:ytd|q[1-4]|fy|20\d\d)\b"
            r"|(?:this|last|the\s+last|the\s+latest)\s+(?:month|quarter|year)\b))"
        ),
        " ",
    ),
    (re.compile(r"\bmonth[\s-]?wise\b"), " month by month "),  # Indian English: "month wise missing episodes"
    # A return interview's timescale said in days ("went over the 3 day timescale", "completion in 3 days", "missed the
    # 3 day target"): the report's 3 working days, never the days missing bands, when the part of the question it is
    # in is of interviews ("missing more than 3 days in June, and RHIs done in 3 days": the first is days missing);
    # Caribbean English's "longer dan 3 working days" too (its "dan" is read as "than" only later)
    (
        re.compile(
            r"\b(?:(?:over|beyond|outside|past|after|(?:more|longer|later)\s+(?:than|dan)|out\s+of)\s+"
            r"|(?:missed|miss|failed\s+to\s+(?:meet|hit|make)|fail\s+to\s+(?:meet|hit|make)|exceed\w*"
            r"|breach\w*|(?:did\s*n[o']?t|didnt|not)\s+(?:meet|hit|make))\s+)(?:the\s+|their\s+)?" + _THREE_DAYS
        ),
        lambda m: " not in time " if _of_interviews(m) else m.group(0),
    ),
    (
        re.compile(
            r"\b(?:in|within|inside|under|meet|met|meeting|hit|hitting|made|make|making)\s+(?:the\s+)?" + _THREE_DAYS
        ),
        lambda m: " in time " if _of_interviews(m) and not _NOT_MET.search(m.group(0)) else m.group(0),
    ),
    # "On the basis of those offered, how many accepted": whom the figure is of, as "of those offered" says it;
    # "on the basis of children rather than episodes": what is counted
    (re.compile(r"\bon\s+the\s+basis\s+of\s+(?:those|the|all)?\s*(?=\w+\s+(?:rather\s+than|not|instead\s+of)\b)"), " "),
    (re.compile(r"\bon\s+the\s+basis\s+of\s+(?:those\s+|the\s+|all\s+)?"), "of those "),
    # "anything I should know?", "quiet night so far": talk, no figure asked
    (
        re.compile(
            r"\banything\s+(?:i|we)\s+(?:should|need\s+to|ought\s+to)\s+know\b|\b(?:a\s+)?quiet\s+(?:night|shift|one|day)(?:\s+so\s+far)?\b"
        ),
        " ",
    ),
    # "First time I've used this -", "my first time asking": about the asker, not a child's first time missing
    (
        re.compile(
            r"\b(?:it's\s+|its\s+|my\s+)?first\s+time\s+(?:i've|i\s+have|ive|i'm|im|using|asking|on|with)\b[^,.;:!?\n-]*"
        ),
        " ",
    ),
    # Nights away are the days missing the report counts (calendar days from the day missing to the day back):
    # "one night and back the next day" is 1 day, "at least 2 nights" 2 days or more, "overnight or longer" 1 or more
    (re.compile(r"\b(?:and\s+)?(?:back|returned|came\s+back|home|found)\s+(?:the\s+)?(?:next|following)\s+day\b"), " "),
    (re.compile(r"\b(?:a|one|1)\s+night\b"), "1 day"),
    (re.compile(r"\b(\d+|two|three|four|five|six|seven)\s+nights\b"), r"\1 days"),
    (re.compile(r"\b(?:at\s+least\s+)?overnight(?:\s+or\s+(?:longer|more|over))?\b"), "at least 1 day"),
    # A phone's autocorrect: "return home interns" are return home interviews
    (re.compile(r"\bhome\s+interns\b"), "home interviews"),
    # "care status breakdown incl anything unknown": a table shows its not-recorded rows already
    (
        re.compile(
            r"\b(?:incl(?:uding|\.)?|with|plus)\s+(?:any(?:thing)?|the|all)\s+(?:unknowns?|not\s+recorded|unrecorded)\b"
        ),
        lambda m: " " if _TABLE_SAID.search(m.string) else m.group(0),
    ),
    # An analyst's notation: "≥ 3 eps", "Σ Q1", "μ per month", "Δ May→Jun", "n = ?", "n (%)", "dist'n", "vis-à-vis",
    # "min CSE eps month" (not "10 min")
    (re.compile(r"≥"), " >= "),
    (re.compile(r"≤"), " <= "),
    (re.compile(r">=\s*(\d+)\s*(episodes|eps)\b"), r" \1 or more \2 "),  # "≥3 eps": the 3 or more rows
    (re.compile(r"\bmed(?:ium)?\s*/\s*hi(?:gh)?\b"), "medium/high"),  # "med/hi risk"
    (re.compile(r"\bbrit\b"), "british"),
    (re.compile(r"[σΣ]"), " total "),
    (re.compile(r"[μµ]"), " average "),
    (re.compile(r"[δΔ](?:\s*%)?"), " change "),
    (re.compile(r"\bn\s*(?:=\s*\?|\(\s*%\s*\)|=)|^\s*n\s+(?=[a-z])"), " number "),
    (re.compile(r"\bdist'?n\b"), "distribution"),
    (re.compile(r"\bvis[\s-]*[aà][\s-]*vis\b"), " vs "),
    (re.compile(r"(?<![\d.])(?<!\d\s)\b(min|max)\b(?!\s*\()"), lambda m: _EXTREME_OF[m.group(1)]),
    (
        re.compile(r"\ba\s+(max|min)(?:imum)?\s+of\s+(?=\d)"),
        lambda m: "at most " if m.group(1) == "max" else "at least ",
    ),
    # "which age group is having the maximum missing episodes": the most (never of a distance, a length or a rate: "the
    # maximum distance" is no largest row)
    (
        re.compile(
            r"\b(max|min)imum\s+(?=(?:number\s+of\s+)?(?:[\w/+-]+\s+){0,2}?(?:episodes|eps|children|kids|months?)\b)"
        ),
        lambda m: _EXTREME_OF[m.group(1)] + " ",
    ),
    # "maximum 10 miles", "minimum 3 episodes": a cap or a floor
    (re.compile(r"\b(max|min)(?:imum)?\s+(?=\d)"), lambda m: "at most " if m.group(1) == "max" else "at least "),
    # "children with at least 3 episodes", "kids who had more than 2 episodes": the 3+ row, where the episodes are
    # what children had ("more than 2 episodes of CSE in June?", "did more than 2 episodes involve ..." count episodes)
    (
        re.compile(
            r"\b(?:at\s+least\s+(?:3|three)|more\s+than\s+(?:2|two))\s+(?:missing\s+)?episodes\b"
            r"|\b(?:3|three)\s+(?:missing\s+)?episodes\s+or\s+more\b"
        ),
        lambda m: (
            " 3 or more episodes "
            if re.search(r"\b(?:with|had|have|has|having)\s*$", m.string[: m.start()])
            else m.group(0)
        ),
    ),
    # Indian English "ethnicity wise breakup", "age-wise": by that, broken down
    (re.compile(r"\bbreak[\s-]?ups?\b"), "breakdown"),
    # "children from black and minority ethnic backgrounds": BME (not "Any other White background")
    (
        re.compile(r"\b(?:black,?\s+(?:asian\s+)?and\s+)?minority\s+ethnic\s+(?:backgrounds?|communities)\b"),
        "bme",
    ),
    # (before a row named, "gender wise, how many girls", the preface alone)
    (
        re.compile(r"\b(ethnicity|age|gender|sex|status|distance|band|category|group)[\s-]wise\b(,?)"),
        lambda m: (
            f"by {m.group(1)}"
            if re.match(
                r"(?:\s*(?:and|&)\s+\w+[\s-]wise)?\s*(?:break|split|distribution|count|figures|numbers|table|summary|data)",
                m.string[m.end() :],
            )
            else f"{m.group(1)}{m.group(2)}"
        ),
    ),
    # "the over 16s", "over-16s": those aged 16 and over, as people say of a group (not "over 16", above 16)
    (re.compile(r"\bover[\s-]*(1\d)\s*'?s\b"), r" \1 and over "),
    (re.compile(r"\bdiff\b"), "difference"),
    (re.compile(r"^\W*status\W*$"), " help "),  # "status?" alone asks how the bot is, not the care status table
    # The latest complete data in words ("the latest full month", "the most recent finished month", "the last complete
    # quarter", "YTD up to the last full month"): the last month and the last quarter, as the year to date already is
    (
        re.compile(
            r"\b(ytd|year\s+to\s+date|so\s+far)\s+(?:up\s+)?to\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:latest|last|most\s+recent)\s+"
            r"(?:full|complete|completed|finished|whole)\s+month\b"
        ),
        r"\1",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:latest|last|most\s+recent|previous)\s+(?:full|complete|completed|finished|whole|closed)\s+"
            r"month(?:\s+we\s+have)?(?:\s+with\s+(?:full\s+|complete\s+)?data)?\b"
            r"|\bthe\s+latest\s+month\s+with\s+(?:full|complete)\s+data\b"
        ),
        " last month ",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:latest|last|most\s+recent|previous)\s+(?:full|complete|completed|finished|whole)\s+quarter\b"
        ),
        " last quarter ",
    ),
    # "the most recent month", "the newest figures", "latest month": the latest complete month, as a month said
    # alone is ("most" here is no ranking); "the latest figures for the year" stay the year's
    (re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:most\s+recent|latest|newest)\s+month\b"), " last month "),
    (
        re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:most\s+recent|latest|newest)\s+(?:figures?|numbers?|total|stats?)\b"),
        lambda m: m.group(0) if _ANOTHER_PERIOD_SAID.search(m.string) else " last month ",
    ),
    (re.compile(r"\bthe\s+(?:preceding|prior)\s+month\b"), " the month before "),
    # Reporting's "prior month", "variance to prior month", "MoM" (month on month): the month before, set against it
    (re.compile(r"\bprior\s+(?=(?:month|quarter|year)\b)"), "previous "),
    # (a mother is "mom" too: read only where a figure's words or a mark follow it; beside two periods set against
    # each other it adds nothing, "May vs June MoM" being the change already)
    (
        re.compile(
            r"(?<!\bmy\s)(?<!\bher\s)(?<!\bhis\s)(?<!\btheir\s)(?<!\byour\s)(?<!\bthe\s)(?<!\bsee\s)(?<!\bwith\s)"
            r"(?<!\bfrom\s)(?<!\band\s)(?<!'s\s)\bm\.?o\.?m\b(?=\s*(?:[-–,.?!:;%)]|$|change|variance|growth|movement"
            r"|trend|jump|increase|decrease|rise|fall|drop|\d|"
            + _MONTH_ALTERNATIVES
            + r"|q[1-4]\b|ytd|all\b|eps\b|episodes"
            r"|lac\b|cse\b|rhi))"
        ),
        lambda m: " " if _SET_AGAINST.search(m.string) else " month on month ",
    ),
    (re.compile(r"\bvariance\s+(?:to|on|against|vs?\.?|versus)\s+(?=(?:the\s+)?previous\b)"), " vs "),
    # "June episodes compared with previous month": the month before the month said (a month named or "last month");
    # alone, or beside this month, a quarter or the year, "previous month" stays last month
    (
        re.compile(
            r"(?<=\b(?:with|than)\s)previous\s+month\b|(?<=\bagainst\s)previous\s+month\b|(?<=\bvs\s)previous\s+month\b"
        ),
        lambda m: (
            " the month before " if _A_MONTH_SAID.search(m.string) and _SET_AGAINST.search(m.string) else m.group(0)
        ),
    ),
    (re.compile(r"\bremained\s+missing\b"), " still missing "),
    # A greeting asks for nothing ("hi, how's it going?"): "going" is no going missing
    (
        re.compile(
            r"\bhow(?:'s|\s+is)\s+(?:it|everything|things|life)\s+going\b|\bhow\s+are\s+(?:you|things|u)\b(?:\s+doing)?"
        ),
        " ",
    ),
    # Ulster and Irish words ("what's the craic with the LAC figures", "youse", "gis", "wile high", "wee ones")
    (re.compile(r"\bwhat'?s\s+the\s+craic\s+(?:with|wi)\b"), " what about "),
    (re.compile(r"\bwee\s+ones\b|\bwee\s+'?uns\b"), "children"),
    (re.compile(r"\bwee\s+one\b"), "child"),
    (re.compile(r"\byouse\b|\byous\b"), "you"),
    (re.compile(r"\bgis\b"), "give us"),
    (re.compile(r"\bwile\b(?=\s+(?:high|low|bad|good|big))"), "very"),
    # A note-taker's "c." and "@" ("CP episodes Q1 c.?", "missing @ least 2 days")
    (re.compile(r"(?<!\b\w\.\s)(?<=\s)c\.(?=\s|\?|$)"), " "),  # not the "c." of a code spelt out ("l. a. c.")
    (re.compile(r"(?<![\w.])@(?=\s)"), "at"),
    # "the year end figure" said beside a month named ("LAC episodes for March? the Trust always wanted the year end
    # figure"): that month is the year end meant
    (_MONTH_NAMED, lambda m: _YEAR_END.sub(" ", m.group(0))),
    # A file format asked for ("as a CSV"): the answer is the same; "csv" is no slip for "CSE"
    (re.compile(r"\b(?:as\s+)?(?:an?\s+)?(?:csv|xlsx|xls)(?:\s+file)?\b"), " "),
    # "more then 40 miles": a slip for "than"
    (
        re.compile(
            r"\b(more|less|fewer|greater|bigger|higher|lower|longer|shorter|further|farther|over|under|rather)\s+then\b"
        ),
        r"\1 than",
    ),
    # A fast typist's slips of everyday words, too short or too common for the spelling to put right
    _word_for_word(_EVERYDAY_SLIP_WORDS),
    # Words run together by a fast typist ("howmany", "injune", "lastmonth", "atleast", "ontime", "rightnow", "sofar")
    (_RUN_TOGETHER, r"\1 \2"),
    # Impatience, no part of what is asked: "I've asked twice now", "and don't say 'it varies'".
    (
        re.compile(
            r"\b(?:i've|i\s+have)\s+(?:already\s+)?asked\s+(?:(?:twice|(?:two|three|\d+)\s+times|already|before)\b\s*)+(?:now\b)?"
        ),
        " ",
    ),
    (
        re.compile(
            r"\b(?:and\s+)?(?:please\s+)?(?:don't|dont|do\s+not)\s+(?:just\s+)?(?:say|tell\s+me)\s+['\"‘“][^'\"’”]{0,40}['\"’”]"
        ),
        " ",
    ),
    (re.compile(r"\bwhy\s+(?:is|does)\s+it\s+(?:always\s+)?(?:so\s+)?(?:hard|difficult)\s+to\s+(?:find|get)\b"), " "),
    # "no I don't want episodes this time": the other count asked for
    (
        re.compile(
            r"\b(?:i\s+)?(?:don't|dont|do\s+not)\s+want\s+(?:the\s+)?(episodes?|children|kids)\b(?:\s+this\s+time)?(?=\s*(?:[,.;?!]|$))"
        ),
        r" not \1 ",
    ),
    (ROW_5_1_NOTE, " "),
    (re.compile(r"\binc(?:l)?\.?(?=\s)"), "including"),  # "inc. LAC", "incl CSE"
    # A complement asked for ("episodes other than White British", "apart from the under-11s", "except the CSE ones"):
    # a "not" before the row (after row 5.1's own "not inc. N/A" above)
    (COMPLEMENT_SAID, " not"),
    # "leaving aside the non-LAC, how many times did each LAC child go missing", "ignoring non-LAC, the episodes in
    # April": LAC's own figure, the rest put aside
    (
        re.compile(
            r"\b(?:leaving\s+aside|setting\s+aside|putting\s+aside|ignoring|excluding|without)\s+(?:the\s+|all\s+the\s+)?"
            r"non[\s-]?lac(?:\s+(?:ones|kids|children|episodes|lot))?\s*,?"
        ),
        lambda match: " " if re.search(r"\blac\b", match.string[match.end() :]) else " lac ",
    ),
    (re.compile(r"\bnon[- ]?(?=(?:lac|cla|cse|bme|white|looked|care|repeat)\b)"), "not "),  # "non-LAC episodes"
    # A field and its code, as a case system's export shows them: "gender = F", "sex: M".
    (re.compile(r"\b(?:gender|sex)\s*(?:=|:|is)?\s*f\s*(?:v|vs|/|and|&)\s*m\b"), "female v male"),  # "gender F v M"
    (re.compile(r"\b(?:gender|sex)\s*(?:=|:|is)?\s*m\s*(?:v|vs|/|and|&)\s*f\b"), "male v female"),
    (re.compile(r"\b(?:gender|sex)\s*(?:=|:|is)?\s*f\b"), "female"),
    (re.compile(r"\b(?:gender|sex)\s*(?:=|:|is)?\s*m\b"), "male"),
    # Comparison signs typed before a number: "days >= 2" is "at least 2 days".
    (re.compile(r"(?:>=|=>|≥)\s*(?=\d)"), " at least "),
    (re.compile(r"(?:<=|=<|≤)\s*(?=\d)"), " at most "),
    (re.compile(r">\s*(?=\d)"), " more than "),
    (re.compile(r"<\s*(?=\d)"), " under "),
    # ... the unit said before the sign: "days missing >= 2" is at least 2 days, "distance < 11" under 11 miles
    (_UNIT_FIRST, _unit_after),
    # How a length is measured, said beside it: "(start to return date)", "from going missing to coming back".
    (
        re.compile(
            r"\(?\s*(?:from\s+)?(?:the\s+)?(?:episode\s+)?start(?:\s+date)?\s+(?:to|until|till)\s+(?:the\s+)?"
            r"return(?:\s+date)?\s*\)?"
        ),
        " ",
    ),
    (re.compile(r"\b(?:i|we)\s+mean\b"), " "),  # "... I mean": a rewording, not "the mean"
    (re.compile(r"\binclusive\b"), " "),  # "14-16 inclusive": a band's ends are in it anyway
    (re.compile(r"\bcalendar\s+(?=months?\b)"), ""),  # "each calendar month": each month
    # "May I ask ...": the verb, not the month ("girls missing in May I know it's not finished" keeps its May)
    (
        re.compile(
            r"(?:^|(?<=[.?!,:]\s))may\s+(?=(?:i|we)\s+(?:please\s+|kindly\s+|also\s+|just\s+)?"
            r"(?:ask|have|know|request|enquire|check|see|get|be|please)\b)"
        ),
        " ",
    ),
    # "distance wasn't recorded", "RHIs that weren't offered": the row's "not"
    (
        re.compile(
            r"\b(?:was|were|is|are|has\s+been|have\s+been)n'?t\s+(?=(?:recorded|known|obtained|offered|accepted)\b)"
        ),
        " not ",
    ),
    # A time of day ("the board meets at about 5:30", "by 3pm"): when, never a figure or a period of the report's
    (
        re.compile(r"\b(?:at\s+|by\s+|before\s+)?(?:about\s+|around\s+)?\d{1,2}(?::\d{2}\s*(?:am|pm)?|\s*(?:am|pm))\b"),
        " ",
    ),
    # A spreadsheet's functions ("COUNTIF LAC for June", "SUMIFS LAC placed 11 to 20 miles", "=VLOOKUP(...)", "SUM of
    # episodes Apr:Jun", "=SUM(13yrs:15yrs)", "=AVERAGE(Apr:Jun)", "like a pivot table"): what they count, over the
    # range they name
    (re.compile(r"\b(?:countifs?|counta|sumifs?|vlookup|xlookup|hlookup)\b"), " "),
    (re.compile(r"\baverageifs?\b"), " average per month "),
    # "=AVERAGE(Apr:Jun)", written as a function (not "average (mean)")
    (re.compile(r"\baverage\((?!\s*(?:mean|median)\b)\s*([^()]*)\)"), r" \1 average per month "),
    (re.compile(r"\b(?:like|as|in)\s+a\s+pivot(?:\s+table)?\b"), " breakdown "),
    # "Apr:Jun" the months from the one to the other; "Jun:May" the two set side by side
    (re.compile(rf"\b({SHORT_MONTH})\s*:\s*({SHORT_MONTH})"), _month_pair),
    (
        re.compile(r"(?<!under\s)(?<!under)\b(\d+)\s*(?:yrs?|years?)\s*(?::|to)\s*(\d+)\s*(?:yrs?|years?)\b"),
        r"\1 to \2 year olds",
    ),
    # "is it just 57+68+53?": a sum of the months the asker did, for the year so far ("14+15 yr olds", "9.8 + 9.9"
    # and "2+3+4 days" are rows)
    (
        re.compile(
            r"\b(?:is\s+it\s+(?:just\s+)?|just\s+)\d+(?:\s*\+\s*\d+){2,}\b(?!\s*(?:year|yr|y/?o|days?|miles?|mi\b))\s*\??"
        ),
        lambda m: " " if _PERIOD_NAMED.search(m.string) else " year to date ",
    ),
    # Ages the school way: "Year 10s" (aged 14 to 15), "secondary age" (11 to 16), "primary-age" (11 and under),
    # "sixth formers" (16 and over); "this year 10 children" is no school year
    (
        re.compile(
            r"(?<!this\s)(?<!last\s)(?<!next\s)(?<!per\s)(?<!the\s)(?<!a\s)(?<!of\s)"
            r"\b(?:school\s+)?year\s+([1-9]|1[0-3])(?:s\b|\s+(?=pupils|students))"
        ),
        lambda m: f" aged {int(m.group(1)) + 4} to {int(m.group(1)) + 5} ",
    ),
    (re.compile(r"\bsixth[\s-]?form(?:ers?)?\b"), " aged 16 and over "),
    (re.compile(r"\bsecondary[\s-](?:school[\s-])?(?:age[d]?|pupils|kids|children)\b"), " aged 11 to 16 "),
    (re.compile(r"\bprimary[\s-](?:school[\s-])?(?:age[d]?|pupils|kids|children)\b"), " aged 11 and under "),
    # "young ones" (Irish English), "did we record" (of what was counted)
    (re.compile(r"\byoung\s+ones?\b"), " young people "),
    (re.compile(r"\b(?:did\s+we|have\s+we|we\s+have|we)\s+record(?:ed)?\b"), " "),
    # "since April, as at end of June", "from April to the end of June": April to June (not where a month is set
    # against them: "from April to the end of June, how did LAC compare with May?")
    (
        re.compile(
            rf"\b(?:since|from)\s+({SHORT_MONTH})\s*,?\s*(?:as\s+at|to|until|till|up\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?"
            rf"(?={SHORT_MONTH})"
        ),
        lambda m: m.group(0) if _SET_AGAINST.search(m.string) else f" {m.group(1)} to ",
    ),
    # "the previous quarter (Jan-Mar)": the months said in brackets
    (
        re.compile(
            rf"\b(?:the\s+)?(?:previous|last|prior)\s+quarter\s*\(\s*({SHORT_MONTH}\s*(?:-|to|–)\s*{SHORT_MONTH}"
            r"(?:\s+\d{4})?)\s*\)"
        ),
        r" \1 ",
    ),
    (re.compile(r"\b2\s+(?:dt|date)\b"), " to date "),  # text-speak's "jly 2 dt"
    (re.compile(r"\bfftn\b"), " fifteen "),  # ... and its number words
    # What a past month's report "will show" ("what will the June report show for LAC episodes?"): what it shows
    (
        re.compile(r"\bwhat\s+(?:will|would)\s+(?:the\s+)?((?:\w+\s+){0,3}?)(?:report|digest)\s+(?:show|say|have)\b"),
        r" what is the \1 ",
    ),
    # A figure the digest or a chart showed, said as context ("the digest said 116 for June - how many were LAC?")
    (
        re.compile(r"\b(?:the\s+)?(?:digest|chart|graph|bar|dashboard)\s+(?:said|says|showed|shows|had|has)\s+\d+\b"),
        " ",
    ),
    # A chart's parts named as its rows ("the tallest bar on the age chart", "every slice", "each bar"): the largest or
    # smallest row, or the whole table, of a breakdown's chart named
    (_CHART_PART, _chart_part),
    (re.compile(r"\bcase\s+status\b"), " care status "),
    # "what time is the data as at": when the data is from, never return interviews done in time
    (
        re.compile(r"\bwhat\s+(?:time|date|day)\s+(?:is|was|are)\s+(?:the\s+|this\s+)?(?=(?:data|figures?|report)\b)"),
        " when is ",
    ),
    # "on the RHI offered chart", "the LAC line graph": the chart is its row's (not "a chart of ...", a format asked)
    (re.compile(r"\b(?:(?:bar|line|pie)\s+)?(?:chart|graph)s?\b(?!\s+(?:of|for\s+the\s+board)\b)"), " "),
    (re.compile(r"\b(mth|month)\s+4\s+(?=eps|episodes|cse|lac|kids)"), r"\1 for "),  # "bsst mth 4 eps": for
    # Yorkshire: "int' June figures" (in the), "owt" (anything), "nowt" (nothing), "young 'uns", "the late 'uns";
    # "lasses and lads" are all the children
    (re.compile(r"\bint'\s"), " in the "),
    (re.compile(r"\bowt\b"), " any "),
    (re.compile(r"\bnowt\b"), " none "),
    (re.compile(r"\byoung\s+'?uns?\b"), " young people "),
    (re.compile(r"(?<=\w)\s+'?uns\b"), " ones"),
    (
        re.compile(
            r"\b(?:lasses\s+and\s+lads|lads\s+and\s+lasses)(?=\s+(?:went|go|goes|gone|going|who|that|have|had|were))"
        ),
        " children ",
    ),  # "the lasses and lads split" stays the two rows
    (re.compile(r"\b(?:the\s+)?(?:50\s*/\s*50|fifty[\s-]fifty)\b"), " % "),  # "still 50/50 between boys and girls?"
    # Scouse and Hong Kong English: a closing "la" after a month, "now" or the like ("how many missin episodes in june
    # la", "right now la", "the 3 working days one la,") is a tag, never the other local authority ("from another LA",
    # "out of LA" stay)
    (
        re.compile(
            rf"\b(?P<before>{_MONTH_ALTERNATIVES}|now|today|yet|then|there|it|please|pls|mate|ytd|one|thing|days)\s+la\b"
            r"(?=\s*(?:[?!.,]|$))"
        ),
        r"\g<before> ",
    ),
    # A month's name with an "s" for its possessive, the apostrophe left out ("how many of junes episodes")
    (re.compile(rf"\b({'|'.join(_MONTH_WORDS)})s\b"), r"\1"),
    # Brummie: "ow many" (how many), "av we ad" (have we had), "ad" (had), "an yer do me" (can you do me); "bab",
    # "ta", "bostin" are talk
    (
        re.compile(r"\bow\s+(?=many\b|much\b|long\b|far\b|old\b|come\b|did\b|does\b|do\b|are\b|is\b|were\b|was\b)"),
        "how ",
    ),
    (re.compile(r"\bav\s+(?=we\b|you\b|yer\b|they\b)"), "have "),
    (re.compile(r"(?<=\bwe\s)ad\b|(?<=\bthey\s)ad\b|(?<=\bwho\s)ad\b|(?<=\bmonth\s)ad\b"), "had"),
    (re.compile(r"\ban\s+yer\b"), "can you"),
    (re.compile(r"\b(?:bab|bostin|tara-a-bit)\b|\bta\b(?=\s*(?:[.!,]|$))"), " "),
    # A period's possessive ("q1's 375 episodes") and a total quoted as context before its row ("the 55 gypsy/roma
    # episodes this year", "how's the 102 split"): the row, the figure said read past (never a band's number: "the
    # 10 miles or under episodes", "the 3 days")
    (re.compile(r"\b(q[1-4]|ytd)'s\b"), r"\1"),
    (
        re.compile(
            r"(?<=\bthe\s)(?!(?:19|20)\d\d\b)\d{2,4}\s+"
            r"(?!(?:miles?|mi|days?|yrs?|years?|hours?|weeks?|year|kids|children|episodes|eps)\b)"
            r"(?=(?:[a-z/+-]+\s+){1,3}?(?:episodes|eps|kids|children|rhis|split|cases)\b)"
            r"|(?:(?<=\bq[1-4]\s)|(?<=\bytd\s))\d{2,4}\s+(?=(?:[a-z/+-]+\s+){0,3}?(?:episodes|eps|kids|children|rhis)\b)"
        ),
        " ",
    ),
    # Brummie "the babbies ..., the under 10s i mean": the band said after it; babbies alone are children (the Black
    # Country's word, _BLACK_COUNTRY_WORDS)
    (re.compile(r"\bbabb?ies\b(?!\s+under\b)(?=.*\bunder[\s-]*(?:10|ten)s?\b)"), " "),
    (re.compile(r"\bbabies\b"), "children"),
    # Staff time ("how many man years", "man hours", "manpower"): a cost the report does not hold, never male episodes
    (re.compile(r"\bman[\s-]?(?:years?|hours?|days?|weeks?|months?|power)\b|\bmanpower\b"), " costs "),
    # Multicultural London English: "how many man", "the mandem", "youts" are young people; "wiv" is with; "fam",
    # "bruv", "wagwan (with)" are talk. Australian English: "kiddos".
    (
        re.compile(
            r"\bhow\s+many\s+man\b(?=\s+(?:went|go|gone|going|had|have|has|were|was|are|is|did|do|does|missing|got|get"
            r"|ran|run|been|in|at|with|wiv|aged|age|placed)\b)"
        ),
        " how many young people ",
    ),
    (re.compile(r"\b(?:the\s+)?(?:mandem|youts|yutes|kiddos?)\b"), " young people "),
    (re.compile(r"\bwiv\b"), " with "),
    (re.compile(r"\bwagwan(?:\s+(?:with|wiv))?\b|\b(?:fam|bruv|blud)\b(?=\s*(?:[?!.,]|$))"), " "),
    # A figure asked in a form ("to the nearest ten", "1 dp", "to one decimal place", "rounded"): the exact figure is
    # given, as the report prints it, for the asker to round
    (ROUNDING_ASKED, " "),
    (re.compile(r"(?<=\w)-per-(?=\w)"), " per "),  # "episodes-per-child"
    # "the data may still be subject to validation": the verb, not the month
    (
        re.compile(
            r"(?<!\bin\s)(?<!\bfor\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bfrom\s)(?<!\bduring\s)(?<!\bto\s)(?<!\band\s)"
            r"(?<!\bvs\s)(?<!\bagainst\s)(?<!\bthan\s)(?<!\bwith\s)"
            r"\bmay\s+(?=(?:well\s+)?(?:be|have\s+been|need|want|still\s+be|also\s+be|hide|affect|explain|seem|look)\b)"
        ),
        " ",
    ),
    (NUMBERED_PART, " "),  # a question's parts numbered: "1) ... 2) ..."
    # A unit's short form against its number: "10mi", "1wk", "3wd" ("1 week" is then read as 7 days)
    (re.compile(r"(?<=\d)\s*(mi|wks?|wd|hrs?)\b"), lambda m: " " + _UNIT_WORDS[m.group(1)]),
    (re.compile(r"\bm\s*/\s*m\b"), " month by month "),  # "all eps m/m 19/20"
    (re.compile(r"\b(?:bkdn|brkdn|bkdwn)\b"), "breakdown"),  # "age bkdn YTD": a shape's word, read before synonyms
    # A night worker's "out" for missing ("how many are out at the moment", "how long are they usually out for"), and
    # "at the minute" for now
    (
        re.compile(
            r"\b(are|is|were|was)\s+(?:still\s+)?out\b(?=\s+(?:at\s+the\s+(?:moment|minute)|right\s+now|now|currently))"
        ),
        r"\1 missing",
    ),
    (
        re.compile(
            r"\b(are|is)\s+(they|kids|children|young\s+people)\s+(?:usually\s+|normally\s+|typically\s+)?out\s+for\b"
        ),
        r"\1 \2 usually missing for",
    ),
    (re.compile(r"\bat\s+the\s+minute\b"), "right now"),
    # What the asker asks of the data itself, beside the figure ("how far back does your data go? ..."): talk
    (
        re.compile(
            r"\bhow\s+far\s+back\s+(?:does|do|did|can)\s+(?:the|your|this|you)?\s*(?:data|figures?|numbers?|records?)?\s*go\b\??"
            # ... "or does your data not go back that far"
            r"|\b(?:does|do|did)\s+(?:the\s+|your\s+|this\s+)?(?:data\s+|figures?\s+)?(?:not\s+)?go\s+(?:back\s+)?"
            r"(?:that|so|this)\s+far(?:\s+back)?\b"
        ),
        " ",
    ),
    # Emoji for words ("👧 vs 👦 June?", "📈 LAC episodes?", "CSE 🔺 or 🔻 since April?"); others are decoration
    (re.compile("|".join(_EMOJI_WORDS)), lambda m: f" {_EMOJI_WORDS[m.group(0)]} "),
    (re.compile(r"(?s)\A.*[📈📉].*\Z"), _chart_emoji),
    (re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]+"), " "),  # the rest decorate ("👀", "🙅")
    # "counting each child only once (however many times they went)": how a distinct count is made, not per child
    (
        re.compile(
            r"\(?\s*count(?:ing|ed)?\s+each\s+(?:child|young\s+person|kid|person)\s+(?:only\s+)?once\b[^)?.]*\)?"
        ),
        " distinct ",
    ),
    (re.compile(r"\b(an?)\s+(?:whole|full|entire|complete)\s+(?=(?:day|week|month)\b)"), r"\1 "),  # "a whole week"
    # Periods said in words: "the sixth month of the year" (June), "the first month of the financial year" (April),
    # "the second quarter of the calendar year" (April to June), "the month just gone", "the whole year until now",
    # "since the April" (a second language's article)
    # "... the sixth month compare with the fifth": the second ordinal is a month too, when the first was
    (
        re.compile(
            rf"(?s)\A(?=.*\bmonth\b).*\b(?:with|to|and|against|vs|v)\s+the\s+(?:{_ORDINAL})\b(?!\s+(?:quarter|week|day|half)).*\Z"
        ),
        lambda m: re.sub(
            rf"\b(with|to|and|against|vs|v)\s+the\s+({_ORDINAL})\b(?!\s+(?:quarter|week|day|half))",
            lambda n: f"{n.group(1)} {_MONTH_WORDS[ORDINALS[n.group(2)] - 1]}",
            m.group(0),
        ),
    ),
    (_NTH_MONTH, _nth_month),
    # "since the first of April": since April (its year, or "last year", after it as after "since April")
    (re.compile(rf"\bsince\s+(?:the\s+)?(?:first|1st)\s+of\s+(?=(?:{'|'.join(_MONTH_WORDS)})\b)"), "since "),
    # "each month from the first of April on": since April
    (
        re.compile(rf"\bfrom\s+(?:the\s+)?(?:1st|first|1)\s+(?:of\s+)?({'|'.join(_MONTH_WORDS)})\s+(?:on|onwards)\b"),
        r"since \1",
    ),
    (_NTH_CALENDAR_QUARTER, _nth_calendar_quarter),
    (
        re.compile(r"\bthe\s+month\s+(?:just\s+gone|that\s+just\s+finished|just\s+finished|just\s+ended)\b"),
        "last month",
    ),
    (re.compile(r"\b(?:for\s+)?the\s+whole\s+year\s+(?:until|up\s+to|till|to)\s+now\b"), "year to date"),
    (re.compile(rf"\b(since|from|in|for|until|of)\s+the\s+(?=(?:{'|'.join(_MONTH_WORDS)})\b)"), r"\1 "),
    # A ranking's place or length: "top 3 ethnic groups", "bottom two", "second highest month" (the answer names
    # the largest in order, the whole run or table beside them)
    (re.compile(r"\b(top|bottom)\s+(?:\d+|two|three|four|five|ten)\b"), r"\1"),
    (
        re.compile(
            r"\b(?:second|third|fourth|2nd|3rd|4th)[\s-]+(?=(?:highest|lowest|largest|biggest|busiest|quietest|most|least|worst|best)\b)"
        ),
        "",
    ),
    (re.compile(r"\bleague\s+table\b"), "ranking"),
    # Dictation misheard: "why TD" (YTD), "our HIS" (RHIs), "see SE" (CSE), "gipsy roamer" (Gypsy / Roma), "sin kids"
    (re.compile(r"\bwhy\s*t\.?\s*d\b"), "ytd"),
    (re.compile(r"\b(?:our|are)\s+h\.?\s*i\.?\s*s\b"), "rhis"),
    (re.compile(r"\bsee\s+s\.?\s*e\b"), "cse"),
    (re.compile(r"\bg[iy]psy\s+roamers?\b"), "gypsy roma"),
    (re.compile(r"\bsin\b(?=\s+(?:kids|children|child|cases|episodes|eps|young|plans?)\b)"), "cin"),  # "sin kids": CIN
    # Two of the sector's codes with a slash between: both figures ("LAC/CSE eps Jun?"), each named, not one guessed
    (re.compile(r"\b(lac|cse|cin|cpp?|eh|ola)\s*/\s*(?!\1\b)(lac|cse|cin|cpp?|eh|ola)\b"), r"\1 and \2"),
    # "about 2.2 times on average": an average said, not row 2.2's ref (no band counts part of a time)
    (re.compile(r"\b\d+\.\d+\s*(?=times\b)"), ""),
    # A chain of arrows is a funnel, each step a figure: "RHI offered->accepted->done" (one arrow may be "May->Jun")
    (re.compile(r"\b[a-z]+(?:\s*(?:->|→)\s*[a-z]+){2,}\b"), lambda m: re.sub(r"\s*(?:->|→)\s*", " and ", m.group(0))),
    (re.compile(r"\(\s*ex\.?\s+"), "(not "),  # "(ex. same day)": a complement asked for
    (re.compile(r"\bcomplete(?:d)?\s+(?=months?\b)"), ""),  # "which complete month": the report's months are
    # Terms the asker defines for themself ("Define BME as the report's line", "By 'episode' I mean each incident,
    # not each child", "denominator = RHIs accepted"): how they count, not the define command nor more figures.
    (re.compile(r"\bdefine[ds]?\s+['\"‘’]?[\w /'-]{1,30}?['\"‘’]?\s*(?:as\b|=)"), " "),
    (re.compile(r"\b(?:denominator|numerator)\s*(?:=|:|\bis\b)\s*[^.;?]*"), " "),
    (re.compile(r"\b(?:i\s+|we\s+)?need\s+(?=(?:the|a|an|your)\b)"), " "),  # the verb, not CIN's "need"
    # A list in brackets ("(EH, CIN, CP, LAC ...)", "(under 10, 10, 11 ... 17+)"), or after a breakdown ("by social
    # care status (Early Help, CIN ...)"): the rows of the table asked for
    (
        re.compile(
            r"\s*\([^()]*[,/][^()]*[,/][^()]*\)"
            r"|(?<=\bstatus)\s*\([^)]*[,/][^)]*\)|(?<=\bethnicity)\s*\([^)]*[,/][^)]*\)|(?<=\bage)\s*\([^)]*[,/][^)]*\)"
            r"|(?<=\bytd)\s*\((?:eh|cin|cp|lac)[^)]*[,/][^)]*\)"
        ),
        " ",
    ),
    # A return of figures to a region or government, not a child's return home: "for our return", "so I can finish
    # the year end return"
    (
        re.compile(
            r"\b(?:regional|our|my|quarterly|monthly)\s+returns?\b(?!\s+(?:home|interview|conversation|chat))"
            r"|\b(?:year[\s-]*end|annual|statutory|ssda\s*903|903|dfe|government)\s+returns?\b"
        ),
        " ",
    ),
    # How an AI assistant is asked for its answer's form ("Return only the number", "in bullet points", "Act as a
    # performance analyst and tell me ..."): the answer's form is the bot's own.
    (
        re.compile(
            r"\bret(?:ur|ru)n\s+(?:only|just)\s+(?:the\s+)?(?:number|figure|count)s?\b|\bone[\s-]line\s+answer\b"
            r"|\bin\s+(?:one|a\s+single|a)\s+sentence\b|\b(?:in\s+)?bullet[\s-]*points?\b|\bsummari[sz]e\b"
            r"|\bact\s+as\s+(?:an?|the|my)\s+(?:[a-z]+\s+){0,3}?(?:and\b|(?=[:,-]))|\bgive\s+me\s+a\s+table\s*(?:of\b|:)?"
        ),
        " ",
    ),
    (re.compile(r"\ba\s+(?=month\s+by\s+month\b)"), ""),  # "a month by month table": no "1 month"
    # How a distinct count is made, said beside it ("not the sum of the monthly counts", "not the three months added
    # up"): the period's own count of children is what is given anyway.
    (
        re.compile(
            r"\b(?:not|rather\s+than|instead\s+of)\s+(?:just\s+)?(?:the\s+)?"
            r"(?:(?:sum|total)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:monthly|months?)(?:\s+(?:counts?|figures?|numbers?|totals?))?"
            r"|(?:\w+\s+){0,2}?(?:monthly|months?)(?:\s+(?:counts?|figures?|numbers?|totals?))?\s+(?:added|summed)"
            r"(?:\s+(?:up|together))?)"
        ),
        " ",
    ),
    (re.compile(r"\bw/(?=\s)"), "with "),  # "CLA w/ >=3 episodes"
    (re.compile(r"\s*-+>\s*"), " to "),  # "apr->jun"
    (re.compile(r"(\d)\s*y/?o\b"), r"\1 year olds"),  # "14 y/o"
    # The North East's and Scotland's words for children ("bairns", "weans", "wor young uns")
    (re.compile(r"\bbairns\b|\bweans\b"), "children"),
    (re.compile(r"\bbairn\b|\bwean\b"), "child"),
    (re.compile(r"\byoung\s+'?uns\b"), "young people"),
    # Dialect for "with", "going", "go", "how" ("kids wi 3 or more episodes", "gannin missin", "hoo many")
    (re.compile(r"\bwi\b"), "with"),
    (re.compile(r"\bgannin\b|\bgoin\b"), "going"),
    (re.compile(r"\bgan\b(?=\s+missin)"), "go"),
    (re.compile(r"\bhoo\s+(?=many|much|long)"), "how "),
    # Geordie: "yem" (home), "gans" (goes), "knaa" (know), "divvent" (don't), "wor" (our), "hoo's" (how's); "howay",
    # "hinny", "pet" and a closing "like" are talk ("were it up on May, like?")
    (re.compile(r"\byem\b"), "home"),
    (re.compile(r"\bsaid\s+aye\b"), "said yes"),
    (re.compile(r"\bwho'?ve\b"), "who have"),
    # "what ethnic backgrounds were the kids", "what was the care status of the kids": each row of the table asked
    (re.compile(r"\bwhat\s+ethnic\s+backgrounds\b"), " ethnicity breakdown "),
    (re.compile(r"\bwhat\s+(?:was|were)\s+the\s+care\s+status(?:es)?\s+of\b"), " care status breakdown of "),
    # "cumulative" beside the year to date ("cumulative number of kids ... so far this year"): the year to date is it;
    # running totals month by month ("cumulative RHIs, month by month") are not (left, and refused)
    (
        re.compile(
            r"\bcumulative(?:ly)?\b(?=(?:(?!month\s+by\s+month|each\s+month).)*\b(?:ytd|so\s+far|to\s+date|this\s+year)\b)"
        ),
        " ",
    ),
    # Singapore English's closing particles ("OLA kids June how many episodes lah", "got increase meh?"): talk
    (re.compile(r"\s+(?:lah|leh|lor|meh|sia)\b(?=\s*[?.!,]|\s*$)"), " "),
    # A day of a month in words ("from the first of April to the thirtieth of June"): as a date, "1 April"
    (_DAY_IN_WORDS, _day_in_words),
    # Small talk to the bot ("how's your day going?", "are you a real person or a robot?"): a greeting, never "days"
    (
        re.compile(
            r"\bho(?:w|o)'?s\s+(?:your|ur|yer)\s+day(?:\s+(?:going|gannin|been))?\b|\bhow\s+(?:is|was)\s+your\s+day\b"
            r"|\bare\s+(?:you|ye|u)\s+a\s+(?:real\s+)?(?:person|human|bot|robot)(?:\s+or\s+a\s+(?:real\s+)?(?:person|human|bot|robot))?\b"
        ),
        " hello ",
    ),
    # "... - don't need the rest": only what was asked, said plainly; never a "not" of the rows (it dropped a row)
    (
        re.compile(
            r"[,;\-–—]?\s*(?:i\s+|we\s+)?(?:don'?t|do\s+not|divv?(?:en|n)t|dinnet|no)\s+(?:need\s+)?(?:to\s+see\s+)?(?:the|any\s+of\s+the)\s+"
            r"(?:rest|others?|other\s+(?:rows|groups|ones))\b"
        ),
        " ",
    ),
    (re.compile(r"\bgans\b"), "goes"),
    (re.compile(r"\bkn(?:aa|aw)\b"), "know"),
    (re.compile(r"\bdivv?(?:en|n)t\b|\bdinnet\b"), "don't"),
    (re.compile(r"\bwor\b"), "our"),
    (re.compile(r"\bhoo'?s\b"), "how's"),
    (
        re.compile(
            r"\b(?:howay(?:\s+man)?|wh?(?:e|a)y\s+aye(?:\s+man)?|hinny)\b|,?\s+pet\b(?=\s*[?.!]|\s*$)|,?\s+like\b(?=\s*[?.!]|\s*$)"
        ),
        " ",
    ),
    # Caribbean English: "a" for "of" before "di", "dem" or "all" ("out a all di episode dem", "how much a dem"); "dem"
    # as "them" after "of" or "with", else a plural's mark; "an" for "and" before a month, an age or "over"; "dan" for
    # "than" after a comparative; "mi" for "me" after a verb of telling; "youth" for a young person
    (re.compile(r"\ba\s+(?=di\b|dem\b|all\s+(?:a|di|dem|the)\b|all\s+di\b)"), "of "),
    (re.compile(r"\bof\s+dem\b"), "of them"),
    (re.compile(r"\b(?:wid|with)\s+dem\b"), "with them"),
    (re.compile(r"\b(children|people|ones)\s+dem\b"), r"\1"),
    (re.compile(r"(?<=[a-z])s?\s+dem\b"), "s"),  # "di group dem": the groups, never "the group" (a row of its own)
    (re.compile(r"\s+dem\b"), ""),
    # "April May June one one", "... one by one": each month of those named
    (re.compile(r"\b(" + MONTH_NAMED + r")\s+(?:one\s+by\s+one|one\s+one)\b"), r"\1 month by month"),
    (re.compile(r"\ban\s+(?=(?:over|under|so|april|may|june|july|august|di|dem)\b|\d)"), "and "),
    (re.compile(r"\b(more|less|fewer|higher|lower|bigger|smaller|longer|shorter|over|under)\s+dan\b"), r"\1 than"),
    (re.compile(r"\b(mek|show|tell|give|gi|sen|send|help|let)\s+mi\b"), r"\1 me"),
    (re.compile(r"\bmek\s+me\s+(?=know|see)"), "let me "),
    (re.compile(r"(?<=\bdi\s)youths?\b|(?<=\bmuch\s)youths?\b|\byouths?\b(?=\s+(?:dem|weh)\b)"), "young people"),
    _word_for_word(_CARIBBEAN_WORDS),
    # The return interview's steps said as doing ("how many RHIs are we offering"): the row's own word
    (
        re.compile(r"\b(offer|accept|complet)(?:e)?ing\b"),
        lambda m: {"offer": "offered", "accept": "accepted"}.get(m.group(1), "completed"),
    ),
    # "total episodes YTD, all kids": the episodes of every child (no group), not a count of children beside them
    (
        re.compile(
            r"(\b(?:episodes?|eps)\b[^,;]*)[,;]\s*(?:for\s+)?all\s+(?:the\s+)?(?:kids|children|young\s+people|pikin)\b"
            r"(?=\s*(?:[-–,.?!(]|$))"
        ),
        r"\1, all",
    ),
    # Mancunian "an all" at the end: "as well" ("cse episodes per month since april, and july so far an all"), never
    # all episodes beside the row
    (re.compile(r"[,\s]+an\s+all\b(?=\s*[?.!]*\s*$)"), " "),
    # South African English's greetings and exclamations ("howzit", "eish", "yoh", "lekker", "ja"): talk
    (re.compile(r"\b(?:howzit|eish|yoh|lekker|ja)\b[,!.]?"), " "),
    # "the return home interviews of June, all the lines", "ethnicity for May - all the rows": the table said, whole
    (
        re.compile(
            r"[,;\s–—-]*\ball\s+(?:the\s+|its\s+)?(?:lines|rows)\b|[,;\s–—-]*\bevery\s+(?:line|row)\b(?!\s+manager)"
        ),
        lambda m: " whole table " if _INTERVIEWS_SAID.search(m.string) else " ",
    ),
    # "how far did it drop", "how far has LAC fallen": by how much (no distance)
    (
        re.compile(
            r"\bhow\s+far\s+(?=(?:did|has|have|had|does|do|is|was)\s+(?:it|they|that|this|we|lac|cse|the\s+\w+)\s+"
            r"(?:drop|dropped|fall|fallen|fell|rise|risen|rose|go\s+(?:up|down)|gone\s+(?:up|down)|come\s+down|slip|slipped"
            r"|climb|climbed|slid|slide)\b)"
        ),
        "how much ",
    ),
    # "- and how far through July does the data go?": how far the data runs, which every partial month's answer says
    (
        re.compile(
            r"[,;\s–—-]*\b(?:and\s+)?how\s+far\s+(?:through|into|in)\s+(?:the\s+month|" + MONTH_NAMED + r")\s+"
            r"(?:does|do|did|is|are)\s+(?:the\s+)?(?:data|figures?|numbers?|extract)\s+(?:go|run|cover|reach)\b"
        ),
        " ",
    ),
    # "still missing right now? as at today please, not end of June": now, the month's end set aside
    (
        re.compile(r"[,;\s–—-]*\b(?:and\s+|but\s+)?not\s+(?:at\s+)?(?:the\s+)?end\s+of\s+" + MONTH_NAMED),
        lambda m: " " if re.search(r"\b(?:now|today|right\s+now|currently|at\s+present)\b", m.string) else m.group(0),
    ),
    # Cork English: "c'mere" (listen), "yer man from the board wants ..." (someone else asking): talk, not the question
    (re.compile(r"\bc'?mere\b[,!.]?"), " "),
    (
        re.compile(
            r"\byer\s+(?:man|wan|one)\b(?:\s+(?:from|on|in)\s+(?:the\s+)?(?:board|panel|finance|lscb|dmt|slt|office|council"
            r"|partnership|police|corporate|committee))?"
            r"(?:\s+(?:wants|needs|is\s+after|is\s+asking\s+for|was\s+asking\s+for|asked\s+for))?"
        ),
        " ",
    ),
    # "early July so far", "up to early July so far": the month under way so far (not Early Help's "early")
    (re.compile(r"\b(?:early|mid)[\s-]+(" + MONTH_NAMED + r")(?=\s*(?:so\s+far|to\s+date)\b)"), r"\1"),
    # The return interview's steps listed with no comma ("offered accepted and in time"): each a row of its own (not
    # "of those offered accepted", one row of a base)
    (re.compile(r"(?<!\bthose\s)(?<!\bthe\s)\b(offered)\s+(?=accepted\s*(?:,|and\b|&))"), r"\1, "),
    (
        re.compile(r"(?<!\bthose\s)(?<!\bthe\s)\boffered,?\s+accepted,?\s+(?=(?:done|completed)\b)"),
        "offered, accepted, ",
    ),
    # "went from 16 to 28 between May and June": each figure with its month, as "from 16 in May to 28 in June" says it
    (
        re.compile(
            r"\bfrom\s+(\d+)\s+to\s+(\d+)\s+(?:between|from)\s+("
            + MONTH_NAMED
            + r")\s+(?:and|to)\s+("
            + MONTH_NAMED
            + ")"
        ),
        r"from \1 in \3 to \2 in \4",
    ),
    (re.compile(r"\b(?:complete|entire)\s+(?=(?:section|table)\b)"), "whole "),  # "the complete section please"
    # "return home interviews, the whole thing please": the table, where a table's words are said (not "LAC, the whole
    # section": section 2 has no table of its own)
    (
        re.compile(
            r"\b(?:the\s+|t')whole\s+(?:thing|section|lot)\b|\b(?:give\s+me|show\s+me|send\s+me)\s+everything\b"
        ),
        lambda match: " breakdown " if _WHOLE_TABLE_WORDS.search(match.string) else match.group(0),
    ),
    # "the median time a child's missing": a child is missing (not a possessive)
    (
        re.compile(
            r"\b(child|kid|bairn|young\s+person|yp)'s\s+(?=(?:missing|missin|away|awa|gone|out)\b(?!\s+(?:episodes?|eps|incidents?)\b))"
        ),
        r"\1 is ",
    ),
    (re.compile(r"\blast\s+ear\b"), "last year"),  # a slip: "June last ear"
    # "been in the CSE med/high group": the CSE row, "group" the report's word for those at risk, no table
    (
        re.compile(
            r"\b(cse(?:\s+(?:med(?:ium)?\s*(?:/|or)\s*high|high\s*(?:/|or)\s*med(?:ium)?))?(?:\s+risk)?)\s+group\b"
        ),
        r"\1",
    ),
    # "anyone still out / missing?": still missing (children "out" are missing)
    (re.compile(r"\bstill\s+out\b(?!\s+of\b)(?:\s*(?:/|or)\s*missing\b)?"), "still missing"),
    # "of the not a client ones, what share were OLA? just of the not a clients, not of everything": the base said
    # again, not a "not" asking for a complement
    (
        re.compile(
            r",?\s*(?:and\s+)?not\s+(?:of|out\s+of)\s+(?:everything|everyone|all(?:\s+(?:episodes|of\s+them))?|the\s+(?:total|lot|whole))\b"
        ),
        " ",
    ),
    # "still missing now? owt outstanding": anything still open, not a return interview outstanding
    (
        re.compile(r"(\bstill\s+missing\b[^.?!]*[.?!]?\s*)(?:owt|anything|anyone|any(?:body|one))\s+outstanding\b"),
        r"\1",
    ),
    # "typical time they're missing": how long
    (re.compile(r"\btime\s+they'?re\s+(?=missing|missin|away|gone)"), "time they are "),
    # "just of the not a clients": the row, its name made plural
    (re.compile(r"\bnot\s+a\s+clients\b"), "not a client ones"),
    # "how long are the children away on average": missing, not a placement's distance away
    (
        re.compile(
            r"\b(are|is|were|was)\s+(?:the\s+|our\s+)?(children|kids|young\s+people|child|kid|bairns?|weans?|they)\s+awa(?:y)?\b"
        ),
        r"\1 \2 missing",
    ),
    # "breakdown the social care status for June - EH, CIN, CPP, LAC, care leaver, not a client": the table, its rows
    # listed after it as a reminder of what it holds (a "not a client" among them is no "not")
    (
        re.compile(
            r"(\b(?:breakdown|break\s+down|split|table)\b[^-–:]*?)\s+[-–:]\s+((?:[a-z0-9' +/]+,\s*){2,}"
            r"(?:(?:and|&)\s+)?[a-z0-9' +/]+)\s*[?.!]*\s*$"
        ),
        lambda match: match.group(1) if _a_table_and_its_rows(match) else match.group(0),
    ),
    # "Q1 - RHIs: offered/accepted/in time": three steps with slashes, a list (two, "accepted/offered", is a rate)
    (
        re.compile(
            r"\b(offered|accepted|completed|done|in\s+time)\s*/\s*(offered|accepted|completed|done|in\s+time)\s*/\s*"
            r"(?=offered|accepted|completed|done|in\s+time|not\b)"
        ),
        r"\1, \2, ",
    ),
    # "the ethnicity breakdown, including the BME total": the ethnicity table, which has the total as its last row (not
    # the BME summary of three rows)
    (
        re.compile(r",?\s*(?:including|incl\.?|inc\.?|with|plus)\s+(?:the\s+)?(?:bme\s+total|total\s+bme)\b"),
        lambda match: " " if re.search(r"\bethnic", match.string) else match.group(0),
    ),
    # "F v M", "M/F": female and male set side by side
    (re.compile(r"\bf\s*(?:v|vs|/|and|&)\s*m\b"), "female v male"),
    (re.compile(r"\bm\s*(?:v|vs|/|and|&)\s*f\b"), "male v female"),
    # "Jun v last Jun": the month against the same month a year before (not "last" as the month before)
    (_SAME_MONTH_LAST, lambda match: _same_month_last_year(match)),
    # "CSE episodes have jumped eh?": a question tag, never Early Help ("EH") after a word that ends a clause
    (_EH_TAG, lambda match: f"{match.group(1)} " if _ends_a_clause(match.group(1)) else match.group(0)),
    # "going missing less now", "going missing less?": fewer times, not "less" as minus ("missing less LAC" is)
    (
        re.compile(
            r"\b(missing)\s+less\b(?=\s+(?:now|often|these\s+days|lately|recently|frequently)\b|\s*(?:[?.!,]|$))"
        ),
        r"\1 fewer",
    ),
    # "ethnicity table for June": the ethnicity breakdown (the BME summary, a table too, had been read); not "the top
    # line of the ethnicity table", a row by its place
    (
        re.compile(r"(?<!\bthe\s)\b(ethnicity|ethnic\s+groups?)\s+table\b"),
        lambda match: match.group(0) if _A_PLACE_IN_A_TABLE.search(match.string) else f"{match.group(1)} breakdown",
    ),
    # "LAC and CSE episodes for each of April, May and June": each month, one by one (not the run's total); two months
    # ("for each of May and June") stay the two side by side
    (
        re.compile(
            r"\b(?:for|in)\s+each\s+of\s+(?=(?:the\s+(?:months?\s+)?)?"
            + MONTH_NAMED
            + r"\s*(?:,|and|&)\s*"
            + MONTH_NAMED
            + r"\s*(?:,|and|&)\s*(?:and\s+)?"
            + MONTH_NAMED
            + ")"
        ),
        " month by month for ",
    ),
    # "RHI done in 3 working days, % for April May and June": three months named one by one are each month's figure
    # (where no "each of", "out of" or a total asks otherwise; "which was highest for LAC, april may june" ranks them)
    (
        re.compile(
            r"(?<!\bof\s)(?<!\beach\s)(?<!\bthe\s)(?<!\bto\s)(?<![-:(]\s)(?<![-:(])\b(?:(?:for|in)\s+)?(?="
            + MONTH_NAMED
            + r"\s*,?\s*"
            + MONTH_NAMED
            + r"\s*,?\s*(?:(?:and|&)\s*)?"
            + MONTH_NAMED
            + r"\s*(?:[?.!,]|$))"
        ),
        lambda m: (
            m.group(0)
            if _TOTALLED.search(m.string) or (not re.match(r"for|in", m.group(0)) and _CHANGE_OVER.search(m.string))
            else " month by month for "
        ),
    ),
    # Cumbrian "17 an owers", "lac an that" (and so on)
    (re.compile(r"\b(\d+)\s+an\s+(?=over|owers|under|up\b)"), r"\1 and "),
    (re.compile(r"\s+an(?:d)?\s+that\b(?=\s*[?.!]*\s*$)"), " etc"),
    # "which month peaked for LAC?": the highest month
    (re.compile(r"\bpeaked\b"), "was highest"),
    # "full gender split apr/may/jun + ytd": the months one by one and the run as a whole (a table month by month)
    (
        re.compile(
            r"\b(" + MONTH_NAMED + r"(?:\s*[/,]\s*" + MONTH_NAMED + r")+)\s*(?:\+|and|plus|&|with)\s*(?:the\s+)?"
            r"(?:ytd|year\s+to\s+date|q[1-4](?:\s+total)?|total)\b"
        ),
        lambda match: f"{match.group(1)} month by month" if _TABLE_ASKED.search(match.string) else match.group(0),
    ),
    # A running total ("cumulative LAC episodes by the end of May", "running total so far"): the year to date to the
    # month said, as the report's YTD column is
    (
        re.compile(
            r"\b(?:on\s+a\s+)?cumulative(?:ly)?(?:\s+(?:position|basis|total|figure))?\b|\brunning\s+total(?:\s+of)?\b"
        ),
        lambda match: _running_total(match),
    ),
    (re.compile(r"(?<!\bmonths\s)\b(?:by|to|at)\s+(?:the\s+)?end\s+of\s+(?=" + MONTH_NAMED + ")"), " to "),
    # A moving or rolling average of three months ("3-month moving average to June", "rolling three-month average, Apr
    # to Jun"): the average a month over those three months
    (
        re.compile(
            r"\b(?:(?:3|three)[\s-]*(?:months?|mths?)\s+)?(?:moving|rolling)\s+(?:(?:3|three)[\s-]*(?:months?|mths?)\s+)?average(?:\s+of)?\b"
        ),
        " monthly average over the last 3 months ",
    ),
    # "from the start of April to the end of May", "between the start of April and the end of June": the months from
    # one to the other (it had set April against May)
    (
        re.compile(
            r"\b(?:from\s+|between\s+)?(?:the\s+)?(?:start|beginning|begining|1st)\s+of\s+("
            + MONTH_NAMED
            + r"(?:\s+20\d\d)?)"
            r"\s+(?:to|till|until|up\s+to|through\s+to|through|thru|and)\s+(?:the\s+)?end\s+of\s+(?="
            + MONTH_NAMED
            + ")"
        ),
        r"from \1 to ",
    ),
    # A run said with "through to", "up to", "until" between its months ("April through to June", "April up to June"):
    # from one to the other (it had read the first month alone, or the two set against each other)
    (
        re.compile(
            r"\b(" + MONTH_NAMED + r"(?:\s+20\d\d)?)\s+(?:(?:all\s+the\s+way\s+)?through\s+to|thru|through|up\s+to"
            r"|up\s+till|up\s+until|until|till)\s+(?=(?:the\s+end\s+of\s+)?" + MONTH_NAMED + ")"
        ),
        r"\1 to ",
    ),
    # Slips of the hand in the report's short forms ("LCA eps", "YDT", "Q! 19/20": the shifted 1)
    (re.compile(r"\blca\b"), "lac"),
    (re.compile(r"\bydt\b"), "ytd"),
    # "FY20": the financial year that ends in it (2019/20), as a company's "FY20" is named by its end. "FY2019" is
    # left unread: HMRC's "financial year 2019" starts in it, an American "FY2019" ends in it
    (
        re.compile(r"\bfy\s*'?(\d\d)\b(?!\s*(?:[/-]|to|into)?\s*\d)"),
        lambda m: f"20{int(m.group(1)) - 1:02d}/{m.group(1)}" if m.group(1) != "00" else m.group(0),
    ),
    # "Kindly share the LAC episodes", "can you share with me": give (the verb, not a share of a whole)
    (
        re.compile(
            r"\b(?:kindly|please|pls|plz|pl|can\s+(?:you|u)|could\s+(?:you|u)|would\s+(?:you|u)|pls\s+do)\s+"
            r"share\b(?:\s+with\s+(?:me|us))?(?!\s+of\b)"
        ),
        " give ",
    ),
    # Indian English "till date" (aaj tak): to date, the year so far
    (re.compile(r"\b(?:till|until|untill)\s+date\b"), "to date"),
    # "Mya" is May with two letters swapped ("RHIs offered Mya?"), but a girl's name too: never after the words that
    # name a child ("for Mya", "has Mya", "Mya's", "Mya went missing")
    (
        re.compile(
            r"(?<!\bfor\s)(?<!\babout\s)(?<!\bhas\s)(?<!\bhad\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bdid\s)(?<!\bdoes\s)"
            r"(?<!\bwith\s)(?<!\band\s)(?<!\bby\s)(?<!\bof\s)(?<!\bsaw\s)(?<!\bsee\s)(?<!\bcalled\s)(?<!\bnamed\s)"
            r"\bmya\b(?!'s|\s+(?:has|had|is|was|went|goes|go|gone|did|does|and|missing|ran|run|left|came|come|returned|back)\b)"
        ),
        "may",
    ),
    (re.compile(r"\bq\s*!(?=[\s,.;:?)]|$|\d)"), "q1"),
    # Scots English, word for word ("how mony weans wis oot mair than a week", "21 tae 30 mile fae hame")
    _word_for_word(_SCOTS_WORDS),
    _word_for_word(_NORFOLK_WORDS),
    (re.compile(r"\bfit\s+like(?:\s+the\s+day)?\b[,.!?]?"), " "),  # Doric's greeting, before its words are read
    (re.compile(r"\bo'\s"), "of "),  # "out o' them", "share o' June's": of
    (re.compile(r"^\W*av\s+(?=(?:heard|seen|got|been|had)\b)"), "i have "),  # Cumbrian "av heard"
    (re.compile(r"\bfoo\s+lang\b"), "how long"),
    _word_for_word(_DORIC_WORDS),
    (re.compile(r"\bkia\s+ora\b[,.!-]?"), " "),  # te reo Māori's greeting
    # Nigerian Pidgin: "no be X o, na Y" (not X, it is Y), "e don" (it has), "dem get" (they had), "pass" (more than)
    (re.compile(r"\bno\s+be\b"), "not"),
    (re.compile(r"\b(?:o|oh)\b(?=\s*[,.!?]|\s*$)"), " "),
    (re.compile(r"\be\s+don\b"), "has it"),
    (re.compile(r"\be\s+go\b"), "will it"),  # "if e go increase for august": a forecast
    (re.compile(r"\bpass\s+(?=\d+\s*(?:days?|miles?|years?|yrs?)\b)"), "more than "),  # "episodes pass 5 days"
    (re.compile(r"\bdem\s+(?=get|complete|offer|accept|don)"), "they "),
    (
        re.compile(r"\b(?:how\s+many|which)\b[^?]*?\bdey\s+go\s+missing\s+pass\b"),
        lambda m: m.group(0).replace("pass", "more"),
    ),
    # "which month LAC episodes low pass?": lowest ("pass" after an adjective is the most of it)
    (re.compile(r"\b(low|high|big|small)\s+pass\b"), r"\1est"),
    (re.compile(r"\b(?:much|many)\s+pass\b"), "most"),
    # words that are names too ("Abi", "Dey", "Marra", "Wey"), read only in the places Pidgin and Cumbrian put them
    (re.compile(r",?\s*\babi\b(?=\s*[?!.]|\s*$)"), " "),
    (re.compile(r"\bdey\s+(?=(?:go|stay|come|missing|do|run)\b)"), "are "),
    (re.compile(r"\bwey\s+(?=(?:go|get|dem|still|dey|don)\b)"), "that "),
    (re.compile(r",?\s*\bmarra\b(?=\s*[?!.,]|\s*$)"), " "),
    # Bradford's Urdu and Punjabi words, and a closing "na" (isn't it?: a question tag) before Pidgin reads "na" as is
    _word_for_word(_URDU_WORDS),
    (
        re.compile(
            r"(?:(?<=\bhow\smany\s)|(?<=\bour\s)|(?<=\bthe\s)|(?<=\ball\s)|(?<=\bindividual\s)|(?<=\bpakistani\s)"
            r"|(?<=\basian\s)|(?<=\bdifferent\s))bach(?:e|ay|che)\b|\bbach(?:e|ay|che)\b(?=\s+(?:went|go|going|gone|missing)\b)"
        ),
        "children",
    ),
    (re.compile(r"^\W*(?:acc?h?ha|acha|salaam)\b\s*,?\s*(?=(?:how|what|which|more|is|are|was|were|did|so|ok)\b)"), ""),
    (re.compile(r"\btheek\s+hai\b|\bhai\s+na\b"), " "),
    # "yaar" (mate) had been taken for "year" by the spelling's one edit; after "this", "last", "the" it is a year
    (re.compile(r"(?<!\bthis\s)(?<!\blast\s)(?<!\bthe\s)(?<!\bper\s)(?<!\bnext\s)(?<!\bthat\s)\byaar\b"), " "),
    (re.compile(r"[\s,]+na\s*(?=[?!.]*\s*$)"), " "),
    _word_for_word(_PIDGIN_WORDS),
    # Cumbrian: "lal uns" (the little ones: children), "t'year" (the year)
    (re.compile(r"\blal\s+(?:'?uns|ones)\b"), "children"),
    (re.compile(r"\bt'\s*(?=[a-z])"), "the "),  # Lancashire writes it apart: "fer t' year"
    _word_for_word(_CUMBRIAN_WORDS),
    _word_for_word(_MAORI_WORDS),
    (re.compile(r"\s+po\b(?=\s*[?.!,]|\s*$)"), " "),  # Filipino English's polite "po" at a sentence's end
    (re.compile(r"\ball\s+up\b(?=\s*[?.!,]|\s*$)"), " in total"),  # New Zealand's "all up"
    (re.compile(r"\bon\s+'em\b"), "of them"),  # Norfolk's "how many on 'em"
    _word_for_word(_GHANAIAN_WORDS),
    _word_for_word(_BLACK_COUNTRY_WORDS),
    (re.compile(r"(?<![\w'])(?:" + "|".join(_DROPPED_H_WORDS) + r")\b"), lambda m: _DROPPED_H_WORDS[m.group(0)]),
    # Black Country "am" (are): "ow many am missin", "wot am the figures", "am there more"
    (
        re.compile(r"(?:(?<=\bmany\s)|(?<=\bwhat\s)|(?<=\blong\s)|^)am\s+(?=(?:there|they|we|the|missing|still)\b)"),
        "are ",
    ),
    (re.compile(r"\bgi\s+(?=us\b|me\b)"), "give "),
    _word_for_word(_TRINIDADIAN_WORDS),
    _word_for_word(_LANCASHIRE_WORDS),
    _word_for_word(_YORKSHIRE_WORDS),
    _word_for_word(_WELSH_WORDS),
    # "plant" (children) only where Welsh puts it, beside a group or going missing ("LAC plant", "plant missing"): a
    # water treatment plant is no child
    (
        re.compile(
            r"\b(?:(?<=lac\s)|(?<=cse\s)|(?<=cla\s)|(?<=faint\s)|(?<=many\s))plant\b|\bplant\b(?=\s+(?:missing|went|gone|have|had|who))"
        ),
        "children",
    ),
    (
        re.compile(r"\bydy\s+e'?n\s+(uwch|is|fwy|llai)\b(?:\s+(?:na|is|than)\b)?"),
        lambda m: f"is it {'higher' if m.group(1) in ('uwch', 'fwy') else 'lower'} than",
    ),
    # Arabic terms of address and courtesy at a message's edge ("habibi give me ...", "..., yalla"): talk; within
    # it, a name perhaps, read as written
    (
        re.compile(
            r"(?:^|(?<=[,.!?]))\s*(?:habibi|habibti|yalla|yallah|khalas|shukran|inshallah|insha'?allah)\b[,.!]?"
            r"|[,.!?]\s*(?:habibi|habibti|yalla|yallah|khalas|shukran|inshallah|insha'?allah)\s*[.!?]*\s*$"
        ),
        " ",
    ),
    # "which part from the episodes", "what part they are from all the children": what share of (Arabic's "juz' min")
    (
        re.compile(
            r"\b(?:which|what)\s+part\s+(?:(?:they|it)\s+(?:are|is|were|was)\s+)?from\b"
            r"(?=\s+(?:the\s+|all\s+(?:the\s+)?)?(?:\w+\s+){0,2}?(?:episodes|eps|children|kids|lac|cse)\b)"
        ),
        "what share of",
    ),
    # "April, LAC placed 10 mile or under and 11-20 mile, which have more episodes": the two set side by side (it had
    # asked back which of the two)
    (
        re.compile(
            r"^(?!\W*(?:which|what)\b)(.+?\b(?:and|or|&)\b.+?),\s*which\s+(?:one\s+)?(?:has|have|had|got|is|was)\s+"
            r"(?:more|the\s+most|higher|bigger)(?:\s+(?:episodes|eps|children|kids))?\s*\??\s*$",
            re.DOTALL,
        ),
        r"compare \1",
    ),
    # "median episode length May - same day or 1 day?": the length asked, its guess read past
    (
        re.compile(
            r"[,;\s–—-]+(?:is\s+it\s+)?(?:same[\s-]day|0\s+days?|\d\s+days?)\s+or\s+(?:same[\s-]day|\d\s+days?)\s*\??\s*$"
        ),
        # ... only where a length is asked ("on average how many episodes were 0 days or 1 day?" asks the bands)
        lambda m: (
            " "
            if re.search(r"\b(?:median|average|avg|mean)\b[^?]*\b(?:length|long|last)\b", m.string)
            and not re.search(r"\b(?:number|how\s+many|per\s+month|monthly|lasting|of)\s*$", m.string[: m.start()])
            else m.group(0)
        ),
    ),
    # "14yr olds were top age group in june - what was their actual number?": the row's figure, the ranking said as
    # known (it had given the whole table)
    (
        re.compile(
            r"\b(?:were|was|are|is)\s+(?:the\s+)?(?:top|biggest|largest|highest|no\.?\s*1)\s+(?:age\s+group|age|group|band"
            r"|ethnic\s+group|ethnicity|status)\b(?=[^?]*\bwhat\s+(?:was|is|were)\s+(?:their|its|the)\s+(?:actual\s+)?"
            r"(?:number|figure|count|total)\b)"
        ),
        # ... not where the question is which was top ("which was the top age group - what was their number?")
        lambda m: m.group(0) if re.match(r"\W*(?:which|what)\b", m.string) else " ",
    ),
    # "all the list", "the full list": the whole table
    (
        re.compile(r"[,;\s-]*\b(?:all\s+the|the\s+(?:whole|full)|full)\s+list\b"),
        lambda m: " breakdown " if _TABLE_NAMED.search(m.string) else m.group(0),
    ),
    (re.compile(r"\bin\s+average\b"), "on average"),
    (re.compile(r"\bhow\s+many\s+time\s+(?=each|every)"), "how many times "),
    # A ranking's words: "no.1", "number one" the highest; "who ranks higher, EH or CIN?" which is higher (no one
    # person asked of)
    (re.compile(r"\b(?:is|was|were|are)\s+(?:no\.?\s*1|number\s+one)\b"), "is the highest"),
    (re.compile(r"\bwho\s+(?=ranks?\b)"), "which "),
    (re.compile(r"\branks?\s+(higher|better|lower|worse|first|top)\b"), r"is \1"),
    (re.compile(r"\btha\s+(?=(?:got|get|know|knows|want|wants|reckon|need|needs|have|'ave)\b)"), "you "),
    # Yorkshire's "kids as went missin" (as: who), "them as aren't open to us"; "end o june", "how much o ytd" (o: of)
    (
        re.compile(
            r"\b(kids|children|ones|them|those|lads|lasses|young\s+uns)\s+as\s+(?=(?:went|go|goes|gone|were|was|are|is|aren't|had|have|has|did|keeps?)\b)"
        ),
        r"\1 who ",
    ),
    (re.compile(r"\b(end|start|much|many|all|most|some|none)\s+o\s+(?=[a-z])"), r"\1 of "),
    (re.compile(r"\b(?:for|in)\s+year\s+(?=so\s+far\b|to\s+date\b)"), " this year "),
    _word_for_word(_COCKNEY_WORDS),
    _word_for_word(_TEESSIDE_WORDS),
    (
        re.compile(
            r"(?:(?<=\bwe\s)|(?<=\bi\s)|(?<=\byou\s)|(?<=\bthey\s)|(?<=\bya\s))ave\b(?!\s+(?:per|a\s+month|monthly)\b)"
            r"|\bave(?=\s+(?:been|got|had|we|you|they|i)\b)"
        ),
        "have",
    ),
    (re.compile(r"\b(?:all\s+of|of|all)\s+em\b"), lambda m: m.group(0)[:-2] + "them"),
    (re.compile(r"(?<=\bfrom\s)ome\b"), "home"),
    # A date of birth not recorded ("episodes with no DOB recorded", "date of birth not known"): the age table's
    # not-recorded row (it had been read past, giving all episodes)
    (
        re.compile(
            r"\bno\s+(?:date\s+of\s+birth|dob|d\.o\.b\.?|birth\s*date)(?:\s+(?:recorded|on\s+file|given|known))?\b"
            r"|\b(?:date\s+of\s+birth|dob|birth\s*date)s?\s+(?:(?:not|un)\s*(?:recorded|known|given)|missing|blank)\b"
        ),
        " age not recorded ",
    ),
    # "placed 100 mile plus away": past 100 miles, as "100+ miles" is (the report's last band, 101+ miles)
    (re.compile(r"\b100\s*(?:mile|miles|mi)\s+(?:plus|or\s+more|and\s+(?:over|more|above))\b"), "101+ miles"),
    (re.compile(r"\bow's\b"), "how's"),
    (
        re.compile(r"\b(?:" + "|".join(_RHYMING_SLANG) + r")\b"),
        lambda m: next(v for k, v in _RHYMING_SLANG.items() if re.fullmatch(k, m.group(0))),
    ),
    # Cockney "done a runner" (gone missing), "the little 'uns" (the children), "the reg'lars" (those who go missing
    # again and again: said beside the count asked, as "like" is), "kids mind" (a "mind" closing a clause: talk)
    (re.compile(r"\b(?:done|did|do|doing|does)\s+a\s+runner\b"), lambda m: _RUNNER[m.group(0).split()[0]]),
    (re.compile(r"\blittle\s+'?uns\b"), "children"),
    (re.compile(r"(?:,\s*|\s+)?\b(?:the\s+)?reg'?lars\b(?:\s+like)?"), " "),
    (re.compile(r"(?<=[a-z])\s+mind\b(?=\s*[,.!?;]|\s*$)"), " "),
    (re.compile(r"\ball\s+told\b"), " in total "),
    # Portuguese false friends, as Brazilian-born managers write them: "trimester" (trimestre: a quarter), "the
    # accumulated" (o acumulado: the year to date), "the actual month" (o mês atual: this month), "augmented" and
    # "diminished" (aumentou, diminuiu: went up, went down), "percentual" (percentage), "evolution" (the trend), "a
    # resume" (resumo: a summary), "in medium" (em média: on average), "feminine", "masculine" (female, male), "more
    # far" (further), "inform" (informe: tell me), "which part of" (what share of)
    (
        re.compile(
            r"\b(?:(?:in|for|on)\s+)?the\s+accumulated(?:\s+(?:of|for|in)\s+the\s+(?:financial\s+)?year)?\b"
            r"(?:\s+until\s+now\b)?"
        ),
        " year to date ",
    ),
    (
        re.compile(
            r"\b(?:in\s+)?(?:the|this)\s+actual\s+(month|moment|year|quarter)\b"
            r"(?!\s*(?:-|of\b|on\b|with\b|figures?\b|numbers?\b|totals?\b|change\b))(?:\s+until\s+now\b)?"
        ),
        lambda m: _ACTUAL_PERIOD[m.group(1)],
    ),
    (re.compile(r"\b(?:the|this)\s+(year|quarter)\s+until\s+now\b"), r"the \1 so far"),
    (re.compile(r"\baugment(?:ed|s)?\s+or\s+diminish(?:ed|es)?\b"), "go up or down"),
    _word_for_word(_PORTUGUESE_FALSE_FRIENDS),
    _word_for_word(_SPANISH_GERMAN_BRISTOL_WORDS),
    # Spanish "the totality (of the episodes)" (la totalidad: all of them), "apart of" (aparte de: apart from), "is
    # major or minor than" (mayor o menor: more or less than), "are missing actually" (actualmente: now), "buenos
    # días"; German "the begin of" (the start), "month for month", "divided through" (durch: by)
    (re.compile(r"\bthe\s+totality\s+of\s+(?:the\s+)?"), " the total of the "),
    (re.compile(r"[,\s]*\bthe\s+totality\b"), " in total "),
    (re.compile(r"\bapart\s+of\b"), "apart from"),
    (  # Spanish "realizar" (carry out): "RHIs not realised in the 3 working days", never "I realised LAC went up"
        re.compile(
            r"\b(?:not|n't|never)\s+(?:been\s+)?reali[sz]ed\b|\breali[sz]ed(?=\s+(?:in|within|on)\s+(?:the\s+)?(?:3|three|time)\b)"
        ),
        lambda m: "not completed" if not m.group(0).startswith("reali") else "completed",
    ),
    (re.compile(r"\b(?:is|are|was|were)\s+major\s+or\s+minor\s+than\b"), "is it more or less than"),
    # Italian's "minori", Spanish's "menores": the children ("the single minors", "each minor")
    (re.compile(r"\b(?:single\s+|individual\s+)?minors\b"), "children"),
    (re.compile(r"\b(each|every|per)\s+minor\b(?!\s+than\b)"), r"\1 child"),  # not "a minor drop"
    (  # only a whole question of children missing "actually" ("how many kids are missing actually in May" is May's)
        re.compile(
            r"\bhow\s+many\s+(children|childrens|kids|young\s+people)\s+(?:are|is)\s+missing\s+actually\s*[?.!]*\s*$"
        ),
        r"how many \1 are still missing now",
    ),
    (re.compile(r"\bbuenos\s+d[ií]as\b"), " hello "),
    (re.compile(r"\bthe\s+begin\s+of\b"), "the start of"),
    (  # "month for month": month by month, or beside two months or a change asked, the change (read past)
        re.compile(r"\bmonth\s+for\s+month\b"),
        lambda m: " " if _CHANGE_OVER.search(m.string) or _MONTHS_SIDE_BY_SIDE.search(m.string) else "month by month",
    ),
    (re.compile(r"\bdivided\s+through\b"), "divided by"),
    (re.compile(r"\bmy\s+(?=\s*[?.!,]|\s*$)"), " "),
    (re.compile(r"\bcomparing\s+(?=with\b|to\b)"), "compared "),
    (re.compile(r"\ba\s+resume\s+(?=of\b)"), "a summary "),
    (  # "how many episodes each child had, in medium?": never "episodes in medium" (the CSE risk level)
        re.compile(r",\s*in\s+medium\b(?=\s*[?.!]|\s*$)"),
        lambda m: " on average " if _AN_AVERAGE_MEANT.search(m.string) else m.group(0),
    ),
    (re.compile(r"\bthe\s+medium\s+(?=(?:time|duration|length|number|days)\b)"), "the average "),
    (re.compile(r"\bmore\s+far\b"), "further"),
    (re.compile(r"\binform\s+(?:me\s+)?(?:of\s+)?"), "tell me "),
    (re.compile(r"\b(?:which|what)\s+part\s+of\b"), "what share of"),
    (
        re.compile(
            r"\b(?:which|what)\s+part\s+(?=(?:were|was|are|is)\b(?!\s+(?:the\s+)?(?:highest|lowest|biggest|largest|smallest"
            r"|most|least|best|worst|higher|lower|bigger|" + _MONTH_ALTERNATIVES + r")\b))"
        ),
        "what share ",
    ),
    (re.compile(r"\bepisodes\s+by\s+(child|kid)\b"), r"episodes per \1"),
    (re.compile(r"\bthe\s+same\s+month\s+of\s+(?:the\s+)?(?:last|previous|past)\s+year\b"), "the same month last year"),
    # "June last year compared with this year": June of each year (this year's June, not its year to date)
    (
        re.compile(
            r"\b("
            + MONTH_NAMED
            + r")\s+(?:of\s+)?last\s+year\b((?:(?!\b(?:"
            + _MONTH_ALTERNATIVES
            + r")\b)[^\n]){0,60}?)"
            r"\b(?:this|the\s+current)\s+year\b"
        ),
        r"\1 last year\2 \1 this year",
    ),
    # "Between April, May and June which is the month with more episodes?": the months said first go after it, so the
    # question starts with its "which"
    (
        re.compile(
            r"^\W*((?:between|among)\s+" + MONTH_NAMED + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)" + MONTH_NAMED + r")+)"
            r"\s*,?\s+((?:which|what)\b.*)$",
            re.DOTALL,
        ),
        r"\2 \1",
    ),
    # "which was the month with more LAC episodes?", "in which month had less children?", "what age has more
    # episodes?": the most and the fewest (Portuguese's "mais", "menos" say both), where nothing is set against it
    (
        re.compile(
            r"^(?=\W*(?:in\s+)?(?:which|what)\b)(?!.*\b(?:than|or|vs?|versus|against|compared)\b)"
            r"(?!\W*(?:which|what)\s+(?:are|is|was|were)\s+having\b)"
            r"(?!.*\b(?:have|had|has)\s+(?:we|you|they|i)\b)([^,;:?!.–-]*?\b(?:with|had|has|have|having))\s+(more|less|fewer)\b"
        ),
        lambda m: f"{m.group(1)} the {'most' if m.group(2) == 'more' else 'fewest'}",
    ),
    (re.compile(r"\bwhich\s+(?:was|is)\s+the\s+month\s+with\b"), "which month had"),
    (re.compile(r"\bepisodes\s+of\s+all\s+(?:the\s+)?(?:children|kids)\b"), "all episodes"),
    (re.compile(r"\bcompare\s+for\s+me\b"), "compare"),
    (re.compile(r"\b(each|every|which|what)\s+month\s+of\s+the\s+quarter\b(?!.*\bor\b)"), r"\1 month in the quarter"),
    (re.compile(r"\b(each|every)\s+(?:full|complete|completed|whole)\s+month\b"), r"\1 month"),
    # "RHIs done within 3 working days - of those accepted, not offered": the base said, and the one it is not (the
    # "not" had turned the row into those not done in time: 65 for 208)
    (
        re.compile(r"\b(of\s+(?:those\s+|the\s+)?accepted)\s*,?\s*not\s+(?:of\s+)?(?:those\s+|the\s+)?offered\b"),
        lambda m: m.group(1) if _IN_TIME_SAID.search(m.string) else m.group(0),
    ),
    # "the not a client lot in june, how many of em was other local authority kids", "not a client, but only the ones
    # from other LAs": the other LA row, those not a client being its base (both rows had been given)
    (
        re.compile(
            r"\bthe\s+not\s+a\s+client\s+(?:lot|ones|episodes|kids)\b([^,?]*),\s*how\s+many\s+of\s+(?:em|them|those)\s+"
            r"(?:was|were)\b"
        ),
        r"of the not a client episodes\1, how many were",
    ),
    (
        re.compile(
            r"\bnot\s+a\s+client\s*,?\s*(?:but\s+)?(?:only|just)\s+the\s+ones\s+from\s+(?:the\s+)?other\s+"
            r"(?:las?|local\s+authorit(?:y|ies))\b"
        ),
        " episodes of children from another local authority ",
    ),
    # "of June's not-a-client episodes, what proportion ...": of the not a client episodes in June (the month's
    # possessive had hidden the base); Yorkshire's "of them not a client in June" (them: those) the same
    (
        re.compile(
            r"\bof\s+(" + MONTH_NAMED + r")'?s\s+((?:[\w-]+\s+){0,4}?(?:episodes|eps|ones|kids|children|cases))\b"
        ),
        r"of the \2 in \1",
    ),
    (re.compile(r"\bof\s+them\s+(?=not[\s-]+a[\s-]+client\b)"), "of the "),
    # "out of the not a client ones, how many were other LA kids": of those, as "of the not a client episodes, how
    # many" is (it had given both rows); "the not a client ones in june, how many were ...", the "out of" unsaid
    (re.compile(r"^\W*(?:out\s+of\s+)?(?=(?:the|those|our)\b[^,?]*\bones\b[^,?]*,\s*how\s+many\b)"), "of "),
    # "this month so far - to the 18th", "July to the 18th, I know it's partial": the month so far, to the day the
    # data runs to (no day of it can be asked apart)
    (
        re.compile(r"[,;\s-]*\b(?:to|till|until|up\s+to)\s+(?:the\s+)?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"),
        lambda m: " so far " if re.search(r"\b(?:so\s+far|this\s+month|partial|to\s+date)\b", m.string) else m.group(0),
    ),
    # "apr may june and july up to now": the month under way so far, the last of the months listed
    (
        re.compile(r"\b(and|&|\+)\s+(" + MONTH_NAMED + r")\s+(?:up\s+)?(?:to|till|until)\s+(?:now|today|date)\b"),
        r"\1 \2 so far",
    ),
    # The days missing table said by its first and last bands ("from same day return to more than 5 days"): the table
    (
        re.compile(
            r"[,;\s-]*\bfrom\s+(?:the\s+)?same[\s-]+day(?:\s+returns?)?\s+(?:to|through|till|until|up\s+to)\s+"
            r"(?:more\s+than|over)\s+(?:5|five)\s+days?\b"
        ),
        " ",
    ),
    # "april onwards", "from May onwards": since that month
    (re.compile(r"\b(?:from\s+)?(" + MONTH_NAMED + r")\s+onwards?\b(?!\s+(?:last|next)\s+year|\s+\d{4})"), r"since \1"),
    # "total BME, I mean, not each group": the summary row, not the table
    (re.compile(r"[,;\s-]*\bnot\s+(?:each|every|all\s+the|the\s+individual)\s+(?:group|row|band|category)s?\b"), " "),
    # "CSE episodes april, may, june and july so far": each month to now, the month under way marked partial
    (
        re.compile(
            r"\b(?:for\s+|in\s+)?(" + MONTH_NAMED + r")(?:\s*,?\s*" + MONTH_NAMED + r")+\s*,?\s*(?:and|&)\s*"
            r"(?:july|this\s+month)\s+(?:so\s+far|to\s+date)\b"
        ),
        lambda m: m.group(0) if _TOTALLED.search(m.string) else f" from {m.group(1)} up to now month by month ",
    ),
    # "gypsy roma episodes month by month, including this month": the year's months and the one under way; "since
    # April incl this month" from April to now
    (
        re.compile(
            r"\b(?:since|from)\s+(" + MONTH_NAMED + r")\s*,?\s*(?:including|plus|and)\s+(?:this|the\s+current)\s+month"
            r"(?:\s+so\s+far)?\b"
        ),
        r"from \1 up to now",
    ),
    (
        re.compile(
            r"^(?!.*\b(?:since|from|until|till|to)\b)(?=.*\b(?:month\s+by\s+month|each\s+month|every\s+month)\b)"
            r"(.*?),?\s*\b(?:including|plus|and)\s+(?:this|the\s+current)\s+month(?:\s+so\s+far)?\b"
        ),
        r"\1 from the start of the year up to now",
    ),
    # "White British against BME, how are the episodes?": what the two rows count, said after them (not a third row)
    (
        re.compile(
            r"(\b(?:against|vs?|versus)\s+[\w /-]{1,30}?)\s*,\s*"
            r"(?:how\s+(?:are|were|is|was)\s+)?(?:the\s+)?(episodes|eps)\b"
        ),
        r"\1 \2",
    ),
    (re.compile(r",?\s*\bone\s+after\s+the\s+other\b(?:\s+like\b)?"), " "),
    # Lancashire "were" for was ("june were 116 episodes", "were it up on May"); "the whole o' t' quarter": the quarter
    (re.compile(r"\b(" + MONTH_NAMED + r"|it)\s+were\b"), r"\1 was"),
    (re.compile(r"\bwere\s+it\b"), "was it"),
    (  # "the whole quarter": this one, unless a quarter is named ("fi di whole quarter, Q1")
        re.compile(r"\b(?:the\s+)?whole\s+(?:of\s+|o'\s*)?(?:the\s+|t'\s*)?(?=quarter\b)"),
        lambda m: " the " if re.search(r"\bq[1-4]\b", m.string) else " this ",
    ),
    (re.compile(r"\b(?:the\s+)?whole\s+(?:of\s+|o'\s*)?(?:the\s+|t'\s*)?(?=year\b)"), "the "),
    # "each month this year - Apr, May, Jun": the months listed are the year's, said again (not two periods)
    (
        re.compile(
            r"\b(?:this\s+year|ytd|so\s+far)\s*[-–—:(]\s*(?="
            + MONTH_NAMED
            + r"(?:\s*[,/&]\s*|\s+(?:or\s+|and\s+)?)"
            + MONTH_NAMED
            + r")"
        ),
        " ",
    ),
    # "how many were offered, how many accepted, and how many completed on time": the steps listed, one "how many" each
    (
        re.compile(
            r"\bhow\s+many\s+(?:were\s+|was\s+)?(?:offered|accepted|completed|done)\b"
            r"(?:[\s,]+(?:and\s+)?how\s+many\s+(?:were\s+|was\s+)?(?:offered|accepted|completed|done)\b){2,}"
        ),
        lambda m: (
            ", ".join(re.findall(r"offered|accepted|completed|done", m.group(0)))
            if _INTERVIEWS_SAID.search(m.string)
            else m.group(0)
        ),
    ),
    # "return home interviews for June, offered accepted done in time the works": the steps and "the lot" after
    # them, where return interviews are said, are the whole table
    (
        re.compile(
            r"[,;:\s-]+(?:offered|accepted|completed|done)(?:[\s,/&]+(?:(?:and|an'?)\s+)?(?:offered|accepted|completed"
            r"|done|[io]n\s+time|not))+[\s,]+(?:the\s+lot|all\s+of\s+them|the\s+works|everything)\b"
        ),
        lambda m: " " if _INTERVIEWS_SAID.search(m.string) else m.group(0),
    ),
    # "the complete RHI position", "a complete breakdown": whole (the adjective, not the step "completed")
    (
        re.compile(
            r"\b(the|a|our|your)\s+complete\s+(?=(?:[\w-]+\s+){0,3}(?:position|picture|table|breakdown|overview"
            r"|summary|rundown|list|view|section)\b)"
        ),
        r"\1 full ",
    ),
    # "RHI whole thing June, offered accepted completed all", "RHI position for Q1 - offered, accepted, done in time,
    # not in time": the whole table, its steps listed after it
    (
        re.compile(
            r"\b((whole\s+(?:thing|lot|table|section)|position|picture|overview|summary|figures|numbers)\b"
            r"(?:(?!how\s+many)[^?])*?)"
            r"[,;:\s-]+(?:offered|accepted|completed|done)"
            r"(?:[\s,/&]+(?:(?:and|an'?)\s+)?(?:offered|accepted|completed|done|[io]n\s+time|not))+"
            r"(?:\s+all|[\s,]+(?:the\s+lot|all\s+of\s+them|the\s+works|everything))?\b"
        ),
        # a position, picture, overview or summary is the table's only where RHIs are said: the steps say so otherwise
        lambda m: (
            m.group(1)
            if m.group(2).startswith("whole")
            or (
                _INTERVIEWS_SAID.search(m.string)
                and (m.group(2) not in ("figures", "numbers") or _ALL_STEPS.search(m.group(0)))
            )
            else m.group(0)
        ),
    ),
    # "RHIs that didn't get done within 3 working days": not done in time (it had read as done in time)
    (re.compile(r"\b(?:did\s+not|didn'?t|didnt|never)\s+(?:get|got)\s+(?=(?:done|completed)\b)"), "not "),
    # "how many episodes all together from April, this year", "in total from May": since then (a total from a month on,
    # not the month; "this year" after it the same months said again); "LAC from April this year" stays April
    (
        re.compile(
            r"\bfrom\s+(" + MONTH_NAMED + r")(?!'?s\b)(?!\s*(?:to|-|until|till|through|thru|and|&|vs?|against)\b)"
            r"(?:\s*,?\s*(?:this\s+year|so\s+far)\b)?"
        ),
        # ... or each month from one on ("the episodes for every month, from april"): since then, month by month
        lambda m: (
            f"since {m.group(1)}" if _TOTAL_SAID.search(m.string) or _BY_MONTH_SAID.search(m.string) else m.group(0)
        ),
    ),
    # "from April until now end of June": to the end of June ("now" said as the end of the data's last whole month)
    (re.compile(r"\buntil\s+now\s*,?\s*(?:the\s+)?end\s+of\s+(?=" + MONTH_NAMED + r")"), "to "),
    # "all our lads and lasses": everyone, boys and girls alike (not the two gender rows)
    (re.compile(r"\ball\s+(?:our\s+|the\s+|t'\s*)?lads\s+(?:and|an'?|&)\s+lasses\b(?:\s+like\b)?"), "all"),
    # Hong Kong English's closing "la", "ar", "lor" ("the 3 working days one ar,", "how many episodes la"): talk. "la"
    # is a local authority too ("how many LA kids", "from another la"): besides the Scouse rule's places above, it is
    # talk only at the message's end, not after the words that make it one, and after "how many" only once what is
    # counted has been named (not in "of the not a client episodes, how many LA?", which asks it)
    (re.compile(r"\b(many|much|one|all|thing|days)\s+(?:ar|lor|leh|meh)\b"), r"\1 "),
    (
        re.compile(
            r"(?<!\banother)(?<!\bother)(?<!\bthe)(?<!\bour)(?<!\ban)(?<!\bhome)(?<!\bplacing)(?<!\bdifferent)"
            r"(?<!\bmany)(?<!\ball)(?<!\bkids)(?<!\bchildren)(?<!\bnumber)(?<!\bof)(?<!\bfrom)"
            r"\s+(?:la|ar|lor)\s*[?!.]*\s*$"
        ),
        " ",
    ),
    (
        re.compile(
            r"^(?!.*\b(?:of|out\s+of)\s+(?:the|those|them)\b)"
            r"(?=.*\b(?:episodes|eps|lac|cse|rhis?|children|kids|girls|boys|completed|offered|accepted|done)\b"
            r".*\bhow\s+many\s+la\s*[?!.]*\s*$)"
            r"(.*\bhow\s+many)\s+la\s*[?!.]*\s*$"
        ),
        r"\1",
    ),
    # "3 and more episodes", "three and above": 3 or more (not "3 and more than 5 days": two bands)
    (
        re.compile(r"\b(\d+|one|two|three|four|five)\s+and\s+(?:more\b(?!\s+than)|above\s+(?=episodes|eps|times))"),
        r"\1 or more ",
    ),
    # "how far apart are they" after two figures or a table: the figures side by side say it
    (re.compile(r"[,;:\s-]*\bhow\s+far\s+apart\s+(?:are|were|is|was)\s+(?:they|them|the\s+two|these)\b\s*\??"), " "),
    # "lowest month ... and how far off the peak was it": the months ranked say it (never a placement's distance)
    (
        re.compile(
            r"[,;:\s-]*\b(?:and\s+)?how\s+far\s+(?:off|below|behind|short\s+of|from|under)\s+(?:the\s+)?"
            r"(?:peak|top|highest|lowest|best|worst|busiest|quietest)(?:\s+(?:was|is)\s+it)?\s*\??"
        ),
        " ",
    ),
    # "june compared to ytd - how far under are we", "how far off 80% are we": the figures side by side say it (never a
    # placement's distance, which had given the distance table)
    (
        re.compile(
            r"[,;:\s-]*\b(?:and\s+)?how\s+far\s+(?:under|over|above|below|behind|short|off)\b(?!\s+(?:of|from|the|\d))"
            r"(?:\s+(?:are|were|is|was)\s+(?:we|they|it))?"
            r"(?=\s*(?:[?,;.]|$|(?:on|for|in|with|compared|vs|than|against)\b))\s*\??"
        ),
        " ",
    ),
    # "how far ahead of boys are girls": girls against boys
    (re.compile(r"\bhow\s+far\s+ahead\s+of\s+(?:the\s+)?(\w+)\s+(?:are|were|is|was)\s+(?:the\s+)?(\w+)"), r"\2 vs \1"),
    # Trinidad's "dey" (they) after the words that lead a clause ("when dey went missing", "what age dey mostly go");
    # after "has" or "did" it may be a name ("how many times has Dey gone missing"), read as written
    (
        re.compile(
            r"(?:"
            + "|".join(
                rf"(?<=\b{w}\s)"
                for w in ("when", "how", "long", "often", "where", "what", "why", "if", "that", "age", "as")
            )
            + r")dey\b(?=\s+(?:went|was|were|mostly|going|gone|had|get|got|is|go|come|stay)\b)"
        ),
        "they",
    ),
    # Whether a figure stayed flat ("has CSE stayed flat?", "held steady month on month since april", "were RHIs
    # offered level across Q1", "month by month - been consistent?"): each month's figure, for the asker to see
    (
        re.compile(
            r"\b(?:has|have|did|does|do)\s+"
            + _NO_FLAT_SUBJECT
            + r"(.+?)\s+(?:stayed|stay|been|remained|remain|held|hold|kept|keep)\s+"
            + _FLAT
            + r"(?:\s+(?:month\s+on\s+month|month\s+to\s+month))?"
        ),
        _flat_subject,
    ),
    (  # "CSE episodes - has it stayed flat?": the figure named before it
        re.compile(
            r"(?<=\w)[,.;:\s-]*\b(?:has|have|is|was)\s+(?:it|they|that|this)\s+(?:been|stayed|remained|held)\s+"
            + _FLAT
            + r"(?:\s+(?:month\s+on\s+month|month\s+to\s+month))?"
        ),
        lambda m: m.group(0) if _NOT_ONE_MONTHLY_FIGURE.search(m.string[: m.start()]) else _by_month_unless_said(m),
    ),
    # "White British episodes month by month - been consistent?": the months asked, the word talk
    (re.compile(r"(\bmonth\s+by\s+month)[,.;:\s-]*\b(?:been\s+)?(?:consistent|steady|stable|flat)\s*(?=\?|$)"), r"\1 "),
    (  # "were total episodes level apr to may": April against May
        re.compile(
            r"\b(?:were|was|is|are)\s+"
            + _NO_FLAT_SUBJECT
            + r"(.+?)\s+"
            + _FLAT
            + r"\s+(?:between\s+)?("
            + MONTH_NAMED
            + r")\s+(to|and|vs|v)\s+("
            + MONTH_NAMED
            + r")\b"
        ),
        _level_months,
    ),
    (
        re.compile(
            r"\b(?:were|was|is|are)\s+" + _NO_FLAT_SUBJECT + r"(.+?)\s+(?:flat|level|steady|consistent|stable)\s+"
            r"(?=(?:across|over|through|during)\b|(?:in|for)\s+(?:q[1-4]|(?:the\s+)?(?:quarter|year|ytd)\b))"
        ),
        lambda m: _flat_subject(m) + " ",
    ),
    # Black Country "ar kid" (our kid: a form of address) and "any standout?" after a ranking: talk
    (re.compile(r",?\s*\bar\s+kid\b"), " "),
    (re.compile(r"[,;:\s-]*\bany\s+stand-?\s?outs?\s*\??\s*$"), " "),
    # "the median episode length ytd, is it under a day?": the median answers it (the figure beside the question)
    (
        re.compile(
            r"\b((?:median|average|mean)\b[^?]*?)[,;:\s-]+is\s+it\s+(?:under|over|below|above|more\s+than|less\s+than)\s+"
            r"(?:a|one|\d+)\s+(?:days?|weeks?)\s*\??\s*$"
        ),
        r"\1",
    ),
    # "ages for may - any under 12s?", "placement distance for april, anyone beyond 40 miles?": the whole table asked,
    # which shows them
    (
        re.compile(
            r"^(.*\b(?:breakdown|table|ages|placement\s+distances?)\b[^?,;-]*?)\s*[-,;:]\s*"
            r"(?:any|anyone|anybody|are\s+there\s+any)\s+(?:(?:go|goes|went|going|placed|aged)\s+)?"
            r"(?:under|over|beyond|past|above|below|more\s+than|less\s+than|older|younger|surprises?)\b"
            r"(?![^?]*\b(?:ytd|q[1-4]|year|quarter|month|" + MONTH_NAMED + r"))[^?]*\??\s*$"
        ),
        r"\1",
    ),
    # "what age they mostly going missing at": the age most go missing at (the largest row), not the table
    (
        re.compile(
            r"^(\W*(?:what|which)\s+(?:age|ages|ethnicit(?:y|ies)|gender|sex|distances?|bands?|groups?)\b[^?]*?)"
            r"\bmostly\s+(?=(?:go|goes|going|gone|went)\s+missing\b)"
        ),
        r"\1most ",
    ),
    # "more girls than boys, or was it the other way round": the same two figures, asked again the other way
    (re.compile(r",?\s*\bor\s+(?:(?:was|is|were|are)\s+it\s+)?(?:the\s+)?other\s+way\s+a?round\b"), " "),
    # "were more of them for girls or for boys", "among CIN or among those receiving early help": the two groups set
    # side by side, as "girls or boys" are (the repeated "for" had made two questions of it, and asked which)
    (
        re.compile(
            r"\bor\s+(?:for|among|amongst)\s+(?:those\s+(?:receiving|getting|on|in|with)\s+|those\s+|the\s+ones\s+)?"
        ),
        lambda m: "or " if re.search(r"\b(?:more|fewer|less|higher|lower|bigger|most)\b", m.string) else m.group(0),
    ),
    # "the middle value, not the average", "the mean, not the median": the one asked, the other ruled out by name
    (
        re.compile(r"\b((?:median|middle|typical)\b.*?),?\s*(?:but\s+)?not\s+the\s+(?:average|mean)\b(?:\s+mind)?"),
        r"\1 ",
    ),
    (
        re.compile(
            r"\b((?:average|mean)\b.*?),?\s*(?:but\s+)?not\s+the\s+(?:median|middle(?:\s+value)?)\b(?:\s+mind)?"
        ),
        r"\1 ",
    ),
    (
        re.compile(
            r"\b(is|was|were|are|it's|its)\s+no\s+(?=higher|lower|more|less|fewer|up|down|better|worse|done|bigger)"
        ),
        r"\1 not ",
    ),
    (re.compile(r"\bno\s+(?=done|completed|in\s+time|on\s+time|offered|accepted|recorded)"), "not "),
    (re.compile(r"\bthe\s+now\b"), " now "),
    # "Broken down by month" is month by month, not a breakdown's table.
    (
        re.compile(r"\b(?:broken\s+down|break\s*down|breakdown|split)\s+(?:by|per|for\s+each)\s+months?\b"),
        "month by month",
    ),
    (re.compile(r"\b(?:between|of)\s+the\s+two\b"), " "),  # "and the change between the two": the periods named
    (re.compile(r"(n't|\bnot)\s+even\b"), r"\1"),  # "aren't even known to us", "didn't even record"
    # A tag asking to confirm ("isn't it true that ...", "is it right that ..."): the figure is answered.
    (
        re.compile(
            r"\b(?:(?:isn't|wasn't)\s+it|is\s+it(?:\s+not)?|was\s+it)\s+(?:true|right|correct|the\s+case)\s+that\b"
        ),
        " ",
    ),
    (re.compile(r"(?<=missing)\s+in\s+a\s+month\b"), " "),  # "how many times does each kid go missing in a month"
    # A figure stated as a claim to check ("isn't it true that CSE episodes hit 28 in June?"): the figure is answered.
    (
        re.compile(
            r"\b(?:hit|hits|reached|reaches|topped|tops|totalled|totaled|(?:peaked|stood|stands)\s+at"
            r"|(?:rose|risen|fell|fallen|gone\s+up|gone\s+down|went\s+up|went\s+down)\s+to)\s+\d+\b"
            r"(?!\s*(?:days?|miles?|years?|yrs?|\+|%|or\b|and\b|to\b|-))"
        ),
        " ",
    ),
    # A bare age with "and over" set off by punctuation ("16 and over, episodes last month"): an age, not "16 or more
    # episodes" (a band the report does not have).
    (
        re.compile(r"\b(1[0-7])\s*(?:\+|and\s+over|or\s+over|and\s+above|and\s+older|or\s+older)\s*(?=[,;:\-–])"),
        r"aged \1 and over ",
    ),
    (re.compile(r"\bpostcodes?\s+(?=distance)"), ""),  # the distance between postcodes: the distance from home
]


def _of_interviews(match: re.Match[str]) -> bool:
    """Whether the part of the question a "3 days" is in ("... and RHIs done in 3 days") is of return interviews, not
    of how long episodes last ("missing more than 3 days"), judged from the words of the question around it that no
    comma nor "and" parts from it."""
    text = match.string
    starts = [m.end() for m in _PART_END.finditer(text, 0, match.start())]
    ends = [m.start() for m in _PART_END.finditer(text, match.end())]
    clause = text[starts[-1] if starts else 0 : ends[0] if ends else len(text)]
    said = clause if _INTERVIEWS_SAID.search(clause) else text  # "the 3 day timescale - how many RHIs missed it"
    return bool(_INTERVIEWS_SAID.search(said)) and not _EPISODES_SAID.search(clause)


def reword(text: str) -> str:
    """Text with the ways of writing in _REWORDINGS read as the report's own words."""
    for pattern, words in _REWORDINGS:
        text = pattern.sub(words, text)
    return text


# A base said in words after a share ("what % of those offered"): what the row's percentage is of, not a second figure.
BASE_SAID = re.compile(r"(%|\bpercent\w*|\bproportion|\bshare)\s+of\s+(?:all\s+)?(?:those|the\s+ones|them)\s+[a-z]+")
# Rows that are the same figure by definition: care status LAC (6.4) counts exactly the LAC episodes (2.1).
SAME_FIGURE = {"status.lac": "episodes.lac"}
GROUP_ID_PREFIX = "group."  # a reading's id naming a whole breakdown
# Words for a whole breakdown that its title does not use.
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "duration": ("days missing", "days"),
    "status": ("social care status", "case type", "status"),
    "distance": ("placement distance", "miles", "distance from home"),
    "bme": ("bme breakdown", "bme table"),
    "rhi": ("rhi breakdown", "rhi table", "rhi timeliness"),
}


# What a question counts, when it says: the noun after "how many" or "number of" ("how many times did children go
# missing": episodes; "how many individual children were involved in episodes": children).
EPISODE_NOUN, CHILD_NOUN = "episodes", "children"
_COUNTING_HEADS = (("how", "many"), ("number", "of"), ("numbers", "of"), ("no", "of"), ("count", "of"), ("total", "of"))
COUNTED_WITHIN_WORDS = 4  # "how many looked after kids", "number of individual children": the noun comes soon
_NOT_A_NOUN = {"not", "3+"}  # "how many not ...", "how many 3+ ...": another row's words, not what is counted


_COUNT_FILLER = {"the", "number", "numbers", "of", "just", "a", "count", "total"}  # "not the number of children"


_MODIFIER_BETWEEN = {"missing"}  # "children('s) missing episodes": children name whose episodes, not what is counted


def _modifies_episodes(after: list[str]) -> bool:
    """Whether "children" is a noun's modifier: "episodes" follows it, with at most "missing" between."""
    rest = [w for w in after[:2] if w not in _MODIFIER_BETWEEN]
    return bool(rest) and rest[0] == EPISODE_NOUN and after.index(EPISODE_NOUN) <= len(_MODIFIER_BETWEEN)


def read_counted(text: str) -> str | None:
    """episodes or children, when a counting phrase names which ("how many children"), or rules one out ("children
    not episodes", "not the number of children"); else None."""
    words = replace_synonyms(split_words(text))
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) not in _COUNTING_HEADS:
            continue
        window = words[i + 2 : i + 2 + COUNTED_WITHIN_WORDS]
        for j, word in enumerate(window):
            if word in _NOT_A_NOUN:
                break
            if word == CHILD_NOUN and _modifies_episodes(words[i + 2 + j + 1 :]):
                return EPISODE_NOUN  # "number of CLA missing episodes": the children's episodes are counted
            if word in (EPISODE_NOUN, CHILD_NOUN):
                return word
    # "children, not episodes"; but "I don't want kids counted twice" rules nothing out
    for i, word in enumerate(words):
        following = [w for w in words[i + 1 : i + 1 + COUNTED_WITHIN_WORDS] if w not in _COUNT_FILLER][:1]
        if word == NEGATION_WORD and following and following[0] in (EPISODE_NOUN, CHILD_NOUN):
            return CHILD_NOUN if following[0] == EPISODE_NOUN else EPISODE_NOUN
    return None


# The census's broad ethnic groups, by the letter their codes start with (DfE's A-E codes): "Asian children" are
# C1 to C4 added up, not B3 "White and Asian". Read only where the word is not part of a code's own label.
ETHNIC_GROUP_WORDS = {
    "A": r"(?<!other\s)\bwhite\b(?!\s+(?:british|irish|and|background))",
    "B": r"(?<!other\s)\bmixed\b(?!\s+background)(?:\s+(?:race|heritage|ethnicity|parentage))?",
    "C": r"(?<!other\s)(?<!and\s)\basian\b(?!\s+background)(?:\s+or\s+asian\s+british)?",
    "D": r"(?<!other\s)(?<!and\s)\bblack\b(?!\s+(?:background|caribbean|african|and))(?:\s+or\s+black\s+british)?",
}
ETHNIC_GROUP_NAMES = {"A": "white", "B": "mixed", "C": "asian", "D": "black"}  # DfE's broad groups, by letter
_MINORITY = re.compile(r"\bminorit|\bbame\b|\bbme\b")
MIN_GROUP_CODES = 2  # a group of one code is that code's own row
# Teenagers: the report's ages from 13 ("the older teenagers, 17 and over" names its own ages).
_TEENAGERS = re.compile(r"\b(?:teenagers?|teens|teenage)\b")
_AGE_SAID = re.compile(r"\b\d+\s*(?:\+|s\b|yrs?\b|years?\b|and\s+(?:over|under|above|older))|\baged?\s+\d")
TEEN_FROM = 13
# Ages in everyday words whose ages are agreed: "older teens", "late teens" are 16 and over (the report's 16yrs and
# 17+yrs); "pre-teens" are 12 and under. "Mid-teens", "early teens" and "tweens" are not agreed (questions.py asks for
# the ages); an age said with them names its own.
_OLDER_TEENS = re.compile(r"\b(?:(?:in\s+)?their\s+)?(?:older|late|upper)[\s-]+(?:teens|teenagers?|teen\s+years)\b")
_PRE_TEENS = re.compile(r"\bpre[\s-]?(?:teens?|teenagers?)\b")
OLDER_TEENS_FROM = 16
_AGES_JOINED = re.compile(
    r"\b(?:and|or|plus|except|but|excluding|without|vs|versus|v|than|compared|against|not|minus)\b|[&+]"
)
# Ages in words whose ages are not agreed ("mid-teens" is 13 to 15 to some, 14 and 15 to others; "the younger ones")
VAGUE_AGES = re.compile(
    r"\b(?:mid|middle|early|young|younger|lower)[\s-]*(?:teens|teenagers?|teen\s+years)\b|\btweens\b"
    r"|\b(?:younger|youngest|little|older|oldest)\s+(?:ones|kids|children|uns)\b"
)
# Ages given in numbers ("aged 14 to 15", "13-15", "(16 and 17)"): what an everyday word meant is said with it.
AGES_GIVEN = re.compile(rf"{_AGE_SAID.pattern}|\b\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}\b")


def mixes_age_words(text: str) -> bool:
    """Whether an agreed everyday word for ages ("older teens", "pre-teens") is joined to other ages ("and 12 year
    olds", "and teenagers", "except 17+", "vs younger children"): which ages are meant is then not plain, and the
    question is asked back. Ages said beside it as its meaning ("the older teenagers, 17 and over") are no mix."""
    blanked = _blank(_PRE_TEENS, _blank(_OLDER_TEENS, text))
    for word in (*_OLDER_TEENS.finditer(text), *_PRE_TEENS.finditer(text)):
        for other in (*AGES_GIVEN.finditer(blanked), *_TEENAGERS.finditer(blanked), *VAGUE_AGES.finditer(blanked)):
            between = text[min(word.end(), other.end()) : max(word.start(), other.start())]
            if _AGES_JOINED.search(between):
                return True
    return False


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """The text with pattern's matches blanked out, every other character where it was."""
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


def _other_ages(text: str) -> bool:
    """Whether an agreed everyday word for ages is said with other ages, in numbers or in words."""
    if not (_OLDER_TEENS.search(text) or _PRE_TEENS.search(text)):
        return False
    rest = _blank(_PRE_TEENS, _blank(_OLDER_TEENS, text))
    return bool(AGES_GIVEN.search(rest) or _TEENAGERS.search(rest) or VAGUE_AGES.search(rest))


def build_ethnic_groups(config: Config) -> dict[str, tuple[str, ...]]:
    """Each broad group's rows ("C": the keys of C1 to C4), where the config's codes are the DfE letter codes."""
    groups: dict[str, tuple[str, ...]] = {}
    for letter in ETHNIC_GROUP_WORDS:
        keys = tuple(f"ethnicity.{code}" for code, _ in config.ethnicity.codes if re.fullmatch(letter + r"\d", code))
        if len(keys) >= MIN_GROUP_CODES:
            groups[letter] = keys
    return groups


def build_ethnic_names(config: Config) -> dict[str, tuple[str, ...]]:
    """Each broad group's codes' names, lower case ("C": "indian", "pakistani", ...)."""
    names: dict[str, list[str]] = {}
    for code, label in config.ethnicity.codes:
        names.setdefault(code[:1], []).append(label.lower())
    return {letter: tuple(found) for letter, found in names.items()}


def read_groups(text: str, groups: dict[str, tuple[str, ...]], names: dict[str, tuple[str, ...]] | None = None) -> str:
    """Broad groups said in words as the rows they add up: "asian" -> "@ethnicity.c1|...", "teenagers" -> 13 and
    over (unless an age is said with it); never a group word before one of its codes' names ("Asian Indian": C1)."""
    if not _MINORITY.search(text):
        for letter, keys in groups.items():
            token = KEY_MARK + BAND_MARK.join(keys).lower()
            named = (names or {}).get(letter, ())

            def grouped(match: re.Match[str], token: str = token, named: tuple[str, ...] = named) -> str:
                after = match.string[match.end() :].lstrip()
                return match.group(0) if any(after.startswith(name) for name in named) else f" {token} "

            text = re.sub(ETHNIC_GROUP_WORDS[letter], grouped, text)
    if not _other_ages(text):  # "the older teenagers, 17 and over": the ages said are the ones meant
        text = _OLDER_TEENS.sub(f" aged {OLDER_TEENS_FROM} and over ", text)
        text = _PRE_TEENS.sub(f" aged {TEEN_FROM - 1} and under ", text)
    if _TEENAGERS.search(text):
        text = _TEENAGERS.sub(" " if _AGE_SAID.search(text) else f" {TEEN_FROM} and over ", text)
    return text


# Return interviews refused or declined: the report has no such row (offered less accepted is not it either, as
# some offers have no answer recorded); "ethnicity refused" is the code E3 and not this.
_RHI_SAID = re.compile(r"\brhis?\b|\breturn\s+(?:home\s+)?(?:interview|conversation)s?\b|\bdebriefs?\b|\binterviews?\b")
_DECLINED = re.compile(
    r"\b(?:refused|refusals?|refusing|declined?|declining|turned\s+down|rejected|not\s+accepted|said\s+no\s+to)\b"
)


def asks_declined(text: str) -> bool:
    """Whether the question asks for return interviews refused or declined."""
    return bool(_RHI_SAID.search(text) and _DECLINED.search(text))
