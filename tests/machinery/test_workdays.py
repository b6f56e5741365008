"""audit_rules.machinery.workdays: the 调休-aware working-day calendar (rules_spec §5.3, Appendix B)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar as cc
import pytest

from audit_rules.machinery.workdays import (
    EXTRA_FILE,
    PACKAGE_YEARS,
    CalendarMissing,
    WorkCalendar,
    load_extra,
    natural_days_inclusive,
)
from govaudit.policy import Policy

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def test_package_range_is_what_the_spec_verified() -> None:
    assert (PACKAGE_YEARS.start, PACKAGE_YEARS.stop - 1) == (2004, 2026)


def test_matches_chinese_calendar_day_by_day(cal: WorkCalendar) -> None:
    for d in cc.get_dates(D(2004, 1, 1), D(2026, 12, 31)):
        assert cal.is_workday(d) == cc.is_workday(d), d


@pytest.mark.parametrize(
    ("day", "works"),
    [
        (D(2021, 9, 26), True),  # Sunday, 调休 workday before 国庆
        (D(2021, 10, 1), False),
        (D(2021, 10, 7), False),  # Thursday inside the 国庆 holiday
        (D(2021, 10, 9), True),  # Saturday, 调休 workday
        (D(2021, 5, 8), True),  # Saturday, 调休 workday after 劳动节
        (D(2022, 1, 31), False),  # 除夕
        (D(2024, 3, 31), False),  # Sunday
        (D(2024, 4, 1), True),
    ],
)
def test_is_workday(cal: WorkCalendar, day: dt.date, works: bool) -> None:
    assert cal.is_workday(day) is works


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2021, 9, 27), D(2021, 10, 8), 5),  # Appendix B row 7
        (D(2021, 9, 24), D(2021, 10, 8), 7),  # row 8: 09-26 is a 调休 Sunday
        (D(2021, 3, 18), D(2021, 3, 25), 6),  # row 9
        (D(2021, 3, 18), D(2021, 3, 26), 7),
        (D(2021, 4, 28), D(2021, 5, 8), 6),  # row 10
        (D(2021, 6, 1), D(2021, 6, 9), 7),  # row 11 stated
        (D(2021, 6, 3), D(2021, 6, 9), 5),  # row 11 effective
        (D(2021, 3, 18), D(2021, 3, 18), 1),
        (D(2021, 3, 20), D(2021, 3, 21), 0),  # a plain weekend
        (D(2021, 3, 26), D(2021, 3, 18), 0),  # reversed
    ],
)
def test_workdays_inclusive(cal: WorkCalendar, start: dt.date, end: dt.date, expected: int) -> None:
    assert cal.workdays_inclusive(start, end) == expected


def test_tiaoxiu_saturday_trap(cal: WorkCalendar) -> None:
    # Appendix B row 10: include_weekends=False silently drops the 05-08 调休 Saturday.
    start, end = D(2021, 4, 28), D(2021, 5, 8)
    assert len(cc.get_workdays(start, end, include_weekends=False)) == 5
    assert cal.workdays_inclusive(start, end) == 6 == len(cc.get_workdays(start, end))


def test_workdays_across_years_matches_brute_force(cal: WorkCalendar) -> None:
    for start, end in [(D(2020, 12, 20), D(2021, 1, 10)), (D(2018, 11, 1), D(2021, 2, 28)),
                       (D(2004, 1, 1), D(2026, 12, 31))]:
        assert cal.workdays_inclusive(start, end) == sum(map(cc.is_workday, cc.get_dates(start, end)))


@pytest.mark.parametrize(
    ("decided", "published", "expected"),
    [
        (D(2021, 9, 28), D(2021, 10, 12), 6),  # Appendix B row 12
        (D(2021, 9, 28), D(2021, 10, 11), 5),
        (D(2021, 9, 28), D(2021, 10, 9), 4),
        (D(2021, 1, 4), D(2021, 2, 1), 20),  # row 13
        (D(2021, 10, 8), D(2021, 11, 5), 21),  # row 14
        (D(2021, 10, 25), D(2021, 11, 5), 9),
        (D(2021, 3, 31), D(2021, 6, 4), 45),  # row 15: 45 WD late
        (D(2021, 9, 28), D(2021, 9, 28), 0),  # same day
        (D(2021, 9, 28), D(2021, 9, 1), 0),  # published before decided
        (D(2021, 3, 19), D(2021, 3, 22), 1),  # Friday → Monday: the weekend does not count
    ],
)
def test_lag_workdays(cal: WorkCalendar, decided: dt.date, published: dt.date, expected: int) -> None:
    assert cal.lag_workdays(decided, published) == expected


def test_next_workday(cal: WorkCalendar) -> None:
    assert cal.next_workday(D(2022, 1, 31)) == D(2022, 2, 7)  # I56.x1: 春节 2022
    assert cal.next_workday(D(2024, 3, 31)) == D(2024, 4, 1)  # I98: a Sunday deadline
    assert cal.next_workday(D(2021, 9, 30)) == D(2021, 10, 8)
    assert cal.next_workday(D(2021, 3, 18)) == D(2021, 3, 19)  # strictly after


def test_natural_days_inclusive() -> None:
    assert natural_days_inclusive(D(2021, 3, 18), D(2021, 4, 16)) == 30  # Appendix B row 1
    assert natural_days_inclusive(D(2021, 11, 15), D(2021, 12, 14)) == 30  # row 4
    assert natural_days_inclusive(D(2021, 2, 1), D(2021, 2, 28)) == 28  # row 5
    assert natural_days_inclusive(D(2021, 3, 18), D(2021, 3, 18)) == 1


# --- coverage (Appendix B row 18) -----------------------------------------------------------------------


def test_2027_is_missing(cal: WorkCalendar) -> None:
    assert cal.covers(2026)
    assert not cal.covers(2027)
    with pytest.raises(NotImplementedError):
        cc.is_workday(D(2027, 1, 4))  # the package itself refuses
    with pytest.raises(CalendarMissing) as info:
        cal.is_workday(D(2027, 1, 4))
    assert info.value.year == 2027
    assert "2027" in str(info.value) and "[calendar.2027]" in str(info.value)
    with pytest.raises(CalendarMissing):
        cal.workdays_inclusive(D(2026, 12, 28), D(2027, 1, 5))
    with pytest.raises(CalendarMissing):
        cal.lag_workdays(D(2026, 12, 30), D(2027, 1, 2))
    with pytest.raises(CalendarMissing):
        cal.next_workday(D(2026, 12, 31))


def test_missing_year_is_only_raised_when_needed(cal: WorkCalendar) -> None:
    assert cal.workdays_inclusive(D(2027, 1, 5), D(2027, 1, 4)) == 0
    assert cal.lag_workdays(D(2027, 1, 5), D(2027, 1, 5)) == 0


# --- extra years ----------------------------------------------------------------------------------------

# Fictional data for the mechanism only (2027-01-01 is a Friday); not an official arrangement.
TOY_2027 = {"2027": {"holidays": [D(2027, 1, 1)], "workdays": [D(2027, 1, 2)]}}


def test_extra_year_through_policy() -> None:
    cal = WorkCalendar.from_policy(Policy(calendar=TOY_2027))
    assert cal.covers(2027)
    assert not cal.is_workday(D(2027, 1, 1))  # listed holiday on a Friday
    assert cal.is_workday(D(2027, 1, 2))  # listed 调休 Saturday
    assert not cal.is_workday(D(2027, 1, 3))  # plain Sunday
    assert cal.is_workday(D(2027, 1, 4))  # plain Monday
    # 2026-12-31 (Thu, package) + 2027-01-02 + 2027-01-04 (extra)
    assert cal.workdays_inclusive(D(2026, 12, 31), D(2027, 1, 4)) == 3
    assert cal.next_workday(D(2026, 12, 31)) == D(2027, 1, 2)
    with pytest.raises(CalendarMissing):
        cal.is_workday(D(2028, 1, 3))


def test_extra_year_replaces_package_year() -> None:
    # An explicit table wins over the package, e.g. to correct or pre-empt it.
    cal = WorkCalendar({"2021": {"holidays": [], "workdays": []}})
    assert cal.is_workday(D(2021, 10, 1))  # a Friday with no holiday listed
    assert not cal.is_workday(D(2021, 10, 9))  # a Saturday with no 调休 listed


def test_policy_validation_rejects_bad_calendar() -> None:
    with pytest.raises(ValueError):
        Policy(calendar={"2027": {"holidays": [D(2026, 12, 31)]}})


def test_shipped_extra_file_is_valid_and_invents_nothing() -> None:
    data = load_extra(EXTRA_FILE)
    # Only years the State Council has published may be added; none are shipped yet.
    assert data == {}
    assert "节假日安排" in EXTRA_FILE.read_text(encoding="utf-8")


def test_extra_file_merge_order(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text("[calendar.2027]\nholidays = [2027-01-01, 2027-01-04]\nworkdays = []\n", encoding="utf-8")
    assert not WorkCalendar(extra_file=path).is_workday(D(2027, 1, 4))
    # config (Policy.calendar) wins over the file for the same year
    assert WorkCalendar(TOY_2027, extra_file=path).is_workday(D(2027, 1, 4))


def test_extra_file_errors(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text("[years.2027]\nholidays = []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="calendar"):
        load_extra(path)
    path.write_text("[calendar.2027]\nholiday = [2027-01-01]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_extra(path)
