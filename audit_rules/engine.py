"""Judge a stored crawl: evidence per site -> every rule -> findings, stored in one transaction."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from audit_rules.base import Finding, Verdict
from audit_rules.evidence import Doc, SiteEvidence, build_site_evidence
from audit_rules.registry import Rule, load_rules
from govaudit import env
from govaudit.catalogue import load_catalogue
from govaudit.config import Config, SiteConfig
from storage.blobs import Blobs, BlobStore, DbBlobStore
from storage.db import open_db
from storage.models import Document, Override, Run
from storage.models import Finding as FindingRow
from storage.models import Site as SiteRow

log = logging.getLogger(__name__)


def judge_site(ev: SiteEvidence, rules: tuple[Rule, ...]) -> list[Finding]:
    catalogue = load_catalogue()
    out: list[Finding] = []
    for rule in rules:
        check = catalogue.check(rule.meta.check_id)
        if not check.applies_to(ev.level):
            out.append(Finding(check_id=rule.meta.check_id, verdict=Verdict.NA,
                               details={"why": f"不适用于{_LEVEL_ZH.get(ev.level, ev.level)}网站"}))
            continue
        if not ev.reachable:
            code = "R_BLOCKED" if ev.status == "blocked" or ev.error_type in ("blocked", "tls", "http_4xx") \
                else "R_SITE_UNREACHABLE"
            f = Finding(check_id=rule.meta.check_id, verdict=Verdict.ERROR, url=ev.site.url,
                        details={"site_error": ev.error_type or ev.status})
            out.append(f.add(code))
            continue
        try:
            findings = rule.check(ev, ev.policy)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not sink the other 84
            log.exception("rule %s failed on site %s", rule.meta.check_id, ev.site.id)
            f = Finding(check_id=rule.meta.check_id, verdict=Verdict.ERROR,
                        details={"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-2000:]})
            out.append(f.add("R_PARSER_ERROR"))
            continue
        site_records = [f for f in findings if f.scope == "site"]
        if len(site_records) != 1:
            raise AssertionError(f"{rule.meta.check_id} returned {len(site_records)} site records for {ev.site.id}")
        out.extend(findings)
    return out


_LEVEL_ZH = {"city": "市级政府", "county": "县级政府", "district": "区级政府", "department": "部门"}


@dataclass(frozen=True)
class _Override:
    """What a finding row needs of a manual explanation (plain data: it crosses process boundaries)."""
    id: int
    verdict: str
    author: str
    evidence_fingerprint: str | None


@dataclass(frozen=True)
class _Judging:
    """Everything a process needs to judge one site of a run."""
    db_url: str
    blob_root: str | None  # None: bodies live in the database
    run_id: str
    crawl_run: str
    config: Config
    as_of: dt.date
    overrides: dict[tuple[str, str, str, str], _Override]


@dataclass
class _Judged:
    rows: list[dict[str, Any]] = field(default_factory=list)
    doc_rows: list[dict[str, Any]] = field(default_factory=list)
    pages: int = 0


def judge_processes(n_sites: int) -> int:
    """Sites are independent: judge them in parallel, one process per core (GOVAUDIT_JUDGE_PROCESSES caps it)."""
    wanted = env.judge_processes() or os.cpu_count() or 1
    return max(1, min(wanted, n_sites))


def audit_run(sessions: sessionmaker[Session], blobs: Blobs, run_id: str, config: Config,
              as_of: dt.date) -> dict[str, Any]:
    """Judge every site of `run_id` and store its findings (replacing any earlier judgement of this run)."""
    with sessions() as s:
        run = s.get(Run, run_id)
        if run is None:
            raise KeyError(run_id)
        crawl_run = run.crawl_run_id or run_id
        site_ids = [r.site_id for r in s.execute(select(SiteRow).where(SiteRow.run_id == crawl_run)).scalars()]
        overrides = {(o.site_id, o.check_id, o.scope, o.doc_key): _Override(o.id, o.verdict, o.author,
                                                                            o.evidence_fingerprint)
                     for o in s.execute(select(Override).where(Override.revoked_at.is_(None))).scalars()}
    known = []
    for site_id in site_ids:
        try:
            config.site(site_id)
            known.append(site_id)
        except KeyError:
            log.warning("site %s of run %s is no longer in the config; skipped", site_id, run_id)
    bind = sessions.kw["bind"]
    job = _Judging(db_url=bind.url.render_as_string(hide_password=False),
                   blob_root=str(blobs.root) if isinstance(blobs, BlobStore) else None, run_id=run_id,
                   crawl_run=crawl_run, config=config, as_of=as_of, overrides=overrides)
    processes = judge_processes(len(known))
    if processes == 1:
        rules = load_rules()
        judged = [_judge(sessions, blobs, job, site_id, rules) for site_id in known]
    else:  # spawned, not forked: the crawl may have left threads, a reactor and a browser in this process
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            judged = list(pool.map(_judge_in_child, [job] * len(known), known))
    rows = [r for j in judged for r in j.rows]
    doc_rows = [d for j in judged for d in j.doc_rows]
    verdicts = Counter(r["verdict"] for r in rows if r["scope"] == "site")
    with sessions.begin() as s:
        s.execute(delete(FindingRow).where(FindingRow.run_id == run_id))
        s.execute(delete(Document).where(Document.run_id == run_id))
        if rows:
            s.execute(insert(FindingRow), rows)
        for i in range(0, len(doc_rows), 500):
            s.execute(insert(Document), doc_rows[i:i + 500])
    return {"sites": len(site_ids), "pages": sum(j.pages for j in judged), "findings": len(rows),
            "site_verdicts": dict(verdicts), "documents": len(doc_rows)}


def _judge(sessions: sessionmaker[Session], blobs: Blobs, job: _Judging, site_id: str,
           rules: tuple[Rule, ...]) -> _Judged:
    site = job.config.site(site_id)
    ev = build_site_evidence(sessions, blobs, job.crawl_run, job.config, site, job.as_of)
    out = _Judged(pages=ev.pages_fetched)
    out.rows = [_finding_row(job.run_id, site, job.config, f, job.overrides) for f in judge_site(ev, rules)]
    out.doc_rows = [_doc_row(job.run_id, site.id, d) for d in ev.docs]
    return out


_CHILD: dict[str, tuple[sessionmaker[Session], Blobs, tuple[Rule, ...]]] = {}


def _judge_in_child(job: _Judging, site_id: str) -> _Judged:
    key = f"{job.db_url}|{job.blob_root}"
    if key not in _CHILD:  # once per process: the engine, the blob store and the 85 rules
        _, sessions = open_db(job.db_url, migrate=False)
        blobs: Blobs = BlobStore(Path(job.blob_root)) if job.blob_root else DbBlobStore(sessions)
        _CHILD[key] = (sessions, blobs, load_rules())
    sessions, blobs, rules = _CHILD[key]
    return _judge(sessions, blobs, job, site_id, rules)


def _finding_row(run_id: str, site: SiteConfig, config: Config, f: Finding,
                 overrides: dict[tuple[str, str, str, str], _Override]) -> dict[str, Any]:
    catalogue = load_catalogue()
    indicator = catalogue.indicator(f.indicator_id)
    jurisdiction = config.jurisdiction_of(site)
    units = config.units_for_site(site.id)
    unit_id = f.unit_id or (units[0].id if units else f"{jurisdiction.id}:gov")
    fingerprint = f.fingerprint()
    verdict, override_id = f.verdict.value, None
    o = overrides.get((site.id, f.check_id, f.scope, f.doc_key))
    if o is not None:
        if o.evidence_fingerprint in (None, fingerprint):
            verdict, override_id = o.verdict, o.id
        else:
            f.details["override_expired"] = {"id": o.id, "author": o.author, "verdict": o.verdict,
                                             "why": "证据已变化，人工结论不再适用"}
    check = catalogue.check(f.check_id)
    return {
        "run_id": run_id, "site_id": site.id, "indicator_id": f.indicator_id, "check_id": f.check_id,
        "scope": f.scope, "doc_key": f.doc_key, "verdict": verdict, "machine_verdict": f.verdict.value,
        "reason_codes": list(f.reason_codes), "url": f.url, "title": f.title, "details": _jsonable(f.details),
        "evidence_id": f.evidence_id(unit_id), "evidence_fingerprint": fingerprint, "unit_id": unit_id,
        "lead_unit_id": f"{config.audit.jurisdiction_id or jurisdiction.id}:{indicator.unit_slugs[0]}"
        if indicator.unit_slugs else None,
        "jurisdiction_id": jurisdiction.id, "column_code": f.column_code, "confidence": f.confidence,
        "advisory": check.advisory, "snippet": f.snippet, "override_id": override_id,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _doc_row(run_id: str, site_id: str, d: Doc) -> dict[str, Any]:
    return {"run_id": run_id, "site_id": site_id, "url": d.url, "kind": d.kind, "title": d.title,
            "title_raw": d.title_raw[:2000], "doc_type": None, "publish_date": d.publish_date,
            "publish_date_source": d.publish_source, "written_date": d.written_date,
            "doc_number": (d.doc_number or "")[:128] or None, "index_no": (d.index_no or "")[:128] or None,
            "publisher": (d.publisher or "")[:255] or None, "column_codes": sorted(d.column_codes),
            "content_sha256": d.sha256, "text_len": len(d.text), "first_seen_at": d.first_seen_at,
            "render_mode": d.render_mode,
            "meta": {"publish_candidates": {k: v.isoformat() for k, v in d.publish_candidates.items()},
                     "list_titles": d.list_titles[:5], "breadcrumb": d.breadcrumb[:8],
                     "attachments": [a.url for a in d.attachments]}}
