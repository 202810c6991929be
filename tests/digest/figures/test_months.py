"""One Month value: read from "YYYY-MM" or "YYYY-M" alike, compared, stepped and written by itself."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from digest.figures.periods import Month, month_index

SEEDED_MONTHS = 500


def test_a_month_is_read_with_or_without_the_leading_zero_and_written_one_way() -> None:
    draw = random.Random(20)
    for _ in range(SEEDED_MONTHS):
        year, number = draw.randint(1990, 2099), draw.randint(1, 12)
        month = Month.parse(f"{year}-{number}")
        assert month == Month.parse(f"{year}-{number:02d}") == Month(month_index(year, number))
        assert month.key == f"{year}-{number:02d}"
        assert Month.parse(month.key) == month
        assert Month.from_key(month.key) == month
        assert month.name == dt.date(year, number, 1).strftime("%B %Y")
        assert month + 1 > month > month - 1
        assert (month + 12).key == f"{year + 1}-{number:02d}"


def test_a_key_in_another_spelling_is_no_key_and_a_bad_month_says_how_to_write_one() -> None:
    assert Month.from_key("2019-6") is None  # a button's value is only ever written "2019-06"
    assert Month.from_key("June 2019") is None
    assert str(Month.parse("2019-6")) == f"{Month.parse('2019-6'):<7}" == "2019-06"
    assert Month.parse("2019-06").label == "Jun-19"
    for bad in ("2019-13", "2019-0", "19-06", "June"):
        with pytest.raises(ValueError, match='write it as YYYY-MM, for example "2019-06"'):
            Month.parse(bad)
