"""Care status and placement distance at each episode's start, from the SSD's period tables.

A period covers day D when its start date <= D and its end is blank or its end date >= D (calendar dates,
both bounds inclusive). Every lookup is a sort and a join over whole columns: "does a period of this person
cover D" is a binary search for the latest period starting on or before D, carrying the furthest end
reached by any of the person's periods that start by then (a running maximum), so a long early period is
not hidden by a short later one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from digest.contract.config import Config
from digest.contract.timestamps import parse_timestamps
from digest.contract.vocabulary import normalise, translate_values
from digest.intake.csv_tables import TEXT
from digest.intake.ssd.export import SsdTable

OPEN_END = np.datetime64("9999-12-31", "us")  # a blank end: the period is still open
UNKNOWN_DISTANCE = 999.9  # ssd_cla_placement.yml: the distance when a postcode is unknown or outside England
NO_CURRENT_ELIGIBILITY = normalise("No Current Eligibility")

# (status, table, person, start, end), in the order the first that holds wins; care leavers come after.
STATUS_PERIODS = (
    ("LAC", "ssd_cla_episodes", "clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
    ("CPP", "ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    ("CIN", "ssd_cin_episodes", "cine_person_id", "cine_referral_date", "cine_close_date"),
    ("Early Help", "ssd_early_help_episodes", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date"),
)
CARE_LEAVER, NOT_A_CLIENT = "Care Leaver", "Not a client"
# Each episode's status is held as a small number while it is decided, then spelt once, in Arrow.
STATUS_LABELS = [NOT_A_CLIENT, CARE_LEAVER, *(label for label, *_ in reversed(STATUS_PERIODS))]


@dataclass
class EpisodePersons:
    """Each episode's person as a code, its place among the episodes' distinct person ids: a tenth as many
    ids as episodes, which every lookup by person (ssd_person, the care leavers, the period tables) matches."""

    code: np.ndarray  # int64, one per episode
    ids: pd.Series  # the distinct ids, as text

    @classmethod
    def of(cls, person: pd.Series) -> EpisodePersons:
        encoded = pc.dictionary_encode(arrow_text(person))
        code = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        return cls(code, pd.Series(encoded.dictionary, dtype=TEXT))

    def find_positions(self, within: pd.Series) -> np.ndarray:
        """find_positions(person, within) for each episode's person, matched once per distinct person."""
        found: np.ndarray = find_positions(self.ids, within)[self.code]
        return found


@dataclass
class EpisodeKeys:
    """What the lookups need of each episode: its person (a code shared with the period tables) and day D."""

    person: np.ndarray  # int64 code of each episode's person: its place among the distinct ids
    day: np.ndarray  # datetime64[us], the calendar date of missing_start; NaT where unreadable
    ids: pd.Series  # the episodes' distinct person ids, whose positions are the codes (a period table's
    # person ids are matched against these, a tenth as many as the episodes)
    sorted_key: np.ndarray = field(init=False)  # the episodes' person_day_keys, in order (unknown left out)
    sorted_at: np.ndarray = field(init=False)  # the episode of each sorted key

    def __post_init__(self) -> None:
        # Sorted once for every period table's search (see covered).
        known = np.flatnonzero((self.person >= 0) & ~np.isnat(self.day))
        key = person_day_keys(self.person[known], _days(self.day[known]))
        order = np.argsort(key)  # ties (one person, one day) may fall in any order: their answers are alike
        self.sorted_key, self.sorted_at = key[order], known[order]


@dataclass
class CareFacts:
    """Each episode's care status and placement distance (as text, for the extract's checks: categories, since
    they hold a few distinct values), and the period rows ignored per table."""

    care_status: pd.Series  # categories of Arrow text
    distance: pd.Series  # categories of Arrow text
    ignored: dict[str, int]


def arrow_text(values: pd.Series) -> pa.Array:
    """Arrow text of a column as one array (a table read in blocks gives its columns in chunks)."""
    text = pa.array(values.array)
    return text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text


def find_positions(values: pd.Series, within: pd.Series) -> np.ndarray:
    """The position in within of each value's first match (-1: none), matched as text in Arrow."""
    found = pc.index_in(pa.array(values.array), value_set=pa.array(within.array))
    return np.asarray(found.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)


def take_category(values: pd.Series, at: np.ndarray) -> pd.Series:
    """values[at] as a category of values' distinct texts, blank where at is -1: the SSD's person and placement
    values are a few distinct ones spread over many episodes, which the episode checks decide once each."""
    codes, distinct = pd.factorize(pd.concat([values, pd.Series([""], dtype=TEXT)], ignore_index=True))
    chosen = np.where(at >= 0, codes[np.where(at >= 0, at, len(values))], codes[-1])
    return pd.Series(pd.Categorical.from_codes(chosen, categories=pd.Index(distinct, dtype=TEXT)))


def find_care_facts(tables: dict[str, SsdTable], persons: EpisodePersons, day: pd.Series, config: Config) -> CareFacts:
    """Care status (ssd.md section 3) and placement distance (section 4) at each episode's day D."""
    keys = EpisodeKeys(persons.code, day.to_numpy("datetime64[us]"), persons.ids)
    status = np.zeros(len(persons.code), dtype=np.int8)  # STATUS_LABELS[0]: not a client
    ignored: dict[str, int] = {}

    leavers = tables["ssd_care_leavers"].columns
    eligibility = leavers["clea_care_leaver_eligibility"]
    codes, distinct = pd.factorize(eligibility)  # a few values: each normalised once
    eligible = np.append([normalise(value) != NO_CURRENT_ELIGIBILITY for value in distinct], True)[codes]
    leaver_ids = leavers["clea_person_id"][eligible]  # a person may have several rows
    status[persons.find_positions(leaver_ids) >= 0] = STATUS_LABELS.index(CARE_LEAVER)

    cla_periods = pd.DataFrame()
    for label, table_name, person_column, start_column, end_column in reversed(STATUS_PERIODS):
        columns = tables[table_name].columns
        skip = None
        if table_name == "ssd_cin_episodes":  # a referral closed with no further action is no time in need
            nfa = translate_values(columns["cine_referral_nfa"], config.synonyms["yes_no"])
            skip = (nfa == "Yes").to_numpy()
        periods, ignored[table_name] = read_periods(
            keys.ids, columns[person_column], columns[start_column], columns[end_column], skip
        )
        status[covered(keys, periods)] = STATUS_LABELS.index(label)
        if table_name == "ssd_cla_episodes":
            cla_periods = periods
    lac = status == STATUS_LABELS.index("LAC")
    distance, ignored["ssd_cla_placement"] = find_distances(keys, lac, cla_periods, tables)
    labels = pd.Series(pd.Categorical.from_codes(status, categories=pd.Index(STATUS_LABELS, dtype=TEXT)))
    return CareFacts(labels, distance, {table: ignored[table] for table in _report_order()})


def _report_order() -> list[str]:
    return [table for _, table, *_ in STATUS_PERIODS] + ["ssd_cla_placement"]


def read_periods(
    ids: pd.Series, person: pd.Series, start_text: pd.Series, end_text: pd.Series, skip: np.ndarray | None = None
) -> tuple[pd.DataFrame, int]:
    """The usable periods (person code, start, end as dates; order = row in the table) and how many were
    ignored: start blank or unreadable, end unreadable, end before start, or skipped."""
    start = parse_timestamps(start_text).dt.normalize().to_numpy("datetime64[us]")
    end = parse_timestamps(end_text).dt.normalize().to_numpy("datetime64[us]")
    end_blank = (end_text == "").to_numpy(dtype=bool)
    bad = np.isnat(start) | (np.isnat(end) & ~end_blank) | (end < start)
    if skip is not None:
        bad |= skip
    end = np.where(end_blank, OPEN_END, end)
    keep = ~bad
    periods = pd.DataFrame(
        {
            "person": find_positions(person, ids)[keep],
            "start": start[keep],
            "end": end[keep],
            "order": np.flatnonzero(keep),
        }
    )
    return periods, int(bad.sum())


def covered(keys: EpisodeKeys, periods: pd.DataFrame) -> np.ndarray:
    """Whether any of the person's periods covers each episode's day.

    Periods and episodes become one number each, person then day (person_day_keys), so that one sorted array
    and a binary search find each episode's person's latest period starting on or before its day; the running
    maximum of the same numbers for the periods' ends is the furthest any of the person's periods starting by
    then reaches (an earlier person's numbers are all smaller, so the maximum never leaks across people).
    """
    result = np.zeros(len(keys.person), dtype=bool)
    if not len(periods) or not len(keys.sorted_key):
        return result
    person = periods["person"].to_numpy(dtype=np.int64)
    start_key = person_day_keys(person, _days(periods["start"].to_numpy()))
    order = np.argsort(start_key)  # among equal starts the running maximum covers them all
    reach = np.maximum.accumulate(person_day_keys(person, _days(periods["end"].to_numpy()))[order])
    latest = np.searchsorted(start_key[order], keys.sorted_key, side="right") - 1
    at = np.maximum(latest, 0)
    same_person = (start_key[order][at] >> DAY_BITS) == (keys.sorted_key >> DAY_BITS)
    hit = (latest >= 0) & same_person & (reach[at] >= keys.sorted_key)
    result[keys.sorted_at[hit]] = True
    return result


DAY_BITS = 23  # days since 1970 of years 0000 to 9999, shifted by DAY_SHIFT, fit in this many bits
DAY_SHIFT = 1 << 22


def person_day_keys(person: np.ndarray, day: np.ndarray) -> np.ndarray:
    """One int64 per (person code, whole days since 1970) pair, ordered by person, then day. A person code of
    -1 (no episode's person) orders before every person."""
    keys: np.ndarray = (person << DAY_BITS) + (day + DAY_SHIFT)
    return keys


def _days(moments: np.ndarray) -> np.ndarray:
    """Calendar dates (datetime64 at midnight) as whole days since 1970-01-01."""
    return moments.astype("datetime64[D]").astype(np.int64)


def find_distances(
    keys: EpisodeKeys, lac: np.ndarray, cla_periods: pd.DataFrame, tables: dict[str, SsdTable]
) -> tuple[pd.Series, int]:
    """Each LAC episode's placement distance as text ("" when not recorded), and the placement rows ignored.

    The linked placements share a clae_cla_id with a CLA episode covering D; of those covering D, the one
    with the latest start wins (on a change day, the new one), first in file order among equal starts.
    """
    columns = tables["ssd_cla_placement"].columns
    cla_ids = columns["clap_cla_id"]
    placements, ignored = read_periods(
        cla_ids, cla_ids, columns["clap_cla_placement_start_date"], columns["clap_cla_placement_end_date"]
    )
    pick = np.full(len(keys.person), -1, dtype=np.int64)  # the chosen placement's row, per episode
    distances = columns["clap_cla_placement_distance"]
    if lac.any() and len(placements) and len(cla_periods):
        episode_cla_ids = tables["ssd_cla_episodes"].columns["clae_cla_id"]
        cla_code = np.where(episode_cla_ids == "", -1, find_positions(episode_cla_ids, cla_ids))  # blank links none
        episodes = pd.DataFrame({"person": keys.person[lac], "day": keys.day[lac], "at": np.flatnonzero(lac)})
        spells = episodes.merge(cla_periods.assign(cla=cla_code[cla_periods["order"].to_numpy()]), on="person")
        spells = spells[(spells["start"] <= spells["day"]) & (spells["end"] >= spells["day"]) & (spells["cla"] >= 0)]
        spells = spells[["at", "day", "cla"]].drop_duplicates(["at", "cla"])
        found = spells.merge(placements.rename(columns={"person": "cla"}), on="cla")
        found = found[(found["start"] <= found["day"]) & (found["end"] >= found["day"])]
        found = found.sort_values(["at", "start", "order"], ascending=[True, False, True], kind="stable")
        chosen = found.drop_duplicates("at")
        pick[chosen["at"].to_numpy()] = chosen["order"].to_numpy()
        miles = pd.to_numeric(distances.str.replace(",", "", regex=False), errors="coerce").to_numpy()
        unknown = miles == UNKNOWN_DISTANCE
        pick[(pick >= 0) & unknown[np.maximum(pick, 0)]] = -1
    return take_category(distances, pick), ignored
