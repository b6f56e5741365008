"""Menu links name their column the same way on every page, whichever page the crawl saw them on first."""

from __future__ import annotations

from govaudit.extract.columns import column_code
from govaudit.extract.html import parse_html

MENU = """<html><head><title>平顶山市司法局</title></head><body>
<nav><ul>
  <li><a href="/column/zfgs">行政执法公示</a><ul><li><a href="/column/xzcf">行政处罚</a></li></ul></li>
  <li><a href="/column/zwgk">政务公开</a><ul><li><a href="/column/fdgk">法定主动公开内容</a>
      <ul><li><a href="/column/fdgk-cf">行政处罚</a></li></ul></li></ul></li>
  <li><a href="/column/gzdt">工作动态</a></li>
</ul></nav>
<main><h2>重大行政决策</h2><ul class="list"><li><a href="/article/1">关于某事项的决策</a><span>2026-01-01</span></li></ul></main>
</body></html>"""


def _links() -> dict[str, tuple[str, str | None]]:
    page = parse_html(MENU, "http://sfj.test/column/zdjc", for_crawl=True)
    return {lk.url.rsplit("/", 1)[-1]: (lk.region, lk.menu_parent) for lk in page.links}


def test_a_nested_menu_item_knows_the_item_it_hangs_under() -> None:
    links = _links()
    assert links["xzcf"] == ("nav", "行政执法公示")
    assert links["fdgk-cf"] == ("nav", "法定主动公开内容")
    assert links["zfgs"] == ("nav", None) and links["gzdt"] == ("nav", None)
    # so a bare 行政处罚 gets the code of its parent menu item, and a different one under 法定主动公开内容
    assert column_code("行政处罚") is None
    assert column_code(links["xzcf"][1] or "") == "ZF"
    assert column_code(links["fdgk-cf"][1] or "") == "GK.FD"
    assert links["1"][0] != "nav" and links["1"][1] is None
