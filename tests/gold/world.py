"""One `govaudit run` over the served fixture world: the findings the world e2e test and the gold gate both read."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govaudit.world import RunningWorld, World
from govaudit.world.demo import govaudit_command
from govaudit.world.expected import read_findings


@dataclass(frozen=True)
class WorldRun:
    findings: list[dict[str, Any]]  # the records of findings.jsonl
    manifest: dict[str, Any]  # the world's manifest.json
    out: Path  # the run's --out directory (reports, findings.jsonl)
    seconds: float


def run_world(running: RunningWorld, world: World, work: Path) -> WorldRun:
    """`govaudit run` on every site of the served world into `work` (a fresh SQLite database)."""
    work.mkdir(parents=True, exist_ok=True)
    config = running.write_config(work / "sites.toml")
    out = work / "out"
    cmd = [*govaudit_command(), "run", "--config", str(config), "--db", f"sqlite:///{work / 'govaudit.sqlite'}",
           "--out", str(out)]
    t0 = time.perf_counter()
    # sites judged in two processes here; the offline re-judge test judges them in one and must agree
    env = dict(os.environ, GOVAUDIT_JUDGE_PROCESSES="2")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3000, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"govaudit run exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    findings = out / "findings.jsonl"
    if not findings.exists():
        raise RuntimeError(f"govaudit run wrote no {findings}")
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    return WorldRun(read_findings(findings), manifest, out, seconds)
