"""The hand-written expected findings: complete, consistent with the catalogue and with the planted pages,
and the date arithmetic their comments rely on is what the 调休 calendar gives (rules_spec §5.3, Appendix B)."""

from __future__ import annotations

import datetime as dt
import json

import chinese_calendar as cc
import pytest

from govaudit.catalogue import load_checks
from govaudit.world import World
from govaudit.world.build import assemble
from govaudit.world.expected import compare, load_expected
from govaudit.world.text import cn_date, zh_date

CHECKS = {c.id: c for cs in load_checks().values() for c in cs}
# NA for an applicable level is a judgement call, listed in README "Judgement calls".
NA_BY_JUDGEMENT = {("baofeng", "I27.c"), ("pds-sfj", "I27.c")}
D = dt.date.fromisoformat


def wd(a: str, b: str) -> int:
    return sum(1 for day in cc.get_dates(D(a), D(b)) if cc.is_workday(day))


def lag(decided: str, published: str) -> int:
    return sum(1 for day in cc.get_dates(D(decided) + dt.timedelta(days=1), D(published)) if cc.is_workday(day))


def natural(a: str, b: str) -> int:
    return (D(b) - D(a)).days + 1


# (planted key, start, end, working days inclusive, working days strict) — comment periods judged by I27
PERIODS_WD = [
    ("pds.GFX.parking.draft", "2025-09-25", "2025-10-11", 8, 7),      # 9-28 and 10-11 are 调休 workdays
    ("pds.GFX.rental.draft", "2024-09-30", "2024-10-10", 4, 3),
    ("pds.GFX.dust.draft", "2025-03-10", "2025-03-21", 10, 9),
    ("pds.GFX.heritage.draft", "2026-03-02", "2026-03-13", 10, 9),
    ("pds.GFX.talent.draft", "2025-04-07", "2025-04-18", 10, 9),
    ("pds.GFX.elderly.draft", "2026-06-03", "2026-06-15", 9, 8),      # as stated; online from 06-10: 4
    ("yexian.GFX.market.draft", "2025-04-21", "2025-05-21", 21, 20),
    ("baofeng.GFX.fireworks.draft", "2026-01-05", "2026-01-09", 5, 4),
    ("baofeng.GFX.procedure.draft", "2024-04-08", "2024-05-08", 21, 20),
    ("weidong.GFX.towers.draft", "2026-04-13", "2026-04-21", 7, 6),
    ("pds-sfj.GFX.legalaid.draft", "2025-05-06", "2025-05-16", 9, 8),
]
# (planted key, start, end, natural days inclusive) — I26 / I39 / I27.c
PERIODS_NATURAL = [
    ("pds.GZ.13.draft1", "2024-01-08", "2024-02-20", 44), ("pds.GZ.14.draft1", "2024-07-01", "2024-08-05", 36),
    ("pds.GZ.15.draft1", "2025-01-06", "2025-02-14", 40), ("pds.GZ.16.draft1", "2025-08-04", "2025-09-02", 30),
    ("pds.GZ.17.draft1", "2026-01-12", "2026-01-31", 20), ("pds.FG.zhanhe.draft1", "2024-03-01", "2024-03-31", 31),
    ("pds.FG.zhanhe.draft2", "2024-06-12", "2024-06-23", 12), ("pds.JC.heating.notice", "2024-05-06", "2024-06-05", 31),
    ("pds.JC.elderly.notice", "2025-04-01", "2025-04-30", 30), ("pds.JC.bus.notice", "2025-06-09", "2025-06-28", 20),
    ("pds.JC.fitness.notice", "2026-03-02", "2026-04-15", 45), ("yexian.JC.water.notice", "2024-05-13", "2024-06-16", 35),
    ("yexian.JC.school.notice", "2026-10-20", "2026-11-19", 31), ("baofeng.JC.sewage.notice", "2024-06-03", "2024-06-17", 15),
    ("baofeng.JC.water.notice", "2026-04-01", "2026-05-10", 40), ("weidong.JC.oldhomes.notice", "2024-04-01", "2024-05-06", 36),
    ("weidong.JC.elderly.notice", "2026-03-09", "2026-04-10", 33), ("pds-sfj.JC.plan.notice", "2025-04-07", "2025-05-09", 33),
    ("pds-sfj.JC.legalaid.notice", "2026-05-06", "2026-06-08", 34), ("pds.GFX.parking.draft", "2025-09-25", "2025-10-11", 17),
    ("weidong.GFX.towers.draft", "2026-04-13", "2026-04-21", 9), ("yexian.GFX.market.draft", "2025-04-21", "2025-05-21", 31),
]
# (planted key, decision or 成文 date, publication date, working-day lag) — I57 rows, I29.b, I38.b
LAGS = [
    ("pds.ZF.pen.1", "2025-09-28", "2025-10-13", 6), ("pds.ZF.pen.2", "2026-10-26", "2026-10-30", 4),
    ("pds.ZF.lic.2026-10", "2026-10-27", "2026-11-03", 5), ("pds.ZF.lic.2026-10", "2026-10-29", "2026-11-03", 3),
    ("pds.ZF.jc.2026Q3", "2026-09-18", "2026-10-16", 16), ("pds.ZF.jc.2026Q3", "2026-09-29", "2026-10-16", 9),
    ("yexian.ZF.pen.2026-09", "2026-09-22", "2026-09-30", 5), ("yexian.ZF.pen.2026-09", "2026-09-24", "2026-09-30", 3),
    ("yexian.ZF.pen.2026-10", "2026-10-28", "2026-11-04", 5), ("yexian.ZF.pen.2026-10", "2026-10-30", "2026-11-04", 3),
    ("baofeng.ZF.pen.2026-10", "2026-10-09", "2026-11-05", 20), ("baofeng.ZF.pen.2026-10", "2026-10-28", "2026-11-05", 6),
    ("baofeng.ZF.pen.full", "2026-09-14", "2026-09-18", 4), ("baofeng.ZF.lic.2026-10", "2026-10-27", "2026-11-02", 4),
    ("weidong.ZF.pen.1", "2026-10-13", "2026-10-16", 3), ("weidong.ZF.pen.2", "2026-06-08", "2026-06-12", 4),
    ("weidong.ZF.lic.130", "2026-11-02", "2026-11-05", 3), ("weidong.ZF.jc.2026H1", "2026-07-01", "2026-08-05", 25),
    ("pds-sfj.ZF.pen.1", "2026-07-14", "2026-07-17", 3), ("pds-sfj.ZF.lic.2026-10", "2026-10-20", "2026-10-23", 3),
    ("pds.GFX.talent", "2025-06-03", "2025-07-10", 27), ("pds.JC.fitness.interp", "2026-06-18", "2026-07-02", 9),
]


@pytest.fixture(scope="module")
def docs() -> dict:
    return {d.key: d for p in assemble() for d in p.docs if d.key}


def _text(doc) -> str:  # noqa: ANN001
    parts = [doc.title, *doc.body, *("".join(r) for r in doc.table)]
    parts += [line for a in doc.attachments for line in a.lines]
    return "\n".join(parts)


def test_every_site_has_every_check(world: World) -> None:
    expected = load_expected()
    assert set(expected) == {p.id for p in world.portals}
    for sid, exp in expected.items():
        assert set(exp.checks) == set(CHECKS), (sid, set(CHECKS) ^ set(exp.checks))
        assert exp.level == world.portal(sid).level


def test_na_exactly_where_the_level_does_not_apply() -> None:
    for sid, exp in load_expected().items():
        for cid, ec in exp.checks.items():
            applies = CHECKS[cid].applies_to(exp.level)
            assert (ec.verdict == "NA") == (not applies or (sid, cid) in NA_BY_JUDGEMENT), (sid, cid, ec.verdict)


def test_class_conventions() -> None:
    """C-class → REVIEW R_NEEDS_JUDGEMENT on reachable sites; dead → R_SITE_UNREACHABLE; WAF → R_BLOCKED."""
    for sid, exp in load_expected().items():
        for cid, ec in exp.checks.items():
            if ec.verdict == "NA":
                continue
            if sid == "jiaxian":
                assert (ec.verdict, ec.reasons) == ("ERROR", ("R_SITE_UNREACHABLE",))
            elif sid == "wugang":
                assert (ec.verdict, ec.reasons) == ("ERROR", ("R_BLOCKED",))
            elif CHECKS[cid].cls == "C":
                assert ec.verdict == "REVIEW" and "R_NEEDS_JUDGEMENT" in ec.reasons, (sid, cid)
            else:
                assert ec.verdict != "ERROR"


def test_expected_documents_name_planted_pages(world: World) -> None:
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    planted = {k: p["id"] for p in manifest["portals"] for k in p["planted"]}
    for sid, exp in load_expected().items():
        for ed in exp.documents:
            assert planted.get(ed.doc) == sid, (sid, ed.doc)
            assert ed.check in ("I26.a", "I27.a", "I39.a", "I57.a", "I57.b", "I98.a"), ed


@pytest.mark.parametrize(("key", "start", "end", "incl", "strict"), PERIODS_WD)
def test_working_day_periods(docs: dict, key: str, start: str, end: str, incl: int, strict: int) -> None:
    assert (wd(start, end), wd((D(start) + dt.timedelta(days=1)).isoformat(), end)) == (incl, strict)
    text = _text(docs[key])
    assert any(f(D(start)) in text and f(D(end)) in text for f in (zh_date, cn_date)), key


@pytest.mark.parametrize(("key", "start", "end", "days"), PERIODS_NATURAL)
def test_natural_day_periods(docs: dict, key: str, start: str, end: str, days: int) -> None:
    assert natural(start, end) == days
    doc = docs[key]
    text = _text(doc)
    assert zh_date(D(end)) in text and (zh_date(D(start)) in text or doc.publish == D(start)), key


@pytest.mark.parametrize(("key", "decided", "published", "days"), LAGS)
def test_lags(docs: dict, key: str, decided: str, published: str, days: int) -> None:
    assert lag(decided, published) == days
    doc = docs[key]
    assert doc.publish == D(published), key
    if key.endswith(".interp"):                       # 解读 lag: measured from the decision's publication
        assert docs[key.replace(".interp", ".decision")].publish == D(decided)
        return
    text = _text(doc)
    assert decided in text or zh_date(D(decided)) in text or (doc.written == D(decided)), key


def test_elderly_notice_is_online_after_its_stated_start(docs: dict) -> None:
    doc = docs["pds.GFX.elderly.draft"]
    assert doc.publish == D("2026-06-10") and wd("2026-06-10", "2026-06-15") == 4


def test_compare_scores_a_perfect_run_at_100(world: World) -> None:
    """Turn the expectations into findings.jsonl records and back: the comparison must agree 100%."""
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    planted = {k: v for p in manifest["portals"] for k, v in p["planted"].items()}
    records = []
    for sid, exp in load_expected().items():
        for cid, ec in exp.checks.items():
            records.append({"site_id": sid, "check_id": cid, "scope": "site", "verdict": ec.verdict,
                            "reason_codes": list(ec.reasons)})
        for ed in exp.documents:
            if ed.verdict != "ABSENT":
                records.append({"site_id": sid, "check_id": ed.check, "scope": "document", "verdict": ed.verdict,
                                "reason_codes": list(ed.reasons), "url": "http://127.0.0.1:1" + planted[ed.doc]["url"],
                                "details": {"doc_number": ed.doc_number} if ed.doc_number else {}})
    result = compare(records, manifest)
    assert result.agreement == 100.0, result.table()
    records[0]["verdict"] = "FAIL" if records[0]["verdict"] != "FAIL" else "PASS"
    assert compare(records, manifest).agreement < 100.0


def test_readme_matrix_is_in_sync() -> None:
    from pathlib import Path

    import govaudit.world as package
    from govaudit.world.expected import markdown

    readme = (Path(package.__file__).parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- expected:begin -->\n", 1)[1].split("<!-- expected:end -->", 1)[0]
    assert block == markdown(), "run: python -m govaudit.world expected --markdown, paste into README.md"
