"""Peak memory and time of refusing files built to exhaust memory (issue 21): each is refused within
seconds, without being read whole. Run alone (`python bench/bombs.py`) or from bench/run.py.

- grid.xlsx: 5 KB; one cell at XFD1048576, a grid of 17 billion cells through pandas' openpyxl reader.
- unpacks.xlsx: about 1 MB; a sheet of 1.1 GB of spaces (a zip bomb).
- packed.xlsx: about 1 MB; a sheet of 900 MB of spaces, under the 1 GB (a zip bomb by its packing).
- wide.xlsx: a real extract of 20 rows, then one cell a million rows down (the grid again, from the rows).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
AS_AT = "2019-07-18 09:00"
BOMB_TARGET_MB = 200
BOMB_TARGET_SECONDS = 5
BOMB_UNPACKED_BYTES = 1_100_000_000  # just over the 1 GB a workbook may take to read


def make_bombs(work: Path) -> list[Path]:
    grid = Workbook()
    grid.active["A1"] = "episode_id"
    grid.active["XFD1048576"] = "x"
    grid.save(work / "grid.xlsx")
    write_spaces_sheet(work / "unpacks.xlsx", BOMB_UNPACKED_BYTES)
    write_spaces_sheet(work / "packed.xlsx", 900_000_000)
    wide = Workbook()
    wide.active.append(["episode_id", "child_id", "missing_start", "missing_end"])
    for number in range(20):
        wide.active.append([f"E{number}", f"C{number}", "2019-06-10 10:00", "2019-06-10 12:00"])
    wide.active["AZ1000000"] = "x"
    wide.save(work / "wide.xlsx")
    return [work / name for name in ("grid.xlsx", "unpacks.xlsx", "packed.xlsx", "wide.xlsx")]


def write_spaces_sheet(path: Path, size: int) -> None:
    """A workbook whose one sheet is size bytes of spaces, packed to a thousandth of that."""
    block = b" " * (16 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
        bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet,
    ):
        for _ in range(-(-size // len(block))):
            sheet.write(block)


def measure_refusal(path: Path, store: Path) -> tuple[float, float, str]:
    """Seconds and peak MB of the ingest process that refuses path, and its message."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(store), "ingest", str(path), "--as-at", AS_AT],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    message = process.stderr.read() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 1:
        raise SystemExit(f"{path.name} was not refused: {message}")
    return seconds, usage.ru_maxrss / 1024, message.strip()


def print_bomb_figures(work: Path) -> None:
    for path in make_bombs(work):
        seconds, peak_mb, message = measure_refusal(path, work / "bombs.db")
        size = f"{path.stat().st_size / 1e3:,.0f} KB"
        print(f"{f'refuse {path.name} ({size}), peak MB':<44}{peak_mb:>12,.0f}{BOMB_TARGET_MB:>12}")
        print(f"{f'refuse {path.name}, seconds':<44}{seconds:>12.2f}{BOMB_TARGET_SECONDS:>12}")
        print(f"  ({message[:110]}...)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, help="work folder, kept (default: a temporary one, with a header line)")
    args = parser.parse_args()
    if args.dir is not None:  # from bench/run.py, under its own header
        print_bomb_figures(args.dir)
    else:
        with tempfile.TemporaryDirectory(prefix="missing-report-bombs-") as folder:
            print(f"{'measure':<44}{'figure':>12}{'target':>12}")
            print_bomb_figures(Path(folder))
            print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
