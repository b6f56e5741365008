"""Run the portal spiders of one audit run in one Scrapy process (one crawler per site)."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy import select, update

from crawler.progress import Progress
from crawler.spider import PortalSpider, netloc_of
from crawler.state import CrawlState, request_key
from govaudit import __version__, env
from govaudit.config import Config, SiteConfig
from storage.models import Coverage, Fetch, Site
from storage.repo import upsert

# The running crawl states, by run id: middlewares and pipelines find theirs through a setting
# holding the run id (Scrapy deep-copies settings, so the state object itself cannot live there).
REGISTRY: dict[str, CrawlState] = {}


class _RequestKeyFingerprinter:
    """Fingerprints are our request keys: the same identity for dedupe, resume and Redis."""

    def fingerprint(self, request: Any) -> bytes:
        key = request.meta.get("request_key") or request_key(request.url, request.method, request.body)
        variant = b"|redirect" if request.meta.get("redirect_urls") else b""
        return bytes.fromhex(key) + variant + (request.url.encode() if variant else b"")


def chromium_available() -> bool:
    return os.access(env.chromium_path(), os.X_OK)


def user_agent(config: Config) -> str:
    ua = config.crawl.user_agent.replace("{version}", __version__)
    return f"{ua} {config.crawl.contact}".strip() if config.crawl.contact else ua


def base_settings(config: Config, run_id: str, log_file: Path | None) -> dict[str, Any]:
    crawl = config.crawl
    settings: dict[str, Any] = {
        "BOT_NAME": "govaudit",
        "USER_AGENT": user_agent(config),
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "COOKIES_ENABLED": True,  # some portals set a session cookie before serving lists
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_ENABLED": False,  # handlers are installed by _quiet_console
        "DOWNLOAD_TIMEOUT": crawl.timeout_seconds,
        "DOWNLOAD_MAXSIZE": int(crawl.max_page_mb * 2**20),
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 10,
        "CONCURRENT_ITEMS": 16,  # well below the default: small items, less scheduling overhead
        # Scrapy parses the callback's source per response to warn about `return` in generators (~15% of a
        # crawl's CPU in a profile); our callbacks are known
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "SPIDER_MIDDLEWARES": {  # the spider tracks depth and URL length itself
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
            "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
            "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
        },
        "REQUEST_FINGERPRINTER_CLASS": _RequestKeyFingerprinter,
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "GOVAUDIT_RUN": run_id,
        "GOVAUDIT_ALLOW_PRIVATE": crawl.allow_private_networks,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
            "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
            "crawler.middlewares.LoopAwareMetaRefresh": 580,
            "crawler.middlewares.LoopAwareRedirect": 600,
            "crawler.middlewares.PrivateNetworkGuard": 50,
            "crawler.middlewares.EvidenceCache": 950,
            "crawler.middlewares.RenderPagePool": 960,
        },
        "ITEM_PIPELINES": {"crawler.pipeline.StoragePipeline": 100},
    }
    if chromium_available():
        settings.update({
            "DOWNLOAD_HANDLERS": {
                "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
                "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
            },
            "PLAYWRIGHT_BROWSER_TYPE": "chromium",
            "PLAYWRIGHT_BROWSER_PROVIDER": "crawler.browser.SharedBrowserProvider",  # one Chromium per run
            "PLAYWRIGHT_LAUNCH_OPTIONS": {
                "executable_path": env.chromium_path(),
                "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run",
                         "--disable-sync", "--disable-gpu"],
            },
            "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
            "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(crawl.timeout_seconds * 1000),
            "PLAYWRIGHT_ABORT_REQUEST": _abort_heavy,
        })
    return settings


def _quiet_console(log_file: Path | None) -> None:
    """Scrapy's own log goes to the run's log file; the console shows progress and the summary."""
    for name in ("scrapy", "scrapy-playwright", "scrapy_playwright", "twisted", "py.warnings", "asyncio", "crawler"):
        logger = logging.getLogger(name)
        logger.propagate = False
        logger.setLevel(logging.INFO)
        if log_file and not any(isinstance(h, logging.FileHandler) for h in logger.handlers):
            handler = logging.FileHandler(log_file, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
            logger.addHandler(handler)
    logging.captureWarnings(True)


def _abort_heavy(request: Any) -> bool:
    """Rendering needs the DOM, not pictures or fonts."""
    return request.resource_type in ("image", "media", "font")


def site_settings(config: Config, site: SiteConfig) -> dict[str, Any]:
    delay = site.delay_seconds if site.delay_seconds is not None else config.crawl.delay_seconds
    concurrency = site.concurrency or config.crawl.concurrency_per_site
    return {
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.5 if delay > 0 else 0,
        "DOWNLOAD_SLOTS": {site.id: {"concurrency": concurrency, "delay": delay}},
        "AUTOTHROTTLE_ENABLED": config.crawl.autothrottle and delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.5),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(concurrency),
    }


@dataclass
class CrawlSummary:
    pages: int
    errors: int
    rendered: int
    not_modified: int
    sites: dict[str, dict[str, Any]]


def crawl_window_start(config: Config) -> dt.date:
    return config.audit.cycle_start


def run_crawl(config: Config, sites: tuple[SiteConfig, ...], state: CrawlState, *, previous_run_id: str | None,
              fresh: bool, log_file: Path | None, show_progress: bool = True,
              redis: tuple[str, int] | None = None) -> CrawlSummary:
    """Crawl `sites` into the run of `state`; blocks until every site is done (or the process is stopped).

    With `redis` = (url, idle seconds) this process is one worker of a distributed crawl: requests
    come from and go to the shared scrapy-redis scheduler, and the coordinator closes the sites."""
    state.load([s.id for s in sites], previous_run_id, fresh)
    REGISTRY[state.run_id] = state
    if log_file:
        log_file.parent.mkdir(parents=True, exist_ok=True)
    progress = Progress({s.id: s.name for s in sites}) if show_progress else None
    from scrapy.utils.reactor import install_reactor, is_reactor_installed

    _quiet_console(log_file)
    if not is_reactor_installed():
        install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    process = CrawlerProcess(Settings({**base_settings(config, state.run_id, log_file),
                                       "LOG_INSTALL_ROOT_HANDLER": False}))
    _quiet_console(log_file)  # after Scrapy's dictConfig, which replaces logger handlers
    other = {netloc_of(s.url): s.id for s in config.sites}
    spiders: list[PortalSpider] = []
    render = chromium_available()
    spider_cls: type[PortalSpider] = PortalSpider
    if redis is not None:
        from scrapy.core.engine import ExecutionEngine

        from crawler.distributed import DistributedPortalSpider, redis_settings

        spider_cls = DistributedPortalSpider
        # An idle engine looks at its scheduler only on its heartbeat (5 s): a worker would join a site's
        # shared queue up to 5 s after another worker filled it, and on small sites that is most of the work
        ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = 1.0
    for site in sites:
        settings = Settings(base_settings(config, state.run_id, log_file))
        settings.setdict(site_settings(config, site), priority="spider")
        if redis is not None:
            settings.setdict(redis_settings(state.run_id, redis[0], redis[1]), priority="spider")
        crawler = Crawler(spider_cls, settings)
        others = {n: sid for n, sid in other.items() if sid != site.id}

        def _closed(spider: PortalSpider, reason: str = "") -> None:
            _write_coverage(state, spider, reason if redis is None else "worker")
            if progress:
                progress.finish(spider.site.id)
            spiders.append(spider)

        # weak=False: the dispatcher holds receivers weakly, and this closure has no other owner
        crawler.signals.connect(_closed, signal=signals.spider_closed, weak=False)
        with state.sessions.begin() as s:
            s.execute(update(Site).where(Site.run_id == state.run_id, Site.site_id == site.id)
                      .values(status="crawling", started_at=dt.datetime.now(dt.UTC)))
        process.crawl(crawler, site=site, crawl=config.crawl, state=state,
                      window_start=crawl_window_start(config), other_sites=others, render_available=render,
                      progress=progress, fresh=fresh)
    try:
        process.start(install_signal_handlers=True)
    finally:
        if progress:
            progress.close()
        REGISTRY.pop(state.run_id, None)
    if redis is None:
        finalize_sites(state.sessions, state.run_id)
    per_site = {sp.site.id: dict(sp.counts) for sp in spiders}
    total = {k: sum(c.get(k, 0) for c in per_site.values()) for k in ("pages", "errors", "rendered", "not_modified")}
    return CrawlSummary(total["pages"], total["errors"], total["rendered"], total["not_modified"], per_site)


def _write_coverage(state: CrawlState, spider: PortalSpider, reason: str) -> None:
    rows = [dict(r, run_id=state.run_id) for r in spider.coverage_rows()]
    with state.sessions.begin() as s:
        if rows:
            upsert(s, Coverage.__table__, rows, ["run_id", "site_id", "column_key", "worker"],  # type: ignore[arg-type]
                   [c for c in rows[0] if c not in ("run_id", "site_id", "column_key", "worker")])
        if reason == "finished":  # a shutdown (SIGTERM/Ctrl-C) leaves the site to be resumed
            s.execute(update(Site).where(Site.run_id == state.run_id, Site.site_id == spider.site.id)
                      .values(status="crawled"))


# The home page's failure decides whether a site could be audited at all (rules_spec §2.2 ERROR).
BLOCKED = {"blocked", "tls", "robots", "http_4xx"}
UNREACHABLE = {"dns", "refused", "timeout", "connection", "http_5xx", "redirect_loop", "private_address", "render",
               "other", "oversize"}


def finalize_sites(sessions: Any, run_id: str) -> None:
    """Status and counts of every crawled site of a run, derived from the stored fetches (so that the
    workers of a distributed crawl need not agree on them)."""
    with sessions.begin() as s:
        for site in s.execute(select(Site).where(Site.run_id == run_id, Site.status == "crawled")).scalars():
            rows = s.execute(select(Fetch.kind, Fetch.error_type, Fetch.render_mode, Fetch.not_modified, Fetch.status)
                             .where(Fetch.run_id == run_id, Fetch.site_id == site.site_id)
                             .order_by(Fetch.id)).all()
            home = [r for r in rows if r.kind == "home"]
            home_ok = [r for r in home if r.error_type is None]
            error = None if home_ok or not home else home[0].error_type
            site.status = "done" if error is None and home_ok else ("blocked" if error in BLOCKED else "unreachable")
            site.error_type = error if site.status != "done" else None
            if not home:
                site.error_type = "no_home_fetch"
            site.pages = sum(1 for r in rows if r.error_type is None and r.kind != "attachment")
            site.attachments = sum(1 for r in rows if r.error_type is None and r.kind == "attachment")
            site.errors = sum(1 for r in rows if r.error_type is not None)
            site.rendered = sum(1 for r in rows if r.render_mode == "browser" and r.error_type is None)
            site.not_modified = sum(1 for r in rows if r.not_modified)
            site.finished_at = dt.datetime.now(dt.UTC)


def mark_crawled(sessions: Any, run_id: str) -> None:
    """The coordinator of a distributed crawl closes every site once the shared queues have drained."""
    with sessions.begin() as s:
        s.execute(update(Site).where(Site.run_id == run_id, Site.status.in_(("pending", "crawling")))
                  .values(status="crawled"))
    finalize_sites(sessions, run_id)
