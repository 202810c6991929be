"""Speed and memory of ingesting a large synthetic SSD export, beside sqlite3's .import of its ssd_missing.csv.

Run with `.venv/bin/python bench/ssd.py` (or `--episodes 200000` for a quicker look). It prints figures
beside their targets; it asserts nothing, and CI does not run it. Every id and date is made up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ChildCost, measure_floor, print_ingest_figures, timed_child  # noqa: E402

AS_AT = "2019-07-18 09:00"
# The targets (issue 24: within 3 times sqlite3's .import of ssd_missing.csv alone, under 1 GB of memory) are
# those of an extract's ingest (issue 14), printed beside the figures by bench/run.py's print_ingest_figures.
EPISODES_PER_PERSON = 10


def write_export(folder: Path | str, episodes: int, seed: int = 24) -> None:
    """An export of `episodes` ssd_missing rows over four years, with people, periods and placements."""
    folder = Path(folder)
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    people = max(episodes // EPISODES_PER_PERSON, 1)
    person_ids = np.char.add("P", np.arange(people).astype(str))
    as_at = np.datetime64("2019-07-18T09:00")
    first = as_at - np.timedelta64(4 * 365, "D")

    def moments(count: int, start: np.datetime64 = first) -> np.ndarray:
        span = int((as_at - start) / np.timedelta64(1, "m"))
        return start + rng.integers(0, span, count).astype("timedelta64[m]")

    def sql_server(values: np.ndarray) -> np.ndarray:
        return np.char.add(np.datetime_as_string(values, unit="s").astype("U19"), ".000")

    def dates(values: np.ndarray, blank_share: float = 0.0) -> np.ndarray:
        text = np.datetime_as_string(values.astype("datetime64[D]"))
        return np.where(rng.random(len(values)) < blank_share, "", text)

    def save(name: str, columns: dict[str, np.ndarray]) -> None:
        pd.DataFrame(columns).to_csv(folder / f"{name}.csv", index=False)

    starts = np.sort(moments(episodes))
    returned = starts + rng.integers(1, 72 * 60, episodes).astype("timedelta64[m]")
    end_text = np.where(returned > as_at, "", sql_server(returned))
    uk = rng.random(episodes) < 0.1  # a tenth spelled the UK way, as a hand-corrected row would be
    start_text = np.where(uk, pd.Series(starts).dt.strftime("%d/%m/%Y %H:%M").to_numpy(str), sql_server(starts))
    save(
        "ssd_missing",
        {
            "miss_table_id": np.char.add("M", np.arange(episodes).astype(str)),
            "miss_person_id": person_ids[rng.integers(0, people, episodes)],
            "miss_missing_episode_start_date": start_text,
            "miss_missing_episode_end_date": end_text,
            "miss_missing_episode_type": rng.choice(["M", "A"], episodes),
            "miss_missing_rhi_offered": rng.choice(["Y", "N", ""], episodes),
            "miss_missing_rhi_accepted": rng.choice(["Y", "N", ""], episodes),
        },
    )
    save(
        "ssd_person",
        {
            "pers_person_id": person_ids,
            "pers_sex": rng.choice(["F", "M", "U"], people),
            "pers_gender": rng.choice(["01", "02", "09"], people),
            "pers_ethnicity": rng.choice(["WBRI", "WIRI", "MWBC", "APKN", "BAFR", "CNHE", "NOBT", ""], people),
            "pers_dob": sql_server(moments(people, first - np.timedelta64(18 * 365, "D")).astype("datetime64[D]")),
        },
    )
    cla_count = people // 2
    cla_person = person_ids[rng.integers(0, people, cla_count)]
    cla_start = moments(cla_count, first - np.timedelta64(365, "D"))
    cla_end = cla_start + rng.integers(30, 900, cla_count).astype("timedelta64[D]")
    cla_ids = np.char.add("C", np.arange(cla_count).astype(str))
    save(
        "ssd_cla_episodes",
        {
            "clae_person_id": cla_person,
            "clae_cla_episode_start_date": dates(cla_start),
            "clae_cla_episode_ceased_date": np.where(cla_end > as_at, "", dates(cla_end)),
            "clae_cla_id": cla_ids,
        },
    )
    change = cla_start + ((cla_end - cla_start) // 2)  # each CLA episode: two placements, a change day between
    save(
        "ssd_cla_placement",
        {
            "clap_cla_id": np.concatenate([cla_ids, cla_ids]),
            "clap_cla_placement_start_date": np.concatenate([dates(cla_start), dates(change)]),
            "clap_cla_placement_end_date": np.concatenate([dates(change), dates(cla_end, 0.3)]),
            "clap_cla_placement_distance": rng.choice(["2.5", "14", "37.1", "120", "999.9", ""], 2 * cla_count),
        },
    )
    for name, prefix, start_column, end_column, count in (
        ("ssd_cp_plans", "cppl", "cp_plan_start_date", "cp_plan_end_date", people // 3),
        ("ssd_cin_episodes", "cine", "referral_date", "close_date", people),
        ("ssd_early_help_episodes", "earl", "episode_start_date", "episode_end_date", people // 2),
    ):
        period_start = moments(count, first - np.timedelta64(365, "D"))
        columns = {
            f"{prefix}_person_id": person_ids[rng.integers(0, people, count)],
            f"{prefix}_{start_column}": dates(period_start),
            f"{prefix}_{end_column}": dates(period_start + rng.integers(10, 400, count).astype("timedelta64[D]"), 0.2),
        }
        if name == "ssd_cin_episodes":
            columns["cine_referral_nfa"] = rng.choice(["N", "Y"], count, p=[0.8, 0.2])
        save(name, columns)
    leavers = people // 10
    save(
        "ssd_care_leavers",
        {
            "clea_person_id": person_ids[rng.integers(0, people, leavers)],
            "clea_care_leaver_eligibility": rng.choice(
                ["Relevant", "Former relevant", "No Current Eligibility"], leavers
            ),
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="ingests and .imports, side by side (medians)")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="missing-report-bench-ssd-"))
    export = work / "ssd-export"
    print(f"Writing an SSD export with {args.episodes:,} ssd_missing rows ...", flush=True)
    # In a process of its own: a child's peak memory (wait4's ru_maxrss) counts the pages its parent had before
    # the exec, and making a million rows in this one would add some 200 MB to every ingest's figure.
    subprocess.run(
        [sys.executable, "-c", f"from bench.ssd import write_export; write_export({str(export)!r}, {args.episodes})"],
        cwd=ROOT,
        check=True,
    )
    for path in sorted(export.iterdir()):
        print(f"  {path.name:<30}{path.stat().st_size / 1e6:>8.1f} MB")
    ingests: list[ChildCost] = []
    floors: list[ChildCost] = []
    store = work / "bench-ssd.db"
    for _ in range(args.runs):
        for path in work.glob(store.name + "*"):
            path.unlink()
        ingests.append(
            timed_child([sys.executable, "-m", "bot.cli", "--db", str(store), "ingest", str(export), "--as-at", AS_AT])
        )
        floor = measure_floor(export / "ssd_missing.csv", work / "floor.db")
        if floor is not None:
            floors.append(floor)
    print()
    print(f"{'measure':<44}{'figure':>12}{'target':>12}")
    print("(the floor: sqlite3's .import of ssd_missing.csv alone; the ingest reads all eight tables)")
    print_ingest_figures(ingests, floors, os.getloadavg()[0])


if __name__ == "__main__":
    started = dt.datetime.now()
    main()
    print(f"bench finished in {(dt.datetime.now() - started).total_seconds():.0f} s")
