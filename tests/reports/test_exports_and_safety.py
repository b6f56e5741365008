"""findings.jsonl / CSV per CONTRACT §3, and hostile page content in every output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reports import write_reports
from reports.export import CONTRACT_FIELDS
from reports.style import clean, is_http_url, safe_filename
from reports.xlsx import sheet_name
from storage.models import Finding as FindingRow
from tests.reports.conftest import FORMULA_TITLE, R2, World
from tests.reports.helpers import col, load, table


def test_jsonl_contract(r2_out: Path) -> None:
    lines = (r2_out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 16  # pds 9, yexian 2, sfj 3, xinhua 2
    assert all(list(r) == list(CONTRACT_FIELDS) for r in records)
    site = [r for r in records if r["scope"] == "site"]
    assert len({(r["site_id"], r["check_id"]) for r in site}) == len(site)
    i32 = next(r for r in site if r["check_id"] == "I32.a")
    assert i32["verdict"] == "PASS" and i32["details"]["machine_verdict"] == "REVIEW"


def test_csv_contract_and_formula_safety(r2_out: Path) -> None:
    raw = (r2_out / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CONTRACT_FIELDS
    assert len(rows) == 17
    titles = [r[8] for r in rows[1:]]
    assert "'" + FORMULA_TITLE in titles and FORMULA_TITLE not in titles
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows[1:] for cell in r)


def test_hostile_content(world: World, tmp_path: Path) -> None:
    """Control characters, formula prefixes, a javascript: URL and an over-long URL from a page."""
    long_url = "https://www.pds.gov.cn/" + "a" * 2100
    with world.sessions.begin() as s:
        f = s.query(FindingRow).filter_by(run_id=R2, site_id="pds", check_id="I57.a", scope="site").one()
        f.title = "+SUM(A1)\x07标题\x00含控制字符\ufffe"
        f.snippet = "@cmd -x"
        f.url = "javascript:alert(1)"
        g = s.query(FindingRow).filter_by(run_id=R2, site_id="xinhua", check_id="I57.a").one()
        g.url = long_url
    out = tmp_path / "out"
    write_reports(world.sessions, R2, out, config=world.config)
    ws = load(out / "report.xlsx")["I57 执法决定公开时效"]
    headers, rows, top = table(ws, "责任单位")
    i = next(k for k, r in enumerate(rows) if r[col(headers, "范围") - 1] == "站点总体" and r[1] == "平顶山市人民政府")
    title = ws.cell(top + 1 + i, col(headers, "标题"))
    assert title.value == "'+SUM(A1)标题含控制字符" and title.data_type == "s"
    link = ws.cell(top + 1 + i, col(headers, "证据链接"))
    assert link.hyperlink is None and link.value == "javascript:alert(1)"
    j = next(k for k, r in enumerate(rows) if r[1] == "平顶山市新华区人民政府")
    long_cell = ws.cell(top + 1 + j, col(headers, "证据链接"))
    assert long_cell.hyperlink is None and long_cell.value.startswith("https://www.pds.gov.cn/aaa")
    review = load(out / "report.xlsx")["待复核"]
    headers, rows, top = table(review, "指标")
    snippets = [r[col(headers, "片段") - 1] for r in rows]
    assert "'@cmd -x" in snippets
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="javascript' not in html


def test_helpers() -> None:
    assert clean("a\x00b\x1fc\td\n") == "abc\td\n"
    assert is_http_url("https://x.gov.cn/a?b=1") and not is_http_url("javascript:alert(1)")
    assert not is_http_url("https://x.gov.cn/a b")
    assert safe_filename('市/局:名*?"称') == "市-局-名---称"
    taken: set[str] = set()
    name = sheet_name("I98 [报告]: a/b*c?" + "x" * 40, taken)
    assert len(name) == 31 and name.startswith("I98  报告   a b c xx")
    assert sheet_name("总览", taken) == "总览" and sheet_name("总览", taken) == "总览(2)"
