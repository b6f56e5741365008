"""The command office's workbook, read back with openpyxl: sheets, headers, rows, links, colours, safety."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from govaudit.catalogue import load_catalogue
from tests.reports.conftest import FORMULA_TITLE, PDS_57, PDS_98, R2, SCRIPT_TITLE, World
from tests.reports.helpers import argb, col, fill, load, table


@pytest.fixture(scope="module")
def out(r2_out: Path) -> Path:
    return r2_out


@pytest.fixture(scope="module")
def wb(out: Path) -> Any:
    return load(out / "report.xlsx")


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def test_files_written(out: Path) -> None:
    assert {p.name for p in out.iterdir()} >= {"findings.jsonl", "findings.csv", "report.xlsx", "report.html",
                                                "units"}
    assert not [p for p in out.rglob(".*") if p.name != ".govaudit-units.json"], "no temp files left behind"


def test_sheet_names(wb: Any) -> None:
    names = wb.sheetnames
    assert names[:7] == ["总览", "辖区总览", "待复核", "变化", "告警", "单位汇总", "人工说明"]
    assert names[-1] == "说明"
    indicator_sheets = names[7:-1]
    assert len(indicator_sheets) == 41
    assert "I98 法治政府建设年度报告" in indicator_sheets
    assert [n.split()[0] for n in indicator_sheets] == [i.id for i in load_catalogue().net_search_indicators]
    for n in names:
        assert len(n) <= 31 and not set(n) & set("[]:*?/\\")


def test_overview_matrix(wb: Any) -> None:
    ws = wb["总览"]
    headers, rows, top = table(ws, "编号")
    assert headers[:4] == ["编号", "指标", "牵头单位", "类别"]
    assert headers[4:12] == ["达标", "不达标", "待复核", "无法检查", "未到期", "不适用", "未检查", "达标率"]
    sites = headers[12:]
    assert [h.split("\n")[1] for h in sites] == ["pds", "yexian", "sfj", "xinhua"]
    assert sites[0].startswith("平顶山市人民政府")
    assert len(rows) == 41
    assert ws.freeze_panes == f"C{top + 1}"
    assert ws.auto_filter.ref == f"A{top}:{ws.cell(top, len(headers)).column_letter}{top + 41}"

    def cell(indicator: str, site_col: int) -> Any:
        r = next(i for i, row in enumerate(rows) if row[0] == indicator)
        return ws.cell(top + 1 + r, 12 + site_col)

    i98 = [cell("I98", k) for k in range(1, 5)]
    assert [c.value for c in i98] == ["不达标", "不达标", "未到期", "无法检查"]
    assert [fill(c) for c in i98] == [argb("FAIL"), argb("FAIL"), argb("PENDING"), argb("ERROR")]
    # I27 at pds: I27.a PASS, the advisory I27.c FAIL does not count (rules_spec §2.5)
    assert cell("I27", 1).value == "达标" and fill(cell("I27", 1)) == argb("PASS")
    assert cell("I27", 3).value == "待复核" and fill(cell("I27", 3)) == argb("REVIEW")
    assert cell("I26", 2).value == "不适用" and fill(cell("I26", 2)) == argb("NA")
    assert cell("I32", 1).value == "达标", "the manual override applies"
    assert cell("I01", 1).value == "—", "a check without findings is shown as not checked"
    i98_row = next(r for r in rows if r[0] == "I98")
    assert i98_row[4:11] == [0, 2, 0, 1, 1, 0, 0]  # 达标 不达标 待复核 无法检查 未到期 不适用 未检查
    i27_row = next(r for r in rows if r[0] == "I27")
    assert i27_row[11] == 0.5
    # legend above the table, in the verdict colours
    legend_row = top - 2
    legend = {ws.cell(legend_row, c).value: fill(ws.cell(legend_row, c)) for c in range(2, 8)}
    assert legend["达标"] == argb("PASS") and legend["无法检查"] == argb("ERROR")


def test_jurisdiction_matrix(wb: Any) -> None:
    ws = wb["辖区总览"]
    headers, rows, top = table(ws, "编号")
    assert [h.split("\n")[0] for h in headers[12:]] == ["平顶山市", "叶县", "新华区"]
    i27 = next(r for r in rows if r[0] == "I27")
    assert i27[12:] == ["待复核", "—", "—"], "worst over the city's sites: pds PASS, sfj REVIEW"


def test_indicator_sheet(wb: Any, world: World) -> None:
    ws = wb["I98 法治政府建设年度报告"]
    headers, rows, top = table(ws, "责任单位")
    for h in ("责任单位", "站点", "检查项", "结论", "原因", "证据链接", "标题", "发布日期", "成文日期", "决定日期",
              "征求意见起", "征求意见止", "征求意见天数（自然日）", "滞后工作日", "如何达标", "人工结论", "说明人",
              "说明时间", "人工说明理由"):
        assert h in headers
    assert len(rows) == 6  # pds site + 2 documents, yexian, sfj, xinhua
    assert ws.freeze_panes == f"C{top + 1}"
    assert ws.auto_filter.ref.startswith(f"A{top}:")
    first = top + 1
    assert ws.cell(first, col(headers, "责任单位")).value == "平顶山市人民政府"
    assert ws.cell(first, col(headers, "结论")).value == "不达标"
    assert fill(ws.cell(first, col(headers, "结论"))) == argb("FAIL")
    assert ws.cell(first, col(headers, "原因")).value == "发布晚于规定期限"
    assert ws.cell(first, col(headers, "比例")).value == "1/2"
    link = ws.cell(first, col(headers, "证据链接"))
    assert link.hyperlink is not None and link.hyperlink.target == PDS_98
    assert link.value == PDS_98
    title = ws.cell(first, col(headers, "标题"))
    assert title.data_type == "s" and title.value == "'" + FORMULA_TITLE, "a formula from a page arrives as text"
    assert ws.cell(first, col(headers, "发布日期")).value.date().isoformat() == "2026-04-10"
    assert ws.cell(first, col(headers, "发布日期")).number_format == "yyyy-mm-dd"
    assert ws.cell(first, col(headers, "滞后工作日")).value == 7
    assert "3月31日前" in ws.cell(first, col(headers, "如何达标")).value
    assert "2025年不达标" in ws.cell(first, col(headers, "补充说明")).value
    scopes = [r[col(headers, "范围") - 1] for r in rows]
    assert scopes[:3] == ["站点总体", "单个文件", "单个文件"]
    # an http(s) URL is a link; nothing else is
    xinhua = rows[-1]
    assert xinhua[col(headers, "结论") - 1] == "无法检查"
    assert fill(ws.cell(top + len(rows), col(headers, "结论"))) == argb("ERROR")


def test_document_scope_and_script_title(wb: Any) -> None:
    ws = wb["I57 执法决定公开时效"]
    headers, rows, top = table(ws, "责任单位")
    assert len(rows) == 4  # pds site + 2 documents, xinhua
    doc = next(i for i, r in enumerate(rows) if r[col(headers, "标题") - 1] == SCRIPT_TITLE)
    row = top + 1 + doc
    assert ws.cell(row, col(headers, "结论")).value == "不达标"
    assert ws.cell(row, col(headers, "决定日期")).value.date().isoformat() == "2026-09-01"
    assert ws.cell(row, col(headers, "滞后工作日")).value == 12
    assert ws.cell(row, col(headers, "证据链接")).hyperlink.target == PDS_57


def test_override_columns(wb: Any) -> None:
    ws = wb["I32 规范性文件被通报撤销排查"]
    headers, rows, top = table(ws, "责任单位")
    assert len(rows) == 1
    r = rows[0]
    assert r[col(headers, "结论") - 1] == "达标"
    assert r[col(headers, "机器结论") - 1] == "待复核"
    assert r[col(headers, "人工结论") - 1] == "达标"
    assert r[col(headers, "说明人") - 1] == "张三"
    assert r[col(headers, "说明时间") - 1] is not None
    assert "未发现" in r[col(headers, "人工说明理由") - 1]
    ws = wb["I27 规范性文件征求意见7个工作日"]
    headers, rows, top = table(ws, "责任单位")
    sfj = next(r for r in rows if r[col(headers, "站点ID") - 1] == "sfj")
    assert sfj[col(headers, "结论") - 1] == "待复核", "an override whose evidence changed no longer applies"
    assert sfj[col(headers, "人工结论") - 1].startswith("已失效")
    assert sfj[col(headers, "说明人") - 1] == "李四"


def test_review_queue(wb: Any) -> None:
    ws = wb["待复核"]
    headers, rows, top = table(ws, "指标")
    assert {"指标", "检查项", "责任单位", "站点", "原因", "证据链接", "候选材料", "如何达标", "录入人工说明的命令"} <= set(headers)
    # pds I57.a site REVIEW + sfj I27.a REVIEW (I32.a was overridden to PASS)
    assert sorted(r[col(headers, "检查项") - 1] for r in rows) == ["I27.a", "I57.a"]
    assert all(r[col(headers, "结论") - 1] == "待复核" for r in rows)
    cmd = rows[0][col(headers, "录入人工说明的命令") - 1]
    assert cmd.startswith("govaudit explain --run") and R2 in cmd
    assert ws.freeze_panes == f"C{top + 1}"


def test_changes_sheet(wb: Any) -> None:
    ws = wb["变化"]
    headers, rows, top = table(ws, "类别")
    assert headers == ["类别", "站点", "指标", "检查项", "对象", "上次结论", "本次结论", "原因/说明", "链接", "责任单位"]
    kinds = [r[0] for r in rows]
    assert kinds.count("已整改") == 1
    fixed = rows[kinds.index("已整改")]
    assert fixed[1] == "平顶山市人民政府" and fixed[3].startswith("I27.a")
    assert fixed[5:7] == ["不达标", "达标"]
    assert fill(ws.cell(top + 1 + kinds.index("已整改"), 6)) == argb("FAIL")
    assert fill(ws.cell(top + 1 + kinds.index("已整改"), 7)) == argb("PASS")
    regressions = [r for r in rows if r[0] == "新增不达标"]
    assert {r[3].split()[0] for r in regressions} == {"I98.a", "I57.a", "I27.c"}
    assert [r[3].split()[0] for r in rows if r[0] == "新增待复核"] == ["I27.a"]
    assert {r[4] for r in rows if r[0] == "新增文件"} == {"'" + FORMULA_TITLE}
    assert {r[4] for r in rows if r[0] == "消失文件"} == {"已删除的旧文件"}
    jumps = [r[7] for r in rows if r[0] == "抓取异常"]
    assert len(jumps) == 3 and any("500" in j and "100" in j for j in jumps)
    assert any("unreachable" in j for j in jumps) and any("错误率" in j for j in jumps)
    assert "I32.a" in ws.cell(top - 1, 1).value, "a check new since last run is named apart, not a regression"


def test_overrides_sheet(wb: Any) -> None:
    ws = wb["人工说明"]
    headers, rows, top = table(ws, "编号")
    assert len(rows) == 2
    status = {r[col(headers, "说明人") - 1]: r[col(headers, "本次状态") - 1] for r in rows}
    assert status == {"张三": "本次已采用", "李四": "已失效：证据已变化"}


def test_units_sheet_links(wb: Any, out: Path) -> None:
    ws = wb["单位汇总"]
    headers, rows, top = table(ws, "责任单位")
    by_unit = {r[1]: r for r in rows}
    assert by_unit["410422:gov"][col(headers, "不达标") - 1] == 1
    assert by_unit["410400:sfj"][col(headers, "牵头指标") - 1] == "I27"
    for i in range(len(rows)):
        link = ws.cell(top + 1 + i, col(headers, "整改清单")).hyperlink
        # XlsxWriter writes relative file links the Windows way (units\\…), as Excel and WPS expect
        assert link is not None and (out / link.target.replace("\\", "/")).exists()


def test_about_sheet(wb: Any, world: World) -> None:
    ws = wb["说明"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 40)}
    assert values["运行编号"] == R2
    assert values["审计基准日"] == "2026-11-20"
    assert values["工具版本"] == "0.1.0" and values["Git 提交"] == "abc123def456"
    assert values["配置哈希"] == world.config.digest
    assert values["站点数"] == 4
    headers, sites, _ = table(ws, "站点ID")
    assert [s[0] for s in sites] == ["pds", "yexian", "sfj", "xinhua"]
    assert sites[3][col(headers, "抓取状态") - 1] == "无法访问"
    headers, checks, _ = table(ws, "检查项")
    assert len(checks) == 85
    assert {"检查项", "类别", "检查内容", "如何达标"} <= set(headers)
    assert ws.freeze_panes == "A2"


def test_xlsx_parts_are_clean_xml(out: Path) -> None:
    """No formulas anywhere, and the XML parses (no characters XML forbids)."""
    from xml.dom import minidom

    with zipfile.ZipFile(out / "report.xlsx") as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                data = z.read(name)
                minidom.parseString(data)
                assert b"<f>" not in data and b"<f " not in data, f"formula in {name}"
