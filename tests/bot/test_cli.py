"""The command line as an analyst runs it: real files, exact output and exit codes.

Most commands run in-process through main(); exit statuses and piped output also go through a real process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from digest.figures import fingerprint
from digest.store.snapshots import open_store
from tests.cli_runner import run_cli as run
from tests.cli_runner import run_process
from tests.conftest import clean_environment, episode, numbered, write_csv
from tests.fixtures.reference_june_2019 import HEADERS, REFERENCE, build_rows


@pytest.fixture
def reference_store(tmp_path: Path) -> Path:
    write_csv(tmp_path / "reference.csv", build_rows(), HEADERS)
    result = run("--db", "store.db", "ingest", "reference.csv", "--as-at", "2019-07-18 00:00", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_ingest_prints_the_report(tmp_path: Path) -> None:
    rows = numbered(
        [episode(), episode(), episode(child_id=""), episode(missing_start="13/13/2019"), episode(care_status="Foster")]
    )
    write_csv(tmp_path / "june.csv", [*rows, {**rows[0]}])
    refused = run("--db", "s.db", "ingest", "june.csv", "--as-at", "18/07/2019 09:30", cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "missing-report: june.csv: 3 of its 6 rows (50.0%) would be rejected, more than the 5% allowed (child_id "
        "missing: 1; missing_start unreadable: 1; episode_id repeats an earlier row: 1). Mend the extract and export "
        "it again, or store it anyway with --accept-rejected (max_rejected_percent under [ingest] in the config sets "
        "the limit). Nothing was stored.\n"
    )
    result = run("--db", "s.db", "ingest", "june.csv", "--as-at", "18/07/2019 09:30", "--accept-rejected", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == (
        "Ingested june.csv as snapshot 1, as at 18/07/2019 09:30\n"
        "  rows read          6\n"
        "  accepted           3\n"
        "  rejected           3\n"
        "    child_id missing                                1\n"
        "    missing_start unreadable                        1\n"
        "    episode_id repeats an earlier row               1\n"
        "  unrecognised values (rows kept, counted as unrecognised / other / not recorded):\n"
        "    care_status                1 distinct value                                1 row\n"
        "  (the values are not shown: a name may be typed in; `missing-report unrecognised` shows them)\n"
    )
    again = run("--db", "s.db", "ingest", "june.csv", "--as-at", "2019-07-18 09:30", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (
        0,
        "june.csv as at 18/07/2019 09:30 is already snapshot 1; nothing was changed.\n",
    )
    rejected = run("--db", "s.db", "rejected", cwd=tmp_path)
    assert rejected.stdout == (
        "Snapshot 1 (june.csv): 3 rejected row(s), by spreadsheet row\n"
        "  row        4  child_id missing\n"
        "  row        5  missing_start unreadable\n"
        "  row        7  episode_id repeats an earlier row\n"
    )
    listing = run("--db", "s.db", "snapshots", cwd=tmp_path)
    assert listing.stdout == (
        "  id  as at                  rows  rejected  file\n   1  2019-07-18 09:30          6         3  june.csv\n"
    )


def test_ingest_output_carries_no_child_identifiers(tmp_path: Path) -> None:
    rows = numbered(
        [
            episode(child_id="SECRET-CHILD", date_of_birth="31/02/2005", ethnicity="Q9"),
            episode(child_id="", episode_id="SECRET-EPISODE"),
        ]
    )
    write_csv(tmp_path / "e.csv", rows)
    result = run("--db", "s.db", "ingest", "e.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert "SECRET" not in result.stdout + result.stderr
    assert "31/02/2005" not in result.stdout


def test_refused_file_exit_status_and_message(tmp_path: Path) -> None:
    row = episode()
    del row["child_id"]
    write_csv(tmp_path / "bad.csv", [row])
    result = run_process("--db", "s.db", "ingest", "bad.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("missing-report: bad.csv lacks the required column child_id; the columns it has:")
    assert result.stderr.endswith("Nothing was stored.\n")
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]  # no empty store left behind
    assert run("--db", "s.db", "snapshots", cwd=tmp_path).stderr == (
        "missing-report: there is no store at s.db; check the path (--db or MISSING_REPORT_DB), or ingest an "
        "extract to make a new store there\n"
    )


def test_a_refused_file_leaves_no_store_it_made_and_a_store_it_did_not_make_as_it_was(tmp_path: Path) -> None:
    good, bad = episode(), episode()
    del bad["child_id"]
    write_csv(tmp_path / "good.csv", [good])
    write_csv(tmp_path / "bad.csv", [bad])
    refused = run("--db", "new/folder/s.db", "ingest", "bad.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.endswith("Nothing was stored.\n")
    assert not (tmp_path / "new").exists()  # neither the store nor the folders made for it
    assert run("--db", "new/folder/s.db", "ingest", "good.csv", "--as-at", "2019-07-18", cwd=tmp_path).returncode == 0
    before = (tmp_path / "new" / "folder" / "s.db").read_bytes()
    refused = run("--db", "new/folder/s.db", "ingest", "bad.csv", "--as-at", "2019-07-19", cwd=tmp_path)
    assert refused.returncode == 1
    assert (tmp_path / "new" / "folder" / "s.db").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["ingest", "x.csv", "--as-at", "next tuesday"],
            "missing-report: --as-at 'next tuesday' is not an as-at time; write it as \"YYYY-MM-DD HH:MM\", "
            'for example "2019-07-18 09:00"\n',
        ),
        (
            ["profile", "--month", "30/06/2019"],
            "missing-report: --month '30/06/2019' is not a month; write June, Jun-19, 2019-06 or last month\n",
        ),
        (
            ["profile", "--month", "YTD"],
            "missing-report: --month 'YTD' is not a month; write June, Jun-19, 2019-06 or last month\n",
        ),
        (
            ["profile", "--month", "2019-06"],  # issue 21: a mistyped --db made an empty store here
            "missing-report: there is no store at s.db; check the path (--db or MISSING_REPORT_DB), or ingest an "
            "extract to make a new store there\n",
        ),
    ],
)
def test_bad_arguments_get_one_clear_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--db", "s.db", *args, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, message)


def test_broken_config_is_named(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text('[rhi]\ndeadline = "3 fortnights"\n')
    result = run("--config", "c.toml", "snapshots", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "missing-report: config file c.toml: [rhi] deadline: '3 fortnights' is not a deadline; "
        'write "3 working days" or "72 hours"\n'
    )
    env = run("snapshots", cwd=tmp_path, env={"MISSING_REPORT_CONFIG": "c.toml"})
    assert env.stderr == result.stderr


def test_profile_json_is_spec_section_5(reference_store: Path) -> None:
    result = run("--db", "store.db", "profile", "--month", "2019-06", "--format", "json", cwd=reference_store)
    data = json.loads(result.stdout)
    assert list(data) == ["month", "as_at", "financial_year", "partial_month", "columns", "indicators"]
    first = data["indicators"][0]
    assert first == {
        "ref": "1.1",
        "key": "episodes.all",
        "label": "Number of Missing Episodes - all",
        "values": {
            "2019-04": {"count": 129, "denominator": None},
            "2019-05": {"count": 130, "denominator": None},
            "2019-06": {"count": 116, "denominator": None},
            "ytd": {"count": 375, "denominator": None},
        },
    }
    by_key = {item["key"]: item["values"] for item in data["indicators"]}
    assert by_key["duration.still_missing"]["ytd"] == {"count": None, "denominator": None}
    assert by_key["rhi.offered"]["2019-04"] == {"count": 98, "denominator": 117}
    assert by_key["distance.0_10"]["ytd"] == {"count": 73, "denominator": 236}
    assert set(REFERENCE) <= set(by_key)
    for values in by_key.values():
        assert list(values) == ["2019-04", "2019-05", "2019-06", "ytd"]


def test_profile_table_reads_like_the_report(reference_store: Path) -> None:
    result = run("--db", "store.db", "profile", "--month", "2019-06", cwd=reference_store)
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Children Missing from Home/Care Monthly Performance Report",
        "Reporting month: June 2019",
        "Financial year: 2019/20",
        "Data as at: 18/07/2019 00:00 (snapshot 1, reference.csv)",
    ]
    table = {line.split()[0]: line for line in lines[6:] if line and line[0].isdigit()}
    assert table["1.1"].split()[-4:] == ["129", "130", "116", "375"]
    assert table["4.1"].split()[-8:] == ["49", "38%", "61", "47%", "53", "46%", "163", "43%"]
    assert table["4.8"].split()[-6:] == ["2", "1.6%", "0", "0%", "0", "0%"]
    assert table["5.1"].split()[-8:] == ["98", "84%", "115", "94%", "85", "77%", "298", "85%"]
    assert "10.10" not in table  # zero in every column: hidden, as in the report
    assert "8.2" not in table
    assert lines[-1] == "Rows that are zero in every column are not shown."


def test_partial_month_is_marked(tmp_path: Path) -> None:
    write_csv(tmp_path / "e.csv", numbered([episode(missing_start="2019-07-02 10:00", missing_end="")]))
    run("--db", "s.db", "ingest", "e.csv", "--as-at", "2019-07-18 09:00", cwd=tmp_path)
    result = run("--db", "s.db", "profile", "--month", "2019-07", cwd=tmp_path)
    assert "Reporting month: July 2019 (partial month)" in result.stdout
    assert "Jul-19*" in result.stdout
    assert "* Jul-19 is a partial month: episodes to 18/07/2019 09:00 only." in result.stdout
    data = json.loads(run("--db", "s.db", "profile", "--month", "2019-07", "--format", "json", cwd=tmp_path).stdout)
    assert data["partial_month"] is True


def test_profile_csv_and_xlsx(reference_store: Path) -> None:
    csv_text = run("--db", "store.db", "profile", "--month", "2019-06", "--format", "csv", cwd=reference_store).stdout
    lines = csv_text.splitlines()
    assert lines[0] == (
        "ref,key,indicator,2019-04,2019-04 denominator,2019-05,2019-05 denominator,"
        "2019-06,2019-06 denominator,ytd,ytd denominator"
    )
    assert "4.1,duration.0,0 (same day return),49,129,61,130,53,116,163,375" in lines
    result = run(
        "--db",
        "store.db",
        "profile",
        "--month",
        "2019-06",
        "--format",
        "xlsx",
        "--out",
        "june.xlsx",
        cwd=reference_store,
    )
    assert result.stdout == "Wrote june.xlsx\n"
    sheet = load_workbook(reference_store / "june.xlsx").active
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    at = rows["4.1"][0].row
    assert [c.value for c in rows["4.1"][2:8]] == [
        49,
        129,
        f'=IF(D{at}>0,C{at}/D{at},"")',  # exact: the share is worked out by Excel from the count and its base
        61,
        130,
        f'=IF(G{at}>0,F{at}/G{at},"")',
    ]
    ytd = rows["4.5"][0].row
    assert [c.value for c in rows["4.5"][11:14]] == [5, 375, f'=IF(M{ytd}>0,L{ytd}/M{ytd},"")']
    assert rows["4.5"][13].number_format == "[=0]0%;[<0.02]0.0%;0%"  # 1.3%, as the digest rounds it
    header = rows["Ref"][0].row
    assert sheet.print_title_rows == f"${header}:${header}"  # the header row on every page
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.row_dimensions[rows["10.10"][0].row].hidden is True
    assert not sheet.row_dimensions[rows["10.1"][0].row].hidden


def test_profile_of_month_outside_the_data(reference_store: Path) -> None:
    result = run("--db", "store.db", "profile", "--month", "2019-09", cwd=reference_store)
    assert result.returncode == 1
    assert result.stderr == (
        "missing-report: snapshot 1 (as at 18/07/2019 00:00) has no figures for September 2019; "
        "choose a month from 2019-04 to 2019-07\n"
    )


def test_options_after_the_command_name(reference_store: Path) -> None:
    after = run("profile", "--month", "2019-06", "--db", "store.db", "--format", "json", cwd=reference_store)
    before = run("--db", "store.db", "profile", "--month", "2019-06", "--format", "json", cwd=reference_store)
    assert after.returncode == 0
    assert after.stdout == before.stdout


def test_db_from_environment(reference_store: Path) -> None:
    result = run("snapshots", cwd=reference_store, env={"MISSING_REPORT_DB": "store.db"})
    assert "reference.csv" in result.stdout


def test_ask_prints_the_slash_command_answer(reference_store: Path) -> None:
    result = run("--db", "store.db", "ask", "LAC", "episodes", "June", cwd=reference_store)
    assert (result.returncode, result.stdout) == (
        0,
        "LAC episodes, June 2019\n74\nMay 2019: 87\nYear to date 2019/20: 236\n"
        "Data as at 18/07/2019 00:00 (snapshot 1).\n",
    )
    wrong = run("--db", "store.db", "ask", "banana", cwd=reference_store)
    assert wrong.returncode == 1
    assert wrong.stdout.startswith(
        "Sorry, I could not answer that.\n"
        "I did not understand a word of that (not repeated here, in case it names someone)."
    )
    listing = run("--db", "store.db", "ask", cwd=reference_store)
    assert listing.stdout.startswith("Ask about any row of the report, in its own words, with a period:")


@pytest.mark.slow
def test_output_piped_into_head_ends_quietly(reference_store: Path) -> None:
    # Megabytes of output, far more than a pipe holds, so the writer sees the reader go.
    command = f"{sys.executable} -m bot.cli demo-data --out /dev/stdout --episodes 20000 | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], cwd=reference_store, capture_output=True, text=True, check=False
    )
    assert result.stdout.startswith("Episode ID,Child ID,")
    assert result.stderr == ""
    assert result.returncode == 0


def test_changed_config_is_refreshed_before_a_profile(reference_store: Path) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "config" / "missing-report.toml").read_text(encoding="utf-8")
    (reference_store / "hours.toml").write_text(
        shipped.replace('deadline = "3 working days"', 'deadline = "72 hours"'), encoding="utf-8"
    )
    result = run("--config", "hours.toml", "--db", "store.db", "profile", "--month", "2019-06", cwd=reference_store)
    assert result.returncode == 0, result.stderr
    assert "Return Home Interview completed in 72 hours (of those accepted)" in result.stdout
    again = run("--config", "hours.toml", "--db", "store.db", "refresh", cwd=reference_store)
    assert again.stdout == "Every snapshot's figures already follow the config; nothing to recompute.\n"
    back = run("--db", "store.db", "refresh", cwd=reference_store)
    assert back.stdout == "Recomputed the figures of snapshot 1.\n"


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "missing-report 0.1.0\n")


@pytest.mark.parametrize("month", [["--month", "June"], ["--month", "Jun-19"], ["--month", "june 2019"], []])
def test_profile_reads_months_as_ask_does(reference_store: Path, month: list[str]) -> None:
    expected = run("--db", "store.db", "profile", "--month", "2019-06", "--format", "json", cwd=reference_store)
    result = run("--db", "store.db", "profile", *month, "--format", "json", cwd=reference_store)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["month"] == "2019-06"  # no --month: the latest complete month
    assert result.stdout == expected.stdout


def test_month_words_count_from_the_snapshot() -> None:
    from bot.cli.options import read_month_words, resolve_month
    from digest.figures.periods import month_index
    from digest.store.snapshots import SnapshotInfo

    snapshot = SnapshotInfo(1, dt.datetime(2019, 7, 18), "e.csv", "", "", 1, 1, 0, "2019-04", "2019-07", "")
    assert resolve_month(read_month_words("last month"), snapshot).index == month_index(2019, 6)
    assert resolve_month(read_month_words("this month"), snapshot).index == month_index(2019, 7)
    assert resolve_month(read_month_words("March"), snapshot).index == month_index(2019, 3)
    assert resolve_month(read_month_words("September"), snapshot).index == month_index(2018, 9)
    assert resolve_month(read_month_words(None), snapshot).index == month_index(2019, 6)


def test_the_format_follows_the_file_name(reference_store: Path) -> None:
    by_name = run("--db", "store.db", "profile", "--out", "june.csv", cwd=reference_store)
    assert (by_name.returncode, by_name.stdout) == (0, "Wrote june.csv\n")
    assert (reference_store / "june.csv").read_text().startswith("ref,key,indicator,2019-04,")
    run("--db", "store.db", "profile", "--out", "june.json", cwd=reference_store)
    assert json.loads((reference_store / "june.json").read_text())["month"] == "2019-06"

    mismatch = run("--db", "store.db", "profile", "--format", "xlsx", "--out", "x.csv", cwd=reference_store)
    assert (mismatch.returncode, mismatch.stderr) == (
        1,
        "missing-report: --format xlsx writes a .xlsx file, not x.csv: use --out x.xlsx\n",
    )
    unknown = run("--db", "store.db", "profile", "--out", "june.pdf", cwd=reference_store)
    assert unknown.stderr == (
        "missing-report: --out june.pdf: name the file with one of .txt, .json, .csv, .xlsx, "
        "or say which format with --format\n"
    )
    assert not (reference_store / "x.csv").exists()
    assert not (reference_store / "june.pdf").exists()


def test_ingest_names_the_empty_sections_and_counts_values_it_does_not_show(tmp_path: Path) -> None:
    """Issue 10, cases 7, 9 and 10: no optional column was named; every raw value was printed."""
    rows = numbered([episode(gender="Unknown"), episode(gender="CH-4410023"), episode(gender="x" * 10_000)])
    optional = ("cse_risk", "placement_distance_miles")
    write_csv(tmp_path / "e.csv", [{k: v for k, v in row.items() if k not in optional} for row in rows])
    result = run("--db", "s.db", "ingest", "e.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[4:] == [
        "  unrecognised values (rows kept, counted as unrecognised / other / not recorded):",
        "    gender                     3 distinct values                               3 rows",
        "  (the values are not shown: a name may be typed in; `missing-report unrecognised` shows them)",
        "  NOTE: no cse_risk column, so section 3, Child Sexual Exploitation (by missing episodes) will be empty",
        "  NOTE: no placement_distance_miles column, so section 10, LAC CYP - Placement distance (at time of "
        "episode) from home in miles will be empty",
    ]


@pytest.mark.slow  # two real ingests raced: `make test-slow`, which CI runs
def test_two_ingests_at_once_take_turns(tmp_path: Path) -> None:
    """Issue 10, case 8: the second of two ingests failed after a minute with "database is locked"."""
    import fcntl

    write_csv(tmp_path / "a.csv", numbered([episode(child_id=f"C{i}") for i in range(3000)]))
    write_csv(tmp_path / "b.csv", numbered([episode(child_id=f"C{i}") for i in range(10)]))
    open_store(tmp_path / "s.db").close()  # made first: two processes making one store at once is another matter
    lock = (tmp_path / "s.db.ingest-lock").open("wb")
    fcntl.flock(lock, fcntl.LOCK_EX)  # as an ingest in its write does
    environment = clean_environment()
    first, second = (
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--db", "s.db", "ingest", name, "--as-at", as_at],
            cwd=tmp_path,
            env=environment,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name, as_at in (("a.csv", "2019-07-18"), ("b.csv", "2019-07-19"))
    )
    assert first.stdout is not None
    assert second.stdout is not None
    assert first.stdout.readline() == "Waiting for another ingest into s.db to finish...\n"
    assert second.stdout.readline() == "Waiting for another ingest into s.db to finish...\n"
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    outputs = [first.communicate(timeout=60), second.communicate(timeout=60)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert all(out.startswith("Ingested ") for out, _ in outputs)
    listing = run("--db", "s.db", "snapshots", cwd=tmp_path).stdout.splitlines()
    assert sorted(line.split()[-1] for line in listing[1:]) == ["a.csv", "b.csv"]


def test_read_only_store_says_so(tmp_path: Path) -> None:
    """Issue 10, case 9: a read-only store was "unexpected error ... report it"."""
    if os.geteuid() == 0:
        pytest.skip("root writes every file")
    write_csv(tmp_path / "e.csv", numbered([episode()]))
    run("--db", "s.db", "snapshots", cwd=tmp_path)
    (tmp_path / "s.db").chmod(0o400)
    result = run("--db", "s.db", "ingest", "e.csv", "--as-at", "2019-07-18", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("missing-report: the store s.db is read-only for you; nothing was stored.")


def kept_pieces(db: Path) -> dict[int, set[bytes]]:
    """Per snapshot, pieces of the compressed blocks in which it keeps its ids (its episodes and its file) that
    no other snapshot's blocks hold: the ids are not on disk as text to look for. A block longer than a page
    is split over pages, so a piece may straddle two and not be found as it is; the pieces are many and short."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        blocks = conn.execute(
            "SELECT snapshot_id, data FROM episode_blocks UNION ALL SELECT snapshot_id, data FROM original_file_blocks"
        ).fetchall()
    sampled: dict[int, set[bytes]] = {}
    every: dict[int, set[bytes]] = {}  # each 24 bytes at any offset
    for snapshot_id, data in blocks:
        sampled.setdefault(snapshot_id, set()).update(data[at : at + 24] for at in range(0, len(data) - 24, 64))
        every.setdefault(snapshot_id, set()).update(data[at : at + 24] for at in range(len(data) - 24))
    return {sid: own - set().union(*(e for other, e in every.items() if other != sid)) for sid, own in sampled.items()}


def test_prune_deletes_old_ids_and_keeps_figures(tmp_path: Path) -> None:
    """Issue 10, retention: `prune` did not exist; a store kept every extract's ids for ever."""
    for day in (16, 17, 18):
        draw = random.Random(day)  # ids that do not compress away, so the blocks have bytes of their own
        rows = numbered([episode(child_id=f"CHILD-{day}-{draw.getrandbits(40):010x}") for _ in range(300)])
        write_csv(tmp_path / f"d{day}.csv", rows)
        assert run("--db", "s.db", "ingest", f"d{day}.csv", "--as-at", f"2019-07-{day}", cwd=tmp_path).returncode == 0
    before = run("--db", "s.db", "profile", "--month", "2019-06", "--snapshot", "1", "--format", "json", cwd=tmp_path)
    pieces = kept_pieces(tmp_path / "s.db")
    assert all(len(pieces[snapshot]) > 20 for snapshot in (1, 2, 3))
    assert run("--db", "s.db", "prune", cwd=tmp_path).stderr == (
        "missing-report: prune needs --keep N (snapshots kept whole) and/or --older-than DAYS\n"
    )
    result = run("--db", "s.db", "prune", "--keep", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pruned snapshots 1, 2: rows and ids deleted, figures kept. The store is ")
    after = run("--db", "s.db", "profile", "--month", "2019-06", "--snapshot", "1", "--format", "json", cwd=tmp_path)
    assert after.stdout == before.stdout
    on_disk = b"".join(path.read_bytes() for path in tmp_path.glob("s.db*"))
    assert b"CHILD-16-" not in on_disk  # no id is left as text anywhere
    assert b"CHILD-17-" not in on_disk
    assert not [piece for piece in pieces[1] | pieces[2] if piece in on_disk]
    assert len([piece for piece in pieces[3] if piece in on_disk]) > len(pieces[3]) * 0.8  # the latest is kept whole
    again = run("--db", "s.db", "prune", "--keep", "1", "--older-than", "0", cwd=tmp_path)
    assert again.stdout == "Nothing to prune: every snapshot is kept whole by --keep or --older-than.\n"


def test_after_the_figures_change_a_pruned_snapshot_is_said_to_be_unrefreshable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20: after INDICATORS_VERSION changed, `refresh` said it recomputed a pruned snapshot (it could not:
    its episodes are gone), and `profile` kept asking for `refresh`."""
    for day in (17, 18):
        write_csv(tmp_path / f"d{day}.csv", numbered([episode(child_id=f"C{day}-{n}") for n in range(5)]))
        assert run("--db", "s.db", "ingest", f"d{day}.csv", "--as-at", f"2019-07-{day}", cwd=tmp_path).returncode == 0
    assert run("--db", "s.db", "prune", "--keep", "1", cwd=tmp_path).returncode == 0
    # A later release that computes a figure anew.
    monkeypatch.setattr("digest.figures.fingerprint.INDICATORS_VERSION", fingerprint.INDICATORS_VERSION + 1)
    refreshed = run("--db", "s.db", "refresh", cwd=tmp_path)
    assert (refreshed.returncode, refreshed.stdout) == (
        0,
        "Recomputed the figures of snapshot 2.\n"
        "Snapshot 1 was pruned (rows deleted), so its figures cannot be recomputed: they follow the earlier settings, "
        "and profile, digest and questions refuse them. Ask of a later snapshot.\n",
    )
    again = run("--db", "s.db", "refresh", cwd=tmp_path)
    assert again.stdout.splitlines()[0].startswith("Snapshot 1 was pruned (rows deleted), so its figures cannot")
    latest = run("--db", "s.db", "profile", "--month", "2019-06", "--format", "json", cwd=tmp_path)
    assert latest.returncode == 0, latest.stderr
    pruned = run("--db", "s.db", "profile", "--month", "2019-06", "--snapshot", "1", cwd=tmp_path)
    assert (pruned.returncode, pruned.stdout) == (1, "")
    assert pruned.stderr == (
        "missing-report: the figures of snapshot 1 were computed before the ethnicity groups, the RHI rule or "
        "missing-report's own figure definitions changed, and the snapshot was pruned (its rows deleted), so they "
        "cannot be recomputed; ask of a later snapshot (--snapshot; `missing-report snapshots` lists them)\n"
    )


def test_ask_asks_back_with_the_questions_to_type(reference_store: Path) -> None:
    result = run("--db", "store.db", "ask", "CSE", "June", cwd=reference_store)
    assert (result.returncode, result.stdout) == (
        1,
        "Which of these did you mean?\n"
        '  Episodes at CSE risk (medium/high): ask "@episodes.cse june"\n'
        '  Children at CSE risk (medium/high): ask "@children.cse june"\n',
    )
    chosen = run("--db", "store.db", "ask", "@children.cse june", cwd=reference_store)
    assert chosen.stdout.startswith("Children at CSE risk (medium/high), June 2019\n9\n")


# What a quick command must not load: chart, chat, scheduling and web libraries, and pandas (with numpy and
# sqlite-utils, which imports pandas): together over a second of a 0.3 s budget (issue 14).
HEAVY_LIBRARIES = (
    "matplotlib",
    "slack_bolt",
    "slack_sdk",
    "microsoft_teams",
    "apscheduler",
    "fastapi",
    "uvicorn",
    "pandas",
    "numpy",
    "sqlite_utils",
    "holidays",
)


@pytest.mark.parametrize(
    "command",
    [
        ["ask", "LAC", "episodes", "June"],
        ["profile", "--month", "2019-06"],
        ["profile", "--month", "2019-06", "--format", "json"],
        ["snapshots"],
        ["rejected"],
    ],
)
def test_quick_commands_load_no_heavy_library(reference_store: Path, command: list[str]) -> None:
    # The first question creates the audit file, whose schema sqlite-utils writes: a once-per-store cost.
    assert run("--db", "store.db", "ask", "help", cwd=reference_store).returncode == 0
    probe = (
        "import sys\n"
        "from bot.cli.main import main\n"
        f"status = main(['--db', 'store.db', *{command!r}])\n"
        f"heavy = {HEAVY_LIBRARIES!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}), status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=reference_store, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[-1] == "[] 0", result.stderr


CHAT_LIBRARIES = ("matplotlib", "slack_bolt", "slack_sdk", "microsoft_teams", "apscheduler", "fastapi", "uvicorn")


def test_ingest_without_a_chat_tool_loads_no_chat_library(reference_store: Path) -> None:
    """Its alerts go to the outbox, so Slack's and Teams' libraries (a second between them) stay unloaded."""
    probe = (
        "import sys\n"
        "from bot.cli.main import main\n"
        "status = main(['--db', 'store.db', 'ingest', 'reference.csv', '--as-at', '2019-07-19 00:00'])\n"
        f"chat = {CHAT_LIBRARIES!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in chat}), status)\n"
    )
    env = clean_environment()
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=reference_store, env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[-1] == "[] 0", result.stderr
