"""Hanweb/大汉 JCMS: /col/colN/index.html lists carrying their first records inside a
<script type="text/xml"><datastore> block; further records only by POST /module/web/jpage/dataproxy.jsp
(startrecord/endrecord/perpage + columnid/unitid form); articles at /art/YYYY/M/D/art_N_ID.html;
attachments behind /module/download/downfile.jsp?classid=0&filename=… (a query-string download)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs

from govaudit.world import attachments
from govaudit.world.families.base import (
    RenderContext,
    Resource,
    at,
    attachment_resources,
    body_html,
    esc,
    is_xxgk,
    short_hash,
    ymd,
)
from govaudit.world.model import Column, Doc, PortalSpec

PER_PAGE = 15
GROUP = 3
STATIC_RECORDS = PER_PAGE * GROUP      # records shipped inside the static page
WEBID = 31
PROXY = "/module/web/jpage/dataproxy.jsp"

JPAGE_JS = r"""/* minimal jpage: renders the datastore, pages locally, asks dataproxy.jsp for more */
function jpage(o){
  var box = document.getElementById(o.id), recs = [], xml = box.querySelector('script[type="text/xml"]').textContent;
  xml.replace(/<record><!\[CDATA\[([\s\S]*?)\]\]><\/record>/g, function(m, r){ recs.push(r); });
  function show(p){
    var need = p * o.perPage;
    if(need > recs.length && recs.length < o.totalRecord){
      var s = recs.length + 1, e = Math.min(recs.length + o.perPage * o.groupSize, o.totalRecord);
      var body = Object.keys(o.ajaxParam).map(function(k){ return k + '=' + encodeURIComponent(o.ajaxParam[k]); }).join('&');
      fetch(o.proxyUrl + '?startrecord=' + s + '&endrecord=' + e + '&perpage=' + o.perPage,
            {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: body})
        .then(function(r){ return r.text(); })
        .then(function(t){ t.replace(/<record><!\[CDATA\[([\s\S]*?)\]\]><\/record>/g, function(m, r){ recs.push(r); }); show(p); });
      return;
    }
    var pages = Math.ceil(o.totalRecord / o.perPage), html = o.dataBefore + recs.slice((p - 1) * o.perPage, p * o.perPage).join('') + o.dataAfter;
    html += '<div class="pager">共' + o.totalRecord + '条 ' + p + '/' + pages + '页 ';
    if(p > 1) html += '<a href="javascript:;" data-p="' + (p - 1) + '">上一页</a> ';
    if(p < pages) html += '<a href="javascript:;" data-p="' + (p + 1) + '">下一页</a>';
    html += '</div>';
    var out = document.getElementById(o.id + '_list'); out.innerHTML = html;
    Array.prototype.forEach.call(out.querySelectorAll('a[data-p]'), function(a){ a.onclick = function(){ show(+a.getAttribute('data-p')); }; });
  }
  show(1);
}
"""


class Hanweb:
    name = "hanweb"

    def col_id(self, portal: PortalSpec, slug: str) -> int:
        return 1300 + [c.slug for c in portal.columns].index(slug) * 11 + 3

    def col_url(self, portal: PortalSpec, slug: str) -> str:
        return f"/col/col{self.col_id(portal, slug)}/index.html"

    def unit_id(self, portal: PortalSpec, slug: str) -> int:
        return 254000 + self.col_id(portal, slug)

    def assign(self, portal: PortalSpec) -> None:
        for doc in portal.docs:
            p = doc.publish
            doc.url = f"/art/{p.year}/{p.month}/{p.day}/art_{self.col_id(portal, doc.column)}_{doc.id}.html"

    def att_urls(self, doc: Doc) -> list[str]:
        return [f"/module/download/downfile.jsp?classid=0&filename={short_hash(doc.id, i, n=20)}."
                f"{attachments.EXT[a.kind]}" for i, a in enumerate(doc.attachments)]

    def record(self, doc: Doc) -> str:
        day = doc.list_date or doc.publish
        return (f'<li><a href="{doc.url}" target="_blank" title="{esc(doc.title)}">{esc(doc.title)}</a>'
                f"<span>{ymd(day)}</span></li>")

    def page(self, portal: PortalSpec, title: str, main: str, head: str = "") -> bytes:
        nav = "".join(f'<li><a href="{self.col_url(portal, c.slug)}">{esc(c.name)}</a></li>'
                      for c in portal.columns if not c.parent and c.nav)
        out = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="SiteName" content="{esc(portal.name)}">
<meta name="SiteDomain" content="www.baofeng.gov.cn">
<meta name="SiteIDCode" content="4104210001">
{head}<title>{esc(title)}</title>
<link rel="stylesheet" href="/images/public.css">
<script src="/module/web/jpage/jpage.js"></script>
</head><body>
<div class="header"><div class="logo"><a href="/index.html"><img src="/images/logo.png" alt="{esc(portal.name)}"></a></div>
<div class="nav"><ul><li><a href="/index.html">首页</a></li>{nav}</ul></div></div>
<div class="w1200">
{main}
</div>
<div class="footer"><p>主办单位：{esc(portal.name)}　网站标识码：4104210001　豫ICP备10011542号</p><p>技术支持：南京大汉网络有限公司</p></div>
</body></html>
"""
        return out.encode("utf-8")

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        blocks = []
        for col in portal.columns:
            if col.parent or not col.nav:
                continue
            docs = portal.docs_in(col.slug, ctx.fix)[:6]
            kids = "".join(f'<a href="{self.col_url(portal, k.slug)}">{esc(k.name)}</a> ' for k in portal.children(col.slug))
            blocks.append(f'<div class="bk"><h3><a href="{self.col_url(portal, col.slug)}">{esc(col.name)}</a>'
                          f'<span>{kids}</span></h3><ul>{"".join(self.record(d) for d in docs)}</ul></div>')
        home = self.page(portal, portal.name, "\n".join(blocks))
        yield Resource("/", home, mtime=at(ctx.as_of))
        yield Resource("/index.html", home, mtime=at(ctx.as_of))
        data: dict[str, list[str]] = {}
        for col in portal.columns:
            docs = portal.docs_in(col.slug, ctx.fix)
            data[str(self.col_id(portal, col.slug))] = [self.record(d) for d in docs]
            yield self.column(portal, col, docs, ctx)
        for doc in portal.docs:
            if doc.fix and doc.fix != ctx.fix:
                continue
            yield from self.article(portal, doc)
        yield Resource("@data/hanweb.json", json.dumps(data, ensure_ascii=False).encode())
        yield Resource("/images/logo.png", attachments.png_scan("logo", 160, 48), "image/png")
        yield Resource("/module/web/jpage/jpage.js", JPAGE_JS.encode(), "application/javascript")
        yield Resource("/images/public.css", b"body{margin:0}\n", "text/css")

    def column(self, portal: PortalSpec, col: Column, docs: list[Doc], ctx: RenderContext) -> Resource:
        cid, unit = self.col_id(portal, col.slug), self.unit_id(portal, col.slug)
        kids = portal.children(col.slug)
        side = "".join(f'<li><a href="{self.col_url(portal, k.slug)}">{esc(k.name)}</a></li>' for k in kids)
        records = "\n".join(f"<record><![CDATA[\n{self.record(d)}\n]]></record>" for d in docs[:STATIC_RECORDS])
        webname = portal.name
        nextgroup = (f'<a href="{PROXY}?page=1&appid=1&webid={WEBID}&path=/&columnid={cid}&unitid={unit}'
                     f'&webname={webname}&permissiontype=0"></a>')
        listing = f"""<div id="{unit}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[{nextgroup}]]></nextgroup>
<recordset>
{records}
</recordset>
</datastore></script>
<div id="{unit}_list"></div>
<script type="text/javascript">
jpage({{id: '{unit}', dataBefore: '<ul class="list">', dataAfter: '</ul>', perPage: {PER_PAGE}, groupSize: {GROUP},
  proxyUrl: '{PROXY}', totalRecord: {len(docs)},
  ajaxParam: {{col: '1', appid: '1', webid: '{WEBID}', path: '/', columnid: '{cid}', sourceContentType: '1', unitid: '{unit}', webname: '{webname}', permissiontype: '0'}}}});
</script></div>"""
        crumb = f'<div class="dqwz">当前位置：<a href="/index.html">首页</a> &gt; <span>{esc(col.name)}</span></div>'
        main = f'{crumb}<div class="lm-left"><ul>{side}</ul></div><div class="lm-right"><h2>{esc(col.name)}</h2>{listing}</div>'
        newest = max((d.publish for d in docs), default=ctx.as_of)
        return Resource(self.col_url(portal, col.slug), self.page(portal, col.name, main), mtime=at(newest))

    def article(self, portal: PortalSpec, doc: Doc) -> Iterator[Resource]:
        col = portal.column(doc.column)
        table = ""
        if is_xxgk(col.code):
            written = ymd(doc.written) if doc.written else ""
            # 齐齐哈尔-style labels: 发文日期 is the written date, 上载日期 the publication date
            table = f"""<div class="xxgk"><table>
<tr><td>索引号：</td><td>{esc(doc.index_no)}</td><td>主题分类：</td><td>{esc(doc.topic)}</td></tr>
<tr><td>发布机构：</td><td>{esc(doc.publisher)}</td><td>发文日期：</td><td>{written}</td></tr>
<tr><td>文号：</td><td>{esc(doc.doc_number)}</td><td>上载日期：</td><td>{ymd(doc.publish)}</td></tr>
<tr><td>有效性：</td><td colspan="3">{esc(doc.validity)}</td></tr></table></div>"""
        urls = self.att_urls(doc)
        atts = "".join(f'<p><a href="{esc(u)}">{esc(a.name)}</a></p>' for a, u in zip(doc.attachments, urls, strict=True))
        main = f"""<div class="dqwz">当前位置：<a href="/index.html">首页</a> &gt; <a href="{self.col_url(portal, doc.column)}">{esc(col.name)}</a></div>
{table}
<div class="article"><div class="title">{esc(doc.title)}</div>
<div class="sub"><span>发布日期：{ymd(doc.publish)}</span>　<span>信息来源：{esc(doc.publisher)}</span>　<span>浏览次数：<span id="c"></span></span></div>
<div class="bt-content" id="zoom">
{body_html(doc)}
</div>
{('<div class="fj">附件：' + atts + '</div>') if atts else ''}
</div>"""
        head = (f'<meta name="ArticleTitle" content="{esc(doc.title)}">\n'
                f'<meta name="PubDate" content="{ymd(doc.publish)} {doc.time}">\n')
        yield Resource(doc.url, self.page(portal, doc.title, main, head), mtime=at(doc.publish, doc.time))
        yield from attachment_resources(doc, urls)


def handle(rt, req):  # noqa: ANN001 - server runtime objects (see server.py)
    """POST (or GET) /module/web/jpage/dataproxy.jsp?startrecord=&endrecord=&perpage= → datastore XML."""
    if req.path != PROXY:
        return None
    params = {k: v[-1] for k, v in req.query.items()}
    if req.method == "POST":
        form = parse_qs(req.body.decode("utf-8", "replace"))
        params.update({k: v[-1] for k, v in form.items()})
    data = rt.data_json("hanweb.json")
    records = data.get(params.get("columnid", ""), None)
    if records is None:
        return rt.text(200, '<?xml version="1.0" encoding="UTF-8"?><datastore><recordset></recordset>'
                            "<totalrecord>0</totalrecord></datastore>", "text/xml; charset=UTF-8")
    try:
        start = max(1, int(params.get("startrecord", "1")))
        end = int(params.get("endrecord", str(start + STATIC_RECORDS - 1)))
    except ValueError:
        return rt.text(400, "bad startrecord/endrecord", "text/plain")
    chunk = records[start - 1:end]
    body = "".join(f"<record><![CDATA[\n{r}\n]]></record>\n" for r in chunk)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<recordset>\n{body}</recordset>\n'
           f"<totalrecord>{len(records)}</totalrecord>\n<totalpage>{-(-len(records) // PER_PAGE)}</totalpage>\n"
           "</datastore>")
    return rt.text(200, xml, "text/xml; charset=UTF-8")
