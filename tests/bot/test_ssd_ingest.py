"""An SSD export through the command line and the drop folder, as an analyst and the server meet it."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from bot.settings import Settings
from digest.alerts.still_missing import AlertRules, decide_alerts
from digest.contract.config import Config
from digest.intake.ingest import ingest_extract
from digest.store.snapshots import open_store
from tests.bot.test_inbox import job_for
from tests.cli_runner import run_cli as run
from tests.cli_runner import run_process
from tests.digest.intake.ssd_exports import SsdRows, write_ssd_export, zip_folder
from tests.fake_slack import FakeSlack


def june_export(unknown_person: bool = True) -> SsdRows:
    """Two episodes, and unless told otherwise a third of an unknown person: refused, and one of three rows
    is more than a file may have rejected unless the analyst says so (--accept-rejected)."""
    rows = SsdRows()
    rows.person("P1", ethnicity="WBRI")
    rows.person("P2", sex="U", gender="02", ethnicity="WENG")
    rows.missing("M1", "P1", "2019-06-03 10:00:00.000", "2019-06-04 09:00:00.000", "Y", "Y")
    rows.missing("M2", "P2", "10/06/2019 21:00", "", "N", "")
    if unknown_person:
        rows.missing("M3", "P9", "2019-06-12T08:30", "")
    rows.cla("P1", "2019-01-10", "", "C1")
    rows.cla("P1", "", "", "C0")  # no start: ignored
    rows.placement("C1", "2019-01-10", "", "7.5")
    rows.cin("P2", "2019-06-01", "", "Y")  # closed with no further action: ignored
    return rows


def test_ingest_reads_an_ssd_folder_and_prints_what_it_could_not_fill(tmp_path: Path) -> None:
    write_ssd_export(tmp_path / "ssd-2019-07-18", june_export())
    result = run(
        "--db", "s.db", "ingest", "ssd-2019-07-18", "--as-at", "2019-07-18 09:30", "--accept-rejected", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Ingested the SSD export ssd-2019-07-18 as snapshot 1, as at 18/07/2019 09:30\n"
        "  rows read          3\n"
        "  accepted           2\n"
        "  rejected           1\n"
        "    unknown person (no ssd_person row)              1\n"
        "  unrecognised values (rows kept, counted as unrecognised / other / not recorded):\n"
        "    ethnicity                  1 distinct value                                1 row\n"
        "  (the values are not shown: a name may be typed in; `missing-report unrecognised` shows them)\n"
        "  period rows ignored (start blank or unreadable, end unreadable or before the start;\n"
        "  CIN referrals closed with no further action):\n"
        "    ssd_cla_episodes                                1\n"
        "    ssd_cp_plans                                    0\n"
        "    ssd_cin_episodes                                1\n"
        "    ssd_early_help_episodes                         0\n"
        "    ssd_cla_placement                               0\n"
        "  not in this source (SSD): section 3, Child Sexual Exploitation (by missing episodes): the SSD holds "
        "no CSE risk level per episode\n"
        "  not in this source (SSD): rows 5.3a, 5.3b and pending of section 5, Return Home Interviews completed "
        "in time: the SSD holds no interview date\n"
        "  not in this source (SSD): row 6.7 of section 6, Not a client from another local authority: the SSD "
        "holds no such flag\n"
    )
    rejected = run("--db", "s.db", "rejected", cwd=tmp_path)
    assert rejected.stdout == (
        "Snapshot 1 (ssd-2019-07-18): 1 rejected row(s), by spreadsheet row\n"
        "  row        4  unknown person (no ssd_person row)\n"
    )
    store = open_store(tmp_path / "s.db")
    [snapshot] = store.list_snapshots()
    assert (snapshot.source_kind, snapshot.rows_accepted) == ("ssd", 2)
    store.close()


def test_a_refused_export_says_which_files_and_columns_are_missing(tmp_path: Path) -> None:
    write_ssd_export(tmp_path / "ssd", june_export(), leave_out=("ssd_care_leavers", "ssd_early_help_episodes"))
    result = run_process("--db", "s.db", "ingest", "ssd", "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "missing-report: ssd is not a complete SSD export: ssd_early_help_episodes.csv is missing; "
        "ssd_care_leavers.csv is missing. Export every table the docs list (docs/ssd.md), with its header row. "
        "Nothing was stored.\n"
    )


def test_drop_folder_takes_an_ssd_folder_and_a_zip_of_one(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(tmp_path, config, settings)
    inbox = tmp_path / "inbox"
    write_ssd_export(inbox / "ssd-2019-07-18_0930", june_export(unknown_person=False))
    staging = write_ssd_export(tmp_path / "staging", june_export(unknown_person=False))
    zip_folder(staging, inbox / "ssd-2019-07-19_0930.zip", inside="ssd")
    results = job()
    assert [(r.file_name, r.outcome, r.moved_to) for r in results] == [
        ("ssd-2019-07-18_0930", "ingested", inbox / "archive" / "ssd-2019-07-18_0930"),
        ("ssd-2019-07-19_0930.zip", "ingested", inbox / "archive" / "ssd-2019-07-19_0930.zip"),
    ]  # oldest first: the folder was written before the zip
    assert stat.S_IMODE((inbox / "archive" / "ssd-2019-07-18_0930").stat().st_mode) == 0o700
    store = open_store(tmp_path / "store.db")
    snapshots = sorted(store.list_snapshots(), key=lambda s: s.as_at)
    assert [(s.as_at, s.source_kind, s.rows_accepted) for s in snapshots] == [
        (dt.datetime(2019, 7, 18, 9, 30), "ssd", 2),
        (dt.datetime(2019, 7, 19, 9, 30), "ssd", 2),
    ]
    store.close()
    assert job() == []


def test_drop_folder_sets_a_refused_export_aside_with_its_reason(
    tmp_path: Path, config: Config, settings: Settings, slack: FakeSlack
) -> None:
    job = job_for(tmp_path, config, settings)
    inbox = tmp_path / "inbox"
    write_ssd_export(inbox / "ssd-2019-07-18_0930", june_export(), leave_out=("ssd_person",))
    [result] = job()
    assert (result.outcome, result.moved_to) == ("refused", inbox / "rejected" / "ssd-2019-07-18_0930")
    assert (inbox / "rejected" / "ssd-2019-07-18_0930.reason.txt").read_text() == (
        "ssd-2019-07-18_0930 is not a complete SSD export: ssd_person.csv is missing. Export every table the docs "
        "list (docs/ssd.md), with its header row\n"
    )


def test_a_rise_alert_from_ssd_snapshots_says_cse_risk_is_not_in_this_source(tmp_path: Path, config: Config) -> None:
    store = open_store(tmp_path / "store.db")
    first, second = june_export(unknown_person=False), june_export(unknown_person=False)
    second.missing("M4", "P1", "2019-07-19 08:00:00.000")
    second.missing("M5", "P2", "2019-07-19 10:00:00.000")
    ingest_extract(store, write_ssd_export(tmp_path / "first", first), dt.datetime(2019, 7, 18, 9, 30), config)
    report = ingest_extract(store, write_ssd_export(tmp_path / "second", second), dt.datetime(2019, 7, 19, 12), config)
    [alert] = decide_alerts(store, store.get_snapshot(report.snapshot_id), AlertRules(), "C0ALERTS")
    assert alert.text == (
        "More children missing: 3 now, up from 1 at the last extract (18/07/2019 09:30 to 19/07/2019 12:00). "
        "Of the 3: 1 LAC, CSE risk not in this source; 1 missing over 24 hours, 1 over 72 hours; the longest "
        "missing for 38 days 15 hours. 2 went missing since the last extract."
    )
    store.close()
