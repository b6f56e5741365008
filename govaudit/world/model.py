"""The portal model every CMS family renders: jurisdictions, columns, documents, attachments, faults, fixes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["city", "county", "district", "department"]
Family = Literal["pdscms", "trs", "hanweb", "gkmlpt", "spa", "waf", "dead"]
AttachmentKind = Literal["pdf", "pdf_scan", "docx", "xlsx", "xls", "doc", "ofd", "jpg"]


@dataclass(frozen=True)
class Juris:
    """Names a portal's documents use: the jurisdiction, its government, its offices, its 文号 prefixes."""

    name: str                 # 平顶山市 / 叶县
    code: str                 # GB/T 2260
    gov: str                  # 平顶山市人民政府
    office: str               # 平顶山市人民政府办公室
    short: str                # 文号 prefix root: 平 / 叶
    sfj: str                  # 平顶山市司法局 / 叶县司法局
    rd: str                   # 人大常委会
    index_prefix: str         # 索引号 prefix
    towns: tuple[str, ...]    # 乡镇/街道, for filler
    court: str                # 人民法院 named in 复议/诉讼 notices
    address: str              # 行政复议接待场所


@dataclass(frozen=True)
class Attachment:
    name: str                              # file name shown to users
    kind: AttachmentKind
    lines: tuple[str, ...] = ()            # text (pdf/docx/ofd) or caption (pdf_scan)
    table: tuple[tuple[str, ...], ...] = ()  # rows (xlsx) – first row is the header
    disposition: Literal["", "gbk", "rfc5987"] = ""   # how the server names it in Content-Disposition
    asset: str = ""                        # legacy binary asset name (doc/xls)


@dataclass
class Doc:
    """One article. Planted documents carry a stable `key`; filler has key ''. Dates by role (§5.3.2)."""

    column: str                            # column slug of the portal
    title: str
    publish: dt.date                       # 发布日期 as shown in the metadata block / header line
    body: tuple[str, ...] = ()
    key: str = ""
    written: dt.date | None = None         # 成文/生成/发文日期; also the 落款 unless sign is given
    time: str = "09:30"
    doc_number: str = ""
    index_no: str = ""
    publisher: str = ""
    validity: str = ""                     # 有效 / 失效 / 废止
    topic: str = ""                        # 主题分类
    genre: str = ""                        # 体裁分类
    table: tuple[tuple[str, ...], ...] = ()  # an HTML table inside the body (batch postings, lists)
    extra_html: str = ""                   # trusted markup after the body (an online application form)
    attachments: tuple[Attachment, ...] = ()
    sign: str | None = None                # 落款 line override (e.g. Chinese numerals, garbled)
    sign_org: str = ""                     # 落款 organ; '' = publisher
    list_date: dt.date | None = None       # date shown on list pages when it differs (trap)
    meta_pubdate: dt.datetime | None = None  # <meta name="PubDate"> when it differs (trap)
    pinned: bool = False                   # 置顶: listed first whatever its date
    via: Literal["", "redirect", "slow", "private"] = ""  # how the page is reached / served
    no_charset: bool = False               # served with no charset anywhere (sniffing test)
    fix: str = ""                          # only present once this named fix is applied
    checks: dict[str, str] = field(default_factory=dict)   # check id -> intended effect (documentation)
    note: str = ""                         # why it is planted
    id: int = 0                            # assigned by the builder (family-specific URL id)
    url: str = ""                          # assigned by the family renderer (path, no host)
    alt_urls: tuple[str, ...] = ()         # other URLs that identify it (SPA API, redirect entry)


@dataclass(frozen=True)
class Column:
    slug: str                              # stable id inside the portal
    name: str                              # the label the portal shows (a §5.1 synonym)
    code: str                              # §5.1 column code (documentation and tests only)
    parent: str = ""                       # parent column slug ('' = top level)
    fault: str = ""                        # '503' = the whole column answers 503
    nav: bool = True                       # shown in the homepage navigation


@dataclass(frozen=True)
class Fault:
    kind: Literal["503", "slow", "redirect", "loop", "robots", "calendar", "hotwords", "missing"]
    path: str
    target: str = ""
    status: int = 0
    seconds: float = 0.0
    fix: str = ""                          # a fix that removes this fault
    note: str = ""


@dataclass(frozen=True)
class FixSpec:
    name: str
    site: str
    description: str
    effects: tuple[tuple[str, str, str], ...]   # (check id, before, after) site-scope verdicts


@dataclass
class PortalSpec:
    id: str                                # site id slug
    name: str                              # 平顶山市人民政府
    level: Level
    family: Family
    jurisdiction: str                      # 平顶山市
    jurisdiction_id: str = ""
    juris: Juris | None = None
    columns: list[Column] = field(default_factory=list)
    docs: list[Doc] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    links_out: tuple[str, ...] = ()        # other site ids linked from the homepage footer
    note: str = ""

    def column(self, slug: str) -> Column:
        for c in self.columns:
            if c.slug == slug:
                return c
        raise KeyError(f"{self.id}: no column {slug!r}")

    def children(self, slug: str) -> list[Column]:
        return [c for c in self.columns if c.parent == slug]

    def docs_in(self, slug: str, fix: str | None = None) -> list[Doc]:
        """The column's documents in list order: pinned first, then newest first (stable by id)."""
        docs = [d for d in self.docs if d.column == slug and (not d.fix or d.fix == fix)]
        return sorted(docs, key=lambda d: (not d.pinned, -(d.list_date or d.publish).toordinal(), -d.id))

    @property
    def planted(self) -> list[Doc]:
        return [d for d in self.docs if d.key]


@dataclass
class World:
    root: Path
    portals: list[PortalSpec]
    as_of: dt.date
    cycle_start: dt.date
    seed: int = 7
    pages: int = 0
    fixes: list[FixSpec] = field(default_factory=list)

    def portal(self, site_id: str) -> PortalSpec:
        for p in self.portals:
            if p.id == site_id:
                return p
        raise KeyError(site_id)

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"
