"""Verdict colours and text hygiene shared by every report (xlsx, HTML, terminal)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from audit_rules.base import SEVERITY, VERDICT_ZH
from reports.export import safe_cell

SHANGHAI = ZoneInfo("Asia/Shanghai")

# One palette everywhere (fill, font): PASS green, FAIL red, REVIEW amber, PENDING grey-blue,
# NA light grey, ERROR dark purple. Excel's own "good/bad/neutral" tints, so printouts look familiar.
VERDICT_COLOURS: dict[str, tuple[str, str]] = {
    "PASS": ("#C6EFCE", "#006100"),
    "FAIL": ("#FFC7CE", "#9C0006"),
    "REVIEW": ("#FFEB9C", "#9C5700"),
    "PENDING": ("#D9E1F2", "#1F3864"),
    "NA": ("#EDEDED", "#7F7F7F"),
    "ERROR": ("#5B2C6F", "#FFFFFF"),
}
VERDICT_ORDER = ("FAIL", "REVIEW", "ERROR", "PENDING", "PASS", "NA")  # rules_spec §2.5, worst first
NOT_CHECKED = "—"  # no finding: the rule is not implemented yet or did not run
NOT_CHECKED_ZH = "未检查"
CLASS_ZH = {"A": "A 计算判定", "B": "B 是否公开", "C": "C 人工判断"}
SCOPE_ZH = {"site": "站点总体", "document": "单个文件"}
LEVEL_ZH = {"city": "市级", "county": "县级", "district": "区级", "department": "部门"}
SITE_STATUS_ZH = {"done": "已完成", "pending": "未开始", "crawling": "抓取中", "unreachable": "无法访问",
                  "blocked": "被拦截"}

MAX_CELL = 32000  # Excel's limit is 32,767 characters a cell
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_BAD_URL_CHARS = re.compile('[\\s"<>\\\\^`{|}\x00-\x1f\x7f]')


def verdict_zh(verdict: str | None) -> str:
    if not verdict:
        return NOT_CHECKED
    return VERDICT_ZH.get(verdict, verdict)


def severity(verdict: str | None) -> int:
    return SEVERITY.get(verdict or "", 0)


def worst(verdicts: Any) -> str | None:
    """rules_spec §2.5 order: FAIL > REVIEW > ERROR > PENDING > PASS > NA; None when there is nothing."""
    best: str | None = None
    for v in verdicts:
        if best is None or severity(v) > severity(best):
            best = v
    return best


def clean(value: Any, limit: int = MAX_CELL) -> str:
    """Text that is valid in XML 1.0 (xlsx) and not longer than a cell holds."""
    if value is None:
        return ""
    text = _INVALID_XML.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(value: Any, limit: int = MAX_CELL) -> str:
    return clean(_SPACES.sub(" ", str(value)).strip() if value is not None else "", limit)


def web_cell(value: Any, limit: int = MAX_CELL) -> str:
    """Text that came from a web page, ready for a spreadsheet cell: clean, one line, no formula."""
    if isinstance(value, str) and len(value) <= 512:
        return _web_cell_short(value, limit)  # titles, units, reasons repeat thousands of times
    return str(safe_cell(one_line(value, limit)))


@lru_cache(maxsize=1 << 16)
def _web_cell_short(value: str, limit: int) -> str:
    return str(safe_cell(one_line(value, limit)))


@lru_cache(maxsize=1 << 16)
def display_width(text: str) -> int:
    """Terminal/spreadsheet columns a string takes: CJK characters are two wide."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def to_local(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(SHANGHAI)


def fmt_datetime(value: dt.datetime | None) -> str:
    local = to_local(value)
    return local.strftime("%Y-%m-%d %H:%M") if local else ""


def fmt_date(value: Any) -> str:
    """YYYY-MM-DD for a date, a datetime or an ISO string; '' when there is none."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return fmt_datetime(value)[:10]
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text[:10] if _ISO_DATE.match(text) else text


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _parse_iso_date(value) if isinstance(value, str) else None


@lru_cache(maxsize=1 << 14)
def _parse_iso_date(value: str) -> dt.date | None:
    if _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def is_http_url(url: Any) -> bool:
    """An http(s) URL we are willing to make clickable (no spaces, quotes or control characters)."""
    if not isinstance(url, str) or not url[:8].lower().startswith(("http://", "https://")):
        return False
    return len(url) > 8 and _BAD_URL_CHARS.search(url) is None


def safe_filename(name: str, limit: int = 80) -> str:
    """A file name that works on Windows, macOS and Linux (units forward these files by mail)."""
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f\x7f]', "-", clean(name)).strip(" .")
    return text[:limit] or "unit"
