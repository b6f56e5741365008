"""TRS WCM: GBK pages labelled gb2312 only in <meta>, /<column path>/index.html lists whose further pages
(index_1.html …) are announced only by a createPageHTML(count, current, "index", "html") script,
articles at <column>/YYYYMM/tYYYYMMDD_<id>.html with <meta name="PubDate"> and a 信息公开 table."""

from __future__ import annotations

from collections.abc import Iterator

from govaudit.world import attachments
from govaudit.world.families.base import (
    RenderContext,
    Resource,
    at,
    attachment_resources,
    body_html,
    esc,
    is_xxgk,
    pages,
    ymd,
)
from govaudit.world.model import Column, Doc, PortalSpec

PAGE = 20
ENCODING = "gbk"          # bytes are GBK …
DECLARED = "gb2312"       # … but the pages say gb2312, as most TRS templates do (〇 is not in GB2312)

PAGER_JS = """function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var n = _nCurrIndex || 0;
  function url(i){ return _sPageName + (i == 0 ? "" : "_" + i) + "." + _sPageExt; }
  document.write("共" + _nPageCount + "页&nbsp;");
  if(n == 0){ document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;"); }
  else { document.write("<a href=\\"" + url(0) + "\\">首页</a>&nbsp;<a href=\\"" + url(n - 1) + "\\">上一页</a>&nbsp;"); }
  if(n + 1 >= _nPageCount){ document.write("<span>下一页</span>&nbsp;<span>尾页</span>"); }
  else { document.write("<a href=\\"" + url(n + 1) + "\\">下一页</a>&nbsp;<a href=\\"" + url(_nPageCount - 1) + "\\">尾页</a>"); }
}
"""


class Trs:
    name = "trs"

    def col_path(self, portal: PortalSpec, slug: str) -> str:
        chain: list[Column] = []
        col = portal.column(slug)
        while True:
            chain.append(col)
            if not col.parent:
                break
            col = portal.column(col.parent)
        return "/" + "/".join(c.slug for c in reversed(chain)) + "/"

    def assign(self, portal: PortalSpec) -> None:
        for doc in portal.docs:
            doc.url = f"{self.col_path(portal, doc.column)}{doc.publish:%Y%m}/t{doc.publish:%Y%m%d}_{doc.id}.html"

    def att_urls(self, doc: Doc) -> list[str]:
        base = doc.url.rsplit("/", 1)[0]
        return [f"{base}/P0{doc.publish:%Y%m%d}{doc.id:07d}{i + 1:02d}.{attachments.EXT[a.kind]}"
                for i, a in enumerate(doc.attachments)]

    def page(self, portal: PortalSpec, title: str, main: str, extra_meta: str = "") -> bytes:
        nav = "".join(f'<li><a href="{self.col_path(portal, c.slug)}index.html">{esc(c.name)}</a></li>'
                      for c in portal.columns if not c.parent and c.nav)
        out = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset={DECLARED}" />
<meta name="SiteName" content="{esc(portal.name)}" />
<meta name="SiteDomain" content="www.yexian.gov.cn" />
<meta name="SiteIDCode" content="4104220001" />
{extra_meta}<title>{esc(title)}</title>
<link href="/images/common.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/common.js"></script>
</head><body>
<div class="head"><div class="banner"><img src="/images/banner.png" alt="{esc(portal.name)}" /></div>
<div class="menu"><ul><li><a href="/index.html">网站首页</a></li>{nav}</ul></div></div>
<div class="container">
{main}
</div>
<div class="foot"><p>主办：{esc(portal.name)}　　承办：{esc(portal.juris.office if portal.juris else "")}</p>
<p>网站标识码：4104220001　豫ICP备12007865号-1　技术支持：拓尔思信息技术股份有限公司</p></div>
</body></html>
"""
        return out.encode(ENCODING, errors="xmlcharrefreplace")

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        blocks = []
        for col in portal.columns:
            if col.parent or not col.nav:
                continue
            path = self.col_path(portal, col.slug)
            docs = portal.docs_in(col.slug, ctx.fix)[:7]
            lis = "".join(f'<li><a href="{d.url}" title="{esc(d.title)}">{esc(d.title)}</a><span>{ymd(d.publish)}'
                          "</span></li>" for d in docs)
            kids = "".join(f'<a href="{self.col_path(portal, k.slug)}index.html">{esc(k.name)}</a> '
                           for k in portal.children(col.slug))
            blocks.append(f'<div class="mod"><div class="mod-t"><a href="{path}index.html">{esc(col.name)}</a>'
                          f'<span class="sub">{kids}</span></div><ul>{lis}</ul></div>')
        home = self.page(portal, portal.name, "\n".join(blocks))
        yield Resource("/", home, mtime=at(ctx.as_of))
        yield Resource("/index.html", home, mtime=at(ctx.as_of))
        for col in portal.columns:
            yield from self.column(portal, col, ctx)
        for doc in portal.docs:
            if doc.fix and doc.fix != ctx.fix:
                continue
            yield from self.article(portal, doc)
        yield Resource("/images/banner.png", attachments.png_scan("logo", 160, 48), "image/png")
        yield Resource("/js/common.js", PAGER_JS.encode(ENCODING), "application/javascript")  # GBK, like its pages
        yield Resource("/images/common.css", b"body{margin:0}.list li{line-height:32px}\n", "text/css")
        yield Resource("/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain")

    def column(self, portal: PortalSpec, col: Column, ctx: RenderContext) -> Iterator[Resource]:
        path = self.col_path(portal, col.slug)
        kids = portal.children(col.slug)
        side = "".join(f'<li><a href="{self.col_path(portal, k.slug)}index.html">{esc(k.name)}</a></li>' for k in kids)
        docs = portal.docs_in(col.slug, ctx.fix)
        chunks = pages(docs, PAGE)
        for n, chunk in enumerate(chunks):
            lis = "".join(
                f'<li><a href="./{d.url[len(path):]}" target="_blank" title="{esc(d.title)}">{esc(d.title)}</a>'
                f'<span class="date">{ymd(d.list_date or d.publish)}</span></li>' for d in chunk)
            # the only way to the next pages: the pager script (no static index_1.html link anywhere)
            pager = (f'<div class="page"><script type="text/javascript">createPageHTML({len(chunks)}, {n}, "index", '
                     '"html");</script></div>')
            where = f'<div class="position">您当前的位置：<a href="/index.html">首页</a> &gt; {esc(col.name)}</div>'
            main = (f'{where}<div class="left"><ul>{side}</ul></div><div class="right"><h2>{esc(col.name)}</h2>'
                    f'<ul class="list">{lis}</ul>{pager}</div>')
            name = "index.html" if n == 0 else f"index_{n}.html"
            newest = max((d.publish for d in chunk), default=ctx.as_of)
            yield Resource(path + name, self.page(portal, col.name, main), mtime=at(newest))

    def article(self, portal: PortalSpec, doc: Doc) -> Iterator[Resource]:
        col = portal.column(doc.column)
        pub = doc.meta_pubdate or at(doc.publish, doc.time)
        meta = (f'<meta name="ColumnName" content="{esc(col.name)}" />\n'
                f'<meta name="ArticleTitle" content="{esc(doc.title)}" />\n'
                f'<meta name="PubDate" content="{pub:%Y-%m-%d %H:%M}" />\n'
                f'<meta name="ContentSource" content="{esc(doc.publisher)}" />\n')
        table = ""
        if is_xxgk(col.code):
            written = ymd(doc.written) if doc.written else ""
            table = f"""<table class="xxgk_table" width="100%">
<tr><th>索 引 号：</th><td>{esc(doc.index_no)}</td><th>信息分类：</th><td>{esc(doc.topic)}</td></tr>
<tr><th>发布机构：</th><td>{esc(doc.publisher)}</td><th>生成日期：</th><td>{written}</td></tr>
<tr><th>文　　号：</th><td>{esc(doc.doc_number)}</td><th>有 效 性：</th><td>{esc(doc.validity)}</td></tr>
<tr><th>名　　称：</th><td colspan="3">{esc(doc.title)}</td></tr></table>"""
        urls = self.att_urls(doc)
        atts = "".join(f'<p><a href="./{u.rsplit("/", 1)[1]}" OLDSRC="/protect{u}">{esc(a.name)}</a></p>'
                       for a, u in zip(doc.attachments, urls, strict=True))
        main = f"""<div class="position">您当前的位置：<a href="/index.html">首页</a> &gt; <a href="{self.col_path(portal, doc.column)}index.html">{esc(col.name)}</a></div>
{table}
<div class="article"><h1>{esc(doc.title)}</h1>
<div class="property"><span>发布时间：{ymd(doc.publish)} {doc.time}</span>　<span>来源：{esc(doc.publisher)}</span>　<span>【字体：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</span></div>
<div class="TRS_Editor">
{body_html(doc)}
</div>
<div class="appendix">{"附件：" + atts if atts else ""}</div>
</div>"""
        # the charset is declared only in the page's <meta>: the HTTP header says plain text/html
        yield Resource(doc.url, self.page(portal, doc.title, main, meta), mtime=at(doc.publish, doc.time))
        yield from attachment_resources(doc, urls)
