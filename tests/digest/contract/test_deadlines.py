from __future__ import annotations

import datetime as dt

import pytest

from digest.contract.deadlines import add_working_days, parse_deadline_rule


@pytest.mark.parametrize(
    ("returned", "due"),
    [
        (dt.date(2019, 6, 7), dt.date(2019, 6, 12)),  # Friday -> Wednesday
        (dt.date(2019, 6, 8), dt.date(2019, 6, 12)),  # Saturday -> Wednesday
        (dt.date(2019, 6, 10), dt.date(2019, 6, 13)),  # Monday -> Thursday
        (dt.date(2019, 4, 18), dt.date(2019, 4, 25)),  # Easter: Good Friday and Easter Monday
        (dt.date(2019, 5, 3), dt.date(2019, 5, 9)),  # early May bank holiday Monday 6 May
        (dt.date(2019, 12, 23), dt.date(2019, 12, 30)),  # Christmas and Boxing Day
        (dt.date(2022, 9, 16), dt.date(2022, 9, 22)),  # the one-off bank holiday of 19 September 2022
        (dt.date(2026, 12, 24), dt.date(2026, 12, 31)),  # Boxing Day on a Saturday: substitute Monday 28th
    ],
)
def test_third_working_day_after_return(returned: dt.date, due: dt.date) -> None:
    assert add_working_days(returned, 3) == due


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3 fortnights", '\'3 fortnights\' is not a deadline; write "3 working days" or "72 hours"'),
        ("0 hours", "'0 hours' is out of range; use 1 to 720 hours"),
        ("99 working days", "'99 working days' is out of range; use 1 to 30 working days"),
    ],
)
def test_bad_deadline_rule(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=r"deadline|out of range") as error:
        parse_deadline_rule(text)
    assert str(error.value) == message


def test_deadline_rules_read() -> None:
    assert parse_deadline_rule("3 working days").describe() == "3 working days"
    assert parse_deadline_rule(" 72 Hours ").describe() == "72 hours"
    assert parse_deadline_rule("1 working day").amount == 1
