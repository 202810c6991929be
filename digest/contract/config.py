"""The council-specific settings the core reads: column names, value synonyms, ethnicity codes, RHI rule.

The file is TOML; sections other than the ones read here (such as Slack settings) belong to the bot
and are left alone. Every mistake is reported as a ConfigError naming the key and how to fix it.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.deadlines import DeadlineRule, parse_deadline_rule
from digest.contract.revisions import (
    COUNT_KEY,
    DEFAULT_COUNT,
    DEFAULT_POINTS,
    POINTS_KEY,
    RevisionThreshold,
    RevisionThresholdError,
    parse_revision_threshold,
)
from digest.contract.timestamps import DATE_ORDERS
from digest.contract.vocabulary import normalise

CONFIG_ENV = "MISSING_REPORT_CONFIG"
SHIPPED_CONFIG = Path(__file__).resolve().parent.parent / "config" / "missing-report.toml"

CANONICAL_VALUES: dict[str, list[str]] = {
    "gender": ["Female", "Male"],
    "care_status": ["Early Help", "CIN", "CPP", "LAC", "Care Leaver", "Not a client"],
    "cse_risk": ["None", "Low", "Medium", "High"],
    "yes_no": ["Yes", "No", "N/A"],
}


# The Standard Safeguarding Dataset's ethnicity codes (DfE's four-letter census codes) -> the letter codes.
# CNHE is how ssd_person.yml's guidance spells Chinese (DfE's own code is CHNE): both are read.
SSD_ETHNICITY_CODES: dict[str, str] = {
    "WBRI": "A1",
    "WIRI": "A2",
    "WOTH": "A3",
    "WIRT": "A4",
    "WROM": "A5",
    "MWBC": "B1",
    "MWBA": "B2",
    "MWAS": "B3",
    "MOTH": "B4",
    "AIND": "C1",
    "APKN": "C2",
    "ABAN": "C3",
    "AOTH": "C4",
    "BCRB": "D1",
    "BAFR": "D2",
    "BOTH": "D3",
    "CHNE": "E1",
    "CNHE": "E1",
    "OOTH": "E2",
    "REFU": "E3",
    "NOBT": "E4",
}


# The spec's own vocabulary (sections 1 and 4), used when no config file is found. The shipped
# config/missing-report.toml starts from the same values (a test holds them together) and adds
# the header names and synonyms councils commonly use.
BUILT_IN_DEFAULTS: dict[str, Any] = {
    "columns": {
        "episode_id": ["Episode ID", "Missing Episode ID", "Episode Ref"],
        "child_id": ["Child ID", "Person ID", "LCS ID", "Mosaic ID"],
        "missing_start": ["Missing Start", "Start Date", "Date Missing", "MIS_START"],
        "missing_end": ["Missing End", "End Date", "Date Returned", "MIS_END"],
        "gender": ["Sex", "Gender Description"],
        "date_of_birth": ["DOB", "Date of Birth"],
        "ethnicity": ["Ethnic Origin", "Ethnicity Code", "ETHNIC"],
        "care_status": ["Care Status", "Social Care Status", "Status at Start", "Case Type"],
        "other_la": ["Other LA", "Other Local Authority", "OLA"],
        "cse_risk": ["CSE Risk", "CSE Risk Level", "CSE"],
        "placement_distance_miles": ["Placement Distance", "Distance (miles)", "Placement Distance Miles"],
        "rhi_offered": ["RHI Offered", "Return Interview Offered", "RETURN_INTERVIEW_OFFERED"],
        "rhi_accepted": ["RHI Accepted", "Return Interview Accepted", "RETURN_INTERVIEW_ACCEPTED"],
        "rhi_completed": ["RHI Completed", "RHI Date", "Return Interview Date"],
    },
    "values": {
        "gender": {"Female": ["F"], "Male": ["M"]},
        "care_status": {
            "Early Help": ["EH"],
            "CIN": ["Child in Need"],
            "CPP": ["Child Protection", "CP"],
            "LAC": ["CLA", "Looked After"],
        },
        "yes_no": {"Yes": ["Y", "True", "1"], "No": ["N", "False", "0"], "N/A": ["NA"]},
    },
    "ethnicity": {
        "codes": [
            ["A1", "White British"],
            ["A2", "White Irish"],
            ["A3", "Any other White background"],
            ["A4", "Traveller of Irish heritage"],
            ["A5", "Gypsy / Roma"],
            ["B1", "White and Black Caribbean"],
            ["B2", "White and Black African"],
            ["B3", "White and Asian"],
            ["B4", "Any other mixed background"],
            ["C1", "Indian"],
            ["C2", "Pakistani"],
            ["C3", "Bangladeshi"],
            ["C4", "Any other Asian background"],
            ["D1", "Caribbean"],
            ["D2", "African"],
            ["D3", "Any other Black background"],
            ["E1", "Chinese"],
            ["E2", "Any other ethnic group"],
            ["E3", "Refused"],
            ["E4", "Not obtained / recorded"],
        ],
        "blank": "E4",
        "not_recorded": ["E3", "E4"],
        "not_bme": ["A1"],
    },
    "ingest": {"date_order": "", "max_rejected_percent": 5},
    "ssd": {"ethnicity": dict(SSD_ETHNICITY_CODES)},
    # review_*: read by the bot (bot/settings.py); here so that a plain install behaves as the shipped config.
    "digest": {
        "review_channel": "",
        "review_deadline": "2 working days",
        "if_not_published": "remind",
        "publishers": [],
        COUNT_KEY: DEFAULT_COUNT,
        POINTS_KEY: DEFAULT_POINTS,
    },
}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message says what to change."""


@dataclass(frozen=True)
class EthnicityConfig:
    codes: list[tuple[str, str]]
    blank: str
    not_recorded: frozenset[str]
    not_bme: frozenset[str]
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def bme(self) -> frozenset[str]:
        return frozenset(code for code, _ in self.codes) - self.not_recorded - self.not_bme

    def label(self, code: str) -> str:
        return dict(self.codes)[code]


@dataclass(frozen=True)
class Config:
    source: Path
    store_path: str
    column_aliases: dict[str, list[str]]
    synonyms: dict[str, dict[str, str]]  # vocabulary -> normalised spelling -> canonical value
    ethnicity: EthnicityConfig
    rhi_deadline: DeadlineRule
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    revision_threshold: RevisionThreshold = field(default_factory=RevisionThreshold)  # [digest] revision_threshold*
    date_order: str | None = None  # [ingest] date_order: how slash dates are written, if said
    max_rejected_percent: float = 5.0  # [ingest] max_rejected_percent: more rejected rows refuse the file
    ssd_ethnicity: dict[str, str] = field(default_factory=dict)  # [ssd.ethnicity]: SSD code -> [ethnicity] code


def find_config_path(explicit: str | None = None) -> Path:
    """The config file to use: --config, then $MISSING_REPORT_CONFIG, then ./config, then the shipped one."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    local = Path("config") / "missing-report.toml"
    return local if local.is_file() else SHIPPED_CONFIG


def load_config(path: str | Path | None = None) -> Config:
    """Read and check a config file.

    Args:
        path: the file; None finds it as find_config_path() does.
    """
    source = find_config_path(str(path) if path else None)
    if source == SHIPPED_CONFIG and not source.is_file():
        # Installed without the checkout's config/ folder (a plain `pip install`): the spec's own defaults.
        return parse_config(BUILT_IN_DEFAULTS, Path("(built-in defaults)"))
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {source} does not exist; pass --config with the right path") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {source} cannot be read: {err}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {source} is not valid TOML: {err}") from None
    return parse_config(raw, source)


def parse_config(raw: dict[str, Any], source: Path) -> Config:
    where = f"config file {source}"
    store = _table(raw, "store", where)
    store_path = store.get("path", "data/missing-report.db")
    if not isinstance(store_path, str) or not store_path.strip():
        raise ConfigError(f"{where}: [store] path must be a file path in quotes")
    rhi = _table(raw, "rhi", where)
    try:
        rule = parse_deadline_rule(str(rhi.get("deadline", "3 working days")))
    except ValueError as err:
        raise ConfigError(f"{where}: [rhi] deadline: {err}") from None
    try:
        revision_threshold = parse_revision_threshold(_table(raw, "digest", where))
    except RevisionThresholdError as err:
        raise ConfigError(f"{where}: [digest] {err}") from None
    ingest = _table(raw, "ingest", where)
    date_order = ingest.get("date_order", "")
    if date_order not in ("", *DATE_ORDERS):
        raise ConfigError(f'{where}: [ingest] date_order must be "{DATE_ORDERS[0]}", "{DATE_ORDERS[1]}" or ""')
    max_rejected = ingest.get("max_rejected_percent", 5)
    if isinstance(max_rejected, bool) or not isinstance(max_rejected, int | float) or not 0 <= max_rejected <= 100:
        raise ConfigError(f"{where}: [ingest] max_rejected_percent must be a number from 0 to 100, without quotes")
    ethnicity = _parse_ethnicity(_table(raw, "ethnicity", where), where)
    return Config(
        source=source,
        store_path=store_path,
        column_aliases=_parse_columns(_table(raw, "columns", where), where),
        synonyms=_parse_values(_table(raw, "values", where), where),
        ethnicity=ethnicity,
        rhi_deadline=rule,
        raw=raw,
        revision_threshold=revision_threshold,
        date_order=date_order or None,
        max_rejected_percent=float(max_rejected),
        ssd_ethnicity=_parse_ssd_ethnicity(_table(raw, "ssd", where), ethnicity, where),
    )


def _table(raw: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{name}] must be a table (a [{name}] section)")
    return value


def _string_list(value: Any, key: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where}: {key} must be a list of names in quotes, like ["Child ID", "Person ID"]')
    return value


def _parse_columns(section: dict[str, Any], where: str) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {name: [name] for name in CONTRACT_COLUMNS}
    owner: dict[str, str] = {normalise(name): name for name in CONTRACT_COLUMNS}
    for column, names in section.items():
        if column not in CONTRACT_COLUMNS:
            raise ConfigError(
                f"{where}: [columns] {column} is not a contract column; use one of {', '.join(CONTRACT_COLUMNS)}"
            )
        for name in _string_list(names, f"[columns] {column}", where):
            key = normalise(name)
            if key in owner and owner[key] != column:
                raise ConfigError(
                    f'{where}: [columns] header "{name}" is listed for both {owner[key]} and {column}; '
                    "keep it under one"
                )
            owner[key] = column
            aliases[column].append(name)
    return aliases


def _parse_values(section: dict[str, Any], where: str) -> dict[str, dict[str, str]]:
    synonyms: dict[str, dict[str, str]] = {}
    for vocabulary, canonical in CANONICAL_VALUES.items():
        table = section.get(vocabulary, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [values.{vocabulary}] must be a table")
        lookup = {normalise(value): value for value in canonical}
        for value, names in table.items():
            if value not in canonical:
                raise ConfigError(
                    f"{where}: [values.{vocabulary}] {value!r} is not one of {', '.join(canonical)}; "
                    "list synonyms under the canonical value"
                )
            for name in _string_list(names, f"[values.{vocabulary}] {value}", where):
                key = normalise(name)
                if lookup.get(key, value) != value:
                    raise ConfigError(f'{where}: [values.{vocabulary}] "{name}" means both {lookup[key]} and {value}')
                lookup[key] = value
        synonyms[vocabulary] = lookup
    unknown = set(section) - set(CANONICAL_VALUES)
    if unknown:
        raise ConfigError(
            f"{where}: [values.{sorted(unknown)[0]}] is not a known value list; use {', '.join(CANONICAL_VALUES)}"
        )
    return synonyms


CODE_PATTERN = re.compile(r"^[A-Za-z0-9]+$")


def _parse_ethnicity(section: dict[str, Any], where: str) -> EthnicityConfig:
    pairs = section.get("codes")
    if not isinstance(pairs, list) or not pairs:
        raise ConfigError(f'{where}: [ethnicity] codes must list ["code", "label"] pairs')
    codes: list[tuple[str, str]] = []
    for pair in pairs:
        valid = isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        if not valid or not CODE_PATTERN.match(pair[0]):
            raise ConfigError(
                f'{where}: [ethnicity] codes entry {pair!r} must be ["code", "label"], code letters and digits'
            )
        codes.append((pair[0], pair[1]))
    known = {code for code, _ in codes}
    if len(known) != len(codes):
        raise ConfigError(f"{where}: [ethnicity] codes lists a code twice")

    def code_list(key: str, default: list[str]) -> frozenset[str]:
        values = _string_list(section.get(key, default), f"[ethnicity] {key}", where)
        missing = [value for value in values if value not in known]
        if missing:
            raise ConfigError(f"{where}: [ethnicity] {key} names {missing[0]!r}, which is not in codes")
        return frozenset(values)

    blank = section.get("blank", codes[-1][0])
    if blank not in known:
        raise ConfigError(f"{where}: [ethnicity] blank = {blank!r} is not in codes")
    aliases = section.get("aliases", {})
    if not isinstance(aliases, dict):
        raise ConfigError(f'{where}: [ethnicity.aliases] must be a table of ALIAS = "CODE"')
    for alias, code in aliases.items():
        if code not in known:
            raise ConfigError(f"{where}: [ethnicity.aliases] {alias} = {code!r} is not in codes")
    return EthnicityConfig(
        codes=codes,
        blank=blank,
        not_recorded=code_list("not_recorded", []),
        not_bme=code_list("not_bme", []),
        aliases={str(alias): str(code) for alias, code in aliases.items()},
    )


def _parse_ssd_ethnicity(section: dict[str, Any], ethnicity: EthnicityConfig, where: str) -> dict[str, str]:
    """[ssd.ethnicity]: SSD code -> [ethnicity] code. Without the table, SSD_ETHNICITY_CODES as far as the
    config's codes reach: a config that keeps the DfE codes themselves reads them as they are (and CNHE as
    the DfE code for Chinese)."""
    known = {code for code, _ in ethnicity.codes}
    table = section.get("ethnicity")
    if table is None:
        by_letter = {letter: dfe for dfe, letter in SSD_ETHNICITY_CODES.items() if dfe in known}
        default = {
            dfe: letter if letter in known else by_letter.get(letter) for dfe, letter in SSD_ETHNICITY_CODES.items()
        }
        return {dfe: code for dfe, code in default.items() if code is not None}
    if not isinstance(table, dict):
        raise ConfigError(f'{where}: [ssd.ethnicity] must be a table of SSD_CODE = "CODE"')
    mapping: dict[str, str] = {}
    for ssd_code, code in table.items():
        if not CODE_PATTERN.match(ssd_code) or not isinstance(code, str):
            raise ConfigError(f'{where}: [ssd.ethnicity] {ssd_code} must be an SSD code = "CODE", like WBRI = "A1"')
        if code not in known:
            raise ConfigError(
                f"{where}: [ssd.ethnicity] {ssd_code} = {code!r} is not in [ethnicity] codes; map it onto one of "
                "them, or remove [ssd.ethnicity] to read SSD codes as the codes listed there"
            )
        mapping[ssd_code.upper()] = code
    return mapping
