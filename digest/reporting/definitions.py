"""The indicator definitions for analysts (docs/indicators.md), written from the catalogue so they cannot drift.

The rules of each section are said in words here; the rows (ref, key, label, what the percentage is
of) come from the catalogue and the config, so a council's own ethnicity codes appear as they are.
"""

from __future__ import annotations

from digest.contract.columns import CONTRACT_COLUMNS, REQUIRED_COLUMNS
from digest.contract.config import Config
from digest.figures.catalogue import DENOMINATOR_NOUNS, DERIVED_DEFINITIONS, SECTIONS, Indicator, build_catalogue

HEADER = """# Indicator definitions

What each figure of the monthly report counts. Written from the indicator catalogue
(`digest/figures/catalogue.py`) by `missing-report definitions`; a test keeps this file equal to
what the catalogue says. Where a rule needed a decision, [decisions.md](decisions.md) says which
and why.

## Counting

- An **episode** is one row of the extract that was accepted (not rejected). The episodes of a
  period are those whose `missing_start` falls in it (local date).
- **Children** are distinct `child_id`s among the episodes counted.
- A **month** is a calendar month; the **financial year** runs April to March; **YTD** for a month
  runs from 1 April of its financial year to the end of that month, counted as one period (distinct
  children over the whole span, not a sum of months).
- A month that has not ended at the extract's as-at time is a **partial month**, marked wherever
  it is shown.
- **Percentages** shown to people are rounded half up to whole percent, and to one decimal place
  below 2% (unless the count is zero). Machine outputs carry the exact count and denominator.
"""

# What each column of the extract holds (a council maps its own header names onto these in the config).
COLUMN_MEANINGS = {
    "episode_id": "unique id of the episode in the case-management system",
    "child_id": "the child's id in that system (pseudonymous; never shown in any output)",
    "missing_start": "when the child went missing (local UK time)",
    "missing_end": "when the child returned or was found; blank = still missing at the extract's as-at time",
    "gender": "Female / F, Male / M; anything else counts as 'Other / not recorded'",
    "date_of_birth": "for the age on the start date",
    "ethnicity": "a code from the config's list, optionally followed by ' - label'; blank = the config's blank code",
    "care_status": "status at the start: Early Help, CIN, CPP, LAC, Care Leaver, Not a client (synonyms in config)",
    "other_la": "Y/N: the child belongs to another local authority",
    "cse_risk": "None, Low, Medium, High; blank = none recorded",
    "placement_distance_miles": "LAC only: distance of the placement from home; blank = not recorded",
    "rhi_offered": "Yes/No/N/A: a return home interview was offered",
    "rhi_accepted": "Yes/No/N/A: the child accepted it",
    "rhi_completed": "the day the interview took place",
}

RULES = {
    "1": "All accepted episodes. 1.3 counts children with 3 or more episodes in the period.",
    "2": "Episodes whose care status at the start was LAC, and the children among them.",
    "3": "Episodes whose CSE risk was recorded as medium or high, and the children among them.",
    "4": (
        "Episodes with a recorded end, by whole calendar days from the start date to the end date "
        "(0 = returned the same day). An episode still open at the as-at time is in no day row. "
        "4.8, month only: episodes with no end, or an end after the month's last day (for a partial "
        "month: open at the as-at time); an episode open at its month's end that has since returned "
        "is in both its day row and 4.8, so the section can add up to more than the episodes."
    ),
    "5": (
        "Return home interviews. Offered: `rhi_offered` Yes, of episodes with Yes or No recorded. "
        "Accepted: offered and `rhi_accepted` Yes, of offered episodes with Yes or No recorded. "
        "In time: accepted and completed on or before the deadline; not in time: completed after it, "
        "or not completed once it has passed; not yet due: not completed, deadline not passed. The "
        "deadline is the RHI rule in the config (by default the third working day after the date of "
        "return, Monday to Friday except England and Wales bank holidays)."
    ),
    "6": (
        "Episodes by care status at the start of the episode; 6.7 counts the 'Not a client' episodes "
        "of children who belong to another local authority."
    ),
    "7": "Episodes by gender; anything other than female or male is 'Other / not recorded'.",
    "8": (
        "Episodes by ethnicity code, as listed in the config. Total BME counts episodes whose "
        "ethnicity is recorded (not a not-recorded code, not unrecognised) and not in the config's "
        "not-BME list (White British by default)."
    ),
    "9": "Episodes by the child's age in whole years on the start date. A date of birth that is blank, "
    "unreadable, after the start or more than 25 years before it is Not recorded (9.10), never an age.",
    "10": (
        "LAC episodes by the distance of the placement from home, in miles: '0-10' holds 10 or less, "
        "'11-20' more than 10 up to 20, and so on; '101+' more than 100."
    ),
}


CELLS_WITHOUT_A_FIGURE = """## Cells without a figure

A cell that has no figure says why, in words, wherever a person reads it (the table, CSV, XLSX, the
digest, charts and answers): never `0`, and never a blank that could be read as 0.

- **no data**: a month before the first month that has any episode in the snapshot. Its figures are
  unknown, not zero. A year to date that ends before the data starts has no data either.
- **YTD (partial)**: a year to date that starts (in April) before the data does. Its figures count
  the episodes from the first month of the data to the month shown; the table heads the column
  "YTD (partial)", the CSV "ytd (partial, from 2018-05)", and answers say "(partial, from May 2018)".
- **not in this source**: a Standard Safeguarding Dataset export holds no CSE risk level, no RHI
  completion date and no "another local authority" flag, so for a snapshot read from one, 3.1 to
  3.3, 5.3a, 5.3b, the RHI not-yet-due row and 6.7 say "not in this source" in every column. Their
  charts are left out, with that sentence in their place.
- A month with no data, or a row not in this source, is never a revision from or to 0, and never a
  small count for disclosure control.

## The JSON profile

`missing-report profile --format json` prints one object: `month`, `as_at`, `financial_year`,
`partial_month`, `columns` (the months of the financial year so far, then `ytd`) and `indicators`,
each with `ref`, `key`, `label` and `values`: for every column, `{"count": ..., "denominator": ...}`.
Every key is present for every column; `null` where a value does not exist (`duration.still_missing`
has no year to date). Under `--suppress`, `"disclosure_control": true` comes first and a withheld
count is `"c"`. Where cells have no figure, the object says why:

- `"data_starts": "2018-05"`: the first month with any episode, given whenever one of the next two is.
- `"no_data_columns": ["2018-04"]`: the columns with no data (a month before the data, or `ytd` when
  the whole year to date is); each of their cells is `{"count": null, "denominator": null}`.
- `"partial_year_to_date": true`: the `ytd` figures run from `data_starts`, not from April.
- `"not_in_source": true` on an indicator the snapshot's source cannot fill; each of its cells is
  `{"count": null, "denominator": null}`.

Each of these is left out when it does not apply, so a profile with data for every column reads
exactly as before.
"""


def describe_share(indicator: Indicator) -> str:
    """What the row's percentage is of ("LAC episodes"); empty for a row that is a count only."""
    return DENOMINATOR_NOUNS[indicator.denominator] if indicator.denominator else ""


def render_definitions(config: Config) -> str:
    """docs/indicators.md for this config."""
    lines = [HEADER, "## The extract", "", "One row per missing episode, CSV or XLSX.", ""]
    lines += ["| column | required | what it holds |", "|---|---|---|"]
    for column in CONTRACT_COLUMNS:
        lines.append(f"| `{column}` | {'yes' if column in REQUIRED_COLUMNS else 'no'} | {COLUMN_MEANINGS[column]} |")
    lines.append("")
    catalogue = build_catalogue(config)
    for section in SECTIONS:
        lines += [f"## {section.number}. {section.title}", "", RULES[section.number], ""]
        lines += ["| ref | key | label | % of |", "|---|---|---|---|"]
        for indicator in catalogue:
            if indicator.section != section.number:
                continue
            share = describe_share(indicator)
            only = " (month only)" if indicator.month_only else ""
            lines.append(f"| {indicator.ref} | `{indicator.key}` | {indicator.label}{only} | {share} |")
        lines.append("")
    lines.append(CELLS_WITHOUT_A_FIGURE)
    lines += [
        "## Derived figures",
        "",
        "Answers to questions work these out from the rows above. They are never stored, and each is defined",
        "once, here, so that no answer makes up its own.",
        "",
    ]
    lines += [f"- **{name}.** {definition}" for name, definition in DERIVED_DEFINITIONS]
    lines.append("")
    return "\n".join(lines)
