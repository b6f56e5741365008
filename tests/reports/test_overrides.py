"""Manual explanations: mandatory who/why, stored with the evidence fingerprint, applied by the engine
only while the evidence is unchanged."""

from __future__ import annotations

import pytest

from audit_rules.engine import _finding_row
from reports.overrides import (
    OverrideError,
    explain,
    list_overrides,
    normalise_verdict,
    render_overrides,
    revoke,
    status_in_run,
)
from storage.models import Finding as FindingRow
from storage.models import Override
from tests.reports.conftest import FORMULA_TITLE, PDS_57, PDS_98, R2, F, World


def _active(world: World) -> dict[tuple[str, str, str, str], Override]:
    with world.sessions() as s:
        rows = s.query(Override).filter(Override.revoked_at.is_(None)).all()
    return {(o.site_id, o.check_id, o.scope, o.doc_key): o for o in rows}


def test_verdict_words() -> None:
    assert normalise_verdict("达标") == "PASS" and normalise_verdict("fail") == "FAIL"
    assert normalise_verdict("无法检查") == "ERROR"
    with pytest.raises(OverrideError, match="达标"):
        normalise_verdict("OK")


@pytest.mark.parametrize(("why", "who", "message"), [("", "张三", "理由"), ("  ", "张三", "理由"),
                                                      ("已核实", "", "姓名")])
def test_justification_and_author_mandatory(world: World, why: str, who: str, message: str) -> None:
    with pytest.raises(OverrideError, match=message):
        explain(world.sessions, R2, "yexian", "I98.a", "PASS", why, who)


def test_unknown_finding(world: World) -> None:
    with pytest.raises(OverrideError, match="没有站点 yexian 检查项 I57.a"):
        explain(world.sessions, R2, "yexian", "I57.a", "PASS", "x", "y")
    with pytest.raises(OverrideError, match="5701.html"):
        explain(world.sessions, R2, "pds", "I57.a", "PASS", "x", "y", doc_url="https://nope/")
    with pytest.raises(OverrideError, match="找不到运行"):
        explain(world.sessions, "nope", "pds", "I57.a", "PASS", "x", "y")


def test_explain_stores_evidence_fingerprint(world: World) -> None:
    o = explain(world.sessions, R2, "yexian", "I98.a", "达标", "报告在法治专栏以图片发布，已人工核实", "王五")
    with world.sessions() as s:
        f = s.query(FindingRow).filter_by(run_id=R2, site_id="yexian", check_id="I98.a", scope="site").one()
        row = s.get(Override, o.id)
        assert row is not None
        assert row.evidence_fingerprint == f.evidence_fingerprint and row.machine_verdict == "FAIL"
        assert row.verdict == "PASS" and row.run_id == R2 and row.author == "王五"
        assert f.verdict == "FAIL", "stored findings are history: the explanation applies from the next run"


def test_document_scope_and_supersede(world: World) -> None:
    first = explain(world.sessions, R2, "pds", "I57.a", "PASS", "决定日期以送达日为准", "张三", doc_url=PDS_57)
    assert first.scope == "document" and first.doc_key
    second = explain(world.sessions, R2, "pds", "I57.a", "REVIEW", "再看看", "李四", doc_url=first.doc_key)
    items = list_overrides(world.sessions, site_id="pds", check_id="I57.a", include_revoked=True)
    assert [(o.id, o.revoked_at is not None) for o in items] == [(first.id, True), (second.id, False)]
    assert "取代" in (items[0].revoked_reason or "")
    assert [o.id for o in list_overrides(world.sessions, site_id="pds", check_id="I57.a")] == [second.id]


def test_revoke(world: World) -> None:
    o = explain(world.sessions, R2, "yexian", "I98.a", "PASS", "已核实", "王五")
    with pytest.raises(OverrideError, match="理由"):
        revoke(world.sessions, o.id, "", "王五")
    r = revoke(world.sessions, o.id, "误录", "王五")
    assert r.revoked_at is not None and r.revoked_reason == "王五：误录"
    with pytest.raises(OverrideError, match="已于"):
        revoke(world.sessions, o.id, "again", "王五")
    with pytest.raises(OverrideError, match="没有第"):
        revoke(world.sessions, 999, "x", "y")
    text = render_overrides(list_overrides(world.sessions, include_revoked=True))
    assert "已撤销" in text and "王五" in text and "理由：已核实" in text


def _pds98_site() -> object:
    return F("I98.a", "FAIL", "R_LATE", url=PDS_98, title=FORMULA_TITLE, publish_date="2026-04-10",
             deadline="2026-03-31", lag_workdays=7, report_year=2025, years={"2024": "PASS", "2025": "FAIL"},
             ratio="1/2")


def test_engine_applies_until_evidence_changes(world: World) -> None:
    o = explain(world.sessions, R2, "pds", "I98.a", "PASS", "4月10日为网站迁移日期，原发布日期3月28日有截图", "张三")
    site = world.config.site("pds")
    same = _finding_row("next", site, world.config, _pds98_site(), _active(world))  # type: ignore[arg-type]
    assert same["verdict"] == "PASS" and same["machine_verdict"] == "FAIL" and same["override_id"] == o.id
    changed = _pds98_site()
    changed.details["publish_date"] = "2026-04-12"  # type: ignore[attr-defined]
    moved = _finding_row("next", site, world.config, changed, _active(world))  # type: ignore[arg-type]
    assert moved["verdict"] == "FAIL" and moved["override_id"] is None
    assert moved["details"]["override_expired"]["id"] == o.id
    assert status_in_run(o, set(), {o.id}, None) == "已失效：证据已变化"
    assert status_in_run(o, {o.id}, set(), None) == "本次已采用"
