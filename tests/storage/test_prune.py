"""Retention (`govaudit prune`): old runs lose their evidence, never their verdicts; bodies still used stay."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.blobs import BlobStore
from storage.db import open_db
from storage.models import Attachment, Blob, Coverage, Document, Fetch, Finding, Run
from storage.prune import prune

T0 = dt.datetime(2026, 11, 1, 18, 0, tzinfo=dt.UTC)


def _night(s, run_id: str, day: int, bodies: list[str], *, status: str = "completed", kind: str = "run",
           crawl_run_id: str | None = None) -> None:
    s.add(Run(id=run_id, kind=kind, status=status, stage="done" if status == "completed" else "crawl", tool_version="t", config_path="c", config_hash="h",
              jurisdiction="平顶山市", as_of=dt.date(2026, 11, day), site_ids=["pds"], crawl_run_id=crawl_run_id,
              started_at=T0 + dt.timedelta(days=day), counts={"pages": len(bodies)}))
    s.flush()
    for i, sha in enumerate(bodies):
        s.add(Fetch(run_id=run_id, site_id="pds", request_key=f"{run_id}-{i}", url=f"https://www.pds.gov.cn/{i}.html",
                    body_sha256=sha, fetched_at=T0 + dt.timedelta(days=day)))
        s.add(Document(run_id=run_id, site_id="pds", url=f"https://www.pds.gov.cn/{i}.html", kind="detail"))
    s.add(Coverage(run_id=run_id, site_id="pds", worker="w", column_key="k"))
    s.add(Finding(run_id=run_id, site_id="pds", indicator_id="I98", check_id="I98.a", scope="site", verdict="PASS",
                  machine_verdict="PASS"))


def _store(sessions, blobs: BlobStore, data: bytes, day: int) -> str:
    digest, stored = blobs.put(data)
    with sessions.begin() as s:
        s.add(Blob(sha256=digest, size=len(data), stored_size=stored, created_at=T0 + dt.timedelta(days=day)))
        s.add(Attachment(sha256=digest, extractor_version="1", kind="pdf", text="正文"))
    return digest


def test_prune_keeps_verdicts_and_the_bodies_still_used(db_url: str, tmp_path: Path) -> None:
    _, sessions = open_db(db_url)
    blobs = BlobStore(tmp_path / "blobs")
    old_only = _store(sessions, blobs, b"<html>only the first night</html>", 1)
    shared = _store(sessions, blobs, b"<html>unchanged every night</html>", 1)
    tonight = _store(sessions, blobs, b"<html>being crawled now</html>", 5)
    with sessions.begin() as s:
        _night(s, "n1", 1, [old_only, shared])
        _night(s, "n2", 2, [shared])
        _night(s, "n3", 3, [shared])
        _night(s, "a3", 4, [], kind="audit", crawl_run_id="n1")  # a re-judge of night 1, the newest completed run
        _night(s, "n5", 5, [], status="running")  # a crawl in progress: its body has no fetch row yet

    report = prune(sessions, 2, delete_blob_file=blobs.delete)

    # newest two completed: a3 and n3; a3 rests on n1's crawl; n5 is unfinished
    assert sorted(report.kept) == ["a3", "n1", "n3", "n5"] and report.pruned == ["n2"]
    assert report.rows == {"fetches": 1, "documents": 1, "coverage": 1}
    with sessions() as s:
        for model in (Fetch, Document, Coverage):
            assert s.scalar(select(func.count()).select_from(model).where(model.run_id == "n2")) == 0
            assert s.scalar(select(func.count()).select_from(model).where(model.run_id == "n3")) == 1
        assert s.scalar(select(func.count()).select_from(Finding)) == 5, "verdicts of every night stay"
        assert s.get(Run, "n2").counts["evidence_pruned_at"]
        assert s.get(Run, "n2").counts["pages"] == 1, "the run's own record is kept"
    # old_only is still used by n1 (kept for a3); tonight's body is newer than the unfinished run's start
    assert report.blobs == 0 and blobs.has(old_only) and blobs.has(shared) and blobs.has(tonight)

    # the re-judge and the crawl it rests on age out: now n1's own body goes, with its attachment text
    with sessions.begin() as s:
        _night(s, "n6", 6, [shared])
        _night(s, "n7", 7, [shared])
        s.get(Run, "n5").status = "completed"
        s.get(Run, "n5").started_at = T0 + dt.timedelta(days=8)
    report = prune(sessions, 2, delete_blob_file=blobs.delete)
    assert sorted(report.pruned) == ["a3", "n1", "n3", "n6"]
    assert report.blobs == 2 and report.attachments == 2 and report.blob_bytes > 0
    assert not blobs.has(old_only) and not blobs.has(tonight) and blobs.has(shared)
    with sessions() as s:
        assert {b for (b,) in s.execute(select(Blob.sha256))} == {shared}
        assert {a for (a,) in s.execute(select(Attachment.sha256))} == {shared}

    again = prune(sessions, 2, delete_blob_file=blobs.delete)
    assert again.pruned == [] and again.blobs == 0, "pruning twice changes nothing"
    with pytest.raises(ValueError, match="at least 2"):
        prune(sessions, 1)


def test_cli_prune_and_rejudging_a_pruned_run(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    _, sessions = open_db(db)
    with sessions.begin() as s:
        for day in (1, 2, 3):
            _night(s, f"n{day}", day, [])
    env_cmd = [sys.executable, "-m", "govaudit.cli"]
    dry = subprocess.run([*env_cmd, "prune", "--db", db, "--keep-runs", "2", "--dry-run"], capture_output=True,
                         text=True)
    assert dry.returncode == 0 and "would prune 1 runs" in dry.stdout, dry.stdout + dry.stderr
    bad = subprocess.run([*env_cmd, "prune", "--db", db, "--keep-runs", "1"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--keep-runs" in bad.stderr
    done = subprocess.run([*env_cmd, "prune", "--db", db, "--keep-runs", "2"], capture_output=True, text=True)
    assert done.returncode == 0 and "pruned 1 runs" in done.stdout, done.stdout + done.stderr
    rejudge = subprocess.run([*env_cmd, "audit", "--db", db, "--run", "n1", "--out", str(tmp_path / "out")],
                             capture_output=True, text=True)
    assert rejudge.returncode == 2 and "pruned" in rejudge.stderr, rejudge.stderr
