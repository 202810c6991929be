"""Each indicator and each edge the spec names, on small extracts written to real files and stores."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from digest.contract.config import Config
from digest.contract.deadlines import parse_deadline_rule
from digest.store.snapshots import SnapshotStore
from tests.conftest import WriteExtract, counts, episode, numbered, profile_of

AS_AT = dt.datetime(2019, 7, 18)


def test_month_boundary_uses_local_start_date(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    rows = numbered(
        [
            episode(missing_start="2019-05-31 23:59", missing_end="2019-06-01 00:30"),
            episode(missing_start="2019-06-01 00:00", missing_end="2019-06-01 03:00"),
            episode(missing_start="30/06/2019 23:59", missing_end="01/07/2019 01:00"),
            episode(missing_start="01/07/2019 00:00", missing_end="01/07/2019 02:00"),
        ]
    )
    profile = profile_of(store, config, write_extract(rows), "2019-07")
    assert counts(profile, "episodes.all") == {"2019-04": None, "2019-05": 1, "2019-06": 2, "2019-07": 1, "ytd": 4}


def test_financial_year_starts_in_april(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    rows = numbered(
        [
            episode(missing_start="2019-03-31 22:00", missing_end="2019-03-31 23:00", child_id="A"),
            episode(missing_start="2019-04-01 00:10", missing_end="2019-04-01 02:00", child_id="A"),
        ]
    )
    april = profile_of(store, config, write_extract(rows), "2019-04")
    assert april.financial_year == "2019/20"
    assert april.columns == ["2019-04", "ytd"]
    assert counts(april, "episodes.all") == {"2019-04": 1, "ytd": 1}
    march = store.load_indicators(1, [], 12 * 2019 + 2)
    assert ("ytd", "2019-03", "episodes.all", 1, None) in march


def test_ytd_children_are_distinct_over_the_period(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    # Child A: 2 episodes in April, 1 in May: 3+ year-to-date but in neither month.
    rows = numbered(
        [
            episode(child_id="A", missing_start="2019-04-02 10:00", missing_end="2019-04-02 12:00"),
            episode(child_id="A", missing_start="2019-04-09 10:00", missing_end="2019-04-09 12:00"),
            episode(child_id="A", missing_start="2019-05-02 10:00", missing_end="2019-05-02 12:00"),
            episode(child_id="B", missing_start="2019-05-03 10:00", missing_end="2019-05-03 12:00"),
        ]
    )
    profile = profile_of(store, config, write_extract(rows), "2019-05")
    assert counts(profile, "children.all") == {"2019-04": 1, "2019-05": 2, "ytd": 2}
    assert counts(profile, "children.3plus.all") == {"2019-04": 0, "2019-05": 0, "ytd": 1}


def test_three_plus_counts_only_episodes_of_that_kind(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    june = {"missing_start": "2019-06-03 10:00", "missing_end": "2019-06-03 11:00"}
    rows = numbered(
        [
            episode(child_id="A", care_status="LAC", cse_risk="High", **june),
            episode(child_id="A", care_status="LAC", cse_risk="Medium", **june),
            episode(child_id="A", care_status="CIN", cse_risk="High", **june),
            episode(child_id="B", care_status="LAC", cse_risk="Low", **june),
            episode(child_id="B", care_status="LAC", cse_risk="Low", **june),
            episode(child_id="B", care_status="CLA", cse_risk="", **june),
        ]
    )
    profile = profile_of(store, config, write_extract(rows))
    assert counts(profile, "children.3plus.all")["2019-06"] == 2
    assert counts(profile, "children.3plus.lac")["2019-06"] == 1  # B: 3 LAC episodes; A has 2
    assert counts(profile, "children.3plus.cse")["2019-06"] == 1  # A: High, Medium, High
    assert counts(profile, "episodes.cse")["2019-06"] == 3
    assert counts(profile, "children.cse")["2019-06"] == 1
    assert counts(profile, "children.lac")["2019-06"] == 2


def test_days_missing_by_calendar_date_and_open_episodes(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    rows = numbered(
        [
            episode(missing_start="2019-06-03 23:50", missing_end="2019-06-04 00:10"),  # 1 day: dates differ
            episode(missing_start="2019-06-03 00:10", missing_end="2019-06-03 23:50"),  # 0
            episode(missing_start="2019-06-03 10:00", missing_end="2019-06-08 09:00"),  # 5
            episode(missing_start="2019-06-03 10:00", missing_end="2019-06-09 09:00"),  # 6: more than 5
            episode(missing_start="2019-06-20 10:00", missing_end=""),  # still open
            episode(missing_start="2019-06-29 10:00", missing_end="2019-07-02 10:00"),  # open at month end, returned
        ]
    )
    profile = profile_of(store, config, write_extract(rows))
    june = {
        key: counts(profile, key)["2019-06"]
        for key in ("duration.0", "duration.1", "duration.3", "duration.5", "duration.gt5", "duration.still_missing")
    }
    assert june == {
        "duration.0": 1,
        "duration.1": 1,
        "duration.3": 1,
        "duration.5": 1,
        "duration.gt5": 1,
        "duration.still_missing": 2,
    }
    still = profile.row("duration.still_missing").values
    assert (still["ytd"].count, still["ytd"].denominator) == (None, None)
    assert still["2019-06"].denominator == 6


def test_return_at_midnight_after_month_end_is_still_missing_at_month_end(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    rows = numbered([episode(missing_start="2019-06-30 20:00", missing_end="2019-07-01 00:00")])
    profile = profile_of(store, config, write_extract(rows))
    assert counts(profile, "duration.still_missing")["2019-06"] == 1
    assert counts(profile, "duration.1")["2019-06"] == 1


def test_partial_month_counts_still_missing_at_the_as_at_time(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    as_at = dt.datetime(2019, 7, 18, 9, 30)
    rows = numbered(
        [
            episode(missing_start="2019-07-10 10:00", missing_end="2019-07-18 09:00"),  # back before the as-at
            episode(missing_start="2019-07-17 10:00", missing_end=""),
            episode(missing_start="2019-07-18 09:00", missing_end="2019-07-18 10:00"),  # returns after the as-at
        ]
    )
    profile = profile_of(store, config, write_extract(rows), "2019-07", as_at)
    assert profile.partial_month is True
    assert counts(profile, "duration.still_missing")["2019-07"] == 2
    # An end after the as-at time is not yet known at it: that episode is in no duration row.
    assert sum(counts(profile, f"duration.{n}")["2019-07"] or 0 for n in (0, 1, 2, 3, 4, 5, "gt5")) == 1


def test_month_that_has_ended_is_not_partial(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    rows = numbered([episode(missing_start="2019-06-10 10:00")])
    profile = profile_of(store, config, write_extract(rows), "2019-06", dt.datetime(2019, 7, 1, 0, 0))
    assert profile.partial_month is False
    assert profile_of(
        store, config, write_extract(rows, "b.csv"), "2019-06", dt.datetime(2019, 6, 30, 23, 59)
    ).partial_month


def rhi_profile(
    store: SnapshotStore,
    config: Config,
    write_extract: WriteExtract,
    ends_and_done: list[tuple[str, str]],
    as_at: dt.datetime = AS_AT,
) -> dict[str, int | None]:
    rows = numbered(
        [episode(missing_start=end[:10] + " 01:00", missing_end=end, rhi_completed=done) for end, done in ends_and_done]
    )
    profile = profile_of(
        store, config, write_extract(rows), "2019-04" if ends_and_done[0][0] < "2019-05" else "2019-06", as_at
    )
    return {
        key: profile.row(key).values["ytd"].count
        for key in ("rhi.completed_in_time", "rhi.not_completed_in_time", "rhi.pending")
    }


def test_rhi_deadline_friday_return_is_wednesday(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    # Friday 7 June 2019: the third working day after is Wednesday 12 June.
    result = rhi_profile(
        store, config, write_extract, [("2019-06-07 16:00", "2019-06-12"), ("2019-06-07 16:00", "2019-06-13")]
    )
    assert result == {"rhi.completed_in_time": 1, "rhi.not_completed_in_time": 1, "rhi.pending": 0}


def test_rhi_deadline_skips_bank_holidays(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    # Thursday 18 April 2019, before Good Friday and Easter Monday: due Thursday 25 April.
    result = rhi_profile(
        store, config, write_extract, [("2019-04-18 10:00", "2019-04-25"), ("2019-04-18 10:00", "2019-04-26")]
    )
    assert result == {"rhi.completed_in_time": 1, "rhi.not_completed_in_time": 1, "rhi.pending": 0}


def test_rhi_not_completed_is_late_only_once_the_deadline_has_passed(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    # Returned Friday 14 June, due Wednesday 19 June; Monday 17 June due Thursday 20 June.
    ends = [("2019-06-14 10:00", ""), ("2019-06-17 10:00", "")]
    assert rhi_profile(store, config, write_extract, ends, dt.datetime(2019, 6, 20, 9, 0)) == {
        "rhi.completed_in_time": 0,
        "rhi.not_completed_in_time": 1,
        "rhi.pending": 1,
    }


def test_rhi_rule_of_72_hours(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    hours = replace(config, rhi_deadline=parse_deadline_rule("72 hours"))
    # Friday 16:00 return: 72 hours is Monday 16:00, so Monday is in time and Tuesday is late.
    result = rhi_profile(
        store, hours, write_extract, [("2019-06-07 16:00", "2019-06-10"), ("2019-06-07 16:00", "2019-06-11")]
    )
    assert result == {"rhi.completed_in_time": 1, "rhi.not_completed_in_time": 1, "rhi.pending": 0}


def test_rhi_denominators_leave_out_not_applicable(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    rows = numbered(
        [
            episode(rhi_offered="Yes", rhi_accepted="Yes"),
            episode(rhi_offered="Y", rhi_accepted="No", rhi_completed=""),
            episode(rhi_offered="Yes", rhi_accepted="N/A", rhi_completed=""),
            episode(rhi_offered="No", rhi_accepted="", rhi_completed=""),
            episode(rhi_offered="N/A", rhi_accepted="", rhi_completed=""),
            episode(rhi_offered="", rhi_accepted="Yes", rhi_completed=""),
        ]
    )
    profile = profile_of(store, config, write_extract(rows))
    offered = profile.row("rhi.offered").values["2019-06"]
    accepted = profile.row("rhi.accepted").values["2019-06"]
    in_time = profile.row("rhi.completed_in_time").values["2019-06"]
    assert (offered.count, offered.denominator) == (3, 4)
    assert (accepted.count, accepted.denominator) == (1, 2)
    assert (in_time.count, in_time.denominator) == (1, 1)


def test_leap_day_birthday(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    rows = numbered(
        [
            episode(date_of_birth="2004-02-29", missing_start="2019-02-28 10:00", missing_end="2019-02-28 11:00"),
            episode(date_of_birth="2004-02-29", missing_start="2019-03-01 10:00", missing_end="2019-03-01 11:00"),
        ]
    )
    profile = profile_of(store, config, write_extract(rows), "2019-03")
    assert counts(profile, "age.14")["2019-02"] == 1  # 28 February: the birthday has not come
    assert counts(profile, "age.15")["2019-03"] == 1


def test_age_in_whole_years_on_the_start_date(
    store: SnapshotStore, config: Config, write_extract: WriteExtract
) -> None:
    rows = numbered(
        [
            episode(date_of_birth="2005-06-10", missing_start="2019-06-10 10:00", missing_end="2019-06-10 11:00"),
            episode(date_of_birth="2005-06-10", missing_start="2019-06-09 10:00", missing_end="2019-06-09 11:00"),
            episode(date_of_birth="10/06/2009", missing_start="2019-06-09 10:00", missing_end="2019-06-09 11:00"),
            episode(date_of_birth="2002-01-01", missing_start="2019-06-09 10:00", missing_end="2019-06-09 11:00"),
            episode(date_of_birth="2019-06-10", missing_start="2019-06-09 10:00", missing_end="2019-06-09 11:00"),
        ]
    )
    profile = profile_of(store, config, write_extract(rows))
    june = {key: counts(profile, key)["2019-06"] for key in ("age.14", "age.13", "age.under_10", "age.17_plus")}
    assert june == {"age.14": 1, "age.13": 1, "age.under_10": 1, "age.17_plus": 1}  # born after the start: no age


@pytest.mark.parametrize(
    ("miles", "band"),
    [
        ("0", "0_10"),
        ("10", "0_10"),
        ("10.4", "11_20"),
        ("20", "11_20"),
        ("100", "91_100"),
        ("100.5", "101_plus"),
        ("", "not_recorded"),
    ],
)
def test_distance_band_edges(
    store: SnapshotStore, config: Config, write_extract: WriteExtract, miles: str, band: str
) -> None:
    rows = numbered([episode(placement_distance_miles=miles), episode(care_status="CIN", placement_distance_miles="5")])
    profile = profile_of(store, config, write_extract(rows))
    cell = profile.row(f"distance.{band}").values["2019-06"]
    assert (cell.count, cell.denominator) == (1, 1)  # the CIN episode is in no distance row


def test_status_gender_ethnicity_breakdowns(store: SnapshotStore, config: Config, write_extract: WriteExtract) -> None:
    rows = numbered(
        [
            episode(care_status="Not a client", other_la="Y", gender="F", ethnicity="A1 - White British"),
            episode(care_status="not a client", other_la="N", gender="m", ethnicity="A5"),
            episode(care_status="CIN", other_la="Y", gender="Male", ethnicity="E3"),
            episode(care_status="Child Protection", gender="", ethnicity=""),
            episode(care_status="EH", gender="Unknown", ethnicity="WROM"),
            episode(care_status="Care Leaver", gender="Female", ethnicity="Z9"),
        ]
    )
    profile = profile_of(store, config, write_extract(rows))

    def june(key: str) -> int | None:
        return counts(profile, key)["2019-06"]

    assert [june(f"status.{s}") for s in ("not_a_client", "cin", "cpp", "early_help", "care_leaver", "lac")] == [
        2,
        1,
        1,
        1,
        1,
        0,
    ]
    assert june("status.other_la") == 1  # only Not a client episodes count
    assert [june("gender.female"), june("gender.male"), june("gender.other")] == [2, 2, 2]
    assert [june("ethnicity.A1"), june("ethnicity.A5"), june("ethnicity.E3"), june("ethnicity.E4")] == [1, 2, 1, 1]
    assert june("ethnicity.unrecognised") == 1
    assert june("ethnicity.bme") == 2  # the two A5: not A1, E3, E4 or unrecognised
