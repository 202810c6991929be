"""Validating an extract's rows and normalising them into episodes (spec section 1, "Bad input").

A row is rejected, with its reason, when its episode_id, child_id or missing_start is missing or
unreadable, its missing_end is unreadable or before missing_start, a date is outside the plausible
window, its missing_start is after the as-at time, or its episode_id repeats an earlier row of the file.
Every other row is kept; values the config does not recognise fall into an `unrecognised` bucket and are
counted for the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from digest.contract.columns import CONTRACT_COLUMNS
from digest.contract.config import Config
from digest.contract.timestamps import MONTH_FIRST, count_month_first, parse_timestamps
from digest.contract.vocabulary import normalise, translate_values
from digest.figures.catalogue import STATUSES
from digest.figures.indicators import is_birth_recorded
from digest.intake.csv_tables import trim_text
from digest.intake.repeats import find_repeats

# Rejection reasons, in the order they are checked; a row gets the first that applies.
REJECT_EPISODE_ID = "episode_id missing"
REJECT_CHILD_ID = "child_id missing"
REJECT_START_MISSING = "missing_start missing"
REJECT_START_UNREADABLE = "missing_start unreadable"
REJECT_END_UNREADABLE = "missing_end unreadable"
REJECT_DATE_OUT_OF_RANGE = "date out of range"
REJECT_END_BEFORE_START = "missing_end before missing_start"
REJECT_START_AFTER_AS_AT = "missing_start after the as-at time"
REJECT_DUPLICATE = "episode_id repeats an earlier row"
REJECTION_REASONS = (
    REJECT_EPISODE_ID,
    REJECT_CHILD_ID,
    REJECT_START_MISSING,
    REJECT_START_UNREADABLE,
    REJECT_END_UNREADABLE,
    REJECT_DATE_OUT_OF_RANGE,
    REJECT_END_BEFORE_START,
    REJECT_START_AFTER_AS_AT,
    REJECT_DUPLICATE,
)

STATUS_KEYS = {label: key for key, label in STATUSES}  # canonical care status -> indicator key
GENDER_KEYS = {"Female": "female", "Male": "male"}
CSE_KEYS = {"None": "none", "Low": "low", "Medium": "medium", "High": "high"}
YES_NO_KEYS = {"Yes": "yes", "No": "no", "N/A": "n/a"}
UNRECOGNISED = "unrecognised"
_DASHES = re.compile("[-\u2013\u2014]")  # hyphen, en dash, em dash
BLANK_SHOWN_AS = "(blank)"
HIDDEN_VALUE = ""  # the value noted for one that is counted but never shown

EPISODE_COLUMNS = ("row", *CONTRACT_COLUMNS)
# The plausible window (spec section 1): placeholder dates such as 0001-01-01 or 9999-12-31, common "no date"
# values in exports, fall outside it, so no row can make a snapshot's months span centuries.
EARLIEST_PLAUSIBLE_DATE = pd.Timestamp("1990-01-01")
LATEST_END_AFTER_AS_AT = pd.DateOffset(years=1)


@dataclass
class Episodes:
    """The outcome of validating one extract."""

    accepted: pd.DataFrame  # EPISODE_COLUMNS, typed: datetimes, floats, canonical keys
    rejected: pd.DataFrame  # row, reason
    # column, value, count: each distinct raw value ("(blank)" for blank; "" in count-only columns). The values
    # may be a name typed into the wrong column: they are never stored or shown, but to a person at a terminal
    # who asks (spec section 1); see without_values.
    unrecognised: pd.DataFrame
    month_first_dates: int = 0  # slash dates that read only month-first (06/13/2019), when the order was not said

    def rejected_by_reason(self) -> dict[str, int]:
        counts = self.rejected["reason"].value_counts()
        return {reason: int(counts[reason]) for reason in REJECTION_REASONS if reason in counts}


class EpisodeBuilder:
    """Validates an extract chunk by chunk, keeping only compact typed columns, then settles the whole file.

    Everything but the duplicate check is decided row by row; "repeats an earlier row" needs the whole
    file, so it is settled in finish(), and only then are unrecognised values counted, over kept rows.
    """

    def __init__(self, as_at: dt.datetime, config: Config, date_order: str | None = None) -> None:
        """date_order: how slash dates are written, if said (DAY_FIRST, MONTH_FIRST); None reads them
        day-first and counts those that read only month-first, so that the file can be refused."""
        self.as_at = pd.Timestamp(as_at)
        self.config = config
        self.date_order = date_order
        self._parts: list[pd.DataFrame] = []
        self._odd: list[pd.DataFrame] = []  # row, column, value of each value not recognised
        self._month_first = 0

    def add(
        self,
        chunk: pd.DataFrame,
        column_of: dict[str, str],
        later_reason: pd.Series | None = None,
        parsed: dict[str, pd.Series] | None = None,
        trimmed: bool = False,
    ) -> None:
        """Check and normalise one chunk of raw rows (as Extract.chunks yields them).

        For the SSD reader: later_reason is a reason its own checks give a row, applied after every check
        here (the duplicate check included); parsed holds date columns it has already parsed from the same
        text (missing_start, date_of_birth), which are not parsed again; trimmed says the cells are trimmed
        text already, none missing (the SSD reader trims each table as it reads it), not to be trimmed again.
        """
        given = parsed or {}
        rows = pd.Series(chunk.index.to_numpy() + 2, index=chunk.index)  # spreadsheet row: header is row 1
        # An absent column: a category of one value, blank, which every check below decides once.
        blank = pd.Series(pd.Categorical.from_codes(np.zeros(len(chunk), dtype=np.int8), categories=pd.Index([""])))
        blank.index = chunk.index
        text = {name: chunk[header] if trimmed else _clean_text(chunk[header]) for name, header in column_of.items()}

        def raw(name: str) -> pd.Series:
            return text.get(name, blank)

        month_first = self.date_order == MONTH_FIRST
        start = (
            given["missing_start"] if "missing_start" in given else parse_timestamps(raw("missing_start"), month_first)
        )
        end = parse_timestamps(raw("missing_end"), month_first)
        dob = (
            given["date_of_birth"] if "date_of_birth" in given else parse_timestamps(raw("date_of_birth"), month_first)
        )
        if self.date_order is None:
            for name, read in (("missing_start", start), ("missing_end", end), ("date_of_birth", dob)):
                self._month_first += count_month_first(raw(name), read)
        checks = [
            (REJECT_EPISODE_ID, raw("episode_id") == ""),
            (REJECT_CHILD_ID, raw("child_id") == ""),
            (REJECT_START_MISSING, raw("missing_start") == ""),
            (REJECT_START_UNREADABLE, start.isna()),
            (REJECT_END_UNREADABLE, end.isna() & (raw("missing_end") != "")),
            (
                REJECT_DATE_OUT_OF_RANGE,
                (start < EARLIEST_PLAUSIBLE_DATE)
                | (end < EARLIEST_PLAUSIBLE_DATE)
                | (end > self.as_at + LATEST_END_AFTER_AS_AT),
            ),
            (REJECT_END_BEFORE_START, end < start),
            (REJECT_START_AFTER_AS_AT, start > self.as_at),
        ]
        # Each row's first failed check, as a small number (0: none) until the end: cheaper than text masks.
        first_failed = np.zeros(len(chunk), dtype=np.int8)
        for number, (_, failed) in enumerate(checks, start=1):
            first_failed[(first_failed == 0) & failed.to_numpy(dtype=bool)] = number
        labels = np.array([None, *(label for label, _ in checks)], dtype=object)
        reason = pd.Series(labels[first_failed], index=chunk.index, dtype=object)

        odd: list[pd.DataFrame] = []
        synonyms = self.config.synonyms
        completed = parse_timestamps(raw("rhi_completed"), month_first)
        part = pd.DataFrame(
            {
                "row": rows,
                "episode_id": raw("episode_id"),
                "child_id": raw("child_id"),
                "missing_start": start,
                "missing_end": end,
                "gender": _categorise(raw("gender"), synonyms["gender"], GENDER_KEYS, "other", odd, "gender"),
                "date_of_birth": dob,
                "ethnicity": _ethnicity(raw("ethnicity"), self.config, odd),
                "care_status": _categorise(
                    raw("care_status"),
                    synonyms["care_status"],
                    STATUS_KEYS,
                    UNRECOGNISED,
                    odd,
                    "care_status",
                    blank_is=None,
                ),
                "other_la": _yes_no(raw("other_la"), synonyms["yes_no"], odd, "other_la"),
                "cse_risk": _categorise(
                    raw("cse_risk"),
                    synonyms["cse_risk"],
                    CSE_KEYS,
                    UNRECOGNISED,
                    odd,
                    "cse_risk",
                    blank_is="not_recorded",
                ),
                "placement_distance_miles": _distance(raw("placement_distance_miles"), odd),
                "rhi_offered": _yes_no(raw("rhi_offered"), synonyms["yes_no"], odd, "rhi_offered"),
                "rhi_accepted": _yes_no(raw("rhi_accepted"), synonyms["yes_no"], odd, "rhi_accepted"),
                "rhi_completed": completed.dt.normalize(),
                "reason": reason,
                "later_reason": later_reason if later_reason is not None else pd.Series(None, index=chunk.index),
            }
        )
        # A date of birth that is not recorded (blank, unreadable, after the start, a placeholder) gives no
        # age: counted here, and in age.not_recorded.
        _note_count_only(odd, "date_of_birth", ~is_birth_recorded(start, dob))
        _note_count_only(odd, "rhi_completed", completed.isna() & (raw("rhi_completed") != ""))
        self._parts.append(part)
        self._odd += [frame.assign(row=rows[frame.index]) for frame in odd]

    def finish(self) -> Episodes:
        """Settle duplicates over the whole file and return accepted, rejected and unrecognised."""
        every = pd.concat(self._parts, ignore_index=True) if self._parts else _empty_part()
        ids = every["episode_id"]
        duplicate = find_repeats(ids) & (ids != "")
        reason = every["reason"].mask(every["reason"].isna() & duplicate, REJECT_DUPLICATE)
        reason = reason.mask(reason.isna(), every["later_reason"])
        keep = reason.isna()
        accepted = every.loc[keep, list(EPISODE_COLUMNS)].reset_index(drop=True)
        rejected = pd.DataFrame({"row": every.loc[~keep, "row"], "reason": reason[~keep]}).reset_index(drop=True)
        return Episodes(accepted, rejected, count_unrecognised(self._odd, rejected["row"]), self._month_first)


def _clean_text(raw: pd.Series) -> pd.Series:
    """Cells as trimmed text, blank for missing: in Arrow for Arrow text; for categories (the SSD reader's
    columns of a few distinct values), their categories trimmed; else a plain list comprehension (far faster
    than .str on a million Python strings)."""
    if isinstance(raw.dtype, pd.CategoricalDtype):
        categories = _clean_text(pd.Series(raw.cat.categories.to_numpy(dtype=object), dtype=object))
        merged, distinct = pd.factorize(pd.concat([categories, pd.Series([""])], ignore_index=True))
        codes = raw.cat.codes.to_numpy()
        trimmed_codes = merged[np.where(codes < 0, len(categories), codes)]  # a missing cell is blank
        return pd.Series(pd.Categorical.from_codes(trimmed_codes, categories=distinct), index=raw.index)
    trimmed = trim_text(raw)
    if trimmed is not None:
        return trimmed
    values = raw.to_numpy(dtype=object)
    return pd.Series([v.strip() if isinstance(v, str) else "" for v in values], index=raw.index, dtype=object)


def _empty_part() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in (*EPISODE_COLUMNS, "reason", "later_reason")})


def count_unrecognised(odd: list[pd.DataFrame], rejected_rows: pd.Series) -> pd.DataFrame:
    """Each unrecognised value with how many kept rows (rows not rejected) carry it, column by column, most
    frequent first. (Matched against the rejected rows, a few, rather than the kept ones, a million.)"""
    if not odd:
        return pd.DataFrame({"column": [], "value": [], "count": []})
    every = pd.concat(odd, ignore_index=True)
    every = every[~every["row"].isin(rejected_rows.to_numpy())]
    counted = every.groupby(["column", "value"], sort=False).size().rename("count").reset_index()
    counted["order"] = counted["column"].map({c: i for i, c in enumerate(CONTRACT_COLUMNS)})
    counted = counted.sort_values(["order", "count", "value"], ascending=[True, False, True], kind="stable")
    return counted[["column", "value", "count"]].reset_index(drop=True)


def _categorise(
    raw: pd.Series,
    synonyms: dict[str, str],
    keys: dict[str, str],
    otherwise: str,
    odd: list[pd.DataFrame],
    column: str,
    blank_is: str | None = "other",
) -> pd.Series:
    """Map raw text to category keys; note each unmatched non-blank value (and blank, where blank_is is None).

    Decided once per distinct value, then spread to the rows by their codes: a column holds a handful of values.
    """
    codes, uniques = pd.factorize(raw)
    distinct = pd.Series(uniques, dtype=object)
    result = translate_values(distinct, synonyms).map(keys, na_action="ignore")
    unmatched = result.isna()
    if blank_is is not None:
        is_blank = distinct == ""
        result = result.mask(unmatched & is_blank, blank_is)
        unmatched &= ~is_blank
    # A missing cell (code -1, never made by the readers) falls to `otherwise` and is noted, as any unmatched value.
    keyed = [*result.fillna(otherwise).tolist(), otherwise]
    noted = np.append(unmatched.to_numpy(dtype=bool), True)
    _note_values(odd, column, raw[noted[codes]])
    return _spread(keyed, codes, [*keys.values(), otherwise, *([blank_is] if blank_is else [])], raw.index)


def _spread(keyed: list[str], codes: np.ndarray, keys: list[str], index: pd.Index) -> pd.Series:
    """Each row's key, from the key of its distinct value (keyed, by code; code -1 takes the last), as a
    category of all the keys the column can hold: the figures compare it with each key, which codes do fast,
    and every chunk's column has the same categories, so the chunks join without turning back into text."""
    categories = list(dict.fromkeys(keys))
    position = {key: i for i, key in enumerate(categories)}
    by_code = np.array([position[key] for key in keyed], dtype=np.int32)
    dtype = pd.CategoricalDtype(categories)
    return pd.Series(pd.Categorical.from_codes(by_code[codes], dtype=dtype), index=index)


def _yes_no(raw: pd.Series, synonyms: dict[str, str], odd: list[pd.DataFrame], column: str) -> pd.Series:
    return _categorise(raw, synonyms, YES_NO_KEYS, UNRECOGNISED, odd, column, blank_is="n/a")


def _ethnicity(raw: pd.Series, config: Config, odd: list[pd.DataFrame]) -> pd.Series:
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
    mapped = [code_of(str(value)) for value in uniques] + [None]
    unmatched = np.array([code is None for code in mapped])
    _note_values(odd, "ethnicity", raw[unmatched[codes]])
    keys = [code for code, _ in ethnicity.codes] + list(ethnicity.aliases.values()) + [ethnicity.blank, UNRECOGNISED]
    return _spread([UNRECOGNISED if code is None else code for code in mapped], codes, keys, raw.index)


def _distance(raw: pd.Series, odd: list[pd.DataFrame]) -> pd.Series:
    """Miles as a number, NaN for blank; a value that is no number (or below 0) is noted, and NaN. Decided
    once per distinct value, as the categories are."""
    codes, uniques = pd.factorize(raw)
    if isinstance(raw.dtype, pd.CategoricalDtype):
        uniques = uniques.astype(raw.cat.categories.dtype)  # the values, typed as the column's text
    distinct = pd.Series(uniques)
    miles = pd.to_numeric(distinct.str.replace(",", "", regex=False), errors="coerce")
    bad = (distinct != "") & (miles.isna() | (miles < 0))
    noted = np.append(bad.to_numpy(dtype=bool), True)  # code -1, a missing cell (never made by the readers)
    _note_values(odd, "placement_distance_miles", raw[noted[codes]])
    values = np.append(miles.mask(bad).astype("float64").to_numpy(), np.nan)
    return pd.Series(values[codes], index=raw.index, dtype="float64")


def without_values(unrecognised: pd.DataFrame) -> pd.DataFrame:
    """The unrecognised values as they may be kept and reported: each distinct value counted, its text gone."""
    return unrecognised.assign(value=HIDDEN_VALUE)


def _note_values(odd: list[pd.DataFrame], column: str, values: pd.Series) -> None:
    """Note unrecognised values as they are (blank as BLANK_SHOWN_AS), to be counted by distinct value."""
    if len(values):
        noted = values.astype(object).mask(values == "", BLANK_SHOWN_AS)
        odd.append(pd.DataFrame({"column": column, "value": noted}, index=values.index))


def _note_count_only(odd: list[pd.DataFrame], column: str, bad: pd.Series) -> None:
    if bad.any():
        odd.append(pd.DataFrame({"column": column, "value": ""}, index=bad.index[bad.to_numpy()]))
