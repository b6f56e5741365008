"""One config-driven portal spider for every CMS family.

It starts from the homepage, names columns through the lexicon (nav labels, breadcrumbs,
`<meta name="ColumnName">`), follows lists and their pagination whatever the family (next links,
TRS createPageHTML, Hanweb datastore + dataproxy.jsp, JSON APIs found by rendering, ?page=N),
renders with Chromium only pages that need it, fetches attachments, and records every fetch and
every failure. It never judges.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from twisted.python.failure import Failure

from crawler import settle
from crawler.coverage import ColumnTally
from crawler.errors import SITE_LEVEL, classify_failure, looks_blocked
from crawler.state import CrawlState, request_key
from govaudit.config import CrawlSection, SiteConfig
from govaudit.extract.columns import column_code, normalise_label
from govaudit.extract.dates import infer_year, parse_date, url_date
from govaudit.extract.encoding import decode_html
from govaudit.extract.html import Link, Page, is_attachment_url, parse_html
from govaudit.extract.listing import hanweb_pager, json_column_label, listing_of, parse_datastore, trs_pages
from storage.models import SITE_BUDGET_KEY

# Columns whose old items do not matter to any rule: pagination stops K items past the window.
NEWS_CODES = {"NEWS", "XW", "HD", "YJ", "PF", None}
EARLIEST_RULE_WINDOW = dt.date(2014, 1, 1)  # I02.a accepts any date; national reforms began 2015
_PAGE_PARAMS = ("page", "pageno", "pagenum", "pageindex", "pn", "p", "curpage", "current", "currentpage", "page_no")
_RESOURCE_JS = ("performance.getEntriesByType('resource')"
                ".filter(e => ['fetch','xmlhttprequest'].includes(e.initiatorType)).map(e => e.name)")
_HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "text/xml", "application/xml")


def netloc_of(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


class PortalSpider(Spider):
    name = "govaudit-portal"
    custom_settings: dict[str, Any] = {}

    def __init__(self, site: SiteConfig, crawl: CrawlSection, state: CrawlState, window_start: dt.date,
                 other_sites: dict[str, str], render_available: bool = True, progress: Any = None,
                 fresh: bool = False, **kwargs: Any) -> None:
        super().__init__(name=f"portal-{site.id}", **kwargs)
        self.site, self.crawl, self.state = site, crawl, state
        self.window_start = window_start
        self.other_sites = other_sites  # netloc -> site id of the other configured sites
        self.netlocs = {netloc_of(site.url)} | {netloc_of(h if "//" in h else f"//{h}") for h in site.hosts}
        self.render_mode = site.render or crawl.render
        self.render_available = render_available
        self.max_pages = site.max_pages or crawl.max_pages_per_site
        self.progress = progress
        self.fresh = fresh
        self.keys: set[str] = set()
        self.variants: Counter[tuple[str, str]] = Counter()
        self.columns: dict[str, ColumnTally] = {}
        self.requested = 0
        self.rendered = 0
        self.render_requests = 0  # the render budget counts requests, whether or not they came back
        self.shell_urls: set[str] = set()  # pages that are script shells (their #variants are rendered)
        self.fragment_variants: dict[str, set[str]] = {}
        self.api_results: dict[str, bool] = {}  # api request key -> did its body change since the last run
        self.api_waiters: dict[str, list[RenderCheck]] = {}
        self.truncated = False
        self.home_error: str | None = None
        self.counts: Counter[str] = Counter()

    # ---------------------------------------------------------------- requests
    async def start(self) -> AsyncIterator[Request]:
        home = self.request(self.site.url, kind="home", priority=1000)
        if home:
            yield home
        for url in self.site.start_urls:
            req = self.request(url, kind="page", priority=900, depth=1)
            if req:
                yield req
        robots = urljoin(self.site.url, "/robots.txt")
        yield Request(robots, callback=self.parse_robots, errback=self.ignore, priority=950,
                      meta={"dont_obey_robotstxt": True, "download_slot": self.site.id, "handle_httpstatus_all": True})

    def owns(self, url: str) -> bool:
        return netloc_of(url) in self.netlocs

    def request(self, url: str, *, kind: str, priority: int = 0, depth: int = 0, column: ColumnTally | None = None,
                anchor: str = "", list_date: str | None = None, referer: str | None = None, page_no: int = 0,
                method: str = "GET", formdata: dict[str, str] | None = None, render: bool = False,
                hop: bool = False, api: bool = False) -> Request | None:
        """A request inside the site's budget, or None (duplicate, off-site, trap, over budget)."""
        if "#" in url and not render:
            # a state fragment only means something to scripts: fetch the page once; render the variants
            # when the page turns out to be a script shell
            bare = url.split("#", 1)[0]
            if bare in self.shell_urls:
                render = self.render_available
            else:
                self.fragment_variants.setdefault(bare, set()).add(url)
                url = bare
        body = urlencode(formdata) if formdata is not None else None
        key = request_key(url, method, body, "render" if render else "")
        if key in self.keys:
            return None
        if not hop and not self.owns(url):
            return None
        parts = urlsplit(url)
        if len(url) > 500 or _repeats_segments(parts.path):
            return None
        if parts.query and kind not in ("list", "api"):
            self.variants[(parts.netloc, parts.path)] += 1
            if self.variants[(parts.netloc, parts.path)] > 60:  # calendar-style traps: same path, endless queries
                return None
        if depth > self.crawl.max_depth:
            return None
        if self.requested >= self.max_pages:
            self.truncated = True
            if column is not None:
                column.stop("max_pages")
            return None
        self.keys.add(key)
        self.requested += 1
        if render:
            self.render_requests += 1
        meta: dict[str, Any] = {
            "request_key": key, "kind": kind, "depth": depth, "anchor": anchor[:300], "list_date": list_date,
            "column_key": column.key if column else None, "column_code": column.code if column else None,
            "column_label": column.label if column else None, "page_no": page_no, "download_slot": self.site.id,
            "referer_url": referer, "fresh": self.fresh, "hop": hop, "api": api, "render": render,
        }
        if kind == "attachment":
            meta["download_maxsize"] = int(self.crawl.max_attachment_mb * 2**20)
        if render:
            meta.update(playwright=True, playwright_page_init_callback="crawler.settle.install",
                        playwright_page_methods=settle.page_methods(_RESOURCE_JS))
        headers = {"Referer": referer} if referer else None
        if formdata is not None:
            return Request(url, method="POST", body=body, callback=self.parse, errback=self.failed, meta=meta,
                           priority=priority,
                           headers={**(headers or {}), "Content-Type": "application/x-www-form-urlencoded"})
        return Request(url, callback=self.parse, errback=self.failed, meta=meta, priority=priority, headers=headers)

    # ---------------------------------------------------------------- responses
    def parse(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        kind = meta.get("kind", "page")
        column = self.column_of(meta)
        ctype = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
        body = response.body
        is_html = (any(t in ctype for t in _HTML_TYPES) or not ctype) and not (
            kind == "attachment" and not ctype.startswith("text/html"))
        if kind == "attachment" or not is_html and "json" not in ctype:
            yield from self.record(response, "attachment")
            self.counts["attachments"] += 1
            if column:
                column.attachments_fetched += 1
            return
        text = decode_html(body, ctype).text if "json" not in ctype else body.decode("utf-8", "replace")
        if looks_blocked(response.status, text):
            yield from self.record(response, kind, error=("blocked", "WAF/anti-bot page (detected by content)"))
            if kind == "home":
                self.home_error = "blocked"
            return
        if column is None and ("json" in ctype or meta.get("api")) and not meta.get("column_hint"):
            label = json_column_label(text)  # name the column before the fetch is recorded
            if label:
                meta["column_hint"] = (column_code(label), label)
        yield from self.record(response, kind)
        if meta.get("render"):
            self.rendered += 1
            self.counts["rendered"] += 1
        if "json" in ctype or meta.get("api"):
            yield from self.follow_api(response, text, column)
            return
        if text.lstrip().startswith("<datastore") or (text.lstrip().startswith("<?xml") and "<datastore" in text[:500]):
            yield from self.follow_listing(response, listing_of(None, text, ctype, response.url).items, column,
                                           page_no=meta.get("page_no", 0))
            return
        page = parse_html(text, response.url, for_crawl=True)
        if column is not None and kind != "list":
            column.items_fetched += 1
        yield from self.follow(response, page, column)
        if meta.get("render"):
            yield from self.follow_apis_seen(response, column)
        elif self.should_render(page, kind):
            self.counts["shells"] += 1
            self.shell_urls.add(response.url)
            variants = [response.url, *sorted(self.fragment_variants.pop(response.url, ()))]
            if self.render_available and self.render_requests < self.crawl.max_rendered_pages_per_site:
                for url in variants:
                    yield from self.render_or_reuse(url, kind=kind, priority=400, depth=meta.get("depth", 0),
                                                    column=column, anchor=meta.get("anchor", ""),
                                                    referer=meta.get("referer_url"))
            elif column is not None:
                column.js_unresolved = True
                column.stop("js")

    def column_of(self, meta: dict[str, Any]) -> ColumnTally | None:
        """The column a request belongs to; rebuilt from its meta when this process has not seen the
        column yet (a resumed crawl, or another worker of a distributed crawl)."""
        key = meta.get("column_key")
        if not key:
            return None
        if key not in self.columns:
            self.columns[key] = ColumnTally(key=key, code=meta.get("column_code"), label=meta.get("column_label"))
        return self.columns[key]

    # ------------------------------------------------------------ render cache (incremental runs)
    def render_or_reuse(self, url: str, **kw: Any) -> Iterator[Any]:
        """Render `url`, unless the last run rendered it and every API that render called is unchanged
        (304): then its stored DOM is reused. Chromium cannot make a conditional navigation (a 304 aborts
        it), so without this an unchanged single-page app would be rendered again every night."""
        key = request_key(url, "GET", None, "render")
        prior = self.state.renders.get(key)
        deps = self.state.render_deps.get(prior["url"] if prior else "", None) if prior else None
        if prior is None or deps is None or self.fresh or key in self.keys \
                or not self.state.blobs.has(prior["body_sha256"]):
            req = self.request(url, render=True, **kw)
            if req:
                yield req
            return
        self.keys.add(key)
        check = RenderCheck(url=url, key=key, prior=prior, kw=kw)
        for dep in deps:
            dkey = request_key(dep)
            if dkey in self.api_results:
                check.changed |= self.api_results[dkey]
                continue
            check.pending.add(dkey)
            self.api_waiters.setdefault(dkey, []).append(check)
            if dkey not in self.keys:
                req = self.request(dep, kind="api", priority=330, depth=kw.get("depth", 0), column=kw.get("column"),
                                   referer=prior["url"], api=True)
                if req is None:  # over budget: the render decides
                    check.pending.discard(dkey)
                    check.changed = True
                else:
                    yield req
        yield from self.settle(check)

    def api_settled(self, key: str, changed: bool) -> Iterator[Any]:
        self.api_results[key] = changed
        for check in self.api_waiters.pop(key, []):
            check.pending.discard(key)
            check.changed |= changed
            yield from self.settle(check)

    def settle(self, check: RenderCheck) -> Iterator[Any]:
        if check.pending or check.done:
            return
        check.done = True
        body = None if check.changed else self.state.read_blob(check.prior["body_sha256"])
        if body is None:
            self.keys.discard(check.key)
            req = self.request(check.url, render=True, **check.kw)
            if req:
                yield req
            return
        column = check.kw.get("column")
        meta = {"request_key": check.key, "kind": check.kw.get("kind", "page"), "depth": check.kw.get("depth", 0),
                "anchor": check.kw.get("anchor", ""), "referer_url": check.kw.get("referer"),
                "column_key": column.key if column else None, "column_code": column.code if column else None,
                "column_label": column.label if column else None, "download_slot": self.site.id,
                "render": True, "not_modified": True}
        request = Request(check.url, meta=meta)
        response = HtmlResponse(url=check.prior["url"], status=200, headers=check.prior.get("headers") or {},
                                body=body, request=request, encoding="latin-1")
        self.render_requests += 1
        yield from self.parse(response)

    def rendered_only_last_time(self, url: str) -> bool:
        """The last run knew this page as a script shell and rendered it without a plain fetch."""
        return (self.render_available and bool(self.state.renders)
                and request_key(url, "GET", None, "render") in self.state.renders
                and request_key(url) not in self.state.validators)

    def render_directly(self) -> bool:
        """On a single-page app (most pages so far were empty shells) skip the useless static fetch."""
        shells = self.counts["shells"]
        return (self.render_available and shells >= 3 and shells * 2 >= self.counts["pages"]
                and self.render_requests < self.crawl.max_rendered_pages_per_site)

    def should_render(self, page: Page, kind: str) -> bool:
        if self.render_mode == "never":
            return False
        if self.render_mode == "always":
            return True
        return page.js_hint

    def follow(self, response: Response, page: Page, column: ColumnTally | None) -> Iterator[Request]:
        meta = response.meta
        depth = meta.get("depth", 0)
        kind = meta.get("kind")
        listing = listing_of(page, "", "text/html", response.url)
        is_list = kind == "list" or (kind != "home" and (page.kind == "list" or listing.datastore is not None))
        if is_list:
            if kind != "list":
                column = self.open_column(response, page, column)
            # pagination first: it is how a list stays complete
            yield from self.follow_listing(response, listing.items, column, page_no=meta.get("page_no", 0),
                                           page=page, datastore=listing.datastore)
        for link in page.attachments if self.crawl.fetch_attachments else []:
            hop = not self.owns(link.url) and self.crawl.follow_linked_hosts and _official(link.url)
            req = self.request(link.url, kind="attachment", priority=150, depth=depth + 1, column=column,
                               anchor=link.label, referer=response.url, hop=hop)
            if req:
                yield req
        listed = {lk.url for lk in listing.items} if is_list else set()
        for link in page.links:
            if link.is_attachment or link.url in listed:
                continue
            yield from self.follow_link(response, link, column, depth)

    def follow_link(self, response: Response, link: Link, column: ColumnTally | None,
                    depth: int) -> Iterator[Request]:
        code = column_code(link.label) if link.region in ("nav", "crumb", "body", "footer") else None
        if code is None and link.menu_parent:
            code = column_code(link.menu_parent)  # 行政执法公示 › 行政处罚: the sub-column of a known column
        # A menu, crumb or footer link is the same on every page: it never belongs to the column of the page it
        # was found on (else a sub-column's code would depend on which page the crawl happened to see it on first)
        inherited = None if code or link.region in ("nav", "crumb", "footer") else column
        if link.region in ("nav", "crumb"):
            prio, new_depth = (600 if code and code not in NEWS_CODES else 350), 1
        elif link.region == "footer":
            prio, new_depth = 60, depth + 1
        else:
            prio, new_depth = (450 if code and code not in NEWS_CODES else 100 - min(depth, 9) * 5), depth + 1
        if self.owns(link.url):
            kw: dict[str, Any] = {"kind": "page", "priority": prio, "depth": new_depth,
                                  "column": inherited, "anchor": link.label,
                                  "referer": response.url, "list_date": link.date_text}
            if self.render_directly() or self.rendered_only_last_time(link.url):
                yield from self.render_or_reuse(link.url, **kw)
                return
            req = self.request(link.url, **kw)
            if req is not None:
                req.meta["column_hint"] = (code, link.label) if code else None
                yield req
        elif (self.crawl.follow_linked_hosts and not response.meta.get("hop") and _official(link.url)
              and netloc_of(link.url) not in self.other_sites):
            # one hop to a department/platform host the site links to (not a configured site)
            req = self.request(link.url, kind="page", priority=80, depth=self.crawl.max_depth, column=column,
                               anchor=link.label, referer=response.url, hop=True)
            if req:
                yield req

    def open_column(self, response: Response, page: Page, parent: ColumnTally | None) -> ColumnTally:
        hint = response.meta.get("column_hint")
        crumb_code = None
        for label in reversed(page.breadcrumb):
            crumb_code = column_code(label)
            if crumb_code:
                break
        label = (hint[1] if hint else None) or page.meta.get("columnname") or response.meta.get("anchor") \
            or (page.breadcrumb[-1] if page.breadcrumb else page.title)
        code = (hint[0] if hint else None) or column_code(page.meta.get("columnname", "")) or crumb_code \
            or column_code(label or "") or (parent.code if parent else None)
        key = response.meta.get("column_key") or response.url
        if key not in self.columns:
            self.columns[key] = ColumnTally(key=key, code=code, label=normalise_label(label or "")[:64] or None)
        response.meta["column_key"] = key
        return self.columns[key]

    def follow_listing(self, response: Response, items: list[Link], column: ColumnTally | None, *, page_no: int,
                       page: Page | None = None, datastore: Any = None) -> Iterator[Request]:
        meta = response.meta
        depth = meta.get("depth", 0)
        if column is None:
            column = self.open_column(response, page or Page(url=response.url), None)
        column.list_pages_fetched += 1
        column.items_listed += len(items)
        column.last_page_reached = max(column.last_page_reached, page_no + 1)
        dates = [self.list_date(lk) for lk in items]
        window = self.window_start if column.code in NEWS_CODES else min(self.window_start, EARLIEST_RULE_WINDOW)
        old_enough = column.saw_dates(dates, window, self.crawl.stop_after_old_items)
        news = column.code in NEWS_CODES
        for lk, d in zip(items, dates, strict=True):
            target_kind = "attachment" if lk.is_attachment or is_attachment_url(lk.url) else "page"
            prio = 120 if news else 220
            req = self.request(lk.url, kind=target_kind, priority=prio, depth=depth + 1, column=column,
                               anchor=lk.label, list_date=d.isoformat() if d else lk.date_text,
                               referer=response.url)
            if req:
                yield req
        if old_enough:
            column.stop("old_items")
            return
        if column.list_pages_fetched >= self.crawl.max_list_pages_per_column:
            column.stop("max_pages")
            return
        yield from self.next_pages(response, column, page_no, page, datastore, len(items))

    def next_pages(self, response: Response, column: ColumnTally, page_no: int, page: Page | None,
                   datastore: Any, n_items: int) -> Iterator[Request]:
        depth = response.meta.get("depth", 0)
        urls: list[str] = []
        forms: list[tuple[str, dict[str, str]]] = []
        if page is not None:
            urls.extend(u for u in page.next_links if self.owns(u))
            urls.extend(trs_pages(page))
            if datastore is not None:
                pager = hanweb_pager(page, datastore)
                if pager:
                    forms.extend(pager.requests(len(datastore.records)))
            urls.extend(_numbered_pages(page, response.url))
        for url in dict.fromkeys(urls):
            req = self.request(url, kind="list", priority=300, depth=depth, column=column, referer=response.url,
                               page_no=page_no + 1, anchor=response.meta.get("anchor", ""))
            if req:
                yield req
        for url, form in forms:
            req = self.request(url, kind="list", priority=300, depth=depth, column=column, referer=response.url,
                               page_no=page_no + 1, formdata=form)
            if req:
                yield req

    def follow_api(self, response: Response, text: str, column: ColumnTally | None) -> Iterator[Any]:
        yield from self.api_settled(response.meta.get("request_key", ""), not response.meta.get("not_modified"))
        items = listing_of(None, text, "application/json", response.url).items
        if not items:
            return  # a detail or config object, not a list: nothing to follow
        if column is None:
            column = self.open_column(response, Page(url=response.url), None)
        yield from self.follow_listing(response, items, column, page_no=response.meta.get("page_no", 0))
        if items:
            nxt = _bump_page_param(response.url)
            if nxt:
                req = self.request(nxt, kind="api", priority=300, depth=response.meta.get("depth", 0), column=column,
                                   referer=response.url, page_no=response.meta.get("page_no", 0) + 1, api=True)
                if req:
                    yield req

    def follow_apis_seen(self, response: Response, column: ColumnTally | None) -> Iterator[Request]:
        """The XHR/fetch URLs a rendered page called: list APIs are fetched directly from now on."""
        methods = response.meta.get("playwright_page_methods") or []
        results = [getattr(m, "result", None) for m in methods]
        urls = [u for r in results if isinstance(r, list) for u in r if isinstance(u, str)]
        for url in urls:
            if not self.owns(url) or is_attachment_url(url):
                continue
            req = self.request(url, kind="api", priority=320, depth=response.meta.get("depth", 0), column=column,
                               referer=response.url, api=True)
            if req:
                yield req

    def list_date(self, link: Link) -> dt.date | None:
        raw = link.date_text
        if not raw:
            return None
        d = parse_date(raw)
        if d is not None:
            return d
        m = re.match(r"^\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})", raw)
        if m:
            u = url_date(link.url)
            year = infer_year(int(m.group(1)), int(m.group(2)), url=link.url) if u is None else u.year
            if year:
                try:
                    return dt.date(year, int(m.group(1)), int(m.group(2)))
                except ValueError:
                    return None
        return None

    def parse_robots(self, response: Response) -> Iterator[Request]:
        if response.status != 200:
            return
        for line in response.text.splitlines():
            if line.lower().startswith("sitemap:"):
                url = line.split(":", 1)[1].strip()
                if self.owns(url):
                    yield Request(url, callback=self.parse_sitemap, errback=self.ignore, priority=40,
                                  meta={"download_slot": self.site.id})

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        from scrapy.utils.sitemap import Sitemap

        try:
            sitemap = Sitemap(response.body)
        except Exception:  # noqa: BLE001 - a broken sitemap is only a lost hint
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                if self.owns(loc):
                    yield Request(loc, callback=self.parse_sitemap, errback=self.ignore, priority=40,
                                  meta={"download_slot": self.site.id})
            else:
                req = self.request(loc, kind="page", priority=90, depth=2, referer=response.url)
                if req:
                    yield req

    def ignore(self, failure: Failure) -> None:
        return None

    # ---------------------------------------------------------------- evidence
    def record(self, response: Response, kind: str, error: tuple[str, str] | None = None) -> Iterator[dict[str, Any]]:
        meta = response.meta
        self.counts["pages"] += 1
        if meta.get("not_modified"):
            self.counts["not_modified"] += 1
        if error:
            self.counts["errors"] += 1
        self._progress()
        if meta.get("replayed"):
            return
        request = response.request
        redirects = list(meta.get("redirect_urls") or [])
        original = redirects[0] if redirects else (request.url if request is not None else response.url)
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        yield {
            "type": "fetch", "site_id": self.site.id, "request_key": meta["request_key"], "url": original,
            "method": request.method if request is not None else "GET",
            "request_body": request.body.decode("utf-8", "replace")[:2000] if request is not None and request.body else None,
            "final_url": response.url,
            "redirects": [{"url": u, "status": s} for u, s in zip(redirects, meta.get("redirect_reasons") or [],
                                                                     strict=False)],
            "status": response.status, "headers": headers, "content_type": headers.get("Content-Type"),
            "body": response.body, "body_size": len(response.body),
            "render_mode": "browser" if meta.get("render") else ("api" if meta.get("api") else "static"),
            "kind": kind, "depth": meta.get("depth", 0), "referer": meta.get("referer_url"),
            "anchor_text": meta.get("anchor") or None, "column_code": self._code(meta), "column_label": self._label(meta),
            "list_date": meta.get("list_date"), "not_modified": bool(meta.get("not_modified")),
            "elapsed_ms": int((meta.get("download_latency") or 0) * 1000),
            "error_type": error[0] if error else None, "error_detail": error[1] if error else None,
        }

    def _code(self, meta: dict[str, Any]) -> str | None:
        col = self.column_of(meta)
        hint = meta.get("column_hint")
        return col.code if col else (hint[0] if hint else None)

    def _label(self, meta: dict[str, Any]) -> str | None:
        col = self.column_of(meta)
        hint = meta.get("column_hint")
        return col.label if col else (normalise_label(hint[1])[:64] if hint else None)

    def failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        error_type, detail = classify_failure(failure)
        kind = meta.get("kind", "page")
        column = self.column_of(meta)
        if column is not None:
            if kind in ("list", "api"):
                column.list_pages_failed += 1
                column.stop("error")
            else:
                column.items_failed += 1
        if meta.get("render"):
            error_type = "render" if error_type == "other" else error_type
            if column is not None:
                column.js_unresolved = True
        if meta.get("api"):
            yield from self.api_settled(meta.get("request_key", ""), True)
        if kind == "home" and error_type in SITE_LEVEL | {"http_5xx", "http_4xx", "redirect_loop", "robots"}:
            self.home_error = error_type
        self.counts["errors"] += 1
        self._progress()
        status = None
        response = getattr(failure.value, "response", None)
        if response is not None:
            status = response.status
        redirects = list(meta.get("redirect_urls") or [])
        yield {
            "type": "fetch", "site_id": self.site.id, "request_key": meta.get("request_key") or request_key(request.url),
            "url": redirects[0] if redirects else request.url, "method": request.method,
            "final_url": request.url, "redirects": [{"url": u} for u in redirects], "status": status,
            "headers": {}, "content_type": None, "body": None, "kind": kind, "depth": meta.get("depth", 0),
            "referer": meta.get("referer_url"), "anchor_text": meta.get("anchor") or None,
            "column_code": self._code(meta), "column_label": self._label(meta), "list_date": meta.get("list_date"),
            "render_mode": "browser" if meta.get("render") else "static",
            "error_type": error_type, "error_detail": detail,
        }

    def _progress(self) -> None:
        if self.progress is not None:
            self.progress.update(self.site.id, self.counts)

    def coverage_rows(self) -> list[dict[str, Any]]:
        """This process's coverage of each column, written when the spider closes."""
        for col in self.columns.values():
            if self.truncated:
                col.stop("max_pages")
        rows = [c.row(self.site.id) for c in self.columns.values()]
        if self.truncated:  # the page budget ran out: the site as a whole is not covered
            site = ColumnTally(key=SITE_BUDGET_KEY, code=None, label="整站页数上限")
            site.stop("max_pages")
            rows.append(site.row(self.site.id))
        return [dict(r, worker=self.state.worker or "") for r in rows]


@dataclass
class RenderCheck:
    """A page whose last rendering may be reused, waiting for the APIs that rendering called."""

    url: str
    key: str
    prior: dict[str, Any]
    kw: dict[str, Any]
    pending: set[str] = field(default_factory=set)
    changed: bool = False
    done: bool = False


def _official(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host.endswith(".gov.cn") or host.endswith(".gov")


def _repeats_segments(path: str) -> bool:
    segs = [s for s in path.split("/") if s]
    return len(segs) > 12 or any(c >= 3 for c in Counter(segs).values())


def _numbered_pages(page: Page, url: str) -> list[str]:
    """Numbered pager links of this list ('2', '3', 'index_2.html', '?page=3')."""
    out = []
    for link in page.links:
        if link.text.isdigit() and 1 < int(link.text) < 5000 and link.region != "list":
            out.append(link.url)
    return out


def _bump_page_param(url: str) -> str | None:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for i, (k, v) in enumerate(query):
        if k.lower() in _PAGE_PARAMS and v.isdigit():
            query[i] = (k, str(int(v) + 1))
            return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
    return None


__all__ = ["PortalSpider", "netloc_of", "parse_datastore"]
