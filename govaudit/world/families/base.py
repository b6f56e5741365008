"""What every CMS family shares: the Resource record, HTML escaping, body/落款 rendering, pagination maths."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from govaudit.world import attachments
from govaudit.world.model import Attachment, Doc, PortalSpec

# Column codes whose documents carry a 信息公开 metadata block (news-like columns show only a header line).
XXGK_CODES = ("GK", "WJ", "GFX", "GZ", "FG", "JC", "JD", "ZJ", "ZF", "QZ", "ZW", "SF", "XY", "CG", "FZ", "FY", "YJ",
              "HD", "JG")


@dataclass
class Resource:
    path: str                               # URL path (with '?query' for query-addressed resources)
    body: bytes
    content_type: str = ""                  # '' = decided by the site's defaults and the extension
    headers: dict[str, str] = field(default_factory=dict)
    mtime: dt.datetime | None = None        # Last-Modified; None = the world's as_of


class Renderer(Protocol):
    name: str

    def assign(self, portal: PortalSpec) -> None: ...

    def att_urls(self, doc: Doc) -> list[str]: ...

    def render(self, portal: PortalSpec, ctx: RenderContext) -> Iterator[Resource]: ...


@dataclass
class RenderContext:
    as_of: dt.date
    fix: str | None = None                   # render the portal as it is once this fix is applied


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def ymd(day: dt.date) -> str:
    return day.isoformat()


def at(day: dt.date, time: str = "09:30") -> dt.datetime:
    hh, mm = (int(x) for x in time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hh, mm)


def is_xxgk(code: str) -> bool:
    return code.split(".")[0] in XXGK_CODES


def pages(items: list[Doc], size: int) -> list[list[Doc]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def sign_line(doc: Doc) -> str:
    """The 落款 date: the document's written date (never its publish date), or an explicit override."""
    if doc.sign is not None:
        return doc.sign
    if doc.written:
        return f"{doc.written.year}年{doc.written.month}月{doc.written.day}日"
    return ""


def body_html(doc: Doc, sign_org: str = "") -> str:
    parts = [f"<p>{esc(p)}</p>" for p in doc.body]
    if doc.table:
        head, *rows = doc.table
        parts.append('<table class="data" border="1" cellspacing="0">')
        parts.append("<tr>" + "".join(f"<th>{esc(c)}</th>" for c in head) + "</tr>")
        parts.extend("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        parts.append("</table>")
    if doc.extra_html:
        parts.append(doc.extra_html)
    sign = sign_line(doc)
    if sign:
        org = doc.sign_org or sign_org or doc.publisher
        parts.append(f'<p style="text-align:right">{esc(org)}</p>')
        parts.append(f'<p style="text-align:right">{esc(sign)}</p>')
    return "\n".join(parts)


def attachment_resources(doc: Doc, urls: list[str]) -> Iterator[Resource]:
    for att, url in zip(doc.attachments, urls, strict=True):
        yield Resource(url, attachments.render(att), attachments.MIME[att.kind], disposition(att),
                       at(doc.publish, doc.time))


def disposition(att: Attachment) -> dict[str, str]:
    """Content-Disposition as real servers send it: raw GBK bytes, or RFC 5987 percent-encoded UTF-8."""
    from urllib.parse import quote
    if att.disposition == "gbk":
        # http.server writes header values as latin-1, so latin-1 text of the GBK bytes puts those bytes on the wire
        return {"Content-Disposition": 'attachment; filename="' + att.name.encode("gbk").decode("latin-1") + '"'}
    if att.disposition == "rfc5987":
        return {"Content-Disposition": "attachment; filename*=UTF-8''" + quote(att.name)}
    return {}


def short_hash(*parts: object, n: int = 12) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


def year_list_date(doc: Doc) -> dt.date:
    return doc.list_date or doc.publish
