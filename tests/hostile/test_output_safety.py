"""Output safety end to end: titles a hostile page chose travel through the crawler, the audit and every report;
none of them may become a spreadsheet formula or markup in the HTML overview."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .cases import case
from .conftest import Runs
from .harness import RunResult, run_case

pytestmark = pytest.mark.timeout(600)

FORMULA = '=HYPERLINK("http://evil.example/x","2024年度法治政府建设情况报告")'
SCRIPT = '<script>alert("xss")</script>'


@pytest.fixture(scope="module")
def injected(runs: Runs, tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """Yesterday the portal was clean; tonight its report titles carry a formula and a script: the changes
    (new documents) put those titles into the HTML overview as well as into the workbooks and exports."""
    work = tmp_path_factory.mktemp("inject")
    host = "tonight.hostile.test"
    env = {"http_proxy": runs.server.proxy, "GOVAUDIT_CHROMIUM": str(work / "no-chromium")}
    runs.server.route(host, "good")
    first = run_case({"hx": f"http://{host}/"}, work, env_extra=env)
    assert first.returncode == 0, first.explain()
    runs.server.route(host, "inject")
    second = run_case({"hx": f"http://{host}/"}, work, env_extra=env)
    assert second.returncode == 0, second.explain()
    return second


def cells(path: Path) -> list[object]:
    wb = load_workbook(path)  # not read-only: data_type tells a formula from a string
    out: list[object] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    raise AssertionError(f"{path.name}!{ws.title}!{cell.coordinate} is a formula: {cell.value!r}")
                out.append(cell.value)
    return out


@case("Output safety", "page titles `=HYPERLINK(…)` and `@SUM(1+1)*cmd|' /C calc'!A0` crawled from a portal",
      "every xlsx cell (overview and unit workbooks) is a string, none a formula; CSV cells start with `'`; "
      "findings.jsonl keeps the title verbatim")
def test_formula_titles_stay_text(injected: RunResult) -> None:
    out = injected.out
    records = [json.loads(line) for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(r["title"] == FORMULA for r in records)  # the data is kept as it was published
    values = [v for p in [out / "report.xlsx", *sorted((out / "units").glob("*.xlsx"))] for v in cells(p)]
    assert any(isinstance(v, str) and "HYPERLINK" in v for v in values)  # the title reached the workbook
    rows = list(csv.reader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig"))))
    titles = [row[8] for row in rows[1:]]
    assert f"'{FORMULA}" in titles
    assert not [t for t in titles if t.startswith(("=", "+", "-", "@"))]


@case("Output safety", f"page title `{SCRIPT}<img src=x onerror=alert(1)>关于2025年度…的报告`",
      "report.html carries it escaped (`&lt;script&gt;`), never as markup")
def test_html_report_escapes_page_titles(injected: RunResult) -> None:
    html = (injected.out / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html, "the hostile title did not reach the HTML report: the test proves nothing"
    assert SCRIPT not in html and "<img src=x" not in html
