"""Drive the hostile server and real `govaudit run` processes: configs, measured runs, stored rows, findings."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govaudit.world.server import readline_within, stop_child, toml_value

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-20"
CYCLE_START = "2024-01-01"

# [crawl] defaults of the suite: fast, yet every bound of the product stays in force
FAST_CRAWL: dict[str, Any] = {"allow_private_networks": True, "delay_seconds": 0, "concurrency_per_site": 4,
                              "timeout_seconds": 5, "retries": 1, "max_pages_per_site": 2000}


class HostileServer:
    """The subprocess of tests/hostile/server.py: .urls, .ports, .proxy and the hit log."""

    def __init__(self, workdir: Path, startup_timeout: float = 60.0) -> None:
        self.log_path = workdir / "hits.jsonl"
        self.log_path.touch()
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.hostile.server", "--log", str(self.log_path)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = readline_within(self.proc, startup_timeout, "the hostile server")
        info = json.loads(line)
        self.urls: dict[str, str] = info["urls"]  # scenario -> http://127.0.0.1:<port>/
        self.public: dict[str, str] = info["public"]  # scenario -> http://<name>.hostile.test/ (through .proxy)
        self.ports: dict[str, int] = info["ports"]
        self.proxy: str = info["proxy"]

    def route(self, host: str, scenario: str) -> None:
        """From now on the proxy answers for `host` with `scenario` (a site that changed since the last run)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"route {host} {scenario}\n")
        self.proc.stdin.flush()
        assert readline_within(self.proc, 10, "the hostile server").strip() == "ok"

    def hits(self, site: str | None = None) -> list[dict[str, Any]]:
        out = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if site is None or rec["site"] == site:
                out.append(rec)
        return out

    def stop(self) -> None:
        stop_child(self.proc)


def write_config(work: Path, sites: dict[str, str], **crawl: Any) -> Path:
    """A sites.toml of city portals of 平顶山市 (site id -> URL) whose raw bodies live in work/data."""
    settings = {**FAST_CRAWL, **crawl}
    lines = ["[audit]", 'jurisdiction = "平顶山市"', 'jurisdiction_id = "410400"', f"as_of = {AS_OF}",
             f"cycle_start = {CYCLE_START}", 'data_dir = "data"', "", "[crawl]"]
    lines += [f"{k} = {toml_value(v)}" for k, v in settings.items()]
    for site_id, url in sites.items():
        lines += ["", "[[sites]]", f"id = {toml_value(site_id)}", 'name = "平顶山市人民政府"',
                  f"url = {toml_value(url)}", 'level = "city"', 'jurisdiction_id = "410400"']
    work.mkdir(parents=True, exist_ok=True)
    path = work / "sites.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class RunResult:
    returncode: int
    wall: float  # seconds
    maxrss_mb: float  # peak resident set of the govaudit process (and of the children it reaped)
    stdout: str
    stderr: str
    work: Path
    pid: int = 0  # also the id of the process group the run leads (start_new_session)

    @property
    def db(self) -> Path:
        return self.work / "govaudit.sqlite"

    @property
    def out(self) -> Path:
        return self.work / "out"

    def explain(self) -> str:
        return f"exit {self.returncode} after {self.wall:.1f}s\n{self.stdout[-2000:]}\n{self.stderr[-4000:]}"


def govaudit_cmd(work: Path, config: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "govaudit.cli", "run", "--config", str(config), "--db",
            f"sqlite:///{work / 'govaudit.sqlite'}", "--out", str(work / "out"), "--no-progress", *extra]


def run_env(work: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "govaudit_db", "govaudit_blobs")}
    env["GOVAUDIT_HOME"] = str(work / "home")
    env.update(extra)
    return env


@dataclass
class Watch:
    """Called every `every` seconds while the process runs; returns True to SIGKILL it."""

    check: Callable[[], bool]
    every: float = 0.01
    fired: list[float] = field(default_factory=list)


def run_measured(cmd: list[str], work: Path, *, env: dict[str, str] | None = None, timeout: float = 300,
                 watch: Watch | None = None) -> RunResult:
    """Run a command to its end (or its SIGKILL), measuring wall time and peak RSS (wait4's rusage)."""
    work.mkdir(parents=True, exist_ok=True)
    n = len(list(work.glob("stdout*.txt")))
    out_path, err_path = work / f"stdout{n}.txt", work / f"stderr{n}.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env or run_env(work), stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        status, rusage = 0, None
        last_check = 0.0
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.monotonic()
            if now - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, rusage = os.wait4(proc.pid, 0)
                raise AssertionError(f"{' '.join(cmd)} did not finish within {timeout}s "
                                     f"(stderr: {err_path.read_text(errors='replace')[-3000:]})")
            if watch is not None and now - last_check >= watch.every:
                last_check = now
                if watch.check():
                    watch.fired.append(now - start)
                    # the run process only, as the OOM killer or `kill -9 <pid>` would: what it started
                    # (forkserver, Playwright driver) is orphaned and must not block the next run
                    os.kill(proc.pid, signal.SIGKILL)
                    _, status, rusage = os.wait4(proc.pid, 0)
                    break
            time.sleep(0.005)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert rusage is not None
    return RunResult(proc.returncode, wall, rusage.ru_maxrss / 1024, out_path.read_text(errors="replace"),
                     err_path.read_text(errors="replace"), work, proc.pid)


def kill_group(pgid: int) -> None:
    """Whatever a killed run left behind (its process group)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_case(sites: dict[str, str], work: Path, *, env_extra: dict[str, str] | None = None, timeout: float = 300,
             **crawl: Any) -> RunResult:
    config = write_config(work, sites, **crawl)
    return run_measured(govaudit_cmd(work, config), work, env=run_env(work, **(env_extra or {})), timeout=timeout)


# --- what the run stored --------------------------------------------------------------------------------------------


def query(db: Path, sql: str, *args: Any) -> list[sqlite3.Row]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def fetches(db: Path, site_id: str | None = None) -> list[dict[str, Any]]:
    rows = query(db, "SELECT site_id, url, final_url, kind, status, error_type, error_detail, column_code, body_size, "
                     "body_sha256, request_key, run_id FROM fetches ORDER BY id")
    return [dict(r) for r in rows if site_id is None or r["site_id"] == site_id]


def findings(work: Path, site_id: str | None = None) -> list[dict[str, Any]]:
    path = work / "out" / "findings.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if site_id is None or r["site_id"] == site_id]


def verdicts(r: RunResult, site: str) -> dict[str, dict[str, Any]]:
    """The site records of a run that must have completed cleanly (exit 0, no traceback)."""
    assert r.returncode == 0, r.explain()
    assert "Traceback" not in r.stderr, r.explain()
    return site_verdicts(r.work, site)


def site_verdicts(work: Path, site_id: str | None = None) -> dict[str, dict[str, Any]]:
    records = [r for r in findings(work, site_id) if r["scope"] == "site"]
    if site_id is None:
        assert len({r["site_id"] for r in records}) <= 1, "name the site of a multi-site run"
    return {r["check_id"]: r for r in records}


def applicable(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c: r for c, r in records.items() if r["verdict"] != "NA"}
