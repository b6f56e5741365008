"""Retention: keep the evidence of the last nights, the verdicts of all nights.

A province-scale nightly run stores ~1.8 KB of fetch and document rows per page per night (see
docs/operations.md), so raw evidence cannot be kept forever. `prune` deletes the fetches, documents
and coverage of runs older than the newest `keep_runs` completed runs, then the bodies and
attachment texts no kept fetch refers to. Runs, their sites, findings and manual explanations are
never deleted: reports, exports and the changes between any two nights stay complete. A pruned
run is marked (`counts["evidence_pruned_at"]`), so re-judging it offline says why it cannot.

Kept whatever the count: runs that did not complete (they may be resumed) and the crawl runs that a
kept re-judge run (`govaudit audit`) rests on. Bodies stored after the oldest unfinished run began
are never swept, so a crawl running meanwhile cannot lose a body whose fetch row it has not yet
committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from storage.models import Attachment, Blob, BlobBody, Coverage, Document, Fetch, Run

MIN_KEEP = 2  # tonight's changes compare with last night's documents
_BATCH = 500


@dataclass
class PruneReport:
    kept: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    blob_bytes: int = 0
    attachments: int = 0
    dry_run: bool = False


def plan(s: Session, keep_runs: int) -> tuple[list[str], list[str]]:
    """(kept run ids, run ids whose evidence goes): newest first."""
    runs = s.execute(select(Run).order_by(Run.started_at.desc())).scalars().all()
    completed = [r for r in runs if r.status == "completed"]
    keep = {r.id for r in completed[:keep_runs]} | {r.id for r in runs if r.status != "completed"}
    by_id = {r.id: r for r in runs}
    stack = list(keep)
    while stack:  # a kept re-judge run needs the crawl it judged
        base = by_id.get(stack.pop())
        if base is not None and base.crawl_run_id and base.crawl_run_id not in keep:
            keep.add(base.crawl_run_id)
            stack.append(base.crawl_run_id)
    gone = [r.id for r in runs if r.id not in keep and not (r.counts or {}).get("evidence_pruned_at")]
    return [r.id for r in runs if r.id in keep], gone


def is_pruned(run: Run) -> bool:
    return bool((run.counts or {}).get("evidence_pruned_at"))


def prune(sessions: sessionmaker[Session], keep_runs: int, *, delete_blob_file: Callable[[str], int] | None = None,
          dry_run: bool = False) -> PruneReport:
    """Delete old evidence; `delete_blob_file(sha256)` removes an on-disk body and returns the bytes freed."""
    if keep_runs < MIN_KEEP:
        raise ValueError(f"--keep-runs must be at least {MIN_KEEP}: tonight's run is compared with last night's")
    report = PruneReport(dry_run=dry_run)
    with sessions() as s:
        report.kept, report.pruned = plan(s, keep_runs)
        for model in (Fetch, Document, Coverage):
            n = s.execute(select(func.count()).select_from(model).where(model.run_id.in_(report.pruned))).scalar()
            report.rows[model.__tablename__] = int(n or 0)
    if dry_run:
        return report
    for run_id in report.pruned:  # one transaction per run: an interrupted prune is simply run again
        with sessions.begin() as s:
            for model in (Fetch, Document, Coverage):
                s.execute(delete(model).where(model.run_id == run_id))
            run = s.get(Run, run_id)
            if run is not None:
                run.counts = {**(run.counts or {}), "evidence_pruned_at": dt.datetime.now(dt.UTC).isoformat()}
    _sweep(sessions, report, delete_blob_file)
    return report


def _sweep(sessions: sessionmaker[Session], report: PruneReport,
           delete_blob_file: Callable[[str], int] | None) -> None:
    with sessions() as s:
        unfinished = s.execute(select(func.min(Run.started_at)).where(Run.status != "completed")).scalar()
        used = or_(*(exists().where(col == Blob.sha256) for col in
                     (Fetch.body_sha256, Fetch.rendered_sha256, Fetch.screenshot_sha256)))
        q = select(Blob.sha256, Blob.stored_size).where(~used)
        if unfinished is not None:
            q = q.where(Blob.created_at < unfinished)
        orphans = s.execute(q).all()
    for i in range(0, len(orphans), _BATCH):
        chunk = orphans[i:i + _BATCH]
        digests = [d for d, _ in chunk]
        for digest, stored in chunk:
            report.blob_bytes += delete_blob_file(digest) if delete_blob_file else int(stored or 0)
        with sessions.begin() as s:
            s.execute(delete(BlobBody).where(BlobBody.sha256.in_(digests)))
            s.execute(delete(Blob).where(Blob.sha256.in_(digests)))
            report.attachments += int(s.execute(select(func.count()).select_from(Attachment)
                                                .where(Attachment.sha256.in_(digests))).scalar() or 0)
            s.execute(delete(Attachment).where(Attachment.sha256.in_(digests)))
        report.blobs += len(digests)
