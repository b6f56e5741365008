"""When a rendered page is done: its scripts have stopped fetching and stopped changing the DOM.

Playwright's `networkidle` waits for 500 ms without network traffic on every page, which made renders
cost at least half a second each. Instead a script installed before the page's own scripts counts the
fetch/XHR calls and script loads (JSONP) in flight and notes the last DOM change; the page is settled
when nothing is in flight and the DOM has been still for QUIET_MS. A page that never settles (a ticker,
long polling) is taken as it is after SETTLE_CAP_MS rather than failed.
"""

from __future__ import annotations

from typing import Any

QUIET_MS = 250
SETTLE_CAP_MS = 8000

SETTLE_INIT_JS = r"""
(() => {
  if (window.__gaSettle) return;
  let inflight = 0, last = performance.now();
  const touch = () => { last = performance.now(); };
  const done = () => { inflight = Math.max(0, inflight - 1); touch(); };
  const origFetch = window.fetch;
  if (origFetch) {
    window.fetch = function (...args) {
      inflight++; touch();
      return origFetch.apply(this, args).finally(done);
    };
  }
  const origSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    inflight++; touch();
    this.addEventListener('loadend', done, {once: true});
    return origSend.apply(this, args);
  };
  const watchScript = (node) => {
    if (node.tagName === 'SCRIPT' && node.src && !node.__gaSeen) {
      node.__gaSeen = true; inflight++;
      node.addEventListener('load', done, {once: true});
      node.addEventListener('error', done, {once: true});
    }
  };
  new MutationObserver((records) => {
    touch();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && document.readyState === 'complete') watchScript(n);
  }).observe(document, {subtree: true, childList: true, characterData: true});
  window.__gaSettle = (quiet) => inflight === 0 && document.readyState === 'complete' && performance.now() - last >= quiet;
})();
"""

SETTLE_WAIT_JS = r"""
async ([quiet, cap]) => {
  const t0 = performance.now();
  while (performance.now() - t0 < cap) {
    if (window.__gaSettle && window.__gaSettle(quiet)) return true;
    await new Promise((r) => setTimeout(r, 40));
  }
  return false;
}
"""


async def install(page: Any, request: Any) -> None:
    """`playwright_page_init_callback`: runs before the page's own scripts (once per tab: tabs are reused)."""
    if getattr(page, "_govaudit_settle", False):
        return
    page._govaudit_settle = True
    await page.add_init_script(SETTLE_INIT_JS)


def page_methods(resource_js: str) -> list[Any]:
    from scrapy_playwright.page import PageMethod

    return [PageMethod("evaluate", SETTLE_WAIT_JS, [QUIET_MS, SETTLE_CAP_MS]), PageMethod("evaluate", resource_js)]
