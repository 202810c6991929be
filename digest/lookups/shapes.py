"""What a question asks of its figure, beside which figure it is: two periods side by side, month by month,
the busiest month, the whole breakdown, a share, episodes per child, how long an episode lasts.

Read from the words that say it ("vs", "trend", "busiest", "breakdown", "proportion", "per child",
"average length"), which are then taken out of the question so that what is left names the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.lookups.vocabulary import SHORT_MONTH

AVERAGE, MEDIAN = "average", "median"


@dataclass(frozen=True)
class Shape:
    compare: bool = False  # two periods or two figures side by side, with the change
    by_month: bool = False  # month by month over a period
    extreme: bool = False  # the largest and smallest month, or row of a breakdown
    whole: bool = False  # the whole breakdown, as a table
    proportion: bool = False  # a share of its base
    per_child: bool = False  # episodes per child
    length: str = ""  # average or median length of an episode
    change: bool = False  # "has it gone up", "how has it changed": with no second period, the months one by one
    monthly: bool = False  # "average episodes per month", "monthly average": the months one by one, and their mean
    usual: bool = False  # "is June higher than usual?": a month against the year's other months, on average
    relative: bool = False  # "by what percentage did it rise", "how many times bigger": the change as a share of before


_CHILD = (
    r"(?:child|children|kid|kids|young\s+person|young\s+people|person|cyp|yp|individual|cla|lac|looked\s+after\s+child)"
)

# "ethnic groups of LAC" is no table of LAC's (none is held), but "ethnic groups for June", "... of the episodes" are
_NOT_OF_A_ROW = (
    r"(?!\s+(?:of|for|among|amongst)\s+(?!(?:the\s+)?(?:episodes|eps|missing|" + SHORT_MONTH + "|q[1-4]|ytd|this|last"
    r"|the\s+(?:year|quarter|month))\b))"
)
_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "per_child",
        re.compile(
            rf"\b(?:episodes?\s+|incidents?\s+|eps\s+|times\s+|rate\s+)?per\s+(?:\w+\s+){{0,2}}?{_CHILD}\b"
            rf"|\bon\s+(?:average|avg)\s+how\s+many\s+times\b"
            rf"|\bhow\s+many\s+times\s+(?:\w+\s+){{0,4}}?on\s+(?:average|avg)\b"
            rf"|\bhow\s+many\s+times\s+each\b|\btimes\s+each\b"
            # ... not "each child counted once", which says how children are counted (it had given 2.2 for 53)
            rf"|\beach\s+(?:\w+\s+){{0,2}}?{_CHILD}\b(?!\s+(?:is\s+|are\s+|being\s+|only\s+|just\s+)?(?:counted|counts|once))"
            # "episodes for every child" (never "every child matters", "every child counts once")
            rf"|\b(?:episodes?|eps|times)\s+(?:for|per)\s+every\s+(?:\w+\s+){{0,2}}?{_CHILD}\b"
            rf"|\bevery\s+(?:\w+\s+){{0,2}}?{_CHILD}\b(?=[^.?!]*\b(?:on|in)\s+(?:average|avg)\b)"
            rf"|\bhow\s+many\s+times\s+(?:did|does|has|have|do)\s+every\s+(?:\w+\s+){{0,2}}?{_CHILD}\b"
            rf"|\b(?:episodes?|eps|incidents?)\s+each\b(?!\s+(?:month|week|year|quarter|day))"
            rf"|\b(?:episodes?|eps|incidents?)\s*/\s*{_CHILD}\b|\b(?:episodes?|incidents?)\s+to\s+{_CHILD}\b"
            rf"|\b(?:average|avg|mean)\s+(?:(?:number|no\.?|num)\s+(?:of\s+)?)?(?:episodes|eps|incidents|times)\b"
            # "how many episodes a head"; not "per head of population"
            rf"|\b(?:episodes?|eps|incidents?|times)\s+(?:a|per)\s+head\b|\bper\s+head\b(?!\s+of\b)"
        ),
    ),
    (
        "median",
        re.compile(
            r"\bmedian\b|\bmed\b(?!\s*(?:/|high|risk))|\btypical(?:ly)?\b|\busual(?:ly)?\b|\bmiddle\s+value\b|\bnormally\b"
            r"|\bmiddle\b(?=\s+(?:length|point|figure|time))"  # "the middle length of time"
        ),
    ),
    ("average", re.compile(r"\b(?:average|avg|mean)\b")),
    (
        "length",
        re.compile(
            # "duration", never of the "@group.duration" token ("section 4")
            r"\bhow\s+long\b|\blength\s+of\s+(?:time|an?\s+episode|episodes?)\b|\blength\b|(?<![.@])\bduration\b"
            r"|\btime\s+(?:spent\s+)?(?:missing|away)\b"
            r"|(?<!in\s)(?<!on\s)\btime\s+(?:(?:a|the)\s+)?(?:child|children|kids?|young\s+(?:person|people)|they|yp)\s+"
            r"(?:is|are|was|were|spends?|spent|goes|go|went|stays?|stayed)\s+(?:\w+\s+)?(?:missing|away)\b"
        ),
    ),
    (
        "by_month",
        re.compile(
            r"\btrends?\b|\bpatterns?\s+(?:of|in|for|over)\b|\bmonth[\s-]+(?:by|on|to)[\s-]+month\b|(?<!end\sof\s)\b(?:by|each|every|per|for\s+each)\s+month\b|\b(?:by|each|every|per)\s+period\b"
            r"|\bmonthly\b"
            r"|\bover\s+time\b|\bbeen\s+going\b|\b(?:numbers?|figures?|counts?|totals?)\s+(?:have\s+|has\s+)?been\s+(?:moving|changing|tracking)\b|\bmoved\b|(?<!\d\s)\bmonths?\s+of\b(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|\btrending\b"
            r"|\bdirection\s+of\s+travel\b"  # managers' word for a trend
            # "how has the 17+ group tracked": a trend, unless set against something ("tracked vs April")
            r"|\bhow\s+(?:has|have|did)\b(?=[^?.!]{0,60}?\btracked\b)(?![^?.!]*\b(?:vs|v|versus|against|compared|than)\b)"
        ),
    ),
    (
        "extreme",
        re.compile(
            r"\b(?:busiest|quietest|worst|best|highest|lowest|peak|fewest|biggest|greatest|smallest|largest|modal|mode)\b"
            # "league table", "rank", "in order" (not "in order to"), "bottom" (not "the bottom line")
            r"|\b(?:league\s+table|rank(?:ed|ing|ings|s)?|in\s+order(?!\s+to\b)|bottom(?!\s+line)|comes?\s+(?:first|top))\b"
            r"|(?<!on\s)\btop\b(?!\s+of\b)"  # "the top month"; "on top of this" is an idiom
            r"|\bmost\s+common(?:ly)?\b|\bcommonest\b|\bmost\s+often\b"
            r"|\bthe\s+range\s+(?:of|in|across)\b(?!\s*(?:the\s+)?\d)"  # a statistician's range: the highest and lowest
            r"|(?<!at\s)\bmost\b|(?<!at\s)\bleast\b|\bwhich\s+month\b|\bwhat\s+month\b"
            r"|\b(?:max|min)(?:imum)?(?=\s+month)"
            # "which age group is driving the numbers", "who's driving it": the largest (not "drives" in passing)
            r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<='s\s)|(?<=\bwho\s)|(?<=\bwhat\s))(?:driving|drives)\b(?!\s+distance)"
        ),
    ),
    (
        "whole",
        re.compile(
            r"\bbreak\s*downs?\b|\bbreak\s+(?:\w+\s+){1,2}?down\b|\bbroken\s+down\b|\bsplits?\b|\bdistribution\b"
            r"|\bfunnel\b|\bpicture\b|\bbands\b|\bmix\b|\bmake\s*-?\s*up\b|\bcomposition\b"
            r"|\betc\b|\band\s+so\s+on\b|\b(?:every|each)\s+band\b"
            r"|\bthe\s+whole\s+table\b"
            # "all the groups", "every group", "ethnic groups June": the table; "any other ethnic group" is a row
            # (E2), and "non-white ethnic groups" the rows read before them ("@ethnicity.a1|...": a key's end before)
            r"|\b(?:all|each|every)\s+(?:of\s+)?(?:the\s+)?(?:groups?\b|(?=ethnic\s+groups?\b" + _NOT_OF_A_ROW + "))"
            r"|\bthe\s+groups\b|\b(?=ethnic\s+groups\b" + _NOT_OF_A_ROW + ")"
            r"(?<!\.\w\w\s)(?<!\.\w\w\s\s)(?<!\.\w\s)(?<!\.\w\s\s)(?<!other\s)|\bwhat\s+(?:kinds?|sorts?|types?)\s+of\b"
            r"|\b(?:all|each|every|by)\s+codes?\b|\bby\s+(?:care\s+|social\s+care\s+|case\s+)?(?=gender|sex|age|ethnicity|ethnic|status|distance|days)"
            r"|\b(?=(?:ethnicity|ethnicities|genders?|ages|age\s+groups?|care\s+status(?:es)?)\s+of\s+(?:the\s+|our\s+)?"
            r"(?:missing\s+)?(?:episodes|eps|children|kids|young\s+people|those)\b)"
        ),
    ),
    (
        "proportion",
        re.compile(
            r"\bproportions?\b|\bpercentages?\b|\bper\s*cent\b|%|\bshare\s+of\b|(?<=.)\bshare\b|\brates?\b"
            r"|\bout\s+of\s+(?:them|those)\s+(?=offered|accepted)"  # "RHIs accepted out of them offered"
            r"|\bwhat\s+part\s+of\b|\bfraction\b|\bratio\b|\bhow\s+much\s+of\b"
            r"|\b(?:one|1)\s+in\s+(?:how\s+many|every)\b"  # "one in how many episodes were LAC?": a share
            r"|\b(?:half|a\s+third|2\s+thirds|two\s+thirds|a\s+quarter|3\s+quarters|three\s+quarters)\s+of\b"
            # "out of the kids offered, how many said yes"
            r"|^\W*out\s+of\s+(?:the|all|those)\s+(?!area|borough|county|authority|la\b)"
            r"|(?=\b(?:take[\s-]?up|uptake)\b)"  # a take-up is a rate (the words stay: they name what is taken up)
        ),
    ),
    (
        "compare",
        re.compile(
            r"\byear\s+on\s+year\b|\byoy\b|\bmonth\s+on\s+month\b|\bmom\b"
            r"|\b(?:vs|v|versus|compare[sd]?|comparing|comparison|against|change[sd]?|changing|difference|variances?|movements?|mov(?:e|ed|ing)(?!\s+average)|shifted|delta"
            r"|differ|increased?|decreased?|rise|rose|risen|fall|fell|fallen|drop|dropped|jump|jumped|better|worse"
            r"|rising|falling|increasing|decreasing|improving|improved|worsening|worsened|halved|doubled|trebled|tripled"
            r"|reduc(?:e|ed|es|ing|tion)|declin(?:e|ed|es|ing)|grow(?:n|s|ing|th)?|grew|shr[iau]nk\w*|busier|quieter"
            r"|(?:go|goes|went|gone|going|come|came)\s+(?:up|down)(?:\s+or\s+(?:up|down))?|up\s+or\s+down"
            r"|(?:up|down)(?=\s+on\s)|by\s+how\s+(?:many|much))\b"
            r"|\b(?=than\b)"
        ),
    ),
]


# Of a question asking episodes per child, only these words say so: "per CSE child" still names CSE children.
_PER_CHILD_WORDS = re.compile(
    r"\b(?:(?:a|per)\s+head(?!\s+of\b)|per|each|on\s+average|average|avg|mean|how\s+many\s+times|times)\b|(?<!\d)/(?!\d)"
)


# Every word the shapes are said with, so that a misspelling is never "corrected" away from one.
SHAPE_WORDS = frozenset(
    [
        "per",
        "each",
        "average",
        "avg",
        "mean",
        "median",
        "typical",
        "typically",
        "usual",
        "usually",
        "middle",
        "value",
        "normally",
        "how",
        "long",
        "length",
        "duration",
        "trend",
        "trends",
        "trending",
        "month",
        "monthly",
        "over",
        "time",
        "moved",
        "busiest",
        "quietest",
        "worst",
        "best",
        "highest",
        "lowest",
        "peak",
        "fewest",
        "biggest",
        "smallest",
        "largest",
        "modal",
        "top",
        "mode",
        "most",
        "least",
        "which",
        "what",
        "break",
        "breakdown",
        "breakdowns",
        "broken",
        "down",
        "split",
        "splits",
        "mix",
        "composition",
        "etc",
        "kinds",
        "sorts",
        "types",
        "distribution",
        "funnel",
        "picture",
        "bands",
        "codes",
        "code",
        "proportion",
        "proportions",
        "percentage",
        "percentages",
        "percent",
        "cent",
        "share",
        "rate",
        "rates",
        "part",
        "fraction",
        "ratio",
        "much",
        "vs",
        "versus",
        "compare",
        "compared",
        "compares",
        "comparing",
        "comparison",
        "against",
        "change",
        "changed",
        "changes",
        "changing",
        "difference",
        "differ",
        "increase",
        "increased",
        "decrease",
        "decreased",
        "rise",
        "rose",
        "risen",
        "fall",
        "fell",
        "fallen",
        "drop",
        "dropped",
        "jump",
        "jumped",
        "better",
        "worse",
        "up",
        "than",
    ]
)


_CHANGE = re.compile(
    r"\b(?:chang\w*|increas\w*|decreas\w*|rising|risen|rose|falling|fallen|fell|dropp\w*|(?:go|goes|going|gone|went)"
    r"\s+(?:up|down)|up\s+or\s+down|(?:up|down)\s+on|better|worse|improv\w*|moved|moving(?!\s+average)|movements?|grow\w*|grew"
    r"|jump\w*|spike\w*"
    r"|(?:stay|stayed|staying|been|kept|keep|remain\w*)\s+(?:flat|steady|stable|level|the\s+same))\b"
)


# A ranking from the bottom: "bottom two ethnic groups", "which age goes missing least", "the quietest months".
LOWEST_SAID = re.compile(r"\b(?:bottom(?!\s+line)|lowest|least|fewest|smallest|quietest)\b")
# A mean of the months ("average episodes per month this year", "monthly avg for CSE episodes"), not of children.
_MONTHLY = re.compile(
    r"\b(?:average|avg|mean)\b(?:\s+[\w.]+){0,5}?\s+(?:per|a|1|each|every)\s+month\b|\bmonthly\s+(?:average|avg|mean)\b"
    r"|\b(?:per|a|1|each)\s+month\s+on\s+(?:average|avg)\b"
    r"|\bon\s+(?:average|avg)\b(?:\s+\w+){0,5}?\s+(?:per|a|1|each|every)\s+month\b"
)
_MONTHLY_WORDS = re.compile(r"\b(?:average|avg|mean|monthly)\b|\b(?:per|a|1|each|every)\s+month\b|\bon\s+average\b")


# A month set against what is usual ("higher than usual", "above the monthly average for the year", "unusually high",
# "out of the ordinary", "is that normal", "compared with the average month so far"): the year's other months.
_USUAL = re.compile(
    r"\b(?:than|as)\s+(?:usual|normal|typical|the\s+norm)\b"
    r"|\b(?:than|to|with)\s+(?:the\s+|our\s+)?(?:monthly\s+)?average\b(?!\s+(?:number|length|episodes?|per|of|for\s+each))"
    r"|\b(?:above|below|over|under|against|compared?\s+(?:with|to)|versus|vs)\s+(?:the\s+|our\s+)?(?:norm|usual|normal"
    r"|average\s+month(?:\s+so\s+far)?|monthly\s+average(?:\s+for\s+the\s+year)?|(?:monthly\s+)?average\s+for\s+the\s+year)\b"
    r"|\bunusual(?:ly)?\b|\bout\s+of\s+the\s+ordinary\b|\b(?:normal|typical|usual)\s+for\s+us\b"
    r"|\b(?:is|was)\s+(?:that|it|this)\s+(?:normal|typical|usual)\b|\bthe\s+average\s+month(?:\s+so\s+far)?\b"
)


# A change asked as a share of the figure before it ("by what percentage did LAC episodes rise", "% change May to June",
# "how many times bigger", "growth rate"), not a share of a base ("what % of episodes").
_PERCENT_WORD = r"(?:(?:percentage|percent|per\s*cent|pc)\b|%)"
_CHANGE_WORD = (
    r"(?:change|increase|decrease|rise|fall|drop|growth|difference"
    r"|(?:up|down|higher|lower|more|fewer|less)(?!\s+(?:than|to|on|of)\b))"  # not "% more than 5 days", "% up to 20"
)
_RELATIVE = re.compile(
    rf"\bby\s+(?:what|which|how\s+much\s+(?:as\s+a|in))\s+{_PERCENT_WORD}"
    rf"|(?<![\w%])(?<!of\s){_PERCENT_WORD}\s+{_CHANGE_WORD}\b"
    rf"|\b{_CHANGE_WORD}\s+(?:or\s+\w+\s+)?(?:and\s+)?(?:by\s+)?(?:how\s+much\s+)?in\s+(?:{_PERCENT_WORD})(?:\s+terms)?"
    r"|\bgrowth\s+rate\b|\brate\s+of\s+(?:growth|change|increase|decrease)\b|\brelative\s+change\b"
)


def read_shape(text: str) -> tuple[Shape, str]:
    """The shape the question asks for, and its text without the words that said it."""
    found: set[str] = set()
    rest = text
    relative = _RELATIVE.search(text) is not None
    if relative:  # the words go (no share of a base is asked), the change stays asked
        rest = _RELATIVE.sub(" change ", rest)
    usual = _USUAL.search(text) is not None and not re.search(
        r"\b(?:length|long|longer|shorter|last|lasted|duration)\b", text
    )
    if usual:
        rest = _USUAL.sub(" ", rest)
    # ... not of a length ("average length of missing episodes each month" is the mean length, month by month)
    monthly = (
        not usual and _MONTHLY.search(rest) is not None and not re.search(r"\b(?:length|long|duration|days?)\b", text)
    )
    if monthly:  # the words of the mean go, the row's stay: "average [episodes] per month"
        rest = _MONTHLY_WORDS.sub(" ", rest)
    for name, pattern in _SHAPES:
        if pattern.search(rest):
            found.add(name)
            said = " ; " if name == "compare" else " "  # "White British vs BME": two figures, still apart
            if name == "compare" and re.search(r"\byear\s+on\s+year\b|\byoy\b", rest):
                rest = rest + " last year"  # "year on year": against the same period a year before
            rest = (_PER_CHILD_WORDS if name == "per_child" else pattern).sub(said, rest)
    if re.search(r"\bmonth[\s-]+on[\s-]+month\b|\bmom\b", text) and (_CHANGE.search(text) or "varian" in text):
        found -= {"by_month"}  # "month on month change": the latest month against the one before, not a run
        found.add("compare")
        rest = rest + " previous"
    if "extreme" in found and re.search(
        r"\b(?:months?|mths?|mnths?)\b|^\W*when\b", text
    ):  # "the busiest month", "when was OLA highest"
        found.add("by_month")
    length = ""
    days = re.search(r"(?<![\d+]\s)(?<!\d)\bdays?\b", rest) is not None  # "median days missing", not "2 days"
    if "per_child" not in found and (found & {"median", "average"}) and ("length" in found or days):
        # "usually ... avg length": the average named wins over "usually"; "the middle, not the average": the median
        named_median = re.search(r"\bmedian\b|\bmiddle\b", text) is not None
        length = MEDIAN if "median" in found and (named_median or "average" not in found) else AVERAGE
    elif "length" in found:  # "how long were they missing", "duration June": the days missing
        rest = rest + " days missing"
    change = _CHANGE.search(text) is not None
    return (
        Shape(
            change=change,
            compare="compare" in found,
            by_month="by_month" in found,
            extreme="extreme" in found,
            whole="whole" in found,
            proportion="proportion" in found,
            per_child="per_child" in found,
            length=length,
            monthly=monthly,
            usual=usual,
            relative=relative,
        ),
        rest,
    )
