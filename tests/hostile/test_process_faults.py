"""Process faults: `govaudit run` is SIGKILLed during the crawl, during the audit and while it writes the reports,
then run again with the same command. The run must complete as the same run, with no duplicate and no lost row,
findings equal to an uninterrupted run, and a report that is never a half-written file.

The steps form one chain on one database (each kill leaves the state the next step resumes from); a step whose
predecessor failed is skipped.
"""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .cases import case
from .conftest import MEASURED, RUNS, Runs
from .harness import (
    RunResult,
    Watch,
    fetches,
    govaudit_cmd,
    kill_group,
    query,
    run_env,
    run_measured,
    write_config,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

KILL_AFTER_FETCHES = 250

# Run inside the child: SIGKILL the process halfway through writing report.xlsx (after half the bytes reached the
# temporary file, before the rename): the most hostile moment for a report writer.
HALF_WRITE_HOOK = r"""
import os, signal, sys
import reports.export as export

class _Half:
    def __init__(self, fh):
        self.fh = fh
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.fh.close()
    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        os.fsync(self.fh.fileno())
        os.kill(os.getpid(), signal.SIGKILL)
    def flush(self):
        self.fh.flush()
    def fileno(self):
        return self.fh.fileno()

class _Os:
    def __getattr__(self, name):
        return getattr(os, name)
    @staticmethod
    def fdopen(fd, *args, **kwargs):
        fh = os.fdopen(fd, *args, **kwargs)
        return _Half(fh) if ".report.xlsx." in os.readlink(f"/proc/self/fd/{fd}") else fh

export.os = _Os()
from govaudit.cli import main
sys.exit(main())
"""


def _old_report() -> bytes:
    """Last night's report: a complete workbook that must survive every crash of tonight's run."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "昨夜"  # type: ignore[union-attr]
    wb.active.append(["last night's report"])  # type: ignore[union-attr]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@dataclass
class Chain:
    work: Path
    config: Path
    url: str
    old_report: bytes
    broken: str = ""
    results: list[RunResult] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)

    @property
    def db(self) -> Path:
        return self.work / "govaudit.sqlite"

    @property
    def report(self) -> Path:
        return self.work / "out" / "report.xlsx"

    def need(self) -> None:
        if self.broken:
            pytest.skip(f"an earlier step failed: {self.broken}")

    def run(self, label: str, watch: Watch | None = None, hook: str | None = None) -> RunResult:
        cmd = govaudit_cmd(self.work, self.config)
        if hook is not None:
            cmd = [sys.executable, "-c", hook, *cmd[3:]]  # the same arguments after `-m govaudit.cli`
        result = run_measured(cmd, self.work, env=run_env(self.work), timeout=300, watch=watch)
        self.results.append(result)
        self.pids.append(result.pid)
        MEASURED[f"chain {len(self.results)}: {label}"] = (result.wall, result.maxrss_mb)
        return result

    def scalar(self, sql: str) -> Any:
        if not self.db.exists():
            return None
        try:
            rows = query(self.db, sql)
        except sqlite3.Error:
            return None  # not created yet, or locked for a moment
        return rows[0][0] if rows else None

    def stage(self) -> str | None:
        return self.scalar("SELECT stage FROM runs")

    def report_state(self) -> str:
        """'old', 'new' (a complete workbook of tonight's run) — anything else fails the test."""
        data = self.report.read_bytes()
        if data == self.old_report:
            return "old"
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
            raise AssertionError(f"report.xlsx is not a complete workbook: {exc}") from None
        assert "昨夜" not in wb.sheetnames and len(wb.sheetnames) >= 3, wb.sheetnames
        return "new"


@pytest.fixture(scope="module")
def baseline(runs: Runs) -> RunResult:
    r = runs.get("large")
    assert r.returncode == 0, r.explain()
    return r


@pytest.fixture(scope="module")
def chain(runs: Runs, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    runs.start("large")  # the uninterrupted baseline runs meanwhile
    work = tmp_path_factory.mktemp("chain")
    url = runs.server.urls["large"]
    config = write_config(work, {"large": url}, **RUNS["large"].crawl)
    old = _old_report()
    (work / "out").mkdir()
    (work / "out" / "report.xlsx").write_bytes(old)
    chain = Chain(work, config, url, old)
    yield chain
    for pid in chain.pids:
        kill_group(pid)  # orphans of the killed runs (each run leads its own process group)


def hits_since(chain: Chain, runs: Runs, since: int) -> list[dict[str, Any]]:
    return runs.server.hits("large")[since:]


def contract(records_path: Path) -> list[str]:
    """findings.jsonl without the run id, as sorted canonical lines."""
    out = []
    for line in records_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rec.pop("run_id")
        out.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def assert_no_duplicates(db: Path) -> None:
    (row,) = query(db, "SELECT count(*) AS n, count(DISTINCT run_id || site_id || request_key) AS d FROM fetches")
    assert row["n"] == row["d"], dict(row)
    (row,) = query(db, "SELECT count(*) AS n, count(DISTINCT run_id || site_id || check_id || scope || doc_key) AS d "
                       "FROM findings")
    assert row["n"] == row["d"], dict(row)


@case("Process faults", f"SIGKILL during the crawl (after {KILL_AFTER_FETCHES} fetch rows are stored)",
      "the run stays `running` at stage `crawl`; the stored fetches are kept; last night's report.xlsx untouched")
def test_kill_during_crawl(chain: Chain, runs: Runs) -> None:
    try:
        r = chain.run("kill in crawl", Watch(lambda: (chain.scalar("SELECT count(*) FROM fetches") or 0)
                                             >= KILL_AFTER_FETCHES))
        assert r.returncode == -9, r.explain()
        assert chain.stage() == "crawl"
        (run,) = query(chain.db, "SELECT status FROM runs")
        assert run["status"] == "running"
        stored = chain.scalar("SELECT count(*) FROM fetches")
        assert KILL_AFTER_FETCHES <= stored < 800, stored
        assert chain.scalar("SELECT count(*) FROM findings") == 0
        assert chain.report_state() == "old"
        assert_no_duplicates(chain.db)
    except BaseException as exc:
        chain.broken = f"crawl kill: {exc}"
        raise


@case("Process faults", "run again, SIGKILL during the audit (stage `audit`)",
      "the crawl resumed as the same run: no stored page requested again, no duplicate fetch row, the same pages "
      "as an uninterrupted run")
def test_resume_then_kill_during_audit(chain: Chain, runs: Runs, baseline: RunResult) -> None:
    chain.need()
    try:
        stored_urls = {f["url"] for f in fetches(chain.db)}
        before = len(runs.server.hits("large"))
        r = chain.run("kill in audit", Watch(lambda: chain.stage() == "audit"))
        assert r.returncode == -9, r.explain()
        assert chain.stage() == "audit"
        assert chain.scalar("SELECT count(*) FROM runs") == 1  # resumed, not a second run
        requested = {f"{h['path']}?{h['query']}" if h["query"] else h["path"] for h in hits_since(chain, runs, before)}
        again = {u for u in stored_urls if "/" + u.split("/", 3)[3] in requested}
        assert not again, f"pages stored before the kill were fetched again: {sorted(again)[:5]}"
        assert_no_duplicates(chain.db)
        mine = {f["url"] for f in fetches(chain.db)}
        theirs = {f["url"] for f in fetches(baseline.db)}
        assert mine == theirs, (len(mine - theirs), len(theirs - mine))
        assert chain.report_state() == "old"
    except BaseException as exc:
        chain.broken = f"audit kill: {exc}"
        raise


@case("Process faults", "run again, SIGKILL as soon as report writing starts (stage `report`)",
      "no page requested (the crawl is not repeated); findings stored once; report.xlsx is last night's or "
      "a complete new one, never a partial file")
def test_resume_then_kill_during_report(chain: Chain, runs: Runs) -> None:
    chain.need()
    try:
        before = len(runs.server.hits("large"))
        r = chain.run("kill in report", Watch(lambda: chain.stage() == "report", every=0.005))
        assert r.returncode == -9, r.explain()
        assert chain.stage() == "report"
        assert hits_since(chain, runs, before) == []
        assert chain.scalar("SELECT count(*) FROM findings") > 85
        assert_no_duplicates(chain.db)
        assert chain.report_state() in ("old", "new")
    except BaseException as exc:
        chain.broken = f"report kill: {exc}"
        raise


@case("Process faults", "run again, SIGKILL halfway through writing report.xlsx (half the bytes written to the "
      "temporary file, before the rename)",
      "report.xlsx is byte-identical to what was there before: a half-written report never replaces a good one")
def test_kill_halfway_through_report_xlsx(chain: Chain) -> None:
    chain.need()
    try:
        before = chain.report.read_bytes()
        r = chain.run("kill in xlsx write", hook=HALF_WRITE_HOOK)
        assert r.returncode == -9, r.explain()
        assert chain.report.read_bytes() == before
        partial = [p for p in chain.report.parent.glob(".report.xlsx.*") if p.stat().st_size > 0]
        assert partial, "the hook did not fire: no half-written temporary file"
        assert chain.report_state() in ("old", "new")
    except BaseException as exc:
        chain.broken = f"half write: {exc}"
        raise


@case("Process faults", "run the same command once more, undisturbed",
      "exit 0, `(resumed)`, the same run id completed; no page requested; no duplicate fetch or finding row; "
      "findings.jsonl equal to an uninterrupted run's; report.xlsx a complete workbook; the killed writer's "
      "temporary file removed")
def test_resumed_run_completes_like_an_uninterrupted_one(chain: Chain, runs: Runs, baseline: RunResult) -> None:
    chain.need()
    before = len(runs.server.hits("large"))
    run_id = chain.scalar("SELECT id FROM runs")
    r = chain.run("complete")
    assert r.returncode == 0, r.explain()
    assert f"govaudit run {run_id} (resumed)" in r.stdout, r.stdout
    rows = query(chain.db, "SELECT id, status, stage FROM runs")
    assert [tuple(x) for x in rows] == [(run_id, "completed", "done")]
    assert hits_since(chain, runs, before) == []
    assert_no_duplicates(chain.db)
    assert chain.scalar("SELECT count(*) FROM fetches") == query(baseline.db, "SELECT count(*) FROM fetches")[0][0]
    assert chain.scalar("SELECT count(*) FROM findings") == query(baseline.db, "SELECT count(*) FROM findings")[0][0]
    mine, theirs = contract(chain.work / "out" / "findings.jsonl"), contract(baseline.out / "findings.jsonl")
    assert mine == theirs, (set(mine) ^ set(theirs))
    assert chain.report_state() == "new"
    assert not list(chain.report.parent.glob(".report.xlsx.*")), "the killed writer's temporary file is left behind"
