"""Random SSD exports, and a small, plainly-written reference of ssd.md sections 2 to 4 to check the reader by.

The generator draws each date as a date-time first and only then picks how the file spells it, so the
reference works on the true values, never on the reader's parsing. It makes what the contract has rules
for: overlapping periods, periods ending the day an episode starts, change days of placements, open ends,
ignored rows (blank, unreadable or reversed dates; CIN closed with no further action), placements of other
CLA episodes, distances of 999.9, people with no periods, and dates in every spelling SSD writes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from tests.digest.intake.ssd_exports import SsdRows

START, END = dt.date(2019, 1, 1), dt.date(2019, 7, 17)
SPELLINGS = (
    lambda t: t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}",  # SQL Server's datetime
    lambda t: t.strftime("%Y-%m-%dT%H:%M"),
    lambda t: t.strftime("%Y-%m-%dT%H:%M:%S"),
    lambda t: t.strftime("%d/%m/%Y %H:%M"),
    lambda t: t.strftime("%Y-%m-%d %H:%M"),
)
DATE_SPELLINGS = (
    lambda d: d.strftime("%Y-%m-%d"),
    lambda d: d.strftime("%d/%m/%Y"),
    lambda d: f"{d:%Y-%m-%d} 00:00:00.000",
)
DFE_TO_LETTER = {"WBRI": "A1", "WIRI": "A2", "MWBC": "B1", "APKN": "C2", "BAFR": "D2", "CHNE": "E1", "CNHE": "E1"}
UNRECOGNISED_IN_EXTRACT = "Z9"  # a code the shipped config does not list: the extract's reader counts it unrecognised


@dataclass
class Period:
    person: str
    start: dt.date | None  # None: ignored (blank, unreadable or reversed dates)
    end: dt.date | None  # None: open
    extra: str = ""  # cla_id for CLA episodes, distance for placements, nfa for CIN


@dataclass
class World:
    """The true values behind a generated export."""

    rows: SsdRows = field(default_factory=SsdRows)
    persons: dict[str, dict[str, str]] = field(default_factory=dict)  # unique persons' canonical values
    episodes: list[tuple[str, str, dt.datetime]] = field(default_factory=list)  # table id, person, start
    periods: dict[str, list[Period]] = field(default_factory=dict)
    placements: list[Period] = field(default_factory=list)  # person = cla_id
    leavers: set[str] = field(default_factory=set)


def random_world(seed: int, people: int = 8, episodes: int = 30) -> World:
    rng = random.Random(seed)
    world = World()
    world.periods = {status: [] for status in ("LAC", "CPP", "CIN", "Early Help")}
    days = [START + dt.timedelta(days=i) for i in range((END - START).days + 1)]
    boundaries: list[dt.date] = []

    def some_day() -> dt.date:
        return rng.choice(boundaries) if boundaries and rng.random() < 0.5 else rng.choice(days)

    def spell(day: dt.date | None) -> str:
        return "" if day is None else rng.choice(DATE_SPELLINGS)(day)

    def period(person: str) -> tuple[dt.date | None, dt.date | None, str, str]:
        """True start and end (start None: ignored), and how the file spells them."""
        start = some_day()
        end = None if rng.random() < 0.3 else start + dt.timedelta(days=rng.randint(0, 60))
        boundaries.extend(day for day in (start, end) if day)
        roll = rng.random()
        if roll < 0.05:
            return None, None, "", spell(end)  # blank start
        if roll < 0.08:
            return None, None, "31/02/2019", spell(end)  # unreadable start
        if roll < 0.11 and end is not None and end > start:
            return None, None, spell(end), spell(start)  # end before start
        return start, end, spell(start), spell(end)

    ids = [f"P{i}" for i in range(people)]
    for person in ids:
        sex = rng.choice(["F", "M", "U", "", "Female", "I"])
        gender = rng.choice(["01", "02", "", "09", "9"])
        ethnicity = rng.choice([*DFE_TO_LETTER, "WENG", "", "wbri - White British", "White British", "A1"])
        world.rows.person(
            person, sex=sex, gender=gender, ethnicity=ethnicity, dob=rng.choice(["2004-03-02", "02/03/2006", ""])
        )
        world.persons[person] = {
            "gender": _gender(sex, gender),
            "ethnicity": _ethnicity(ethnicity),
            "date_of_birth": world.rows.tables["ssd_person"][-1]["pers_dob"],
        }
        for status in world.periods:
            for _ in range(rng.choice([0, 0, 1, 2, 3])):
                start, end, start_text, end_text = period(person)
                if status == "LAC":
                    cla_id = rng.choice([f"CLA{rng.randint(0, 12)}", ""])
                    world.rows.cla(person, start_text, end_text, cla_id)
                    world.periods[status].append(Period(person, start, end, cla_id))
                elif status == "CPP":
                    world.rows.cp_plan(person, start_text, end_text)
                    world.periods[status].append(Period(person, start, end))
                elif status == "CIN":
                    nfa = rng.choice(["N", "N", "", "Y", "Yes", "No"])
                    world.rows.cin(person, start_text, end_text, nfa)
                    ignored = nfa in ("Y", "Yes")
                    world.periods[status].append(Period(person, None if ignored else start, end))
                else:
                    world.rows.early_help(person, start_text, end_text)
                    world.periods[status].append(Period(person, start, end))
        if rng.random() < 0.3:
            eligibility = rng.choice(
                ["Relevant", "", "No Current Eligibility", "no current eligibility", "Former relevant"]
            )
            world.rows.care_leaver(person, eligibility)
            if rng.random() < 0.3:  # a second row for the same person: the table is not keyed by person
                world.rows.care_leaver(person, eligibility)
            if eligibility.lower() != "no current eligibility":
                world.leavers.add(person)
    for _ in range(rng.randint(0, 14)):  # placements of the CLA ids, with change days and unknown distances
        cla_id = f"CLA{rng.randint(0, 12)}"
        start, end, start_text, end_text = period(cla_id)
        distance = rng.choice(["3", "12.5", "999.9", "", "47", "150", "far"])
        world.rows.placement(cla_id, start_text, end_text, distance)
        world.placements.append(Period(cla_id, start, end, distance))
        if end is not None and start is not None and rng.random() < 0.5:  # the next placement starts the day it ends
            distance = rng.choice(["8", "25.5", "999.9"])
            world.rows.placement(cla_id, spell(end), "", distance)
            world.placements.append(Period(cla_id, end, None, distance))
    for i in range(episodes):
        person = rng.choice(ids)
        day = some_day()
        if not dt.date(2019, 4, 1) <= day <= END:
            day = rng.choice(days[90:])
        start = dt.datetime.combine(day, dt.time(rng.randint(0, 23), rng.choice([0, 30]))) + dt.timedelta(
            milliseconds=rng.choice([0, 0, 250])
        )
        end = start + dt.timedelta(hours=rng.randint(1, 80))
        end_text = "" if rng.random() < 0.1 or end > dt.datetime(2019, 7, 18) else rng.choice(SPELLINGS)(end)
        table_id = f"M{i}"
        world.rows.missing(
            table_id,
            person,
            rng.choice(SPELLINGS)(start),
            end_text,
            rng.choice(["Y", "N", "", "NA"]),
            rng.choice(["Y", "N", ""]),
        )
        world.episodes.append((table_id, person, start))
    return world


def _gender(sex: str, gender: str) -> str:
    by_sex = {"f": "Female", "female": "Female", "m": "Male", "male": "Male"}.get(sex.lower())
    by_gender = {"01": "Male", "1": "Male", "02": "Female", "2": "Female"}.get(gender)
    return by_sex or by_gender or ""


def _ethnicity(value: str) -> str:
    if not value:
        return ""
    code = value.split(" ")[0].split("-")[0].upper()
    return DFE_TO_LETTER.get(code, UNRECOGNISED_IN_EXTRACT)


def covers(period: Period, day: dt.date) -> bool:
    return period.start is not None and period.start <= day and (period.end is None or period.end >= day)


def reference_status(world: World, person: str, day: dt.date) -> str:
    for status in ("LAC", "CPP", "CIN", "Early Help"):
        if any(p.person == person and covers(p, day) for p in world.periods[status]):
            return status
    return "Care Leaver" if person in world.leavers else "Not a client"


def reference_distance(world: World, person: str, day: dt.date) -> str:
    linked = {p.extra for p in world.periods["LAC"] if p.person == person and covers(p, day) and p.extra}
    best: Period | None = None
    for placement in world.placements:  # file order: a later one with the same start does not win
        later = best is None or (placement.start or START) > (best.start or START)
        if placement.person in linked and covers(placement, day) and later:
            best = placement
    if best is None or best.extra == "999.9":
        return ""
    return best.extra


def reference_extract(world: World) -> list[dict[str, str]]:
    """The canonical extract the export stands for (ssd.md section 7): one row per ssd_missing row."""
    rows = []
    for row, (table_id, person, start) in zip(world.rows.tables["ssd_missing"], world.episodes, strict=True):
        values = world.persons[person]
        status = reference_status(world, person, start.date())
        rows.append(
            {
                "episode_id": table_id,
                "child_id": person,
                "missing_start": row["miss_missing_episode_start_date"],
                "missing_end": row["miss_missing_episode_end_date"],
                "gender": values["gender"],
                "date_of_birth": values["date_of_birth"],
                "ethnicity": values["ethnicity"],
                "care_status": status,
                "other_la": "",
                "cse_risk": "",
                "placement_distance_miles": reference_distance(world, person, start.date()) if status == "LAC" else "",
                "rhi_offered": row["miss_missing_rhi_offered"],
                "rhi_accepted": row["miss_missing_rhi_accepted"],
                "rhi_completed": "",
            }
        )
    return rows
