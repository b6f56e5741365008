"""Per-unit gap workbooks: only what the unit must act on, worst first, with evidence and how to pass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.frames import load_run
from reports.units import MANIFEST, unit_file_names, write_unit_reports
from storage.models import Run
from tests.reports.conftest import FORMULA_TITLE, PDS_98, R2, R3, World
from tests.reports.helpers import argb, col, fill, load, table

GAP_HEADERS = ["序号", "结论", "性质", "指标", "检查项", "要求", "站点", "范围", "原因", "证据链接", "标题", "关键日期",
               "补充说明", "如何达标", "牵头单位", "人工说明"]


def _book(out: Path, stem: str) -> Any:
    return load(out / "units" / f"{stem}.xlsx")


def test_one_workbook_per_unit(r2_out: Path) -> None:
    names = sorted(p.name for p in (r2_out / "units").glob("*.xlsx"))
    assert names == sorted([
        "平顶山市人民政府_410400-gov.xlsx", "平顶山市人民政府办公室_410400-zfb.xlsx", "平顶山市司法局_410400-sfj.xlsx",
        "叶县人民政府_410422-gov.xlsx", "平顶山市新华区人民政府_410402-gov.xlsx",
        # lead units (牵头单位) of the indicators judged, not in the roster: named from the plan
        "市人大法工委_410400-rd-fgw.xlsx", "市发改委_410400-fgw.xlsx"])


def test_city_government_gaps(r2_out: Path) -> None:
    wb = _book(r2_out, "平顶山市人民政府_410400-gov")
    assert wb.sheetnames == ["需整改", "说明"]
    ws = wb["需整改"]
    headers, rows, top = table(ws, "序号")
    assert headers == GAP_HEADERS
    assert ws.freeze_panes == f"C{top + 1}"
    verdicts = [r[1] for r in rows]
    # FAIL first, then REVIEW; the advisory I27.c last; the overridden I32.a (now PASS) is not listed
    assert verdicts == ["不达标", "不达标", "不达标", "待复核", "不达标"]
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[-1][col(headers, "性质") - 1].startswith("提示") and rows[-1][4] == "I27.c"
    assert all(r[col(headers, "性质") - 1] == "须整改" for r in rows[:-1])
    assert {r[4] for r in rows} == {"I98.a", "I57.a", "I27.c"}
    assert fill(ws.cell(top + 1, col(headers, "结论"))) == argb("FAIL")
    assert fill(ws.cell(top + 4, col(headers, "结论"))) == argb("REVIEW")
    i98 = next(i for i, r in enumerate(rows) if r[4] == "I98.a" and r[7] == "站点总体")
    link = ws.cell(top + 1 + i98, col(headers, "证据链接"))
    assert link.hyperlink.target == PDS_98
    assert ws.cell(top + 1 + i98, col(headers, "标题")).value == "'" + FORMULA_TITLE
    assert "发布日期 2026-04-10" in rows[i98][col(headers, "关键日期") - 1]
    assert "截止日期 2026-03-31" in rows[i98][col(headers, "关键日期") - 1]
    assert "3月31日前" in rows[i98][col(headers, "如何达标") - 1]
    assert rows[i98][col(headers, "牵头单位") - 1] == "平顶山市人民政府办公室"
    about = wb["说明"]
    values = {about.cell(r, 1).value: about.cell(r, 2).value for r in range(1, 20)}
    assert values["单位ID"] == "410400:gov" and values["运行编号"] == R2
    assert "pds" in values["网站"]


def test_county_gets_its_own_gap_only(r2_out: Path) -> None:
    ws = _book(r2_out, "叶县人民政府_410422-gov")["需整改"]
    headers, rows, _ = table(ws, "序号")
    assert len(rows) == 1
    assert rows[0][4] == "I98.a" and rows[0][1] == "不达标"
    assert rows[0][col(headers, "原因") - 1] == "在已完整抓取的栏目中未找到相关信息"
    assert "govaudit recheck --site yexian" in ws.cell(3, 1).value


def test_unit_with_nothing_to_fix(r2_out: Path) -> None:
    ws = _book(r2_out, "平顶山市人民政府办公室_410400-zfb")["需整改"]
    headers, rows, top = table(ws, "序号")
    assert rows == [["本次审计没有发现需要本单位整改的问题。"] + [None] * (len(headers) - 1)]


def test_lead_unit_sheet(r2_out: Path) -> None:
    wb = _book(r2_out, "平顶山市司法局_410400-sfj")
    assert wb.sheetnames == ["需整改", "牵头指标", "说明"]
    headers, rows, _ = table(wb["需整改"], "序号")
    assert [(r[4], r[1]) for r in rows] == [("I27.a", "待复核")]
    assert "原人工说明已失效" in rows[0][col(headers, "人工说明") - 1]
    headers, rows, _ = table(wb["牵头指标"], "指标")
    # I27 open items across all units (site level, not advisory): only sfj's REVIEW
    assert [(r[col(headers, "检查项") - 1], r[col(headers, "责任单位") - 1]) for r in rows] == [
        ("I27.a", "平顶山市司法局")]
    lead_only = _book(r2_out, "市发改委_410400-fgw")
    headers, rows, _ = table(lead_only["牵头指标"], "指标")
    assert {r[col(headers, "站点") - 1] for r in rows} == {"平顶山市人民政府", "平顶山市新华区人民政府"}


def test_stale_unit_files_removed_only_if_ours(world: World, tmp_path: Path) -> None:
    out = tmp_path / "units"
    data = load_run(world.sessions, R2, world.config)
    write_unit_reports(data, out)
    (out / "别人的文件.xlsx").write_bytes(b"not ours")
    assert (out / "平顶山市新华区人民政府_410402-gov.xlsx").exists()
    world.recheck_fixed()
    data3 = load_run(world.sessions, R3, world.config)
    names = unit_file_names(data3)
    assert "410402:gov" not in names  # r3 is a re-check of 叶县 only
    write_unit_reports(data3, out, names)
    assert (out / "平顶山市新华区人民政府_410402-gov.xlsx").exists(), "a re-check leaves other units' files"
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["run_id"] == R3
    with world.sessions.begin() as s:
        s.get(Run, R3).kind = "run"  # type: ignore[union-attr]
    write_unit_reports(load_run(world.sessions, R3, world.config), out, names)
    assert not (out / "平顶山市新华区人民政府_410402-gov.xlsx").exists(), "a full run drops units it has no file for"
    assert (out / "叶县人民政府_410422-gov.xlsx").exists()
    assert (out / "别人的文件.xlsx").exists(), "files this writer did not make are never removed"


def test_without_roster_units_are_named_from_sites_and_plan(world: World, tmp_path: Path) -> None:
    data = load_run(world.sessions, R2, config=None)
    names = {u.id: u.name for u in data.units.values()}
    assert names["410422:gov"] == "叶县人民政府"
    leads = {r.lead_unit_id: r.lead_unit_name for r in data.rows}
    assert leads["410400:zfb"] == "市政府办公室"
    assert leads["410400:sfj"] == "平顶山市司法局"  # the department site of that name
    paths = write_unit_reports(data, tmp_path / "u")
    assert paths and all(p.exists() for p in paths)
