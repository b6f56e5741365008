"""Stored crawl -> the evidence rules judge: documents with dates by role, lists, coverage, failures.

"Store raw, derive late": everything here is computed from the stored fetches and raw bodies, so a
rule improvement is applied to an old crawl with `govaudit audit --run ID`, without the network.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.machinery.workdays import WorkCalendar
from govaudit.config import Config, Jurisdiction, SiteConfig, UnitConfig
from govaudit.extract.attachments import EXTRACTOR_VERSION, extract_isolated, filename_from_disposition
from govaudit.extract.columns import codes_of_path, column_code
from govaudit.extract.dates import parse_date, sign_date, url_date
from govaudit.extract.encoding import decode_html
from govaudit.extract.html import Link, Page, is_attachment_url, parse_html
from govaudit.extract.listing import listing_of
from govaudit.policy import Policy
from storage.blobs import Blobs
from storage.models import SITE_BUDGET_KEY, Coverage, Fetch, SeenUrl
from storage.models import Attachment as AttachmentRow
from storage.models import Site as SiteRow
from storage.repo import insert_ignore

log = logging.getLogger(__name__)

# rules_spec §5.3.3: metadata table → header line → list → URL; 落款 is a written_date, never a publish_date.
# <meta name="PubDate"> ranks last: CMSs rewrite it when a page is regenerated, so it never overrides a date the
# site shows (header, list) or filed the page under (URL); it stands in when nothing else dates the page.
SOURCE_ORDER = ("meta", "header", "list", "url", "meta_tag")
EXTRACTION_QUALITY = {"meta": 1.0, "header": 0.9, "meta_tag": 0.9, "list": 0.7, "url": 0.7, "attachment": 0.5,
                      "text_sign": 0.7}
_TITLE_JUNK = re.compile(r"[\s\u3000\xa0]+")


@dataclass
class AttachmentDoc:
    url: str
    name: str
    sha256: str | None = None
    kind: str = "other"
    text: str = ""
    scanned: bool = False
    error: str | None = None
    pages: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    fetch_error: str | None = None


@dataclass
class Doc:
    """One document as the rules see it: a detail page, or a file linked straight from a list."""

    url: str
    final_url: str
    title: str
    title_raw: str
    text: str
    kind: str  # detail | attachment | list | home | other
    fields: dict[str, str] = field(default_factory=dict)
    field_source: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    breadcrumb: list[str] = field(default_factory=list)
    column_codes: set[str] = field(default_factory=set)
    list_titles: list[str] = field(default_factory=list)
    list_dates: list[dt.date] = field(default_factory=list)
    publish_candidates: dict[str, dt.date] = field(default_factory=dict)
    publish_date: dt.date | None = None
    publish_source: str | None = None
    written_date: dt.date | None = None
    written_source: str | None = None
    doc_number: str | None = None
    index_no: str | None = None
    publisher: str | None = None
    attachments: list[AttachmentDoc] = field(default_factory=list)
    sha256: str | None = None
    render_mode: str = "static"
    first_seen_at: dt.datetime | None = None
    site_id: str = ""
    page: Page | None = None

    @property
    def date_conflict(self) -> bool:
        """Sources of §5.3.3 disagreeing by > 3 days. <meta name="PubDate"> is not one of them: CMSs rewrite
        it when a page is regenerated (the 万载县 page: meta 2022, visible 发布日期 2017), so it only stands in
        when nothing else dates the page."""
        sources = {k: v for k, v in self.publish_candidates.items() if k != "meta_tag"}
        return date_conflict(sources, 3)

    @cached_property
    def all_text(self) -> str:
        """Body plus attachment text: what keyword checks read."""
        return "\n".join([self.text, *(a.text for a in self.attachments if a.text)])

    @property
    def head(self) -> str:
        """Title plus the first 300 characters of the body (rules_spec §6 `with_any`)."""
        return f"{self.title}\n{self.text[:300]}"

    # Whitespace-free NFKC forms, computed once per document (every lexicon of every rule reads them).
    @cached_property
    def flat_titles(self) -> tuple[str, ...]:
        from audit_rules.machinery.find import flat

        return (flat(self.title), *(flat(t) for t in self.list_titles))

    @cached_property
    def flat_head(self) -> str:
        from audit_rules.machinery.find import flat

        return flat(self.head)

    @cached_property
    def flat_body(self) -> str:
        from audit_rules.machinery.find import flat

        return flat(self.text[:5000])

    @cached_property
    def flat_attachments(self) -> str:
        from audit_rules.machinery.find import flat

        return flat(" ".join(a.text[:20000] for a in self.attachments))

    @property
    def quality(self) -> float:
        return EXTRACTION_QUALITY.get(self.publish_source or "", 0.5)


def date_conflict(candidates: dict[str, dt.date], days: int) -> bool:
    values = list(candidates.values())
    return bool(values) and (max(values) - min(values)).days > days


@dataclass
class FailedFetch:
    url: str
    anchor: str
    column_code: str | None
    error_type: str
    kind: str
    status: int | None
    depth: int = 0


@dataclass
class SiteEvidence:
    site: SiteConfig
    jurisdiction: Jurisdiction
    as_of: dt.date
    cycle_start: dt.date
    policy: Policy
    calendar: WorkCalendar
    status: str  # done | unreachable | blocked | pending
    error_type: str | None
    docs: list[Doc]
    coverage: list[dict[str, Any]]
    failures: list[FailedFetch]
    other_jurisdictions: tuple[str, ...] = ()
    pages_fetched: int = 0
    truncated: bool = False
    fetched_urls: set[str] = field(default_factory=set)
    site_first_seen: dt.date | None = None  # the first crawl of this site we have on record
    party_or_npc: bool = False  # 党委/人大 sites: not bound by 政府信息公开条例, absence is never FAIL
    units: tuple[UnitConfig, ...] = ()  # the roster entries that own this site (empty without a roster)

    @property
    def level(self) -> str:
        return self.site.level

    @cached_property
    def bursts(self) -> set[tuple[str, dt.date]]:
        from audit_rules.machinery.suspects import burst_dates

        return burst_dates(self)

    @property
    def reachable(self) -> bool:
        """Only a finished crawl is evidence; a crawl that never ran or died is not 'nothing found'."""
        return self.status == "done"


def build_site_evidence(sessions: sessionmaker[Session], blobs: Blobs, run_id: str, config: Config,
                        site: SiteConfig, as_of: dt.date) -> SiteEvidence:
    with sessions() as s:
        site_row = s.get(SiteRow, (run_id, site.id))
        # URL order, not crawl order: two workers (or two nights) crawl in different orders, yet must
        # choose the same evidence when documents tie
        fetches = s.execute(select(Fetch).where(Fetch.run_id == run_id, Fetch.site_id == site.id)
                            .order_by(Fetch.url, Fetch.id)).scalars().all()
        coverage = merge_coverage([_row(c) for c in s.execute(
            select(Coverage).where(Coverage.run_id == run_id, Coverage.site_id == site.id)).scalars()])
        first_seen = dict(s.execute(select(SeenUrl.url, SeenUrl.first_seen_at).where(SeenUrl.site_id == site.id)).all())
    jurisdiction = config.jurisdiction_of(site)
    others = tuple(j.name for j in config.jurisdictions if j.id != jurisdiction.id)
    builder = _Builder(sessions, blobs, site, fetches, first_seen)
    docs = builder.documents()
    status = site_row.status if site_row else "pending"
    return SiteEvidence(
        site=site, jurisdiction=jurisdiction, as_of=as_of, cycle_start=config.audit.cycle_start,
        policy=config.policy, calendar=WorkCalendar.from_policy(config.policy), status=status,
        error_type=site_row.error_type if site_row else None, docs=docs, coverage=coverage,
        failures=builder.failures, other_jurisdictions=others,
        pages_fetched=sum(1 for f in fetches if f.error_type is None),
        truncated=any(c["column_key"] == SITE_BUDGET_KEY for c in coverage), fetched_urls=builder.fetched_urls,
        site_first_seen=min(first_seen.values()).date() if first_seen else None,
        party_or_npc=any(u.is_party_or_npc or u.kind in ("party", "npc") for u in config.units_for_site(site.id)),
        units=tuple(config.units_for_site(site.id)),
    )


def merge_coverage(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per column: the workers of a distributed crawl each report what they saw of it."""
    merged: dict[str, dict[str, Any]] = {}
    order = {None: 0, "end": 1, "old_items": 2, "js": 3, "max_pages": 4, "error": 5}
    for r in rows:
        m = merged.get(r["column_key"])
        if m is None:
            merged[r["column_key"]] = dict(r)
            continue
        for k in ("list_pages_fetched", "list_pages_failed", "items_listed", "items_fetched", "items_failed",
                  "attachments_fetched"):
            m[k] = (m.get(k) or 0) + (r.get(k) or 0)
        m["last_page_reached"] = max(m.get("last_page_reached") or 0, r.get("last_page_reached") or 0)
        m["complete"] = bool(m.get("complete")) and bool(r.get("complete"))
        if order.get(r.get("stop_reason"), 0) > order.get(m.get("stop_reason"), 0):
            m["stop_reason"] = r.get("stop_reason")
        for k, pick in (("oldest_item_date", min), ("newest_item_date", max)):
            vals = [v for v in (m.get(k), r.get(k)) if v is not None]
            m[k] = pick(vals) if vals else None
    return list(merged.values())


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


class _Builder:
    def __init__(self, sessions: sessionmaker[Session], blobs: Blobs, site: SiteConfig, fetches: Any,
                 first_seen: dict[str, dt.datetime]) -> None:
        self.sessions, self.blobs, self.site = sessions, blobs, site
        self.fetches = list(fetches)
        self.first_seen = first_seen
        self.failures: list[FailedFetch] = []
        self.fetched_urls: set[str] = set()
        self.list_info: dict[str, list[tuple[str, dt.date | None, str | None]]] = defaultdict(list)

    def _body(self, sha: str | None) -> bytes | None:
        if not sha or not self.blobs.has(sha):
            return None
        return self.blobs.get(sha)

    def documents(self) -> list[Doc]:
        best: dict[str, Fetch] = {}
        attachments: dict[str, Fetch] = {}
        for f in self.fetches:
            if f.error_type:
                self.failures.append(FailedFetch(f.url, f.anchor_text or "", f.column_code, f.error_type, f.kind,
                                                 f.status, f.depth))
                continue
            self.fetched_urls.add(f.url)
            if f.final_url:
                self.fetched_urls.add(f.final_url)
            if f.kind == "attachment":
                attachments[f.url] = f
                continue
            prev = best.get(f.url)
            if prev is None or (f.render_mode == "browser" and prev.render_mode != "browser"):
                best[f.url] = f
        # failures that were later fetched fine (a retry, a render) are not failures
        self.failures = [x for x in self.failures if x.url not in self.fetched_urls]
        pages: dict[str, tuple[Fetch, Page, str]] = {}
        for url, f in best.items():
            body = self._body(f.body_sha256)
            if body is None:
                continue
            ctype = f.content_type or ""
            if "json" in ctype.lower() or body.lstrip()[:1] in (b"{", b"["):
                text = body.decode("utf-8", "replace")
                self._remember_list(listing_of(None, text, "application/json", f.final_url or url).items, f)
                continue
            decoded = decode_html(body, ctype)
            text = decoded.text
            if decoded.mojibake:  # 锟斤拷 or U+FFFD everywhere: fetched, yet unreadable (rules judge it as a gap)
                self.failures.append(FailedFetch(url, f.anchor_text or "", f.column_code, "mojibake", f.kind,
                                                 f.status, f.depth))
            if "<datastore" in text[:500]:
                self._remember_list(listing_of(None, text, ctype, f.final_url or url).items, f)
                continue
            page = parse_html(text, f.final_url or url)
            pages[url] = (f, page, text)
            listing = listing_of(page, "", "text/html", page.url)
            if page.kind in ("list", "home") or listing.datastore is not None or f.kind == "list":
                # a dated list row may link the file itself (a 报告 or 年报 PDF with no HTML page)
                self._remember_list(listing.items + [lk for lk in page.attachments if lk.region == "list"], f)
            else:
                self._remember_list(list(page.list_items), f)
        docs: list[Doc] = []
        for url, (f, parsed, _text) in pages.items():
            if parsed.kind not in ("list", "shell"):
                docs.append(self._doc(url, f, parsed, attachments))
        # files linked straight from a list (a PDF notice with no HTML page) are documents too
        doc_urls = {d.url for d in docs} | {d.final_url for d in docs}
        for url, f in attachments.items():
            if url in doc_urls or url not in self.list_info:
                continue
            docs.append(self._attachment_doc(url, f))
        return docs

    def _remember_list(self, items: list[Link], f: Fetch) -> None:
        for lk in items:
            d = parse_date(lk.date_text) if lk.date_text else None
            if d is None and lk.date_text:
                d = _yearless(lk.date_text, lk.url)
            self.list_info[lk.url].append((lk.label, d, f.column_code))

    def _doc(self, url: str, f: Fetch, page: Page, attachments: dict[str, Fetch]) -> Doc:
        title = page.title or (f.anchor_text or "")
        doc = Doc(url=url, final_url=f.final_url or url, title=normalise_title(title), title_raw=title,
                  text=page.text, kind="detail" if page.kind == "detail" else page.kind, fields=dict(page.fields),
                  field_source=dict(page.field_source), meta=dict(page.meta), breadcrumb=list(page.breadcrumb),
                  sha256=f.body_sha256, render_mode=f.render_mode, site_id=self.site.id, page=page,
                  first_seen_at=self.first_seen.get(url))
        self._columns(doc, f)
        self._listed(doc, f)
        self._dates(doc, f)
        doc.doc_number = _clean_value(page.fields.get("doc_number")) or _doc_number(doc.title_raw + "\n" + doc.text[:400])
        doc.index_no = _clean_value(page.fields.get("index_no"))
        doc.publisher = _clean_value(page.fields.get("publisher")) or page.meta.get("contentsource")
        for link in page.attachments:
            doc.attachments.append(self._attachment(link.url, link.label, attachments))
        return doc

    def _attachment_doc(self, url: str, f: Fetch) -> Doc:
        att = self._attachment(url, "", {url: f})
        title = self.list_info[url][0][0] if self.list_info.get(url) else att.name
        doc = Doc(url=url, final_url=f.final_url or url, title=normalise_title(title), title_raw=title, text=att.text,
                  kind="attachment", sha256=f.body_sha256, site_id=self.site.id, first_seen_at=self.first_seen.get(url))
        doc.attachments.append(att)
        self._columns(doc, f)
        self._listed(doc, f)
        self._dates(doc, f)
        doc.doc_number = _doc_number(title + "\n" + att.text[:400])
        return doc

    def _columns(self, doc: Doc, f: Fetch) -> None:
        if f.column_code:
            doc.column_codes.add(f.column_code)
        doc.column_codes.update(codes_of_path(doc.breadcrumb))
        # the 信息公开目录 分类 of the metadata table names the catalogue column (gkmlpt lists are one API)
        for label in (doc.meta.get("columnname", ""), doc.fields.get("topic", "")):
            code = column_code(label)
            if code:
                doc.column_codes.add(code)

    def _listed(self, doc: Doc, f: Fetch) -> None:
        for url in {doc.url, doc.final_url}:
            for label, d, code in self.list_info.get(url, []):
                if label and label not in doc.list_titles:
                    doc.list_titles.append(label)
                if d and d not in doc.list_dates:
                    doc.list_dates.append(d)
                if code:
                    doc.column_codes.add(code)
        if f.list_date and not doc.list_dates:
            d = parse_date(f.list_date)
            if d:
                doc.list_dates.append(d)

    def _dates(self, doc: Doc, f: Fetch) -> None:
        c: dict[str, dt.date] = {}
        raw = doc.fields.get("publish_date")
        if raw and (d := parse_date(raw)):
            c[doc.field_source.get("publish_date", "header")] = d
        for key in ("pubdate", "publishdate", "firstpublishedtime", "article:published_time"):
            if doc.meta.get(key) and (d := parse_date(doc.meta[key])):
                c.setdefault("meta_tag", d)
                break
        if doc.list_dates:
            c["list"] = min(doc.list_dates)
        u = url_date(doc.final_url) or url_date(doc.url)
        if u is not None and u.day is not None and (d := u.date()):
            c["url"] = d
        # The month folder (/202305/) is where the CMS filed the document: a <meta PubDate> of a later month is
        # the stamp of a regenerated page (万载 2022: 生成日期 05-11, /202305/, PubDate = 页面生成时间 08-16).
        stamp = c.get("meta_tag")
        if u is not None and u.day is None and stamp is not None and (stamp.year, stamp.month) > (u.year, u.month):
            del c["meta_tag"]
        doc.publish_candidates = c
        for source in SOURCE_ORDER:
            if source in c:
                doc.publish_date, doc.publish_source = c[source], source
                break
        written_raw = doc.fields.get("written_date")
        if written_raw and (d := parse_date(written_raw)):
            doc.written_date, doc.written_source = d, "meta"
        elif (d := sign_date(doc.text)) is not None:
            doc.written_date, doc.written_source = d, "text_sign"

    def _attachment(self, url: str, label: str, attachments: dict[str, Fetch]) -> AttachmentDoc:
        f = attachments.get(url)
        if f is None:
            failed = next((x for x in self.failures if x.url == url), None)
            return AttachmentDoc(url=url, name=label, fetch_error=failed.error_type if failed else "not_fetched")
        name = label
        disposition = (f.headers or {}).get("Content-Disposition") or (f.headers or {}).get("content-disposition")
        filename = filename_from_disposition(disposition) if disposition else None
        if filename:
            name = filename
        cached = self._extract(f, filename)
        return AttachmentDoc(url=url, name=name or url.rsplit("/", 1)[-1], sha256=f.body_sha256, kind=cached.kind,
                             text=cached.text, scanned=cached.scanned, error=cached.error, pages=cached.pages,
                             meta=cached.meta or {})

    def _extract(self, f: Fetch, filename: str | None = None) -> AttachmentRow:
        sha = f.body_sha256
        with self.sessions() as s:
            row = s.get(AttachmentRow, sha) if sha else None
            if row is not None and row.extractor_version == EXTRACTOR_VERSION:
                return row
        body = self._body(sha)
        if body is None:
            return AttachmentRow(sha256=sha or "", extractor_version=EXTRACTOR_VERSION, kind="other", text="",
                                 text_len=0, scanned=False, error="missing: body not stored", meta={})
        # the served file name tells a .doc from a .wps better than a download.jsp URL does
        result = extract_isolated(body, filename or f.url.rsplit("/", 1)[-1].split("?")[0], f.content_type)
        row = AttachmentRow(sha256=sha, extractor_version=EXTRACTOR_VERSION, kind=result.kind,
                            text=result.text[:2_000_000], text_len=len(result.text), pages=result.pages,
                            scanned=result.scanned, error=result.error, meta=_jsonable(result.meta))
        with self.sessions.begin() as s:
            s.query(AttachmentRow).filter(AttachmentRow.sha256 == sha).delete()
            insert_ignore(s, AttachmentRow.__table__, [_row(row)], ["sha256"])  # type: ignore[arg-type]
        return row


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in (meta or {}).items():
        out[str(k)] = v if isinstance(v, (str, int, float, bool, type(None), list)) else str(v)
    return out


def _yearless(raw: str, url: str) -> dt.date | None:
    from govaudit.extract.dates import infer_year

    m = re.match(r"^\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})", raw)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    year = infer_year(month, day, url=url)
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalise_title(title: str) -> str:
    """rules_spec §5.7: NFKC, no whitespace, unified brackets (keep 《》 in title_raw)."""
    import unicodedata

    t = unicodedata.normalize("NFKC", title or "")
    t = _TITLE_JUNK.sub("", t)
    return t.replace("[", "〔").replace("]", "〕").replace("【", "〔").replace("】", "〕")


_DOCNO_RE = re.compile(r"([\u4e00-\u9fa5]{1,10})\s*[〔\[（(【]\s*(\d{4})\s*[〕\]）)】]\s*第?\s*(\d{1,4})\s*号")


def _doc_number(text: str) -> str | None:
    m = _DOCNO_RE.search(text)
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" if m else None


def _clean_value(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    return None if value in ("无", "-", "—", "/", "暂无") else value


def is_attachment(url: str) -> bool:
    return is_attachment_url(url)
