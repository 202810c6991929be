"""A council on the DfE census ethnicity codes, as the shipped config's comments invite: every output works.

The catalogue derives the ethnicity rows, the BME summary and their labels from the config, so the
same demo extract gives the same figures under either set of codes, only named differently.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

SHIPPED = Path(__file__).resolve().parents[2] / "config" / "missing-report.toml"
# (census code, label, the letter code it replaces)
CENSUS_CODES = (
    ("WBRI", "White British", "A1"),
    ("WIRI", "White Irish", "A2"),
    ("WOTH", "Any other White background", "A3"),
    ("WIRT", "Traveller of Irish heritage", "A4"),
    ("WROM", "Gypsy / Roma", "A5"),
    ("MWBC", "White and Black Caribbean", "B1"),
    ("MWBA", "White and Black African", "B2"),
    ("MWAS", "White and Asian", "B3"),
    ("MOTH", "Any other mixed background", "B4"),
    ("AIND", "Indian", "C1"),
    ("APKN", "Pakistani", "C2"),
    ("ABAN", "Bangladeshi", "C3"),
    ("AOTH", "Any other Asian background", "C4"),
    ("BCRB", "Black Caribbean", "D1"),
    ("BAFR", "Black African", "D2"),
    ("BOTH", "Any other Black background", "D3"),
    ("CHNE", "Chinese", "E1"),
    ("OOTH", "Any other ethnic group", "E2"),
    ("REFU", "Refused", "E3"),
    ("NOBT", "Information not yet obtained", "E4"),
)


def census_config() -> str:
    """The shipped config with its [ethnicity] section switched to the census codes (letter codes as aliases)."""
    shipped = SHIPPED.read_text(encoding="utf-8")
    start, end = shipped.index("[ethnicity]\n"), shipped.index("[rhi]\n")
    codes = ",\n".join(f'    ["{code}", "{label}"]' for code, label, _ in CENSUS_CODES)
    aliases = "\n".join(f'{letter} = "{code}"' for code, _, letter in CENSUS_CODES)
    section = (
        f'[ethnicity]\ncodes = [\n{codes},\n]\nblank = "NOBT"\nnot_recorded = ["REFU", "NOBT"]\nnot_bme = ["WBRI"]\n\n'
        f"[ethnicity.aliases]\n{aliases}\n\n"
    )
    return shipped[:start] + section + shipped[end:]


@pytest.fixture
def stores(tmp_path: Path) -> Path:
    """The demo extract ingested twice: under the shipped letter codes (letters.db), and the census codes."""
    (tmp_path / "census.toml").write_text(census_config(), encoding="utf-8")
    assert run_cli("demo-data", "--out", "demo.csv", cwd=tmp_path).returncode == 0
    for config, db in ((str(SHIPPED), "letters.db"), ("census.toml", "census.db")):
        ingest = run_cli(
            "--config", config, "--db", db, "ingest", "demo.csv", "--as-at", "2019-07-18 09:00", cwd=tmp_path
        )
        assert ingest.returncode == 0, ingest.stderr
    return tmp_path


def test_census_codes_give_the_same_figures_under_their_own_names(stores: Path) -> None:
    def profile(config: str, db: str) -> dict[str, int | None]:
        result = run_cli(
            "--config", config, "--db", db, "profile", "--month", "2019-06", "--format", "json", cwd=stores
        )
        assert result.returncode == 0, result.stderr
        return {row["key"]: row["values"]["ytd"]["count"] for row in json.loads(result.stdout)["indicators"]}

    letters, census = profile(str(SHIPPED), "letters.db"), profile("census.toml", "census.db")
    renamed = {f"ethnicity.{letter}": f"ethnicity.{code}" for code, _, letter in CENSUS_CODES}
    assert {renamed.get(key, key): count for key, count in letters.items()} == census
    assert census["ethnicity.bme"] == letters["ethnicity.bme"] > 0


def chart_alt_texts(preview: Path) -> dict[str, str]:
    """Each chart's file name and alt text, from the outbox's preview page."""
    page = html.unescape(preview.read_text(encoding="utf-8"))
    return dict(re.findall(r'<img src="([^"]+)" alt="([^"]+)"', page))


@pytest.mark.slow  # draws every chart of two whole digests: `make test-slow`, which CI runs
def test_census_codes_digest_draws_every_chart(stores: Path) -> None:
    for config, db, outbox in ((str(SHIPPED), "letters.db", "letters"), ("census.toml", "census.db", "census")):
        result = run_cli("--config", config, "--db", db, "digest", "--month", "2019-06", "--out", outbox, cwd=stores)
        assert result.returncode == 0, result.stderr
        assert "12 charts (PNG)" in result.stdout
    census = chart_alt_texts(stores / "census" / "2019-06" / "preview.html")
    letters = chart_alt_texts(stores / "letters" / "2019-06" / "preview.html")
    assert len(census) == 12
    # The BME summary reads the same under either codes; the ethnicity chart names the census codes.
    assert census["bme.png"] == letters["bme.png"]
    assert re.search(r"BME: [1-9]\d*", census["bme.png"])
    code_of = {letter: code for code, _, letter in CENSUS_CODES}

    def bars(alt: str) -> list[tuple[str, str]]:  # each bar's code (its label follows) and figure
        return re.findall(r"(?:\. |; )(\S+) [^:;]*: (\d+ \([^)]*\))", alt)

    assert bars(census["ethnicity.png"]) == [(code_of.get(c, c), v) for c, v in bars(letters["ethnicity.png"])]
    assert "WBRI White British: " in census["ethnicity.png"]


def test_census_codes_can_be_asked(stores: Path) -> None:
    def ask(config: str, db: str, *question: str) -> list[str]:
        result = run_cli("--config", config, "--db", db, "ask", *question, cwd=stores)
        assert result.returncode == 0, result.stdout
        return result.stdout.splitlines()

    census = ask("census.toml", "census.db", "BME", "summary", "June")
    letters = ask(str(SHIPPED), "letters.db", "BME", "summary", "June")
    assert census[0] == letters[0] == "BME summary, June 2019"
    labels = [re.split(r"\s{2,}| \d", line)[0] for line in census[3:-1]]
    assert labels[:2] == ["Total BME", "WBRI - White British"]
    # The same figures, row by row, as under the letter codes.
    assert [re.findall(r"\d+ \d+%", line) for line in census[2:]] == [
        re.findall(r"\d+ \d+%", line) for line in letters[2:]
    ]
