"""Downloader middlewares: the private-network guard, loop-aware redirects, and the evidence cache
that makes crawls resumable (replay of this run's stored fetches) and incremental (304 reuse)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.httpobj import urlparse_cached

from crawler.state import CrawlState


def _is_private(ip: str) -> bool:
    addr = ipaddress.ip_address(ip)
    return (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved
            or addr.is_multicast or addr.is_unspecified)


class PrivateNetworkGuard:
    """Refuses requests to loopback/private/link-local addresses unless the config allows them.

    Runs for every request, redirected ones included (a public page redirecting to 127.0.0.1 or to
    the cloud metadata address is the classic SSRF), and resolves names before deciding.
    """

    def __init__(self, allow: bool) -> None:
        self.allow = allow
        self._cache: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> PrivateNetworkGuard:
        return cls(crawler.settings.getbool("GOVAUDIT_ALLOW_PRIVATE"))

    async def process_request(self, request: Request) -> None:
        if self.allow:
            return None
        host = urlparse_cached(request).hostname or ""
        addrs = await self._resolve(host)
        bad = [a for a in addrs if _is_private(a)]
        if bad or host in ("localhost",) or host.endswith(".localhost"):
            raise IgnoreRequest(f"private_address: {host} -> {', '.join(bad) or 'localhost'} "
                                "(set allow_private_networks = true to audit an intranet portal)")
        return None

    async def _resolve(self, host: str) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            pass
        if host not in self._cache:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
                self._cache[host] = sorted({str(info[4][0]) for info in infos})
            except (socket.gaierror, UnicodeError, OSError):
                self._cache[host] = []  # the downloader reports the DNS failure with its own type
        return self._cache[host]


class _LoopCheck:
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            raise IgnoreRequest(f"redirect_loop: {' -> '.join([*chain, redirected.url])}")
        out = super()._redirect(redirected, request, reason)  # type: ignore[misc]
        # the target may have been fetched already under its own URL; this URL still needs its evidence
        out.dont_filter = True
        return out


class LoopAwareRedirect(_LoopCheck, RedirectMiddleware):
    """Scrapy's redirect handling, but a loop is an error with a name instead of a silent drop."""


class LoopAwareMetaRefresh(_LoopCheck, MetaRefreshMiddleware):
    pass


class EvidenceCache:
    """Sits next to the downloader.

    * Resume: a request this run already fetched is answered from the stored body (no network).
    * Incremental: a URL seen in an earlier run is asked for with If-None-Match/If-Modified-Since;
      a 304 is answered with the stored body and marked `not_modified`.
    """

    def __init__(self, state: CrawlState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Any) -> EvidenceCache:
        from crawler.run import REGISTRY

        return cls(REGISTRY[crawler.settings["GOVAUDIT_RUN"]])

    def process_request(self, request: Request) -> Response | None:
        key = request.meta.get("request_key")
        if not key or request.meta.get("fresh"):
            return None
        done = self.state.done.get(key)
        if done is not None:
            body = self.state.read_blob(done["body_sha256"])
            if body is not None:
                request.meta["replayed"] = True
                return _response(done["final_url"] or request.url, done["status"], done["headers"], body,
                                 request)
        prior = self.state.validators.get(key)
        # never for a browser navigation: Chromium aborts a navigation answered with 304 (ERR_ABORTED)
        if prior and self.state.conditional and request.method == "GET" and prior.get("body_sha256") \
                and not request.meta.get("playwright"):
            if prior.get("etag"):
                request.headers[b"If-None-Match"] = prior["etag"]
            if prior.get("last_modified"):
                request.headers[b"If-Modified-Since"] = prior["last_modified"]
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 304:
            return response
        key = request.meta.get("request_key")
        prior = self.state.validators.get(key or "")
        body = self.state.read_blob(prior["body_sha256"]) if prior else None
        if body is None:  # we no longer have the body: ask again without validators
            raise IgnoreRequest("other: 304 without a stored body")
        request.meta["not_modified"] = True
        headers = dict(prior.get("headers") or {})  # type: ignore[union-attr]
        return _response(response.url, 200, headers, body, request)


def _response(url: str, status: int, headers: dict[str, Any], body: bytes, request: Request) -> Response:
    return HtmlResponse(url=url, status=status, headers=headers, body=body, request=request,
                        encoding="latin-1")  # bytes are decoded by govaudit.extract.encoding, not Scrapy


class RenderPagePool:
    """Keeps a site's browser tabs open between renders instead of opening a new tab for each one.

    scrapy-playwright opens and closes a page per request; on this machine a fresh tab per navigation
    halves Chromium's render rate. Render requests borrow an idle tab of the site's context here, and
    give it back once its DOM is in the response; a tab whose render failed is closed, not reused.
    A borrowed tab is never closed, so it never frees scrapy-playwright's per-context page semaphore:
    the pool hands out at most PLAYWRIGHT_MAX_PAGES_PER_CONTEXT tabs itself (a render waits here for a
    tab, never inside the handler, which would deadlock). Sits next to the download handler (after the
    cache and the retry middleware), so a retried or re-queued request never carries a tab.
    """

    def __init__(self, max_tabs: int) -> None:
        self.max_tabs = max(1, max_tabs)
        self.idle: list[Any] = []
        self._tabs: asyncio.Semaphore | None = None  # made in the running loop

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderPagePool:
        return cls(crawler.settings.getint("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", 4))

    async def process_request(self, request: Request) -> None:
        if not request.meta.get("playwright"):
            return
        if self._tabs is None:
            self._tabs = asyncio.Semaphore(self.max_tabs)
        await self._tabs.acquire()
        request.meta["_govaudit_tab"] = True
        request.meta["playwright_include_page"] = True
        while self.idle:
            page = self.idle.pop()
            if not page.is_closed():
                request.meta["playwright_page"] = page
                return

    def _give_back(self, request: Request) -> Any:
        if request.meta.pop("_govaudit_tab", False) and self._tabs is not None:
            self._tabs.release()
        return request.meta.pop("playwright_page", None)

    def process_response(self, request: Request, response: Response) -> Response:
        page = self._give_back(request)
        if page is not None and not page.is_closed():
            self.idle.append(page)
        return response

    async def process_exception(self, request: Request, exception: BaseException) -> None:
        page = self._give_back(request)
        if page is not None and not page.is_closed():
            await page.close()
