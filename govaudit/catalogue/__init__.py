"""The plan's 104 items and the 85 网络检索 sub-checks, as data the code and the reports use.

`indicators.json` is generated from `plan.txt` by `python -m govaudit.catalogue` and a test
re-derives it, so a typo in the data cannot hide.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

CheckClass = Literal["A", "B", "C"]
LEVELS = {"g": ("city", "county", "district"), "c": ("city",),
          "d": ("department",), "all": ("city", "county", "district", "department")}


@dataclass(frozen=True)
class Task:
    kind: str
    text: str


@dataclass(frozen=True)
class Check:
    id: str
    indicator_id: str
    cls: CheckClass
    advisory: bool
    title: str
    levels: tuple[str, ...]

    def applies_to(self, level: str) -> bool:
        return level in self.levels


@dataclass(frozen=True)
class Indicator:
    id: str
    number: int | None
    label: str
    text: str
    tasks: tuple[Task, ...]
    responsible_raw: str
    units: tuple[str, ...]
    unit_slugs: tuple[str, ...]
    counties_responsible: bool
    checks: tuple[Check, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.kind for t in self.tasks))

    @property
    def net_search(self) -> str | None:
        return next((t.text for t in self.tasks if t.kind == "网络检索"), None)

    @property
    def lead_unit(self) -> str:
        return self.units[0] if self.units else ""

    @property
    def primary_class(self) -> CheckClass | None:
        """Class of the headline sub-check (rules_spec §1.1 'Primary')."""
        if not self.checks:
            return None
        return PRIMARY_CLASS.get(self.id, "B")


# rules_spec §1.1 "Primary" column (the class of the headline sub-check); every other item is B.
PRIMARY_CLASS: dict[str, CheckClass] = {"I26": "A", "I27": "A", "I39": "A", "I57": "A", "I98": "A",
                                        "I38": "C", "I17": "C", "I32": "C", "I40": "C", "I41": "C",
                                        "I42": "C", "I80": "C", "D1": "C"}


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(c for i in self.indicators for c in i.checks)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def check(self, check_id: str) -> Check:
        for c in self.checks:
            if c.id == check_id:
                return c
        raise KeyError(check_id)

    @property
    def net_search_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.net_search)


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def load_checks() -> dict[str, tuple[Check, ...]]:
    data = tomllib.loads(_read("checks.toml"))
    out: dict[str, tuple[Check, ...]] = {}
    for ind_id, subs in data.items():
        out[ind_id] = tuple(
            Check(id=f"{ind_id}.{letter}", indicator_id=ind_id, cls=spec["class"],
                  advisory=bool(spec.get("advisory", False)), title=spec["title"],
                  levels=LEVELS[spec["levels"]])
            for letter, spec in subs.items()
        )
    return out


@cache
def load_catalogue() -> Catalogue:
    raw = json.loads(_read("indicators.json"))
    checks = load_checks()
    indicators = tuple(
        Indicator(id=d["id"], number=d["number"], label=d["label"], text=d["text"],
                  tasks=tuple(Task(t["kind"], t["text"]) for t in d["tasks"]),
                  responsible_raw=d["responsible_raw"], units=tuple(d["units"]),
                  unit_slugs=tuple(d["unit_slugs"]), counties_responsible=d["counties_responsible"],
                  checks=checks.get(d["id"], ()))
        for d in raw
    )
    unknown = set(checks) - {i.id for i in indicators}
    if unknown:
        raise ValueError(f"checks.toml names indicators not in the plan: {sorted(unknown)}")
    return Catalogue(indicators)
