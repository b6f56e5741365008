"""Every rule has metadata, a docstring with the fixed sections, and fixtures that can fail."""

from __future__ import annotations

import pytest

from audit_rules.base import REASONS
from audit_rules.registry import load_rules
from govaudit.catalogue import load_catalogue
from tests.rules.harness import FIXTURES

SECTIONS = ("What it checks:", "Why it matters:", "How to pass:")
# B/A checks whose spec has no FAIL outcome at all (rules_spec §6): I90.c 「none → REVIEW」.
NO_FAIL_PATH = {"I90.c"}
RULES = load_rules()


def test_every_catalogue_check_has_exactly_one_rule() -> None:
    catalogue = {c.id for c in load_catalogue().checks}
    rules = [r.meta.check_id for r in RULES]
    assert len(rules) == len(set(rules))
    assert set(rules) == catalogue, f"missing {sorted(catalogue - set(rules))}, extra {sorted(set(rules) - catalogue)}"


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.check_id for r in RULES])
def test_rule_metadata_matches_catalogue(rule) -> None:  # type: ignore[no-untyped-def]
    check = load_catalogue().check(rule.meta.check_id)
    assert rule.meta.indicator_id == check.indicator_id
    assert rule.meta.automation == check.cls, "class differs from rules_spec §1.1"
    assert rule.meta.advisory == check.advisory
    assert rule.meta.title and rule.meta.failure_title
    assert rule.meta.columns, "authoritative columns are needed for absence semantics (§5.8)"


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.check_id for r in RULES])
def test_rule_docstring_sections(rule) -> None:  # type: ignore[no-untyped-def]
    doc = rule.doc
    assert f"({rule.meta.check_id})" in doc.splitlines()[0], "first line names the check id"
    for section in SECTIONS:
        assert section in doc, f"docstring lacks {section!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.check_id for r in RULES])
def test_rule_has_outcome_fixtures(rule) -> None:  # type: ignore[no-untyped-def]
    folder = FIXTURES / rule.meta.check_id
    outcomes = {p.stem.split("_", 1)[0] for p in folder.glob("*.toml")}
    if rule.meta.automation == "C":
        assert {"review"} <= outcomes, "C checks need review fixtures (with and without candidates)"
        assert len(list(folder.glob("review_*.toml"))) >= 2
    elif rule.meta.check_id in NO_FAIL_PATH:
        assert {"pass", "review"} <= outcomes, f"have {sorted(outcomes)}"
    else:
        assert {"pass", "fail"} <= outcomes, f"have {sorted(outcomes)}"


def test_reason_codes_are_documented() -> None:
    for code, text in REASONS.items():
        assert code.startswith("R_") and text
