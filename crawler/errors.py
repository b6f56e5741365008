"""Typed could-not-check: every failed fetch gets one of these codes (rules_spec §5.8, issue 4 item 7)."""

from __future__ import annotations

import re

from twisted.python.failure import Failure

ERROR_TYPES = {
    "dns": "域名解析失败",
    "refused": "连接被拒绝",
    "timeout": "连接或响应超时",
    "tls": "TLS/证书错误",
    "http_4xx": "HTTP 4xx 错误",
    "http_5xx": "HTTP 5xx 错误",
    "redirect_loop": "重定向循环或次数过多",
    "blocked": "被防火墙/验证码/反爬拦截",
    "oversize": "文件超过大小上限",
    "robots": "robots.txt 禁止抓取",
    "private_address": "指向内网或本机地址（未允许）",
    "connection": "连接中断",
    "render": "浏览器渲染失败",
    "mojibake": "乱码，无法读取（判定时发现）",
    "other": "其他错误",
}

# Errors that mean "the site itself cannot be reached": checks become ERROR, never FAIL.
SITE_LEVEL = {"dns", "refused", "timeout", "tls", "blocked", "connection", "private_address"}

# WAF / anti-bot pages served with 200 (detected by content, not status).
_WAF_MARKERS = re.compile(
    r"访问验证|安全验证|人机验证|滑动验证|请完成验证|您的访问被拒绝|访问被拦截|拦截了您的访问|网站防火墙|云防护|安全狗|"
    r"创宇盾|知道创宇|云锁|yunsuo|__jsl_clearance|acw_sc__v2|_waf_|waf\.|请开启JavaScript并刷新|"
    r"Access Denied|Request blocked|captcha|CAPTCHA|安全检测中|正在进行安全检测|访问频率过高"
)


def looks_blocked(status: int, text: str) -> bool:
    """A block page: 412/521/403 statuses, or a short 200 page whose text is a challenge."""
    if status in (412, 521, 523, 429):
        return True
    head = text[:6000]
    if not _WAF_MARKERS.search(head):
        return False
    visible = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>|\s+", "", head, flags=re.S)
    return len(text) < 30_000 and len(visible) < 1500


def classify_failure(failure: Failure) -> tuple[str, str]:
    """(error_type, detail) for an errback failure."""
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import error as terr
    from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, HttpError):
        status = exc.response.status
        if looks_blocked(status, exc.response.text if hasattr(exc.response, "text") else ""):
            return "blocked", f"HTTP {status}"
        return ("http_5xx" if status >= 500 else "http_4xx"), f"HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        msg = str(exc)
        for code in ("private_address", "redirect_loop", "blocked", "oversize"):
            if msg.startswith(code):
                return code, msg
        if "robots" in msg.lower():
            return "robots", msg
        if "redirect" in msg.lower():
            return "redirect_loop", msg
        return "other", msg
    from scrapy import exceptions as sx

    chain = _chain(exc) if exc is not None else []
    if any("SSL" in repr(e) or "certificate" in repr(e).lower() for e in chain):
        return "tls", detail
    if isinstance(exc, (terr.DNSLookupError, sx.CannotResolveHostError)):
        return "dns", detail
    if isinstance(exc, sx.DownloadConnectionRefusedError):
        return "refused", detail
    if isinstance(exc, sx.DownloadTimeoutError):
        return "timeout", detail
    if isinstance(exc, sx.DownloadCancelledError):
        # A body that outgrows the cap while streaming (no Content-Length) is cancelled without a message;
        # an announced Content-Length above the cap says "max size". Timeouts arrive as DownloadTimeoutError.
        if not str(exc):
            return "oversize", f"{type(exc).__name__}: body exceeded the download size cap while streaming"
        return ("oversize", detail) if "size" in str(exc) else ("connection", detail)
    if isinstance(exc, (sx.DownloadFailedError, sx.ResponseDataLossError)):
        return "connection", detail
    if isinstance(exc, terr.DNSLookupError):
        return "dns", detail
    if isinstance(exc, terr.ConnectionRefusedError):
        return "refused", detail
    if isinstance(exc, (terr.TimeoutError, terr.TCPTimedOutError)) or "timeout" in type(exc).__name__.lower():
        return "timeout", detail
    text = repr(exc)
    if "SSL" in text or "certificate" in text.lower() or "tls" in text.lower():
        return "tls", detail
    if "maxsize" in text or "max size" in text or "Cancelled" in type(exc).__name__:
        return "oversize", detail
    if isinstance(exc, (ResponseNeverReceived, ResponseFailed, terr.ConnectionLost, terr.ConnectionDone)):
        return "connection", detail
    if isinstance(exc, terr.ConnectError):
        return "refused", detail
    return "other", detail


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes (Scrapy 2.13+ wraps Twisted's errors in its own)."""
    out: list[BaseException] = []
    node: BaseException | None = exc
    while node is not None and len(out) < 6:
        out.append(node)
        reasons = getattr(node, "reasons", None)  # twisted ResponseFailed/ResponseNeverReceived carry failures
        if reasons:
            out.extend(getattr(r, "value", r) for r in reasons if isinstance(getattr(r, "value", r), BaseException))
        node = node.__cause__ or node.__context__
    return out
