"""Guangdong-style 政府信息公开目录管理平台 (gkmlpt) behind an ordinary static portal.

The portal's own columns are static (index.html, index_2.html … with plain links). The 政府信息公开 part is
/gkmlpt/index: a page whose `window._CONFIG` holds the SID and the category TREE but no article links;
lists exist only as JSON from /gkmlpt/api/all/<category>?page=N&sid=<SID> (100 per page, absolute URLs).
Article pages are static: /gkmlpt/content/<a>/<b>/post_<id>.html with the 索引号/分类/发布机构/成文日期/
名称/文号/发布日期 table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from govaudit.world import attachments
from govaudit.world.families.base import (
    RenderContext,
    Resource,
    at,
    attachment_resources,
    body_html,
    esc,
    pages,
    ymd,
)
from govaudit.world.model import Column, Doc, PortalSpec

PAGE = 20            # static columns
API_PAGE = 100       # gkmlpt API
GKMLPT_CODES = ("GK", "WJ", "GFX", "GZ", "JC", "JD", "ZF", "QZ", "SF", "XY", "CG", "FZ", "FY", "YJ", "JG")
CST = dt.timezone(dt.timedelta(hours=8))

GKMLPT_JS = r"""(function(){
  var cfg = window._CONFIG, box = document.getElementById('gkml-list');
  function load(cat, page){
    fetch('/gkmlpt/api/all/' + cat + '?page=' + page + '&sid=' + cfg.SID)
      .then(function(r){ return r.json(); })
      .then(function(d){
        var h = '<ul>';
        d.articles.forEach(function(a){
          var t = new Date(a.display_publish_time * 1000);
          h += '<li><a href="' + a.url + '" target="_blank">' + a.title + '</a><span>' + t.toISOString().slice(0, 10) + '</span></li>';
        });
        h += '</ul><div class="pager">共' + d.total + '条 ';
        var n = Math.ceil(d.total / 100);
        for(var i = 1; i <= n; i++){ h += '<a href="javascript:;" data-p="' + i + '">' + i + '</a> '; }
        box.innerHTML = h + '</div>';
        Array.prototype.forEach.call(box.querySelectorAll('a[data-p]'), function(a){ a.onclick = function(){ load(cat, +a.getAttribute('data-p')); }; });
      });
  }
  function route(){ load(location.hash.slice(1) || '0', 1); }
  window.addEventListener('hashchange', route);
  route();
})();
"""


def is_gkml(col: Column) -> bool:
    return col.code.split(".")[0] in GKMLPT_CODES


def epoch(day: dt.date, time: str = "09:30") -> int:
    return int(at(day, time).replace(tzinfo=CST).timestamp())


class Gkmlpt:
    name = "gkmlpt"

    def sid(self, portal: PortalSpec) -> str:
        return portal.jurisdiction_id or "757001"

    def cat_id(self, portal: PortalSpec, slug: str) -> int:
        return 2000 + [c.slug for c in portal.columns].index(slug) * 3 + 1

    def static_url(self, portal: PortalSpec, slug: str, page: int = 1) -> str:
        return f"/{slug}/index.html" if page == 1 else f"/{slug}/index_{page}.html"

    def col_link(self, portal: PortalSpec, col: Column) -> str:
        return f"/gkmlpt/index#{self.cat_id(portal, col.slug)}" if is_gkml(col) else self.static_url(portal, col.slug)

    def assign(self, portal: PortalSpec) -> None:
        for doc in portal.docs:
            col = portal.column(doc.column)
            if is_gkml(col):
                doc.url = f"/gkmlpt/content/{doc.id // 1000000}/{doc.id // 1000}/post_{doc.id}.html"
            else:
                doc.url = f"/{col.slug}/content/post_{doc.id}.html"

    def att_urls(self, doc: Doc) -> list[str]:
        return [f"/attachment/0/{doc.id // 1000}/{doc.id}/{doc.id}{i + 1}.{attachments.EXT[a.kind]}"
                for i, a in enumerate(doc.attachments)]

    def page(self, portal: PortalSpec, title: str, main: str, head: str = "") -> bytes:
        nav = "".join(f'<li><a href="{self.col_link(portal, c)}">{esc(c.name)}</a></li>'
                      for c in portal.columns if not c.parent and c.nav)
        out = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="{esc(portal.name)}">
<meta name="SiteDomain" content="www.weidong.gov.cn">
<meta name="SiteIDCode" content="4104030001">
{head}<title>{esc(title)}</title>
<link rel="stylesheet" href="/css/index.css">
</head><body>
<div class="header"><a href="/"><img src="/images/logo.png" alt="{esc(portal.name)}"></a></div>
<div class="nav"><ul><li><a href="/">首页</a></li>{nav}<li><a href="/gkmlpt/index">政府信息公开</a></li></ul></div>
<div class="main">
{main}
</div>
<div class="footer"><p>主办：{esc(portal.name)}办公室　网站标识码：4104030001　豫ICP备14004133号</p></div>
</body></html>
"""
        return out.encode("utf-8")

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        blocks = []
        for col in portal.columns:
            if col.parent or not col.nav:
                continue
            lis = ""
            if not is_gkml(col):
                lis = "".join(f'<li><a href="{d.url}">{esc(d.title)}</a><span>{ymd(d.publish)}</span></li>'
                              for d in portal.docs_in(col.slug, ctx.fix)[:6])
            subs = "".join(f'<a href="{self.col_link(portal, k)}">{esc(k.name)}</a> ' for k in portal.children(col.slug))
            blocks.append(f'<div class="box"><h3><a href="{self.col_link(portal, col)}">{esc(col.name)}</a>'
                          f'<span>{subs}</span></h3><ul>{lis}</ul></div>')
        home = self.page(portal, portal.name, "\n".join(blocks))
        yield Resource("/", home, mtime=at(ctx.as_of))
        yield Resource("/index.html", home, mtime=at(ctx.as_of))
        yield from self.platform(portal, ctx)
        for col in portal.columns:
            if not is_gkml(col):
                yield from self.static_column(portal, col, ctx)
        for doc in portal.docs:
            if doc.fix and doc.fix != ctx.fix:
                continue
            yield from self.article(portal, doc)
        yield Resource("/images/logo.png", attachments.png_scan("logo", 160, 48), "image/png")
        yield Resource("/css/index.css", b"body{margin:0}\n", "text/css")

    def platform(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        def tree(parent: str) -> list[dict[str, object]]:
            return [{"id": self.cat_id(portal, c.slug), "name": c.name, "children": tree(c.slug)}
                    for c in portal.columns if c.parent == parent and is_gkml(c)]

        roots = [c for c in portal.columns if is_gkml(c) and (not c.parent or not is_gkml(portal.column(c.parent)))]
        top = [{"id": self.cat_id(portal, c.slug), "name": c.name, "children": tree(c.slug)} for c in roots]
        config = json.dumps({"SID": self.sid(portal), "TREE": top}, ensure_ascii=False)
        main = f"""<div class="gkml"><div class="gkml-tree" id="gkml-tree"></div><div class="gkml-list" id="gkml-list">加载中……</div></div>
<script>window._CONFIG = {config};</script>
<script src="/gkmlpt/static/gkmlpt.js"></script>"""
        yield Resource("/gkmlpt/index", self.page(portal, f"政府信息公开_{portal.name}", main), "text/html; charset=utf-8")
        yield Resource("/gkmlpt/static/gkmlpt.js", GKMLPT_JS.encode(), "application/javascript")
        data: dict[str, object] = {"sid": self.sid(portal), "cats": {}, "articles": {}}
        cats: dict[str, object] = {}
        arts: dict[str, list[dict[str, object]]] = {}
        for col in portal.columns:
            if not is_gkml(col):
                continue
            cid = str(self.cat_id(portal, col.slug))
            cats[cid] = {"name": col.name, "parent": self.cat_id(portal, col.parent) if col.parent else 0}
            arts[cid] = [self.article_json(d) for d in portal.docs_in(col.slug, ctx.fix)]
        data["cats"], data["articles"] = cats, arts
        yield Resource("@data/gkmlpt.json", json.dumps(data, ensure_ascii=False).encode())

    def article_json(self, doc: Doc) -> dict[str, object]:
        listed = doc.list_date or doc.publish
        return {"id": doc.id, "title": doc.title, "url": doc.url, "post_url": doc.url, "publisher": doc.publisher,
                "document_number": doc.doc_number, "identifier": doc.index_no,
                "display_publish_time": epoch(listed, doc.time), "first_publish_time": epoch(listed, doc.time),
                "create_time": epoch(doc.written or doc.publish, "09:00"),
                "date": epoch(doc.written, "00:00") if doc.written else 0}

    def static_column(self, portal: PortalSpec, col: Column, ctx: RenderContext) -> Iterator[Resource]:
        docs = portal.docs_in(col.slug, ctx.fix)
        chunks = pages(docs, PAGE)
        for n, chunk in enumerate(chunks, start=1):
            lis = "".join(f'<li><a href="{d.url}" target="_blank">{esc(d.title)}</a><span>{ymd(d.list_date or d.publish)}'
                          "</span></li>" for d in chunk)
            nav = []
            if n > 1:
                nav.append(f'<a href="{self.static_url(portal, col.slug, n - 1)}">上一页</a>')
            if n < len(chunks):
                nav.append(f'<a href="{self.static_url(portal, col.slug, n + 1)}">下一页</a>')
            main = (f'<div class="position">当前位置：<a href="/">首页</a> &gt; {esc(col.name)}</div>'
                    f'<h2>{esc(col.name)}</h2><ul class="news-list">{lis}</ul><div class="page">{" ".join(nav)}</div>')
            newest = max((d.publish for d in chunk), default=ctx.as_of)
            yield Resource(self.static_url(portal, col.slug, n), self.page(portal, col.name, main), mtime=at(newest))

    def article(self, portal: PortalSpec, doc: Doc) -> Iterator[Resource]:
        col = portal.column(doc.column)
        urls = self.att_urls(doc)
        atts = "".join(f'<li><a href="{u}">{esc(a.name)}</a></li>' for a, u in zip(doc.attachments, urls, strict=True))
        atts_html = f'<div class="attachment"><p>附件：</p><ul>{atts}</ul></div>' if atts else ""
        if is_gkml(col):
            written = ymd(doc.written) if doc.written else ""
            main = f"""<div class="classify"><table class="table-info">
<tr><td class="first">索引号：</td><td>{esc(doc.index_no)}</td><td class="first">分类：</td><td>{esc(col.name)}</td></tr>
<tr><td class="first">发布机构：</td><td>{esc(doc.publisher)}</td><td class="first">成文日期：</td><td>{written}</td></tr>
<tr><td class="first">名称：</td><td colspan="3">{esc(doc.title)}</td></tr>
<tr><td class="first">文号：</td><td>{esc(doc.doc_number)}</td><td class="first">发布日期：</td><td>{ymd(doc.publish)}</td></tr>
</table></div>
<div class="content"><h1 class="title">{esc(doc.title)}</h1>
<div class="article-content">
{body_html(doc)}
</div>{atts_html}</div>"""
        else:
            main = f"""<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="{self.static_url(portal, col.slug)}">{esc(col.name)}</a></div>
<div class="article"><h1>{esc(doc.title)}</h1><div class="info">发布时间：{ymd(doc.publish)} {doc.time}　来源：{esc(doc.publisher)}</div>
<div class="article-content">
{body_html(doc)}
</div>{atts_html}</div>"""
        head = f'<meta name="ArticleTitle" content="{esc(doc.title)}">\n<meta name="PubDate" content="{ymd(doc.publish)} {doc.time}">\n'
        yield Resource(doc.url, self.page(portal, doc.title, main, head), mtime=at(doc.publish, doc.time))
        yield from attachment_resources(doc, urls)


def handle(rt, req):  # noqa: ANN001 - server runtime objects (see server.py)
    """GET /gkmlpt/api/all/<category>?page=N&sid=SID → {"total", "articles": [...]} with absolute URLs."""
    prefix = "/gkmlpt/api/all/"
    if not req.path.startswith(prefix):
        return None
    data = rt.data_json("gkmlpt.json")
    cat = req.path[len(prefix):].strip("/")
    sid = req.query.get("sid", [""])[-1]
    if sid != data["sid"]:
        return rt.json(200, {"total": 0, "articles": [], "msg": "sid error"})
    if cat == "0":
        items = sorted((a for lst in data["articles"].values() for a in lst),
                       key=lambda a: (-a["display_publish_time"], -a["id"]))
    elif cat in data["articles"]:
        items = data["articles"][cat]
    else:
        return rt.json(404, {"total": 0, "articles": [], "msg": "classify not found"})
    try:
        page = max(1, int(req.query.get("page", ["1"])[-1] or 1))
    except ValueError:
        page = 1
    chunk = items[(page - 1) * API_PAGE: page * API_PAGE]
    base = f"http://{req.host}"
    arts = [{**a, "url": base + a["url"], "post_url": base + a["post_url"]} for a in chunk]
    classify = {"id": int(cat), "name": data["cats"].get(cat, {}).get("name", "全部")}
    return rt.json(200, {"classify": classify, "total": len(items), "page": page, "articles": arts})
