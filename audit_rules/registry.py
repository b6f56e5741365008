"""Rule discovery: every module in `audit_rules/checks` is one check (META + check()).

Fails loudly on an import error, a missing attribute or a duplicate check id (like Scrapy's
SpiderLoader): a rule that silently did not load would look like a gap nobody reports.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Protocol

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from govaudit.policy import Policy


class CheckFn(Protocol):
    def __call__(self, ev: SiteEvidence, policy: Policy) -> list[Finding]: ...


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: CheckFn
    module: ModuleType

    @property
    def doc(self) -> str:
        return self.module.__doc__ or ""


class RuleLoadError(Exception):
    pass


@cache
def load_rules() -> tuple[Rule, ...]:
    from audit_rules import checks

    rules: dict[str, Rule] = {}
    for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{checks.__name__}.{info.name}")  # an ImportError propagates
        meta = getattr(module, "META", None)
        fn = getattr(module, "check", None)
        if not isinstance(meta, RuleMeta) or not callable(fn):
            raise RuleLoadError(f"audit_rules/checks/{info.name}.py must define META = RuleMeta(...) and check()")
        if meta.check_id in rules:
            raise RuleLoadError(f"duplicate check id {meta.check_id} in {info.name} and {rules[meta.check_id].module.__name__}")
        rules[meta.check_id] = Rule(meta, fn, module)
    return tuple(sorted(rules.values(), key=lambda r: _order(r.meta.check_id)))


def _order(check_id: str) -> tuple[int, int, str]:
    ind, letter = check_id.split(".")
    group = 1 if ind.startswith("I") else 2
    return (group, int(ind[1:]), letter)
