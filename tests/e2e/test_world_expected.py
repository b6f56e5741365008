"""End to end: `govaudit run` over the served fixture world must reproduce the hand-written expected findings
(govaudit/world/expected/*.toml): site-scope verdicts exactly, reason codes ⊇ expected, document records by URL.

Never delete or loosen the assertions to make it pass: fix the tool, or argue the expectation in the world's README.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from govaudit.world import RunningWorld, World
from govaudit.world.demo import govaudit_command
from govaudit.world.expected import compare, read_findings

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


def test_world_findings_match_expected(served_world: RunningWorld, world: World, tmp_path: Path) -> None:
    findings = run_govaudit(served_world, tmp_path)
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    result = compare(read_findings(findings), manifest)
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
