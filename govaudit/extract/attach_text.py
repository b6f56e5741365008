"""Plain-text, CSV, HTML and MHT attachments: charset detection and tag stripping (no network, no entities)."""

from __future__ import annotations

import codecs
import csv
import email
import email.policy
import io
import re
from html.parser import HTMLParser

from govaudit.extract.attach_base import (
    MAX_COLS,
    MAX_TABLE_ROWS,
    AttachmentText,
    Limits,
    clean_cell,
    strip_controls,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc-cn", "hz", "x-gbk"}
_SAMPLE = 1 << 18  # charset detection looks at the first 256 KiB: the slow step on big files


def _codec(name: str) -> str | None:
    """A Python codec name; GB2312/GBK become GB18030, their superset (servers mislabel GBK as GB2312)."""
    try:
        found = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "gb18030" if found in _GB_FAMILY or name.lower() in _GB_FAMILY else found


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes → (text, encoding): BOM, then strict UTF-8, then the declared charset, then charset-normalizer."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    # Strict UTF-8 first: non-ASCII GBK almost never decodes as UTF-8, while servers often label UTF-8 as gb2312.
    candidates = ["utf-8"]
    declared_codec = _codec(declared) if declared else None
    if declared_codec and declared_codec != "utf-8":
        candidates.append(declared_codec)
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    guessed = _codec(best.encoding) if best is not None else None
    enc = guessed or "gb18030"  # the usual encoding of Chinese government files that are not UTF-8
    return data.decode(enc, errors="replace"), enc


class _TextCollector(HTMLParser):
    """Visible text of an HTML page, one line per block element; script/style dropped."""

    _BLOCK = frozenset(
        "p div br tr li h1 h2 h3 h4 h5 h6 table thead tbody tfoot section article header footer ul ol dl dt dd "
        "pre blockquote title hr form".split()
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._table_stack: list[list[list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "table":
            self._table_stack.append([])
        elif tag == "tr" and self._table_stack:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in ("td", "th"):
            self.parts.append("\t")
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(clean_cell("".join(self._cell)))
            self._cell = None
            self.parts.append("\t")
        elif tag == "tr" and self._row is not None and self._table_stack:
            table = self._table_stack[-1]
            if any(self._row) and len(table) < MAX_TABLE_ROWS:
                table.append(self._row[:MAX_COLS])
            self._row = None
        elif tag == "table" and self._table_stack:
            table = self._table_stack.pop()
            if table:
                self.tables.append(table)
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)


_SPACES = re.compile(r"[ \xa0\u3000]+")
_TABS = re.compile(r" ?\t[ \t]*")  # cell separators: one tab, however much markup whitespace surrounds them


def html_to_text(html: str) -> tuple[str, list[list[list[str]]]]:
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    lines = (
        _TABS.sub("\t", _SPACES.sub(" ", line)).strip(" \t") for line in "".join(parser.parts).splitlines()
    )
    text = "\n".join(line for line in lines if line)
    return text, parser.tables


def _html_declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii") if m else None


def extract_html(data: bytes, content_type: str | None, limits: Limits) -> AttachmentText:
    if data.lstrip()[:13].lower().startswith(b"mime-version"):
        return _extract_mht(data, limits)
    declared = _charset_from_content_type(content_type) or _html_declared_charset(data)
    html, enc = decode(data, declared)
    text, tables = html_to_text(html)
    return AttachmentText(kind="html", text=text, tables=tables, meta={"encoding": enc})


def _extract_mht(data: bytes, limits: Limits) -> AttachmentText:
    """MHT ("单个文件网页", often saved with a .doc name): the text/html parts of a MIME message."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    texts: list[str] = []
    tables: list[list[list[str]]] = []
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        html, _ = decode(payload, part.get_content_charset() or _html_declared_charset(payload))
        text, part_tables = html_to_text(html)
        texts.append(text)
        tables.extend(part_tables)
    return AttachmentText(kind="html", text="\n".join(texts), tables=tables, meta={"mht": True})


def _charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_\-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def extract_text(
    data: bytes, filename: str | None, content_type: str | None, limits: Limits
) -> AttachmentText:
    text, enc = decode(data, _charset_from_content_type(content_type))
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    result = AttachmentText(kind="text", text=text, meta={"encoding": enc})
    is_csv = (filename or "").lower().endswith(".csv") or "csv" in (content_type or "").lower()
    if is_csv:
        rows: list[list[str]] = []
        for row in csv.reader(io.StringIO(text)):
            cells = [clean_cell(c) for c in row[:MAX_COLS]]
            if any(cells):
                rows.append(cells)
            if len(rows) >= min(MAX_TABLE_ROWS, limits.max_rows):
                break
        result.tables = [rows] if rows else []
    return result
