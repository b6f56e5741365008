"""Spreadsheet plumbing for the workbooks: formats, typed columns, safe cells, links, widths.

XlsxWriter writes files Excel, WPS and LibreOffice open without repair prompts and is several times
faster than openpyxl for writing; openpyxl is used by the tests to read them back. Every string
goes through `write_string` (never `write`, which would turn '=…' into a formula), after
`style.clean` (no characters XML forbids) and `safe_cell` (formula injection).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import xlsxwriter

from reports.export import safe_cell
from reports.style import (
    NOT_CHECKED,
    VERDICT_COLOURS,
    clean,
    display_width,
    is_http_url,
    one_line,
    parse_date,
    verdict_zh,
    web_cell,
)

MAX_LINKS_PER_SHEET = 65000  # Excel's limit is 65,530 hyperlinks a worksheet
MAX_URL = 2000  # Excel refuses longer link targets (2,079)
WIDTH_SAMPLE = 300  # rows looked at to size a column
HEADER_FILL = "#1F4E78"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def new_workbook(buf: io.BytesIO) -> Any:
    return xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False, "default_date_format": "yyyy-mm-dd"})


def sheet_name(text: str, taken: set[str]) -> str:
    """Excel sheet names: ≤ 31 characters, none of []:*?/\\, no leading/trailing apostrophe, unique."""
    base = _BAD_SHEET_CHARS.sub(" ", clean(text)).strip().strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


class Styles:
    """The formats of one workbook (XlsxWriter formats belong to a workbook)."""

    def __init__(self, wb: Any) -> None:
        base = {"font_name": "等线", "font_size": 10, "valign": "top"}
        self.title = wb.add_format({**base, "bold": True, "font_size": 14})
        self.note = wb.add_format({**base, "font_color": "#595959"})
        self.bold = wb.add_format({**base, "bold": True})
        self.header = wb.add_format({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL,
                                     "text_wrap": True, "border": 1, "border_color": "#BFBFBF"})
        self.text = wb.add_format(base)
        self.wrap = wb.add_format({**base, "text_wrap": True})
        self.link = wb.add_format({**base, "font_color": "#0563C1", "underline": 1})
        self.date = wb.add_format({**base, "num_format": "yyyy-mm-dd", "align": "left"})
        self.datetime = wb.add_format({**base, "num_format": "yyyy-mm-dd hh:mm", "align": "left"})
        self.int = wb.add_format({**base, "num_format": "0"})
        self.float = wb.add_format({**base, "num_format": "0.00"})
        self.pct = wb.add_format({**base, "num_format": "0%"})
        self.muted = wb.add_format({**base, "font_color": "#A6A6A6", "align": "center"})
        self.verdict = {v: wb.add_format({**base, "bg_color": fill, "font_color": font, "align": "center",
                                          "border": 1, "border_color": "#FFFFFF"})
                        for v, (fill, font) in VERDICT_COLOURS.items()}
        self.links: dict[int, int] = {}

    def count_link(self, ws: Any) -> bool:
        n = self.links.get(id(ws), 0)
        if n >= MAX_LINKS_PER_SHEET:
            return False
        self.links[id(ws)] = n + 1
        return True


@dataclass(frozen=True)
class Col:
    """One column of a table: header, how to get the value from an item, and how to write it.

    kinds: text (our own words), web (page content: one line, formula-safe), wrap (long text,
    wrapped), url (clickable when http(s)), verdict (code -> coloured Chinese word), date, datetime,
    int, float, pct, link (a (target, label) pair to a local file).
    """

    header: str
    get: Callable[[Any], Any]
    kind: str = "text"
    width: int = 40  # upper bound of the auto width


@lru_cache(maxsize=1 << 15)
def link_target(url: str) -> str:
    """Percent-encode what a spreadsheet link target must not contain raw (CJK paths, spaces)."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def write_value(ws: Any, st: Styles, row: int, col: int, value: Any, kind: str = "text") -> None:
    if value is None or value == "":
        if kind == "verdict":
            ws.write_string(row, col, NOT_CHECKED, st.muted)
        return
    if kind == "verdict":
        ws.write_string(row, col, verdict_zh(value), st.verdict.get(value, st.text))
    elif kind == "url":
        text = web_cell(value, 2000)
        target = link_target(value) if is_http_url(value) else ""
        if target and len(target) <= MAX_URL and st.count_link(ws):
            ws.write_url(row, col, target, st.link, string=text)
        else:
            ws.write_string(row, col, text, st.text)
    elif kind == "link":
        target, label = value
        if st.count_link(ws):
            ws.write_url(row, col, f"external:{target}", st.link, string=web_cell(label))
        else:
            ws.write_string(row, col, web_cell(label), st.text)
    elif kind in ("date", "datetime"):
        if isinstance(value, dt.datetime):
            ws.write_datetime(row, col, value.replace(tzinfo=None), st.datetime if kind == "datetime" else st.date)
            return
        d = parse_date(value)
        if d is not None and kind == "date":
            ws.write_datetime(row, col, dt.datetime(d.year, d.month, d.day), st.date)
        else:
            ws.write_string(row, col, web_cell(value), st.text)
    elif kind in ("int", "float", "pct") and isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, col, value, {"int": st.int, "float": st.float, "pct": st.pct}[kind])
    elif kind == "wrap":
        ws.write_string(row, col, str(web_cell_multiline(value)), st.wrap)
    else:
        ws.write_string(row, col, web_cell(value), st.text)


def web_cell_multiline(value: Any) -> str:
    return str(safe_cell(clean(value).strip()))


def _width(col: Col, items: Sequence[Any]) -> float:
    widest = display_width(col.header.split("\n")[0]) + 2
    if col.kind == "verdict":
        return max(widest, 8)
    if col.kind in ("date", "datetime"):
        return max(widest, 11 if col.kind == "date" else 16)
    for item in items[:WIDTH_SAMPLE]:
        value = col.get(item)
        if value is None:
            continue
        if col.kind == "link":
            value = value[1]
        text = one_line(value, 120)
        widest = max(widest, display_width(text) + 1)
        if widest >= col.width:
            break
    return max(6, min(widest, col.width))


def write_table(ws: Any, st: Styles, top: int, cols: Sequence[Col], items: Sequence[Any], *,
                freeze_cols: int = 0, empty_note: str = "", autofilter: bool = True, freeze: bool = True,
                widths: dict[int, float] | None = None) -> int:
    """Header at row `top`, one row an item below; frozen header, autofilter, widths. Returns next row.

    With `widths`, column widths are collected there (several tables on one sheet) instead of set.
    """
    for c, col in enumerate(cols):
        ws.write_string(top, c, col.header, st.header)
        w = _width(col, items)
        if widths is not None:
            widths[c] = max(widths.get(c, 0), w)
        else:
            ws.set_column(c, c, w, st.wrap if col.kind == "wrap" else None)
    ws.set_row(top, 30)
    if freeze:
        ws.freeze_panes(top + 1, freeze_cols)
    row = top + 1
    for item in items:
        for c, col in enumerate(cols):
            write_value(ws, st, row, c, col.get(item), col.kind)
        row += 1
    if autofilter:
        ws.autofilter(top, 0, max(row - 1, top), len(cols) - 1)
    if not items and empty_note:
        ws.write_string(row, 0, empty_note, st.note)
        row += 1
    return row


def write_legend(ws: Any, st: Styles, row: int, col: int = 0) -> None:
    ws.write_string(row, col, "图例：", st.bold)
    for i, v in enumerate(("PASS", "FAIL", "REVIEW", "PENDING", "NA", "ERROR")):
        ws.write_string(row, col + 1 + i, verdict_zh(v), st.verdict[v])
    ws.write_string(row, col + 7, NOT_CHECKED + " 未检查", st.muted)


def write_pairs(ws: Any, st: Styles, row: int, pairs: Sequence[tuple[str, Any]]) -> int:
    """A key/value block (说明 sheets)."""
    for key, value in pairs:
        ws.write_string(row, 0, key, st.bold)
        if isinstance(value, dt.datetime):
            write_value(ws, st, row, 1, value, "datetime")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            ws.write_number(row, 1, value, st.int)
        else:
            ws.write_string(row, 1, web_cell(value if value is not None else ""), st.text)
        row += 1
    return row
