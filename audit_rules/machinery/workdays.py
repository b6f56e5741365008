"""Official working-day calendar (调休 aware): chinese_calendar plus configured extra years (rules_spec §5.3)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from itertools import accumulate
from pathlib import Path

import chinese_calendar as cc

from govaudit.policy import Policy

EXTRA_FILE = Path(__file__).with_name("calendar_extra.toml")
PACKAGE_YEARS = range(min(cc.holidays).year, max(cc.holidays).year + 1)  # 2004–2026 in chinesecalendar 1.11.0

ExtraCalendar = Mapping[str, Mapping[str, Iterable[dt.date]]]  # the shape of Policy.calendar


class CalendarMissing(Exception):
    """A needed date lies in a year no calendar covers; rules report ERROR R_CALENDAR_MISSING, never a guess."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"缺少{year}年工作日（调休）日历 / no working-day calendar for {year}: chinesecalendar covers "
            f"{PACKAGE_YEARS.start}–{PACKAGE_YEARS.stop - 1}. Upgrade chinesecalendar, or add the State "
            f"Council's {year} 节假日安排 as [calendar.{year}] (holidays / workdays) to config/rules.toml."
        )


def load_extra(path: Path = EXTRA_FILE) -> dict[str, dict[str, list[dt.date]]]:
    """The `[calendar.YYYY]` tables of a calendar TOML file, validated like `Policy.calendar`."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {"calendar"}
    if unknown:
        raise ValueError(f"{path}: unknown top-level key(s) {sorted(unknown)}; use [calendar.YYYY] tables")
    return Policy(calendar=data.get("calendar", {})).calendar


def natural_days_inclusive(start: dt.date, end: dt.date) -> int:
    """Calendar days from start to end, both counted (自3月18日起至4月16日止 = 30)."""
    return (end - start).days + 1


def _day_of_year(d: dt.date) -> int:
    return d.toordinal() - dt.date(d.year, 1, 1).toordinal() + 1


class WorkCalendar:
    """Working days on the official calendar: 调休 weekend days work, statutory holidays rest.

    Each year is resolved once into a prefix sum, so any range count is O(years). An extra year (from
    `calendar_extra.toml`, then `Policy.calendar`, later sources winning) replaces the package's data for
    that year: a date works iff (Mon–Fri and not a listed holiday) or it is a listed 调休 workday.
    """

    def __init__(self, extra: ExtraCalendar | None = None, *, extra_file: Path | None = EXTRA_FILE) -> None:
        merged: dict[str, Mapping[str, Iterable[dt.date]]] = dict(load_extra(extra_file)) if extra_file else {}
        merged.update(extra or {})
        self._extra = {
            int(year): (frozenset(spec.get("holidays", ())), frozenset(spec.get("workdays", ())))
            for year, spec in merged.items()
        }
        self._prefix: dict[int, list[int]] = {}

    @classmethod
    def from_policy(cls, policy: Policy) -> WorkCalendar:
        return cls(policy.calendar)

    def covers(self, year: int) -> bool:
        return year in self._extra or year in PACKAGE_YEARS

    def _year(self, year: int) -> list[int]:
        """prefix[i] = number of workdays among the first i days of `year`."""
        prefix = self._prefix.get(year)
        if prefix is None:
            first = dt.date(year, 1, 1)
            days = [first + dt.timedelta(i) for i in range((dt.date(year + 1, 1, 1) - first).days)]
            if year in self._extra:
                holidays, workdays = self._extra[year]
                flags = [(d.weekday() < 5 and d not in holidays) or d in workdays for d in days]
            elif year in PACKAGE_YEARS:
                # is_workday, never get_workdays(include_weekends=False), which drops 调休 Saturdays
                flags = [cc.is_workday(d) for d in days]
            else:
                raise CalendarMissing(year)
            prefix = self._prefix[year] = list(accumulate(flags, initial=0))
        return prefix

    def is_workday(self, d: dt.date) -> bool:
        prefix, i = self._year(d.year), _day_of_year(d)
        return prefix[i] > prefix[i - 1]

    def workdays_inclusive(self, start: dt.date, end: dt.date) -> int:
        """Workdays in [start, end] (comment periods); 0 if end < start."""
        if end < start:
            return 0
        total = 0
        for year in range(start.year, end.year + 1):
            prefix = self._year(year)
            lo = _day_of_year(start) if year == start.year else 1
            hi = _day_of_year(end) if year == end.year else len(prefix) - 1
            total += prefix[hi] - prefix[lo - 1]
        return total

    def lag_workdays(self, decided: dt.date, published: dt.date) -> int:
        """Workdays in (decided, published]: the decision day is not counted; same day or earlier = 0."""
        if published <= decided:
            return 0
        return self.workdays_inclusive(decided + dt.timedelta(days=1), published)

    def next_workday(self, d: dt.date) -> dt.date:
        """The first workday strictly after `d`."""
        for i in range(1, 367):
            candidate = d + dt.timedelta(days=i)
            if self.is_workday(candidate):
                return candidate
        raise ValueError(f"no workday within a year after {d}: check the calendar data for {d.year}")
