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
from storage.blobs import Blobs, BlobStore, DbBlobStore
from storage.db import open_db
from storage.locks import run_lock
from storage.models import Run, Site
from storage.prune import PruneReport

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
    distributed: bool = False  # coordinate `govaudit worker` processes over Redis instead of crawling here
    drain_timeout: float = 6 * 3600


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
        mode = config.audit.blob_store if config is not None else "auto"
        in_db = mode == "db" or (mode == "auto" and self.engine.dialect.name == "postgresql"
                                 and env.blob_dir_override() is None)
        # PostgreSQL keeps bodies in the database: distributed workers share no disk
        self.blobs: Blobs = DbBlobStore(self.sessions) if in_db else BlobStore(blob_root(db_url, config))
        self.lock_dir = blob_root(db_url, config).parent / "locks"


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
        if stage == "crawl" and opts.distributed:
            coordinate(ws, config, run_id, sites, opts, result.previous_run_id)
            _set_stage(ws.sessions, run_id, "audit")
        elif stage == "crawl":
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
    from govaudit.alerts import compute_alerts, deliver

    alerts = compute_alerts(ws.sessions, run_id)
    paths = write_reports(ws.sessions, run_id, opts.out_dir, config=config, alerts=alerts)
    deliver(alerts, opts.out_dir, webhook_url=config.audit.webhook_url, email=config.audit.alert_email, run_id=run_id)
    counts["alerts"] = len(alerts)
    with ws.sessions.begin() as s:
        run = s.get(Run, run_id)
        assert run is not None
        run.stage, run.status = "done", "completed"
        run.finished_at = dt.datetime.now(dt.UTC)
        run.counts = {**counts, "reports": [str(p) for p in paths]}
    return counts


def coordinate(ws: Workspace, config: Config, run_id: str, sites: tuple[SiteConfig, ...], opts: RunOptions,
               previous_run_id: str | None) -> None:
    """Announce the run to the workers, seed the homepages, wait for the shared queues to drain."""
    from crawler import distributed as dist
    from crawler.run import mark_crawled

    if ws.engine.dialect.name != "postgresql":
        raise DistributedSetupError("a distributed crawl needs a shared PostgreSQL database (--db postgresql+psycopg://…)")
    try:
        client = dist.connect(env.redis_url())
    except Exception as exc:  # noqa: BLE001 - any connection problem is the same message for the user
        raise DistributedSetupError(f"cannot reach Redis at {env.redis_url()} ({exc}); set GOVAUDIT_REDIS") from None
    files = dist.config_files(config.path, [config.audit.units_file, config.audit.policy_file])
    dist.announce(client, run_id=run_id, db_url=ws.db_url, config_files=files, config_name=config.path.name,
                  site_ids=[s.id for s in sites], site_urls={s.id: s.url for s in sites}, fresh=opts.fresh,
                  previous_run_id=previous_run_id)
    last = [""]

    def show(workers: dict[str, str]) -> None:
        line = f"[分布式] workers={len(workers)} done={sum(v == 'done' for v in workers.values())}"
        if line != last[0] and opts.progress:
            print(line, flush=True)
            last[0] = line

    try:
        dist.wait_for_drain(client, run_id, [s.id for s in sites], timeout=opts.drain_timeout, progress=show)
    finally:
        dist.finish(client, run_id)
    mark_crawled(ws.sessions, run_id)


class DistributedSetupError(Exception):
    """The database or Redis cannot carry a distributed crawl."""


def run_worker(*, db_url: str | None, wait: float, idle_seconds: int, progress: bool) -> str | None:
    """`govaudit worker`: wait for an announced run, crawl from the shared queues until idle, exit.

    One run per process (Twisted's reactor cannot restart): systemd or a shell loop starts the next.
    Returns the run id crawled, or None when no run was announced within `wait` seconds."""
    import shutil

    from crawler import distributed as dist
    from crawler.run import run_crawl
    from crawler.state import CrawlState
    from govaudit.config import load_config

    client = dist.connect(env.redis_url())
    announcement = dist.wait_for_run(client, wait=wait)
    if announcement is None:
        return None
    run_id = announcement["run_id"]
    config_path = dist.materialise_config(announcement)
    try:
        config = load_config(config_path)
        ws = Workspace(db_url or announcement["db_url"], config)
        name = dist.worker_name()
        client.hset(f"{dist.run_prefix(run_id)}:workers", name, "running")
        try:
            state = CrawlState(run_id, ws.sessions, ws.blobs, conditional=config.crawl.conditional_requests,
                               worker=name)
            sites = config.select_sites(announcement["site_ids"])
            log_file = env.home() / "logs" / f"{run_id.replace(':', '')}-{name}.log"
            run_crawl(config, sites, state, previous_run_id=announcement.get("previous_run_id"),
                      fresh=bool(announcement.get("fresh")),
                      log_file=log_file, show_progress=progress, redis=(env.redis_url(), idle_seconds))
        finally:
            client.hset(f"{dist.run_prefix(run_id)}:workers", name, "done")
    finally:
        shutil.rmtree(config_path.parent, ignore_errors=True)
    return str(run_id)


def _unfinished_sites(sessions: sessionmaker[Session], run_id: str) -> list[str]:
    with sessions() as s:
        return [r.site_id for r in s.execute(select(Site).where(Site.run_id == run_id)).scalars()
                if r.status in ("pending", "crawling", "crawled")]


def reaudit(config: Config, db_url: str, run: str, *, as_of: dt.date | None, out_dir: Path) -> tuple[str, dict[str, Any]]:
    """`govaudit audit --run ID`: judge a stored crawl again, offline, as a new run (history is kept)."""
    from reports.export import ExportError, resolve_run
    from storage.prune import is_pruned

    ws = Workspace(db_url, config)
    with ws.sessions.begin() as s:
        crawl_id = resolve_run(s, run)
        crawl = s.get(Run, crawl_id)
        assert crawl is not None
        source = crawl.crawl_run_id or crawl.id
        if crawl.stage == "crawl":
            raise ExportError(f"运行 {crawl_id} 的抓取尚未完成，无法判定 / the crawl of {crawl_id} is not finished")
        base = s.get(Run, source)
        if base is not None and is_pruned(base):
            raise ExportError(f"运行 {source} 的抓取证据已按保留策略清理（govaudit prune），只保留了检查结果，无法重新判定 / "
                              f"the evidence of run {source} was pruned (govaudit prune); only its findings are kept")
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


def prune_evidence(config: Config | None, db_url: str, keep_runs: int, *, dry_run: bool = False) -> PruneReport:
    """`govaudit prune`: the evidence of the newest runs stays, verdicts of all runs stay (storage/prune.py)."""
    from storage.prune import prune

    ws = Workspace(db_url, config)
    on_disk = ws.blobs.delete if isinstance(ws.blobs, BlobStore) else None
    return prune(ws.sessions, keep_runs, delete_blob_file=on_disk, dry_run=dry_run)
