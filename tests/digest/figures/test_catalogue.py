"""The catalogue is the one source of indicator knowledge: every key used anywhere else is one it defines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from digest.contract.config import Config
from digest.figures.catalogue import RHI_ANSWER_RECORDED, RHI_OFFER_RECORDED, build_catalogue, build_groups

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "digest" / "figures" / "catalogue.py"
# What an indicator key looks like: a section's prefix, a dot, and more (the leading "_" marks internal ones).
KEY = re.compile(r"^_?(episodes|children|duration|rhi|status|gender|ethnicity|age|distance)(\.[A-Za-z0-9_]+)+$")


def keys_used_outside_the_catalogue() -> dict[str, list[str]]:
    """Every string literal in the code (core and edges) that looks like an indicator key, with where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted([*ROOT.glob("digest/**/*.py"), *ROOT.glob("bot/**/*.py")]):
        if path == CATALOGUE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_key_used_elsewhere_is_defined_by_the_catalogue(config: Config) -> None:
    defined = {indicator.key for indicator in build_catalogue(config)} | {RHI_OFFER_RECORDED, RHI_ANSWER_RECORDED}
    used = keys_used_outside_the_catalogue()
    assert "episodes.all" in used  # the walk does find keys
    undefined = {key: places for key, places in used.items() if key not in defined}
    assert undefined == {}


def test_a_misspelt_key_would_be_caught() -> None:
    source = 'LABEL = {"episodes.al": "Missing episodes"}\n'
    literals = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)]
    assert [v for v in literals if isinstance(v, str) and KEY.match(v)] == ["episodes.al"]


def test_groups_name_only_catalogue_keys(config: Config) -> None:
    defined = {indicator.key for indicator in build_catalogue(config)}
    for group in build_groups(config).values():
        keys = {key for row in group.rows for key in row.keys} | set(group.table_keys) | {group.denominator}
        assert keys <= defined, group.name


def test_bme_summary_follows_the_config(config: Config) -> None:
    bme = build_groups(config)["bme"]
    assert [(row.label, row.keys) for row in bme.rows] == [
        ("BME", ("ethnicity.bme",)),
        ("White British", ("ethnicity.A1",)),
        ("Not recorded", ("ethnicity.E3", "ethnicity.E4", "ethnicity.unrecognised")),
    ]
    assert bme.table_keys == (
        "ethnicity.bme",
        "ethnicity.A1",
        "ethnicity.E3",
        "ethnicity.E4",
        "ethnicity.unrecognised",
    )
