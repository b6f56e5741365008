"""Real-page rule cases (tests/realpages/cases/<check>/<outcome>_real_<name>.toml): real government markup with
real dates, judged through the real evidence path exactly as the rule fixtures are. They are also gold cases."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from audit_rules.registry import load_rules
from tests.gold.gold import judge_fixture, label_problems
from tests.realpages.cases import CASES, case_paths, expected_verdict, load_case
from tests.realpages.pages import DATA

PATHS = case_paths()


@pytest.mark.parametrize("path", PATHS, ids=[f"{p.parent.name}/{p.stem}" for p in PATHS])
def test_real_page_case(path: Path) -> None:
    fixture = load_case(path)
    findings = judge_fixture(fixture, path.parent.name, path.parent)
    site = next(f for f in findings if f.scope == "site")
    shown = f"{site.verdict.value} {site.reason_codes} url={site.url} details={site.details}"
    assert site.verdict.value == expected_verdict(path), shown
    assert label_problems(fixture, findings) == [], shown


def test_cases_are_named_and_built_from_real_pages() -> None:
    assert len(PATHS) >= 10
    checks = {r.meta.check_id for r in load_rules()}
    for path in PATHS:
        assert path.parent.name in checks, path
        assert re.match(r"^(pass|fail|review|pending|na|error)_real_[a-z0-9_]+$", path.stem), path
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        sources = [p["source"] for p in spec["pages"] if "source" in p]
        assert sources, f"{path}: no page comes from tests/data/realpages/"
        assert all((DATA / s).exists() for s in sources), path


def test_a_replacement_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    case = tmp_path / "pass_real_x.toml"
    case.write_text('[[pages]]\nurl = "http://x.gov.cn/a.html"\nsource = "wanzai_2015_tjgb.html"\n'
                    'replace = [["not on the page", "x"]]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="does not contain"):
        load_case(case)


def test_cases_folder() -> None:
    assert CASES.is_dir() and {p.parent.name for p in PATHS} >= {"I98.a"}


def test_yuan_fee_list_is_the_sites_own_notice(tmp_path: Path) -> None:
    """「关于公布裕安区区级涉企收费清单(2024年)的通知」 on 裕安区's site names its own 区: the verb after 关于 is no place
    name (it read 「公布裕安区」 and sent the site's own list to REVIEW R_WRONG_JURISDICTION)."""
    from audit_rules.machinery.find import find
    from audit_rules.vocab.services import I18_FEE_LIST
    from tests.rules.harness import evidence_for

    path = CASES / "I18.a" / "fail_real_lead_yuan_fee_list_only.toml"
    ev = evidence_for(load_case(path), tmp_path, base=path.parent)
    [cand] = find(ev, I18_FEE_LIST)
    assert (cand.doc.title_raw, cand.jurisdiction) == ("关于公布裕安区区级涉企收费清单(2024年)的通知", "own")
