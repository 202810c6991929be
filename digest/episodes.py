"""Validating an extract's rows and normalising them into episodes (spec section 1, "Bad input").

A row is rejected, with its reason, when its episode_id, child_id or missing_start is missing or
unreadable, its missing_end is unreadable or before missing_start, its missing_start is after the
as-at time, or its episode_id repeats an earlier row of the file. Every other row is kept; values
the config does not recognise fall into an `unrecognised` bucket and are counted for the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from digest.config import Config
from digest.extracts import Extract
from digest.timestamps import parse_timestamps
from digest.vocabulary import normalise, translate_values

# Rejection reasons, in the order they are checked; a row gets the first that applies.
REJECT_EPISODE_ID = "episode_id missing"
REJECT_CHILD_ID = "child_id missing"
REJECT_START_MISSING = "missing_start missing"
REJECT_START_UNREADABLE = "missing_start unreadable"
REJECT_END_UNREADABLE = "missing_end unreadable"
REJECT_END_BEFORE_START = "missing_end before missing_start"
REJECT_START_AFTER_AS_AT = "missing_start after the as-at time"
REJECT_DUPLICATE = "episode_id repeats an earlier row"
REJECTION_REASONS = (
    REJECT_EPISODE_ID,
    REJECT_CHILD_ID,
    REJECT_START_MISSING,
    REJECT_START_UNREADABLE,
    REJECT_END_UNREADABLE,
    REJECT_END_BEFORE_START,
    REJECT_START_AFTER_AS_AT,
    REJECT_DUPLICATE,
)

STATUS_KEYS = {
    "Early Help": "early_help",
    "CIN": "cin",
    "CPP": "cpp",
    "LAC": "lac",
    "Care Leaver": "care_leaver",
    "Not a client": "not_a_client",
}
GENDER_KEYS = {"Female": "female", "Male": "male"}
CSE_KEYS = {"None": "none", "Low": "low", "Medium": "medium", "High": "high"}
YES_NO_KEYS = {"Yes": "yes", "No": "no", "N/A": "n/a"}
UNRECOGNISED = "unrecognised"
_DASHES = re.compile("[-\u2013\u2014]")  # hyphen, en dash, em dash
# Columns whose raw values may identify a child: the report counts their problems, never shows the values.
COUNT_ONLY_COLUMNS = ("date_of_birth", "rhi_completed", "missing_end")
BLANK_SHOWN_AS = "(blank)"

EPISODE_COLUMNS = (
    "row",
    "episode_id",
    "child_id",
    "missing_start",
    "missing_end",
    "gender",
    "date_of_birth",
    "ethnicity",
    "care_status",
    "other_la",
    "cse_risk",
    "placement_distance_miles",
    "rhi_offered",
    "rhi_accepted",
    "rhi_completed",
)


@dataclass
class Episodes:
    """The outcome of validating one extract."""

    accepted: pd.DataFrame  # EPISODE_COLUMNS, typed: datetimes, floats, canonical keys
    rejected: pd.DataFrame  # row, reason
    unrecognised: pd.DataFrame  # column, value, count (value "" for count-only columns)

    def rejected_by_reason(self) -> dict[str, int]:
        counts = self.rejected["reason"].value_counts()
        return {reason: int(counts[reason]) for reason in REJECTION_REASONS if reason in counts}


def normalise_episodes(extract: Extract, as_at: dt.datetime, config: Config) -> Episodes:
    """Validate every row of an extract and return accepted episodes, rejected rows and odd values."""
    rows = pd.Series(extract.rows.index + 2, index=extract.rows.index)  # spreadsheet row: header is row 1
    text = {name: extract.column(name).fillna("").astype(str).str.strip() for name in extract.column_of}
    blank = pd.Series("", index=extract.rows.index, dtype="object")

    def raw(name: str) -> pd.Series:
        return text.get(name, blank)

    start = parse_timestamps(raw("missing_start"))
    end = parse_timestamps(raw("missing_end"))
    reason = pd.Series(pd.NA, index=extract.rows.index, dtype="object")
    checks = [
        (REJECT_EPISODE_ID, raw("episode_id") == ""),
        (REJECT_CHILD_ID, raw("child_id") == ""),
        (REJECT_START_MISSING, raw("missing_start") == ""),
        (REJECT_START_UNREADABLE, start.isna()),
        (REJECT_END_UNREADABLE, end.isna() & (raw("missing_end") != "")),
        (REJECT_END_BEFORE_START, end < start),
        (REJECT_START_AFTER_AS_AT, start > pd.Timestamp(as_at)),
        (REJECT_DUPLICATE, raw("episode_id").duplicated() & (raw("episode_id") != "")),
    ]
    for label, failed in checks:
        reason = reason.mask(reason.isna() & failed, label)
    keep = reason.isna()

    episodes = pd.DataFrame(
        {
            "row": rows,
            "episode_id": raw("episode_id"),
            "child_id": raw("child_id"),
            "missing_start": start,
            "missing_end": end,
        }
    )[keep]
    kept = {name: series[keep] for name, series in text.items()}

    def kept_raw(name: str) -> pd.Series:
        return kept.get(name, blank[keep])

    odd: list[tuple[str, str, int]] = []
    episodes["gender"] = _categorise(kept_raw("gender"), config.synonyms["gender"], GENDER_KEYS, "other", odd, "gender")
    dob = parse_timestamps(kept_raw("date_of_birth"))
    episodes["date_of_birth"] = dob
    _count_only(odd, "date_of_birth", dob.isna())
    episodes["ethnicity"] = _ethnicity(kept_raw("ethnicity"), config, odd)
    episodes["care_status"] = _categorise(
        kept_raw("care_status"),
        config.synonyms["care_status"],
        STATUS_KEYS,
        UNRECOGNISED,
        odd,
        "care_status",
        blank_is=None,
    )
    for name in ("other_la", "rhi_offered", "rhi_accepted"):
        episodes[name] = _categorise(
            kept_raw(name), config.synonyms["yes_no"], YES_NO_KEYS, UNRECOGNISED, odd, name, blank_is="n/a"
        )
    episodes["cse_risk"] = _categorise(
        kept_raw("cse_risk"),
        config.synonyms["cse_risk"],
        CSE_KEYS,
        UNRECOGNISED,
        odd,
        "cse_risk",
        blank_is="not_recorded",
    )
    episodes["placement_distance_miles"] = _distance(kept_raw("placement_distance_miles"), odd)
    completed = parse_timestamps(kept_raw("rhi_completed"))
    episodes["rhi_completed"] = completed.dt.normalize()
    _count_only(odd, "rhi_completed", completed.isna() & (kept_raw("rhi_completed") != ""))

    rejected = pd.DataFrame({"row": rows[~keep], "reason": reason[~keep].astype(str)})
    unrecognised = pd.DataFrame(odd, columns=["column", "value", "count"])
    return Episodes(episodes.reset_index(drop=True), rejected.reset_index(drop=True), unrecognised)


def _categorise(
    raw: pd.Series,
    synonyms: dict[str, str],
    keys: dict[str, str],
    otherwise: str,
    odd: list[tuple[str, str, int]],
    column: str,
    blank_is: str | None = "other",
) -> pd.Series:
    """Map raw text to category keys; note each unmatched non-blank value (and blank, where blank_is is None)."""
    canonical = translate_values(raw, synonyms)
    result = canonical.map(keys, na_action="ignore")
    unmatched = result.isna()
    is_blank = raw == ""
    if blank_is is not None:
        result = result.mask(unmatched & is_blank, blank_is)
        unmatched &= ~is_blank
    _note_values(odd, column, raw[unmatched])
    return result.fillna(otherwise).astype("object")


def _ethnicity(raw: pd.Series, config: Config, odd: list[tuple[str, str, int]]) -> pd.Series:
    """Read 'A1', 'A1 - White British', 'White British' or an alias; blank is the configured blank code."""
    ethnicity = config.ethnicity
    by_code = {normalise(code): code for code, _ in ethnicity.codes}
    by_code.update({normalise(alias): code for alias, code in ethnicity.aliases.items()})
    by_whole = dict(by_code)
    by_whole.update({normalise(label): code for code, label in ethnicity.codes})
    by_whole[""] = ethnicity.blank

    def code_of(value: str) -> str | None:
        key = normalise(value)
        # "A1 - White British" (or an en dash, as Excel writes it): the code before the dash decides.
        return by_whole.get(key) or by_code.get(normalise(_DASHES.split(key, maxsplit=1)[0]))

    codes, uniques = pd.factorize(raw)
    mapped = pd.Series([code_of(str(value)) for value in uniques] + [None], dtype="object")
    result = pd.Series(mapped.to_numpy()[codes], index=raw.index, dtype="object")
    _note_values(odd, "ethnicity", raw[result.isna()])
    return result.fillna(UNRECOGNISED)


def _distance(raw: pd.Series, odd: list[tuple[str, str, int]]) -> pd.Series:
    miles = pd.to_numeric(raw.str.replace(",", "", regex=False), errors="coerce")
    bad = (raw != "") & (miles.isna() | (miles < 0))
    _note_values(odd, "placement_distance_miles", raw[bad])
    return miles.mask(bad).astype("float64")


def _note_values(odd: list[tuple[str, str, int]], column: str, values: pd.Series) -> None:
    for value, count in values.value_counts(sort=True).items():
        odd.append((column, str(value) or BLANK_SHOWN_AS, int(count)))


def _count_only(odd: list[tuple[str, str, int]], column: str, bad: pd.Series) -> None:
    if bad.any():
        odd.append((column, "", int(bad.sum())))
