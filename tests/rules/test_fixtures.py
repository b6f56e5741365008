"""Every rule fixture, named by its expected outcome, judged through the real evidence path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit_rules.engine import judge_site
from audit_rules.registry import load_rules
from tests.rules.harness import FIXTURES, evidence_for, load_fixture, site_record

OUTCOMES = {"pass": "PASS", "fail": "FAIL", "review": "REVIEW", "pending": "PENDING", "na": "NA", "error": "ERROR"}
CASES = sorted(p for p in FIXTURES.glob("*/*.toml") if not p.parent.name.startswith("_"))


def _rule(check_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in load_rules() if r.meta.check_id == check_id)


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture(path: Path, tmp_path: Path) -> None:
    check_id = path.parent.name
    expected = OUTCOMES[path.stem.split("_", 1)[0]]
    fixture = load_fixture(path)
    ev = evidence_for(fixture, tmp_path, base=path.parent)
    # judge_site applies level applicability and reachability exactly as a run does
    findings = [f for f in judge_site(ev, (_rule(check_id),)) if f.check_id == check_id]
    site = site_record(findings)
    shown = f"{site.verdict.value} {site.reason_codes} url={site.url} details={site.details}"
    assert site.verdict.value == expected, shown
    for code in fixture.get("reasons", []):
        assert code in site.reason_codes, f"missing {code}: {shown}"
    for code in fixture.get("absent_reasons", []):
        assert code not in site.reason_codes, f"unexpected {code}: {shown}"
    docs = {(f.url, str(f.details.get("row_key", ""))): f for f in findings if f.scope == "document"}
    by_url = {f.url: f for f in findings if f.scope == "document"}
    for want in fixture.get("documents", []):
        # rows of one table page share its URL: `row_key` (e.g. the 文书号) tells them apart
        got = docs.get((want["url"], want["row_key"])) if "row_key" in want else by_url.get(want["url"])
        assert got is not None, f"no document record for {want['url']} {want.get('row_key', '')}; have {sorted(docs)}"
        assert got.verdict.value == want["verdict"], f"{want['url']}: {got.verdict} {got.reason_codes} {got.details}"
        for code in want.get("reasons", []):
            assert code in got.reason_codes, f"{want['url']}: missing {code} in {got.reason_codes}"


def test_fixture_names_are_outcomes() -> None:
    for p in CASES:
        assert re.match(r"^(pass|fail|review|pending|na|error)_[a-z0-9_]+$", p.stem), p
