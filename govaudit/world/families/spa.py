"""A JSON-API single-page app (a Vue-style department site): the static HTML is an empty shell and a script;
columns and articles exist only after JavaScript runs fetch('/api/…'). History-mode routes (/column/<slug>,
/article/<id>) answer the same shell, as real SPA servers do with a fallback route."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from govaudit.world import attachments
from govaudit.world.families.base import RenderContext, Resource, at, attachment_resources, body_html, ymd
from govaudit.world.model import Doc, PortalSpec

SHELL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{name}</title>
<link rel="stylesheet" href="/static/css/app.css">
</head><body>
<noscript>本网站需要启用JavaScript才能正常浏览，请开启浏览器的JavaScript功能。</noscript>
<div id="app"></div>
<script src="/static/js/app.js"></script>
</body></html>
"""

APP_JS = r"""(function(){
  var app = document.getElementById('app'), nav = null;
  function get(u){ return fetch(u, {headers: {'Accept': 'application/json'}}).then(function(r){ return r.json(); }); }
  function esc(s){ return String(s == null ? '' : s).replace(/[&<>"]/g, function(c){ return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]; }); }
  function menu(cols){ return '<ul>' + cols.map(function(c){ return '<li><a href="/column/' + c.slug + '">' + esc(c.name) + '</a>' + (c.children.length ? menu(c.children) : '') + '</li>'; }).join('') + '</ul>'; }
  function frame(inner){
    app.innerHTML = '<header><h1><a href="/">' + esc(nav.site.name) + '</a></h1></header><nav>' + menu(nav.columns) + '</nav><main>' + inner + '</main>' +
      '<footer>主办：' + esc(nav.site.name) + '　网站标识码：' + esc(nav.site.code) + '</footer>';
  }
  function items(list){ return '<ul class="list">' + list.map(function(a){ return '<li><a href="' + a.url + '">' + esc(a.title) + '</a><span>' + esc(a.publishDate) + '</span></li>'; }).join('') + '</ul>'; }
  function home(){
    frame('<div id="blocks"></div>');
    nav.columns.forEach(function(c){
      get('/api/columns/' + c.slug + '/articles?page=1&size=5').then(function(d){
        document.getElementById('blocks').insertAdjacentHTML('beforeend', '<section><h2><a href="/column/' + c.slug + '">' + esc(c.name) + '</a></h2>' + items(d.items) + '</section>');
      });
    });
  }
  function column(slug, page){
    get('/api/columns/' + slug + '/articles?page=' + page + '&size=20').then(function(d){
      var pages = Math.ceil(d.total / d.size), pager = '';
      if(page > 1) pager += '<a href="/column/' + slug + '?page=' + (page - 1) + '">上一页</a> ';
      if(page < pages) pager += '<a href="/column/' + slug + '?page=' + (page + 1) + '">下一页</a>';
      frame('<h2>' + esc(d.column.name) + '</h2>' + items(d.items) + '<div class="pager">共' + d.total + '条 ' + pager + '</div>');
    });
  }
  function article(id){
    get('/api/articles/' + id).then(function(a){
      var meta = '<table class="meta"><tr><td>索引号：</td><td>' + esc(a.indexNo) + '</td><td>发布机构：</td><td>' + esc(a.source) + '</td></tr>' +
        '<tr><td>文号：</td><td>' + esc(a.docNumber) + '</td><td>成文日期：</td><td>' + esc(a.writtenDate) + '</td></tr></table>';
      var files = a.attachments.map(function(f){ return '<li><a href="' + f.url + '" download>' + esc(f.name) + '</a></li>'; }).join('');
      frame(meta + '<article><h1>' + esc(a.title) + '</h1><p class="info">发布时间：' + esc(a.publishDate) + '　来源：' + esc(a.source) + '</p>' +
        '<div class="content">' + a.content + '</div>' + (files ? '<div class="files">附件：<ul>' + files + '</ul></div>' : '') + '</article>');
    });
  }
  function route(){
    var p = location.pathname, m;
    if((m = p.match(/^\/article\/(\d+)/))) return article(m[1]);
    if((m = p.match(/^\/column\/([\w-]+)/))) return column(m[1], +(new URLSearchParams(location.search).get('page') || 1));
    home();
  }
  document.addEventListener('click', function(e){
    var a = e.target.closest ? e.target.closest('a') : null, h = a && a.getAttribute('href');
    if(h && h.charAt(0) == '/' && !a.hasAttribute('download')){ e.preventDefault(); history.pushState(null, '', h); route(); }
  });
  window.addEventListener('popstate', route);
  get('/api/nav').then(function(n){ nav = n; route(); });
})();
"""


class Spa:
    name = "spa"

    def assign(self, portal: PortalSpec) -> None:
        for doc in portal.docs:
            doc.url = f"/article/{doc.id}"
            doc.alt_urls = (f"/api/articles/{doc.id}",)

    def att_urls(self, doc: Doc) -> list[str]:
        return [f"/files/{doc.publish.year}/{doc.id}_{i + 1}.{attachments.EXT[a.kind]}"
                for i, a in enumerate(doc.attachments)]

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        shell = SHELL.format(name=portal.name).encode("utf-8")
        yield Resource("/", shell, mtime=at(ctx.as_of))
        yield Resource("/index.html", shell, mtime=at(ctx.as_of))
        yield Resource("/static/js/app.js", APP_JS.encode(), "application/javascript", mtime=at(ctx.as_of))
        yield Resource("/static/css/app.css", b"body{margin:0}main{padding:16px}\n", "text/css")

        def tree(parent: str) -> list[dict[str, object]]:
            return [{"slug": c.slug, "name": c.name, "children": tree(c.slug)}
                    for c in portal.columns if c.parent == parent and c.nav]

        articles: dict[str, dict[str, object]] = {}
        lists: dict[str, list[int]] = {}
        for col in portal.columns:
            docs = portal.docs_in(col.slug, ctx.fix)
            lists[col.slug] = [d.id for d in docs]
            for d in docs:
                urls = self.att_urls(d)
                articles[str(d.id)] = {
                    "id": d.id, "title": d.title, "column": col.slug, "columnName": col.name,
                    "publishDate": f"{ymd(d.publish)} {d.time}", "listDate": ymd(d.list_date or d.publish),
                    "source": d.publisher, "docNumber": d.doc_number, "indexNo": d.index_no,
                    "writtenDate": ymd(d.written) if d.written else "", "validity": d.validity,
                    "content": body_html(d),
                    "attachments": [{"name": a.name, "url": u} for a, u in zip(d.attachments, urls, strict=True)],
                }
                yield from attachment_resources(d, urls)
        juris = portal.juris
        data = {"site": {"name": portal.name, "code": "4104000012", "jurisdiction": juris.name if juris else ""},
                "columns": tree(""), "names": {c.slug: c.name for c in portal.columns},
                "lists": lists, "articles": articles}
        yield Resource("@data/spa.json", json.dumps(data, ensure_ascii=False).encode())


_COLUMN_API = re.compile(r"^/api/columns/([\w-]+)/articles/?$")
_ARTICLE_API = re.compile(r"^/api/articles/(\d+)/?$")


def handle(rt, req):  # noqa: ANN001 - server runtime objects (see server.py)
    path = req.path
    if path.startswith("/column/") or path.startswith("/article/"):
        # history-mode fallback: every route answers the same empty shell
        return rt.static("/index.html")
    if not path.startswith("/api/"):
        return None
    data = rt.data_json("spa.json")
    if path == "/api/nav":
        return rt.json(200, {"site": data["site"], "columns": data["columns"]})
    m = _COLUMN_API.match(path)
    if m:
        slug = m.group(1)
        if slug not in data["lists"]:
            return rt.json(404, {"code": 404, "msg": "栏目不存在"})
        q = req.query
        try:
            page = max(1, int(q.get("page", ["1"])[-1]))
            size = min(100, max(1, int(q.get("size", ["20"])[-1])))
        except ValueError:
            return rt.json(400, {"code": 400, "msg": "参数错误"})
        ids = data["lists"][slug]
        chunk = ids[(page - 1) * size: page * size]
        items = [{"id": i, "title": data["articles"][str(i)]["title"], "url": f"/article/{i}",
                  "publishDate": data["articles"][str(i)]["listDate"]} for i in chunk]
        return rt.json(200, {"code": 200, "column": {"slug": slug, "name": data["names"][slug]}, "total": len(ids),
                             "page": page, "size": size, "items": items})
    m = _ARTICLE_API.match(path)
    if m:
        art = data["articles"].get(m.group(1))
        if art is None:
            return rt.json(404, {"code": 404, "msg": "文章不存在"})
        return rt.json(200, art)
    return rt.json(404, {"code": 404, "msg": "接口不存在"})
