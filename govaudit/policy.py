"""Rule thresholds and policy switches (rules_spec Appendix C); every number a rule compares against."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _month_day(value: str) -> str:
    try:
        dt.date(2024, int(value[:2]), int(value[3:5]))
    except (ValueError, IndexError):
        raise ValueError(f"{value!r} is not a MM-DD month-day") from None
    if len(value) != 5 or value[2] != "-":
        raise ValueError(f"{value!r} is not a MM-DD month-day")
    return value


class Thresholds(_Frozen):
    I26_min_natural_days: int = Field(default=30, ge=1)
    I27_min_working_days: int = Field(default=7, ge=1)
    I27c_market_min_natural_days: int = Field(default=30, ge=1)
    I39_min_natural_days: int = Field(default=30, ge=1)
    I57_license_penalty_max_wd: int = Field(default=7, ge=0)
    I57_other_max_wd: int = Field(default=20, ge=0)
    I29b_publish_lag_max_wd: int = Field(default=20, ge=0)
    I98_deadline: str = "03-31"
    I56x1_deadline: str = "01-31"
    I81x1_dept_deadline: str = "01-31"
    I81x1_gov_deadline: str = "03-31"
    I06_min_items: int = Field(default=100, ge=1)
    I05_max_wd: float = Field(default=5, ge=0)
    I57_min_pass_ratio: float = Field(default=1.0, ge=0, le=1)
    I57_max_missing_date_share: float = Field(default=0.2, ge=0, le=1)
    I89a_sample: int = Field(default=10, ge=1)
    I09a_max_version_age_years: int = Field(default=1, ge=0)
    I90_xianfa_window: tuple[str, str] = ("11-24", "12-20")

    @field_validator("I98_deadline", "I56x1_deadline", "I81x1_dept_deadline", "I81x1_gov_deadline")
    @classmethod
    def _md(cls, v: str) -> str:
        return _month_day(v)

    @field_validator("I90_xianfa_window")
    @classmethod
    def _window(cls, v: tuple[str, str]) -> tuple[str, str]:
        return (_month_day(v[0]), _month_day(v[1]))


class Freshness(_Frozen):
    I01c: int = Field(default=24, ge=1)
    I07d: int = Field(default=24, ge=1)
    I13b: int = Field(default=12, ge=1)
    I35b: int = Field(default=24, ge=1)
    I54b: int = Field(default=12, ge=1)
    I81b: int = Field(default=12, ge=1)
    I89c: int = Field(default=12, ge=1)


class PolicySwitches(_Frozen):
    period_counting: Literal["inclusive", "strict"] = "inclusive"
    strict_review: bool = True
    strict_online: bool = False
    extend_deadline_on_holiday: bool = False
    backdate_tolerance_days: int = Field(default=10, ge=0)
    date_conflict_days: int = Field(default=3, ge=0)
    match_auto: float = Field(default=0.85, ge=0, le=1)
    match_review: float = Field(default=0.70, ge=0, le=1)
    pass_confidence: float = Field(default=0.8, ge=0, le=1)
    low_confidence: float = Field(default=0.5, ge=0, le=1)
    catalog_due: str = "06-30"
    interp_tolerance_wd: int = Field(default=3, ge=0)
    no_case_statement_passes: bool = True
    include_county_departments: bool = False
    freshness_months: Freshness = Freshness()
    migration_burst: int = Field(default=20, ge=2)

    @field_validator("catalog_due")
    @classmethod
    def _md(cls, v: str) -> str:
        return _month_day(v)


class Policy(_Frozen):
    """`config/rules.toml`; every key optional, defaults are the rules_spec's."""

    thresholds: Thresholds = Thresholds()
    policy: PolicySwitches = PolicySwitches()
    calendar: dict[str, dict[str, list[dt.date]]] = Field(default_factory=dict)

    @field_validator("calendar")
    @classmethod
    def _calendar(cls, v: dict[str, dict[str, list[dt.date]]]) -> dict[str, dict[str, list[dt.date]]]:
        for year, spec in v.items():
            if not year.isdigit() or len(year) != 4:
                raise ValueError(f"calendar year {year!r} must be a 4-digit year")
            extra = set(spec) - {"holidays", "workdays"}
            if extra:
                raise ValueError(f"calendar.{year}: unknown key(s) {sorted(extra)}; use holidays / workdays")
            if "holidays" not in spec:
                raise ValueError(f"calendar.{year}: 'holidays' is required (list of dates)")
            for day in [*spec.get("holidays", []), *spec.get("workdays", [])]:
                if str(day.year) != year:
                    raise ValueError(f"calendar.{year}: date {day} is not in {year}")
        return v
