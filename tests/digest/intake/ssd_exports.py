"""Writing synthetic SSD exports for tests: a folder of CSV files, one per table, as the SSD names them.

Every id, date and value is made up; no real person is in them. The column names are written out here from
the contract (the SSD's own names), not taken from the reader, so a renamed column in the reader fails.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

TABLES: dict[str, list[str]] = {
    "ssd_missing": [
        "miss_table_id",
        "miss_person_id",
        "miss_missing_episode_start_date",
        "miss_missing_episode_end_date",
        "miss_missing_episode_type",  # not read: every row is an episode, M or A
        "miss_missing_rhi_offered",
        "miss_missing_rhi_accepted",
    ],
    "ssd_person": ["pers_legacy_id", "pers_person_id", "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob"],
    "ssd_cla_episodes": [
        "clae_cla_episode_id",
        "clae_person_id",
        "clae_cla_episode_start_date",
        "clae_cla_episode_ceased_date",
        "clae_cla_id",
    ],
    "ssd_cla_placement": [
        "clap_cla_placement_id",
        "clap_cla_id",
        "clap_cla_placement_start_date",
        "clap_cla_placement_end_date",
        "clap_cla_placement_distance",
    ],
    "ssd_cp_plans": ["cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"],
    "ssd_cin_episodes": [
        "cine_referral_id",
        "cine_person_id",
        "cine_referral_date",
        "cine_close_date",
        "cine_referral_nfa",
    ],
    "ssd_early_help_episodes": [
        "earl_episode_id",
        "earl_person_id",
        "earl_episode_start_date",
        "earl_episode_end_date",
    ],
    "ssd_care_leavers": ["clea_table_id", "clea_person_id", "clea_care_leaver_eligibility"],
}


@dataclass
class SsdRows:
    """The rows of each table, as {column: value}; a column a row leaves out is blank."""

    tables: dict[str, list[dict[str, str]]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def missing(
        self, table_id: str, person: str, start: str, end: str = "", offered: str = "", accepted: str = ""
    ) -> None:
        self.tables["ssd_missing"].append(
            {
                "miss_table_id": table_id,
                "miss_person_id": person,
                "miss_missing_episode_start_date": start,
                "miss_missing_episode_end_date": end,
                "miss_missing_episode_type": "M",
                "miss_missing_rhi_offered": offered,
                "miss_missing_rhi_accepted": accepted,
            }
        )

    def person(
        self, person: str, sex: str = "F", gender: str = "", ethnicity: str = "WBRI", dob: str = "2005-01-15"
    ) -> None:
        self.tables["ssd_person"].append(
            {
                "pers_legacy_id": f"L{person}",
                "pers_person_id": person,
                "pers_sex": sex,
                "pers_gender": gender,
                "pers_ethnicity": ethnicity,
                "pers_dob": dob,
            }
        )

    def cla(self, person: str, start: str, end: str = "", cla_id: str = "") -> None:
        self.tables["ssd_cla_episodes"].append(
            {
                "clae_person_id": person,
                "clae_cla_episode_start_date": start,
                "clae_cla_episode_ceased_date": end,
                "clae_cla_id": cla_id,
            }
        )

    def placement(self, cla_id: str, start: str, end: str = "", distance: str = "") -> None:
        self.tables["ssd_cla_placement"].append(
            {
                "clap_cla_id": cla_id,
                "clap_cla_placement_start_date": start,
                "clap_cla_placement_end_date": end,
                "clap_cla_placement_distance": distance,
            }
        )

    def cp_plan(self, person: str, start: str, end: str = "") -> None:
        self.tables["ssd_cp_plans"].append(
            {"cppl_person_id": person, "cppl_cp_plan_start_date": start, "cppl_cp_plan_end_date": end}
        )

    def cin(self, person: str, start: str, end: str = "", nfa: str = "N") -> None:
        self.tables["ssd_cin_episodes"].append(
            {"cine_person_id": person, "cine_referral_date": start, "cine_close_date": end, "cine_referral_nfa": nfa}
        )

    def early_help(self, person: str, start: str, end: str = "") -> None:
        self.tables["ssd_early_help_episodes"].append(
            {"earl_person_id": person, "earl_episode_start_date": start, "earl_episode_end_date": end}
        )

    def care_leaver(self, person: str, eligibility: str = "Relevant") -> None:
        self.tables["ssd_care_leavers"].append({"clea_person_id": person, "clea_care_leaver_eligibility": eligibility})


def write_ssd_export(
    folder: Path,
    rows: SsdRows,
    *,
    leave_out: tuple[str, ...] = (),
    headers: dict[str, list[str]] | None = None,
    file_name: dict[str, str] | None = None,
) -> Path:
    """Write each table as <table>.csv in folder (UTF-8 with Excel's mark, as SQL Server's export does), with
    an unlisted id column first; leave_out names tables not to write; headers and file_name replace a
    table's header row or file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, columns in TABLES.items():
        if table in leave_out:
            continue
        names = (headers or {}).get(table, columns)
        path = folder / (file_name or {}).get(table, f"{table}.csv")
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(names)
            for row in rows.tables[table]:
                writer.writerow([row.get(column, "") for column in names])
    return folder


def zip_folder(folder: Path, target: Path, inside: str = "") -> Path:
    """Zip the folder's files, under the folder name inside (as "Send to > Compressed folder" does)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{inside}/{path.name}" if inside else path.name)
    return target
