"""Figures a question states for checking ("Can you confirm LAC was 75 in June?", "Was it 28 or 38?"): which of the
numbers the reader could not read they are, and whether the answer bears them out.

A number is read past as a figure to check only where it cannot be a qualifier of what is counted: never after
"with", "aged", "over" and the like, never before a unit ("3 times", "10 miles", "15 year olds"), never where a child's
id would go ("has 10234 gone missing"), and only when the question asks for a check ("right?", "confirm", "is it",
"- 14?"). A number the reader failed to read as a band is then still refused, never answered as if it were not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A figure as typed: a count, a decimal, a percentage, a change ("+11"). Five digits at most, no leading zero: a
# longer number, or one such as "00123", is more likely a case number than a figure of the report.
_FIGURE = re.compile(r"[+-]?(?:0|[1-9]\d{0,4})(?:\.\d+)?%?")
_YEAR = re.compile(r"(?:199|20\d)\d")  # "2019": a year the reader did not read as one, never a figure stated
_SIGN = "+"  # "so +11?": the sign is read apart from its number
# The words that ask for a check.
_CHECK_CUES = re.compile(
    r"\b(?:right|correct|confirm\w*|yes|yeah|yep|true|accurate|have\s+i\s+got|am\s+i|is\s+(?:that|it|this)"
    r"|(?:was|were)\s+(?:that|it|this)|were\s+there|was\s+there)\b|="  # "were it up?": Yorkshire's "was it"
    # a question tag ("LAC episodes were 47 in June, weren't they?", "... is 14 isnt it?")
    r"|(?:n't|\b(?:isnt|wasnt|werent|didnt|hasnt|havent|doesnt))\s+(?:it|they|we|there|that|those|he|she)\b"
    # a figure the asker holds ("I had May LAC episodes down as 85", "we've got it recorded as 74")
    r"|\b(?:down|noted|recorded|logged|written)\s+as\b|\bhad\s+(?:it|that|them|this)\s+as\b"
    r"|^\W*(?:is|was|were|are|did|do|does)\b"  # a question asking yes or no: "Was RHI on time 86% in May?"
)
# ... or a figure alone at the end of the question ("LAC children with 3+ episodes YTD - 14?", "Is BME YTD 120?"),
# unless it asks how many ("of the children in care, how many were 14 or 15?": ages).
_FIGURE_LAST = re.compile(r"[+-]?\d+(?:\.\d+)?%?\s*\?*\s*$")
_ASKS_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b")
# Before a number, a word that makes it a qualifier of what is counted ("with 3", "aged 15", "over 10", "of 16").
_QUALIFIED_AFTER = re.compile(
    r"\b(?:with|(?<!we\s)(?<!i\s)(?<!you\s)(?<!they\s)(?:had|have)|having|has|aged?|ages|over|under|than|least|most|within|after|before|top|last|first|past|"
    r"next|per|each|every|until|till|since|upto|up\s+to|below|above|beyond|exceeding|plus|for"
    # ... or where a child's or a case's number goes ("is child 10234 included ...")
    r"|child|children|kid|young\s+person|person|case|id|ref|reference|number|no\.?|nhs"
    r"|(?<!drop\s)(?<!rise\s)(?<!fall\s)(?<!increase\s)(?<!decrease\s)(?<!change\s)(?<!difference\s)of)\s*$"
)  # ... but "a drop of 15" states a change
# After it, a unit or a word that makes it one ("3 times", "10 miles", "15 year olds", "3 or more", "2 still missing").
_QUALIFIER_BEFORE = re.compile(
    r"^\s*(?:-?\s*\d|\+|to\s+\d|(?:times?|days?|nights?|hours?|hrs?|miles?|mi|km|years?|yrs?|yo|y/o|weeks?|wks?|months?|"
    r"or\s+(?:more|over|above|less|fewer|under|below)|and\s+(?:over|above|under|more)|plus|to\s+\d+)\b)"
)
# After it, what is said of a child ("has 10234 gone missing", "is 12 still missing"): unless a count of them is said
# ("were there 2 still missing").
_CHILD_SAID = re.compile(r"^\s*(?:still|gone|been|went|run|ran|back|found|returned|come|came|go|goes|going)\b")
_COUNT_SAID = re.compile(r"\b(?:there|were|are)\s*$")


def find_stated(typed: str, unknown: list[str], message: str) -> tuple[str, ...]:
    """The words not read, when every one of them is a figure stated for checking in typed (the question lower case,
    as reworded before slips are put right), or a sign before one, and the message (lower case) asks for a check;
    else nothing."""
    last = _FIGURE_LAST.search(typed) and not _ASKS_HOW_MANY.search(message)
    if not unknown or (not _CHECK_CUES.search(message) and not last):
        return ()
    for word in unknown:
        if word == _SIGN:
            if not re.search(r"\+\s*\d", typed):
                return ()
            continue
        if not _FIGURE.fullmatch(word) or _YEAR.fullmatch(word) or not _stated_everywhere(typed, word):
            return ()
    return tuple(unknown)


def mark_percentages(typed: str, stated: tuple[str, ...]) -> tuple[str, ...]:
    """The figures stated, each with a % where typed gives it one ("64%", "64 per cent"): the reader reads the sign
    apart, as the share it asks for."""
    return tuple(
        f"{word}%" if re.search(rf"(?<![\w.]){re.escape(word)}\s*(?:%|per\s*cent|pc\b)", typed) else word
        for word in stated
    )


def _stated_everywhere(typed: str, word: str) -> bool:
    """Whether each place word stands in typed is a figure's, not a qualifier's."""
    places = list(re.finditer(rf"(?<![\w.]){re.escape(word)}(?![\w.])", typed))
    return bool(places) and not any(
        _QUALIFIED_AFTER.search(typed[: m.start()].rstrip(" +-"))
        or _QUALIFIER_BEFORE.match(typed[m.end() :])
        or (_CHILD_SAID.match(typed[m.end() :]) and not _COUNT_SAID.search(typed[: m.start()]))
        for m in places
    )


def rough_thresholds(stated: tuple[str, ...]) -> list[Threshold]:
    """Figures stated as rough ones ("120 to the nearest ten?"): each a gap to answer, never a yes or a no."""
    return [Threshold(GAP, abs(float(s.strip("+-%"))), s.endswith("%")) for s in stated if s != _SIGN]


def _shown_figures(shown: str) -> tuple[list[float], list[float]]:
    """The count an answer's line shows first ("*74 (64% of 116 episodes)*": 74), and its percentages (64)."""
    count = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", shown.replace(",", ""))[:1]]
    return count, [float(n) for n in re.findall(r"(\d+(?:\.\d+)?)%", shown)]


def check_stated(stated: tuple[str, ...], shown: str, share: bool) -> str:
    """A line saying whether the figures stated are the one an answer shows: its count, or its percentage where the
    stated figure has a % or a share was asked ("Over 100 miles was 7?" is 5 episodes, not the 7% they are; "what %
    were LAC, 74?" is 64%, not the 74 episodes). The report's figure is above; a stated one that differs is not
    repeated."""
    count, percentages = _shown_figures(shown)
    stated = tuple(s for s in stated if s != _SIGN)
    matched = [s for s in stated if abs(float(s.strip("+-%"))) in (percentages if s.endswith("%") or share else count)]
    if len(stated) == 1:
        return "Yes, that is the figure you gave." if matched else "No, that is not the figure you gave."
    if matched:
        return "That is one of the figures you gave."
    return "That is none of the figures you gave."


# A target or threshold asked about ("is LAC under 100 this year?", "are we above 80% for RHIs in time?", "did we stay
# below 10?", "- over 20 episodes?"): the comparison and the figure, read out of the question before its bands are
# (a unit after the number makes it a band: "over 50 miles" is one, "over 20 episodes?" is not).
_COMPARATORS = {
    "under": "under",
    "below": "under",
    "less than": "under",
    "fewer than": "under",
    "over": "over",
    "above": "over",
    "more than": "over",
    "at least": "at least",
    "hit": "at least",
    "hitting": "at least",
    "meeting": "at least",
    "reach": "at least",
    "reached": "at least",
    "at most": "at most",
    "no more than": "at most",
}
_FRACTIONS = {  # as said, and as the reader has them once number words are digits ("two thirds" is "2 thirds")
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "1 third": 100 / 3,
    "2 thirds": 200 / 3,
    "a quarter": 25.0,
    "1 quarter": 25.0,
    "3 quarters": 75.0,
    "1/2": 50.0,
    "1/3": 100 / 3,
    "2/3": 200 / 3,
    "1/4": 25.0,
    "3/4": 75.0,
}
_COMPARATOR = "|".join(sorted((re.escape(c).replace(r"\ ", r"\s+") for c in _COMPARATORS), key=len, reverse=True))
# A fraction first ("2 thirds" is no 2), then a number with its % if any.
_FRACTION = "|".join(f.replace(" ", r"\s+") for f in _FRACTIONS)
_AMOUNT = rf"(?:({_FRACTION})\b|(\d+(?:\.\d+)?)(?![\d.])\s*(%|per\s*cent)?)"
# "under 13s", "over 50 miles", "3 or more" are bands, not thresholds
_NOT_A_UNIT = (
    r"(?!'?s\b|\s*(?:miles?|mi\b|days?|years?|yrs?|y/?o\b|weeks?|wks?|hours?|hrs?|months?|only\b|\+|or\s|and\s|to\s"
    r"|-\s*\d))"
)
_THRESHOLD = re.compile(
    # asked with a verb ("is it under 10", "did we stay below 10", "has the girls share gone over 50%") ...
    rf"(?P<lead>\b(?:is|was|are|were|did|do|does|has|have|had)\s+(?:\w+\s+){{0,6}}?"
    rf"(?:(?:still|ever|get|got|go|gone|went|stay|stayed|come\s+in|came\s+in|keep|kept|been|back)\s+){{0,2}}"
    # ... or after a dash or comma, at the end ("CSE children in June - under 10?")
    rf"|(?<=[-,:])\s*)({_COMPARATOR})\s+(?:the\s+)?(?:{_AMOUNT})"
    rf"{_NOT_A_UNIT}(?:\s+(?:episodes?|eps|children|kids|young\s+people|of\s+(?:all\s+)?episodes|of\s+them))?"
)
# Before a comparison, words that make it a band of what is counted ("kids under 10", "children over 16", "had at
# least 3 episodes", "aged over 15").
_AN_AGE_OR_BAND_BEFORE = re.compile(
    r"\b(?:children|child|kids?|young\s+people|young\s+person|yp|cyp|anyone|anybody|ones|those|people"
    r"|aged?|ages|had|have|has|having|with|lasting|lasted|placed)\s*$"
)
_ASKING = re.compile(
    r"^\W*(?:is|was|are|were|did|do|does|has|have|had)\b|\b(?:is|was|are|were|did|has|have)\s+(?:it|that|this|we|they)\b"
    r"|[?]\s*$"
)
_TARGET_WORDS = re.compile(r"\b(?:target|threshold|benchmark|aim|goal)\b")


# A gap asked to a figure given ("how far short of 100 were LAC episodes", "how far off 90% are we", "the gap to 80%",
# "how close to 100"): answered by how far above or below it the figure is.
GAP = "gap"
_GAP = re.compile(
    rf"\b(?:how\s+(?:far|much)\s+(?:(?:are|were|was|is)\s+(?:we|they|it)\s+)?(?:short\s+of|off|below|under|away\s+from"
    rf"|from|over|above)|how\s+many\s+short\s+of|how\s+close\s+(?:(?:are|were|was|is)\s+(?:we|they|it)\s+)?to"
    rf"|(?:what(?:'s|\s+is|\s+was)\s+)?the\s+gap\s+(?:to|from))"
    rf"\s+(?:the\s+|a\s+|our\s+)?(?:target\s+of\s+)?(?:{_AMOUNT}){_NOT_A_UNIT}(?:\s+target)?"
)


# A rough figure the asker holds ("about 20 in June?", "nearly 400 this year?", "130ish", "two thirds-ish", "87 to 74
# or thereabouts"): answered as a gap to it is, by how far above or below it the figure is.
_ROUGH_BEFORE = (
    r"(?<!what\s)(?<!how\s)\b(?:about|around|roughly|approx(?:imately|\.)?|nearly|almost|circa|close\s+to"
    r"|in\s+the\s+region\s+of|getting\s+on\s+for|ballpark(?:\s+of)?|just\s+(?:under|over|below|above|short\s+of)"
    r"|prob(?:ably)?|maybe|perhaps|i\s+(?:think|reckon|guess)|my\s+guess\s+is)"
    r"|~|\bc\.(?=\s*\d)"
)
_ROUGH_AFTER = r"\s*-?\s*ish\b|\s+or\s+so\b|\s+or\s+thereabouts\b|\s*-?\s*odd\b"
# A rough amount is no year ("about 2019/20"), time ("about 10:30") or ratio ("1 in 5")
_ROUGH_AMOUNT = rf"(?:({_FRACTION})\b|(?!(?:19|20)\d\d\b)(\d+(?:\.\d+)?)(?![\d./:])\s*(%|per\s*cent)?)(?!\s*in\s+\d)"
_ROUGH_PAIR = re.compile(
    rf"(?<![\w.]){_ROUGH_AMOUNT}\s*(?:to|->|→)\s*{_ROUGH_AMOUNT}(?:{_ROUGH_AFTER})"  # "87 to 74 or thereabouts"
)
_ROUGH_SPLIT = re.compile(rf"(?:{_ROUGH_BEFORE})?\s*half\s+and\s+half\b(?:{_ROUGH_AFTER})?")  # "about half and half"
_ROUGH = (
    re.compile(rf"(?:{_ROUGH_BEFORE})\s*(?:a\s+|the\s+)?{_ROUGH_AMOUNT}(?:{_ROUGH_AFTER})?"),
    re.compile(rf"(?<![\w.]){_ROUGH_AMOUNT}(?:{_ROUGH_AFTER})"),
)
# What may follow a rough figure: the end, a stop, the count's noun, a period, a tag. Not a unit or a band ("about 5
# miles", "3ish days", "around 3 or more"), nor what would make it a count of something else ("about 6 from our unit",
# "maybe 4 of ours", "I think 3 people", "about 10 minutes").
_ROUGH_FOLLOWED = re.compile(
    r"\s*(?:$|[?.,!;)–]|-(?!\s*\d)|(?:episodes?|eps|children|kids|young\s+people|cases|incidents|girls|boys|lac|cse"
    r"|of\s+(?:all\s+)?(?:the\s+)?(?:episodes|total|all|them|those)(?!\s+(?:were|are|was|is)\b)"
    r"|in|for|during|this|last|ytd|so\s+far|then|now|right|correct|yeah|yes|isn't|wasn't|weren't|didn't|aren't|innit"
    r"|eh|times\s+(?:each|on\s+average|per|a\s+child|in|this|last|during)|each|on\s+average|per\s+child"
    r"|a\s+child|a\s+month)\b)"
)
# Before it, words making it a band, an age or a place in time ("kids of about 15", "aged 15 or so", "the last 3 or so
# months") ...
_ROUGH_QUALIFIED = re.compile(r"\b(?:of|aged?|ages|last|next|past|first|top|over|under|within)\s*$")
# ... or anywhere before it, a child's or a case's number said ("the ID is I think 40213")
_ID_SAID = re.compile(r"\b(?:id|ids|ref|reference|case\s+(?:no|number)|nhs|dob)\b")
_DECIMAL_ASKED = re.compile(r"\b(?:per|each|on\s+average|average|avg|mean|times)\b")  # "about 2.2 each": not "6.6"


def _rough_figures(text: str, found: list[Threshold]) -> str:
    """The text without the rough figures it states for checking, each kept in found as a gap to answer; a pair ("87
    to 74 or thereabouts") as a change asked."""

    def value(fraction: str | None, number: str | None) -> float:
        # a fraction as the whole percentage the answer shows ("2 thirds": 67%)
        return round(_fraction_value(fraction)) if fraction else float(number or 0)

    def stated(match: re.Match[str], at: int) -> bool:
        before = text[: match.start()]
        decimal = "." in (match.group(at + 2) or "")
        return (
            _ROUGH_FOLLOWED.match(text, match.end()) is not None
            and not _ROUGH_QUALIFIED.search(before)
            and not _AN_AGE_OR_BAND_BEFORE.search(before)
            and not _ID_SAID.search(before)
            and not (decimal and not _DECIMAL_ASKED.search(text))
        )

    def pair(match: re.Match[str]) -> str:
        if not stated(match, 0) or not stated(match, 3):
            return match.group(0)
        for at in (0, 3):
            found.append(Threshold(GAP, value(match.group(at + 1), match.group(at + 2)), bool(match.group(at + 3))))
        return " change "

    def split(match: re.Match[str]) -> str:
        found.append(Threshold(GAP, 50.0, True))  # "half and half": an even split, of no one figure
        return " "

    def rough(match: re.Match[str]) -> str:
        if not stated(match, 0):
            return match.group(0)
        fraction, number, percent = match.group(1), match.group(2), match.group(3)
        found.append(Threshold(GAP, value(fraction, number), bool(fraction or percent)))
        return " "

    text = _ROUGH_SPLIT.sub(split, _ROUGH_PAIR.sub(pair, text))
    for pattern in _ROUGH:
        text = pattern.sub(rough, text)
    return text


def _fraction_value(said: str) -> float:
    """A fraction as said ("2 thirds", "a  half", "1/4") as a percentage."""
    return _FRACTIONS[re.sub(r"\s+", " ", said)]


@dataclass(frozen=True)
class Threshold:
    """A comparison asked of the figure answered: "under" 100, "over" 80 (percent: of its share)."""

    comparison: str  # under, over, at least, at most, or GAP: how far above or below it
    value: float
    percent: bool

    def is_met_by(self, figure: float) -> bool:
        """Whether a figure meets the comparison ("under 100": 74 does); never asked of a GAP."""
        return {
            "under": figure < self.value,
            "over": figure > self.value,
            "at least": figure >= self.value,
            "at most": figure <= self.value,
        }[self.comparison]


def find_thresholds(text: str) -> tuple[tuple[Threshold, ...], str]:
    """The thresholds a question asks its figure against, and the question without them ("is LAC under 100
    episodes this year?" -> under 100, "is LAC this year?"). Only in a question asking yes or no, or ending with the
    threshold ("CSE children in June - under 10?"): "under 10s" and "over 60 miles" stay bands."""
    found: list[Threshold] = []

    def taken(match: re.Match[str]) -> str:
        if _AN_AGE_OR_BAND_BEFORE.search(text[: match.start(2)]):
            return match.group(0)  # "children under 11", "had at least 3 episodes": a band, not a threshold
        said, fraction, number, percent = match.group(2), match.group(3), match.group(4), match.group(5)
        comparison = _COMPARATORS[re.sub(r"\s+", " ", said)]
        if fraction:
            found.append(Threshold(comparison, _fraction_value(fraction), True))
        else:
            found.append(Threshold(comparison, float(number), bool(percent)))
        return f"{match.group('lead') or ''} "

    def gap(match: re.Match[str]) -> str:
        fraction, number, percent = match.group(1), match.group(2), match.group(3)
        value = _fraction_value(fraction) if fraction else float(number)
        found.append(Threshold(GAP, value, bool(fraction or percent)))
        return " "

    rest = _rough_figures(_GAP.sub(gap, text), found)
    if not _ASKING.search(text):
        return tuple(found), rest
    rest = _THRESHOLD.sub(taken, rest)
    return tuple(found), rest


def check_thresholds(thresholds: tuple[Threshold, ...], shown: str, share: bool) -> str:
    """A line saying whether the one figure an answer shows meets each threshold asked of it: its count, or its
    percentage where the threshold has one or a share was asked. The threshold itself is not repeated."""
    count, percentages = _shown_figures(shown)
    said = []
    for threshold in thresholds:
        figures = percentages if threshold.percent or share else count
        if not figures:
            return "The figure above has no share to set against the one you gave."
        value = figures[0]
        if threshold.comparison == GAP:
            said.append(_gap_said(value - threshold.value, threshold.percent or share))
            continue
        met = threshold.is_met_by(value)
        said.append(
            f"{'Yes' if met else 'No'}, that is {'' if met else 'not '}{threshold.comparison} the figure you gave."
        )
    return " ".join(said)


def _gap_said(difference: float, percent: bool) -> str:
    """How far above or below the figure given the one shown is ("26 short of the figure you gave")."""
    if difference == 0:
        return "That is exactly the figure you gave."
    size = abs(difference)
    amount = f"{size:g} percentage point{'s' if size != 1 else ''}" if percent else f"{size:g}"
    return f"That is {amount} {'short of' if difference < 0 else 'over'} the figure you gave."
