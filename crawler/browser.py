"""One Chromium for the whole run.

scrapy-playwright starts a Playwright driver (a node process) per download handler and a browser per
handler on first use; a run crawls every site with its own Crawler, each with an http and an https
handler, so 19 sites would start 38 drivers and up to 38 browsers. This provider gives every handler of
the process the same driver and browser, each handler still in its own browser context (cookies and
storage stay per site). The browser closes when the last handler closes.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, PlaywrightContextManager

log = logging.getLogger(__name__)


class _Shared:
    def __init__(self) -> None:
        self.manager: PlaywrightContextManager | None = None
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        self.users = 0
        self.launches = 0
        self.lock = asyncio.Lock()


_shared: _Shared | None = None


def _state() -> _Shared:
    global _shared
    if _shared is None:
        _shared = _Shared()
    return _shared


def launches() -> int:
    """How many browsers this process launched (1 per run; more only after a browser crash)."""
    return _shared.launches if _shared else 0


class _Lease:
    """The shared browser as one handler sees it: closing it only lets go (the last user closes it)."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)

    async def close(self, **_: Any) -> None:
        return None


class SharedBrowserProvider:
    """`PLAYWRIGHT_BROWSER_PROVIDER` for scrapy-playwright (see its provider.BrowserProvider protocol)."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self._started = False

    async def start(self) -> None:
        shared = _state()
        async with shared.lock:
            if shared.manager is None:
                shared.manager = PlaywrightContextManager()
                shared.playwright = await shared.manager.start()
            shared.users += 1
            self._started = True

    async def launch_browser(self) -> Browser:
        shared = _state()
        async with shared.lock:
            if shared.playwright is None:
                raise RuntimeError("start() must be awaited before launch_browser()")
            if shared.browser is None or not shared.browser.is_connected():
                browser_type = getattr(shared.playwright, self.config.browser_type_name)
                shared.browser = await browser_type.launch(**self.config.launch_options)
                shared.launches += 1
                log.info("browser launched (%d in this process)", shared.launches)
            return _Lease(shared.browser)  # type: ignore[return-value]  # duck-typed Browser

    async def launch_persistent_context(self, context_kwargs: dict[str, Any]) -> BrowserContext:
        from scrapy.exceptions import NotSupported

        raise NotSupported("persistent contexts are not used by govaudit")

    async def close(self) -> None:
        global _shared
        if not self._started or _shared is None:
            return
        shared, self._started = _shared, False
        async with shared.lock:
            shared.users -= 1
            if shared.users > 0:
                return
            if shared.browser is not None and shared.browser.is_connected():
                await shared.browser.close()
            if shared.manager is not None:
                await shared.manager.__aexit__()
            _shared = None
