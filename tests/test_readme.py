"""The README's quick start and "Using it on your extract", run as written in a fresh clone, their output
checked against what the README shows ("..." in the README stands for any lines)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import clean_environment

CHECKOUT = Path(__file__).resolve().parent.parent
RUN_SECTIONS = ("## Quick start", "## Using it on your extract")
COMMAND_END = "@@@ exit status"
# The README's stand-in for a council's extract; the test puts the demo extract under that name.
COUNCIL_EXTRACT = "lcs-missing-2019-07-18.csv"


def readme_session(readme: str) -> list[tuple[str, list[str]]]:
    """Each `$ ` command in the first code block of each RUN_SECTIONS section, with the lines shown after it."""
    session: list[tuple[str, list[str]]] = []
    for heading in RUN_SECTIONS:
        section = readme[readme.index(heading + "\n") :]
        block = section.split("```\n", 2)[1]
        for line in block.splitlines():
            if line.startswith("$ "):
                session.append((line[2:], []))
            else:
                session[-1][1].append(line)
    return session


def shown_as_pattern(lines: list[str]) -> re.Pattern[str]:
    parts = ["(?:.*\n)*?" if line == "..." else re.escape(line) + "\n" for line in lines]
    return re.compile("".join(parts))


def without_missing_report_on_path() -> str:
    return os.pathsep.join(
        entry for entry in os.environ["PATH"].split(os.pathsep) if not (Path(entry) / "missing-report").exists()
    )


@pytest.fixture
def fresh_clone(tmp_path: Path) -> Path:
    """A clone of this checkout whose .venv borrows this one's programs, so nothing is installed again."""
    clone = tmp_path / "missing-report"
    subprocess.run(["git", "clone", "--quiet", str(CHECKOUT), str(clone)], check=True)
    (clone / ".venv").mkdir()
    (clone / ".venv" / "bin").symlink_to(Path(sys.executable).parent, target_is_directory=True)
    stamp = subprocess.run(
        "cksum requirements.lock pyproject.toml | cksum | cut -d' ' -f1",
        shell=True,
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (clone / ".venv" / f".installed-{stamp}").touch()
    plan = subprocess.run(["make", "-n", "demo"], cwd=clone, capture_output=True, text=True, check=True).stdout
    # Never let make rebuild a .venv whose bin/ is this checkout's: that would overwrite this checkout's venv.
    assert "-m venv" not in plan, f"make would rebuild .venv; the Makefile's stamp has changed:\n{plan}"
    return clone


@pytest.mark.slow
def test_the_readme_commands_work_as_written(fresh_clone: Path) -> None:
    readme = (fresh_clone / "README.md").read_text(encoding="utf-8")
    session = readme_session(readme)
    script = []
    for command, _ in session:
        if command.startswith("missing-report ingest") and COUNCIL_EXTRACT in command:
            script.append(f"cp data/demo/missing-episodes-demo.csv {COUNCIL_EXTRACT}")
        script += [command, f'echo "{COMMAND_END} $?"']
    # A fresh shell: no settings, and not inside `make check`'s make (whose flags would change make's output).
    environment = clean_environment()
    environment["PATH"] = without_missing_report_on_path()
    assert shutil.which("missing-report", path=environment["PATH"]) is None
    result = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=fresh_clone, env=environment, capture_output=True, text=True, check=False
    )
    outputs = result.stdout.split(f"{COMMAND_END} ")
    assert len(outputs) == len(session) + 1, result.stdout + result.stderr
    for index, (command, shown) in enumerate(session):
        output = outputs[index] if index == 0 else outputs[index].split("\n", 1)[1]
        status = outputs[index + 1].split("\n", 1)[0]
        assert status == "0", f"{command!r} failed with {status}:\n{output}{result.stderr}"
        assert shown_as_pattern(shown).fullmatch(output), f"{command!r} printed:\n{output}\nthe README shows:\n{shown}"
    assert result.stderr == ""
    assert (fresh_clone / "demo-june.xlsx").exists()
    assert (fresh_clone / "june-2019.csv").read_text(encoding="utf-8").startswith("ref,key,indicator,2019-04,")
    assert (fresh_clone / "data" / "missing-report.db").exists()  # the extract went to the store by default
