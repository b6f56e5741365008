"""PostgreSQL in production and distributed crawling, against the real servers on 127.0.0.1:
a single-process run on PostgreSQL, then the same world crawled by two `govaudit worker` processes
sharing one Redis scheduler and one PostgreSQL database: the work is split, the findings are the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from govaudit.world import RunningWorld, World
from govaudit.world.expected import compare, read_findings
from tests.dbs import fresh_pg_database

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(2400)]
REDIS = os.environ.get("GOVAUDIT_TEST_REDIS", "redis://127.0.0.1:6379/15")


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_pg_database()


@pytest.fixture
def pg_url_2() -> Iterator[str]:
    yield from fresh_pg_database()


NAMESPACE = f"govaudit-test-{uuid.uuid4().hex[:8]}"  # other sessions on this Redis never see our run


def _env(work: Path) -> dict[str, str]:
    return dict(os.environ, GOVAUDIT_HOME=str(work / "var"), GOVAUDIT_REDIS=REDIS,
                GOVAUDIT_REDIS_NAMESPACE=NAMESPACE)


def _run(args: list[str], work: Path, timeout: float = 1500) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govaudit.cli", *args], capture_output=True, text=True,
                          env=_env(work), timeout=timeout)


def _verdicts(findings: list[dict]) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """Keyed down to the record of a table row: a 公示 page lists several decisions, each judged."""
    return {(r["site_id"], r["check_id"], r["scope"], r["url"] or "", str(r["details"].get("row_key", ""))):
            (r["verdict"], tuple(sorted(r["reason_codes"]))) for r in findings}


def test_single_and_two_worker_runs_on_postgres_agree(served_world: RunningWorld, world: World, tmp_path: Path,
                                                      pg_url: str, pg_url_2: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{NAMESPACE}:*"):
        client.delete(key)
    config = served_world.write_config(tmp_path / "sites.toml")

    # 1. one process, PostgreSQL (the production database), migrations from nothing
    single = tmp_path / "single"
    proc = _run(["run", "--config", str(config), "--db", pg_url, "--out", str(single), "--no-progress"], single)
    assert proc.returncode == 0, proc.stderr[-3000:]
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    single_findings = read_findings(single / "findings.jsonl")
    assert not compare(single_findings, manifest).mismatches(), "the PostgreSQL run must match the expected findings"

    # 2. two workers on one Redis queue writing to one PostgreSQL database, and a coordinator
    dist = tmp_path / "dist"
    workers = [subprocess.Popen([sys.executable, "-m", "govaudit.cli", "worker", "--wait", "300", "--idle", "8",
                                 "--no-progress"], env=_env(dist / f"w{i}"), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for i in range(2)]
    try:
        time.sleep(2)
        proc = _run(["run", "--distributed", "--config", str(config), "--db", pg_url_2, "--out", str(dist),
                     "--no-progress"], dist)
        assert proc.returncode == 0, proc.stderr[-3000:]
        for w in workers:
            w.wait(timeout=120)
            assert w.returncode == 0, w.stderr.read()[-2000:] if w.stderr else ""
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()

    with create_engine(pg_url_2).connect() as conn:
        split = Counter(dict(conn.execute(text("select worker, count(*) from fetches group by worker")).all()))
        dupes = conn.execute(text("select count(*) from (select run_id, site_id, request_key from fetches group by 1, 2, 3 "
                                  "having count(*) > 1) d")).scalar()
    print(f"work split between the workers: {dict(split)}")  # shown with -rP
    assert len(split) == 2 and all(w for w in split), f"both workers must fetch: {dict(split)}"
    total = sum(split.values())
    assert min(split.values()) >= 0.15 * total, f"the work is shared, not one worker doing everything: {dict(split)}"
    assert dupes == 0

    dist_findings = read_findings(dist / "findings.jsonl")
    a, b = _verdicts(single_findings), _verdicts(dist_findings)
    diff = {k: (a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    # same world, same ports, evidence chosen in URL order: every record, down to its evidence URL, agrees
    assert not diff, f"{len(diff)} findings differ between 1 process and 2 workers: {list(diff.items())[:10]}"
