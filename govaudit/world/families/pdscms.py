"""The pds.gov.cn CMS: /channels/<id>.html lists (static pager), /contents/<channel>/<id>.html articles with the
发文字号/索引号/发布日期/有效性/主题分类/体裁分类/服务对象 block (no 成文日期: that is the 落款 at the end)."""

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
from govaudit.world.model import Doc, PortalSpec

PAGE = 20
HOTWORDS = 10_000


class PdsCms:
    name = "pdscms"

    def cid(self, portal: PortalSpec, slug: str) -> int:
        index = [c.slug for c in portal.columns].index(slug)
        return 44500 + index * 3 + 7

    def channel_url(self, portal: PortalSpec, slug: str, page: int = 1) -> str:
        cid = self.cid(portal, slug)
        return f"/channels/{cid}.html" if page == 1 else f"/channels/{cid}_{page}.html"

    def assign(self, portal: PortalSpec) -> None:
        for doc in portal.docs:
            if doc.via == "private":
                doc.url = f"/private/{doc.id}.html"
            else:
                doc.url = f"/contents/{self.cid(portal, doc.column)}/{doc.id}.html"
            if doc.via == "redirect":
                doc.alt_urls = (f"/html/{doc.publish.year}/{doc.id}rx.html",)

    def att_urls(self, doc: Doc) -> list[str]:
        return [f"/uploadfiles/{doc.publish:%Y%m}/{doc.id}_{i + 1}.{attachments.EXT[a.kind]}"
                for i, a in enumerate(doc.attachments)]

    def href(self, doc: Doc) -> str:
        return doc.alt_urls[0] if doc.via == "redirect" else doc.url

    # --- page chrome -----------------------------------------------------------------------------------

    def page(self, portal: PortalSpec, title: str, main: str, crumbs: list[tuple[str, str]],
             no_charset: bool = False) -> bytes:
        nav = "".join(f'<li><a href="{self.channel_url(portal, c.slug)}">{esc(c.name)}</a></li>'
                      for c in portal.columns if not c.parent and c.nav)
        crumb = " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs)
        meta = "" if no_charset else '<meta charset="utf-8">\n'
        out = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
{meta}<meta name="SiteName" content="{esc(portal.name)}">
<meta name="SiteDomain" content="www.pds.gov.cn">
<meta name="SiteIDCode" content="4104000001">
<title>{esc(title)}</title>
<link rel="stylesheet" href="/css/style.css">
</head><body>
<div class="top"><div class="w1200"><a class="logo" href="/"><img src="/images/logo.png" alt="{esc(portal.name)}"></a>
<form class="search" action="/search" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul class="w1200"><li><a href="/">首页</a></li>{nav}</ul></div>
<div class="w1200 crumb">当前位置：<a href="/">首页</a> &gt; {crumb}</div>
<div class="w1200 main">
{main}
</div>
{self.footer(portal)}
</body></html>
"""
        return out.encode("utf-8")

    def footer(self, portal: PortalSpec) -> str:
        links = "".join(f'<a href="__WORLD_URL_{sid}__" target="_blank">{esc(name)}</a>'
                        for sid, name in _out_names(portal))
        return f"""<div class="footer"><div class="w1200">
<p class="links">县区及部门网站：{links}</p>
<p><a href="/channels/9999.html">旧版栏目</a> | <a href="/hdrl/?month=2026-11">活动日历</a> | <a href="/rdc/index.html">热点词</a> | <a href="/private/index.html">内部办公</a> | <a href="/sitemap/lost.html">网站地图</a></p>
<p>主办：{esc(portal.name)}办公室　承办：平顶山市电子政务外网运维中心</p>
<p>网站标识码：4104000001　豫ICP备05004543号　豫公网安备 41040202000001号</p>
</div></div>"""

    # --- pages -----------------------------------------------------------------------------------------

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        yield from self.homepage(portal, ctx)
        for col in portal.columns:
            yield from self.channel(portal, col.slug, ctx)
        for doc in portal.docs:
            if doc.fix and doc.fix != ctx.fix:
                continue
            yield from self.article(portal, doc)
        private = [d for d in portal.docs if d.via == "private"]
        items = "".join(f'<li><a href="{d.url}">{esc(d.title)}</a><span>{ymd(d.publish)}</span></li>' for d in private)
        yield Resource("/private/index.html", self.page(portal, "内部办公", f'<ul class="list">{items}</ul>',
                                                         [("内部办公", "")]))
        yield Resource("/robots.txt", b"User-agent: *\nDisallow: /private/\nDisallow: /search\n", "text/plain")
        words = "".join(f'<a href="/search?q=%E7%83%AD%E8%AF%8D{i}">热词{i}</a> ' for i in range(HOTWORDS))
        yield Resource("/rdc/index.html", self.page(portal, "热点词", f'<div class="hot">{words}</div>',
                                                     [("热点词", "")]))
        yield Resource("/images/logo.png", attachments.png_scan("logo", 160, 48), "image/png")
        yield Resource("/css/style.css", b"body{font-family:SimSun,serif}.w1200{width:1200px;margin:0 auto}\n",
                       "text/css")

    def homepage(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]:
        blocks = []
        for col in portal.columns:
            if col.parent or not col.nav:
                continue
            docs = self.listed(portal, col.slug, ctx)[:6]
            if not docs:
                continue
            lis = "".join(f'<li><a href="{self.href(d)}" title="{esc(d.title)}">{esc(d.title)}</a>'
                          f"<span>{ymd(d.list_date or d.publish)[5:]}</span></li>" for d in docs)
            blocks.append(f'<div class="block"><h3><a href="{self.channel_url(portal, col.slug)}">{esc(col.name)}'
                          f'</a><a class="more" href="{self.channel_url(portal, col.slug)}">更多&gt;&gt;</a></h3>'
                          f"<ul>{lis}</ul></div>")
        body = self.page(portal, portal.name, "\n".join(blocks), [("首页", "")])
        yield Resource("/", body, mtime=at(ctx.as_of))
        yield Resource("/index.html", body, mtime=at(ctx.as_of))

    def listed(self, portal: PortalSpec, slug: str, ctx: RenderContext) -> list[Doc]:
        return [d for d in portal.docs_in(slug, ctx.fix) if d.via != "private"]

    def channel(self, portal: PortalSpec, slug: str, ctx: RenderContext) -> Iterator[Resource]:
        col = portal.column(slug)
        crumbs = [(c.name, self.channel_url(portal, c.slug)) for c in self.ancestors(portal, slug)]
        kids = portal.children(slug)
        side = "".join(f'<li><a href="{self.channel_url(portal, k.slug)}">{esc(k.name)}</a></li>' for k in kids)
        sub = f'<div class="subnav"><h3>{esc(col.name)}</h3><ul>{side}</ul></div>' if kids else ""
        docs = self.listed(portal, slug, ctx)
        chunks = pages(docs, PAGE)
        for n, chunk in enumerate(chunks, start=1):
            lis = []
            for d in chunk:
                lis.append(f'<li><a href="{self.href(d)}" target="_blank" title="{esc(d.title)}">{esc(d.title)}'
                           f"</a><span>{ymd(d.list_date or d.publish)}</span></li>")
            if n == 1 and col.code == "NEWS":
                # a dead link: the article was withdrawn but the list still points at it (fault: 404)
                lis.insert(3, f'<li><a href="/contents/{self.cid(portal, slug)}/199999.html">'
                              "（本条信息已撤稿）</a><span>2026-02-14</span></li>")
            pager = self.pager(portal, slug, n, len(chunks), len(docs))
            main = f'{sub}<div class="listbox"><h2>{esc(col.name)}</h2><ul class="list">{"".join(lis)}</ul>{pager}</div>'
            newest = max((d.publish for d in chunk), default=ctx.as_of)
            yield Resource(self.channel_url(portal, slug, n), self.page(portal, col.name, main, crumbs),
                           mtime=at(newest))

    def pager(self, portal: PortalSpec, slug: str, n: int, total_pages: int, total: int) -> str:
        if total_pages <= 1:
            return f'<div class="page">共{total}条</div>'
        links = [f"共{total}条 {n}/{total_pages}页"]
        links.append(f'<a href="{self.channel_url(portal, slug, 1)}">首页</a>')
        if n > 1:
            links.append(f'<a href="{self.channel_url(portal, slug, n - 1)}">上一页</a>')
        for k in range(max(1, n - 3), min(total_pages, n + 3) + 1):
            links.append(f"<span>{k}</span>" if k == n else f'<a href="{self.channel_url(portal, slug, k)}">{k}</a>')
        if n < total_pages:
            links.append(f'<a href="{self.channel_url(portal, slug, n + 1)}">下一页</a>')
        links.append(f'<a href="{self.channel_url(portal, slug, total_pages)}">尾页</a>')
        return '<div class="page">' + " ".join(links) + "</div>"

    def ancestors(self, portal: PortalSpec, slug: str) -> list:
        chain = []
        col = portal.column(slug)
        while True:
            chain.append(col)
            if not col.parent:
                break
            col = portal.column(col.parent)
        return list(reversed(chain))

    def article(self, portal: PortalSpec, doc: Doc) -> Iterator[Resource]:
        col = portal.column(doc.column)
        crumbs = [(c.name, self.channel_url(portal, c.slug)) for c in self.ancestors(portal, doc.column)]
        meta = ""
        if is_xxgk(col.code):
            meta = f"""<div class="xxgk-info"><table>
<tr><td class="t">发文字号：</td><td>{esc(doc.doc_number)}</td><td class="t">索引号：</td><td>{esc(doc.index_no)}</td></tr>
<tr><td class="t">发布日期：</td><td>{ymd(doc.publish)}</td><td class="t">有效性：</td><td>{esc(doc.validity)}</td></tr>
<tr><td class="t">主题分类：</td><td>{esc(doc.topic)}</td><td class="t">体裁分类：</td><td>{esc(doc.genre)}</td></tr>
<tr><td class="t">服务对象：</td><td colspan="3">全社会</td></tr></table></div>"""
        urls = self.att_urls(doc)
        atts = ""
        if doc.attachments:
            lis = "".join(f'<li><a href="{u}">{esc(a.name)}</a></li>' for a, u in zip(doc.attachments, urls, strict=True))
            atts = f'<div class="attach"><p>附件：</p><ul>{lis}</ul></div>'
        main = f"""{meta}
<div class="article"><h1>{esc(doc.title)}</h1>
<div class="info"><span>发布时间：{ymd(doc.publish)} {doc.time}</span><span>来源：{esc(doc.publisher)}</span><span>浏览次数：<em id="hits"></em></span></div>
<div class="content" id="zoom">
{body_html(doc)}
</div>
{atts}
</div>"""
        # no_charset: neither the header nor the page declares an encoding, the client must sniff UTF-8
        yield Resource(doc.url, self.page(portal, doc.title, main, crumbs, no_charset=doc.no_charset),
                       "text/html" if doc.no_charset else "", mtime=at(doc.publish, doc.time))
        yield from attachment_resources(doc, urls)


def _out_names(portal: PortalSpec) -> list[tuple[str, str]]:
    from govaudit.world.portals import SITE_NAMES
    return [(sid, SITE_NAMES.get(sid, sid)) for sid in portal.links_out]
