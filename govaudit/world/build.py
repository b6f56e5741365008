"""Assemble the world (portals + filler + planted cases), render every family to files, write the manifest."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from govaudit.world import cases, portals
from govaudit.world.families import HTML_TYPE, RENDERERS, SERVER_HEADER
from govaudit.world.families.base import RenderContext, Resource, is_xxgk
from govaudit.world.families.gkmlpt import Gkmlpt
from govaudit.world.families.hanweb import Hanweb
from govaudit.world.families.pdscms import PdsCms
from govaudit.world.families.trs import Trs
from govaudit.world.model import Doc, Fault, PortalSpec, World
from govaudit.world.text import Filler

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
MANIFEST_VERSION = 1
# id ranges keep planted URLs stable whatever the amount of filler
DOCNO = re.compile(r"[\u4e00-\u9fa5]{1,6}〔\d{4}〕\d{1,4}号")
PLANTED_BASE, FILLER_BASE, FIX_BASE, EXTRA_BASE = 400_001, 300_001, 900_001, 1_000_001


def assemble(seed: int = 7, pages: int = 0) -> list[PortalSpec]:
    """Portal models with filler and planted documents, ids and 索引号 assigned (no URLs yet)."""
    specs = portals.base_portals()
    for p in specs:
        if p.id not in cases.PLANTERS:
            continue
        planted = cases.PLANTERS[p.id](p)
        fixed = [d for d in planted if d.fix]
        planted = [d for d in planted if not d.fix]
        for i, doc in enumerate(planted):
            doc.id = PLANTED_BASE + i
        for i, doc in enumerate(fixed):
            doc.id = FIX_BASE + i
        # filler never takes a 文号 a planted page has or cites (the known-missing one must stay missing)
        used = {doc.doc_number for doc in planted + fixed if doc.doc_number}
        used |= {m.group(0) for doc in planted for m in DOCNO.finditer("".join(doc.body))}
        filler = list(_filler(p, seed, used))
        for i, doc in enumerate(filler):
            doc.id = FILLER_BASE + i
        extra = list(_extra(p, seed, pages))
        for i, doc in enumerate(extra):
            doc.id = EXTRA_BASE + i
        p.docs = planted + fixed + filler + extra
        _index_numbers(p)
    return specs


def _filler(p: PortalSpec, seed: int, used: set[str]) -> Any:
    assert p.juris is not None
    gen = Filler(p.juris, seed, p.id)
    dept = p.level == "department"
    short = p.juris.short
    for slug, kind, n, start, end in portals.FILLER.get(p.id, []):
        if kind == "news":
            yield from gen.news(slug, n, start, end, p.name)
        elif kind == "notice":
            yield from gen.notices(slug, n, start, end, f"{short}司" if dept else f"{short}政办", used,
                                   issuer=p.name if dept else "")
        elif kind == "normative":
            yield from gen.normative(slug, n, start, end, f"{short}司规" if dept else f"{short}政", used,
                                     issuer=p.name if dept else "")


def _extra(p: PortalSpec, seed: int, pages: int) -> Any:
    """--pages N: more news, only in NEWS columns (secondary evidence), so no verdict depends on N."""
    share = portals.EXTRA_SHARE.get(p.id, 0.0)
    n = int(pages * share)
    if not n or p.juris is None:
        return
    news = [c.slug for c in p.columns if c.code == "NEWS"]
    gen = Filler(p.juris, seed, f"{p.id}:extra")
    per = n // len(news)
    for k, slug in enumerate(news):
        count = per + (n - per * len(news) if k == 0 else 0)
        yield from gen.news(slug, count, dt.date(2012, 1, 1), portals.AS_OF - dt.timedelta(days=1), p.name)


def _index_numbers(p: PortalSpec) -> None:
    assert p.juris is not None
    seq: Counter[int] = Counter()
    for doc in sorted(p.docs, key=lambda x: (x.publish, x.id)):
        if doc.index_no or not is_xxgk(p.column(doc.column).code):
            continue
        seq[doc.publish.year] += 1
        doc.index_no = f"{p.juris.index_prefix}/{doc.publish.year}-{seq[doc.publish.year]:05d}"


# --- faults -------------------------------------------------------------------------------------------

def faults_for(p: PortalSpec) -> list[Fault]:
    out: list[Fault] = []
    renderer = RENDERERS.get(p.family)
    for col in p.columns:
        if col.fault == "503" and isinstance(renderer, Trs):
            out.append(Fault("503", renderer.col_path(p, col.slug), fix="yexian-fz-restored",
                             note=f"column {col.name} ({col.code}) and everything under it answers 503"))
    for doc in p.docs:
        if doc.via == "redirect":
            hop = f"/zwgk/jump.jsp?id={doc.id}"
            out.append(Fault("redirect", doc.alt_urls[0], target=hop, status=301, note="redirect chain hop 1 (301)"))
            out.append(Fault("redirect", hop, target=doc.url, status=302, note="redirect chain hop 2 (302) → the document"))
        elif doc.via == "slow":
            out.append(Fault("slow", doc.url, seconds=3.0, note="answers after 3 s"))
    if isinstance(renderer, PdsCms):
        out += [
            Fault("loop", "/channels/9999.html", target="/channels/9999_old.html", status=302, note="redirect loop"),
            Fault("loop", "/channels/9999_old.html", target="/channels/9999.html", status=302, note="redirect loop"),
            Fault("calendar", "/hdrl/", note="活动日历: ?month= links forward and backward forever"),
            Fault("hotwords", "/search", note="site search: always 未找到 (robots.txt disallows /search)"),
            Fault("robots", "/robots.txt", note="Disallow: /private/ and /search"),
            Fault("missing", "/sitemap/lost.html", note="footer link to a 404"),
        ]
    return out


# --- writing ------------------------------------------------------------------------------------------

def file_for(www: Path, path: str) -> Path:
    """URL path (optionally '?query') → file under www/: '/' and '…/' map to index.html; a query to '@query'."""
    base, _, query = path.partition("?")
    rel = base.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    if query:
        rel += "@" + quote(query, safe="=&")
    return www / rel


def _epoch(moment: dt.datetime | None, as_of: dt.date) -> float:
    moment = moment or dt.datetime(as_of.year, as_of.month, as_of.day, 8, 0)
    return moment.replace(tzinfo=SHANGHAI).timestamp()


class SiteWriter:
    def __init__(self, site_dir: Path, as_of: dt.date) -> None:
        self.dir, self.as_of = site_dir, as_of
        self.types: dict[str, str] = {}
        self.headers: dict[str, dict[str, str]] = {}

    def write(self, res: Resource, www: Path, base_www: Path | None = None) -> bool:
        """Write one resource; with base_www, only when it differs from the base world (fix overlays)."""
        if res.path.startswith("@data/"):
            target = (www.parent / "data" / res.path[len("@data/"):])
            base = (base_www.parent / "data" / res.path[len("@data/"):]) if base_www else None
        else:
            target = file_for(www, res.path)
            base = file_for(base_www, res.path) if base_www else None
        if base is not None and base.exists() and base.read_bytes() == res.body:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(res.body)
        ts = _epoch(res.mtime, self.as_of)
        os.utime(target, (ts, ts))
        if res.content_type:
            self.types[res.path] = res.content_type
        if res.headers:
            self.headers[res.path] = res.headers
        return True


def build(root: Path, *, pages: int = 0, seed: int = 7) -> World:
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    (root / "sites").mkdir(parents=True)
    specs = assemble(seed, pages)
    world = World(root=root, portals=specs, as_of=portals.AS_OF, cycle_start=portals.CYCLE_START, seed=seed,
                  pages=pages, fixes=list(cases.FIXES))
    counts: dict[str, dict[str, int]] = {}
    for p in specs:
        site_dir = root / "sites" / p.id
        site_dir.mkdir(parents=True)
        renderer = RENDERERS.get(p.family)
        writer = SiteWriter(site_dir, world.as_of)
        n_files = 0
        if renderer is not None:
            renderer.assign(p)
            p.faults = faults_for(p)
            for res in renderer.render(p, RenderContext(world.as_of)):
                n_files += writer.write(res, site_dir / "www")
        fixes: dict[str, dict[str, Any]] = {}
        for fix in world.fixes:
            if fix.site != p.id or renderer is None:
                continue
            overlay = root / "fixes" / fix.name / "www"
            fix_writer = SiteWriter(overlay.parent, world.as_of)
            changed = sum(fix_writer.write(res, overlay, site_dir / "www")
                          for res in renderer.render(p, RenderContext(world.as_of, fix=fix.name)))
            fixes[fix.name] = {"types": fix_writer.types, "headers": fix_writer.headers, "changed": changed,
                               "disable_faults": [f.path for f in p.faults if f.fix == fix.name]}
        site = {"id": p.id, "family": p.family, "html_type": HTML_TYPE.get(p.family, "text/html"),
                "server": SERVER_HEADER.get(p.family, "nginx"), "faults": [_fault_json(f) for f in p.faults],
                "types": writer.types, "headers": writer.headers, "fixes": fixes}
        _write_json(site_dir / "site.json", site, world.as_of)
        counts[p.id] = {"docs": len(p.docs), "planted": len(p.planted), "files": n_files}
    manifest = manifest_of(world, counts)
    _write_json(world.manifest_path, manifest, world.as_of)
    return world


def _write_json(path: Path, data: Any, as_of: dt.date) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    ts = _epoch(None, as_of)
    os.utime(path, (ts, ts))     # every file of a build carries a deterministic mtime


def _fault_json(f: Fault) -> dict[str, Any]:
    return {k: v for k, v in {"kind": f.kind, "path": f.path, "target": f.target, "status": f.status,
                              "seconds": f.seconds, "fix": f.fix, "note": f.note}.items() if v}


def column_url(p: PortalSpec, slug: str) -> str:
    r = RENDERERS.get(p.family)
    if isinstance(r, PdsCms):
        return r.channel_url(p, slug)
    if isinstance(r, Trs):
        return r.col_path(p, slug) + "index.html"
    if isinstance(r, Hanweb):
        return r.col_url(p, slug)
    if isinstance(r, Gkmlpt):
        return r.col_link(p, p.column(slug))
    return f"/column/{slug}"


def _doc_json(p: PortalSpec, doc: Doc) -> dict[str, Any]:
    r = RENDERERS.get(p.family)
    atts = r.att_urls(doc) if r is not None else []
    return {k: v for k, v in {
        "url": doc.url, "alt_urls": list(doc.alt_urls), "title": doc.title, "column": doc.column,
        "code": p.column(doc.column).code, "publish": doc.publish.isoformat(),
        "written": doc.written.isoformat() if doc.written else None,
        "list_date": doc.list_date.isoformat() if doc.list_date else None,
        "meta_pubdate": doc.meta_pubdate.isoformat(sep=" ") if doc.meta_pubdate else None,
        "doc_number": doc.doc_number or None, "via": doc.via or None, "fix": doc.fix or None,
        "attachments": [{"name": a.name, "kind": a.kind, "url": u} for a, u in zip(doc.attachments, atts, strict=True)]
        or None, "checks": doc.checks or None, "note": doc.note or None,
        "reachable": not (doc.via == "private" or doc.fix or p.column(doc.column).fault) or None,
    }.items() if v is not None}


def manifest_of(world: World, counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": MANIFEST_VERSION, "as_of": world.as_of.isoformat(), "cycle_start": world.cycle_start.isoformat(),
        "seed": world.seed, "pages": world.pages, "jurisdiction": portals.JURISDICTION,
        "jurisdiction_id": portals.JURISDICTION_ID, "portals": [], "counts": counts,
        "fixes": [{"name": f.name, "site": f.site, "description": f.description,
                   "effects": [{"check": c, "before": b, "after": a} for c, b, a in f.effects]} for f in world.fixes],
    }
    for p in world.portals:
        out["portals"].append({
            "id": p.id, "name": p.name, "level": p.level, "family": p.family, "jurisdiction": p.jurisdiction,
            "jurisdiction_id": p.jurisdiction_id, "note": p.note,
            "columns": [{"slug": c.slug, "name": c.name, "code": c.code, "parent": c.parent, "fault": c.fault,
                         "url": column_url(p, c.slug)} for c in p.columns],
            "faults": [_fault_json(f) for f in p.faults],
            "planted": {doc.key: _doc_json(p, doc) for doc in p.docs if doc.key},
        })
    return out
