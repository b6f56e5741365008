"""One audit run end to end: lock, create or resume the run, crawl, judge, report, close.

Every stage is idempotent, so a run killed at any point is completed by running the same command
again: the crawl replays what it already stored, the audit replaces its findings in one
transaction, and reports are written to temporary files and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from govaudit import __version__, env
from govaudit.config import Config, SiteConfig, site_jurisdiction_id
from storage.blobs import BlobStore
from storage.db import open_db
from storage.locks import run_lock
from storage.models import Run, Site

log = logging.getLogger("govaudit")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def today_shanghai() -> dt.date:
    return dt.datetime.now(SHANGHAI).date()


def new_run_id(now: dt.datetime | None = None) -> str:
    """'2026-11-27T02:00+08:00-9f1c' (rules_spec §2.1): sortable, readable, unique."""
    now = (now or dt.datetime.now(SHANGHAI)).astimezone(SHANGHAI)
    return f"{now.strftime('%Y-%m-%dT%H:%M')}+08:00-{secrets.token_hex(2)}"


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, timeout=5,
                             cwd=Path(__file__).resolve().parent)
        return out.stdout.strip() or None if out.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def blob_root(db_url: str, config: Config | None = None) -> Path:
    override = env.blob_dir_override()
    if override:
        return override
    if config is not None and config.audit.data_dir:
        return (config.path.parent / config.audit.data_dir / "blobs").resolve()
    if db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        return Path(db_url.removeprefix("sqlite:///")).resolve().parent / "blobs"
    return (env.home() / "blobs").resolve()


class CrawlIncomplete(Exception):
    """The crawl stopped before every site finished; the run stays resumable."""


@dataclass
class RunOptions:
    db_url: str
    out_dir: Path
    as_of: dt.date
    site_ids: tuple[str, ...] = ()
    kind: str = "run"  # run | recheck
    fresh: bool = False  # no conditional requests, no resume (a unit's re-check after a fix)
    progress: bool = True
    indicators: tuple[str, ...] = ()


@dataclass
class RunResult:
    run_id: str
    resumed: bool
    counts: dict[str, Any] = field(default_factory=dict)
    previous_run_id: str | None = None
    report_paths: list[Path] = field(default_factory=list)


class Workspace:
    """The open database and blob store of a command."""

    def __init__(self, db_url: str, config: Config | None = None) -> None:
        self.db_url = db_url
        self.engine, self.sessions = open_db(db_url)
        self.blobs = BlobStore(blob_root(db_url, config))
        self.lock_dir = self.blobs.root.parent / "locks"


def _resumable(s: Session, config: Config, opts: RunOptions, sites: tuple[SiteConfig, ...]) -> Run | None:
    """An interrupted run of the same config, date and sites (we hold the lock, so nobody runs it)."""
    row = s.execute(select(Run).where(Run.status == "running", Run.kind == opts.kind,
                                      Run.config_hash == config.digest, Run.as_of == opts.as_of)
                    .order_by(Run.started_at.desc())).scalars().first()
    if row is not None and sorted(row.site_ids) == sorted(x.id for x in sites) and not opts.fresh:
        return row
    return None


def previous_completed(s: Session, before: str | None = None, site_ids: tuple[str, ...] = ()) -> Run | None:
    q = select(Run).where(Run.status == "completed", Run.kind.in_(("run", "recheck", "audit")))
    if before:
        q = q.where(Run.id != before)
    runs = s.execute(q.order_by(Run.finished_at.desc())).scalars().all()
    for run in runs:
        if not site_ids or set(site_ids) & set(run.site_ids):
            return run
    return None


def execute(config: Config, opts: RunOptions) -> RunResult:
    """`govaudit run` (and `recheck`): the whole pipeline under the run lock."""
    ws = Workspace(opts.db_url, config)
    sites = config.select_sites(opts.site_ids)
    with run_lock(ws.engine, f"run:{config.digest}", ws.lock_dir):
        with ws.sessions.begin() as s:
            run = _resumable(s, config, opts, sites)
            resumed = run is not None
            prev = previous_completed(s, site_ids=tuple(x.id for x in sites))
            if run is None:
                run = Run(id=new_run_id(), kind=opts.kind, status="running", stage="crawl", tool_version=__version__,
                          git_commit=git_commit(), config_path=str(config.path), config_hash=config.digest,
                          policy_hash=hashlib.sha256(config.policy.model_dump_json().encode()).hexdigest()[:16],
                          jurisdiction=config.audit.jurisdiction, as_of=opts.as_of, site_ids=[x.id for x in sites],
                          previous_run_id=prev.id if prev else None, host=socket.gethostname(), pid=os.getpid())
                run.crawl_run_id = run.id
                s.add(run)
                s.flush()
                for site in sites:
                    s.add(Site(run_id=run.id, site_id=site.id, name=site.name, url=site.url, level=site.level,
                               jurisdiction_id=site_jurisdiction_id(config, site), status="pending"))
            else:
                run.pid, run.host = os.getpid(), socket.gethostname()
            run_id, stage = run.id, run.stage
        result = RunResult(run_id=run_id, resumed=resumed, previous_run_id=prev.id if prev else None)
        log_file = env.home() / "logs" / f"{run_id.replace(':', '')}.log"
        if stage == "crawl":
            from crawler.run import run_crawl
            from crawler.state import CrawlState

            state = CrawlState(run_id, ws.sessions, ws.blobs, conditional=config.crawl.conditional_requests)
            run_crawl(config, sites, state, previous_run_id=result.previous_run_id, fresh=opts.fresh,
                      log_file=log_file, show_progress=opts.progress)
            unfinished = _unfinished_sites(ws.sessions, run_id)
            if unfinished:
                raise CrawlIncomplete(f"sites {', '.join(unfinished)} did not finish crawling (interrupted or crashed; "
                                      f"see {log_file}); run the same command again to resume run {run_id}")
            _set_stage(ws.sessions, run_id, "audit")
        result.counts = finish(ws, config, run_id, opts)
        return result


def finish(ws: Workspace, config: Config, run_id: str, opts: RunOptions) -> dict[str, Any]:
    """Judge and report a run whose crawl is stored; safe to repeat."""
    from audit_rules.engine import audit_run
    from reports import write_reports

    counts = audit_run(ws.sessions, ws.blobs, run_id, config, as_of=opts.as_of)
    _set_stage(ws.sessions, run_id, "report")
    paths = write_reports(ws.sessions, run_id, opts.out_dir, config=config)
    with ws.sessions.begin() as s:
        run = s.get(Run, run_id)
        assert run is not None
        run.stage, run.status = "done", "completed"
        run.finished_at = dt.datetime.now(dt.UTC)
        run.counts = {**counts, "reports": [str(p) for p in paths]}
    return counts


def _unfinished_sites(sessions: sessionmaker[Session], run_id: str) -> list[str]:
    with sessions() as s:
        return [r.site_id for r in s.execute(select(Site).where(Site.run_id == run_id)).scalars()
                if r.status in ("pending", "crawling")]


def reaudit(config: Config, db_url: str, run: str, *, as_of: dt.date | None, out_dir: Path) -> tuple[str, dict[str, Any]]:
    """`govaudit audit --run ID`: judge a stored crawl again, offline, as a new run (history is kept)."""
    from reports.export import ExportError, resolve_run

    ws = Workspace(db_url, config)
    with ws.sessions.begin() as s:
        crawl_id = resolve_run(s, run)
        crawl = s.get(Run, crawl_id)
        assert crawl is not None
        source = crawl.crawl_run_id or crawl.id
        if crawl.stage == "crawl":
            raise ExportError(f"运行 {crawl_id} 的抓取尚未完成，无法判定 / the crawl of {crawl_id} is not finished")
        new = Run(id=new_run_id(), kind="audit", status="running", stage="audit", tool_version=__version__,
                  git_commit=git_commit(), config_path=str(config.path), config_hash=config.digest,
                  policy_hash=hashlib.sha256(config.policy.model_dump_json().encode()).hexdigest()[:16],
                  jurisdiction=config.audit.jurisdiction, as_of=as_of or crawl.as_of, site_ids=list(crawl.site_ids),
                  crawl_run_id=source, previous_run_id=crawl.id, host=socket.gethostname(), pid=os.getpid())
        s.add(new)
        s.flush()
        for row in s.execute(select(Site).where(Site.run_id == source)).scalars().all():
            s.add(Site(run_id=new.id, site_id=row.site_id, name=row.name, url=row.url, level=row.level,
                       jurisdiction_id=row.jurisdiction_id, status=row.status, error_type=row.error_type,
                       pages=row.pages, attachments=row.attachments, errors=row.errors, rendered=row.rendered,
                       not_modified=row.not_modified, started_at=row.started_at, finished_at=row.finished_at,
                       stats=row.stats))
        new_id, new_as_of = new.id, new.as_of
    opts = RunOptions(db_url=db_url, out_dir=out_dir, as_of=new_as_of)
    return new_id, finish(ws, config, new_id, opts)


def _set_stage(sessions: sessionmaker[Session], run_id: str, stage: str) -> None:
    with sessions.begin() as s:
        run = s.get(Run, run_id)
        if run is not None:
            run.stage = stage
            run.heartbeat_at = dt.datetime.now(dt.UTC)
