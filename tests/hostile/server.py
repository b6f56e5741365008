"""Hostile sites for the fault-and-abuse suite, served on 127.0.0.1 by a subprocess (one port per scenario).

Every scenario is the same miniature city portal (`Portal`: 政务要闻, 法治政府建设 with the I98 reports of
2023–2025 published on time, 政策文件) with one fault on top: a 503 column, a page that answers after 40 s, a
body that drips, a redirect loop, a WAF page, robots.txt, traps, a 10^5-link page, hostile attachments, broken
charsets, injection in titles. Bodies are made on the fly (the 200 MB download is generated while it is sent,
never held or written). Every request is appended to a JSON-lines hit log, so tests can prove what was *not*
fetched (robots, the loopback target of an SSRF redirect, an XXE probe).

    python -m tests.hostile.server --log hits.jsonl      # prints {"urls": {...}, "ports": {...}} then serves
"""

from __future__ import annotations

import argparse
import html
import json
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

AS_OF = "2026-11-20"
CYCLE_START = "2024-01-01"
CITY = "平顶山市"
SITE_NAME = "平顶山市人民政府"
PUBLIC_DOMAIN = "hostile.test"  # <scenario>.hostile.test, reached through the proxy port: "public" to the guard
SLOW_SECONDS = 40.0
BIG_BYTES = 200 * 2**20
FLOOD_LINKS = 100_000
SECRET = "INTRANET-SECRET-7f3a"  # served only by the loopback target: must never reach the database

REPORTS = (  # (report year, publish date): all three on time (due 03-31 of the next year)
    (2023, "2024-03-20"), (2024, "2025-03-25"), (2025, "2026-03-26"),
)
NEWS_TITLES = ("市领导调研春耕生产工作", "全市安全生产工作会议召开", "我市举办重点项目集中开工活动",
               "市政府常务会议研究部署近期工作", "平顶山市开展城市环境整治行动", "市领导检查防汛工作")
WAF_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站防火墙</title></head><body>
<div class="waf"><h3>您的访问被拒绝</h3><p>网站防火墙检测到您的请求存在异常，请完成验证后继续访问。</p>
<div id="captcha"></div><p>事件编号：{n}</p></div>
<script>document.cookie="__jsl_clearance="+Date.now()+";path=/";setTimeout(function(){{location.reload()}},1500);</script>
</body></html>"""
RATE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>安全验证</title></head><body>
<p>访问频率过高，请完成验证：</p><img src="/captcha.jpg"><form><input name="code"><button>提交</button></form>
</body></html>"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def report_title(year: int) -> str:
    return f"{SITE_NAME}关于{year}年度法治政府建设情况的报告"


def report_body(year: int) -> str:
    return (f"<p>{year}年，在市委的坚强领导下，市政府深入学习贯彻习近平法治思想，全面推进依法行政，"
            "法治政府建设取得新成效。现将有关情况报告如下。</p>"
            "<p>一、主要举措和成效。健全依法决策机制，严格规范公正文明执法，强化对行政权力的制约和监督。</p>"
            "<p>二、存在的不足和原因。三、下一步工作安排。</p>"
            f"<p style=\"text-align:right\">{SITE_NAME}</p>")


@dataclass
class Item:
    path: str
    title: str
    date: str
    body: str = ""
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (href, link text)
    charset: str = "utf-8"  # how the page bytes are encoded
    declared: str | None = "utf-8"  # charset in the HTTP header (None: none at all)
    meta_charset: str | None = "utf-8"  # charset in <meta> (None: none)
    anchor: str | None = None  # the list's link text when it differs from the title


class Portal:
    """The miniature portal every scenario starts from: static pages by path."""

    columns = (("/news/index.html", "政务要闻"), ("/fzzf/index.html", "法治政府建设"), ("/wj/index.html", "政策文件"))

    def __init__(self, news_pages: int = 1, per_page: int = 20, wj_docs: int = 3) -> None:
        self.items: dict[str, list[Item]] = {"/news/index.html": [], "/fzzf/index.html": [], "/wj/index.html": []}
        self.per_page = per_page
        self.footer: list[tuple[str, str]] = []
        n = 0
        for page in range(news_pages):
            for k in range(per_page if news_pages > 1 else 6):
                n += 1
                day = 1 + (n * 7) % 27
                month = 11 - (n // 27) % 10
                title = f"{NEWS_TITLES[n % len(NEWS_TITLES)]}（第{n}期）"
                self.items["/news/index.html"].append(Item(
                    f"/news/2026{month:02d}/t{n}.html", title, f"2026-{month:02d}-{day:02d}",
                    f"<p>{title}。{page}-{k} 会议要求，各地各部门要统筹发展和安全，扎实做好各项工作，"
                    "确保全年目标任务圆满完成。</p>"))
        for year, date in REPORTS:
            self.items["/fzzf/index.html"].append(Item(f"/fzzf/{year}/report.html", report_title(year), date,
                                                       report_body(year)))
        for i in range(wj_docs):
            title = f"{SITE_NAME}办公室关于印发平顶山市城市绿化管理工作方案的通知（第{i + 1}号）"
            self.items["/wj/index.html"].append(Item(
                f"/wj/doc{i + 1}.html", title, f"2026-0{1 + i % 9}-1{i % 10}",
                "<p>各县（市、区）人民政府，市人民政府各部门：现将《平顶山市城市绿化管理工作方案》印发给你们，"
                "请认真贯彻执行。</p>"))

    def sort(self) -> None:
        for items in self.items.values():
            items.sort(key=lambda it: it.date, reverse=True)

    # --- chrome --------------------------------------------------------------------------------------------
    def nav(self) -> str:
        links = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for u, t in self.columns)
        return f'<div class="nav"><ul><li><a href="/">首页</a></li>{links}</ul></div>'

    def foot(self) -> str:
        extra = " | ".join(f'<a href="{u}">{esc(t)}</a>' for u, t in self.footer)
        return (f'<div class="footer"><p>{extra}</p><p>主办：{SITE_NAME}办公室　网站标识码：4104000001</p></div>')

    def page(self, title: str, main: str, crumb: tuple[str, str] | None = None, meta_charset: str | None = "utf-8",
             title_tag: str | None = None) -> str:
        crumbs = f' &gt; <a href="{crumb[0]}">{esc(crumb[1])}</a>' if crumb else ""
        meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
        return (f'<!DOCTYPE html><html lang="zh-CN"><head>{meta}<title>{title_tag or esc(title)}</title></head><body>'
                f'{self.nav()}<div class="crumb">当前位置：<a href="/">首页</a>{crumbs}</div>'
                f'<div class="main">{main}</div>{self.foot()}</body></html>')

    # --- pages ---------------------------------------------------------------------------------------------
    def home(self) -> str:
        blocks = []
        for url, name in self.columns:  # only the news are listed here: documents are reached through columns
            shown = self.items[url][:5] if url == "/news/index.html" else []
            lis = "".join(f'<li><a href="{it.path}">{esc(it.anchor or it.title)}</a><span>{it.date[5:]}</span></li>'
                          for it in shown)
            blocks.append(f'<div class="block"><h3><a href="{url}">{esc(name)}</a></h3><ul>{lis}</ul></div>')
        return self.page(SITE_NAME, "".join(blocks))

    def list_page(self, url: str, n: int) -> str | None:
        items = self.items[url]
        pages = max(1, -(-len(items) // self.per_page))
        if n > pages:
            return None
        chunk = items[(n - 1) * self.per_page: n * self.per_page]
        name = dict(self.columns)[url]
        lis = "".join(f'<li><a href="{it.path}" target="_blank">{esc(it.anchor or it.title)}</a>'
                      f"<span>{it.date}</span></li>" for it in chunk)
        pager = ""
        if pages > 1:
            links = [f'<a href="{_list_url(url, k)}">{k}</a>' if k != n else f"<span>{k}</span>"
                     for k in range(1, pages + 1)]
            if n < pages:
                links.append(f'<a href="{_list_url(url, n + 1)}">下一页</a>')
            pager = f'<div class="page">共{len(items)}条 {" ".join(links)}</div>'
        return self.page(name, f'<div class="listbox"><h2>{esc(name)}</h2><ul class="list">{lis}</ul>{pager}</div>',
                         (url, name))

    def article(self, it: Item, url: str) -> str:
        atts = ""
        if it.attachments:
            lis = "".join(f'<li><a href="{h}">{esc(t)}</a></li>' for h, t in it.attachments)
            atts = f'<div class="attach"><p>附件：</p><ul>{lis}</ul></div>'
        main = (f'<div class="article"><h1>{esc(it.title)}</h1><div class="info"><span>发布时间：{it.date} 09:30</span>'
                f'<span>来源：{SITE_NAME}办公室</span></div><div class="content" id="zoom">{it.body}</div>{atts}</div>')
        return self.page(it.title, main, (url, dict(self.columns)[url]), meta_charset=it.meta_charset)

    def resolve(self, path: str) -> tuple[bytes, str] | None:
        """(body, Content-Type) of a static portal page."""
        if path in ("/", "/index.html"):
            return _utf8(self.home())
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain"
        for url in self.items:
            base = url.removesuffix("index.html")
            if path == url or (path.startswith(base + "index_") and path.endswith(".html")):
                n = 1 if path == url else int(path[len(base) + 6:-5] or 0)
                text = self.list_page(url, n)
                return _utf8(text) if text is not None else None
            for it in self.items[url]:
                if it.path == path:
                    body = self.article(it, url).encode(it.charset, "xmlcharrefreplace")
                    return body, "text/html" + (f"; charset={it.declared}" if it.declared else "")
        return None


def _list_url(url: str, n: int) -> str:
    return url if n == 1 else url.replace("index.html", f"index_{n}.html")


def _utf8(text: str) -> tuple[bytes, str]:
    return text.encode("utf-8"), "text/html; charset=utf-8"


# --- the hostile files ------------------------------------------------------------------------------------------

XXE_PROBE = "/xxe-probe.dtd"


def hostile_files(port: int) -> dict[str, tuple[bytes, str, dict[str, str]]]:
    """path -> (body, content type, extra headers) of the small hostile attachments."""
    from tests.attachments.builders import (
        add_zero_member,
        encrypt_pdf,
        make_docx,
        make_text_pdf,
        replace_member,
        xxe_document_xml,
    )

    docx = make_docx()
    bomb = add_zero_member(docx, "word/media/bomb.bin", 300 * 2**20)
    prolog = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
              f'<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}{XXE_PROBE}"> %remote;]>')
    xxe = replace_member(docx, "word/document.xml", xxe_document_xml(prolog, "&xxe;").encode())
    pdf = make_text_pdf(pages=1, lines_per_page=4)
    pdf_ct = "application/pdf"
    docx_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return {
        "/files/bomb.docx": (bomb, docx_ct, {}),
        "/files/xxe.docx": (xxe, docx_ct, {}),
        "/files/encrypted.pdf": (encrypt_pdf(pdf, "secret"), pdf_ct, {}),
        "/files/malformed.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"\x00garbage" * 500,
                                 pdf_ct, {}),
        "/files/download.jsp": (pdf, "application/octet-stream",
                                {"Content-Disposition": 'attachment; filename="../../etc/passwd"'}),
        "/files/download2.jsp": (pdf, "application/octet-stream",
                                 {"Content-Disposition": "attachment; filename*=UTF-8''..%2F..%2F..%2Ftmp%2F"
                                                         + quote("pwned附件.pdf")}),
        XXE_PROBE: (b'<!ENTITY leak "probe-was-fetched">', "application/xml-dtd", {}),
    }


def mojibake(text: str) -> str:
    """What a CMS stores after GBK bytes were read as UTF-8 and written back: 锟斤拷 everywhere."""
    broken = text.encode("gbk").decode("utf-8", "replace")
    return broken.encode("utf-8").decode("gbk", "replace")


# --- scenarios ----------------------------------------------------------------------------------------------------

Respond = Callable[["Handler", str, dict[str, list[str]]], bool]


@dataclass
class Scenario:
    name: str
    portal: Portal
    special: Respond | None = None  # answers a request itself (True) or leaves it to the portal (False)
    delay: float = 0.0  # per-request server latency
    waf_everything: bool = False


def build_scenarios(ports: dict[str, int]) -> dict[str, Scenario]:
    out: dict[str, Scenario] = {}

    def add(name: str, portal: Portal | None = None, special: Respond | None = None, **kw: Any) -> Portal:
        p = portal or Portal()
        p.sort()
        out[name] = Scenario(name, p, special, **kw)
        return p

    add("good")

    def fz_503(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path.startswith("/fzzf/"):
            h.reply(503, b"<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>",
                    "text/html", {"Retry-After": "120"})
            return True
        return False

    add("fz503", special=fz_503)

    def slow(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/fzzf/index.html":
            time.sleep(SLOW_SECONDS)  # longer than any sane timeout: the crawler must give up, not wait
            return False
        return False

    add("slow", special=slow)

    def drip(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path != "/fzzf/index.html":
            return False
        body = h.scenario.portal.resolve(path)[0]  # type: ignore[index]
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        deadline = time.monotonic() + SLOW_SECONDS * 1.5
        for i in range(len(body)):  # one byte every 0.2 s: each read makes progress, the whole never ends
            if time.monotonic() > deadline:
                break
            h.wfile.write(body[i:i + 1])
            h.wfile.flush()
            time.sleep(0.2)
        return True

    add("drip", special=drip)

    def loops(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/fzzf/index.html":
            h.redirect("/fzzf/index_old.html", 302)
            return True
        if path == "/fzzf/index_old.html":
            h.redirect("/fzzf/index.html", 301)
            return True
        if path.startswith("/wj/"):  # an endless chain of distinct URLs: more hops than any client follows
            n = int(q.get("hop", ["0"])[0])
            h.redirect(f"/wj/index.html?hop={n + 1}", 302)
            return True
        return False

    add("loop", special=loops)

    internal = f"http://127.0.0.1:{ports['internal']}"

    def to_private(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/fzzf/index.html":
            h.redirect(f"{internal}/secret/fzzf.html", 302)
            return True
        if path == "/wj/index.html":
            h.redirect("http://169.254.169.254/latest/meta-data/", 302)  # the cloud metadata address
            return True
        return False

    add("private_redirect", special=to_private)

    def home_private(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path in ("/", "/index.html"):
            h.redirect(f"{internal}/secret/index.html", 302)
            return True
        return False

    add("private_home", special=home_private)
    add("waf", waf_everything=True)

    def waf_partial(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path.startswith("/fzzf/") and path != "/fzzf/index.html":
            h.reply(200, RATE_PAGE.encode(), "text/html; charset=utf-8", {"Set-Cookie": "acw_sc__v2=1; path=/"})
            return True
        return False

    add("waf_partial", special=waf_partial)

    def robots(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/robots.txt":
            h.reply(200, b"User-agent: *\nDisallow: /fzzf/\n", "text/plain")
            return True
        return False

    add("robots", special=robots)

    trap = Portal()
    trap.footer = [("/hdrl/?month=2026-11", "活动日历"), ("/cal/2026/11/", "日程安排")]

    def calendars(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/hdrl/":
            h.html(calendar_page(q.get("month", ["2026-11"])[0], query=True))
            return True
        if path.startswith("/cal/"):
            parts = [p for p in path.split("/") if p]
            if len(parts) >= 3 and parts[1].isdigit() and parts[2].isdigit():
                h.html(calendar_page(f"{parts[1]}-{parts[2]}", query=False))
            else:
                h.html(trap.page("日程", "<p>本日暂无活动安排，敬请关注。</p>" * 3))
            return True
        return False

    add("calendar", trap, calendars)

    flood = Portal()
    flood.footer = [("/rdc/index.html", "热点词")]
    flood_page = flood.page("热点词", '<div class="hot">' + "".join(
        f'<a href="/tag/{i}.html">热词{i}</a> ' for i in range(FLOOD_LINKS)) + "</div>").encode()

    def links(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path == "/rdc/index.html":
            h.reply(200, flood_page, "text/html; charset=utf-8")
            return True
        if path.startswith("/tag/"):
            h.html(flood.page("热词", "<p>相关信息正在整理中，敬请关注。本栏目内容持续更新，欢迎提出意见建议。</p>"))
            return True
        return False

    add("flood", flood, links)

    big = Portal()
    big.items["/wj/index.html"][0].attachments = [("/files/big.pdf", "附件1：规划图集（200MB）"),
                                                  ("/files/big-stream.pdf", "附件2：规划图集（流式）")]

    def big_files(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path in ("/files/big.pdf", "/files/big-stream.pdf"):
            h.stream_big(declare_length=path == "/files/big.pdf")
            return True
        return False

    add("big", big, big_files)

    files = Portal()
    files.items["/wj/index.html"][0].attachments = [
        ("/files/bomb.docx", "附件1：工作方案.docx"), ("/files/xxe.docx", "附件2：责任分工.docx"),
        ("/files/encrypted.pdf", "附件3：名单.pdf"), ("/files/malformed.pdf", "附件4：图表.pdf"),
        ("/files/download.jsp?id=1", "附件5：下载"), ("/files/download2.jsp?id=2", "附件6：下载")]
    blobs = hostile_files(ports["files"])

    def hostile(h: Handler, path: str, q: dict[str, list[str]]) -> bool:
        if path in blobs:
            body, ctype, extra = blobs[path]
            h.reply(200, body, ctype, extra)
            return True
        return False

    add("files", files, hostile)

    charsets = Portal()
    fz = {it.path: it for it in charsets.items["/fzzf/index.html"]}
    # 2023: GBK bytes, the HTTP header claims UTF-8; 2024: GBK bytes, no charset anywhere;
    # 2025: UTF-8 bytes, <meta> claims gb2312 and the header says nothing
    fz["/fzzf/2023/report.html"].charset, fz["/fzzf/2023/report.html"].meta_charset = "gbk", None
    fz["/fzzf/2024/report.html"].charset = "gbk"
    fz["/fzzf/2024/report.html"].declared = fz["/fzzf/2024/report.html"].meta_charset = None
    fz["/fzzf/2025/report.html"].declared, fz["/fzzf/2025/report.html"].meta_charset = None, "gb2312"
    add("charsets", charsets)

    garbled = Portal()
    it = next(i for i in garbled.items["/fzzf/index.html"] if i.path == "/fzzf/2025/report.html")
    it.title, it.body = mojibake(it.title), f"<p>{mojibake('现将有关情况报告如下。主要举措和成效，存在的不足。' * 4)}</p>"
    add("mojibake", garbled)

    inject = Portal()
    fz = {it.path: it for it in inject.items["/fzzf/index.html"]}
    fz["/fzzf/2024/report.html"].title = '=HYPERLINK("http://evil.example/x","2024年度法治政府建设情况报告")'
    fz["/fzzf/2025/report.html"].title = ('<script>alert("xss")</script><img src=x onerror=alert(1)>'
                                          "关于2025年度法治政府建设情况的报告")
    fz["/fzzf/2025/report.html"].date = "2026-04-10"  # late: the verdict changes, so the title reaches the HTML
    inject.items["/news/index.html"][0].title = "@SUM(1+1)*cmd|' /C calc'!A0 市领导调研"
    add("inject", inject)

    large = Portal(news_pages=40, per_page=20, wj_docs=30)
    add("large", large, delay=0.004)
    return out


def calendar_page(month: str, *, query: bool) -> str:
    """A month linking the previous and the next month and a few days, forever (a spider trap)."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        assert 1 <= mon <= 12
    except (ValueError, AssertionError):
        year, mon = 2026, 11
    prev = (year - 1, 12) if mon == 1 else (year, mon - 1)
    nxt = (year + 1, 1) if mon == 12 else (year, mon + 1)

    def url(y: int, m: int, day: int | None = None) -> str:
        if query:
            return f"/hdrl/?month={y}-{m:02d}" + (f"&day={day}" if day else "")
        return f"/cal/{y}/{m:02d}/" + (f"d{day}.html" if day else "")

    days = " ".join(f'<a href="{esc(url(year, mon, d))}">{d}日</a>' for d in range(1, 8))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>活动日历 {year}年{mon}月</title></head><body>'
            f'<h2>活动日历 {year}年{mon}月</h2><p><a href="{esc(url(*prev))}">上个月</a> | '
            f'<a href="{esc(url(*nxt))}">下个月</a></p><p>{days}</p><p>本月暂无活动安排。</p></body></html>')


# --- HTTP ----------------------------------------------------------------------------------------------------------


class HitLog:
    def __init__(self, path: str) -> None:
        self.fh = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the server
        self.lock = threading.Lock()

    def write(self, **rec: Any) -> None:
        with self.lock:
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


class Handler(BaseHTTPRequestHandler):
    server: ScenarioServer
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._run()

    def do_POST(self) -> None:  # noqa: N802
        self._run()

    def _run(self) -> None:
        raw = self.path
        host = self.headers.get("Host", "")
        if raw.startswith("http://"):  # a proxy request: the absolute URL names the site
            parts = urlsplit(raw)
            host, raw = parts.netloc, parts.path + (f"?{parts.query}" if parts.query else "")
        parts = urlsplit(raw)
        path, query = parts.path or "/", parse_qs(parts.query)
        srv = self.server
        scenario = srv.by_host.get(host.split(":")[0], srv.scenario) if srv.by_host else srv.scenario
        srv.hits.write(site=scenario.name if scenario else srv.label, host=host, path=path, query=parts.query,
                       ua=self.headers.get("User-Agent", ""), t=time.time())
        try:
            if scenario is None:  # the loopback "intranet" target of the SSRF redirects
                self.reply(200, f"<html><body>{SECRET}</body></html>".encode(), "text/html; charset=utf-8")
                return
            self.scenario = scenario
            if scenario.delay:
                time.sleep(scenario.delay)
            if scenario.waf_everything:
                self.reply(200, WAF_PAGE.format(n=int(time.time() * 1000)).encode(), "text/html; charset=utf-8",
                           {"Set-Cookie": "__jsl_clearance=0; path=/"})
                return
            if scenario.special and scenario.special(self, path, query):
                return
            found = scenario.portal.resolve(path)
            if found is None:
                self.reply(404, b"<html><body><h2>404 page not found</h2></body></html>", "text/html")
            else:
                self.reply(200, found[0], found[1])
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            pass  # the client gave up (a timeout, a size cap): that is the point of the fault

    # --- replies --------------------------------------------------------------------------------------------
    def reply(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def html(self, text: str) -> None:
        self.reply(200, text.encode("utf-8"), "text/html; charset=utf-8")

    def redirect(self, location: str, status: int = 302) -> None:
        self.reply(status, b"", "text/html", {"Location": location})

    def stream_big(self, declare_length: bool) -> None:
        """200 MB made while it is sent: never held in memory, never on disk."""
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        if declare_length:
            self.send_header("Content-Length", str(BIG_BYTES))
        self.end_headers()
        chunk = b"%PDF-1.4\n" + b"0" * (2**16 - 9)
        sent = 0
        while sent < BIG_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)
        self.wfile.flush()

    def version_string(self) -> str:
        return "nginx"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class ScenarioServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, sock: socket.socket, label: str, hits: HitLog) -> None:
        super().__init__(sock.getsockname(), Handler, bind_and_activate=False)
        self.socket.close()
        self.socket = sock
        self.server_activate()
        self.label = label
        self.hits = hits
        self.scenario: Scenario | None = None
        self.by_host: dict[str, Scenario] = {}

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on purpose here


class TlsAlertHandler(socketserver.BaseRequestHandler):
    """Answers any ClientHello with a fatal handshake_failure alert: a TLS error, whatever the client accepts."""

    def handle(self) -> None:
        try:
            self.request.settimeout(5)
            self.request.recv(4096)
            self.request.sendall(bytes([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]))
        except OSError:
            pass


def _listen() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


NAMES = ("good", "fz503", "slow", "drip", "loop", "private_redirect", "private_home", "waf", "waf_partial", "robots",
         "calendar", "flood", "big", "files", "charsets", "mojibake", "inject", "large")


def public_host(name: str) -> str:
    return f"{name.replace('_', '-')}.{PUBLIC_DOMAIN}"


def serve(log_path: str) -> None:
    hits = HitLog(log_path)
    socks = {name: _listen() for name in (*NAMES, "internal", "proxy", "tls")}
    dead = _listen()  # bound, never listening: connection refused
    ports = {name: s.getsockname()[1] for name, s in socks.items()}
    ports["refused"] = dead.getsockname()[1]
    scenarios = build_scenarios(ports)
    servers: list[Any] = []
    for name in (*NAMES, "internal", "proxy"):
        srv = ScenarioServer(socks[name], name, hits)
        srv.scenario = scenarios.get(name)
        if name == "proxy":  # plays the public Internet: every scenario under <name>.hostile.test
            srv.by_host = {public_host(n): scenarios[n] for n in NAMES}
        servers.append(srv)
    tls_sock = socks["tls"]
    tls = socketserver.ThreadingTCPServer(tls_sock.getsockname(), TlsAlertHandler, bind_and_activate=False)
    tls.daemon_threads = True
    tls.socket.close()
    tls.socket = tls_sock
    tls.server_activate()
    servers.append(tls)
    for srv in servers:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    urls = {name: f"http://127.0.0.1:{ports[name]}/" for name in NAMES}
    urls.update(refused=f"http://127.0.0.1:{ports['refused']}/", tls=f"https://127.0.0.1:{ports['tls']}/",
                dns="http://www.nosuch-portal.invalid/", internal=f"http://127.0.0.1:{ports['internal']}/")
    public = {name: f"http://{public_host(name)}/" for name in NAMES}
    print(json.dumps({"urls": urls, "public": public, "ports": ports, "proxy": f"http://127.0.0.1:{ports['proxy']}"}),
          flush=True)
    proxy = next(srv for srv in servers if getattr(srv, "label", "") == "proxy")
    for line in sys.stdin:  # serve until told to quit or until the parent closes our stdin
        words = line.split()
        if words == ["quit"]:
            break
        if len(words) == 3 and words[0] == "route":  # route <host> <scenario>: the site changes overnight
            proxy.by_host[words[1]] = scenarios[words[2]]
            print("ok", flush=True)
    for srv in servers:
        srv.shutdown()
    dead.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", required=True)
    serve(ap.parse_args().log)


if __name__ == "__main__":
    main()
