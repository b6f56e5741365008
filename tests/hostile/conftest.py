"""Fixtures of the fault-and-abuse suite: the hostile server, runs of `govaudit run` against it, measurements.

A run crawls several hostile sites at once, as a nightly run does (a fault on one site must not leak into
another: every multi-site run includes the fault-free control portal `good`). Runs whose time or memory is
measured (the link flood, the 200 MB download) crawl their site alone, with the production download stack
(scrapy-playwright in front of Scrapy's HTTP/1.1 handler). The multi-site runs go without Chromium: none of
their pages needs JavaScript, the faults live in the HTTP/1.1 handler either way, and scrapy-playwright starts
two Playwright drivers per site (≈ 30 s of start-up for 14 sites on two cores).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .harness import HostileServer, RunResult, run_case

MEASURED: dict[str, tuple[float, float]] = {}  # run -> (wall seconds, peak RSS MiB), printed at the end

# Sites of the "public" run: reached by name through the proxy (<name>.hostile.test) with
# allow_private_networks = false, as real portals are.
PUBLIC = ("good", "fz503", "slow", "drip", "loop", "waf", "waf_partial", "robots", "private_redirect", "private_home",
          "calendar", "files", "charsets", "mojibake")


DIRECT_UA = "govaudit-direct-run/{version}"  # tells the hits of the run allowed to reach private addresses


def site_id(name: str) -> str:
    return name.replace("_", "-")


@dataclass
class RunSpec:
    sites: Callable[[HostileServer], dict[str, str]]
    crawl: dict[str, Any] = field(default_factory=dict)
    proxy: bool = False
    no_proxy: str = ""
    chromium: bool = True


RUNS: dict[str, RunSpec] = {
    "public": RunSpec(lambda s: {site_id(n): s.public[n] for n in PUBLIC}, {"allow_private_networks": False},
                      proxy=True, chromium=False),
    # direct connections to 127.0.0.1 and to an unresolvable name; one public portal allowed to reach 127.0.0.1
    "direct": RunSpec(lambda s: {"good": s.urls["good"], "refused": s.urls["refused"], "dns": s.urls["dns"],
                                 "tls": s.urls["tls"], "private-allowed": s.public["private_redirect"]},
                      {"allow_private_networks": True, "user_agent": DIRECT_UA}, proxy=True,
                      no_proxy="127.0.0.1,localhost,.invalid", chromium=False),
    "flood": RunSpec(lambda s: {"flood": s.urls["flood"]}, {"max_pages_per_site": 300}),
    "big": RunSpec(lambda s: {"big": s.urls["big"]}),
    "control": RunSpec(lambda s: {"good": s.urls["good"]}),  # the memory baseline of a one-site run
    # the uninterrupted run the process faults must equal (no fault here: a generous timeout, even on a busy machine)
    "large": RunSpec(lambda s: {"large": s.urls["large"]}, {"timeout_seconds": 30}),
}


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileServer]:
    server = HostileServer(tmp_path_factory.mktemp("hostile-server"))
    try:
        yield server
    finally:
        server.stop()


class Runs:
    """Each run of RUNS once per session, started on demand or ahead of time (two at a time: most faults
    are waits), each in its own directory and database."""

    def __init__(self, server: HostileServer, root: Path) -> None:
        self.server, self.root = server, root
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="govaudit-run")
        self.futures: dict[str, Future[RunResult]] = {}
        self.lock = threading.Lock()

    def start(self, name: str) -> None:
        with self.lock:
            if name in self.futures:
                return
            spec = RUNS[name]
            env = {"http_proxy": self.server.proxy, "no_proxy": spec.no_proxy} if spec.proxy else {}
            if not spec.chromium:
                env["GOVAUDIT_CHROMIUM"] = str(self.root / "no-chromium")
            self.futures[name] = self.pool.submit(run_case, spec.sites(self.server), self.root / name, env_extra=env,
                                                  **spec.crawl)

    def get(self, name: str) -> RunResult:
        self.start(name)
        result = self.futures[name].result()
        MEASURED[name] = (result.wall, result.maxrss_mb)
        return result

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def runs(hostile: HostileServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    r = Runs(hostile, tmp_path_factory.mktemp("runs"))
    try:
        yield r
    finally:
        r.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not MEASURED:
        return
    terminalreporter.section("hostile suite: wall time and peak RSS of each govaudit run")
    for key, (wall, rss) in sorted(MEASURED.items()):
        terminalreporter.write_line(f"{key:<28} {wall:6.1f} s  {rss:6.0f} MiB")
