"""report.html: self-contained, escaped, with charts and the trend over stored runs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from reports.html import load_trend
from tests.reports.conftest import R1, R2, World


def _html(out: Path) -> str:
    return (out / "report.html").read_text(encoding="utf-8")


def test_page_content_is_escaped(r2_out: Path) -> None:
    html = _html(r2_out)
    assert "<script" not in html.lower(), "no script at all, and page titles arrive as text"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;行政处罚决定书" in html
    assert "script-src" not in html and "default-src 'none'" in html  # CSP forbids scripts


def test_self_contained(r2_out: Path) -> None:
    html = _html(r2_out)
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!www\.pds\.gov\.cn|sfj\.pds|www\.xinhuaqu)""", html), \
        "no CDN or other external resource"
    assert "<link" not in html and "@import" not in html
    assert html.count("<svg") == 2  # pass rates per indicator, trend


def test_well_formed_enough(r2_out: Path) -> None:
    class Check(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ("meta", "rect", "circle", "line", "polyline", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if tag in ("meta", "rect", "circle", "line", "polyline", "br"):
                return
            assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
            self.stack.pop()

    c = Check()
    c.feed(_html(r2_out))
    assert c.stack == []


def test_overview_and_charts(r2_out: Path) -> None:
    html = _html(r2_out)
    assert "I98 法治政府建设年度报告" in html
    assert "达标率 0%" in html and "达标率 50%" in html  # I98 and I27 bars
    assert html.count('class="v"') + html.count('class="v muted"') == 41 * 4
    assert "background:#FFC7CE" in html and "background:#5B2C6F" in html  # FAIL and ERROR colours
    assert "新增不达标" in html and "已整改" in html
    assert 'href="units/' in html
    assert "<polyline" in html, "two stored runs draw a trend line"


def test_trend_counts(shared_world: World) -> None:
    points = load_trend(shared_world.sessions, R2)
    assert [p.run_id for p in points] == [R1, R2]
    r2 = points[-1]
    # indicator verdicts per site in r2 (advisory I27.c not counted; I32 overridden to PASS)
    assert r2.counts["FAIL"] == 2 and r2.counts["ERROR"] == 2 and r2.counts["REVIEW"] == 2
    assert r2.counts["PASS"] == 2 and r2.counts["NA"] == 2 and r2.counts["PENDING"] == 1
    assert r2.pass_rate == 2 / 8
