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

import html
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from functools import cached_property

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from digest.contract.config import Config
from digest.figures.catalogue import (
    ALL_EPISODES,
    EPISODES_PER_CHILD,
    PART_OF,
    PER_CHILD_FAMILY,
    SECTIONS,
    STILL_MISSING,
    SUMMARY_ROWS,
    build_catalogue,
    complement_base,
    counts_children,
)
from digest.figures.periods import FIRST_MONTH_OF_YEAR
from digest.lookups.again import split_same_for
from digest.lookups.benchmarks import without_benchmark
from digest.lookups.conditions import ONE_CONDITION, ConditionError, asks_months, find_month_condition
from digest.lookups.confirmations import Threshold, find_stated, find_thresholds, mark_percentages, rough_thresholds
from digest.lookups.emails import read_email_body, read_email_line, split_email_line
from digest.lookups.events import EVENT_MONTH, names_extreme_month, names_month_by_event
from digest.lookups.meanings import without_meaning_asked
from digest.lookups.periods import (
    A_YEAR_BEFORE,
    CUT_MONTHS,
    MONTH_BEFORE,
    MONTH_KINDS,
    MONTH_NAMES,
    MONTH_SO_FAR,
    MONTH_WORD,
    PREVIOUS,
    SAME_LAST_YEAR,
    SEASON,
    SEASONS,
    SO_FAR,
    Period,
    PeriodError,
    PeriodKind,
    attach_years,
    combine_periods,
    period_before,
    period_text,
    quarter_years_back,
    read_periods,
    say_month_codes,
    say_months_in_english,
)
from digest.lookups.positions import NO_PLACE_MONTHS, NO_WHOLE_PLACE
from digest.lookups.quizzes import without_quiz_marks
from digest.lookups.rates import NO_CHILD_RATE, NO_RATE_CHECK, NO_RATE_HERE, SHARE_RATE, read_rate
from digest.lookups.ratios import NO_RATIO_HERE, read_ratio
from digest.lookups.reasons import without_why
from digest.lookups.shapes import LOWEST_SAID, SHAPE_WORDS, Shape, read_shape
from digest.lookups.sums import without_sum_checks
from digest.lookups.talk import (
    NOT_HELD_PHRASES,
    NOT_HELD_TOPIC,
    NOT_HELD_TOPICS,
    QUESTION_CUES,
    correct_spelling,
    find_name_places,
    find_possible_names,
    find_ranked_words,
    is_talk,
    load_ordinary_words,
    says_not_held,
)
from digest.lookups.textspeak import EVERYDAY_WORDS, build_skeletons, read_text_speak
from digest.lookups.vocabulary import (
    AGES_GIVEN,
    BAND_MARK,
    BASE_NOTE,
    BASE_SAID,
    BREAKDOWN,
    BREAKDOWN_CHART,
    CHART_PART_UNNAMED,
    CHILD_NOUN,
    COMPLEMENT_SAID,
    COUNT_COMPARED,
    EPISODE_NOUN,
    FIGURE,
    FILLER,
    GROUP_ID_PREFIX,
    KEY_MARK,
    MONTH_ABBREVIATION,
    MONTH_NAMED,
    MONTH_WORD_SAID,
    NEAREST_MARK,
    NEGATION,
    NUMBERED_PART,
    REPEAT_MARK,
    ROUNDING_ASKED,
    ROW_5_1_NOTE,
    SHORT_MONTH,
    SPELT_OUT,
    SYNONYMS,
    VAGUE_AGES,
    Reading,
    asks_declined,
    build_ethnic_groups,
    build_ethnic_names,
    build_readings,
    content_stems,
    drop_idle_negations,
    join_spelt,
    mixes_age_words,
    phrase_stems,
    read_counted,
    read_groups,
    read_quantities,
    replace_synonyms,
    reword,
    spell_british,
    spell_numbers,
    split_words,
    stem,
)
from digest.reporting.chart_data import TREND_MONTHS  # a trend is the digest's: 13 months to the latest

PROFILE, TREND, HELP, DEFINE = "profile", "trend", "help", "define"
ABOUT_DATA = "about the data"  # when the figures are from, and which months they cover
# A question about the data rather than a figure: how fresh, how far back, whether final, where from.
_ABOUT_DATA = re.compile(
    r"\bwhen\s+(?:was|were|is|are)\s+(?:this|the|these|your)\s+(?:data|report|figures?|numbers?|information|stats)"
    r"\s+(?:last\s+)?(?:updated|refreshed|loaded|run|pulled|produced)\b"
    r"|\bhow\s+(?:old|fresh|recent|up\s+to\s+date|current|live)\s+(?:is|are)\s+(?:this|the|these|your)\s+"
    r"(?:data|figures?|numbers?)\b"
    r"|\bis\s+(?:it|this|the\s+data)\s+live\b|\bhow\s+far\s+back\s+(?:does|do|did|can)\b"
    r"|\bare\s+(?:these|the|those)\s+(?:figures|numbers)\s+final\b|\bwhat\s+(?:months|period|dates)\s+"
    r"(?:do\s+you\s+have|does\s+(?:it|the\s+data)\s+cover|are\s+covered)\b"
    r"|\bwhere\s+do\s+(?:these|the|your)\s+(?:figures|numbers|data)\s+come\s+from\b"
)
PER_CHILD, LENGTH = "per child", "length"  # episodes per child; the average or median length of an episode
CORRECTION_CUTOFF = 75  # how alike (rapidfuzz ratio, 0-100) a misspelt word must be to a known one to be read as it
MIN_CORRECTABLE_LETTERS = 4  # shorter words are too easily near something else to be guessed
FILLER_CORRECTION_CUTOFF = 0.83  # one slip in 6 letters: how near a word naming nothing alone must be to be read
PARTIAL_CORRECTION_CUTOFF = 0.79  # one slip in five letters, for a word of a phrase ("afetr" of "looked after")
MIN_CORRECTABLE_PARTIAL_LETTERS = 5
LONG_WORD_LETTERS = 9  # a word this long may carry two slips ("approprate", "recieved") and still be read
SPELLING_NEARNESS = 0.8  # how near a word the English list spells right counts (a slip's weight, not a sure word)
MAX_KEPT_SCORES = 4096  # word sets whose scores are kept (each a list of some 200 readings' scores)
MIN_CORRECTABLE_FILLER_LETTERS = 6  # "reporing" is "reporting", "wrking" "working"; "will" is not "well"
QUALIFIER_CREDIT = 0.8  # a section's title word explains a question's word a little less than the row's own words
MISSING_PENALTY = 0.5  # how much a reading loses for its own words the question did not say (all of them: 0.5)
NEGATION_PENALTY = 0.5  # a "not" on one side only flips the meaning ("completed in time" is not "not completed")
# Words that change what a row counts when one side says them and the other does not: "not", "3 or more" ("LAC
# children" are not "LAC children with 3 or more episodes") and "in time" (RHIs "completed" are not those completed in
# time: the report has no row of all completed, so it is asked which).
MEANING_MARKS = (NEGATION, REPEAT_MARK, "time")
ANSWER_SCORE = 0.6  # the least score answered without asking back
CLARIFY_SCORE = 0.3  # the least score offered as a choice
CLARIFY_MARGIN = 0.1  # readings this close to the best are offered: as choices on a tie, else under the answer
HEADLINE_SECTIONS = {"1": "headline", "2": "headline", "3": "headline"}  # all, LAC and CSE side by side
ALTERNATIVE_MARGIN = 0.25  # readings this close to the one answered are offered under it ("Did you mean ...?")
MAX_ALTERNATIVES = 2  # buttons under an answer: the answer stays the point
CHILD_WORD, EPISODE_WORD = "children", "episode"  # the stems of what every row counts
GENERIC_WORDS = frozenset({CHILD_WORD, EPISODE_WORD})  # what every row counts, in people's words
# Children as those who go missing, not as what is counted: "children going missing", "missing kids".
_GOING_MISSING = re.compile(
    r"\b(?:children|child|kids?|young\s+people|cla|lac)\s+(?:\w+\s+){0,2}?(?:go|goes|going|went|gone)\s+missing\b"
    r"|\bmissing\s+(?:children|kids)\b"
)
SEASON_PROBLEM = (
    "Which months? Name them, such as April to June, or Q1: a season means different months to different people."
)
PREVIOUS_PROBLEM = 'Before which period? Name both, such as "June against May" or "this quarter against last quarter".'
# The figures as a whole, with no row named: the profile ("missing figs for August").
_OVERVIEW = re.compile(r"\b(?:figures|figs|numbers|stats|statistics|data|headlines?|everything|report)\b")
# A figure not yet recorded: "what will July end up as", "forecast for September".
_FORECAST = re.compile(
    r"\bwill\b(?!\s+(?:you|u)\b)|\b(?:we|it|they|that|what)'ll\b|\b(?:finish|end)\s+the\s+year\s+(?:on|at)\b|\bforecast\w*|\bpredict\w*|\bproject(?:ed|ion|ions)\b|\bgoing\s+to\s+be\b"
    r"|\b(?:are|is)\s+(?:we|it|they|that|lac|cse)\s+going\s+to\s+(?:go|get|hit|reach|pass|top|exceed|break|end|finish)\b"
    r"|\bexpect(?:ed)?\s+to\b|\b(?:are|is)\s+(?:we|you)\s+expecting\b"
    # "how many do you expect over the year", "would you expect there to be": not "do you expect me to add them up"
    r"|\bhow\s+many\s+[^?.!,]*?\b(?:do|would)\s+(?:you|u|we)\s+(?:expect|anticipate)\b"
    r"|\b(?:do|would)\s+(?:you|u|we)\s+(?:expect|anticipate)\s+(?:there\s+to\s+be|to\s+see)\b"
    # "do you expect LAC to rise in July", "what do we expect for the year end"
    r"|\b(?:do|would)\s+(?:you|u|we)\s+(?:expect|anticipate)\b[^?.!,]*?\b(?:to\s+(?:rise|fall|go\s+(?:up|down)|increase"
    r"|decrease|drop|change|look\s+like|end|finish|reach|hit)|for\s+the\s+(?:year[\s-]end|rest))\b"
    r"|(?<!most\s)(?<!more\s)(?<!less\s)\blikely\s+to\b|\bend\s+up\b"
    # "project full year episodes on the current run rate" (not "the youth project")
    r"|\bproject\b(?=\s+(?:the\s+|our\s+)?(?:full|whole|annual|rest|end|forward|ahead)\b)"
    r"|\bextrapolat\w*|\bwould\s+(?:we|it|that|they)\s+(?:have|get|reach|see|hit|end)\b"
)
# Lengths in hours: the report counts calendar days ("over 24 hours" is not "more than 1 day"). The still-missing
# answer gives "over 24 and 72 hours" now, and "72 hours" of a return interview is its deadline.
_HOURS = re.compile(
    r"\b\d+\s*(?:hours?|hrs?|h)\b|\bwithin\s+(?:the|an|a|one)\s+hour\b|\b(?:an|one|a\s+few|few|couple\s+of)\s+hours?\b"
)
# ... unless of a return interview's deadline, or of those missing now.
_HOURS_OTHERWISE = re.compile(
    r"\brhis?\b|\binterviews?\b|\bdebriefs?\b|\bconversations?\b|\b(?:now|currently|still|atm|today|at\s+the\s+moment)\b"
    r"|\b(?:my|our)\s+(?:last|old|previous|former)\s+(?:place|authority|la|council)\b"  # another council's hours
)
NO_HOURS = (
    "The report counts days missing (calendar days from the day missing to the day back), not hours. Ask, for "
    'example, "episodes lasting 2 days or more June", or "still missing now" for those over 24 and 72 hours.'
)
# Going missing twice or more: the report counts children with 3 or more episodes only.
_TWICE_OR_MORE = re.compile(
    r"\bmore\s+than\s+once\b|\bmultiple\s+(?:times|episodes|occasions)\b|\b(?:2|two)\s+or\s+more\s+(?:times|episodes)"
    r"|\b(?:2|two)\s+(?:times|episodes)\s+or\s+more\b|\bat\s+least\s+(?:2|two)\s+(?:times|episodes)\b"
)
NO_TWICE = (
    "The report counts children with 3 or more episodes, not those missing twice or more. Ask, for example, "
    '"children with 3 or more episodes June".'
)
_THANKS = re.compile(r"\b(?:thanks?|thank\s+you|thankyou|cheers|ta|helpful|useful|great|brilliant|perfect|lovely)\b")
THANKS = "Glad to help. Ask for any figure of the report, or type help for what can be asked."
NO_DECLINED_ROW = (
    "The report counts return interviews offered, accepted and completed, not those declined or refused (an offer "
    'can have no answer recorded). Ask for "RHIs offered" and "RHIs accepted" instead.'
)
# What a question counts or ranks is someone or something the report does not count ("which missing advocate has the
# most late RHIs", "how many strategy meetings"): these words pass as talk around a question, never as its subject.
# A family's possessive is not counted ("how many of the families' kids": the kids).
_NOT_COUNTED = re.compile(
    r"\bby\s+(?:placement\s+|care\s+|children's\s+|social\s+)?(?:providers?|homes?|schools?|workers?|teams?|wards?)\b|"
    # ... or ranks them ("rank the missing advocates by RHIs completed", "where do we rank against other councils")
    r"\brank(?:s|ed|ing)?\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:advocates?|(?:social\s+)?workers?|teams?|homes|councils?"
    r"|providers?|schools?)\b|\brank\s+(?:against|with|among)\s+(?:other\s+)?(?:councils?|las|local\s+authorities)\b|"
    r"\b(?:which|what|whose|how\s+many|number\s+of|each|every|per)\s+(?:\w+\s+){0,2}?"
    r"(?:advocates?|(?:social\s+)?workers?|meetings?|sessions?|workshops?|councils?|communit(?:y|ies)|famil(?:y|ies)\b(?!')|teams?|boards?"
    r"|committees?|members?|officers?|forces?|schools?|police|staff|managers?|carers?|parents?|referrals?"
    r"|providers?|agenc(?:y|ies)|(?:care\s+|children's\s+|residential\s+)?homes|foster\s+(?:placements?|homes?))\b"
)
NOT_COUNTED = (
    "The report counts missing episodes and the children in them, not workers, teams, providers, meetings or "
    "referrals. Ask, for example, how many return interviews were completed in time in June."
)
# Periods shorter than a month: the report counts by month ("the last 14 days", "last week", "yesterday").
_SHORT_PERIOD = re.compile(
    r"\b(?:last|past|previous|this|next|coming)\s+(?:(?:few|couple\s+of|\d+)\s+)?(?:days?|weeks?|weekends?)\b"
    r"|\byesterday\b|\btonight\b|\blast\s+night\b|\bweekend\b|\bweek\s+(?:ending|commencing|beginning)\b"
    # a part of a month ("the first fortnight of June", "the last week of May", "w/c 3 June")
    r"|\b(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th|opening|closing)\s+(?:(?:few|couple\s+of|\d+|two|three|ten)\s+)?"
    r"(?:days?|weeks?|fortnight|half)\s+(?:of|in)\s+(?:the\s+month\b|" + MONTH_NAMED + r")"
    r"|\bw\s*/\s*[ce]\b|\bw\.[ce]\.|\bwc\s+(?=\d)"
)
NO_SHORT_PERIOD = (
    'The report counts by month (and the year to date), not by day or week. Ask for a month, such as "June", or '
    '"this month so far"; "still missing now" gives those missing at this moment.'
)
# A chart's largest bar, or every bar, of no breakdown's chart ("the tallest bar in June", "each bar on the LAC chart"):
# which chart is not plain (vocabulary reads those of a breakdown's chart)
NO_CHART_NAMED = (
    'Which chart? Name its table, such as "age breakdown June, largest", or the figure, such as "LAC episodes June".'
)
NO_MIXED_AGES = (
    'That names ages in more than one way at once; name every age wanted in numbers, such as "12 year olds and '
    '16 and over" ("older teens" are 16 and over, "pre-teens" 12 and under, "teenagers" 13 and over).'
)
# "/missing LAC episodes June" typed into `ask` or a Teams message: Slack gives the command's text without it
_COMMAND_TYPED = re.compile(r"^\s*/missing\b\s*", re.IGNORECASE)
# Advice asked ("what's the best way to get RHI timeliness back up?", "how can we reduce LAC episodes?"): the report's
# figures say what happened, not what to do.
_ADVICE = re.compile(
    r"\b(?:(?:the\s+)?best\s+way\s+to\s+(?:improve|reduce|stop|prevent|increase|fix|tackle|cut|lower|get\s+\w+(?:\s+\w+)?"
    r"\s+(?:back\s+)?(?:up|down))|how\s+(?:do|can|should|could|might)\s+(?:we|i)\s+(?:improve|reduce|stop|prevent|tackle"
    r"|cut|lower|bring\s+\w+\s+down)|what\s+(?:should\s+(?:we|i)|(?:we|i)\s+should)\s+(?:be\s+doing|do)(?!\s+is\b)"
    # ... not "what should I do to get the June numbers up on the dashboard" (but "to get RHIs back up" is advice)
    r"(?!\s+to\s+(?:see|view|find|get(?!\s+\w+\s+(?:back\s+)?(?:up|down)\b)(?!(?:\s+[\w']+){1,2}\s+back\s+(?:up|down)\b)))"
    r"|should\s+(?:we|i)\s+make\s+[\w\s]{1,40}?(?:mandatory|compulsory)"
    r"|what\s+would\s+you\s+(?:recommend|suggest|advise)"
    # "what should the panel recommend in order to reduce ...": advice asked for someone else to give
    r"|what\s+(?:should|could|would|can)\s+(?:the\s+|our\s+)?(?:panel|board|service|team|council|committee|managers?)\s+"
    r"(?:recommend|suggest|propose|advise|do)\b(?!\s+with\b)"
    r"|should\s+(?:we|i)\s+(?:be\s+)?(?:escalat\w*|introduce"
    r"|mandate|commission|recommission|decommission|train|recruit|hire|restructure))\b"
)
# A clause of a message: a sentence, or what a comma or dash and "and" set apart ("..., and what should we do").
_ADVICE_CLAUSE = re.compile(r"[?.!;]+\s*|\s+-+\s+|,?\s+and\s+(?=what|should|how|which)")
ADVICE_NOT_GIVEN = "The report's figures say what happened, not what to do about them: these are the figures alone."
NO_ADVICE = (
    "I give the report's figures, not advice on what to do about them; ask for a figure, such as \"RHIs completed in "
    "time June\", and take it to the service's own leads."
)
# The time of day or day of the week children go missing: the report counts by month only.
_TIME_OF_DAY = re.compile(
    r"\btimes?\s+of\s+(?:the\s+)?(?:day|night)\b|\bwhat\s+time\b[^?.!]*\b(?:go(?:es)?|went|gone|going)\s+missing\b"
    r"|\b(?:days?\s+of\s+the\s+week|weekdays?|weekends?\s+or\s+weekdays?)\b"
)
NO_TIME_OF_DAY = (
    "The report counts episodes by month; it does not hold the time of day or the day of the week a child went "
    'missing. Ask for a month, such as "missing episodes June".'
)
# Ages in words whose ages are not agreed (vocabulary.VAGUE_AGES: "mid-teens", "the younger ones"): asked for, never
# read as every teenager or dropped (vocabulary.read_groups reads the agreed ones: "older teens", "pre-teens").
NO_VAGUE_AGES = (
    "Which ages those words take in is not agreed, so I would be guessing. Name the ages, such as "
    '"14 and 15 year olds" or "13 to 15 year olds"; "teenagers" are 13 and over, "older teens" 16 and over, '
    '"pre-teens" 12 and under.'
)
# "High risk mispers": the police's risk grading of a missing person, which the report does not hold; its CSE rows
# are "CSE risk medium/high", read only when CSE or exploitation is said with the risk.
_RISK_GRADE = re.compile(r"\b(?:high|low|medium)(?:\s*(?:/|or|and|-)\s*(?:high|low|medium))?[\s-]+risk\b")
_CSE_SAID = re.compile(r"\bcse\b|\bexploit\w*|\bsexual\w*|\bgrooming\b")
NO_RISK_GRADE = (
    "The report does not hold the police's risk grading of a missing person; it counts episodes and children at "
    'medium/high risk of child sexual exploitation (CSE). Ask, for example, "CSE episodes June".'
)
# How many children there are (in care, on a plan, in the area): the report counts those who went missing only, so
# neither the number nor a share of it ("what % of LAC went missing") can be given.
_POPULATION = re.compile(
    r"\b(?:do|does)\s+(?:we|you|the\s+council|the\s+authority|the\s+la)\s+(?:have|look\s+after|support)\b"
    r"|\bhow\s+many\s+(?:\w+\s+){0,3}?(?:are|is)\s+(?:there\s+)?(?:currently\s+)?(?:in\s+care|looked\s+after"
    r"|on\s+(?:a\s+)?(?:cp\s+|cin\s+|child\s+protection\s+|child\s+in\s+need\s+)?plans?)\b"
)
# Said outright: how many there are beyond those who went missing ("in total, not just the ones who go missing"), or
# how likely a group is to go missing (a rate per child placed, per 10,000): a population the report does not hold.
_BEYOND_MISSING = re.compile(
    r"\bnot\s+just\s+(?:the\s+ones|those|the\s+(?:children|kids|young\s+people))\s+(?:who|that)\s+"
    r"(?:go|goes|went|have\s+gone|has\s+gone|are|were)\s+missing\b"
    r"|\b(?:more|less)\s+likely\s+to\s+(?:go\s+|be\s+|run\s+)?(?:missing|away)\b|\blikelihood\b"
    r"|\bper\s+(?:placed\s+child|child\s+placed|(?:10|1|100),?000)\b"
    r"|\b(?:over|under)[\s-]?represent(?:ed|ation)\b|\b(?:local|child|general|whole)\s+(?:child\s+)?population\b"
)
# "What % of LAC went missing": a share of a group's population; "what proportion of the children who went missing
# were looked after" is a share of those missing, which the report gives.
_SHARE_OF_GROUP = re.compile(
    r"(?:%|\bpercent\w*|\bproportion|\bshare|\brate)\s+of\s+((?:\w+\s+){1,4}?)"
    r"(?:who\s+|that\s+)?(?:went|go|goes|gone|going|have\s+gone|has\s+gone)\s+missing\b"
)

_ANY_CHILDREN = {"the", "all", "our", "children", "child", "kids", "kid", "young", "people", "who", "that", "those"}
_ANY_CHILDREN |= {"times", "occasions", "episodes", "eps"}  # "what share of the times young people went missing"
_MISSING_SAID = re.compile(r"\bmissing\b|\bepisodes?\b|\bmispers?\b|\babsent\b|\brun\s+away\b|\breturn")
NO_POPULATION = (
    "The report counts children who went missing, not how many children there are (in care, on a plan or in the "
    'area), so it cannot give that or a share of it. Ask, for example, "what share of children missing in June were '
    'looked after".'
)
# Still missing is counted of all children: the report does not say how many of them are in care or at CSE risk.
NO_STILL_MISSING_GROUP = (
    "The report counts the children still missing now of all children, not of those in care or at CSE risk alone. "
    'Ask "still missing now" for all children.'
)
NO_FORECAST = (
    "I give the figures recorded so far, never a forecast. Ask, for example, how many went missing in June, "
    "or in this month so far."
)

# A change to the data asked of the bot: "can you correct the June LAC number", "please delete that episode".
_CORRECTION = re.compile(
    r"(?<!\bit\s)(?<!\bis\s)(?<!\bthat's\s)(?<!\bnot\s)\b(?:correct|amend|fix|edit|delete|remove|adjust)\s+"
    r"(?:the|that|this|a|one|our|my)\s+"
    r"(?:\w+\s+){0,3}?(?:number|figure|count|record|episode|data|entry|total)s?\b(?!\s+(?:from|between|since))"
)
NO_CORRECTION = (
    "I only read the figures; I cannot change them. A correction is made in the case recording system, and the "
    "figures change with the next extract loaded."
)
# A test of a change, not a count: "is the fall statistically significant", "within normal variation?"
_SIGNIFICANCE = re.compile(
    r"\bstatistical(?:ly)?\s+significan\w*|\bsignifican(?:t|ce)\s+test|\bconfidence\s+intervals?\b|\bp\s*-?\s*values?\b"
    r"|\bnormal\s+(?:\w+\s+){0,3}?variation\b"
)
NO_SIGNIFICANCE = (
    "The report counts episodes and children; I do not test whether a change between periods is statistically "
    'significant. Ask for the figures side by side, such as "episodes May against June".'
)

# Statistics of the counts the report does not give: "standard deviation", "index against April = 100",
# "z-score", "correlation" (the range, the mean a month and the median length it does give; a manager's "variance" is
# the difference between two figures).
_STATISTIC = re.compile(
    r"\bstandard\s+deviations?\b|\bstd\s*dev\b|\bs\.?d\.?\s+of\b|\bz[\s-]?scores?\b|\bcorrelat\w*"
    r"|\bregression\b|\bindex(?:ed)?\b(?=.*=\s*100\b)|\b(?:indexed|rebased)\s+to\s+100\b|\bcoefficient\s+of\s+variation\b"
    # a moving average over a window said in months ("3-month moving average to June") is the average a month over
    # those months, a figure of its own (vocabulary reads it so); a series of them is not worked out
    r"|(?<!month\s)(?<!month-)(?<!months\s)(?<!mth\s)(?<!mth-)\b(?:moving|rolling)\s+(?:average|mean|avg|total|sum)s?\b"
)
NO_STATISTIC = (
    "The report counts episodes and children; I do not work out standard deviations, indices, moving averages or other "
    "statistics of "
    'the counts. Ask for the figures month by month, such as "episodes month by month this year", and work them out '
    "from those."
)

# Children missing for the first time, or new to the service: the report counts the children in a period and those
# with 3 or more episodes, not whether a child went missing before.
_FIRST_TIME = re.compile(
    r"\bfirst[\s-]+time\b(?!\s+(?:i|i've|ive|i'm|im|we|you|using|asking|on|with)\b)|\bnew\s+to\s+(?:us|the\s+service|the\s+team|services)\b"
    r"|\bnever\s+(?:been\s+)?(?:reported|missing|gone\s+missing)\s+before\b|\bnot\s+(?:been\s+)?(?:gone\s+)?missing\s+before\b"
)
NO_FIRST_TIME = (
    "The report counts the children who went missing in a period and those with 3 or more episodes in it; it does not "
    'say whether a child had gone missing before. Ask, for example, "children missing June" or "children with 3 or '
    'more episodes June".'
)

# The same children followed from one period to another ("were frequent missers last year too", "the same kids as in
# May"): each period's children are counted on their own.
_SAME_CHILDREN = re.compile(
    r"\b(?:were|was)\s+(?:also\s+)?\w+(?:\s+\w+)?\s+(?:last\s+year|the\s+year\s+before|before)\s+(?:too|as\s+well)\b"
    r"|\bsame\s+(?:children|kids|young\s+people|ones)\s+as\b"
)
NO_SAME_CHILDREN = (
    "The report counts the children of each period on their own; it does not follow the same children from one "
    'period to another. Ask for each period, such as "children with 3 or more episodes this year".'
)

# Return interviews with no timeliness outcome ("accepted but not showing as either done in 3 working days or late"):
# the report has rows for those done in time and those not, none for neither.
_NO_OUTCOME = re.compile(
    r"\bno\s+(?:timeliness\s+)?outcomes?\b|\bnot\s+showing\s+as\s+either\b|\bneither\s+(?:done|completed|in\s+time)\b"
)
NO_OUTCOME = (
    "The report counts return interviews completed within 3 working days and those not completed in time; it has no "
    'row for those with no outcome recorded. Ask for each, such as "RHIs completed in time June".'
)


@dataclass(frozen=True)
class NotHeld:
    """What the report does not hold, as said (said, unless also said otherwise), and what to tell the asker."""

    said: re.Pattern[str]
    message: str
    unless: re.Pattern[str] | None = None
    # Where else it is looked for: "typed", the words before slips are put right ("provider" is no slip of "provide");
    # "message", the message as sent ("not just the ones who go missing", before "not just" is read as "all").
    also_in: str = ""


NOT_HELD = (
    NotHeld(_FORECAST, NO_FORECAST),
    NotHeld(_SIGNIFICANCE, NO_SIGNIFICANCE, also_in="message"),
    NotHeld(_STATISTIC, NO_STATISTIC, also_in="message"),
    NotHeld(_FIRST_TIME, NO_FIRST_TIME, also_in="message"),
    NotHeld(_SAME_CHILDREN, NO_SAME_CHILDREN),
    NotHeld(_NO_OUTCOME, NO_OUTCOME, also_in="message"),
    NotHeld(_CORRECTION, NO_CORRECTION, also_in="message"),
    NotHeld(_HOURS, NO_HOURS, _HOURS_OTHERWISE, also_in="typed"),  # "within the hour": "hour" is no slip of "our"
    NotHeld(_TWICE_OR_MORE, NO_TWICE),
    NotHeld(_POPULATION, NO_POPULATION, _MISSING_SAID),
    NotHeld(_BEYOND_MISSING, NO_POPULATION, also_in="message"),
    NotHeld(_SHORT_PERIOD, NO_SHORT_PERIOD),
    NotHeld(_RISK_GRADE, NO_RISK_GRADE, _CSE_SAID),
    NotHeld(_NOT_COUNTED, NOT_COUNTED, also_in="typed"),
    NotHeld(_TIME_OF_DAY, NO_TIME_OF_DAY),
    NotHeld(_ADVICE, NO_ADVICE),
    NotHeld(NO_WHOLE_PLACE, NO_PLACE_MONTHS, also_in="message"),
    NotHeld(CHART_PART_UNNAMED, NO_CHART_NAMED, BREAKDOWN_CHART, also_in="message"),
)
# Where a message's clauses part: a sentence's end, a comma, a dash, or "so"/"but"/"cos" before the asker's "I" or "we".
_CLAUSE = re.compile(
    r"((?<=[?!.;:])\s+|,\s+|\s+-+\s+|\s+(?:so|but|cos|because|as|and)\s+(?=(?:i|i'm|im|we|we've|we're|it|it's|its)\b))"
)
# An aside in brackets, five words or more ("(as I understand July isn't complete yet)"); "(YTD)" is no aside.
_BRACKETED_ASIDE = re.compile(r"\(\s*((?:[^()\s]+\s+){4,}[^()\s]+)\s*\)")
# Words making an aside in brackets part of the question: a correction, a count or share asked, more asked for
_BRACKET_PUTS_RIGHT = re.compile(r"\b(?:sorry|mean|meant|rather|actually|correction|i\.?e|calendar|instead)\b")
_BRACKET_ASKS = re.compile(
    r"\b(?:too|also|same|what|how|which|percentage|percent|share|proportion|number|figure|count|total|compare\w*)\b"
)
# How an aside about the asker or their day begins ("we've got ...", "just trying to work out ...", "one of ours ...").
_ASIDE_OPENER = re.compile(
    r"\W*(?:(?:just|and|but|so|cos|as|also|oh|well|um|i\s+mean)\s+)?(?:i(?![.\w])|i'm|im|i've|ive|i'd|i'll|we|we've|weve|we're|"
    r"we'd|our|ours|my|it|its|it's|they|they're|there's|theres|that's|thats|feels|hope|one\s+of\s+(?:ours|them|my)|"
    r"trying|the\s+comments?|not\s+sure|no\s+idea|asking|need(?:ed)?\s+(?:it|this|them|these)|it's\s+for"
    r"|so\s+(?:does|do|is|that)|does\s+that|is\s+that\s+(?:the\s+same|right)"
    r"|(?:also\s*,?\s*)?is\s+'?[a-z]+'?\s+the\s+same\s+as)\b"
)
# "Section 6", "table 9": that section's table; "section 6.1" is the row 6.1.
_SECTION = re.compile(r"\b(?:section|table|part)\s+(?:(\d{1,2})\b(?![.\d])|(?=\d{1,2}\.\d))")
_DISTINCT_CHILDREN = re.compile(
    r"\b(?:individual|distinct|different|unique|separate|actual)\s+(?:children|child|kids|young\s+people|cla|lac)\b"
)
# The word itself, not "kids" or "young people"; but "LAC kids" are the looked-after children, as "CLA" are.
_CHILD_SAID = re.compile(r"\b(?:children|child)\b|\b(?:lac|cla|cic)\s+kids?\b")
_CHILDREN = re.compile(r"\b(?:children|child|kids?|young\s+(?:people|persons?)|individuals?|cla)\b")
LEFT_OUT_SHARE = 0.25  # the share of a question's weight a figure may leave unexplained and still be answered
SOLE_READING_SCORE = 0.5  # the least score answered when no other reading is even worth offering
TIE_MARGIN = 0.02  # readings this close to the best are a real tie: asked back, not decided
SEGMENT_SCORE = 0.75  # the least score for each part of "girls and boys" to be read as a figure of its own
MAX_CHOICES = 4  # buttons in a clarification
COMMANDS = {
    "profile": PROFILE,
    "headlines": PROFILE,
    "help": HELP,
    "summary": PROFILE,
    "overview": PROFILE,
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
# A definition asked in words: "what does not a client mean", "what is meant by RHI in time".
_WHAT_DOES_MEAN = re.compile(r"^\W*what\s+(?:does|do)\s+(.+?)\s+mean\W*$|^\W*what\s+is\s+meant\s+by\s+(.+?)\W*$")
UNREADABLE_MONTH = re.compile(r"\d{4}-\d{1,2}")  # a month written as a number that is no month
_WORD = re.compile(r"@[a-z0-9_.+|]+|[a-z]+(?:'[a-z]+)?")
# A question about one child ("is he still missing"): the bot answers with counts for the whole report only.
INDIVIDUAL = re.compile(
    # ... not a colleague's view or request ("she thinks it's quite high", "he wants to know")
    r"\b(?:he|she)\b(?!\s+(?:thinks|thought|reckons|believes|feels|felt|suspects|wants\s+to\s+know|would\s+like"
    r"|needs\s+(?:it|this|these|them)|asked\s+(?:me|us)|has\s+asked|is\s+asking"
    r"|said|says|told\s+(?:me|us)|quoted|mentioned|reported|stated|claimed|claims|wrote)\b)"  # a colleague's figure
    r"|\b(?:him|his|her|hers|himself|herself|lad|lass)\b"
    r"|\b(?:child|young\s+person|person|client)[\s_-]?ids?\b|\blist\s+(?:the\s+|their\s+)?(?:names|ids|children|kids)\b"
    r"|^\W*who\b|(?<!episodes\sin\s)(?<!episodes\sduring\s)(?<!cases\sin\s)(?<!occasions\son\s)"
    r"\bwhich\s+(?:child|children|kids?|young\s+(?:person|people))\b"
    r"(?!\s+(?:in|at|on|with|from)\b)"  # not "episodes in which children were missing"
)
ONE_CHILD = (
    "I answer with counts for the whole report, never about one child: their case record holds that. "
    "Ask, for example, how many children went missing in June."
)
TWO_RANGES = 'That names two ranges of the same rows; ask for one at a time, such as "LAC episodes over 40 miles June".'
# "This month against last month": the as-at month so far is answered, the latest complete month offered under it
# (writers of the corpus split nine and eight on which they meant).
LATEST_AGAINST_BEFORE = "Last month against the month before"
_PART_OF_MONTH = re.compile(r"\bso\s+far\b|\bto\s+date\b|\bmtd\b|\bpartial\b")
NO_ROW_COUNTS_ALL = (
    "No row of the report counts those together: each of its breakdowns (care status, gender, ethnicity, age, "
    'distance, days missing) is of all the episodes. Ask for one at a time, such as "girls June" or "101+ miles June".'
)
# Several of a breakdown's rows added up ("2 to 3 days") with words no row of them has ("LAC"): the report does not
# split those rows so, and the total of every episode in them would answer another question.
SUBSET_SECTIONS = {"2", "3", "6", "7", "8", "9"}  # LAC, CSE risk, care status, gender, ethnicity, age
# "age group 14 to 16", "BME summary": no part of the episodes; "care", "help", "status", "other": everyday words of the
# care status rows' labels, whose own words ("la", "client", "cin", "lac") name them
SUBSET_NOT_NAMING = {"group", "summary", "care", "help", "status", "other"}
INTERVIEW_SECTION = "5"  # the return interview rows
_EVERYDAY_INTERVIEW_WORDS = frozenset({"time", "due", "completed"})  # "at the time of", "done": said of other things
NO_INTERVIEWS_BY_GROUP = (
    "The return interview rows count every episode's interview; the report does not split them by LAC, CSE risk, care "
    'status, gender, ethnicity or age. Ask for one at a time, such as "RHIs offered June" or "LAC episodes June".'
)
BANDS_NOT_SPLIT = (
    "Those rows count every episode in their bands; the report does not split them any further (by LAC, CSE risk, "
    'gender, age or the like). Ask for the rows on their own, such as "episodes lasting at least 2 days in June".'
)
LENGTH_FAMILIES = ("lac", "cse")  # lengths are worked out for all episodes, or LAC or CSE-risk ones
LENGTH_WORDS = frozenset({"day", "episode", "children", "length", "time", "duration", "missing", "away", "home"})
LENGTH_OF_ALL = (
    "The length of an episode is worked out for all episodes, LAC episodes or CSE-risk episodes only; ask for one "
    'of those, such as "average length of LAC episodes June".'
)
# A message's second question, after its first: "? and ...", ". And ...", "? also ..." (the rows it names are read)
_ANOTHER_ASK = re.compile(r"(?:\?+|\.)\s*(?:and|&|also|plus|then)\b\s*", re.IGNORECASE)
# ... but not one saying how to read the first ("and don't say 'it varies'", "and by on time I mean ..."), nor its
# share asked ("And as a % of LAC episodes"): the first question's own
_NO_OTHER_ASK = re.compile(
    r"^\W*(?:don'?t|do\s+not|by\b|i\s+mean|i\s+know|i'?m|please|pls|thanks|as\s+(?:a\b|%)|of\s+(?:those|them)\b"
    r"|what\s+(?:%|percent|share|proportion)|(?:the\s+)?(?:%|(?:percent|percentage|share|proportion)\b))",
    re.IGNORECASE,
)
TWO_QUESTIONS = (
    'That asks for two figures in two questions; ask them one at a time, or both in one, such as "LAC and CSE '
    'episodes June".'
)
NOT_A_ROW = (
    'That asks for those outside a row of the report (a "not"), which the report does not count; '
    "ask for the row and the total instead."
)
_SHARE_IN_CHANNEL = re.compile(r"^share\b(?!\s+of\b)")  # "share LAC episodes": post it; "share of ...": a share
# Between two figures side by side: "girls and boys", "White British vs BME" (shape words already taken out).
# ... after a courtesy ("Please of the not a client ones, how many were OLA"): still the base
_BASE_PART = re.compile(r"\W*(?:(?:please|pls|kindly)\W+)?(?:(?:out\s+)?of|for|among|amongst)\b(?!\s+(?:which|whom)\b)")
_EVERYONE = re.compile(r"\b(?:all|total|everyone|overall)\b")  # the figure of all children
# What a figure counts, said after "the same for" a row so that it counts the same ("kids ... same for LAC": LAC
# children, not LAC episodes)
_COUNTED_AS = (
    ("children.3plus.", "children with 3 or more episodes"),
    ("children.", "children"),
    ("episodes.", "episodes"),
)
_NOT_BEFORE = re.compile(r"\bnot\s+(?:(?:a|an|the|in|yet)\s+)*(\w+)")  # the word a row name's "not" is of
# A question asked in the negative, to be confirmed as the same question in the positive is ("Isn't EH 13 episodes in
# May?", "Weren't there more girls?"): only opening a sentence, never a "not" of the figure ("kids who didn't ..."),
# an instruction ("Don't include LAC"), "haven't we had ..." (read as it is) or "isn't that ..." (a follow-up)
_NEGATIVE_QUESTION = re.compile(
    r"(?i)(?:^|(?<=[.?!]\s))(\W*(?:did|is|was|were|are))(?:n[’']?t)\b(?!\s+(?:that|it|this)\b)"
    # a verb straight after it is no question turned round: "didnt get done in time RHIs June" (those not done)
    r"(?!\s+(?:get|got|go|come|meet|hit|make|happen|have|reach|done|completed|offered|accepted|seen)\b)"
)
# A month asked as a part of a longer period ("how much of the YTD came from June?", "May's share of the quarter",
# "Q1 had 104 kids - how many of those in May?")
_PART_OF_PERIOD = re.compile(
    r"\b(?:(?:share|proportion|percentage|fraction|%)\s+of\s+(?:the\s+|this\s+|our\s+)?(?:quarter|year|ytd|q[1-4]|fy)"
    r"|'?s\s+share\b|how\s+much\s+of\s+(?:the|that|this|it)\b|how\s+many\s+of\s+(?:those|them|that|these|the)\b"
    rf"|how\s+many\s+(?:of\s+\w+\s+)?(?:were|was|came|fell)\s+(?:in\s+|from\s+)?{SHORT_MONTH}"
    r"|of\s+(?:those|them|that),?\s+how\s+many|came\s+(?:from|in)\b|made\s+up|make\s+up|most\s+of\s+(?:that|it|them))"
)
# A month said as where a year to date ends ("YTD to June", "year to date ending June"): no part of it asked.
_TO_MONTH = re.compile(rf"\b(?:to|up\s+to|ending|ended|until|till|through|thru)\s+(?:the\s+end\s+of\s+)?{SHORT_MONTH}")
# The year to a month said as one period ("this year to end of June", "ytd to May"), not "this year compared to June"
_YEAR_TO_MONTH = re.compile(
    rf"\b(?:ytd|year\s+to\s+date|this\s+year|the\s+year|so\s+far)\s+(?:up\s+)?(?:to|until|till|through|thru)\s+"
    rf"(?:(?:the\s+)?end\s+(?:of\s+|o'\s*)?)?{SHORT_MONTH}"
)
_THE_QUARTER = re.compile(r"\b(?:the|that|this)\s+quarter(?:'s|s)?\b")  # the quarter a month named is in
_LONGER = (PeriodKind.YEAR_TO_DATE, PeriodKind.QUARTER, PeriodKind.FINANCIAL_YEAR, PeriodKind.RANGE)
_FIGURE_WORDS = re.compile(r"\b(?:how\s+many|number|figure|rate|total|count|what\s+(?:was|is)\s+(?:it|the))\b|%")
_ONLY = re.compile(r"\b(?:only|just|solely)\b")  # "RHIs offered in June, LAC only": whom the figure is of
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.IGNORECASE)  # a figure asked
_TOTAL = re.compile(r"\b(?:total|overall)\b")  # a count of all ("total eps"), not whose ("all children")
_ALL_OF = re.compile(r"\.(?:lac|cse)$")  # a figure of LAC or CSE-risk children, whose ".all" is of all
_TWIN_PAIRS = [set(pair) for pair in EPISODES_PER_CHILD.values()]  # a figure's episodes and children
# One count set against the other: "the number of children rather than episodes", "children, not episodes".
_ONE_COUNT_NOT_OTHER = re.compile(r"\brather\s+than\b|\binstead\s+of\b|\bnot\b|n't\b|\bas\s+opposed\s+to\b")
# What a part of a question counts, as typed ("reports" and "cases" name episodes elsewhere, not here).
_COUNT_NOUNS = {
    EPISODE_WORD: re.compile(r"\b(?:episodes?|eps|incidents?|occasions?)\b"),
    CHILD_WORD: re.compile(r"\b(?:children|child|kids?|young\s+people|yp|cyp|individuals?)\b"),
}
_OR_MORE = re.compile(r"\s+or\s+(?:more|over|above|high)\b")  # "3 or more", "medium or high": one count, one risk
REPEAT_COUNT = "3plus"  # the family's children with 3 or more episodes ("CSE 3+", "3 or more", "repeat")
_REPEAT_SAID = re.compile(r"\b3\s*\+|\b3\s+or\s+more\b|\bthree\s+or\s+more\b|\brepeat\w*")
_TWIN_OF = {a: b for pair in EPISODES_PER_CHILD.values() for a, b in (pair, pair[::-1])}
_PLUS_BETWEEN = re.compile(r"\s\+\s")  # a plus between words, not "17+" or "3+ episodes"
# A colleague tagged in a channel message ("@Priya fyi", "cc @Mark"), typed as text, not the bot at the message's
# start (that is _MENTION's); a reading's own token ("@episodes.lac") has a dot and is kept.
_COLLEAGUE_MENTION = re.compile(r"(?:\bcc:?\s+)?(?<![\w.])@[A-Za-z][\w-]*\b(?![.\w])")
_TRAILING_TAGS = re.compile(r"(?:\s*#\w+)+\s*$")  # hashtags closing a message ("... ? #missing #LAC"): its tags
_MENTION = re.compile(r"^\s*@[^\s.,:]+(?=[\s,:]|$)")  # an @mention a message opens with (a reading's token has a ".")
_TITLE_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")  # the rest of a name: "@Missing Report"
# Whom the asker asks for ("Sarah has asked me to find out ...", "for Sarah's meeting", "For Sarah - ..."): a colleague,
# named with a capital, not a child; said around the question, not in it.
_ON_BEHALF = re.compile(
    r"\b[A-Z][a-z]+\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:asked|asking|wants|wanted|would\s+like|needs|needed)"
    r"(?:\s+me)?(?:\s+to\s+(?:find\s+out|ask|check|know|see|get))?\b"
    r"|\b[Ff]or\s+[A-Z][a-z]+(?:'s|’s)\s+(?:meeting|briefing|brief|board|report|paper|call|session|pack|update|visit)\b"
    r"|^\s*[Ff]or\s+(?!(?i:" + MONTH_NAMED + r"))[A-Z][a-z]+\s*[-–:,]"  # "For Sarah -", not "For April,"
)
# A question passed on from a meeting as it was asked ("Cllr Patel asks: ...", "Q from the board - ...", "Chair wants
# to know ...", "Member question: ..."): the asker's title and name are whom it is for, never a child.
_ASKER = (
    r"(?:(?i:cllr|councillor)\.?\s+[A-Z][a-z]+"
    r"|(?i:the\s+)?(?i:chair|board|panel|committee|member|members|mayor|police|ofsted|inspectors?|dcs|director))"
)
_RELAYED = re.compile(
    r"(?i:^\W*(?:q|qn|question)\s+(?:from|for)\s+(?:the\s+)?)" + _ASKER + r"\s*[-–:,]?"
    r"|(?i:^\W*(?:member|members'?|board|chair's|panel|committee)\s+(?:question|q)\s*[-–:,]?)"
    r"|\b" + _ASKER + r"\s+(?i:asks|asked|is\s+asking|are\s+asking|has\s+asked|have\s+asked|wants?\s+to\s+know"
    r"|would\s+like\s+to\s+know|wanted\s+to\s+know)(?i:\s+(?:whether|if|for))?\s*:?"
)
# What the one who asked meant, said of them after a question passed on ("She means appropriate and offered", "Note -
# she's asking because of the BME drop"): the words meant are kept, the note about her left out.
_ASKER_MEANT = re.compile(r"(?i)\b(?:i\s+think\s+|i\s+guess\s+|i\s+assume\s+)?(?:she|he)\s+(?:means|meant)\b")
_NOTE_AFTER = re.compile(r"(?i)(?:(?<=[.?!\n])|\s[-–]\s)\s*(?:note|nb|n\.b\.)\s*[-–:][^\n]*$")
# A sentence after the question saying what its figure is for ("What were total episodes in March 2019? Need it for a
# Q4 comparison.", "... It's for the board paper"): the figure's use, not more of what is asked.
_PURPOSE_SENTENCE = re.compile(
    r"(?i)(?<=[.?!])\s+(?:i\s+|we\s+)?(?:need(?:ed)?|want(?:ed)?)\s+(?:it|this|these|them|that|the\s+figures?)\s+for\b"
    r"[^.?!\n]*[.!]*\s*$"
    r"|(?<=[.?!])\s+(?:it's|its|it\s+is|this\s+is|that's|they're)\s+for\s+(?:the|a|an|my|our)\b[^.?!\n]*[.!]*\s*$"
)
# Figures of different tables named side by side ("CSE, CIN and EH June"): each is asked on its own.
ACROSS_TABLES = "!across"
NOT_SIDE_BY_SIDE = (
    "Those figures are in different tables of the report, and I set side by side only figures of one table (or the "
    "headline rows: all, LAC and CSE). Ask for each, as suggested below."
)
# The sections whose printed tables show every row of the catalogue, so a row's place is the same every month; the
# others leave rows out (codes with no episodes, "not recognised" rows), so "the second row" depends on the month.
SECTIONS_PRINTED_WHOLE = frozenset({"1", "2", "3", "4", "5"})
# The report's tables by the words people name them with ("the LAC table", "the RHI table"): their section.
TABLE_NAMES = {
    "headline": "1",
    "all episodes": "1",
    "episodes": "1",
    "lac": "2",
    "cla": "2",
    "looked after": "2",
    "cse": "3",
    "days": "4",
    "days missing": "4",
    "duration": "4",
    "rhi": "5",
    "rhis": "5",
    "return interview": "5",
    "return home interview": "5",
    "care status": "6",
    "social care status": "6",
    "status": "6",
    "gender": "7",
    "ethnicity": "8",
    "age": "9",
    "distance": "10",
    "placement distance": "10",
}
_TABLE_NAME = (
    r"(?P<name>" + "|".join(sorted(TABLE_NAMES, key=len, reverse=True)).replace(" ", r"\s+") + r")\s+(?:table|section)"
)
_TABLE = r"(?:the\s+)?(?:" + _TABLE_NAME + r"|(?:table|section)\s+(?P<number>\d{1,2})\b(?![.\d]))"
# A row's place in its table, and how far down it is (the last: -1).
_PLACES = {
    "first": 0,
    "top": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "last": -1,
    "bottom": -1,
    "final": -1,
}
_PLACE = r"(?:the\s+)?(?P<place>" + "|".join(_PLACES) + r")\s+(?:row|line)\b"
# "section 1, first row", "RHI table for June, first row" (the period said between is kept)
_ROW_AT_PLACE = re.compile(
    r"\b" + _TABLE + r"(?P<between>\s+(?:for|in|of)\s+[a-z0-9/]+(?:\s+\d{4})?)?\s*[,:;-]?\s*" + _PLACE
)
_PLACE_OF_ROW = re.compile(r"\b" + _PLACE + r"\s+(?:of|in|on)\s+" + _TABLE)  # "bottom line of the ethnicity table"
# A row named by its words, then where it is printed: "the OLA line in the care status table", "row in table 8 (the
# second one printed as 8.1)".
_ROW_IN_TABLE = re.compile(r"\b(?:row|line)\s+(?:of|in|on|from)\s+" + _TABLE + r"(?:\s*\([^)]*\))?")
_IN_TABLE = re.compile(r"\b(?:in|of|from|on)\s+(?:the\s+)?" + _TABLE_NAME)
_MONTHS_LISTED = re.compile(rf"\b{SHORT_MONTH}(?:\s*,\s*{SHORT_MONTH}){{2,}}\b(?!\s*(?:,\s*)?(?:and|&|\+)\s)")
# A month named as the one ranked ("the quietest month this year was May", "was May the busiest month this year?")
_MONTH_RANKED = re.compile(
    rf"\bmonths?\b.*\b(?:was|is|were)\s+(?:it\s+)?(?:in\s+)?{SHORT_MONTH}\b"
    rf"|\b(?:was|is)\s+{SHORT_MONTH}\s+(?:the\s+)?\w+est\s+months?\b"
)
_AS_ONE = re.compile(r"\b(?:across|over|during|throughout|different|distinct|individual|unique|separate)\b")
_ADDED_UP = re.compile(r"\b(?:total|totals|totalled|altogether|combined|sum|summed|together|overall|as\s+a\s+whole)\b")
# A sentence saying which measure will do, after the question ("... usually missing? average for June would be
# fine"): the question's own words
_WOULD_DO = re.compile(
    r"(?i)\?\s+(?=(?:the\s+|an?\s+)?(?:average|mean|median)\b[^?]*\bwould\s+be\s+(?:fine|ok(?:ay)?|great|perfect)\b)"
)
# Rows by their REF NO. from a table's first ("rows 9.1 to 9.9", "care status rows 6.1-6.6"): the table's rows.
_ROW_RANGE = re.compile(r"\b(?:rows?\s+)?(\d{1,2})\.1\s*(?:to|-|–|through|thru)\s*(?:row\s+)?\1\.(\d{1,2})[ab]?\b")
_COLUMN = re.compile(
    r"\b(?:the\s+)?(?!(?:last|first|final|next|other)\b)(\w+)\s+column\b(?:\s+(?:of|in)\s+" + _TABLE + r")?"
)
_PURPOSE_SENTENCE_OPENING = re.compile(r"^\W*(?:i\s+|we\s+)?(?:need(?:ed)?|want(?:ed)?)\s+\w+\s+for\b|^\W*\S+\s+for\b")
# Words putting right what was just said ("er, sorry, I mean", "no wait", "or rather"), before the period said instead.
_CORRECTION = re.compile(
    r"(?i)[\s,.;:!?(-]+(?:(?:er|erm|um|uh)[\s,]+)?(?:sorry|no\s+wait|wait|i\s+mean|i\s+meant|or\s+rather|rather|correction"
    r"|scratch\s+that|make\s+that)\b(?:[\s,:-]+(?:no|i\s+mean|i\s+meant|wait)\b)*"
    r"(?:\s+to\s+(?:type|say|write|put|ask))?[\s,:-]*"  # "(sorry, I meant to type April)"
)
MAX_WORDS_AFTER_CORRECTION = 2  # "I mean May", "sorry, no, April too": the period said instead, and little more
# A sentence closing in a lower-case "eh" ("mad one today eh", "busy week, eh?"): group 1 the sentence before it,
# group 2 a comma before it, group 3 what ends the sentence.
_TAG_EH = re.compile(r"((?:^|(?<=[.!?\n]))[^.!?\n]*?)(,)?\s+eh(\s*(?:[.!?]+|$))", re.MULTILINE)
# A note of what a figure is for, closing the message after a dash or in brackets ("(for the 3 o'clock)", "- need for
# 2nd draft", "- VAWG group want it"), and the words saying a note is a purpose ("for", "asked", "prep", "paper").
_PURPOSE_NOTE = re.compile(r"(?:\s[-–—]+\s+|\s*\()([^()\n]*?[^\W\d][^()\n]*?)\)?\s*[.!]*$")
_PURPOSE_SAID = re.compile(
    r"(?i)^\s*(?:for|need(?:ed)?|re:?)\b|\bfor\s+(?:the|a|an|my|our|his|her|their)\b|\b(?:asked|asking|wants?|"
    r"wanted|prep|paper|slides?|mtg|meeting|board|draft|summary|brief(?:ing)?|pack|report|handover|strategy"
    r"|comparison|return|submission|confirm|check|verify|please|pls|thanks|cheers|ta|sufficiency)\b"
)
# What another council did, told as context ("It was about 2 in my old LA", "My last authority was hitting 85% ..."):
# no part of what is asked here.
# How the figure is worked out, asked beside it ("Do you work it out of those accepted or those offered?"): the answer
# says what its share is of.
_ELSEWHERE = re.compile(
    r"(?i)\b(?:my|our)\s+(?:last|old|previous|former)\s+(?:authority|la|local\s+authority|council|place|job|employer)\b"
    r"|^\W*(?:and\s+)?(?:do|did|would)\s+you\s+(?:work|figure)\s+(?:it|that|this|them)\s+out\b"
)
# A period named as what another is set against ("fallen compared to April", "up since May"), not the one asked.
_MOVED = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll\w*|chang\w*|increas\w*|decreas\w*|dropp?\w*|(?:go|goes|went|gone)\s+(?:up|down)"
    r"|halved|doubled|trebled|tripled"
    r"|compar\w*|vs|v|versus|against|differ\w*|by\s+how\s+(?:much|many))\b"
)
# Rows set against each other ("LAC vs CSE", "girls v boys"): "vs" with no period's word on either side of it
_PERIOD_WORD = rf"(?:{MONTH_WORD}|q[1-4]|ytd|fy|\d{{4}}(?:-\d\d)?|last|this|previous|same|year|month|quarter)\b"
_ROWS_AGAINST = re.compile(
    rf"(?<![\w-])(?!{_PERIOD_WORD})[a-z][\w+/-]*\s+(?:vs\.?|v\.?|versus|against|compared\s+(?:to|with))\s+"
    rf"(?:the\s+)?(?:(?!{_PERIOD_WORD})[a-z]|\d+\s*(?:yrs?|years?|yo|miles?)\b)"  # "14 yr olds v 15 yr olds"
)
_WHICH_HIGHER = re.compile(r"\bwhich\s+(?:one\s+)?(?:is|was|were|are)\s+(?:higher|bigger|more|lower|smaller)\b")
_AGAINST = re.compile(r"\b(?:compar\w*\s+(?:to|with)|against|versus|vs|v|since|than|from|(?:up|down)\s+on)\b")
# "Away from home" said of going missing ("still away from home at the end of April"), not of a placement's distance.
_AWAY_FROM_HOME = re.compile(
    r"\b(been|was|were|are|is|be|being|still|go|goes|went|gone|going|time|usually|often)\s+away\s+from\s+home\b", re.I
)
_REPORT_TITLE = re.compile(
    r"\bmissing\s+from\s+(?:home\s*(?:/|or|and)\s*(?:from\s+)?care|care\s*(?:/|or|and)\s*(?:from\s+)?home)\b", re.I
)  # "missing from home or (from) care": the report's own name, every episode
_CAPITAL_CODE = re.compile(r"\b[A-Z]{3}\b")  # "LAV", typed in capitals as a code is
# Capitals that are no slip for a code: "as a CSV" is a format, not "CSE"; "OOA" is out of area, not "OLA"
_FILE_FORMATS = frozenset({"csv", "pdf", "xls", "ooa"})
_CODES = sorted(code for code in SPELT_OUT if len(code) == 3)  # LAC, CSE, RHI ...
_HOW_OFTEN = re.compile(r"\b(?:more|less|how|as)\s+often\b")
# People compared by number: "did we have more looked after young people going missing in June than April".
_MORE_PEOPLE = re.compile(
    r"\b(?:more|fewer|less)\s+(?:(?:looked\s+after|lac|cla|cic|cse|\w+)\s+){0,2}"
    r"(?:children|child|kids|young\s+people)\s+(?:go|goes|going|went|gone)\s+missing\b"
)
_TAG = re.compile(r"</?[A-Za-z]+>")  # mark-up pasted from the report
# A template's sentence with gaps for the bot to fill ("Fill in the blank: In June, ___ LAC episodes were reported",
# "RHIs offered [X], accepted [Y]", "(__%)"): each gap is a figure asked, a share where a % follows it.
_FILL_IN = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:fill\s+in\s+(?:the\s+)?(?:blanks?|gaps?)(?:\s+(?:for|in))?|complete(?:\s+this)?"
    r"|(?:blanks?|gaps?)\s+needed|need\s+the\s+(?:number|figures?)\s+for)\b\s*[:\-–]?"
)
_BLANK = re.compile(r"(?i)(?:_{2,}|\[\s*[a-z?]?\s*\]|(?<!\w)x{2,}(?!\w))(\s*%)?")
# Chat mark-up around words ("*offered*", "_last month_", "`6`", "~50"), a quoted line's "> " and a bullet: not words.
# ("~" before a number is "about": "~20?")
_MARK = r"(?:[_*`]|~(?!\s*\d))+"
_CHAT_MARKUP = re.compile(rf"(?<!\w){_MARK}|{_MARK}(?!\w)|(?m:^[ \t]*>[ \t]?(?![ \t]*\d))|(?m:^[ \t]*[•▪◦][ \t]*)")
# A section's number and title pasted from the report ("7 Breakdown by Gender", "10 LAC CYP - Placement distance")
_SECTION_PASTED = re.compile(r"^\s*(\d{1,2})\s+(?=(?:breakdown|lac|looked|all|child|number|return)\b)", re.I)
# A message that follows on from an earlier one ("and for LAC?", "same for May", "is that up on May?", "just the looked
# after ones?"): the bot keeps no conversation, so what it follows on from is not known.
# What the report's commentary (or someone) is quoted as saying, beside the question asked of it: "Commentary
# mentions an increase in 'not a client' - how many Not a Client episodes were there in June?" The quote's rows,
# periods and changes are not the question's.
_REPORTED = re.compile(
    r"^\W*(?:(?:the\s+)?(?:commentary|comments?|narrative|report|write\s*-?\s*up|it|the\s+pack|the\s+summary)\s+"
    r"(?:also\s+)?(?:says|said|mentions|mentioned|states|stated|notes|noted|refers\s+to|reports|claims|claimed|suggests"
    r"|highlights)\b"
    # ... or what the bot or a colleague said before: "You said 74 LAC episodes in June", "Priya says 116 in June"
    r"|(?:@[\w ]{1,30}?\s+)?(?:earlier\s+|before\s+|yesterday\s+)?(?:you|the\s+bot|bot|the\s+missing\s+bot|[a-z]+)\s+"
    r"(?:said|says|told\s+me|gave\s+me|reckons|reckoned|showed\s+me|shows)\b)"
)
# Where a quote ends and the question begins: a sentence's end, a dash, "but", or a comma before a question's word.
_QUOTE_ENDS = re.compile(
    r"(?<=[.?!;])\s+|\s+[-–—]+\s+|,?\s+but\s+"
    r"|,\s+(?=(?:how|what|whats|what's|which|is|was|are|were|can|could|so|when|does|did|has|have|show|compare)\b)"
)
_COUNT_NOUN = re.compile(
    r"\b(?:different|individual|distinct|separate)\s+(?:children|kids|young\s+people)\b|\bchildren\b"
)
# A figure said in a quote ("You said 74 LAC episodes in June"), not a band's number ("31-40 miles", "3 or more").
_QUOTED_FIGURE = re.compile(
    r"(?<![\w.-])\d+(?:\.\d+)?%?(?![\w.]|\s*(?:-|to\s+\d|\+|miles?|days?|working|years?|yrs?|or\s+more|and\s+over))"
)
_FOLLOW_UP = re.compile(
    r"^\W*(?:(?:and|&|ok\s+and|what\s+about|how\s+about|(?:the\s+)?same\s+(?:for|but|again|with)|now)\b(?=(?:\W+\w+){0,4}\W*$)"
    r"|(?:and\s+)?(?:is|was|has|does|did|how\s+does|how\s+did|what\s+about|can\s+you\s+split)\s+(?:that|those|these)\b"
    r"|(?:and\s+)?(?:just|only)\s+(?:the\s+)?[\w\s-]{1,30}?\s+ones\b)"
)
_COUNT_NAMED = re.compile(
    r"\b(?:how\s+many|number|episodes?|eps|children|kids|young\s+people|rhis?|return\s+(?:home\s+)?interviews?)\b"
)
_STILL_OUT = re.compile(r"\bstill\s+(?:missing|out|away|gone)\b")
FOLLOW_UP = (
    "I do not keep earlier messages, so I cannot tell what that follows on from. Ask the whole question, such as "
    '"LAC episodes May" or "children missing YTD".'
)
_COUNT_ASKED = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bhow\s+much\b")  # a count asked for, "?" or not
# The figures doubted, with none named ("numbers look off vs the cube", "these don't add up"): nothing here can check
# them against another system; the definitions say how each is counted.
_DOUBTED = re.compile(
    r"\b(?:look|looks|looking|seem|seems)\s+(?:a\s+bit\s+)?(?:off|wrong|odd|strange|weird|funny)\b"
    r"|\b(?:don't|dont|doesn't|do\s+not)\s+(?:match|add\s+up|tally|reconcile)\b"
)
NO_CHECK = (
    "I cannot check the figures against another system. Each row's definition says how it is counted: ask, for "
    'example, "define 1.2"; or ask for the figure to compare, such as "missing episodes June".'
)
# "between May and June (2019)", "May->Jun": one month against the other
_BETWEEN_MONTHS = re.compile(
    r"\bbetween\s+\w+(?:\s+\d{4})?\s+and\s+\w+|\b[a-z]{3,9}(?:\s+\d{4})?\s*(?:->|→)\s*[a-z]{3,9}\b"
    # "May to June, down how much?": by how much it changed from the one month to the other
    r"|\b[a-z]{3,9}\s+to\s+[a-z]{3,9}\b(?=.*\b(?:(?:up|down|by)\s+how\s+(?:much|many)|how\s+much\s+(?:up|down|change|differ)))"
)
_BY_HOW_MUCH = re.compile(r"\b(?:(?:up|down|by)\s+how\s+(?:much|many)|how\s+much\s+(?:up|down|change|differ))")
_POINTS_BACK = re.compile(r"\b(?:they|them|their|those|these)\b")  # a question whose subject the sentence before names
# "other than that, how many ...": talk ("excluding those from other LAs" is no talk)
_IDLE_AFTER_EXCEPT = re.compile(r"\s*(?:that|this|it)\b|\s*(?:those|these)\s*(?:[,.;?!]|$)")
# Where a message's sentences part (not after "i.e." or "e.g.", nor a short form's full stop: "avg no. eps each",
# "(ex. same day)", "inc. LAC", "vs. May").
_SENTENCE_END = re.compile(
    r"(?<=[.?!])(?<!\bi\.e\.)(?<!\be\.g\.)(?<!\bno\.)(?<!\bex\.)(?<!\binc\.)(?<!\bincl\.)(?<!\bexcl\.)"
    r"(?<!\bvs\.)(?<!\bapprox\.)\s+|\n+",
    re.IGNORECASE,
)
# "which month was quieter", "which was busier, April or May", "which of the two": the months are what is ranked (not
# "which ethnic group saw the biggest drop from May to June")
_WHICH_OF_MONTHS = re.compile(
    r"\b(?:which|what)\s+(?:month|one|of\s+(?:the\s+|those\s+)?(?:two|them|months))\b|\bwhich\s+(?:was|is|were|had|saw)\b"
)
# "June and YTD", "June + ytd cols": the month's table, which has the year to date's column beside it
_MONTH_AND_YEAR = re.compile(
    r"\b" + MONTH_NAMED + r"\s*(?:and|&|\+|,|plus)\s*(?:the\s+)?(?:ytd|year\s+to\s+date)\b"
    r"|\b(?:ytd|year\s+to\s+date)\s*(?:and|&|\+|,|plus)\s*(?:for\s+)?" + MONTH_NAMED
)
# A child's own details asked ("need names", "where they're at", "their addresses"): never given (talk.NOT_HELD_TOPICS)
_CHILD_DETAILS = re.compile(
    r"\b(?:need|want|give|send|tell|list|get|with|their|his|her)\s+(?:me\s+|us\s+)?(?:the\s+|their\s+)?names?\b"
    r"|\bnames?\s+(?:and|of\s+(?:the|them|those)|please|pls)\b|\bwho\s+they\s+are\b|\bwhere\s+(?:they|he|she)(?:'re|\s+are|\s+is|'s)\s+(?:at|placed|living|staying)\b|\baddress(?:es)?\b"
    r"|\bdates?\s+of\s+birth\b|\bdobs?\b"
)
# Children listed, or where each is placed, asked in the question itself ("list the LAC kids placed 101+ miles who went
# missing in june and where they're placed"): no count answers it (a date of birth "not recorded" is a row, so not here)
_CHILDREN_LISTED = re.compile(
    r"\blist\s+(?:out\s+)?(?:the\s+|all\s+(?:the\s+)?|of\s+(?:the\s+)?)?"
    r"(?:(?!(?:figures?|numbers?|counts?|totals?|stats)\b)\w+\s+){0,2}?(?:kids|children|young\s+people|bairns)\b"
    r"(?!\s+(?:missing\s+)?(?:figures?|numbers?|counts?|totals?|stats)\b)(?!.*\b(?:by|each|per)\s+month\b)"
    r"|\band\s+where\s+(?:they|he|she)(?:'re|\s+are|\s+is|'s)\s+(?:placed|living|staying)\b(?!\s+\d)"
)
# Parts each naming a number ("more 12 year olds or 13 year olds"): a count word before them compares the two
_DIGIT = re.compile(r"\d")
_COUNT_COMPARED_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(COUNT_COMPARED)) + r")\s+(?=\d)")
# "offered, accepted, done in time" (" + " is "and"); not the "or" of "10 miles or under"
_CONNECTOR = re.compile(r"\band\b|\bor\b(?!\s+(?:under|less|below|fewer|younger|shorter)\b)|&|;|,|\bplus\b")


@dataclass(frozen=True)
class Question:
    kind: str  # figure, breakdown, profile, help, define, per child, length
    subject: str | None  # an indicator key, a breakdown name; for per child the episodes key; for length its measure
    period: Period
    share: bool = False  # shown to the channel
    text: str = ""
    bands: tuple[str, ...] = ()  # rows added into the one figure asked for ("at least 2 days": 4.3 to 4.7)
    also: tuple[str, ...] = ()  # further figures shown beside the subject ("girls and boys")
    compare: tuple[Period, ...] = ()  # further periods, each shown beside the first with the change
    by_month: bool = False  # month by month over the period
    extreme: bool = False  # name the largest and smallest month, or row of a breakdown
    proportion: bool = False  # the share of its base asked for
    alternatives: tuple[tuple[str, str], ...] = ()  # other readings, offered under the answer: (label, question)
    family: str = ""  # length: of all, LAC or CSE-risk episodes
    nearest: bool = False  # only a wider band holds what was asked ("more than a week": more than 5 days): said so
    stated: tuple[str, ...] = ()  # figures the question states for checking ("Can you confirm LAC was 75?")
    thresholds: tuple[Threshold, ...] = ()  # what the figure is asked against ("is LAC under 100 this year?")
    complement: bool = False  # the base less the rows asked ("episodes other than White British", "not LAC")
    of_whole: bool = False  # a part row's share of the row it is part of ("OLA as a % of not a client")
    relative: bool = False  # a change also as a share of the figure before ("by what percentage did it rise")
    monthly_average: bool = False  # the months' mean beside them ("average episodes per month this year")
    smallest: bool = False  # a table's ranking from the bottom ("bottom two ethnic groups"): its smallest rows named
    # a table's rows left out of its ranking ("apart from White British, which ethnic group was biggest?")
    left_out: tuple[str, ...] = ()
    usual: bool = False  # the month against the average of its financial year's other months ("higher than usual?")
    benchmark: bool = False  # another area's figure asked beside ("how does that sit against England?"): not held
    # which months of the run meet the threshold asked ("how many months was LAC over 80?")
    months_meeting: bool = False
    reasons: bool = False  # why it moved asked beside it ("why did CSE go up in June?"): the report holds no reasons
    advice: bool = False  # advice asked beside it ("how many RHIs in time in June, and what should we do"): none given
    part_of_period: bool = False  # the month's figure as a share of the longer period's ("June's share of the YTD")
    with_rest: bool = False  # the row and the rest of its base side by side ("LAC/non-LAC split for June")
    defined: bool = False  # what the row counts asked beside its figure ("what counts as a CSE episode and how many?")
    # one quarter said two ways ("last quarter, basically, Q1"): one period where both are the same months, both shown
    # where they are not ("last quarter, so Q2" in July)
    said_twice: bool = False
    ratio: bool = False  # the first row's count over the second's asked ("ratio of boys to girls")
    rate: str = ""  # a rate asked ("episodes a week in June"): its unit, "day", "week" or "fortnight"

    @property
    def keys(self) -> tuple[str, ...]:
        """The rows the figure adds up: its bands, or its subject alone."""
        return self.bands or ((self.subject,) if self.subject else ())


@dataclass(frozen=True)
class NotUnderstood:
    problem: str  # what was not understood, in words
    suggestions: list[str] = field(default_factory=list)
    unread: bool = False  # words not read, or no figure told: not what the report does not hold, nor about a child


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
        timing = {"last", "this", "now", "quarter", "previous", "current", "today", "plus", "than", "over"}
        self.known |= timing
        self.known |= SHAPE_WORDS | {"since", "past", "through", "until", "till", "first", "second", "third", "fourth"}
        self.known |= set(SEASONS)  # "last summer" is a season, never read as "summary"
        # Codes and aliases ("ABAN", "MOTH") are typed exactly or not at all: a misspelt word is never read as one.
        codes = {stem(w.lower()) for code, _ in config.ethnicity.codes for w in (code,)}
        codes |= {stem(alias.lower()) for alias in config.ethnicity.aliases}
        # Text-speak ("mssng": missing) reads as the reader's own words, never a code or an alias ("mth" is no "MOTH")
        self.skeletons = build_skeletons(w for w in [*self.known, *EVERYDAY_WORDS] if stem(w) not in codes)
        # A misspelling is read as a word that names something; as a word that names nothing ("reporing",
        # "reporting") only when nearer still, or a word we do not read ("county") would vanish into filler.
        empty = FILLER | {phrase for phrase, said in SYNONYMS.items() if not said} | timing | SHAPE_WORDS
        # Only whole words: "leaving" of "leaving care" alone names nothing, so "lating" is not read as it.
        partial = (
            {w for phrase in SYNONYMS if " " in phrase for w in phrase.split()} - set(self.weights) - set(SYNONYMS)
        )
        self.correctable = sorted(
            w
            for w in self.known - partial
            if w.isalpha() and len(w) >= MIN_CORRECTABLE_LETTERS and w not in codes | empty
        )
        self.correctable_filler = sorted(
            w for w in empty if w.isalpha() and len(w) >= MIN_CORRECTABLE_FILLER_LETTERS and w in self.known
        )
        self.short_filler = sorted(w for w in empty if w.isalpha() and MIN_CORRECTABLE_LETTERS <= len(w) < 6)
        self.long_months = [m for m in MONTH_NAMES if len(m) > MIN_CORRECTABLE_LETTERS - 1]
        self.short_months = sorted({m[:3] for m in MONTH_NAMES})  # "may", "jun", "apr"
        # Words of a phrase ("after" of "looked after"): one slip in five letters or more ("afetr").
        self.correctable_partial = sorted(
            w for w in partial if w.isalpha() and len(w) >= MIN_CORRECTABLE_PARTIAL_LETTERS
        )
        self.by_id = {reading.id: reading for reading in self.readings}
        # "Section 6", "table 9": the report's section by its number, as its (first) table.
        self.section_tables: dict[str, str] = {}
        for reading in self.readings:
            if reading.kind == BREAKDOWN:
                self.section_tables.setdefault(reading.section, KEY_MARK + reading.id)
        catalogue = build_catalogue(config)
        # Each section's printed rows in the report's order, for a row named by its place ("section 3, the first row").
        self.section_rows: dict[str, list[str]] = {}
        # ... and of the others, the summary row printed last whatever the month (8: Total BME), for "the bottom line"
        self.section_last: dict[str, str] = {
            i.section: i.ref for i in catalogue if i.key in SUMMARY_ROWS and i.key not in PART_OF
        }
        self.section_sizes = Counter(indicator.section for indicator in catalogue)
        for indicator in catalogue:
            printed_whole = indicator.section in SECTIONS_PRINTED_WHOLE
            if printed_whole and indicator.ref not in ("-", "") and indicator.ref.split(".")[0] == indicator.section:
                self.section_rows.setdefault(indicator.section, []).append(indicator.ref)
        self.ethnic_groups = build_ethnic_groups(config)
        self.ethnic_names = build_ethnic_names(config)
        # Band tokens and a clarification's choices are lower case ("@ethnicity.c1"); the rows' keys keep the config's
        # case ("ethnicity.C1"): every row's key, by its lower case
        self.key_case = {indicator.key.lower(): indicator.key for indicator in catalogue}
        self._corrections: dict[str, tuple[str, float]] = {}
        self.ordinary = load_ordinary_words()  # everyday English, read past when it names nothing
        # Rows with a complement ("episodes other than White British": all episodes less the row), by key.
        self.complemented = {i.key for i in catalogue if complement_base(i) is not None}
        self.denominators = {i.key: i.denominator for i in catalogue}  # what each row's share is of
        self._scores: dict[tuple[tuple[str, float], ...], list[Scored]] = {}

    def correct(self, word: str) -> tuple[str, float]:
        """A misspelt word as the nearest known word and how near (1.0 for a known word)."""
        if word in self.known or stem(word) in self.known:
            return word, 1.0
        if len(word) < MIN_CORRECTABLE_LETTERS:  # "jne", "jly": a month with one letter left out, and nothing else
            month = next((m for m in self.long_months if OSA.distance(word, m) == 1 and word[0] == m[0]), None)
            # "mya", "jnu": a short month's two last letters swapped (never another word's: "man" is no "may")
            # ("otc" is over the counter; "mya" a name too, read as May by the words around it: vocabulary.py)
            swaps = (m for m in self.short_months if _letters_swapped(word, m) and word not in ("otc", "mya"))
            month = month or next(swaps, None)
            return (month, 1.0) if month and word.isalpha() else (word, 1.0)
        if word not in self._corrections:
            match = process.extractOne(word, self.correctable, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
            filler = process.extractOne(word, self.correctable_filler, scorer=fuzz.ratio)
            if match is not None and filler is not None and filler[1] > match[1] and _one_slip(word, filler[0]):
                match = filler  # "missng" is "missing", nearer than "missings"
            swapped = next((w for w in self.short_filler if len(w) == len(word) and _one_slip(word, w)), None)
            if match is None and swapped is not None and sorted(swapped) == sorted(word):
                match = (swapped, 100.0 * (1 - 1 / len(word)), 0)  # "mnay": two letters swapped in a short word
            if match is None:  # one slip (a letter wrong, missing, doubled, or two swapped) in a long word
                near = process.extractOne(
                    word,
                    self.correctable_filler,
                    scorer=OSA.normalized_similarity,
                    score_cutoff=FILLER_CORRECTION_CUTOFF,
                ) or process.extractOne(
                    word,
                    self.correctable_partial,
                    scorer=OSA.normalized_similarity,
                    score_cutoff=PARTIAL_CORRECTION_CUTOFF,
                )
                match = (near[0], near[1] * 100, near[2]) if near else None
            if match is not None and not _slips_apart(word, match[0]):
                match = None  # "together" is no slip of "other", nor "turn" of "return": a word not read, not a guess
            if match is None and word.isalpha() and word not in self.ordinary:
                # An English misspelling ("meny", "brakedown") is read as the word the list makes of it, when that is
                # one the reader knows and a slip away: never a word it does not read, so never a name ("kayden").
                spelled = correct_spelling(word)
                if (
                    spelled != word
                    and (spelled in self.known or stem(spelled) in self.known)
                    and _slips_apart(word, spelled)
                ):
                    match = (spelled, SPELLING_NEARNESS * 100, 0)
            if match is None and len(word) >= MIN_TWICE_SWAPPED_LETTERS and word not in self.ordinary:
                # "epsidoes": two pairs of letters swapped in a long word, the one word of the vocabulary they make
                swapped_twice = [
                    w
                    for typed in dict.fromkeys((word, stem(word)))
                    for w in self.correctable
                    if len(w) == len(typed) and w[0] == typed[0] and sorted(w) == sorted(typed) and _two_swaps(typed, w)
                ]
                match = (swapped_twice[0], SPELLING_NEARNESS * 100, 0) if len(swapped_twice) == 1 else None
            if match is not None and word in self.ordinary and match[0] not in FILLER and stem(match[0]) != stem(word):
                match = None  # an everyday English word is no slip for a word that names a figure ("write", "white")
            self._corrections[word] = (match[0], match[1] / 100) if match else (word, 1.0)
        return self._corrections[word]

    def score(self, words: dict[str, float]) -> list[Scored]:
        """Every reading's score for the question's weighted words, best first (kept: a question's clauses and
        sentences are scored more than once while it is read)."""
        key = tuple(sorted(words.items()))
        if (kept := self._scores.get(key)) is not None:
            return list(kept)
        ranked = self._score(words)
        if len(self._scores) >= MAX_KEPT_SCORES:
            self._scores.clear()
        self._scores[key] = ranked
        return list(ranked)

    def _score(self, words: dict[str, float]) -> list[Scored]:
        total = sum(words.values())
        if not total:  # nothing said that any reading is called by: none ranks
            return []
        ranked = []
        for reading in self.readings:
            best = -1.0
            # Its words are all it is called by (code, label, alias together); what it leaves unsaid is per phrasing.
            every = frozenset().union(*reading.phrasings)
            explained = sum(
                weight * (1.0 if word in every else QUALIFIER_CREDIT if word in reading.qualifiers else 0.0)
                for word, weight in words.items()
            )
            for phrasing in reading.phrasings:
                own = sum(self.weights.get(w, 0.0) for w in phrasing)
                unsaid = sum(self.weights.get(w, 0.0) for w in phrasing if w not in words)
                flipped = sum(NEGATION_PENALTY for mark in MEANING_MARKS if (mark in phrasing) != (mark in words))
                best = max(best, explained / total - MISSING_PENALTY * (unsaid / own if own else 0.0) - flipped)
            ranked.append(Scored(reading, best))
        ranked.sort(key=lambda s: -s.score)
        return ranked

    def words_of(self, rest: str, nearness: dict[str, float]) -> dict[str, float]:
        """The question's content words (stems, synonyms read, quantities as keys), each with its weight."""
        words: dict[str, float] = {}
        for word in content_stems(split_words(rest)):
            weight = self.weights.get(word, self.unknown_weight) * nearness.get(word, 1.0)
            words[word] = max(weight, words.get(word, 0.0))
        return words

    def read(self, text: str) -> Question | NotUnderstood | Clarification:
        """Read a question; a Clarification when readings tie; NotUnderstood says what was not read. A ratio asked
        ("ratio of boys to girls in June") is its two rows side by side, in the order asked, marked as a ratio."""
        text = _COMMAND_TYPED.sub("", text, count=1)  # as Slack gives a slash command's text: without the command
        sides, unratioed = read_ratio(text)
        if sides is None:  # no ratio, or one read as a figure of its own ("for every child, how many episodes")
            return self._with_rows_left_out(text, self._read_rated(unratioed))
        reading = self._read_rated(unratioed)
        if not isinstance(reading, Question):
            return reading
        two = reading.kind == FIGURE and (len(reading.also) == 1 or (reading.with_rest and not reading.also))
        shaped = (reading.extreme and not reading.by_month) or reading.rate or reading.usual or reading.part_of_period
        shaped = shaped or (reading.proportion and not reading.with_rest)  # "LAC:non-LAC" is shown with shares
        mixed = bool(reading.also) and counts_children(reading.keys) != counts_children(reading.also)
        if not two or shaped or mixed or reading.months_meeting or reading.complement:
            return NotUnderstood(NO_RATIO_HERE, self.suggest(text))
        named = _keys_read(self._read_rated(sides[0]))  # the first side's row, or the rows it is asked back between
        if reading.also and not reading.bands and reading.also[0] in named and reading.subject not in named:
            reading = replace(reading, subject=reading.also[0], also=(str(reading.subject),))  # in the order asked
        return replace(reading, ratio=True)

    def _with_rows_left_out(
        self, text: str, reading: Question | NotUnderstood | Clarification
    ) -> Question | NotUnderstood | Clarification:
        """A table's largest rows asked apart from some of them ("apart from White British, which ethnic group was
        biggest?", "which age, other than 14, had the most"): those rows are left out of the ranking (it had named
        White British the largest)."""
        if not (isinstance(reading, Question) and reading.kind == BREAKDOWN and reading.extreme):
            return reading
        excepted = COMPLEMENT_SAID.search(text.lower())
        if excepted is None:
            return reading
        phrase = re.split(r"[,;.?!]|\b(?:which|what)\b", text[excepted.end() :], maxsplit=1)[0]
        rows: set[str] = set()
        for part in re.split(r"\s+(?:and|&|or|nor)\s+|\s*/\s*", phrase):  # "White British and Gypsy Roma": each
            named = {self.key_case.get(k.lower(), k) for k in _keys_read(self._read_rated(part))}
            named = {key for key in named if key.startswith(f"{reading.subject}.")}
            if len(named) != 1:  # a part naming no row of the table, or several: the exception is not claimed
                return reading
            rows |= named
        return replace(reading, left_out=tuple(sorted(rows)))

    def _read_rated(self, text: str) -> Question | NotUnderstood | Clarification:
        """Read a question; a rate a day or a week asked ("episodes a week in June") is the figure read without the
        rate's words, marked with its unit."""
        unit, unrated = read_rate(text)
        if not unit:
            return self._read_unrated(text)
        reading = self._read_unrated(unrated)
        if isinstance(reading, Clarification) and counts_children(tuple(_keys_read(reading))):
            reading = self._read_unrated(f"{unrated} episodes")  # "how many a day went missing": episodes have a rate
        if not isinstance(reading, Question):
            return reading
        if counts_children((*reading.keys, *reading.also)):
            return NotUnderstood(NO_CHILD_RATE, self.suggest(text))
        if reading.thresholds or reading.stated:  # "do we average more than 4 a day": the count is no rate to check
            return NotUnderstood(NO_RATE_CHECK, self.suggest(text))
        # "RHI acceptance rate per week" (a share's rate), "% change in the weekly rate"
        if SHARE_RATE.search(text.lower()) or reading.relative:
            return NotUnderstood(NO_RATE_HERE, self.suggest(text))
        alone = reading.kind == FIGURE and not (reading.extreme and not reading.by_month)
        alone = alone and not (reading.proportion and not reading.with_rest)  # "LAC and non-LAC": shares beside
        if (
            not alone
            or reading.usual
            or reading.part_of_period
            or reading.months_meeting
            or STILL_MISSING in reading.keys
        ):
            return NotUnderstood(NO_RATE_HERE, self.suggest(text))
        return replace(reading, rate=unit)

    def _read_unrated(self, text: str) -> Question | NotUnderstood | Clarification:
        """Read a question; a Clarification when readings tie; NotUnderstood says what was not read. Another area's
        figures asked beside this council's ("our LAC episodes in June - and how does that sit against England?") are
        left out, and the answer says the report holds none; what a term means asked beside its figure ("what counts
        as a CSE episode and how many in June?") is the figure, with what its row counts said under it."""
        text, benchmark = without_benchmark(text)
        if names_month_by_event(text):  # "the month with the CSE spike", "since the peak": which month is not said
            return NotUnderstood(EVENT_MONTH, self.suggest(text))
        if (same := split_same_for(text)) is not None and (both := self._same_for(*same, text)) is not None:
            return both  # "LAC episodes for June, and the same for CSE?"
        asked, term = without_meaning_asked(text)  # "what counts as a CSE episode and how many in June?"
        meant = self._read_message(asked) if term else None
        defined = isinstance(meant, Question) and self._figure_of_term(meant, term, asked)
        # not "what counts as a missing episode and how many girls": not the term's figure
        reading = meant if meant is not None and defined else self._read_message(text)
        if isinstance(reading, NotUnderstood) and (why := without_why(text))[1]:
            moved = self._read_message(why[0])  # "why did CSE go up in June?": the figures, without a reason
            # only a change or a figure asked ("why do kids go missing", "June - reasons why kids went missing?" stay
            # refused: no figure asked)
            nothing = re.search(r"\b(?:zero|nil|nothing|none)\b", why[0]) is not None  # "why is July zero?"
            named = (
                not nothing
                and isinstance(moved, Question)
                and (
                    bool(moved.compare)
                    or moved.by_month
                    or moved.kind == BREAKDOWN
                    or _FIGURE_WORDS.search(why[0]) is not None
                )
            )
            if isinstance(moved, Question) and moved.kind != HELP and named:
                reading = replace(moved, reasons=True)
        if isinstance(reading, NotUnderstood) and reading.problem == NO_ADVICE:
            reading = self._figures_beside_advice(text) or reading  # "... in June, and what should we do": the figure
        own_extreme = isinstance(reading, Question) and reading.kind == FIGURE and reading.extreme and reading.by_month
        if names_extreme_month(text) and isinstance(reading, Question) and not own_extreme:
            return NotUnderstood(EVENT_MONTH, self.suggest(text))  # "care status breakdown for the busiest month"
        if isinstance(reading, Question) and (benchmark or defined):
            return replace(reading, benchmark=benchmark, defined=defined)
        return reading

    def _same_for(self, first: str, other: str, text: str) -> Question | NotUnderstood | None:
        """A question and "the same" asked for another period ("gender breakdown for June and the same for YTD": June
        against the year so far) or another row ("Early Help episodes in April? Same for CIN": both, in April, side by
        side, counted as the first counts); None where the message is read whole as before (the second part names
        several rows, a shape of its own or what is not clear, or the first part is no single figure); refused when
        the two can not be answered together."""
        asked = self._read_message(first)
        if not isinstance(asked, Question) or asked.kind in (HELP, DEFINE, PROFILE):
            return None
        periods, rest, _ = read_periods(other.lower())
        said = self._named_words(rest)  # "the same for CSE", "same for children", "same for all episodes"
        if any(p in (SAME_LAST_YEAR, SO_FAR, SEASON) for p in periods) or read_shape(rest)[0] != Shape():
            return None  # "the same month last year", "same for CSE as a percentage": read whole, as before
        then = [period_before(asked.period) if p in (PREVIOUS, MONTH_BEFORE) else p for p in attach_years(periods)]
        if said and then == [asked.period]:
            then = []  # "LAC episodes in June, same for CSE in June": the same period said again
        if then and not said:  # "... and the same for the month before", "same for YTD"
            if len(then) != 1 or then[0] is None or asked.compare or asked.by_month:
                return None
            if asked.kind not in (FIGURE, BREAKDOWN, PER_CHILD, LENGTH):
                return NotUnderstood(TWO_QUESTIONS, self.suggest(text))
            return replace(asked, compare=(then[0],), text=text)
        listed = _CONNECTOR.search(re.sub(r"\bbetween\s+\S+\s+and\b", " ", rest))  # not "between 11 and 20 miles"
        if not said or then or asked.kind != FIGURE or asked.bands or not asked.subject or listed:
            # per child or a length of another row, a row and a period, or several rows: as before
            return (
                NotUnderstood(TWO_QUESTIONS, self.suggest(text)) if said and asked.kind in (PER_CHILD, LENGTH) else None
            )
        second = self._read_message(f"{other} {self._counted_as(asked.subject, said, rest)}".strip())
        if not isinstance(second, Question) or second.kind != FIGURE or not second.subject:
            return None
        if second.bands or second.also or second.compare or second.by_month or second.proportion or second.complement:
            return None
        if second.subject == asked.subject or second.subject in asked.also:
            return replace(asked, text=text)
        first_row, second_row = self.by_id.get(asked.subject), self.by_id.get(second.subject)
        if first_row is None or second_row is None:
            return None
        base = ALL_EPISODES in (asked.subject, second.subject)  # "episodes in June, same for girls": of all episodes
        if not (base or _sections_of(first_row) & _sections_of(second_row)):
            suggested = [f"{r.label} {period_text(asked.period)}".strip() for r in (first_row, second_row)]
            return NotUnderstood(NOT_SIDE_BY_SIDE, suggested)  # "LAC episodes in June - same for RHIs offered"
        return replace(asked, also=(*asked.also, second.subject), text=text)

    def _counted_as(self, subject: str, said: set[str], rest: str) -> str:
        """What the second row is to count, said after it: as the first counts ("kids ... same for LAC": LAC
        children; "children with 3 or more episodes ... same for LAC kids": LAC's 3+), unless it says its own count
        ("same for children")."""
        counted = next((noun for prefix, noun in _COUNTED_AS if subject.startswith(prefix)), "")
        if subject.startswith(_COUNTED_AS[0][0]):
            return "" if _REPEAT_SAID.search(rest) else counted
        return "" if said & GENERIC_WORDS else counted

    def _figure_of_term(self, reading: Question, term: str, asked: str) -> bool:
        """Whether the figure read is the one the term whose meaning is asked names (its row, or a row of the table it
        names), alone: not a list of figures, whose rows' meanings differ ("what does OLA mean and how many not a
        client episodes"), nor the first of two figures asked ("... and how many CSE children?")."""
        if reading.kind not in (FIGURE, BREAKDOWN) or reading.also or not term or len(_HOW_MANY.findall(asked)) > 1:
            return False
        meant = self._read_message(term)
        if not isinstance(meant, Question):
            return False
        if meant.kind == BREAKDOWN:  # "What's an RHI and how many were offered in June?": a row of its table
            return self._section_of(meant) == self._section_of(reading) is not None
        return meant.kind == reading.kind and meant.subject == reading.subject

    def _section_of(self, question: Question) -> str | None:
        """The report section of a figure or a whole table read."""
        prefix = GROUP_ID_PREFIX if question.kind == BREAKDOWN else ""
        reading = self.by_id.get(f"{prefix}{question.subject}")
        return reading.section if reading and question.kind in (FIGURE, BREAKDOWN) else None

    def _read_message(self, text: str) -> Question | NotUnderstood | Clarification:
        """A question read, as read() does, past another area's figures. An email typed on one line ("RE: May figures
        Hi, how many LAC episodes?") is its body when that names a row and a period of its own, else its subject and
        its body together ("May figures, how many LAC episodes?", "CSE, how many episodes in May?")."""
        if (email := split_email_line(text)) is not None:
            subject, body = email
            reading = self._read_message(body)
            named = isinstance(reading, Question) and reading.period.kind != PeriodKind.LATEST
            own_row = self._row_words(body.lower(), {}) or not self._row_words(subject.lower(), {})
            if named and own_row and self._names_something(read_periods(body.lower())[1]):
                return reading
            together = self._read_one(f"{subject}, {body}" if subject else body)
            # a subject that only muddles ("RE: missing data Hi, children missing in April?"): the body
            return reading if isinstance(reading, Question) and not isinstance(together, Question) else together
        return self._read_one(text)

    def _read_one(self, text: str) -> Question | NotUnderstood | Clarification:
        """A message read, past an email's marks.

        A message of several sentences not read whole ("Hi, I'm new here and trying to get my head round the report.
        How many missing episodes were there in June?") is the one sentence of it that reads as a question, if only
        one does; never past a refusal for what the report does not hold, or one about a child."""
        text = _as_typed(text)  # "LAC &amp; CSE", "how’s", a non-breaking space: as the person typed them
        text = _NEGATIVE_QUESTION.sub(r"\1", text)  # "Didn't LAC go down in June?": "Did LAC go down in June?"
        text = _self_corrected(text)  # "... in June? er, sorry, I mean May": May
        text = _without_pasted_cells(text)  # "CSE | Apr 17 | May 16 | Jun ??": a spreadsheet's cells, not years
        text = read_email_line(read_email_body(text))  # a forwarded email pasted in, or typed on one line: what it asks
        text = _WOULD_DO.sub(" ", text)  # "how long are they usually missing? average for June would be fine"
        text = _without_addressee(text)  # "@Missing Report Hi, ...": the bot, typed
        text = self._without_log_marks(text)  # "[09:14] how many ...", "INC0045512 - ... (urgent)"
        text = _TRAILING_TAGS.sub("", _COLLEAGUE_MENTION.sub(" ", text)).replace("#", "")  # "cc @Mark #LAC"
        text = _SECTION_PASTED.sub(r"section \1 ", _TAG.sub(" ", text))  # "<i>(not inc. N/A)</i>", "7 Breakdown by"
        text = _FILL_IN.sub(" ", text)  # "Complete this: ..."
        text = without_quiz_marks(text)  # "True or false: ...", "(a) 64, (b) 74 or (c) 84?"
        text = without_sum_checks(text)  # "... and do they sum to the 375 YTD?"
        text = _BLANK.sub(lambda m: " % " if m.group(1) else " how many ", text)  # "In June, ___ LAC episodes ..."
        text = _CHAT_MARKUP.sub(" ", text)  # "LAC episodes _last month_?", "> need it for the equalities return"
        text, relayed = _RELAYED.subn(" ", text)  # "Cllr Patel asks: how many ...", "Q from the board - ..."
        text = _ON_BEHALF.sub(" ", text)  # "Sarah has asked me to find out how many ..."
        text = _PURPOSE_SENTENCE.sub(self._purpose_sentence, text)  # "... Need it for a Q4 comparison."
        if relayed:  # a note saying what she meant is kept ("Note - she means May"), another note is not
            text = _NOTE_AFTER.sub(lambda m: m.group(0) if _ASKER_MEANT.search(m.group(0)) else " ", text)
            text = _ASKER_MEANT.sub(" ", text)
        text = _TAG_EH.sub(self._tag_eh, text)  # "mad one today eh": a tag, not Early Help
        text = self._without_elsewhere(text)  # "... It was about 2 in my old LA"
        text = _AWAY_FROM_HOME.sub(r"\1 missing", _last_year_month(text))
        text = _CAPITAL_CODE.sub(self._code_meant, text)  # "LAV episodes": LAC, one key away on a phone
        text = self._without_quotes(text)  # "Commentary says ... - how many ...?": the question, not the quote
        text = _REPORT_TITLE.sub(" missing", text)
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        about = [s for s in sentences if _ABOUT_DATA.search(s.lower())]
        if about:  # "How many episodes in June? And when was this data last updated?": the as-at time says when
            others = [s for s in sentences if s not in about]
            beside = [
                r
                for r in map(self._read_whole, others)
                if isinstance(r, Clarification)
                or (isinstance(r, Question) and r.kind != HELP)
                or (isinstance(r, NotUnderstood) and r.unread)  # not "Thanks!"
            ]
            if not beside:
                return Question(ABOUT_DATA, None, Period(PeriodKind.LATEST), text=text)
            text = " ".join(s for s in sentences if s not in about)
        follow_up = _FOLLOW_UP.match(text.lower()) and not _COUNT_NAMED.search(text.lower())
        if follow_up and not _STILL_OUT.search(text.lower()):  # not "now - anyone still missing?"
            return NotUnderstood(FOLLOW_UP, self.suggest(text))  # "and for LAC?": of what, earlier, is not kept
        if self._parts_ask_apart(text):  # "1) ... each child in June? 2) The same for LAC only."
            return NotUnderstood(TWO_QUESTIONS, self.suggest(text))
        whole = self._read_whole(text)
        if not isinstance(whole, Question):  # "total episodes june - for the 3 o'clock": what it is for, after it
            text, whole = self._without_purpose(text, whole)
        if not isinstance(whole, Question):  # "age breakdown for june apart from the under tens": the whole table
            whole = self._table_without_exception(text) or whole
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        if isinstance(whole, NotUnderstood) and whole.unread and self._asks_of_a_name(sentences):
            return whole  # "... how many times Jayden Smith has gone missing? #LAC": never another sentence alone
        if isinstance(whole, Question) and _CHILDREN_LISTED.search(text.lower()):
            return NotUnderstood(ONE_CHILD, [])  # never a count beside a list of children asked for
        if self._asks_another_row_after(text, whole):
            return NotUnderstood(TWO_QUESTIONS, self.suggest(text))
        if len(sentences) < 2 or whole == NotUnderstood(ONE_CHILD, []):
            return whole  # one sentence, or about a child
        readings = [self._read_whole(sentence) for sentence in sentences]
        details = [r for r, s in zip(readings, sentences, strict=True) if _CHILD_DETAILS.search(s.lower())]
        refused = next((r for r in details if isinstance(r, NotUnderstood) and not r.unread), None)
        if refused is not None:
            # "which of the lal uns is placed 101 mile plus? need names an where they're at": a child's details asked
            # in another sentence refuse the whole message (never a count beside them, as if half answered)
            return refused
        if not isinstance(whole, Question):
            after_context = self._question_after_context(text, sentences, readings)
            if after_context is not None:
                return after_context
        if isinstance(whole, NotUnderstood) and not whole.unread:
            return whole  # refused for what the report does not hold
        if isinstance(whole, Question):
            asked_alone = self._question_after_context(text, sentences, readings, naming_a_row=True)
            if isinstance(asked_alone, Question) and _differs(asked_alone, whole):
                # "... the advocates being off and episodes put on the system late ... What % of accepted RHIs were done
                # within 3 working days in June versus May?": the question's own row, not one the context's words make
                return asked_alone
            # Two sentences each naming its own figure and its own period: two questions, not one to guess from both.
            named = [
                r
                for r, sentence in zip(readings, sentences, strict=True)
                if isinstance(r, Question)
                and r.period.kind != PeriodKind.LATEST
                and self._row_words(sentence.lower(), {})
                and not _ASIDE_OPENER.match(sentence.lower())  # "I assume that is unique children across the quarter"
            ]
            return NotUnderstood(TWO_QUESTIONS, self.suggest(text)) if _asks_two(whole, named) else whole
        if any(isinstance(r, NotUnderstood) and not r.unread for r in readings):
            return whole  # one sentence names a child, or what the report does not hold
        asked = [
            (r, sentence)
            for r, sentence in zip(readings, sentences, strict=True)
            if isinstance(r, Question) and r.kind not in (HELP, DEFINE) and self._names_something(sentence)
        ]  # a sentence naming no figure ("Count and percentage please") is no question of its own
        # "I think that's the headline figure?" reads as a question too: one not opening as an aside comes first.
        plain = [r for r, sentence in asked if not _ASIDE_OPENER.match(sentence.lower())]
        questions = plain if len(plain) == 1 else [r for r, _ in asked]
        if len(questions) > 1:  # "Your advocates offer ... within 40 miles. How many ... more than 40 miles away?"
            asking = [
                r for r, sentence in asked if sentence.rstrip().endswith("?") or QUESTION_CUES.search(sentence.lower())
            ]
            questions = asking if len(asking) == 1 else questions
        if len(questions) != 1:
            return whole
        # "The councillor would like to know how many children in care went missing last month. Could you give me the
        # number of children rather than episodes?": the sentence read names no row of its own, one not read does.
        chosen = next(sentence for r, sentence in asked if r is questions[0])
        unread_rows = any(
            isinstance(r, NotUnderstood) and self._row_words(sentence.lower(), {})
            for r, sentence in zip(readings, sentences, strict=True)
        )
        if unread_rows and not self._row_words(chosen.lower(), {}):
            return whole
        return replace(questions[0], text=text)

    def _asks_another_row_after(self, text: str, whole: Question | NotUnderstood | Clarification) -> bool:
        """Whether a message goes on to ask of another row after its question ("June episodes - all and LAC? and how
        many LAC kids had 3 or more", "CSE in April, episodes? and the kids behind them"), which its reading as a whole
        does not show: two questions, then, not one answered as if it were both (the second had been dropped, or read
        in place of the first)."""
        then = _ANOTHER_ASK.search(text)
        if then is None:
            return False
        if _NO_OTHER_ASK.match(text[then.end() :]):
            return False
        if not isinstance(whole, Question):  # not read whole ("over 5 days? and how many were 3 to 5 days"): each part
            parts = [self._read_whole(part) for part in (text[: then.start()], text[then.end() :])]
            keys = [{str(p.subject), *p.also} for p in parts if isinstance(p, Question) and p.kind == FIGURE]
            rest = text[then.end() :].lower()
            return len(keys) == 2 and keys[0] != keys[1] and bool(self._row_words(rest, {}) or re.search(r"\d", rest))
        shown = {*whole.keys, *whole.also}
        shown |= {self.denominators.get(key) or "" for key in shown}  # "74 (64% of 116 episodes)": the base shown too
        table = f"{whole.subject}." if whole.kind == BREAKDOWN else None  # a table shows each of its rows
        for part_text, after in ((text[then.end() :], True), (text[: then.start()], False)):
            if after and not self._row_words(part_text.lower(), {}):  # "? and is that up on May": the same figure on
                continue
            part = self._read_whole(part_text)
            # a part read as no one figure ("whats july showing so far": which?), or as a definition said beside it
            if not isinstance(part, Question) or part.kind in (HELP, DEFINE, PROFILE):
                continue
            asked = {k for k in {str(part.subject), *part.also} if "." in k}
            if any(k not in shown and not (table and k.startswith(table)) for k in asked):
                return True
        return False

    def _table_without_exception(self, text: str) -> Question | None:
        """A whole breakdown asked without some of its rows ("age breakdown for June apart from the under tens", "days
        missing breakdown for May not counting same-day returns"): the table, every row shown, when the words before
        the exception read as it."""
        excepted = COMPLEMENT_SAID.search(text.lower())
        if excepted is None:
            return None
        before = text[: excepted.start()]
        after = re.split(r"[,;.?!]", text[excepted.end() :], maxsplit=1)
        reading = self._read_whole(before + (" " + after[1] if len(after) > 1 else ""))
        return reading if isinstance(reading, Question) and reading.kind == BREAKDOWN else None

    def _tag_eh(self, match: re.Match[str]) -> str:
        """A sentence's closing "eh" as a tag ("busy month, eh?", "mad one today eh") when the sentence names no row nor
        what rows count; else Early Help ("lac and eh", "episodes in june were eh", "eh eps, may?")."""
        if not self._named_words(match.group(1)):
            return match.group(1) + match.group(3)  # "mad one today eh", "busy month, eh?"
        return match.group(0)  # "episodes in june were eh", "june - cin, eh": Early Help

    def _purpose_sentence(self, match: re.Match[str]) -> str:
        """A sentence saying what the figure is for, read past; one naming a row or a period is kept ("Need it for LAC
        only.", "I need it for May too.")."""
        said = match.group(0).lower()
        if self._known_words(said):
            return match.group(0)
        periods = read_periods(said)[0]
        # "Need it for a Q4 comparison.": the period is the purpose's; "I need it for May too.": another period asked
        return match.group(0) if periods and not _PURPOSE_SAID.search(_PURPOSE_SENTENCE_OPENING.sub("", said)) else " "

    def _without_purpose(
        self, text: str, whole: NotUnderstood | Clarification
    ) -> tuple[str, Question | NotUnderstood | Clarification]:
        """The message without a note of what the figure is for, after a dash or in brackets at its end ("(need for the
        2nd draft)", "- DCS wants to know", "- strategy mtg prep"), when the question before it reads whole, the note
        says it is a purpose ("for", "asked", "board", "paper") or lists a table's rows, and asks for no figure, no
        other period and no exception of its own; never a note that may name someone ("- re Kyle Brown")."""
        note = _PURPOSE_NOTE.search(text)
        if note is None:
            return text, whole
        said = note.group(1).lower()
        named = any(w not in self.known and stem(w) not in self.known for w in find_possible_names(note.group(1)))
        purpose = _PURPOSE_SAID.search(said) is not None
        if (
            named  # "- re Kyle Brown", "(Jayden)": maybe a child, never read past
            or text.rstrip().endswith("?")  # "- have girls overtaken?": the question itself
            or (QUESTION_CUES.search(said) and not purpose)  # "- by what proportion", "- how many children"
            or read_periods(said)[0]  # "- June vs April"
            or COMPLEMENT_SAID.search(said)  # "- excluding Rotherham": less than the question's figure
        ):
            return text, whole
        asked = text[: note.start()]
        reading = self._read_whole(asked)
        if not isinstance(reading, Question) or reading.kind in (HELP, DEFINE):
            return text, whole
        # A purpose said ("for", "asked", "board", "paper"), or a table's rows listed after it ("care status split for
        # Q1 - EH, CIN, CP, LAC"); not words not read ("- known to YOS": a qualifier the report does not hold)
        if not (purpose or (reading.kind == BREAKDOWN and self._known_words(said))):
            return text, whole
        if isinstance(self._read_whole(note.group(1)), Question | Clarification):
            return text, whole  # "LAC episodes June - CSE too": the note asks for a figure of its own
        return asked, reading

    def _without_log_marks(self, text: str) -> str:
        """The message without a log's or a ticket's marks: timestamps, reference numbers and initials before it
        ("JB: ...", unless they are a code the reader knows, "LAC: June?"), a status after it ("- pending")."""
        logged = False
        for _ in range(MAX_LOG_MARKS):
            marked = _LOG_PREFIX.match(text) or _INITIALS.match(text)
            if marked is None or (
                marked.re is _INITIALS and (marked.group(1).lower() in self.known or marked.group(1).lower() in _CODES)
            ):
                break
            text, logged = text[marked.end() :], True
        return _LOG_STATUS.sub("", text) if logged else text  # "RHIs June - pending" is no log: "pending" is asked

    def _without_elsewhere(self, text: str) -> str:
        """The message without its sentences about another council ("My last authority was hitting 85% of RHIs
        within 3 working days.") or how a figure is worked out, when what is left asks for a figure of its own (not
        "In my last authority we split episodes by EH / CIN / CP / LAC. Can I get the same split here?")."""
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        kept = [s for s in sentences if not _ELSEWHERE.search(s)]
        if not kept or len(kept) == len(sentences):
            return text
        left = " ".join(kept)
        points_back = _POINTS_BACK.search(left.lower()) or re.search(r"\bsame\b", left.lower())
        if points_back:
            return text
        reading = self._read_whole(left)
        return left if isinstance(reading, Question) and reading.kind not in (HELP, DEFINE) else text

    def _without_quotes(self, text: str) -> str:
        """The message without what it quotes the commentary, the bot or a colleague as saying: the question's own
        words when they name a figure (with the quote's period if they name none), else the quote's row and period
        with the question's words ("You said 74 LAC episodes in June - what was May?": LAC episodes, May). The
        figures quoted are not read as anything asked."""
        parts = _QUOTE_ENDS.split(text)
        quoted = [_REPORTED.match(part.lower()) is not None for part in parts]
        if not any(quoted) or all(quoted):
            return text
        asked = [p for p, q in zip(parts, quoted, strict=True) if not q]
        quotes = [  # the figures said go, a share said stays one ("Dashboard says 84% of RHIs offered were accepted")
            _QUOTED_FIGURE.sub(lambda m: " %" if m.group(0).endswith("%") else " ", _REPORTED.sub(" ", p.lower()))
            for p, q in zip(parts, quoted, strict=True)
            if q
        ]
        question = " - ".join(asked)
        # the quote's period stays unless the question names its own, or sets its own against the quote's ("you said
        # 53 children in June - how does that compare with April?")
        timed = bool(read_periods(question.lower())[0]) and not read_shape(question.lower())[0].compare
        if self._row_words(spell_numbers(question.lower()), {}) - GENERIC_WORDS:  # "fifteen year olds" names a row
            periods = [] if timed else [period_text(p) for quote in quotes for p in read_periods(quote)[0]]
            points_back = _POINTS_BACK.search(question.lower()) and not _COUNT_NOUN.search(question.lower())
            counted = [m.group(0) for q in quotes for m in _COUNT_NOUN.finditer(q)][:1] if points_back else []
            return " ".join([question, *periods, *counted])  # "104 different children ... how many of those were LAC?"
        kept = [read_periods(quote)[1] if timed else quote for quote in quotes]
        return " - ".join([*kept, question])

    def _parts_ask_apart(self, text: str) -> bool:
        """Whether a question's numbered parts ("1) ... 2) ...") ask for different figures, or one part follows on
        from another ("2) The same for LAC only"): answered as one, a part would go unanswered."""
        if len(NUMBERED_PART.findall(text)) < 2:
            return False
        parts = [p for p in NUMBERED_PART.split(text) if p.strip()]
        named = [p for p in parts if self._row_words(p.lower(), {})]  # "3) The difference": no figure of its own
        if any(_FOLLOW_UP.match(p.strip().lower()) for p in named):  # "2) The same for June": the same figure
            return True
        keys = {r.keys for r in map(self._read_whole, named) if isinstance(r, Question) and r.kind == FIGURE}
        return len(keys) > 1

    def _asks_of_a_name(self, sentences: list[str]) -> bool:
        """Whether a sentence asking something ("...?") has a word that may name someone (a capital inside a sentence, a
        name's place) and is no word the reader knows."""
        return any(
            sentence.rstrip().endswith("?")
            and any(w not in self.known and stem(w) not in self.known for w in find_possible_names(sentence))
            for sentence in sentences
        )

    def _question_after_context(
        self,
        text: str,
        sentences: list[str],
        readings: list[Question | NotUnderstood | Clarification],
        naming_a_row: bool = False,
    ) -> Question | NotUnderstood | None:
        """Paragraphs of context and then the question ("I'm writing a piece for the newsletter about why timeliness
        matters - ... For the year to date, how many RHIs were not completed within 3 working days?"): the one
        sentence that ends with a question mark, when it names a figure and nothing is asked after it. What the context
        says of school, strategy meetings or next week is the asker's story; a child named in it is still refused."""
        asking = [n for n, sentence in enumerate(sentences) if sentence.rstrip().endswith("?")]
        if len(asking) != 1:
            return None
        at = asking[0]
        if naming_a_row and at != len(sentences) - 1:  # "how long are they usually missing? average": one ask
            return None
        if naming_a_row and _POINTS_BACK.search(sentences[at].lower()):  # "... over 100 miles. How many times
            return None  # have they gone missing?": the context says whom
        rows = [self._row_words(s.lower(), {}) for s in sentences]
        if any(rows[at + 1 :]):
            return None
        if any(r == NotUnderstood(ONE_CHILD, []) for r in readings):
            return NotUnderstood(ONE_CHILD, [])
        reading, sentence = readings[at], sentences[at]
        names = rows[at] if naming_a_row else self._names_something(sentence)
        asked_before = any(
            _COUNT_ASKED.search(s.lower()) and row for s, row in zip(sentences[:at], rows[:at], strict=True)
        )
        if asked_before and not rows[at]:
            return None  # "... would like to know how many looked after children went missing in May. Could you give me
            # the number of children rather than episodes?": the question is the sentence before
        if isinstance(reading, Question) and reading.kind not in (HELP, DEFINE) and names:
            return replace(reading, text=text)
        if isinstance(reading, NotUnderstood) and not reading.unread:
            return reading  # the question itself asks for what the report does not hold
        return None

    def _code_meant(self, match: re.Match[str]) -> str:
        """A three-letter word in capitals that is no word the reader knows, one letter from exactly one of the
        sector's codes ("LAV", "RGI"): that code; else as typed."""
        typed = match.group(0).lower()
        if typed in self.known or typed in _CODES or typed in NOT_HELD_TOPICS | _FILE_FORMATS:  # "CCE" is not "CSE"
            return match.group(0)
        if match.string[match.end() :].lstrip().startswith("("):  # "=MIN(Apr:Jun)": a function, not "CIN"
            return match.group(0)
        near = [code for code in _CODES if sum(a != b for a, b in zip(code, typed, strict=True)) == 1]
        return near[0].upper() if len(near) == 1 else match.group(0)

    def _read_whole(self, text: str) -> Question | NotUnderstood | Clarification:
        """One reading of text as a whole, with any figures it states for checking ("Can you confirm LAC was 75?")."""
        stated: list[str] = []
        thresholds: list[Threshold] = []
        reading = self._read_text(text, stated, thresholds)
        if isinstance(reading, Question) and reading.by_month and thresholds and asks_months(text):
            if reading.also or reading.compare:  # "which months had more than 100 episodes and how many children"
                return NotUnderstood(ONE_CONDITION, self.suggest(text))
            reading = replace(reading, months_meeting=True)  # "which months had fewer than 20 CSE episodes?"
        if isinstance(reading, Question) and _quarter_said_twice(reading) and not read_shape(text.lower())[0].compare:
            reading = replace(reading, said_twice=True)  # "last quarter, basically, Q1": no comparison asked
        if (stated or thresholds) and isinstance(reading, Question):
            if reading.with_rest:  # "LAC and non-LAC June: 74 and 42?": the figures checked, as for any row
                reading = replace(reading, with_rest=False, proportion=False)
            shared = reading.proportion or (reading.kind == FIGURE and any(t.percent for t in thresholds))
            return replace(reading, stated=tuple(stated), thresholds=tuple(thresholds), proportion=shared)
        return reading  # "are we above 80% for RHIs in time?": the share is asked

    def _read_text(
        self, text: str, stated: list[str], thresholds: list[Threshold]
    ) -> Question | NotUnderstood | Clarification:
        # "other than", "except", "excluding" typed (row 5.1's own "not inc. N/A" apart): a complement or nothing
        excepted = COMPLEMENT_SAID.search(ROW_5_1_NOTE.sub(" ", text.lower()))
        excepting = excepted is not None and not _IDLE_AFTER_EXCEPT.match(text.lower()[excepted.end() :])
        lowered = text.lower().replace("’", "'").strip()
        if lowered.startswith("/"):  # "/missing LAC episodes", typed into `ask`
            lowered = lowered.split(maxsplit=1)[1] if " " in lowered else ""
        share = bool(_SHARE_IN_CHANNEL.match(lowered))
        if share:
            lowered = _SHARE_IN_CHANNEL.sub("", lowered, count=1)
        name_places = find_name_places(text)  # "has tyler gone missing": where a child's name goes
        try:
            condition, lowered = find_month_condition(lowered)  # "how many months was LAC over 80?": each month's
        except ConditionError as error:
            return NotUnderstood(str(error), self.suggest(text))
        thresholds.extend([condition] if condition else [])
        lowered = reword(say_months_in_english(say_month_codes(lowered), name_places))  # "201906", "Mehefin"
        lowered = BASE_SAID.sub(r"\1", BASE_NOTE.sub(" ", lowered))  # "(of those offered)", "% of those offered"
        lowered = _PLUS_BETWEEN.sub(" and ", lowered)  # "all + CLA", "9.8 + 9.9": and
        # "LAC table, top row": 2.1; "the OLA line in the care status table": OLA
        lowered = self._rows_by_place(lowered)
        lowered = _SECTION.sub(self._section_table, lowered)
        lowered = spell_numbers(join_spelt(lowered))
        asked_against, lowered = find_thresholds(lowered)  # "is LAC under 100 this year?": a threshold, not a band
        thresholds.extend(asked_against)
        lowered = drop_idle_negations(read_groups(lowered, self.ethnic_groups, self.ethnic_names))
        nearness: dict[str, float] = {}

        def corrected(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.startswith(KEY_MARK):
                return word
            unknown = word not in self.known and stem(word) not in self.known and word not in self.ordinary
            if unknown and (full := read_text_speak(word, self.skeletons)):  # "hw mny kds wnt mssng lst mth"
                return full
            right, near = self.correct(spell_british(word))
            nearness[right] = min(near, nearness.get(right, 1.0))
            return right

        typed = lowered  # before slips are put right: "provider" is a word of its own, not a slip for "provide"
        lowered = _WORD.sub(corrected, lowered)
        lowered = _WHAT_DOES_MEAN.sub(lambda m: "define " + (m.group(1) or m.group(2)), lowered)  # "what does X mean"
        lowered = self._without_asides(lowered, nearness)
        said = lowered
        if asks_declined(said) or asks_declined(typed):  # "how many said no to a return interview"
            return NotUnderstood(NO_DECLINED_ROW, self.suggest(text))
        message = text.lower()
        if mixes_age_words(message):  # "older teens and 12 year olds", "pre-teens and teenagers"
            return NotUnderstood(NO_MIXED_AGES, self.suggest(text))
        if VAGUE_AGES.search(message) and not AGES_GIVEN.search(message):  # "mid-teens" (not "aged 14-15")
            return NotUnderstood(NO_VAGUE_AGES, self.suggest(text))
        group = _SHARE_OF_GROUP.search(said)
        if group and set(group.group(1).split()) - _ANY_CHILDREN:  # "what % of LAC went missing"
            return NotUnderstood(NO_POPULATION, self.suggest(text))
        elsewhere = {"typed": typed, "message": message}
        for rule in NOT_HELD:
            held = rule.said.search(said) or (rule.also_in and rule.said.search(elsewhere[rule.also_in]))
            unless = rule.unless and (
                rule.unless.search(said) or (rule.also_in and rule.unless.search(elsewhere[rule.also_in]))
            )
            if held and not unless:
                return NotUnderstood(rule.message, self.suggest(text))
        commands = {COMMANDS[m.group(0)] for m in _COMMAND.finditer(lowered)}
        lowered = _COMMAND.sub(" ", lowered)
        shape, lowered = read_shape(lowered)
        shape = replace(shape, by_month=True) if condition else shape  # the months one by one, each set against it
        if shape.by_month and not lowered.strip() and not commands:
            commands.add(TREND)  # "trend" alone: of which figure?
        periods, rest, unreadable = read_periods(lowered)
        if CUT_MONTHS.strip() in unreadable:  # "1 July 2019 to 18 July 2019": part of a month
            return NotUnderstood(NO_SHORT_PERIOD, self.suggest(text))
        if PROFILE in commands and self.words_of(rest, nearness) and not shape.by_month:
            commands.discard(PROFILE)  # "age profile": the age breakdown; "profile June" stays the headlines
            shape = replace(shape, whole=True)
        attached = attach_years(periods)
        named = [p for p in periods if p != SEASON]  # "... better than last summer": the months said, not the season
        dated = [p for p in attached if p != SEASON]
        if shape.compare and len(dated) == 1 and len(named) == 2 and dated[0].relative_year == -1:
            attached = [replace(dated[0], relative_year=0), dated[0]]  # "June against last year"
        if _PART_OF_PERIOD.search(said) and len(attached) == 1 and _THE_QUARTER.search(said):
            attached = [*attached, *_quarter_holding(attached[0])]  # "May's share of the quarter's CSE episodes"
        part = _month_in_longer(attached) if _PART_OF_PERIOD.search(said) and not _TO_MONTH.search(said) else None
        try:
            month_checked = shape.extreme and _MONTH_RANKED.search(said) is not None
            moved = _MOVED.search(said) is not None  # "did it rise April 2019 to June 2019?": the two months
            # "LAC vs CSE from April to June": rows set against each other over a run, not April against June
            over_run = len(attached) == 1 and attached[0].kind == PeriodKind.RANGE and not shape.change
            # "LAC v CSE episodes this year to end of June": rows set against each other over the year to June, not
            # the year against June
            if _a_month_and_the_year(attached) and _YEAR_TO_MONTH.search(said):
                # ... "which is higher and by how many" the rows' difference, no change over time
                over_run = not shape.change or _WHICH_HIGHER.search(said) is not None
            of_periods = replace(shape, compare=False) if over_run and _ROWS_AGAINST.search(said) else shape
            period, compare = self._periods(
                attached, of_periods, _AGAINST.search(said) is not None, month_checked, moved
            )
        except PeriodError as error:
            if part is None:
                return NotUnderstood(str(error), self.suggest(text))
        if part is not None:  # "how much of the year-to-date LAC figure came from June?": June, a part of it
            period, compare = part[0], (part[1],)
            shape = replace(shape, compare=False, by_month=False, change=False, proportion=False)
        if shape.by_month and len(attached) == 1 and attached[0].kind == PeriodKind.RANGE:
            period, compare = attached[0], ()  # "trend Apr-Jun, has it fallen?": the months, one by one
        between = _BETWEEN_MONTHS.search(said) or _BETWEEN_MONTHS.search(say_month_codes(text.lower()))
        if (shape.change or _BY_HOW_MUCH.search(said)) and not compare and period.kind == PeriodKind.RANGE and between:
            # "did White British episodes increase between May and June?": the one month against the other
            period, compare = _range_ends(period)
        # "is it going up?", "how has it changed since April?": the months, one by one
        over_time = (PeriodKind.LATEST, PeriodKind.RANGE, PeriodKind.RECENT, PeriodKind.YEAR_TO_DATE)
        trending = shape.change and not compare and period.kind in over_time
        # "the last 6 months": a run, as a trend is ("how long", "per child" and shares keep their own shape)
        recent = period.kind == PeriodKind.RECENT and not (shape.length or shape.per_child or shape.proportion)
        by_month = shape.by_month or (shape.extreme and not shape.whole) or trending or recent or shape.monthly
        # "which month was quieter for LAC, April or May": the two months side by side (no run of one month)
        two_months = period.kind == PeriodKind.MONTH and [p.kind for p in compare] == [PeriodKind.MONTH]
        two_months = two_months and all(p.kind == PeriodKind.MONTH for p in attached)  # not "which month this year"
        if two_months and shape.extreme and not shape.whole and _WHICH_OF_MONTHS.search(said):
            by_month, shape = False, replace(shape, extreme=False, by_month=False)
        # "Apr, May, Jun": three months or more listed, each asked
        # ... only as a list of commas: "apr + may + jun", "across April, May and June", "different children in April,
        # May and June" are the three as one
        listed = period.kind == PeriodKind.RANGE and bool(_MONTHS_LISTED.search(text.lower()))
        listed = listed and not (_ADDED_UP.search(said) or _AS_ONE.search(said) or shape != Shape())
        by_month = (by_month or listed) and not shape.usual  # "is June higher than usual?": set against the others
        if shape.monthly and period.kind == PeriodKind.LATEST:  # "average episodes per month": over the year so far
            period = Period(PeriodKind.YEAR_TO_DATE)
        asked_period = period
        # "Was May the busiest month?": the month named is the one asked about, not the run's last
        named_extreme = shape.extreme and period.kind == PeriodKind.MONTH and not compare
        if by_month and (period.kind == PeriodKind.LATEST or named_extreme):
            period = Period(PeriodKind.RECENT, months=TREND_MONTHS)  # a trend: the digest's 13 months
        elif shape.by_month and period.kind == PeriodKind.LAST_MONTH and not compare:
            period = Period(PeriodKind.RECENT, months=TREND_MONTHS)  # "trend up to the latest full month"
        elif shape.by_month and period.kind == PeriodKind.MONTH and not compare:  # "trend ... August": to August
            period = Period(
                PeriodKind.RECENT,
                month=period.month,
                month_of_year=period.month_of_year,
                relative_year=period.relative_year,
                months=TREND_MONTHS,
            )
        if INDIVIDUAL.search(rest):
            return NotUnderstood(ONE_CHILD, [])
        counted = self._counted(said, shape, by_month)
        words = self.words_of(rest, nearness)
        if counted is not None and (CHILD_WORD if counted == EPISODE_NOUN else EPISODE_WORD) in words:
            # "how many times did children go missing": episodes; "individual children in episodes": children
            ruled_out, wanted = (CHILD_WORD, EPISODE_WORD) if counted == EPISODE_NOUN else (EPISODE_WORD, CHILD_WORD)
            words = {w: weight for w, weight in words.items() if w != ruled_out}
            words.setdefault(wanted, self.weights.get(wanted, 1.0))
        negated = _negated_words(rest) if NEGATION in words else []  # the words right after each "not"
        nearest = words.pop(KEY_MARK + NEAREST_MARK, None) is not None  # only a wider band holds what was asked
        ranges = [w for w in words if BAND_MARK in w]
        kinds = {w[len(KEY_MARK) :].split(".")[0] for w in ranges}  # "distance", "age", "duration"
        others = [w for w in words if w.startswith(KEY_MARK) and BAND_MARK not in w and w[1:].split(".")[0] in kinds]
        if len(ranges) + len(others) > 1:  # "within 40 miles ... more than 40 miles": which is asked is not said
            return NotUnderstood(TWO_RANGES, self.suggest(text), unread=True)
        bands = next((w[len(KEY_MARK) :].split(BAND_MARK) for w in ranges), [])
        bands = [self.key_case.get(key, key) for key in bands]
        words = {w: weight for w, weight in words.items() if BAND_MARK not in w}
        not_read = [w for w in words if w not in self.weights]
        # As typed, past its asides ("in housing we counted households, so ..." is the asker's own story).
        typed_said = split_words(self._without_asides(typed, dict(nearness)))
        typed_unknown = [w for w in typed_said if w not in self.weights and stem(w) not in self.weights]
        if says_not_held(typed_unknown) or NOT_HELD_PHRASES.search(said):  # "school absence for LAC kids"
            return NotUnderstood(NOT_HELD_TOPIC, self.suggest(text))
        typed_not_known = {w for w in split_words(typed) if w not in self.known and stem(w) not in self.known}
        if name_places & (set(not_read) | typed_not_known):  # "grace" is no slip of "race" there
            return NotUnderstood(ONE_CHILD, [])  # "has tyler gone missing": about one child
        talk: set[str] = set()
        if QUESTION_CUES.search(said) or periods:  # a question, not "thx, how's your day": its talk read past
            kept = find_possible_names(text) | find_ranked_words(said)
            talk = {w for w in not_read if is_talk(w, self.ordinary, kept)}
            words = {w: weight for w, weight in words.items() if w not in talk}  # "good morning", "putting a chart"
        unknown = [w for w in unreadable] + [w for w in words if w not in self.weights]
        # "Can you confirm LAC was 75 in June?": the figure stated is read past, and kept to be checked
        if checked := find_stated(typed, unknown, text.lower()):
            if ROUNDING_ASKED.search(text.lower()):  # "is June's count 120 to the nearest ten?": a rough figure
                thresholds.extend(rough_thresholds(mark_percentages(typed, checked)))
            else:
                stated.extend(mark_percentages(typed, checked))
            words = {w: weight for w, weight in words.items() if w not in checked}
            unknown = []
        nothing_asked = not words and not bands and not periods and not commands and not unknown
        if nothing_asked and _THANKS.search(said):  # "thanks, that is very helpful": nothing to answer
            return NotUnderstood(THANKS, [])
        if HELP in commands and any(w in self.weights for w in words):
            commands.discard(HELP)  # "BME total YTD, if you could say that would help": the figure, not the help
        if (HELP in commands or nothing_asked) and shape == Shape():
            return Question(HELP, None, period, share, text)
        if DEFINE in commands and not words and not unknown:
            return NotUnderstood('Name the row to define, such as "define 5.3a".', self.suggest(text))
        if DEFINE in commands and len(commands) > 1:
            return NotUnderstood('Ask for a definition on its own, such as "define 5.3a".', self.suggest(text))
        if PROFILE in commands and shape.by_month:
            return NotUnderstood("Ask for a profile or a trend, not both.", self.suggest(text))
        if PROFILE in commands and not words:
            return Question(PROFILE, None, period, share, text)
        prefix = ("share " if share else "") + ("trend " if by_month else "")
        prefix += "define " if DEFINE in commands else ""
        if shape.length:
            if unknown:
                return self._not_understood(text, unknown)
            if period.kind == PeriodKind.LATEST:  # "how long are they usually missing": over the year so far
                period = Period(PeriodKind.YEAR_TO_DATE)
            family = next((f for f in LENGTH_FAMILIES if f in words), "all")
            if set(words) - LENGTH_WORDS - {family}:  # "how long do girls go missing": not worked out
                return NotUnderstood(LENGTH_OF_ALL, self.suggest(text))
            return Question(
                LENGTH, shape.length, period, share, text, compare=compare, by_month=by_month, family=family
            )
        if bands and REPEAT_MARK in words:  # "Year 11 pupils who went missing 3 or more times": no row counts both
            return NotUnderstood(BANDS_NOT_SPLIT, self.suggest(text))
        if len(bands) > 1:
            if unknown:  # "strategy meetings for children missing more than 2 days": a band of what the report counts?
                return self._not_understood(text, unknown)
            if self._narrows_bands(words, bands):  # "LAC episodes lasting 2 to 3 days"
                return NotUnderstood(BANDS_NOT_SPLIT, self.suggest(text))
            if all(b.startswith("age.") for b in bands) and any(w in self._interview_words for w in words):
                # "RHIs late for 16 and over": no row counts both
                return NotUnderstood(NO_INTERVIEWS_BY_GROUP, self.suggest(text))
            # "LAC episodes NOT within 20 miles": the other bands, as the base less them ("isn't it true ... at least
            # two days" negates no band: read past, as before)
            banded = NEGATION in words and any(BAND_MARK in token or token in ranges for token in negated)
            if NEGATION in words and not banded and COMPLEMENT_SAID.search(text.lower()):
                return NotUnderstood(NOT_A_ROW, self.suggest(text))  # "excluding the kids placed within 10 miles"
            # "from the youngest up to the 17 and overs": every band of the section is its table
            if not banded and len(bands) == len(self._section_bands(bands[0])):
                return Question(BREAKDOWN, self._table_of(bands[0]), asked_period, share, text, compare=compare)
            if banded and shape.whole:  # "age breakdown for june apart from the under 11s": the table, every row
                return Question(BREAKDOWN, self._table_of(bands[0]), asked_period, share, text, compare=compare)
            if banded and not all(band in self.complemented for band in bands):
                return NotUnderstood(NOT_A_ROW, self.suggest(text))
            return Question(
                FIGURE,
                bands[0],
                period,
                share,
                text,
                bands=tuple(bands),
                compare=compare,
                by_month=by_month,
                extreme=shape.extreme,
                proportion=shape.proportion,
                nearest=nearest and not banded,
                complement=banded,
            )
        if bands:
            words[KEY_MARK + bands[0]] = self.weights.get(KEY_MARK + bands[0], self.unknown_weight)
        if not words and not unknown and shape != Shape() and (periods or shape.extreme or shape.by_month):
            # "busiest month", "June against last June": of missing episodes, the report's first figure
            words = {KEY_MARK + ALL_EPISODES: self.weights.get(KEY_MARK + ALL_EPISODES, 1.0)}
        missing_now = (
            period.kind == PeriodKind.NOW and _MISSING_SAID.search(said) is not None
        )  # not "how are you today"
        if not words and not unknown and missing_now and not by_month and not shape.compare:
            return Question(FIGURE, STILL_MISSING, period, share, text)  # "how many are missing right now?"
        if _DOUBTED.search(said) and not (set(words) & set(self.weights)) - {NEGATION}:
            return NotUnderstood(NO_CHECK, self.suggest(text))  # "numbers look off vs the cube, any idea?"
        if not words and not unknown and _OVERVIEW.search(said) and not by_month:
            return Question(PROFILE, None, period, share, text)  # "what do the missing figures for June show"
        if not words and not unknown and period.kind == PeriodKind.NOW and not QUESTION_CUES.search(said):
            return Question(HELP, None, period, share, text)  # "cheers, quiet one today": no figure asked
        if not words and not unknown:
            choices = [self.by_id["episodes.all"], self.by_id["children.all"]]
            options = [(r.label, _choice_text(prefix, r, period)) for r in choices]
            if not by_month:
                options.append(("Missing profile", f"{'share ' if share else ''}profile {period_text(period)}".strip()))
            return Clarification("Which figure?", options)
        if NEGATION in words and not any(token in self.weights or token.startswith(KEY_MARK) for token in negated):
            words = {w: weight for w, weight in words.items() if w != NEGATION}  # "I don't have the LAC figure"
        # "LAC/non-LAC split", "LAC and non-LAC episodes": a row and the rest of its base, not a table nor the rest
        # alone
        both_ways = bool(negated) and self._said_both_ways(rest, negated)  # "LAC:non-LAC each month": both runs
        shape = replace(shape, whole=False) if both_ways else shape
        ranked = self._negation_read_past(words, shape, negated) or self.score(words)
        if shape.whole or (shape.extreme and not shape.by_month):  # "breakdown", "which age": the table first
            ranked = self._prefer_tables(ranked)
        elif (
            len(ranked) > 1 and ranked[0].reading.kind == BREAKDOWN and ranked[1].score >= ranked[0].score - TIE_MARGIN
        ):
            ranked = [ranked[1], ranked[0], *ranked[2:]]  # "BME June": the row, with its table offered beside it
        ranked = self._twins_decided(ranked, counted)
        if not ranked:  # "are we ok or not": the "not" was all it said
            return self._not_understood(text, unknown)
        best = ranked[0]
        if unknown:  # a word not read may be a name, or what the report does not count: nothing is guessed
            return self._not_understood(text, unknown)
        if best.reading.kind == FIGURE and self._crosses_interviews(words, best.reading, rest):
            return NotUnderstood(NO_INTERVIEWS_BY_GROUP, self.suggest(text))  # "RHIs for CSE kids in June"
        flips = best.reading.kind == FIGURE and not any(NEGATION in phrasing for phrasing in best.reading.phrasings)
        complement = NEGATION in words and flips
        # "of the not a client lot, how many weren't OLA", "not a client other than OLA": the row it is part of, named,
        # less the part row (the "not" of "not a client" is the row's own)
        whole_said = self._names_whole(best.reading, words)
        part_complement = whole_said and (excepting or len(set(negated)) > 1)  # "not a client" said twice: one
        if not whole_said and any(token in self._part_only(best.reading) for token in negated):
            return NotUnderstood(NOT_A_ROW, self.suggest(text))  # "episodes that weren't OLA": of which row?
        complement = complement or part_complement
        # not "non-LAC episodes and LAC children" (two counts), "just non-LAC" (the rest alone), "higher than usual"
        counts = [noun for noun, named in _COUNT_NOUNS.items() if named.search(rest)]
        with_rest = both_ways and complement and not (part_complement or excepting or shape.usual)
        with_rest = with_rest and len(counts) < 2 and not _ONLY.search(rest)
        if excepting and not complement and best.reading.kind == FIGURE:
            return NotUnderstood(NOT_A_ROW, self.suggest(text))  # "not a client other than the OLA ones": not done
        if (
            complement
            and not part_complement
            and not (
                self._complements(best.reading, words, shape)
                and any(token in best.reading.called_by for token in negated)  # "NOT LAC", not "don't come home"
            )
        ):
            return NotUnderstood(NOT_A_ROW, self.suggest(text))  # "children who aren't in care": no such row
        if shape.per_child and best.reading.subject in PER_CHILD_FAMILY:  # episodes and children: one family
            family = PER_CHILD_FAMILY[best.reading.subject]
            return Question(PER_CHILD, family, period, share, text, compare=compare, by_month=by_month)
        if period.kind == PeriodKind.NOW and best.reading.subject in PER_CHILD_FAMILY and not by_month:
            if PER_CHILD_FAMILY[best.reading.subject] != "all":  # "any children in care missing right now"
                return NotUnderstood(NO_STILL_MISSING_GROUP, self.suggest(text))  # no such row: all are counted
            return Question(FIGURE, STILL_MISSING, period, share, text)  # "missing right now": still missing
        # Figures side by side only when one row does not say it all ("White and Black Caribbean" is B1 alone).
        whole = best.score >= 1.0 - TIE_MARGIN / 2 and not _EVERYONE.search(rest)
        # The row's other counts asked beside it, worked out once (_also reads past a bare count noun when there are).
        counts_beside = self._twin_asked(rest, nearness, best.reading)
        also = (
            self._also(rest, nearness, best.reading, shape, counted, talk, counts_beside)
            if best.reading.kind == FIGURE and not whole and not complement
            else ()
        ) or (counts_beside if not (complement or _ONE_COUNT_NOT_OTHER.search(said)) else ())
        if also[:1] == (ACROSS_TABLES,):  # never one of them answered alone, the others dropped
            asked = [f"{self.by_id[key].label} {period_text(period)}".strip() for key in also[1:] if key in self.by_id]
            return NotUnderstood(NOT_SIDE_BY_SIDE, asked)
        close = self._close(ranked)
        tabled = (shape.whole or shape.extreme) and best.reading.kind == BREAKDOWN
        enough = CLARIFY_SCORE if tabled else ANSWER_SCORE
        # A row and its section's table tie unless a whole breakdown was asked: the row is answered, the table offered.
        rival = next((s for s in close[1:] if s.reading.kind == best.reading.kind or shape.whole), None)
        tie = rival is not None and rival.score >= best.score - TIE_MARGIN
        # A word naming another row that the reading leaves out ("looked after AND at risk of CSE": no row counts
        # both) is not dropped in silence: asked back instead.
        every = best.reading.called_by
        dropped = {
            word: weight
            for word, weight in words.items()
            if word not in every | GENERIC_WORDS and not (complement and word == NEGATION)
        }
        leaves_out = best.reading.kind == FIGURE and sum(dropped.values()) >= LEFT_OUT_SHARE * sum(words.values())
        tie = tie or leaves_out
        # One reading alone, well clear of every other: answered (its title names it), not asked back with one choice.
        # Each of its words said ("OLA placed kids": other LA; not "so not in care" as distance "not recorded").
        said_whole = any(phrasing - GENERIC_WORDS <= words.keys() for phrasing in best.reading.phrasings)
        # ... and no word left out names another row as clearly ("CSE boys": no row counts both)
        other = self.score(dropped)[0] if leaves_out and dropped else None
        names_another = other is not None and other.reading.kind == FIGURE and other.score >= ANSWER_SCORE
        if names_another and other is not None and self._names_a_third(words, best.reading, other.reading):
            return NotUnderstood(NO_ROW_COUNTS_ALL, self.suggest(text))  # no choice of two would be what was asked
        alone = len(close) == 1 and best.score >= SOLE_READING_SCORE and said_whole and not names_another
        if not also and (best.score < enough or tie) and not alone:
            if not close:
                return self._not_understood(text, unknown)
            crossed = names_another and other is not None and _crossed(best.reading, other.reading, shape, rest)
            if crossed and other is not None:
                # "LAC girls", "CSE boys": no row counts both; each is suggested, neither asked back as if it were meant
                asked = [f"{r.label} {period_text(period)}".strip() for r in (best.reading, other.reading)]
                return NotUnderstood(NO_ROW_COUNTS_ALL, asked)
            if names_another and other is not None and other.reading not in [s.reading for s in close]:
                close = [*close, other][:MAX_CHOICES]  # each offered, neither answered as both
            options = [(s.reading.label, _choice_text(prefix, s.reading, period)) for s in close]
            if len(options) == 1:
                return Clarification(f"Did you mean {close[0].reading.label}?", options)
            return Clarification("Which of these did you mean?", options)
        reading = best.reading
        # Other readings of the same kind (a row for a row) close to it are offered under the answer.
        offered = [
            s
            for s in ranked[1:]
            if s.reading.kind == best.reading.kind and s.score >= max(best.score - ALTERNATIVE_MARGIN, CLARIFY_SCORE)
        ][:MAX_ALTERNATIVES]
        twins = next((p for p in EPISODES_PER_CHILD.values() if reading.subject in p), None)
        if twins and counted == CHILD_NOUN and read_counted(said) is None and not _DISTINCT_CHILDREN.search(said):
            # "children going missing" read as the children: their episodes, the other reading, offered first
            twin = self.by_id[next(key for key in twins if key != reading.subject)]
            offered = [Scored(twin, best.score), *(s for s in offered if s.reading is not twin)][:MAX_ALTERNATIVES]
        alternatives = tuple(
            (s.reading.label, _choice_text(prefix, s.reading, period)) for s in offered if s.reading.subject not in also
        )
        this_against_last = period.kind == PeriodKind.THIS_MONTH and [p.kind for p in compare] == [
            PeriodKind.LAST_MONTH
        ]
        if this_against_last and not _PART_OF_MONTH.search(said):  # writers split on the as-at month or the latest
            latest = (
                LATEST_AGAINST_BEFORE,
                f"{prefix}{KEY_MARK}{reading.id.lower()} last month against the month before",
            )
            alternatives = (latest, *alternatives)[:MAX_ALTERNATIVES]
        if DEFINE in commands:
            return Question(DEFINE, reading.id, period, share, text)
        if PROFILE in commands:
            return Question(PROFILE, None, period, share, text)
        # A table month by month over a run named ("gender split Apr to Jun month by month", "age breakdown for Q1,
        # monthly columns"): a column for each month and one for the run (the answer's); a trend of a table is not
        run_named = asked_period.kind in (PeriodKind.RANGE, PeriodKind.QUARTER, PeriodKind.YEAR_TO_DATE) and not compare
        if reading.kind == BREAKDOWN and shape.by_month and not shape.extreme and run_named:
            return Question(BREAKDOWN, reading.subject, asked_period, share, text, by_month=True)
        if reading.kind == BREAKDOWN and shape.by_month and not shape.extreme:
            return NotUnderstood('A trend is of one figure, such as "trend LAC episodes".', self.suggest(text))
        month_and_year = _a_month_and_the_year(attached) and not compare
        month_and_year = month_and_year and _MONTH_AND_YEAR.search(said) is not None  # not "YTD to June"
        if reading.kind == BREAKDOWN and month_and_year:  # "distance, June and YTD cols": June's table has both
            asked_period = next(p for p in attached if p.kind == PeriodKind.MONTH)
        if reading.kind == BREAKDOWN:
            return Question(
                BREAKDOWN,
                reading.subject,
                asked_period,  # "which age goes missing most": the table of the month asked, not of a trend
                share,
                text,
                compare=compare,
                extreme=shape.extreme,
                alternatives=alternatives,
                smallest=shape.extreme and LOWEST_SAID.search(said) is not None,  # "bottom two ethnic groups"
            )
        return Question(
            reading.kind,
            reading.subject,
            period,
            share,
            text,
            also=also,
            compare=compare,
            by_month=by_month,
            extreme=shape.extreme,
            proportion=shape.proportion or with_rest or part is not None,  # "May's share of the quarter": a share
            monthly_average=shape.monthly,
            usual=shape.usual and not compare and not also and reading.kind == FIGURE,
            alternatives=() if complement else alternatives,
            nearest=nearest and not complement,
            complement=complement and not with_rest,
            with_rest=with_rest,
            of_whole=whole_said
            and shape.proportion
            and not complement
            and not also
            and self._whole_is_base(said, best.reading),
            relative=shape.relative,
            part_of_period=part is not None and reading.kind == FIGURE and not also and not complement,
        )

    def _rows_by_place(self, text: str) -> str:
        """A row named by its place in a table of the report ("section 1, first row", "bottom line of the ethnicity
        table", "the LAC table, top row") as its REF NO.; a row named by its words in a table ("the OLA line in the
        care status table", "Pakistani row in table 8") as those words alone; "the April column" as April."""

        def placed(match: re.Match[str]) -> str:
            section = _table_section(match)
            rows = self.section_rows.get(section or "", [])
            place = _PLACES[match.group("place")]
            if not rows and place == -1 and section in self.section_last:
                rows = [self.section_last[section]]
            between = match.groupdict().get("between") or ""
            return f" {rows[place]} {between} " if rows and place < len(rows) else match.group(0)

        def ranged(match: re.Match[str]) -> str:
            section, last = match.group(1), int(match.group(2))
            # from the first row to at least half way down: each of those rows, as the table shows them
            table = self.section_tables.get(section)
            if not table or 2 * last < self.section_sizes[section] or _ADDED_UP.search(text):
                return match.group(0)  # "total of rows 9.1 to 9.5": the rows added up, as a range of bands is
            return f" {table} breakdown "

        text = _ROW_RANGE.sub(ranged, text)
        text = _ROW_AT_PLACE.sub(placed, _PLACE_OF_ROW.sub(placed, text))
        text = _COLUMN.sub(r" \1 ", _ROW_IN_TABLE.sub(_table_words, text))
        # "the acceptance rate in the RHI table": a row of that table, named by its words; the table's name qualifies it
        return _IN_TABLE.sub(lambda m: f" {m.group('name')} ", text)

    def _section_table(self, match: re.Match[str]) -> str:
        """ "section 6" as its table's token; "section 6.1" as the ref alone; a section with no table as it was."""
        if match.group(1) is None:
            return " "
        return f" {self.section_tables.get(match.group(1), match.group(0))} "

    def _without_asides(self, text: str, nearness: dict[str, float]) -> str:
        """The question without the asker's asides: a later clause about themselves or their day ("we've got a real
        mix in our homes at the moment", "one of ours was out til 3am last night") that names no row of the report
        the question had not already named. Its words may be names or another trade's terms, and its periods are not
        the question's; a clause that names a row ("we've had a couple of our girls picked up") stays, and is read."""
        text = _BRACKETED_ASIDE.sub(lambda m: self._bracket_read(m, text, nearness), text)
        parts = _CLAUSE.split(text)  # clause, separator, clause, ...: the separators kept ("- children not episodes")
        if len(parts) < 3:
            return text
        if parts[1].startswith(":") or parts[0].rstrip().endswith(":"):  # "Data quality check: how many ..."
            shape, rest = read_shape(parts[0])
            periods, rest, _ = read_periods(rest)
            heading = shape == Shape() and not periods and not self._row_words(rest, nearness)
            parts = parts[2:] if heading else parts
        kept = [parts[0]]
        named = self._row_words(parts[0], nearness)
        aside = False  # the clause before was an aside: one after it, past a comma, goes on with it
        for separator, clause in zip(parts[1::2], parts[2::2], strict=True):
            shape, rest = read_shape(clause)
            periods, rest, _ = read_periods(rest)
            compares = shape.compare and periods  # "it looks really low compared to April": a second period asked
            # Words read for sure (not a slip's guess), other than a "not" ("not sure", "not the sum of the months").
            sure = {w for w in self._row_words(rest, nearness) if nearness.get(w, 1.0) == 1.0} - {NEGATION}
            going_on = aside and not separator.strip(" ,-")
            # Its period is left out only when the question names one of its own (the one period is never lost), and
            # only a vague one ("at the moment", "last night", "the summer hols"): "I think it was May" is read.
            vague = all(p in (SEASON, PREVIOUS) or p.kind == PeriodKind.NOW for p in periods)
            timed = bool(periods) and (not vague or not read_periods("".join(kept))[0])
            aside = (bool(_ASIDE_OPENER.match(clause)) or going_on) and not compares and not timed and not sure - named
            if aside:
                continue
            kept += [separator, clause]
            named |= self._row_words(clause, nearness)
        return "".join(kept)

    def _bracket_read(self, match: re.Match[str], text: str, nearness: dict[str, float]) -> str:
        """A long aside in brackets ("(and I appreciate the June data may still be subject to some validation)"): left
        out when it is only talk; kept when it asks anything (a question mark, a shape such as a share or a change, a
        count of its own, a row the rest does not name), puts something right ("sorry, I meant April"), or names a
        period the rest does not."""
        aside = match.group(1)
        outside = text[: match.start()] + " " + text[match.end() :]
        shape, rest = read_shape(aside)
        periods, rest, _ = read_periods(rest)
        sure = {w for w in self._row_words(rest, nearness) if nearness.get(w, 1.0) == 1.0} - {NEGATION}
        counted = {w for w in self.words_of(rest, nearness) if w in GENERIC_WORDS}
        new_periods = set(periods) - set(read_periods(outside)[0])
        around = read_shape(outside)[0]
        new_shape = any(getattr(shape, f.name) and not getattr(around, f.name) for f in fields(Shape))
        if "?" in aside or _BRACKET_PUTS_RIGHT.search(aside) or sure - self._row_words(outside, nearness):
            return match.group(0)
        # the asker's own story ("(I gather this has gone up, which the lead member will ask about)") asks no more
        if _ASIDE_OPENER.match(aside):
            return " "
        # ... other words are left out only when every one is known: a word not read may be a name
        strange = [
            w
            for w in split_words(aside)
            if w not in self.known and w not in self.ordinary and stem(w) not in self.known
        ]
        if strange:
            return match.group(0)
        asks = new_shape or _BRACKET_ASKS.search(aside) is not None
        return match.group(0) if asks or counted or new_periods else " "

    def _negation_read_past(self, words: dict[str, float], shape: Shape, negated: list[str]) -> list[Scored]:
        """The ranking without a "not", when that ranks a row with a complement higher than the "not" does (the "not"
        of "episodes NOT LAC" otherwise ranks the "Not recorded" rows first): its complement is then asked."""
        if NEGATION not in words or len(words) < 2:  # "are we ok or not": nothing else to rank
            return []
        plain = self.score({w: weight for w, weight in words.items() if w != NEGATION})
        with_not = self.score(words)
        best = plain[0] if plain else None
        if best is None or any(NEGATION in phrasing for phrasing in best.reading.phrasings):
            return []
        if not self._complements(best.reading, words, shape) or best.score <= with_not[0].score:
            return []
        if not any(token in best.reading.called_by for token in negated):
            return []
        return plain

    def _table_of(self, key: str) -> str | None:
        """The breakdown a row's section is shown as (its first table: "age" for the age bands)."""
        return self.by_id[self.section_tables[self.by_id[key].section][len(KEY_MARK) :]].subject

    def _section_bands(self, key: str) -> list[str]:
        """Every band of a key's section that a range can name (ages under 10 to 17+; distances; days)."""
        section = self.by_id[key].section
        prefix = key.split(".")[0] + "."
        return [
            r.subject
            for r in self.readings
            if r.kind == FIGURE
            and r.section == section
            and r.subject.startswith(prefix)
            and "not_recorded" not in r.subject
            and r.subject not in (STILL_MISSING,)
        ]

    def _whole_of(self, part: Reading) -> Reading | None:
        """The row a part row (PART_OF's: OLA) is part of (not a client); None for any other row."""
        return self.by_id.get(PART_OF.get(part.subject, ""))

    def _names_whole(self, part: Reading, words: dict[str, float]) -> bool:
        """Whether the words name a part row (PART_OF's: OLA) and the row it is part of (not a client) both, each
        by the words only it is called by."""
        whole = self._whole_of(part)
        if whole is None:
            return False
        whole_only = phrase_stems(whole.label) - phrase_stems(part.label) - GENERIC_WORDS
        return whole_only <= words.keys() and bool(self._part_only(part) & words.keys())

    def _whole_is_base(self, said: str, part: Reading) -> bool:
        """Whether the row a part row is part of is said as the share's base ("of the not a client episodes", "as a
        % of not a client", "not a client episodes were OLA"), not as a figure beside it ("% not a client or OLA")."""
        whole = self._whole_of(part)
        if whole is None:
            return False
        label = r"\W*".join(re.escape(w) for w in whole.label.lower().split())
        base = rf"\b(?:of|within|among|amongst)\s+(?:the\s+|those\s+|all\s+)?\W*{label}"
        subject = rf"\b{label}\W*\s+(?:\w+\s+)?(?:were|was|that\s+were|who\s+were|accounted)\b"
        return re.search(base, said) is not None or re.search(subject, said) is not None

    def _part_only(self, part: Reading) -> frozenset[str]:
        """The words a part row (PART_OF's: OLA) is called by that the row it is part of is not."""
        whole = self._whole_of(part)
        return part.called_by - whole.called_by - GENERIC_WORDS if whole else frozenset()

    def _complements(self, reading: Reading, words: dict[str, float], shape: Shape) -> bool:
        """Whether a "not" asks for the row's complement ("episodes that were NOT LAC", "other than White British"):
        a row of episodes with one, nothing else named beside it, and a count, share or comparison of it (not per
        child, nor a length, nor a whole table)."""
        if reading.subject not in self.complemented or shape.per_child or shape.length or shape.whole:
            return False
        others = set(words) - reading.called_by - GENERIC_WORDS - {NEGATION}
        return not any(word in self.weights for word in others)

    @cached_property
    def _subset_words(self) -> frozenset[str]:
        """Words naming a part of all episodes that other rows are not split by: LAC, CSE risk, a gender, an
        ethnicity; none that other sections' rows use too ("number", "not", "other") nor a section's title word
        ("age group", "gender"), except the LAC and CSE sections' own ("LAC", "CSE")."""
        subset: set[str] = set()
        others: set[str] = set()
        titles: set[str] = set()
        for reading in self.readings:
            (subset if reading.section in SUBSET_SECTIONS else others).update(*reading.phrasings)
            titles |= reading.qualifiers
        lac_cse = set().union(*(r.qualifiers for r in self.readings if r.section in ("2", "3")))
        return frozenset((subset - others - titles - SUBSET_NOT_NAMING) | lac_cse) - GENERIC_WORDS

    def _names_a_third(self, words: dict[str, float], best: Reading, other: Reading) -> bool:
        """Whether the words left out by two readings of two sections name a row of a third section as clearly ("White
        and Black African children aged under 10 placed more than 100 miles away")."""
        said = best.called_by | other.called_by | GENERIC_WORDS
        rest = {word: weight for word, weight in words.items() if word not in said}
        third = self.score(rest)[0] if rest else None
        return (
            third is not None
            and third.reading.kind == FIGURE
            and third.score >= ANSWER_SCORE
            and len({best.section, other.section, third.reading.section}) == 3
        )

    @cached_property
    def _not_in_names(self) -> frozenset[str]:
        """The words a "not" comes before in the report's own row names and their synonyms ("not a client", "not
        obtained / recorded", "not in time")."""
        texts = [*SYNONYMS.values(), *(r.label.lower() for r in self.readings)]
        return frozenset(m.group(1) for text in texts for m in _NOT_BEFORE.finditer(text))

    def _said_both_ways(self, rest: str, negated: list[str]) -> bool:
        """Whether a word the question says after a "not" it says first without one ("LAC and non-LAC episodes"), not
        once ("not a client", "episodes not involving girls"), nor a row name's own "not" ("completed on time and
        late": two rows)."""
        words = _question_words(rest)
        said = set(negated) - self._not_in_names - GENERIC_WORDS  # not "episodes ... not episodes at CSE risk"
        before = words[: words.index(NEGATION)] if NEGATION in words else []  # the row said first: "LAC and non-LAC"
        return any(w in before for w in said)

    @cached_property
    def _shared_table_words(self) -> frozenset[str]:
        """Words more than one whole table is called by ("table", "breakdown"): they name no table of their own."""
        counts = Counter(w for r in self.readings if r.kind == BREAKDOWN for w in set().union(*r.phrasings))
        return frozenset(w for w, n in counts.items() if n > 1)

    @cached_property
    def _interview_words(self) -> frozenset[str]:
        """Words only the return interview rows are called by ("rhi", "offered", "accepted")."""
        interviews: set[str] = set()
        others: set[str] = set()
        for reading in self.readings:
            (interviews if reading.section == INTERVIEW_SECTION else others).update(*reading.phrasings)
        return frozenset(interviews - others) - GENERIC_WORDS - _EVERYDAY_INTERVIEW_WORDS

    def _crosses_interviews(self, words: dict[str, float], best: Reading, rest: str) -> bool:
        """Whether the question asks return interviews of a group ("RHIs for LAC kids done on time", "RHIs for CSE
        kids"), which no row counts: the reading answered would leave the group, or the interviews, unsaid. Not a list
        naming them apart ("LAC eps, CSE eps and RHI % for June"), when no part of it names both."""
        if best.section == INTERVIEW_SECTION:
            crossing = any(w in self._subset_words and w not in best.called_by for w in words)
        else:
            crossing = any(w in self._interview_words and w not in best.called_by for w in words)
        said = [part for part in _CONNECTOR.split(rest) if part.strip()]
        parts = [set(self.words_of(part, {})) for part in said]
        if not crossing or len(parts) < 2:
            return crossing
        # each other part is a count of its own ("LAC eps", "CSE children"), reading as one row, not whom the
        # interviews are of ("for LAC", "LAC only", "girls", "how many of those were LAC", "actually blank")
        others = [(part, words) for part, words in zip(said, parts, strict=True) if not words & self._interview_words]
        return any(words & self._interview_words and words & self._subset_words for words in parts) or not all(
            words
            and self._reads_clearly(words)
            and any(noun.search(part) for noun in _COUNT_NOUNS.values())
            and not (_BASE_PART.match(part) or _POINTS_BACK.search(part) or _ONLY.search(part))
            for part, words in others
            if words
        )

    def _reads_clearly(self, words: set[str]) -> bool:
        """Whether words on their own read as one row, well ahead of any other."""
        ranked = self.score({w: self.weights.get(w, self.unknown_weight) for w in words})
        return ranked[0].score >= ANSWER_SCORE and (len(ranked) < 2 or ranked[1].score < ranked[0].score - TIE_MARGIN)

    def _figures_beside_advice(self, text: str) -> Question | None:
        """The figure a message asks beside advice ("how many RHIs were completed in time in June, and what should we
        do"), answered with a line that no advice is given; None where only advice is asked."""
        parts = _ADVICE_CLAUSE.split(text)
        clauses = [c for c in parts if c.strip() and not _ADVICE.search(c.lower())]
        if not clauses or len(clauses) == len(parts):
            return None
        asked = self._read_message(". ".join(clauses))
        if not isinstance(asked, Question) or asked.kind == HELP or _FIGURE_WORDS.search(" ".join(clauses)) is None:
            return None
        return replace(asked, advice=True)

    def _narrows_bands(self, words: dict[str, float], bands: list[str]) -> bool:
        """Whether the question names a part of all episodes ("LAC") that none of the bands' rows is called by."""
        said = set().union(*(r.called_by for r in map(self.by_id.get, bands) if r))
        return any(w in self._subset_words and w not in said for w in words)

    def _names_something(self, sentence: str) -> bool:
        """Whether a sentence says a word of some figure (episodes, children, a row), not only how to show it."""
        _, rest = read_shape(sentence.lower())
        return any(word in self.weights for word in self.words_of(rest, {}))

    def _named_words(self, text: str) -> set[str]:
        """The words of text the reader knows as naming some row or what rows count, however weakly."""
        return {w for w in self.words_of(text, {}) if w in self.weights}

    def _known_words(self, text: str) -> set[str]:
        """The words of text the reader knows as naming some row (what every row counts aside), however weakly."""
        return self._named_words(text) - GENERIC_WORDS

    def _row_words(self, text: str, nearness: dict[str, float]) -> set[str]:
        """The words of text that name a row well enough to be offered on their own (what every row counts aside)."""
        words = {w: weight for w, weight in self.words_of(text, nearness).items() if w in self.weights}
        if not words or self.score(words)[0].score < CLARIFY_SCORE:
            return set()
        return set(words) - GENERIC_WORDS

    @staticmethod
    def _counted(said: str, shape: Shape, by_month: bool) -> str | None:
        """What the question counts, episodes or children, when it says: the noun after "how many" or "number of";
        else, of a question over time ("the worst month for children going missing", "kids in care going missing,
        April against June", "CSE: up on the month before?"), how often they went missing: episodes."""
        counted = read_counted(said)
        if counted is None and _HOW_OFTEN.search(said):
            return EPISODE_NOUN  # "did they go missing more often in June": how often, the episodes
        if counted is None and _DISTINCT_CHILDREN.search(said):
            return CHILD_NOUN  # "the fewest individual children in care": children, however the question runs
        if counted is None and shape.compare and _MORE_PEOPLE.search(said):
            return CHILD_NOUN  # "more young people going missing than in April": the people, counted
        over_time = (shape.compare or shape.extreme or by_month) and not (shape.proportion or shape.per_child)
        going = _GOING_MISSING.search(said)
        if counted is None and over_time and going and _CHILD_SAID.search(going.group(0)):
            # "the trend in LAC children going missing": the children, as said; their episodes offered beside it
            return CHILD_NOUN
        if counted is None and over_time and (not _CHILDREN.search(said) or going):
            return EPISODE_NOUN
        return counted

    @staticmethod
    def _twins_decided(ranked: list[Scored], counted: str | None) -> list[Scored]:
        """A row's episodes and its children scored alike ("CSE June"): the one the question counts, if it says."""
        if counted is None or len(ranked) < 2 or ranked[1].score < ranked[0].score - TIE_MARGIN:
            return ranked
        pair = {ranked[0].reading.subject, ranked[1].reading.subject}
        twins = next((p for p in EPISODES_PER_CHILD.values() if set(p) == pair), None)
        if twins is None:
            return ranked
        chosen = ranked[0] if ranked[0].reading.subject == twins[counted == CHILD_NOUN] else ranked[1]
        other = ranked[1] if chosen is ranked[0] else ranked[0]
        return [Scored(chosen.reading, max(chosen.score, other.score) + 2 * TIE_MARGIN), other, *ranked[2:]]

    def _close(self, ranked: list[Scored]) -> list[Scored]:
        best = ranked[0]
        floor = best.score - CLARIFY_MARGIN if best.score >= ANSWER_SCORE else CLARIFY_SCORE
        return [s for s in ranked if s.score >= max(floor, CLARIFY_SCORE)][:MAX_CHOICES]

    def _prefer_tables(self, ranked: list[Scored]) -> list[Scored]:
        """The breakdown of the best figure's section first, when the question asked for a whole breakdown."""
        best = ranked[0]
        tables = [s for s in ranked if s.reading.kind == BREAKDOWN and s.reading.section == best.reading.section]
        if best.reading.kind == BREAKDOWN:
            tables = [best]
        if not tables:  # else the table the question's words name best ("episodes by status": care status)
            tables = [s for s in ranked if s.reading.kind == BREAKDOWN and s.score >= CLARIFY_SCORE][:1]
        if not tables:
            return ranked
        table = Scored(tables[0].reading, max(best.score, tables[0].score) + 2 * TIE_MARGIN)
        return [table, *(s for s in ranked if s.reading.id != table.reading.id)]

    def _twin_asked(self, rest: str, nearness: dict[str, float], best: Reading) -> tuple[str, ...]:
        """The family's other counts, when parts of the question name its episodes, its children or its children with
        3 or more episodes ("CSE episodes in June and how many YP is that", "LAC episodes and children", "CSE
        episodes, CSE children and CSE 3+"): each, side by side, as the report prints them."""
        family = PER_CHILD_FAMILY.get(best.subject)
        sentences = [part for part in _SENTENCE_END.split(rest.strip()) if part.strip()]
        if family is None or _POINTS_BACK.search(rest) or len(sentences) > 1:
            # "... how many of them went missing 3 or more times": a part of the first; "CLA with 3 or more episodes.
            # Individual children only please.": the second sentence says what the first counts
            return ()
        members = {
            EPISODE_WORD: f"episodes.{family}",
            CHILD_WORD: f"children.{family}",
            REPEAT_COUNT: f"children.3plus.{family}",
        }
        said: list[str] = []
        # "lac", "cse": the family's own words (not a row's number, token or "3+", which its 3+ row is called by)
        group = {w for w in set(best.called_by) - GENERIC_WORDS if w.isalpha()}
        grouped: list[bool] = []  # for each part naming a count, whether it names the family's group
        for part in _CONNECTOR.split(_OR_MORE.sub("+", rest)):  # "3 or more" is one count, not two parts
            # "for children in care", "all children": whose; not "total eps, kids, 3+": the family of all's own count
            if _BASE_PART.match(part) or (_EVERYONE.search(part) and not (family == "all" and _TOTAL.search(part))):
                continue
            counts = (
                [REPEAT_COUNT]
                if _REPEAT_SAID.search(part)
                else [noun for noun, named in _COUNT_NOUNS.items() if named.search(part)]
            )
            if len(counts) == 1:
                said.append(counts[0])
                grouped.append(bool(group & set(self.words_of(part, nearness))))
        # The group said with the first count covers the others ("LAC episodes and children"); said only with a later
        # one it does not ("children missing in June and CSE episodes": all the children, and CSE's episodes).
        covered = (grouped[:1] == [True]) if family != "all" else not any(grouped)
        asked = [members[c] for c in dict.fromkeys(said) if members[c] in self.by_id]
        if len(asked) < 2 or not covered or best.subject not in asked:
            return ()
        return tuple(key for key in asked if key != best.subject)

    def _also(
        self,
        rest: str,
        nearness: dict[str, float],
        best: Reading,
        shape: Shape,
        counted: str | None,
        talk: set[str],
        counts_beside: tuple[str, ...],
    ) -> tuple[str, ...]:
        """Further figures, when the question names two or more side by side ("girls and boys", "White British vs
        BME"): each part on its own reads clearly as a figure, and they differ (talk, the question's everyday words
        read past, aside; counts_beside, the row's other counts asked beside it, from _twin_asked)."""
        # "Of the accepted ones, how many ...", "For children in our care, how ...": the part saying "of" or "for"
        # names whom the figure is of, not a figure asked beside it.
        parts = [part for part in _CONNECTOR.split(rest) if part.strip() and not _BASE_PART.match(part)]
        if len(parts) < 2 or shape.whole:
            return ()
        if all(_DIGIT.search(part) for part in parts):  # "more 12 year olds or 13 year olds": the counts compared,
            parts = [_COUNT_COMPARED_BEFORE.sub(" ", part) for part in parts]  # not "over 12" in the first part
        own = best.label.lower().split(" - ", 1)[-1]
        if _CONNECTOR.search(own) and own in " ".join(rest.lower().split()):
            return ()  # "B2 White and Black African": the "and" is in the row's own name
        subjects: list[str] = []
        sections: list[set[str]] = []
        missed = False  # a part naming some row that no figure here was read for
        tables: list[Reading] = []  # the parts naming a whole table
        named: list[tuple[str, set[str]]] = []  # the parts naming a row of their own (not "episodes how many")
        everyone = _ALL_OF.sub(".all", best.subject)  # the same figure of all children
        for part in parts:
            words = {w: weight for w, weight in self.words_of(part, nearness).items() if w not in talk}
            generic = set(words) <= GENERIC_WORDS  # "all", "all episodes", "all kids": no row of their own
            if generic and _EVERYONE.search(part):
                if everyone != best.subject and everyone in self.by_id and everyone not in subjects:
                    subjects.append(everyone)  # "LAC episodes and all": the same figure of all children beside it
                    sections.append({"headline"})
                continue  # "3+ children, all children": the figure already of all of them
            if generic and counts_beside:  # "LAC episodes and children": the row's own
                continue  # other count (_twin_asked), not all children; "children missing and CSE episodes": all
            if set(words) == {EPISODE_WORD} and len(part.split()) == 1 and ";" in rest:
                continue  # "girls vs boys june, episodes": what the rows set against each other count, not a row
            said_count = [w for w in GENERIC_WORDS if w in words]
            if len(said_count) == 1:  # "CSE episodes" beside "how many kids": this part's own count
                counted = CHILD_NOUN if said_count[0] == CHILD_WORD else EPISODE_NOUN
            elif not said_count and best.subject in _TWIN_OF:  # "LAC and CSE children": the count said for both
                counted = CHILD_NOUN if best.subject.startswith("children.") else EPISODE_NOUN
            if not words or any(w not in self.weights for w in words):
                continue
            ranked = self._twins_decided(self.score(words), counted)  # "LAC compared with CSE": their episodes
            top = ranked[0]
            if top.score < SEGMENT_SCORE or top.reading.kind != FIGURE:
                missed = missed or (top.reading.kind == FIGURE and top.score >= CLARIFY_SCORE)  # not "table pls"
                # "LAC eps, CSE eps and RHI %": a whole table named in the list (not "table pls", any table)
                table_words = set(words) - GENERIC_WORDS - self._shared_table_words
                if top.reading.kind == BREAKDOWN and top.score >= ANSWER_SCORE and table_words:
                    tables.append(top.reading)
                continue
            if {top.reading.subject, best.subject} in _TWIN_PAIRS:  # "eps all + CLA": CLA's episodes, as read
                top = Scored(best, top.score)
            rivals = [s for s in ranked[1:] if s.reading.kind == FIGURE and s.reading.subject != top.reading.subject]
            if rivals and rivals[0].score >= top.score - TIE_MARGIN:
                missed = True
                continue
            if top.reading.subject not in subjects:
                subjects.append(top.reading.subject)
                sections.append(_sections_of(top.reading))
                if not generic:
                    named.append((top.reading.subject, _sections_of(top.reading)))
        # side by side only within a section ("LAC, CIN and EH": care status), or the headlines; never with a part
        # naming a row left out in silence ("CIN, CP, LAC, care leaver, not a client": each, or none)
        # a part naming the base of another's row qualifies it ("over 100 miles, June LAC": the distances are LAC's)
        bases = {self.denominators.get(key) for key, _ in named}
        named = [(key, of) for key, of in named if key not in bases]
        # a table of another section than the rows' ("In the days missing table, how many were still missing": the
        # row's own table says where it is)
        others = [t.id for t in tables if not _sections_of(t) & set().union(_sections_of(best), *sections)]
        if (missed and len(named) > 1) or others:  # "CSE, CIN and EH june": a part named but not read clearly, or a
            return (ACROSS_TABLES, *subjects, *others)  # table beside a row: none answered
        if len(named) > 1 and not set.intersection(*(of for _, of in named)) and best.subject in subjects:
            return (ACROSS_TABLES, *subjects)  # "girls, CIN and EH june": figures of two tables, each to be asked
        if len(subjects) < 2 or not set.intersection(*sections) or missed:
            return ()
        return tuple(s for s in subjects if s != best.subject) if best.subject in subjects else ()

    def _periods(
        self,
        periods: list[Period],
        shape: Shape,
        against: bool = False,
        month_checked: bool = False,
        moved: bool = False,
    ) -> tuple[Period, tuple[Period, ...]]:
        """The period asked about and any others to compare it with; month_checked, a month named as the year's
        busiest or quietest ("the quietest month this year was May, right?").

        Raises:
            PeriodError: periods that cannot be read together.
        """
        unique = list(dict.fromkeys(periods))
        if SEASON in unique:  # "in the spring, April to June": the months said; a season alone is not agreed
            unique.remove(SEASON)
            if not unique or all(p in (SO_FAR, MONTH_SO_FAR) for p in unique):  # "the summer term so far"
                raise PeriodError(SEASON_PROBLEM)
        for so_far, alone in ((SO_FAR, None), (MONTH_SO_FAR, Period(PeriodKind.THIS_MONTH))):
            if len(unique) > 1 and so_far in unique:  # "July so far", "July MTD": that month, to the as-at time
                unique.remove(so_far)
            elif unique == [so_far] and alone is not None:
                unique = [alone]
        month_kinds = {PeriodKind.MONTH, PeriodKind.THIS_MONTH}
        others = [p for p in unique if p != Period(PeriodKind.NOW)]
        if not shape.compare and len(others) < len(unique) and others and all(p.kind in month_kinds for p in others):
            unique = others  # "where are we now for July": July
        if PREVIOUS in unique and not shape.compare:  # "how long do episodes last": a verb, not a period
            unique.remove(PREVIOUS)
        year_before = Period(PeriodKind.QUARTER, months=A_YEAR_BEFORE)
        numbered = [p for p in unique if p.kind == PeriodKind.QUARTER and p.quarter is not None]
        if year_before in unique and len(unique) == 2 and len(numbered) == 1:  # "Q2 against the same quarter last year"
            unique = [numbered[0], quarter_years_back(numbered[0])]
        longer = [p for p in unique if p.kind == PeriodKind.QUARTER and p.quarter is not None]
        if shape.extreme and len(longer) == 1 and all(p.kind == PeriodKind.MONTH for p in unique if p not in longer):
            # "lowest month in Q1 - April and June look close": the months are among the quarter's, which is asked
            unique = longer
        if unique == [SAME_LAST_YEAR]:  # "the same month last year" alone: the latest month, a year before
            unique = [Period(PeriodKind.LAST_MONTH, relative_year=-1)]
        if PREVIOUS in unique:  # "this month vs last", "this quarter against the last one": the one before it
            others = [p for p in unique if p != PREVIOUS]
            if not others and shape.compare:
                others = [Period(PeriodKind.LAST_MONTH)]  # "RHI rate v previous": the latest month against its own
            before = period_before(others[0]) if len(others) == 1 else None
            if before is None:
                raise PeriodError(PREVIOUS_PROBLEM)
            unique = [others[0], before]
        if unique == [MONTH_BEFORE] and shape.compare:  # "up or down on the month before": the latest against it
            unique = [Period(PeriodKind.LAST_MONTH), MONTH_BEFORE]
        if MONTH_BEFORE in unique and len(set(unique)) == 2:  # "June against the month before": May
            if not shape.compare:  # "May, the month before last": the same month said twice, or two?
                raise PeriodError(PREVIOUS_PROBLEM)
            other = next(p for p in unique if p != MONTH_BEFORE)
            if other.kind == PeriodKind.MONTH and (before := period_before(other)) is not None:
                unique = [other, before]
        months = [p for p in unique if p.kind == PeriodKind.MONTH]
        if shape.compare and len(months) == 2 and len(unique) > 2:  # "compare April with June" names its two
            unique = months
        if len(unique) <= 1:
            period = unique[0] if unique else Period(PeriodKind.LATEST)
            if shape.compare and period.kind == PeriodKind.RANGE and period.from_month_of_year is not None:
                named = period.month_of_year is not None
                if named:  # "between May and June", "May to June change": the two months side by side
                    first = Period(PeriodKind.MONTH, month_of_year=period.from_month_of_year)
                    return first, (Period(PeriodKind.MONTH, month_of_year=period.month_of_year),)
            dated = period.kind == PeriodKind.RANGE and period.from_month is not None and period.month is not None
            # "did it rise April 2019 to June 2019?", "change 2019-05 to 2019-06": the two months too (not "more than 5
            # days, April 2019 to June 2019": a band, over the months)
            if shape.compare and dated and moved:
                return Period(PeriodKind.MONTH, month=period.from_month), (
                    Period(PeriodKind.MONTH, month=period.month),
                )
            since = period.kind == PeriodKind.RANGE and period.month_of_year is None and period.month is None
            if shape.change and not shape.by_month and since and period.from_month_of_year is not None:
                # "has it gone up since April": April against the latest month (month by month when asked so)
                return Period(PeriodKind.MONTH, month_of_year=period.from_month_of_year), (
                    Period(PeriodKind.LAST_MONTH),
                )
            if shape.compare and shape.change and period.kind == PeriodKind.MONTH and against:
                return period, (Period(PeriodKind.LAST_MONTH),)  # "has it fallen compared to April": April to now
            named_month = period.kind == PeriodKind.MONTH and not shape.whole  # a table's change is its own question
            # "June, is it dropping?": June against May (but "each month to June, is it dropping?" is the run to June:
            # it had given June alone, as a run of one month)
            if shape.change and named_month and not shape.by_month and (before := period_before(period)) is not None:
                return period, (before,)
            if shape.change and period == Period(PeriodKind.LAST_MONTH):
                return MONTH_BEFORE, (period,)  # "is it up on last month": the latest month against the one before
            return period, ()
        if _a_month_and_the_year(unique) and month_checked:
            # "the quietest month this year was May, right?": the year's months, the month named among them
            return next(p for p in unique if p.kind == PeriodKind.YEAR_TO_DATE), ()
        if _a_month_and_the_year(unique) and not shape.compare:
            return combine_periods(unique), ()
        recent = next((p for p in unique if p.kind == PeriodKind.RECENT and p.months), None)
        named_range = next((p for p in unique if p.kind == PeriodKind.RANGE and p.from_month_of_year), None)
        # "the last 6 months, Jan to Jun": the same months said twice, as named
        if len(unique) == 2 and recent and named_range and named_range.month_of_year and not shape.compare:
            span = (named_range.month_of_year - (named_range.from_month_of_year or 0)) % 12 + 1
            if span == recent.months:
                return named_range, ()
        years = [p for p in unique if p.kind == PeriodKind.FINANCIAL_YEAR and p.year_start is None and p.relative_year]
        others = [p for p in unique if p not in years]
        if years and len(others) == 1 and others[0].kind in (*MONTH_KINDS, PeriodKind.QUARTER):
            # "this month against the same month last year", "June compared with last year"
            base = others[0]
            if base.kind == PeriodKind.LATEST:
                base = Period(PeriodKind.LAST_MONTH)
            if (
                base.kind == PeriodKind.QUARTER and base.quarter is None
            ):  # "this quarter against the same time last year"
                return base, (quarter_years_back(base),)
            return base, (replace(base, relative_year=-1),)
        if len(unique) >= 3 and not shape.compare and all(p.kind == PeriodKind.MONTH for p in unique):
            first, last = unique[0], unique[-1]  # "April, May, June": the months from the first to the last
            return (
                Period(
                    PeriodKind.RANGE,
                    month=last.month,
                    month_of_year=last.month_of_year,
                    from_month=first.month,
                    from_month_of_year=first.month_of_year,
                ),
                (),
            )
        if any(p.kind in (PeriodKind.RECENT, PeriodKind.NOW) for p in unique):
            raise PeriodError("That names more than one period; ask about one, or two months side by side.")
        return unique[0], tuple(unique[1:])

    def _not_understood(self, text: str, unknown: list[str]) -> NotUnderstood:
        if not unknown:
            return NotUnderstood("I could not tell which figure that asks for.", self.suggest(text), unread=True)
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
        return NotUnderstood(problem, self.suggest(text), unread=True)

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


# Words a "not" may pass on its way to the row it negates: "excluding the kids placed within 10 miles", "weren't in
# care", "NOT the LAC ones"; any other word between them (a verb: "don't have the LAC figure") means it negates that.
_PASSED_BY_A_NOT = frozenset(
    {
        "the",
        "a",
        "an",
        "those",
        "these",
        "ones",
        "one",
        "of",
        "in",
        "at",
        "from",
        "placed",
        "placement",
        "involving",
        "involved",
        "any",
        "children",
        "episodes",
        "were",
        "was",
        "are",
        "is",
        "be",
        "being",
        "within",
    }
)
_FILLER_VERBS = frozenset({"have", "had", "has", "get", "got", "see", "seen", "need", "know", "want", "come", "go"})


def _quarter_holding(month: Period) -> list[Period]:
    """The financial year's quarter a month named by its name falls in ("the quarter" beside May: Q1)."""
    if month.kind != PeriodKind.MONTH or month.month_of_year is None:
        return []
    quarter = (month.month_of_year - FIRST_MONTH_OF_YEAR) % 12 // 3 + 1
    return [Period(PeriodKind.QUARTER, quarter=quarter, relative_year=month.relative_year)]


def _month_in_longer(periods: list[Period]) -> tuple[Period, Period] | None:
    """The one month and the one longer period a question names ("the YTD ... June", "May's share of the quarter"),
    month first; None unless it names exactly those two (whether the month is in it is told when answered)."""
    months = [p for p in periods if p.kind == PeriodKind.MONTH]
    longer = [p for p in periods if p.kind in _LONGER and p not in (SO_FAR, SEASON, SAME_LAST_YEAR)]
    return (months[0], longer[0]) if len(periods) == 2 and len(months) == 1 and len(longer) == 1 else None


def _question_words(rest: str) -> list[str]:
    """The question's words in order, synonyms and quantities read ("non-LAC" as "not lac"), as a "not" is judged."""
    return read_quantities(replace_synonyms(split_words(rest)))


def _negated_words(rest: str) -> list[str]:
    """The word each "not" of the question's words comes right before, filler apart ("episodes NOT LAC": "lac", "not
    within 20 miles": the band), where it negates a row's word at all: a "not" of another verb ("the ones that don't
    get ...", "I don't have the LAC figure") negates none."""
    words = _question_words(rest)
    negated = []
    for n, word in enumerate(words):
        if word != NEGATION:
            continue
        following = n + 1
        while following < len(words) and words[following] in _PASSED_BY_A_NOT:
            following += 1
        banded = following + 1 < len(words) and re.match(r"@|\d", words[following + 1]) is not None
        if following < len(words) and words[following] in _FILLER_VERBS and banded:
            following += 1  # "who didn't have 3 or more episodes": the verb before a band is passed
        # the next word, as typed, must itself name the row: "don't have the LAC figure" negates "have"
        named = content_stems(words[following : following + 3]) if following < len(words) else []
        if named and words[following] not in _FILLER_VERBS:
            negated.append(named[0])
    return negated


def _range_ends(period: Period) -> tuple[Period, tuple[Period, ...]]:
    """A range's first month, and its last to set against it."""
    if period.month is not None and period.from_month is not None:
        return Period(PeriodKind.MONTH, period.from_month), (Period(PeriodKind.MONTH, period.month),)
    first = Period(PeriodKind.MONTH, month_of_year=period.from_month_of_year, relative_year=period.relative_year)
    return first, (Period(PeriodKind.MONTH, month_of_year=period.month_of_year, relative_year=period.relative_year),)


def _differs(one: Question, other: Question) -> bool:
    """Whether two readings answer differently: another row, period, comparison or shape."""
    return (one.kind, one.keys, one.also, one.period, one.compare, one.by_month) != (
        other.kind,
        other.keys,
        other.also,
        other.period,
        other.compare,
        other.by_month,
    )


# A shift log's or a ticket system's marks around a question ("[09:14]", "18/07 10:02 -", "Ref MR-2231:", "INC0045512
# -", "log #451 -", and after it "- pending", "(urgent)"): when and where it was logged, never a figure asked.
_LOG_PREFIX = re.compile(
    r"^\s*(?:\[\s*\d{1,2}:\d{2}(?::\d{2})?\s*\]|\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+\d{1,2}[:.]\d{2}"
    r"|(?i:ref(?:erence)?|ticket|log|call|job|case\s+ref|inc(?:ident)?)\s*(?:no\.?|number)?\s*[#:]?\s*"
    r"(?:[A-Za-z]{1,4}[-/]?\d+|(?<=#)\s*\d+|(?!(?:19|20)\d\d\b)\d{3,})(?![./\d])"
    r"|[A-Z]{2,5}\d{5,})\s*[-–:]?\s*"
)
_INITIALS = re.compile(r"^\s*([A-Z]{2,3})\s*:\s+")  # "JB: ..."
MAX_LOG_MARKS = 3  # "[09:14] JB: Ref MR-2231: ...": a few marks, one after another
_LOG_STATUS = re.compile(
    r"(?i)\s*(?:[-–]\s*(?:pending|urgent|chased|chasing|open|closed|resolved|tbc|asap|fyi|for\s+info)"
    r"|\(\s*(?:pending|urgent|chased|chasing|open|closed|resolved|tbc|asap|fyi|for\s+info)\s*\))\W*$"
)
# The bot called as a voice assistant is ("Hey bot, ...", "OK missing report, ...", "Read me ..."): no word asked.
_READ_ME = r"(?:please\s+)?read\s+(?:me|out)\b"
_WAKE_WORDS = re.compile(
    r"^\s*(?:(?:hey|hi|hello|ok|okay|oi|yo)\s*,?\s+(?:(?:the\s+)?bot|missing\s+report(?:\s+bot)?|missing\s+bot|report\s+bot)\b"
    rf"\s*[,:!.-]*\s*(?:{_READ_ME})?|{_READ_ME})",
    re.IGNORECASE,
)


_CURLY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
    }
)  # curly quotes, non-breaking and thin spaces, en and em dashes ("Apr–Jun", "21–30 miles")


_AT_MENTION = re.compile(r"<at>[^<]{0,80}</at>", re.IGNORECASE)  # Teams' mention of the bot, as it sends it


PLAUSIBLE_YEARS = (10, 30)  # two-digit years an extract's months may have ("jun 19", "apr 2018" as "apr 18")
MONTHS_IN_A_PASTED_ROW = 3  # "Apr 17 May 16 Jun 28": three months, each with a number, are a row of figures
# A month and a number beside it in a pasted row: separated by a tab or a bar, or one of several months each with its
# own number ("May 73 Jun 97", "Apr 17 | May 16"): the number is the asker's figure, never a year ("April 2017").
_CELL = re.compile(
    rf"(?i)\b({MONTH_ABBREVIATION})(\s*[\t|:]\s*|\s+)(\d{{1,3}}|\?+)(?![\d/.%])(?!\s*(?:yrs?|years?|miles?|days?|\+))"
)


def _table_words(match: re.Match[str]) -> str:
    """A table named after a row's words, as its name: "the episodes row in the LAC table" is LAC's episodes."""
    section = _table_section(match)
    if section in (None, "1"):  # the headline table: its rows are all children's
        return " "
    return f" {next((name for name, number in TABLE_NAMES.items() if number == section), '')} "


def _table_section(match: re.Match[str]) -> str | None:
    """The section a table is named by: its number ("table 9", "section 6") or its words ("the RHI table")."""
    number = match.group("number")
    return number if number else TABLE_NAMES.get(re.sub(r"\s+", " ", match.group("name") or ""))


def _self_corrected(text: str) -> str:
    """A period put right as it was said ("missing in June? er, sorry, I mean May", "in May, sorry, no, April", "June -
    no wait, May"): the later period in place of the earlier, the rest of the question kept."""
    for match in reversed(list(_CORRECTION.finditer(text))):
        before, after = text[: match.start()], text[match.end() :]
        if "(" in text[match.start() : match.end()]:  # "in June (sorry, I meant April)": the bracket's close too
            after = after.replace(")", " ", 1)
        said_after, rest_after, _ = read_periods(after.lower())
        said_before, rest_before, _ = read_periods(before.lower())
        if said_after and said_before and len(rest_after.split()) <= MAX_WORDS_AFTER_CORRECTION:
            return f"{rest_before} {after}"
    return text


def _keys_read(reading: Question | NotUnderstood | Clarification) -> set[str]:
    """The rows a reading names: a question's subject, or each row a clarification offers ("CSE": episodes or
    children)."""
    if isinstance(reading, Question):
        return {str(reading.subject)}
    if isinstance(reading, Clarification):
        return {choice.split()[0].lstrip(KEY_MARK) for _, choice in reading.choices}
    return set()


def _sections_of(reading: Reading) -> set[str]:
    """The sections a figure is set beside others in: the headline rows (all, LAC, CSE) count as one; LAC episodes
    are care status's LAC too."""
    return {HEADLINE_SECTIONS.get(reading.section, reading.section), *reading.also_in}


def _without_pasted_cells(text: str) -> str:
    """The message without the numbers of a pasted row's month cells, when it has such a row: months with different
    numbers beside them, or a month and a number a tab or a bar apart."""
    cells = list(_CELL.finditer(text))
    tabbed = any(re.search(r"[\t|]", m.group(2)) for m in cells)
    numbers = [m.group(3) for m in cells]
    # "jun 19 vs jun 18" are years (two-digit years of this century's data); "May 73 Jun 97" and a row of three are not
    no_year = any(not n.isdigit() or not PLAUSIBLE_YEARS[0] <= int(n) <= PLAUSIBLE_YEARS[1] for n in numbers)
    row = len(numbers) >= MONTHS_IN_A_PASTED_ROW or (len(set(numbers)) >= 2 and no_year)
    if not cells or not (tabbed or row):
        return text
    # The month asked: the one whose cell is "??", or one named outside the row ("... - check may"); the row's other
    # months are the asker's context, not periods asked
    asked = {m.span() for m in cells if not m.group(3).isdigit()}
    outside = MONTH_WORD_SAID.search(_CELL.sub(" ", text))
    if asked or outside:
        return _CELL.sub(lambda m: m.group(1) if m.span() in asked else " ", text)
    return _CELL.sub(lambda m: m.group(1), text)


def _as_typed(text: str) -> str:
    """The message as the person typed it, without what Teams adds on its way: its mention of the bot
    ("<at>Missing Report</at>"), HTML entities ("&amp;", "&nbsp;", "&gt;"), curly quotes, non-breaking spaces."""
    return html.unescape(_AT_MENTION.sub(" ", text)).translate(_CURLY)


def _crossed(best: Reading, other: Reading, shape: Shape, rest: str) -> bool:
    """Whether two rows of different breakdowns are named as one group ("LAC girls", "CSE boys", "BME children in
    care"), not side by side ("CPP vs LAC", "girls and boys")."""
    # LAC's rows (2) are a care status (6); a row of what was not recorded is said of the data ("the missing data")
    sections = {"6" if r.section == "2" else r.section for r in (best, other)}
    unrecorded = any(r.subject.endswith(("not_recorded", ".E4")) for r in (best, other))
    side_by_side = shape.compare or _CONNECTOR.search(rest) is not None or any(c in rest.strip(" .?!\n") for c in ".\n")
    return len(sections) == 2 and sections <= SUBSET_SECTIONS and not side_by_side and not unrecorded


def _without_addressee(text: str) -> str:
    """The message without an @mention it opens with, typed as text ("@Missing Report Hi, could you ..."): Teams and
    Slack take a real mention out before the bot reads; a typed one names the bot, not a figure. A reading's own
    token ("@episodes.lac June", from a button) is kept, as is a month after the name. The bot's name said as a
    voice assistant's is ("Hey bot, ...", "OK missing report, ...", "Read me ...") goes too."""
    text = _WAKE_WORDS.sub("", text, count=1)
    match = _MENTION.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    while (word := _TITLE_WORD.match(rest)) and word.group(1).lower() not in MONTH_NAMES:
        rest = rest[word.end() :]
    return rest.lstrip(" ,:")


def _last_year_month(text: str) -> str:
    """ "This June than last June", "June compared last June": a month said twice, once after "last", is that month
    and the same month the year before, not the month before it."""
    lowered = text.lower()
    for month in set(split_words(lowered)) & set(MONTH_NAMES):
        if len(re.findall(rf"\b{month}\b", lowered)) >= 2 and re.search(rf"\blast\s+{month}\b", lowered):
            text = re.sub(rf"\blast\s+{month}\b", f"{month} last year", text, flags=re.IGNORECASE)
    return text


def _asks_two(whole: Question, readings: list[Question]) -> bool:
    """Whether a message's sentences ask for two different figures, for two different periods, that its reading as a
    whole does not both show ("how many children went missing this year? what share were White British in May?")."""
    shown = {*whole.keys, *whole.also}
    asked = [(frozenset((*r.keys, *r.also)), r.period) for r in readings if r.kind == FIGURE and r.keys]
    apart = any(not a <= b and not b <= a and p != q for a, p in asked for b, q in asked)
    return apart and not all(keys <= shown for keys, _ in asked)


def _slips_apart(typed: str, known: str) -> bool:
    """Whether a typed word is a slip of the finger from a known one: one letter wrong, missing, added or two swapped
    (two in a long word), once a plural or possessive ending is set aside. A word that merely contains a known one
    ("together", "other") is another word."""
    allowed = 1 if len(known) < LONG_WORD_LETTERS else 2
    return min(OSA.distance(a, b) for a in (typed, stem(typed)) for b in (known, stem(known))) <= allowed


MIN_TWICE_SWAPPED_LETTERS = 7  # a shorter word swapped twice is too far from what was typed to be sure of


def _two_swaps(typed: str, word: str) -> bool:
    """Whether typed is word with two pairs of neighbouring letters swapped, and nothing else."""
    differ = [n for n, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    return (
        len(differ) == 4
        and differ[1] == differ[0] + 1
        and differ[3] == differ[2] + 1
        and all(typed[n] == word[n + 1] and typed[n + 1] == word[n] for n in (differ[0], differ[2]))
    )


def _letters_swapped(typed: str, known: str) -> bool:
    """Whether typed is known with its last two letters swapped ("mya" for "may", "jnu" for "jun")."""
    return len(typed) == len(known) > 2 and typed[:-2] == known[:-2] and typed[-2:] == known[-1] + known[-2]


def _one_slip(typed: str, known: str) -> bool:
    """One letter wrong, missing, added, or two side by side swapped."""
    return OSA.distance(typed, known) == 1


def _a_month_and_the_year(periods: list[Period]) -> bool:
    """Two periods, a month and a year to date ("YTD to June", "June and YTD", "this year to end of June")."""
    return len(periods) == 2 and {p.kind for p in periods} == {PeriodKind.MONTH, PeriodKind.YEAR_TO_DATE}


def _quarter_said_twice(question: Question) -> bool:
    """Whether the question's two periods are a quarter named and the last quarter ("Q1 ... across the quarter")."""
    periods = (question.period, *question.compare)
    named = [p for p in periods if p.kind == PeriodKind.QUARTER and p.quarter is not None]
    said = [p for p in periods if p.kind == PeriodKind.QUARTER and p.quarter is None and p.relative_year == -1]
    return len(periods) == 2 and len(named) == 1 and len(said) == 1


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
