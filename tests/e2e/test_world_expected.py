"""End to end: `govaudit run` over the served fixture world must reproduce the hand-written expected findings
(govaudit/world/expected/*.toml): site-scope verdicts exactly, reason codes ⊇ expected, document records by URL.

Never delete or loosen the assertions to make it pass: fix the tool, or argue the expectation in the world's README.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from govaudit.world import RunningWorld
from govaudit.world.demo import govaudit_command
from govaudit.world.expected import compare, read_findings
from tests.gold.world import WorldRun

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]


def run_govaudit(running: RunningWorld, work: Path, *extra: str) -> Path:
    config = running.write_config(work / "sites.toml")
    out = work / "out"
    cmd = [*govaudit_command(), "run", "--config", str(config), "--db", f"sqlite:///{work / 'govaudit.sqlite'}",
           "--out", str(out), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3000)
    assert proc.returncode == 0, f"govaudit run exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    findings = out / "findings.jsonl"
    assert findings.exists(), f"no {findings}"
    return findings


def test_world_findings_match_expected(world_findings: WorldRun) -> None:
    # the session's one `govaudit run` over the served world (tests/conftest.py), shared with the gold gate
    result = compare(world_findings.findings, world_findings.manifest)
    print(result.table())
    assert not result.mismatches(), result.table()


def test_fix_turns_fail_into_pass(served_world: RunningWorld, tmp_path: Path) -> None:
    """A unit publishes its missing 新闻发言人制度; the re-check of that site shows FAIL → PASS."""
    before = {r["check_id"]: r for r in read_findings(run_govaudit(served_world, tmp_path / "before", "--site", "pds"))
              if r["scope"] == "site"}
    served_world.apply_fix("pds-spokesperson")
    try:
        after = {r["check_id"]: r for r in read_findings(run_govaudit(served_world, tmp_path / "after", "--site", "pds"))
                 if r["scope"] == "site"}
    finally:
        served_world.revert_fix("pds-spokesperson")
    assert before["I82.a"]["verdict"] == "FAIL" and after["I82.a"]["verdict"] == "PASS"
    changed = {c for c in before if before[c]["verdict"] != after.get(c, {}).get("verdict")}
    assert changed == {"I82.a"}, changed


def test_offline_rejudge_reproduces_the_run(world_findings: WorldRun, tmp_path: Path) -> None:
    """`govaudit audit --run latest` judges the stored crawl again, fetching nothing, and agrees record for record
    (in one process, where the run judged its sites in two)."""
    import sqlite3

    work = world_findings.out.parent
    db = work / "govaudit.sqlite"
    with sqlite3.connect(db) as conn:
        fetches_before = conn.execute("select count(*) from fetches").fetchone()[0]
    proc = subprocess.run([*govaudit_command(), "audit", "--run", "latest", "--config", str(work / "sites.toml"),
                           "--db", f"sqlite:///{db}", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=1200,
                          env=dict(os.environ, GOVAUDIT_JUDGE_PROCESSES="1"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from fetches").fetchone()[0] == fetches_before, "a re-judge fetches nothing"
        kinds = [k for (k,) in conn.execute("select kind from runs order by started_at")]
    assert kinds[-1] == "audit"

    def key(r: dict) -> tuple:
        return (r["site_id"], r["check_id"], r["scope"], r["url"] or "", str(r["details"].get("row_key", "")),
                r["verdict"], tuple(sorted(r["reason_codes"])))

    again = read_findings(tmp_path / "out" / "findings.jsonl")
    assert sorted(map(key, again)) == sorted(map(key, world_findings.findings))
