"""Care status and placement distance at each episode's start, from the SSD's period tables.

A period covers day D when its start date <= D and its end is blank or its end date >= D (calendar dates,
both bounds inclusive). Every lookup is a sort and a join over whole columns: "does a period of this person
cover D" is an as-of join on the latest period starting on or before D, carrying the furthest end reached
by any of the person's periods that start by then (a running maximum), so a long early period is not
hidden by a short later one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from digest.contract.config import Config
from digest.contract.timestamps import parse_timestamps
from digest.contract.vocabulary import normalise, translate_values
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


@dataclass
class EpisodeKeys:
    """What the lookups need of each episode: its person (a code shared with the period tables) and day D."""

    person: np.ndarray  # int64 codes, one per distinct episode person
    day: np.ndarray  # datetime64[us], the calendar date of missing_start; NaT where unreadable
    codes: pd.Index  # person id text -> code


@dataclass
class CareFacts:
    """Each episode's care status and placement distance (as text, for the extract's reader), and the period
    rows ignored per table."""

    care_status: np.ndarray
    distance: np.ndarray
    ignored: dict[str, int]


def find_care_facts(tables: dict[str, SsdTable], person: pd.Series, day: pd.Series, config: Config) -> CareFacts:
    """Care status (ssd.md section 3) and placement distance (section 4) at each episode's day D."""
    codes = pd.Index(pd.unique(person.to_numpy()))  # a period of anyone else is code -1 and covers nothing
    keys = EpisodeKeys(codes.get_indexer(person.to_numpy()).astype(np.int64), day.to_numpy("datetime64[us]"), codes)
    status = np.full(len(person), NOT_A_CLIENT, dtype=object)
    ignored: dict[str, int] = {}

    leavers = tables["ssd_care_leavers"].columns
    eligible = leavers["clea_care_leaver_eligibility"].map(normalise, na_action="ignore") != NO_CURRENT_ELIGIBILITY
    leaver_ids = pd.Index(leavers["clea_person_id"][eligible.to_numpy(dtype=bool)].to_numpy())
    status[leaver_ids.get_indexer(person.to_numpy()) >= 0] = CARE_LEAVER

    cla_periods = pd.DataFrame()
    for label, table_name, person_column, start_column, end_column in reversed(STATUS_PERIODS):
        columns = tables[table_name].columns
        skip = None
        if table_name == "ssd_cin_episodes":  # a referral closed with no further action is no time in need
            nfa = translate_values(columns["cine_referral_nfa"], config.synonyms["yes_no"])
            skip = (nfa == "Yes").to_numpy()
        periods, ignored[table_name] = read_periods(
            keys.codes, columns[person_column], columns[start_column], columns[end_column], skip
        )
        status[covered(keys, periods)] = label
        if table_name == "ssd_cla_episodes":
            periods["cla_id"] = columns["clae_cla_id"].to_numpy()[periods["order"].to_numpy()]
            cla_periods = periods
    distance, ignored["ssd_cla_placement"] = find_distances(keys, status == "LAC", cla_periods, tables)
    return CareFacts(status, distance, {table: ignored[table] for table in _report_order()})


def _report_order() -> list[str]:
    return [table for _, table, *_ in STATUS_PERIODS] + ["ssd_cla_placement"]


def read_periods(
    codes: pd.Index, person: pd.Series, start_text: pd.Series, end_text: pd.Series, skip: np.ndarray | None = None
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
            "person": codes.get_indexer(pd.Index(person.to_numpy()))[keep].astype(np.int64),
            "start": start[keep],
            "end": end[keep],
            "order": np.flatnonzero(keep),
        }
    )
    return periods, int(bad.sum())


def covered(keys: EpisodeKeys, periods: pd.DataFrame) -> np.ndarray:
    """Whether any of the person's periods covers each episode's day."""
    result = np.zeros(len(keys.person), dtype=bool)
    known = (keys.person >= 0) & ~np.isnat(keys.day)
    if not len(periods) or not known.any():
        return result
    ordered = periods.sort_values(["person", "start"], kind="stable")
    ordered = ordered.assign(reach=ordered.groupby("person")["end"].cummax()).sort_values("start", kind="stable")
    left = pd.DataFrame({"person": keys.person[known], "day": keys.day[known], "at": np.flatnonzero(known)})
    joined = pd.merge_asof(
        left.sort_values("day", kind="stable"),
        ordered[["person", "start", "reach"]],
        left_on="day",
        right_on="start",
        by="person",
        direction="backward",
    )
    hit = (joined["reach"] >= joined["day"]).to_numpy(dtype=bool)
    result[joined["at"].to_numpy()[hit]] = True
    return result


def find_distances(
    keys: EpisodeKeys, lac: np.ndarray, cla_periods: pd.DataFrame, tables: dict[str, SsdTable]
) -> tuple[np.ndarray, int]:
    """Each LAC episode's placement distance as text ("" when not recorded), and the placement rows ignored.

    The linked placements share a clae_cla_id with a CLA episode covering D; of those covering D, the one
    with the latest start wins (on a change day, the new one), first in file order among equal starts.
    """
    columns = tables["ssd_cla_placement"].columns
    cla_ids = pd.Index(pd.unique(columns["clap_cla_id"].to_numpy()))
    placements, ignored = read_periods(
        cla_ids,
        columns["clap_cla_id"],
        columns["clap_cla_placement_start_date"],
        columns["clap_cla_placement_end_date"],
    )
    distance = np.full(len(keys.person), "", dtype=object)
    if not lac.any() or not len(placements) or not len(cla_periods):
        return distance, ignored
    linked = cla_periods[cla_periods["cla_id"] != ""]
    episodes = pd.DataFrame({"person": keys.person[lac], "day": keys.day[lac], "at": np.flatnonzero(lac)})
    spells = episodes.merge(linked[["person", "start", "end", "cla_id"]], on="person")
    spells = spells[(spells["start"] <= spells["day"]) & (spells["end"] >= spells["day"])]
    spells = spells.assign(cla=cla_ids.get_indexer(spells["cla_id"].to_numpy()))
    spells = spells.loc[spells["cla"] >= 0, ["at", "day", "cla"]].drop_duplicates(["at", "cla"])
    found = spells.merge(placements.rename(columns={"person": "cla"}), on="cla")
    found = found[(found["start"] <= found["day"]) & (found["end"] >= found["day"])]
    found = found.sort_values(["at", "start", "order"], ascending=[True, False, True], kind="stable")
    chosen = found.drop_duplicates("at")
    text = columns["clap_cla_placement_distance"].to_numpy(dtype=object)[chosen["order"].to_numpy()]
    miles = pd.to_numeric(pd.Series(text, dtype=object).str.replace(",", "", regex=False), errors="coerce")
    text = np.where(miles.to_numpy() == UNKNOWN_DISTANCE, "", text)
    distance[chosen["at"].to_numpy()] = text
    return distance, ignored
