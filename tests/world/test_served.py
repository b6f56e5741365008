"""The served world behaves like the real CMS families, answers faults as designed, and keeps its contracts
(304s, charsets, Content-Disposition, the sites.toml it writes, fixes)."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
import urllib.parse
from email.utils import formatdate
from typing import Any

import pytest

from govaudit.config import load_config
from govaudit.world import RunningWorld, World


def request(running: RunningWorld, site: str, path: str, method: str = "GET", body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 15.0) -> tuple[int, dict[str, str], bytes]:
    """One raw request, redirects not followed; header names lower-cased; header values as raw latin-1 text."""
    parts = urllib.parse.urlsplit(running.url(site))
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, urllib.parse.quote(path, safe="/?&=%"), body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def manifest(world: World) -> dict[str, Any]:
    return json.loads(world.manifest_path.read_text(encoding="utf-8"))


def planted(world: World, key: str) -> dict[str, Any]:
    return next(p["planted"][key] for p in manifest(world)["portals"] if key in p["planted"])


# --- families --------------------------------------------------------------------------------------------

def test_pds_cms_pages_look_like_pds_gov_cn(served_world: RunningWorld, world: World) -> None:
    doc = planted(world, "pds.I98.2024")
    assert re.fullmatch(r"/contents/\d+/\d+\.html", doc["url"])
    status, headers, body = request(served_world, "pds", doc["url"])
    text = body.decode("utf-8")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    for label in ("发文字号：", "索引号：", "发布日期：", "有效性：", "主题分类：", "体裁分类：", "服务对象："):
        assert label in text
    assert "成文日期" not in text and "2025年3月28日" in text          # the 成文 date is only the 落款
    assert re.search(r"005452065/2025-\d{5}", text)
    status, _, listing = request(served_world, "pds", "/channels/44507.html")
    assert status == 200 and "/channels/44507_2.html" in listing.decode()     # static pager


def test_trs_is_gbk_with_charset_only_in_meta_and_pages_only_via_createPageHTML(served_world: RunningWorld) -> None:
    status, headers, body = request(served_world, "yexian", "/wjk/index.html")
    assert status == 200 and headers["content-type"] == "text/html"          # no charset in the header
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert 'charset=gb2312"' in text
    m = re.search(r'createPageHTML\((\d+), 0, "index", "html"\)', text)
    assert m and int(m.group(1)) >= 3
    outside_scripts = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    assert "index_1.html" not in text and "index_1" not in outside_scripts   # no static link to page 2
    assert request(served_world, "yexian", "/wjk/index_1.html")[0] == 200
    assert request(served_world, "yexian", "/wjk/index_99.html")[0] == 404


def test_trs_article_has_pubdate_meta_and_gbk_only_characters(served_world: RunningWorld, world: World) -> None:
    doc = planted(world, "yexian.I98.2024")
    assert re.fullmatch(r"/zwgk/zdgkml/202503/t20250320_\d+\.html", doc["url"])
    text = request(served_world, "yexian", doc["url"])[2].decode("gbk")
    assert '<meta name="PubDate" content="2025-04-24 10:00" />' in text      # regenerated page …
    assert "发布时间：2025-03-20" in text                                      # … the visible date is the real one
    assert "二〇二五年三月十四日" in text                                       # Chinese-numeral 落款
    with pytest.raises(UnicodeDecodeError):                                     # 〇 is GBK, not GB2312
        request(served_world, "yexian", doc["url"])[2].decode("gb2312")


def test_hanweb_datastore_and_dataproxy(served_world: RunningWorld, world: World) -> None:
    col = next(c for c in next(p for p in manifest(world)["portals"] if p["id"] == "baofeng")["columns"]
               if c["slug"] == "zfwj")
    text = request(served_world, "baofeng", col["url"])[2].decode()
    assert '<script type="text/xml"><datastore>' in text
    records = re.findall(r"<record><!\[CDATA\[", text)
    total = int(re.search(r"totalRecord: (\d+)", text).group(1))
    assert len(records) == 45 < total
    unit = re.search(r"unitid: '(\d+)'", text).group(1)
    columnid = re.search(r"columnid: '(\d+)'", text).group(1)
    form = urllib.parse.urlencode({"col": 1, "appid": 1, "webid": 31, "path": "/", "columnid": columnid,
                                   "unitid": unit, "permissiontype": 0}).encode()
    status, headers, xml = request(served_world, "baofeng", "/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90"
                                   "&perpage=15", "POST", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and headers["content-type"].startswith("text/xml")
    more = re.findall(r'href="(/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html)"', xml.decode())
    assert more and not set(more) & set(re.findall(r'href="(/art/[^"]+)"', text))
    old = planted(world, "baofeng.I19.b")["url"]                               # 2016: only behind dataproxy
    rest = request(served_world, "baofeng", f"/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord={total}"
                   "&perpage=15", "POST", form, {"Content-Type": "application/x-www-form-urlencoded"})[2].decode()
    assert old in rest and old not in text


def test_gkmlpt_lists_only_through_the_api(served_world: RunningWorld, world: World) -> None:
    status, _, body = request(served_world, "weidong", "/gkmlpt/index")
    text = body.decode()
    assert status == 200 and "window._CONFIG" in text
    assert "/gkmlpt/content/" not in text and "post_" not in text              # no article link in static HTML
    config = json.loads(re.search(r"window\._CONFIG = (\{.*?\});", text).group(1))
    gfx = next(c for c in config["TREE"][0]["children"] if c["name"] == "行政规范性文件")
    first = json.loads(request(served_world, "weidong", f"/gkmlpt/api/all/{gfx['id']}?page=1&sid={config['SID']}")[2])
    second = json.loads(request(served_world, "weidong", f"/gkmlpt/api/all/{gfx['id']}?page=2&sid={config['SID']}")[2])
    assert first["total"] > 100 and len(first["articles"]) == 100 and second["articles"]
    assert first["articles"][0]["url"].startswith(served_world.urls["weidong"].rstrip("/") + "/gkmlpt/content/")
    assert json.loads(request(served_world, "weidong", f"/gkmlpt/api/all/{gfx['id']}?page=1&sid=1")[2])["total"] == 0
    art = request(served_world, "weidong", planted(world, "weidong.I98.2024")["url"])[2].decode()
    for label in ("索引号：", "分类：", "发布机构：", "成文日期：", "名称：", "文号：", "发布日期："):
        assert label in art


def test_js_only_portals_carry_no_list_or_article_links_in_static_html(served_world: RunningWorld,
                                                                       world: World) -> None:
    """The SPA's served bytes (shell, history routes, script) hold no links to lists or articles and no titles."""
    spa = next(p for p in manifest(world)["portals"] if p["id"] == "pds-sfj")
    some = list(spa["planted"].values())[:5]
    for path in ("/", "/index.html", "/column/gfxwj", some[0]["url"], "/static/js/app.js"):
        status, _, body = request(served_world, "pds-sfj", path)
        text = body.decode()
        assert status == 200
        assert not re.findall(r"<a\s", text) or path.endswith(".js"), path
        assert not re.search(r'href="/(article|column)/\w', text), path
        assert not any(d["title"] in text for d in some), path
    nav = json.loads(request(served_world, "pds-sfj", "/api/nav")[2])
    assert [c["slug"] for c in nav["columns"]][:2] == ["gzdt", "tzgg"]
    page = json.loads(request(served_world, "pds-sfj", "/api/columns/fzzfjs/articles?page=1&size=20")[2])
    assert {i["url"] for i in page["items"]} >= {planted(world, "pds-sfj.I98.2024")["url"]}
    art = json.loads(request(served_world, "pds-sfj", planted(world, "pds-sfj.I98.2024")["alt_urls"][0])[2])
    assert art["publishDate"].startswith("2025-03-31") and art["attachments"]


# --- HTTP contract ---------------------------------------------------------------------------------------

def test_conditional_requests_answer_304(served_world: RunningWorld, world: World) -> None:
    url = planted(world, "pds.I98.2023")["url"]
    status, headers, body = request(served_world, "pds", url)
    assert status == 200 and headers["etag"] and headers["last-modified"] == "Tue, 26 Mar 2024 01:30:00 GMT"
    assert request(served_world, "pds", url, headers={"If-None-Match": headers["etag"]})[:2][0] == 304
    assert request(served_world, "pds", url, headers={"If-Modified-Since": headers["last-modified"]})[0] == 304
    older = formatdate(time.mktime((2024, 3, 1, 0, 0, 0, 0, 0, 0)), usegmt=True)
    assert request(served_world, "pds", url, headers={"If-Modified-Since": older})[0] == 200
    assert request(served_world, "pds", url, headers={"If-None-Match": '"other"'})[0] == 200
    assert request(served_world, "pds", url, "HEAD")[2] == b""


def test_no_charset_anywhere_and_content_disposition(served_world: RunningWorld, world: World) -> None:
    status, headers, body = request(served_world, "pds", planted(world, "pds.GZ.13")["url"])
    assert headers["content-type"] == "text/html" and b"charset" not in body and "规章制定程序" in body.decode()
    draft = planted(world, "pds.GZ.15.draft1")
    doc_att = next(a for a in draft["attachments"] if a["kind"] == "doc")
    status, headers, body = request(served_world, "pds", doc_att["url"])
    assert headers["content-type"] == "application/msword"
    raw = headers["content-disposition"].encode("latin-1")                    # raw GBK bytes on the wire
    assert raw == b'attachment; filename="' + "起草说明.doc".encode("gbk") + b'"'
    report = planted(world, "baofeng.I98.2024")["attachments"][0]
    headers = request(served_world, "baofeng", report["url"])[1]
    assert headers["content-disposition"].startswith("attachment; filename*=UTF-8''")
    assert urllib.parse.unquote(headers["content-disposition"].split("''", 1)[1]) == report["name"]


# --- faults ------------------------------------------------------------------------------------------------

def test_column_answers_503(served_world: RunningWorld, world: World) -> None:
    status, headers, _ = request(served_world, "yexian", "/zwgk/yfxz/index.html")
    assert status == 503 and headers["retry-after"] == "120"
    assert request(served_world, "yexian", planted(world, "yexian.I98.2025")["url"])[0] == 503


def test_redirect_chain_loop_and_404(served_world: RunningWorld, world: World) -> None:
    doc = planted(world, "pds.I79.b")
    status, headers, _ = request(served_world, "pds", doc["alt_urls"][0])
    assert status == 301
    status, headers2, _ = request(served_world, "pds", headers["location"])
    assert status == 302 and headers2["location"] == doc["url"]
    assert request(served_world, "pds", doc["url"])[0] == 200
    status, headers, _ = request(served_world, "pds", "/channels/9999.html")
    assert status == 302
    status, headers, _ = request(served_world, "pds", headers["location"])
    assert status == 302 and headers["location"] == "/channels/9999.html"
    listing = request(served_world, "pds", "/channels/44507.html")[2].decode()
    dead = re.search(r'href="(/contents/44507/199999\.html)"', listing).group(1)
    assert request(served_world, "pds", dead)[0] == 404


def test_slow_page(served_world: RunningWorld, world: World) -> None:
    t0 = time.perf_counter()
    assert request(served_world, "pds", planted(world, "pds.I90.c.2025")["url"])[0] == 200
    assert time.perf_counter() - t0 >= 2.5


def test_robots_calendar_and_link_flood(served_world: RunningWorld, world: World) -> None:
    robots = request(served_world, "pds", "/robots.txt")[2].decode()
    assert "Disallow: /private/" in robots and "Disallow: /search" in robots
    private = planted(world, "pds.I82.a.private")
    assert private["url"].startswith("/private/") and request(served_world, "pds", private["url"])[0] == 200
    path = "/hdrl/?month=2026-11"
    for _ in range(30):                                                         # forward forever …
        text = request(served_world, "pds", path)[2].decode()
        path = re.search(r'href="(/hdrl/\?month=\d{4}-\d{2})">下个月', text).group(1)
    assert path == "/hdrl/?month=2029-05"
    hot = request(served_world, "pds", "/rdc/index.html")[2].decode()
    assert hot.count('href="/search?q=') == 10_000
    assert "0 条结果" in request(served_world, "pds", "/search?q=x")[2].decode()


def test_waf_and_dead_sites(served_world: RunningWorld) -> None:
    for path in ("/", "/robots.txt", "/zwgk/index.html"):
        status, headers, body = request(served_world, "wugang", path)
        assert status == 200 and "访问验证" in body.decode() and "set-cookie" in headers
    parts = urllib.parse.urlsplit(served_world.urls["jiaxian"])
    with pytest.raises(ConnectionRefusedError), socket.create_connection((parts.hostname, parts.port), timeout=5):
        pass


# --- config and fixes ----------------------------------------------------------------------------------------

def test_write_config_is_a_valid_sites_toml(served_world: RunningWorld, tmp_path: Any) -> None:
    path = served_world.write_config(tmp_path / "sites.toml", max_pages_per_site=1234, timeout_seconds=10.0)
    cfg = load_config(path)
    assert [s.id for s in cfg.sites] == ["pds", "yexian", "baofeng", "weidong", "pds-sfj", "jiaxian", "wugang"]
    assert cfg.crawl.allow_private_networks and cfg.crawl.delay_seconds == 0 and cfg.crawl.concurrency_per_site == 8
    assert cfg.crawl.max_pages_per_site == 1234 and str(cfg.audit.as_of) == "2026-11-20"
    assert str(cfg.audit.cycle_start) == "2024-01-01" and cfg.site("pds-sfj").level == "department"
    assert all(s.url == served_world.urls[s.id] for s in cfg.sites)


def test_fixes_apply_and_revert(served_world: RunningWorld, world: World) -> None:
    spokes = planted(world, "pds.I82.a.fix")
    xw = next(c for c in next(p for p in manifest(world)["portals"] if p["id"] == "pds")["columns"]
              if c["slug"] == "xwfbh")
    assert request(served_world, "pds", spokes["url"])[0] == 404
    served_world.apply_fix("pds-spokesperson")
    try:
        assert request(served_world, "pds", spokes["url"])[0] == 200
        assert spokes["url"] in request(served_world, "pds", xw["url"])[2].decode()
        served_world.apply_fix("yexian-fz-restored")
        assert request(served_world, "yexian", "/zwgk/yfxz/index.html")[0] == 200
        assert request(served_world, "yexian", planted(world, "yexian.I98.2025")["url"])[0] == 200
    finally:
        served_world.revert_fix("yexian-fz-restored")
        served_world.revert_fix("pds-spokesperson")
    assert request(served_world, "pds", spokes["url"])[0] == 404
    assert request(served_world, "yexian", "/zwgk/yfxz/index.html")[0] == 503
    with pytest.raises(ValueError):
        served_world.apply_fix("no-such-fix")
