"""A unit fixes its site and re-checks it: `govaudit recheck` re-crawls only that site without cache,
stores a new run, prints the before/after table, and the re-check's 变化 sheet shows the fix."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from govaudit.world import RunningWorld

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def _govaudit(args: list[str], work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govaudit.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ, GOVAUDIT_HOME=str(work / "var")), timeout=1500, cwd=work)


def test_recheck_after_a_fix_shows_fail_to_pass(served_world: RunningWorld, tmp_path: Path) -> None:
    config = served_world.write_config(tmp_path / "sites.toml")
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    nightly = _govaudit(["run", "--config", str(config), "--db", db, "--out", str(tmp_path / "nightly"),
                         "--site", "baofeng", "--no-progress"], tmp_path)
    assert nightly.returncode == 0, nightly.stderr[-3000:]

    served_world.apply_fix("baofeng-zhengwu-chengxin")  # 宝丰县 publishes its 政务诚信 document
    try:
        t0 = time.monotonic()
        recheck = _govaudit(["recheck", "--config", str(config), "--db", db, "--site", "baofeng",
                             "--indicator", "I16", "--no-progress"], tmp_path)
        seconds = time.monotonic() - t0
    finally:
        served_world.revert_fix("baofeng-zhengwu-chengxin")
    assert recheck.returncode == 0, recheck.stderr[-3000:]
    assert seconds < 60, f"a single-site re-check took {seconds:.0f}s"

    table = recheck.stdout
    line = next((ln for ln in table.splitlines() if "I16.a" in ln), "")
    assert "FAIL" in line or "不达标" in line, table
    assert "PASS" in line or "达标" in line, table
    assert "I98.a" not in table, "only the requested indicator is listed"

    report = tmp_path / "out" / "recheck" / "baofeng" / "report.xlsx"
    assert report.exists(), "a re-check writes its own report folder, not over the nightly one"
    wb = openpyxl.load_workbook(report, read_only=True)
    changes = [tuple(str(c) for c in row if c is not None) for row in wb["变化"].iter_rows(values_only=True)]
    fixed = [row for row in changes if any("I16.a" in c for c in row)]
    assert fixed and any(("已整改" in c) or ("fixed" in c) for c in fixed[0]), changes[:10]
    assert (tmp_path / "nightly" / "report.xlsx").exists()
