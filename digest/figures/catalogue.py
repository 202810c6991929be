"""Every indicator of the data contract: its ref, key, label, short label, section and what its percentage
is of; and the breakdown groups (days missing, RHI, care status, gender, ethnicity, BME, age, distance)
that tables, charts, answers and questions show. This is the one place that knows them: everything
else asks the catalogue, so a council's own ethnicity codes reach every output with no code change.

The order here is the order of the JSON profile and of the people-facing table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digest.contract.config import Config

# Denominators: the key whose count is the "% of" base. Internal keys (leading "_") are counted
# but never shown.
ALL_EPISODES = "episodes.all"
LAC_EPISODES = "episodes.lac"
CSE_EPISODES = "episodes.cse"
RHI_OFFER_RECORDED = "_rhi.offer_recorded"
RHI_ANSWER_RECORDED = "_rhi.answer_recorded"
RHI_ACCEPTED = "rhi.accepted"
STILL_MISSING = "duration.still_missing"  # open at the month's end: not a sum of the month's days
LONGEST_BAND = "duration.gt5"  # the open last band of days missing (more than 5 days)
DISTINCT_CHILDREN_PREFIX = "children."  # each child counted once over a period: a year is not a sum of months


def counts_children(keys: tuple[str, ...]) -> bool:
    """Whether any of the rows counts children, each once over a period (so no sum, rate or difference of months)."""
    return any(key.startswith(DISTINCT_CHILDREN_PREFIX) for key in keys)


DURATION_DAYS = (0, 1, 2, 3, 4, 5)
AGES = (10, 11, 12, 13, 14, 15, 16)
MAX_RECORDED_AGE_YEARS = 25  # a date of birth more years than this before the start is not recorded (spec 1)
DISTANCE_BANDS = tuple(range(10, 101, 10))  # upper edges of 0_10, 11_20, ..., 91_100 (miles)
STATUSES = (
    ("early_help", "Early Help"),
    ("cin", "CIN"),
    ("cpp", "CPP"),
    ("lac", "LAC"),
    ("care_leaver", "Care Leaver"),
    ("not_a_client", "Not a client"),
)


# What each denominator counts, as an answer says it ("12 (9% of 129 episodes)").
DENOMINATOR_NOUNS = {
    ALL_EPISODES: "episodes",
    LAC_EPISODES: "LAC episodes",
    RHI_OFFER_RECORDED: "episodes with an offer recorded",
    RHI_ANSWER_RECORDED: "offers with an answer recorded",
    RHI_ACCEPTED: "accepted",
    "status.not_a_client": "not a client episodes",  # PART_OF's: OLA's share of not a client
}

# Shorter names than the report's row labels, for an answer's title or a headline.
SHORT_LABELS = {
    "episodes.all": "Missing episodes",
    "episodes.lac": "LAC episodes",
    "episodes.cse": "Episodes at CSE risk (medium/high)",
    "children.all": "Children missing",
    "children.lac": "Looked-after children missing",
    "children.cse": "Children at CSE risk (medium/high)",
    "children.3plus.all": "Children with 3 or more episodes",
    "children.3plus.lac": "Looked-after children with 3 or more LAC episodes",
    "children.3plus.cse": "Children with 3 or more CSE-risk episodes",
    "duration.0": "Same-day returns",
    "duration.gt5": "Episodes lasting more than 5 days",
    "duration.still_missing": "Still missing at the end of the month",
    "rhi.offered": "Return home interviews offered",
    "rhi.accepted": "Return home interviews accepted",
    "rhi.completed_in_time": "Return home interviews completed in time",
    "rhi.not_completed_in_time": "Return home interviews not completed in time",
    "rhi.pending": "Return home interviews not yet due",
    "status.other_la": "Episodes of children from another local authority",
    "ethnicity.bme": "BME episodes",
}


# Derived figures: worked out from the rows above, never stored, each defined here once (and in
# docs/indicators.md). Answers use them; no answer invents its own.
# Episodes per child over a period: the family's episodes over its distinct children in the same period.
EPISODES_PER_CHILD = {
    "all": ("episodes.all", "children.all"),
    "lac": ("episodes.lac", "children.lac"),
    "cse": ("episodes.cse", "children.cse"),
}
# Any of these figures read as its family, for "episodes per child" ("per LAC child" names children.lac).
PER_CHILD_FAMILY = {
    key: family for family, pair in EPISODES_PER_CHILD.items() for key in (*pair, f"children.3plus.{family}")
}
# The share of a row that has no percentage of its own in the report: what it is a share of.
SHARE_BASES = {
    "episodes.lac": ALL_EPISODES,
    "episodes.cse": ALL_EPISODES,
    "children.lac": "children.all",
    "children.cse": "children.all",
    "children.3plus.all": "children.all",
    "children.3plus.lac": "children.lac",
    "children.3plus.cse": "children.cse",
}
# Rows counting a part of another row, not of all episodes (6.7: of those 'Not a client', the children of another
# local authority; the report's own percentage is of all episodes): their share of that row, and that row less them,
# are derived figures when that row is named ("OLA as a % of not a client", "not a client other than OLA").
PART_OF = {"status.other_la": "status.not_a_client"}
# The bases whose episodes each row of a breakdown counts a part of: "episodes other than White British" (or "not
# LAC", "apart from the under-11s") are the base less the row, its complement, a derived figure. Only episode counts
# have one (a child may be counted in two rows of a period); RHI rows have rows of their own for what is not.
COMPLEMENT_BASES = frozenset({ALL_EPISODES, LAC_EPISODES})
# Rows of a table that total others of it (Total BME) or are a part of one (6.7 OLA, of not a client): never
# ranked among the rows beside them ("top 3 ethnic groups").
SUMMARY_ROWS = frozenset({"ethnicity.bme", "status.other_la"})


def complement_base(indicator: Indicator) -> str | None:
    """The base a row's complement is taken of (all episodes, or LAC episodes for the distances), or None."""
    if indicator.key in PART_OF:
        return PART_OF[indicator.key]
    base = indicator.denominator or SHARE_BASES.get(indicator.key)
    if indicator.key.startswith(DISTINCT_CHILDREN_PREFIX) or indicator.key == base:
        return None
    return base if base in COMPLEMENT_BASES else None


# Lengths of closed episodes: whole calendar days from the start date to the end date (section 4's count),
# over the episodes starting in the period that had ended by the as-at time.
AVERAGE_LENGTH, MEDIAN_LENGTH = "average", "median"
LENGTH_LABELS = {
    AVERAGE_LENGTH: "Average (mean) length of a closed episode",
    MEDIAN_LENGTH: "Median length of a closed episode",
}
# Each derived figure in words, for analysts (docs/indicators.md is written from these).
DERIVED_DEFINITIONS = (
    (
        "Share of a row",
        'Rows of sections 4 to 10 carry their own percentage (the "% of" column above). For the rows with none, '
        "the share is of the row they are part of: LAC and CSE-risk episodes (2.1, 3.1) of all episodes (1.1); "
        "LAC and CSE-risk children (2.2, 3.2) of all children (1.2); children with 3 or more episodes (1.3, 2.3, "
        '3.3) of the children of the same kind (1.2, 2.2, 3.2). An answer always names the base ("28 (53% of 53 '
        'children missing)") and rounds as every percentage is rounded.',
    ),
    (
        "Rows added up",
        'A question naming a range of whole bands ("at least 2 days", "more than 40 miles", "under 13s", '
        '"within 20 miles") gets the sum of those rows over the rows\' own base, and the answer says which rows '
        'it added. A range inside one band ("more than a week", when the last band is "more than 5 days") is '
        "answered with the band that holds it, named in the answer's title.",
    ),
    (
        "All but some rows (a complement)",
        'A question asking for the episodes that are not in a row ("episodes that were NOT LAC", "other than White '
        'British", "apart from the under-11s", "LAC episodes not within 20 miles") gets the base less the row, or '
        "rows: all episodes (1.1) for the rows counted of all episodes (2.1, 3.1 and sections 4 and 6 to 9), LAC "
        'episodes (2.1) for the distances (10), with its share of that base. The answer\'s title says "other than" '
        'and a line names the rows taken away ("All episodes less row 2.1 of the report."). Only episode counts '
        "have one: a child is counted once in a period but may be in two of its rows, so children less children "
        "counts no children; the return interviews have rows of their own for what is not (5.3b), and a total or "
        "part row (Total BME, 6.7 OLA) is never taken from another row. The one exception is a part row taken from "
        'the row it is part of, when that row is named ("not a client other than OLA", "of the not a client '
        "episodes, how many weren't OLA\"): not a client (6.6) less OLA (6.7), with its share of not a client.",
    ),
    (
        "Share of the row a row is part of",
        "OLA (6.7) counts a part of the not a client episodes (6.6), but the report prints its percentage of all "
        'episodes. Asked as a share of not a client ("OLA as a % of not a client", "what share of the not a client '
        'episodes were OLA"), it is 6.7 over 6.6 for the same period, and the answer names that base.',
    ),
    (
        "Episodes per child",
        "Over a period, the episodes of a kind (all, LAC, CSE risk medium/high) divided by the distinct children "
        "among them in the same period (1.1 / 1.2, 2.1 / 2.2, 3.1 / 3.2), to one decimal place; for a month or "
        "a year to date (children are counted once over a period, and stored for those). England's published "
        "figure of this kind is incidents per missing child.",
    ),
    (
        "Average (mean) length of a closed episode",
        "Over the episodes starting in the period (all, LAC, or at CSE risk medium/high) that had ended by the "
        "as-at time: the mean of their lengths "
        "in whole calendar days from the start date to the end date (section 4's count: 0 for a same-day "
        "return), to one decimal place. Episodes still open are left out (their length is not known yet) and "
        "the answer says how many were.",
    ),
    (
        "Average a month",
        "Over a run of months, the mean of the months' counts as the report gives each (so the children of each "
        "month, not the children counted once over the run), to one decimal place; months with no data or a "
        "withheld count take no part, and the answer says how many months it is over.",
    ),
    (
        "A month against a run's average",
        'A month set against a longer run\'s average a month ("is June above or below the Q1 monthly average?") is '
        "set against the average a month of the run (as above, the month itself among its months), and the answer "
        "says how far above or below it the month is, to one decimal place.",
    ),
    (
        "Rate a day or a week",
        "A period's count of episodes, or of return interviews, over the days the period covers, times 7 for a week "
        "or 14 for a fortnight, to one decimal place: each month's calendar days, and for the month under way the "
        "days from its 1st to the as-at time (a part day counted whole). The answer says the count and the days. "
        "Children have none: a child is counted once over a period, so children over its days count nothing. Of two "
        "periods, the higher by the rate is named; of a run, its highest and lowest month by the rate (months differ "
        "in their days, so the month with the most episodes need not have the highest rate).",
    ),
    (
        "Ratio of two rows",
        "The first row's count over the second's in the same period, in the order asked, to two decimal places "
        '("Female to Male, June 2019: 63 to 53, about 1.19 to 1"); both rows count the same thing (episodes, or '
        'children). A row and the rest of its base ("LAC:non-LAC") is the row over its base less the row. Episodes '
        "over children is episodes per child (above). With none of the second there is no ratio. Two rows can "
        "overlap (LAC and CSE-risk episodes): a ratio does not make them separate groups.",
    ),
    (
        "Against the usual",
        'A month set against what is usual ("is June higher than usual?", "above the monthly average for the year?", '
        '"unusually high?") is set against the average a month of the other whole months of its financial year that '
        "have figures (the month so far, months with no data and withheld months take no part), each of them named; "
        "by their shares where a share is asked, else by their counts; the answer says whether the month is above or "
        "below that average, and to one decimal place.",
    ),
    (
        "Median length of a closed episode",
        "Over the same episodes, the middle length in whole days (the mean of the two middle lengths when "
        "their number is even).",
    ),
    (
        "Change between two periods",
        "The later count less the earlier; where the figure has a percentage, also the change in percentage "
        "points between the two shares, rounded to whole points.",
    ),
    (
        "Largest and smallest month of a run",
        "By count, or by share when a share was asked; months with no data or a withheld figure take no part.",
    ),
    (
        "Under disclosure control",
        'A derived figure made from a withheld count is withheld too ("c"), and so is a length over five or '
        "fewer episodes, and a complement of one to five.",
    ),
)


@dataclass(frozen=True)
class Indicator:
    ref: str
    key: str
    label: str
    section: str
    denominator: str | None = None
    month_only: bool = False

    @property
    def short_label(self) -> str:
        return SHORT_LABELS.get(self.key, self.label)


@dataclass(frozen=True)
class GroupRow:
    """One bar of a breakdown's chart: a short label, and the indicators it adds up."""

    label: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A breakdown: the rows its chart draws, and the indicator rows its table lists (in report order)."""

    name: str
    title: str
    section: str
    rows: tuple[GroupRow, ...]
    table_keys: tuple[str, ...]
    denominator: str


@dataclass(frozen=True)
class Section:
    number: str
    title: str


SECTIONS = (
    Section("1", "All Episodes"),
    Section("2", "Looked After Children (by missing episodes)"),
    Section("3", "Child Sexual Exploitation (by missing episodes)"),
    Section("4", "Number of days missing"),
    Section("5", "Return Home Interviews"),
    Section("6", "Breakdown of social care status (by missing episodes)"),
    Section("7", "Breakdown by Gender (by missing episodes)"),
    Section("8", "Breakdown by Ethnicity (by missing episodes)"),
    Section("9", "Breakdown by Age (by missing episodes)"),
    Section("10", "LAC CYP - Placement distance (at time of episode) from home in miles"),
)
SECTION_BY_NUMBER = {section.number: section for section in SECTIONS}
# What stays empty (or all "not recorded") when an extract lacks an optional column.
SECTION_OF_OPTIONAL_COLUMN = {
    "other_la": "6",
    "cse_risk": "3",
    "placement_distance_miles": "10",
    "rhi_offered": "5",
    "rhi_accepted": "5",
    "rhi_completed": "5",
}


def describe_empty_section(column: str) -> str:
    """The section an absent optional column leaves empty, as the ingest report names it."""
    number = SECTION_OF_OPTIONAL_COLUMN[column]
    title = SECTION_BY_NUMBER[number].title
    if column == "other_la":
        return f"row 6.7 of section {number}, Not a client from another local authority"
    return f"section {number}, {title}"


def distance_key(upper: int) -> str:
    return f"distance.{upper - 9 if upper > 10 else 0}_{upper}"


def build_catalogue(config: Config) -> list[Indicator]:
    """The indicators in report order, with the ethnicity rows the config lists."""
    rule = config.rhi_deadline.describe()
    rows = [
        Indicator("1.1", "episodes.all", "Number of Missing Episodes - all", "1"),
        Indicator("1.2", "children.all", "Involving; Number of individual children - all", "1"),
        Indicator("1.3", "children.3plus.all", "Number of children with 3 or more episodes in reporting period", "1"),
        Indicator("2.1", "episodes.lac", "Number of Missing Episodes - LAC", "2"),
        Indicator("2.2", "children.lac", "Involving; Number of individual children - LAC", "2"),
        Indicator(
            "2.3",
            "children.3plus.lac",
            "Number of children with 3 or more LAC episodes in reporting period",
            "2",
        ),
        Indicator("3.1", "episodes.cse", "Number of Missing Episodes - CSE risk is known to be medium/high", "3"),
        Indicator(
            "3.2",
            "children.cse",
            "Involving; Number of individual children - CSE risk is known to be medium/high",
            "3",
        ),
        Indicator(
            "3.3",
            "children.3plus.cse",
            "Number of CSE Medium/High cases with 3 or more episodes in reporting period",
            "3",
        ),
    ]
    for number, days in enumerate(DURATION_DAYS, start=1):
        label = "0 (same day return)" if days == 0 else f"{days} day{'s' if days > 1 else ''}"
        rows.append(Indicator(f"4.{number}", f"duration.{days}", label, "4", ALL_EPISODES))
    rows += [
        Indicator("4.7", "duration.gt5", "More than 5 days", "4", ALL_EPISODES),
        Indicator(
            "4.8",
            "duration.still_missing",
            "Still missing (as at the end of each month)",
            "4",
            ALL_EPISODES,
            month_only=True,
        ),
        Indicator(
            "5.1",
            "rhi.offered",
            "Return Home Interview offered (of episodes with Yes or No recorded)",
            "5",
            RHI_OFFER_RECORDED,
        ),
        Indicator(
            "5.2",
            "rhi.accepted",
            "Return Home Interview accepted (of those offered, not inc. N/A)",
            "5",
            RHI_ANSWER_RECORDED,
        ),
        Indicator(
            "5.3a",
            "rhi.completed_in_time",
            f"Return Home Interview completed in {rule} (of those accepted)",
            "5",
            RHI_ACCEPTED,
        ),
        Indicator(
            "5.3b",
            "rhi.not_completed_in_time",
            f"Return Home Interview not completed in {rule} (of those accepted)",
            "5",
            RHI_ACCEPTED,
        ),
        Indicator(
            "-",
            "rhi.pending",
            "Return Home Interview accepted, not yet due (of those accepted)",
            "5",
            RHI_ACCEPTED,
        ),
    ]
    for number, (key, label) in enumerate(STATUSES, start=1):
        rows.append(Indicator(f"6.{number}", f"status.{key}", label, "6", ALL_EPISODES))
    rows += [
        Indicator(
            "6.7",
            "status.other_la",
            "Of those 'Not a client', episodes of children from another local authority",
            "6",
            ALL_EPISODES,
        ),
        Indicator("6.8", "status.unrecognised", "Care status not recognised", "6", ALL_EPISODES),
        Indicator("7.1", "gender.female", "Female", "7", ALL_EPISODES),
        Indicator("7.2", "gender.male", "Male", "7", ALL_EPISODES),
        Indicator("7.3", "gender.other", "Other / not recorded", "7", ALL_EPISODES),
    ]
    codes = config.ethnicity.codes
    for number, (code, label) in enumerate(codes, start=1):
        rows.append(Indicator(f"8.{number}", f"ethnicity.{code}", f"{code} - {label}", "8", ALL_EPISODES))
    rows += [
        Indicator(f"8.{len(codes) + 1}", "ethnicity.unrecognised", "Ethnicity not recognised", "8", ALL_EPISODES),
        Indicator(f"8.{len(codes) + 2}", "ethnicity.bme", "Total BME", "8", ALL_EPISODES),
        Indicator("9.1", "age.under_10", "Under 10yrs", "9", ALL_EPISODES),
    ]
    for number, age in enumerate(AGES, start=2):
        rows.append(Indicator(f"9.{number}", f"age.{age}", f"{age}yrs", "9", ALL_EPISODES))
    rows.append(Indicator("9.9", "age.17_plus", "17+yrs", "9", ALL_EPISODES))
    rows.append(Indicator("9.10", "age.not_recorded", "Not recorded", "9", ALL_EPISODES))
    for number, upper in enumerate(DISTANCE_BANDS, start=1):
        label = "10 miles or under" if upper == 10 else f"{upper - 9}-{upper} miles"
        rows.append(Indicator(f"10.{number}", distance_key(upper), label, "10", LAC_EPISODES))
    rows += [
        Indicator("10.11", "distance.101_plus", "101+ miles", "10", LAC_EPISODES),
        Indicator("10.12", "distance.not_recorded", "Not recorded", "10", LAC_EPISODES),
    ]
    return rows


def build_groups(config: Config) -> dict[str, Group]:
    """Every breakdown, by name, with the ethnicity codes, labels and BME grouping the config gives."""
    catalogue = build_catalogue(config)
    by_section: dict[str, list[Indicator]] = {}
    for indicator in catalogue:
        by_section.setdefault(indicator.section, []).append(indicator)

    def section_keys(section: str) -> tuple[str, ...]:
        return tuple(i.key for i in by_section[section] if not i.key.startswith("_"))

    def one_each(labels: dict[str, str]) -> tuple[GroupRow, ...]:
        return tuple(GroupRow(label, (key,)) for key, label in labels.items())

    def group(name: str, title: str, section: str, rows: tuple[GroupRow, ...], **options: Any) -> Group:
        denominator = options.pop("denominator", ALL_EPISODES)
        table_keys = options.pop("table_keys", section_keys(section))
        return Group(name, title, section, rows, table_keys, denominator, **options)

    ethnicity = config.ethnicity
    codes = [f"ethnicity.{code}" for code, _ in ethnicity.codes]
    not_bme = [f"ethnicity.{code}" for code, _ in ethnicity.codes if code in ethnicity.not_bme]
    not_recorded = [f"ethnicity.{c}" for c, _ in ethnicity.codes if c in ethnicity.not_recorded]
    not_bme_label = " / ".join(label for code, label in ethnicity.codes if code in ethnicity.not_bme) or "Not BME"
    bme_rows = (
        GroupRow("BME", ("ethnicity.bme",)),
        GroupRow(not_bme_label, tuple(not_bme)),
        GroupRow("Not recorded", (*not_recorded, "ethnicity.unrecognised")),
    )
    days = {f"duration.{n}": f"{n} day{'s' if n > 1 else ''}" for n in DURATION_DAYS if n}
    distance = {distance_key(upper): f"{upper - 9 if upper > 10 else 0}-{upper}" for upper in DISTANCE_BANDS}
    groups = [
        group(
            "duration",
            "Days missing",
            "4",
            one_each(
                {"duration.0": "Same day", **days, "duration.gt5": "6+ days", "duration.still_missing": "Still missing"}
            ),
        ),
        group(
            "rhi",
            "Return home interviews",
            "5",
            one_each(
                {
                    "rhi.completed_in_time": "In time",
                    "rhi.not_completed_in_time": "Not in time",
                    "rhi.pending": "Not yet due",
                }
            ),
            denominator=RHI_ACCEPTED,
        ),
        group("status", "Care status", "6", one_each({f"status.{key}": label for key, label in STATUSES})),
        group(
            "gender",
            "Gender",
            "7",
            one_each({"gender.female": "Female", "gender.male": "Male", "gender.other": "Other / not recorded"}),
        ),
        group(
            "ethnicity",
            "Ethnicity",
            "8",
            one_each(
                {**{key: key.removeprefix("ethnicity.") for key in codes}, "ethnicity.unrecognised": "Not recognised"}
            ),
        ),
        group(
            "bme",
            "BME summary",
            "8",
            bme_rows,
            table_keys=tuple(key for row in bme_rows for key in row.keys),
        ),
        group(
            "age",
            "Age",
            "9",
            one_each(
                {
                    "age.under_10": "<10",
                    **{f"age.{age}": str(age) for age in AGES},
                    "age.17_plus": "17+",
                    "age.not_recorded": "Not recorded",
                }
            ),
        ),
        group(
            "distance",
            "LAC placement distance",
            "10",
            one_each({**distance, "distance.101_plus": "101+", "distance.not_recorded": "Not recorded"}),
            denominator=LAC_EPISODES,
        ),
    ]
    return {g.name: g for g in groups}
