"""An SSD export as the canonical extract's rows (ssd.md sections 2 to 5), validated as an extract's are.

Each ssd_missing row becomes one row of the canonical extract: its own dates and return interview values,
its person's sex, date of birth and ethnicity, and the care status and placement distance at its start.
Those rows go through the extract's own checks (EpisodeBuilder), so an SSD folder and the extract holding
the same rows give the same figures; the person checks (unknown, repeated) come after them, and the reasons
are worded in the SSD's names, for the analyst who opens ssd_missing.csv at the row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config
from digest.contract.timestamps import parse_timestamps
from digest.contract.vocabulary import is_code_like, normalise
from digest.intake import episodes as canonical
from digest.intake.csv_tables import TEXT
from digest.intake.episodes import BLANK_SHOWN_AS, HIDDEN_VALUE, EpisodeBuilder, Episodes, count_unrecognised
from digest.intake.ssd.export import MISSING_TABLE, SsdExport
from digest.intake.ssd.periods import EpisodePersons, find_care_facts, take_category

# Rows checked at a time. The tables are in memory already: a few large chunks cost less than many small ones
# (about 0.1 s a million rows), for about 60 MB more at the peak.
SSD_CHUNK_ROWS = 1_000_000
REJECT_UNKNOWN_PERSON = "unknown person (no ssd_person row)"
REJECT_PERSON_REPEATED = "person id repeated in ssd_person"
# The extract's reasons in the SSD's words, in the order they are checked (ssd.md section 5).
SSD_REASONS = {
    canonical.REJECT_EPISODE_ID: "miss_table_id blank",
    canonical.REJECT_CHILD_ID: "miss_person_id blank",
    canonical.REJECT_START_MISSING: "start date blank",
    canonical.REJECT_START_UNREADABLE: "start date unreadable",
    canonical.REJECT_END_UNREADABLE: "end date unreadable",
    canonical.REJECT_DATE_OUT_OF_RANGE: "date out of range",
    canonical.REJECT_END_BEFORE_START: "end date before start date",
    canonical.REJECT_START_AFTER_AS_AT: "start date after the as-at time",
    canonical.REJECT_DUPLICATE: "miss_table_id repeats an earlier row",
    REJECT_UNKNOWN_PERSON: REJECT_UNKNOWN_PERSON,
    REJECT_PERSON_REPEATED: REJECT_PERSON_REPEATED,
}
assert tuple(SSD_REASONS)[: len(canonical.REJECTION_REASONS)] == canonical.REJECTION_REASONS

FEMALE, MALE = "Female", "Male"
SEX_CODES = {"f": FEMALE, "female": FEMALE, "m": MALE, "male": MALE}
GENDER_CODES = {
    "02": FEMALE,
    "2": FEMALE,
    "f": FEMALE,
    "female": FEMALE,
    "01": MALE,
    "1": MALE,
    "m": MALE,
    "male": MALE,
}
NOT_RECORDED_GENDER = frozenset({"", "u", "i", "0", "00", "9", "09"})  # unknown, indeterminate, not stated
# A value no config can map (control characters are never in a TOML key): an ethnicity the SSD table does
# not list. The builder counts it as unrecognised; the value noted for the report is the SSD's own.
UNMAPPED = "\x00unmapped"
_CODE_END = re.compile(r"[ -]")


@dataclass
class SsdEpisodes:
    """The outcome of reading an export: the episodes as an extract's, and what the report adds for SSD."""

    episodes: Episodes
    rows_read: int
    rejected_by_reason: dict[str, int]
    ignored_rows: dict[str, int]  # period table -> rows ignored (ssd.md section 3)


def build_ssd_episodes(export: SsdExport, as_at: dt.datetime, config: Config) -> SsdEpisodes:
    """Validate and normalise every ssd_missing row, with its person's and periods' values."""
    rows = canonical_rows(export, config)
    export.tables.clear()  # what the rows need of the tables they hold: the rest is let go before the figures
    builder = EpisodeBuilder(as_at, config)
    identity = {column: column for column in CONTRACT_COLUMNS if column in rows.frame}
    for first in range(0, max(len(rows.frame), 1), SSD_CHUNK_ROWS):
        part = slice(first, first + SSD_CHUNK_ROWS)
        parsed = {column: values.iloc[part] for column, values in rows.parsed.items()}
        builder.add(rows.frame.iloc[part], identity, rows.later_reason.iloc[part], parsed, trimmed=True)
    built = builder.finish()
    rows_read, odd, ignored = len(rows.frame), rows.odd, rows.ignored
    del rows
    rejected = built.rejected.assign(reason=built.rejected["reason"].map(SSD_REASONS))
    # The builder saw only canonical values or UNMAPPED for gender and ethnicity: the SSD's values go in their place.
    own = built.unrecognised[~built.unrecognised["column"].isin(["gender", "ethnicity"])]
    odd = count_unrecognised([odd], built.rejected["row"])
    unrecognised = _in_contract_order(pd.concat([own, odd], ignore_index=True))
    counts = rejected["reason"].value_counts()
    by_reason = {reason: int(counts[reason]) for reason in SSD_REASONS.values() if reason in counts}
    return SsdEpisodes(Episodes(built.accepted, rejected, unrecognised), rows_read, by_reason, ignored)


@dataclass
class CanonicalRows:
    frame: pd.DataFrame  # the canonical extract's columns as text; index = data row of ssd_missing (0-based)
    later_reason: pd.Series  # unknown or repeated person
    parsed: dict[str, pd.Series]  # missing_start and date_of_birth, parsed from the frame's text
    odd: pd.DataFrame  # row, column, value: the SSD's gender and ethnicity values no mapping took
    ignored: dict[str, int]


def canonical_rows(export: SsdExport, config: Config) -> CanonicalRows:
    """The rows of the canonical extract that the export stands for (ssd.md section 7), as text."""
    missing = export.tables[MISSING_TABLE].columns
    people = export.tables["ssd_person"].columns
    person = missing["miss_person_id"]
    ids = people["pers_person_id"]
    persons = EpisodePersons.of(person)
    at = persons.find_positions(ids)  # a repeated id's first row: its episodes are refused anyway
    unknown = at < 0
    index = pd.RangeIndex(len(person))
    later = pd.Series(None, index=index, dtype=object)
    later[unknown] = REJECT_UNKNOWN_PERSON
    later[persons.find_positions(ids[ids.duplicated().to_numpy()]) >= 0] = REJECT_PERSON_REPEATED

    def of_person(values: pd.Series) -> pd.Series:
        """A person's value on each episode row; blank where no ssd_person row has the episode's person."""
        return take_category(values, at)

    gender, gender_odd = _person_gender(people["pers_sex"].to_numpy(object), people["pers_gender"].to_numpy(object))
    ethnicity, ethnicity_odd = _person_ethnicity(people["pers_ethnicity"].to_numpy(object), config)
    start = parse_timestamps(missing["miss_missing_episode_start_date"])
    facts = find_care_facts(export.tables, persons, start.dt.normalize(), config)
    frame = pd.DataFrame(
        {
            "episode_id": missing["miss_table_id"],
            "child_id": person,
            "missing_start": missing["miss_missing_episode_start_date"],
            "missing_end": missing["miss_missing_episode_end_date"],
            "gender": of_person(gender),
            "date_of_birth": of_person(people["pers_dob"]),
            "ethnicity": of_person(ethnicity),
            "care_status": facts.care_status,
            "placement_distance_miles": facts.distance,
            "rhi_offered": missing["miss_missing_rhi_offered"],
            "rhi_accepted": missing["miss_missing_rhi_accepted"],
        },
        index=index,
    )
    odd_rows = []
    for column, values in (("gender", gender_odd), ("ethnicity", ethnicity_odd)):
        noted = of_person(values)
        keep = (noted != "").to_numpy(dtype=bool)
        odd_rows.append(pd.DataFrame({"row": index[keep] + 2, "column": column, "value": noted[keep].to_numpy(object)}))
    odd = pd.concat(odd_rows, ignore_index=True)
    odd["value"] = odd["value"].map(_shown)
    # Parsed once a person, not once an episode; the last, NaT, for an episode whose person is unknown.
    dob = np.append(parse_timestamps(people["pers_dob"]).to_numpy(), np.datetime64("NaT", "us"))
    dob_of_episode = dob[np.where(unknown, len(dob) - 1, at)]
    parsed = {"missing_start": start, "date_of_birth": pd.Series(dob_of_episode, index=index, dtype="datetime64[us]")}
    return CanonicalRows(frame, later, parsed, odd, facts.ignored)


def _person_gender(sex: np.ndarray, gender: np.ndarray) -> tuple[pd.Series, pd.Series]:
    """Female/Male from pers_sex, else pers_gender (ssd.md section 2); blank for other / not recorded. And,
    per person, a value neither code list knows (noted for the report), else blank. Decided once per
    distinct pair: a handful."""
    codes, pairs = pd.factorize(pd.Series(list(zip(sex.tolist(), gender.tolist(), strict=True)), dtype=object))
    decided, noted = [], []
    for s, g in pairs.tolist():
        by_sex, by_gender = SEX_CODES.get(normalise(s)), GENDER_CODES.get(normalise(g))
        unknown = [value for value in (s, g) if normalise(value) not in NOT_RECORDED_GENDER]
        decided.append(by_sex or by_gender or "")
        noted.append("" if decided[-1] or not unknown else unknown[0])
    spread = np.array(decided, dtype=object)[codes], np.array(noted, dtype=object)[codes]
    return pd.Series(spread[0], dtype=TEXT), pd.Series(spread[1], dtype=TEXT)


def _person_ethnicity(values: np.ndarray, config: Config) -> tuple[pd.Series, pd.Series]:
    """Each person's [ethnicity] code through [ssd.ethnicity] (blank stays blank: the configured blank code),
    UNMAPPED for any other value; and that value, noted for the report."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    mapped = []
    for value in uniques.tolist():
        leading = _CODE_END.split(value.strip(), maxsplit=1)[0].upper()
        mapped.append("" if not value.strip() else config.ssd_ethnicity.get(leading, UNMAPPED))
    mapped_array = np.array([*mapped, ""], dtype=object)
    raw_array = np.array([*uniques.tolist(), ""], dtype=object)
    result = mapped_array[codes]
    return pd.Series(result, dtype=TEXT), pd.Series(np.where(result == UNMAPPED, raw_array[codes], ""), dtype=TEXT)


def _shown(value: str) -> str:
    """A value as the report may show it: a short code as it is, anything else counted only."""
    if value == "":
        return BLANK_SHOWN_AS
    return value if is_code_like(value) else HIDDEN_VALUE


def _in_contract_order(counted: pd.DataFrame) -> pd.DataFrame:
    order = counted["column"].map({c: i for i, c in enumerate(CONTRACT_COLUMNS)})
    counted = counted.assign(order=order).sort_values(
        ["order", "count", "value"], ascending=[True, False, True], kind="stable"
    )
    return counted[["column", "value", "count"]].reset_index(drop=True)
