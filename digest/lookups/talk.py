"""The ordinary English around a question ("Good morning, could you tell me ...", "I'm putting a chart together",
"sorry if the wording is wrong"): words that name no row and no period, read past instead of refused.

Which words are ordinary comes from an English word list with counts (pyspellchecker's, built from a large body of
everyday English): a word at least ORDINARY_MIN_COUNT times in it is ordinary. A word not read is still refused,
never passed over, when it may be a name (typed with a capital inside a sentence, or where a child's name goes: "has
tyler gone missing"), when it names what the report does not hold (school, health, offending, costs, reasons), or
when it changes what is counted ("excluding", "except"): nothing the asker meant is dropped in silence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker

from digest.lookups.vocabulary import spell_british, stem


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Occurrences in pyspellchecker's English list (about 160,000 words, "the" 76 million times): at 1,000 and above
# are everyday words ("corridor", "guessing", "specifically"); below are rare words, slang and most surnames and
# spellings of first names ("rn", "typo", "kayden").
ORDINARY_MIN_COUNT = 1000
# What children's services hold that this report does not: a question about one of these is not a question about
# the report's rows with a word to spare ("school absence for LAC kids in June" is not "LAC episodes June").
NOT_HELD_TOPICS = _word_set(
    "school schooling attendance absence absences absent absentee absentees truancy truant exclusion exclusions "
    "excluded education educational grades exam exams attainment ofsted neet employment unemployed health healthy "
    "medical dental "
    "immunisation immunisations disability disabilities disabled sen ehcp autism adhd mental offending "
    "offender offence offences offense crime crimes criminal arrest arrests arrested charged custody police "
    "court courts conviction convictions drug drugs alcohol substance substances weapon weapons knife "
    "gang gangs trafficking trafficked cce radicalisation reason reasons why cause causes trigger "
    "triggers cost costs costing spend spending spent budget money price pay paid funding tenant tenants "
    "tenancy housing homeless homelessness accommodation religion religious faith language languages "
    "nationality asylum refugee refugees uasc postcode postcodes address addresses ward wards street "
    "name names national nationally neighbour neighbours neighbor neighbors england regional region "
    "benchmark benchmarks rag inspection inspected rating judgement judgment strategy conference "
    "conferences "
    "residential foster fostering fostered kinship adoption adopted curfew curfews adults"
)
# Chat's own short forms, rare in the word list's written English: "can u", "how r we doing", "pls", "thx".
# Welsh courtesies in English messages ("bore da", "diolch"): talk, as "morning" and "thanks" are.
CHAT_WORDS = _word_set("u r ur ya yr pls plz thx tx thankyou btw fyi asap tbh imo idk lol hiya diolch da shwmae plis")
# Everyday words the list counts fewer than ORDINARY_MIN_COUNT times.
CHAT_WORDS |= _word_set("yourselves yourself typo typos councillor councillors")
CHAT_WORDS |= _word_set("wor howay knaa aye pet hinny youll")  # the North East's talk ("wor" is "our")
CHAT_WORDS |= _word_set("ngl lowkey highkey deadass fr istg smh tbf bruh innit template templates")  # teens' talk
CHAT_WORDS |= _word_set("chart charts graph graphs slide slides")  # what the figure is for
CHAT_WORDS |= _word_set(
    "sir madam respected kindly revert pfb earliest pertain pertains needful"
)  # formal office English
CHAT_WORDS |= _word_set("wha")  # Scouse: "were it more than May or wha?"
CHAT_WORDS |= {stem(word) for word in CHAT_WORDS}  # "yourselves" is read as its stem
# A statistician's words about how a figure is made, not which figure: "numerator only", "to one decimal place".
METHOD_WORDS = _word_set(
    "numerator numerators denominator denominators incl decimal deduplicated unduplicated incidence outturn"
    " deduped dedup prevalence disproportionality benchmark benchmarking"
)
_ALWAYS_TALK = CHAT_WORDS | METHOD_WORDS
# Words that change what is counted, so dropping one would answer another question ("accommodated" children are
# some of the looked-after children: section 20's, not those on care orders).
MEANING_WORDS = _word_set(
    "excluding exclude except excepting without apart besides minus less other others else neither nor accommodated "
    "unlike only just solely"
)
# A word typed with a capital inside a sentence ("how many times has Tyler gone missing") may be a name; the first
# word of a sentence has its capital anyway.
_CAPITALISED = re.compile(r"\b([A-Z][a-z]+)\b")
_ADDRESSED = frozenset({"sir", "madam", "team", "colleagues", "all"})
# ... but not after "the", "our" or "my": "the Director's briefing" names a post, not a child.
_DETERMINED = re.compile(r"\b(?:the|our|my|your|their)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*([A-Z][a-z]+)")
# Where a child's name goes: "has tyler gone missing", "is kayden still missing", "did jayden get his RHI".
_NAME_SLOT = re.compile(
    r"\b(?:has|is|was|did|does|will|had)\s+([a-z]+)(?:\s+[a-z])?\s+"
    r"(?:still|gone|been|got|get|go|went|run|ran|missing|back|found|returned|come|came|had|have)\b"
)
# ... and whose episodes: "jordan's episodes", "how many of kayden's missing episodes" (the word is a name only if it is
# no word the reader knows: "the council's episodes" are all of them).
_WHOSE = re.compile(
    r"\b([a-z]+)['’]s\s+(?:missing\s+)?(?:episodes?|eps|missing|mispers?|rhis?|returns?|return\s+interviews?|placements?)\b"
)
# Whose figures a question asks for: "which foster placement ...", "each advocate", "episodes for jordan": never a
# word to read past.
_RANKED = re.compile(r"\b(?:which|whose|each|every|per|for|about)\s+([a-z]+)")
# What makes words a question rather than talk ("thx, how's your day", "just wondering how things are going?"): a
# count, a share, a breakdown, a comparison asked for (with a period, any question will do).
QUESTION_CUES = re.compile(
    r"\bhow\s+(?:many|much|long|often)\b|\bno\b(?!\s+(?:doubt|idea|way|problem|worries|rush)\b)|\b(?:number|figures?|figs?|totals?|counts?|percent\w*|proportion|share|"
    r"rates?|breakdown|split|compare|vs|versus|against|trend|monthly|volumes?)\b|%"
)
_NOT_A_NAME = _word_set(
    "anyone anybody anything everyone everybody someone somebody there it that this the a an any our "
    "your their we they he she you i each every one none nobody noone it's"
)


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    """The English word list, read once (its counts say which words are everyday; it also spells). It spells one
    edit away only: two edits make some 250,000 candidates of a long word, 0.6 s, too slow to answer in."""
    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=4096)
def correct_spelling(word: str) -> str:
    """The English word a misspelling most likely is ("meny": many, "episods": episode), by the word list's counts
    among words one edit away; the word itself when none is."""
    return _english().correction(word) or word


@lru_cache(maxsize=1)
def load_ordinary_words() -> frozenset[str]:
    """The everyday English words (lower case): read once per process, about 0.2 s."""
    counts = _english().word_frequency.dictionary
    words = {word for word, count in counts.items() if count >= ORDINARY_MIN_COUNT and word.isalpha()}
    words |= {spell_british(word) for word in words}  # a question's words are read in British spelling ...
    return frozenset(words | {stem(word) for word in words})  # ... and as stems


def find_name_places(text: str) -> set[str]:
    """Words (lower case, and their stems) where a child's name goes: "has tyler gone missing", "jordan's episodes"."""
    lowered = text.lower()
    slots = {m.group(1) for m in (*_NAME_SLOT.finditer(lowered), *_WHOSE.finditer(lowered))} - _NOT_A_NAME
    slots |= {spell_british(word) for word in slots}
    return slots | {stem(word) for word in slots}


def find_possible_names(text: str) -> set[str]:
    """Words of text (lower case, and their stems) that may name someone: typed with a capital inside a sentence,
    or in a name's place. Words in capitals throughout ("LAC", "OOA") are codes, not names."""
    openers = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    capitalised = {
        m.group(1).lower()
        for m in _CAPITALISED.finditer(text)
        if m.start(1) not in openers and not _DETERMINED.search(text[: m.start(1)])
    } - _ADDRESSED  # "Dear Sir/Madam": how a letter is addressed, not a name
    spelt = capitalised | {spell_british(word) for word in capitalised}
    return spelt | {stem(word) for word in spelt} | find_name_places(text)


def find_ranked_words(text: str) -> set[str]:
    """Words (lower case, and their stems) whose figures a question asks for: "which foster placement", "each
    advocate", "episodes for jordan"."""
    ranked = {m.group(1) for m in _RANKED.finditer(text.lower())}
    return ranked | {stem(word) for word in ranked}


def is_talk(word: str, ordinary: frozenset[str], kept: set[str]) -> bool:
    """Whether a word not read is ordinary English to read past (see the module's docstring for what is not); kept:
    the question's possible names and the words whose figures it asks for."""
    if "'" in word:  # "who've", "they'd": the word before the ending
        word = word.split("'", 1)[0]
    if not word.isalpha() or word in kept or word in NOT_HELD_TOPICS or word in MEANING_WORDS:
        return False
    if word in _ALWAYS_TALK:
        return True
    return any(f in ordinary or any(b in ordinary for b in _bases(f)) for f in (word, *_american(word)))


# The word list spells the American way: "colour", "centre", "programme", "organisation" are in it as "color",
# "center", "program", "organization".
_AMERICAN = (("our", "or"), ("tre", "ter"), ("mme", "m"), ("isation", "ization"), ("ise", "ize"), ("yse", "yze"))


def _american(word: str) -> list[str]:
    """The word's American spellings (a British word the list lacks is as everyday as its American form)."""
    forms = [word.replace(british, american) for british, american in _AMERICAN if british in word]
    return [*forms, word.replace("ll", "l")] if "ll" in word else forms


_ENDINGS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("ly", ""))
MIN_BASE_LETTERS = 4  # "assessed" is "assess" inflected; "bed" is no inflection of "b"


def _bases(word: str) -> list[str]:
    """The word a form is made from ("assessed": assess, "guessing": guess, "worried": worry), when the list has
    the form itself too rarely to count it everyday."""
    return [
        word[: -len(ending)] + added
        for ending, added in _ENDINGS
        if word.endswith(ending) and len(word) - len(ending) + len(added) >= MIN_BASE_LETTERS
    ]


# Arrangements the report does not count, named in more than one word ("staying put", "pathway plans").
NOT_HELD_PHRASES = re.compile(
    r"\bstaying\s+put\b|\bpathway\s+plans?\b|\bcounty\s+lines\b"
    r"|\b(?:from|at|in)\s+(?:our|my|this|that)\s+(?:children's\s+)?home\b"  # one home's episodes: not held
    r"|\b(?:came|come|comes|coming|got|get|gets|getting|returned|returns|returning)\s+(?:back\s+|home\s+|in\s+)?late\b"
    # one home's figures; a judgement of practice
    r"|\bwhich\s+(?:children'?s\s+|care\s+|residential\s+)?(?:homes?|placements?(?![\s-]+(?:distances?|bands?|miles|mileage))|providers?)\b|\b(?:adequate|adequacy)\b"
    r"|\b(?:placement|care|residential|fostering|accommodation)\s+providers?\b"  # "top 3 placement providers"
    r"|\boff[\s-]?roll(?:ed|ing)?\b"  # taken off a school's roll: education data
    # how this council compares with others (OLA counts other councils' children, not their figures)
    r"|\b(?:compare[sd]?|comparison|benchmark\w*|stack\s+up)\s+(?:\w+\s+){0,2}?(?:with|to|against)\s+(?:the\s+)?"
    r"(?:other|neighbouring|similar|statistical\s+neighbour)\w*\s+(?:councils?|las?|local\s+authorities|authorities|areas)\b"
)


def says_not_held(words: list[str]) -> bool:
    """Whether words as typed (before any slip is put right: "spending" is not "pending") name what the report does
    not hold."""
    return any(word in NOT_HELD_TOPICS or stem(word) in NOT_HELD_TOPICS for word in words)


NOT_HELD_TOPIC = (
    "The report counts missing episodes and the children in them; it holds nothing on school, health, offending, "
    "costs, housing, placement types or why children go missing, and no other council's figures. Ask, for example, "
    "how many LAC episodes there were in June."
)
