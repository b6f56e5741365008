"""The crawler on the fixture world: every planted page reached on every CMS family, every fault typed,
a small share rendered, and a nightly re-crawl of the unchanged world that skips almost every body.

One crawl and one re-crawl of the whole world are shared by the module (they are real `govaudit run`s).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from govaudit.world import RunningWorld, World

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


@dataclass
class Crawled:
    db: sqlite3.Connection
    runs: list[str]
    urls: dict[str, str]  # site id -> base URL
    manifest: dict
    findings: list[list[dict]]
    logs: list[str]  # the run logs (var/logs/<run>.log), oldest first

    def fetches(self, run: int, site: str) -> list[sqlite3.Row]:
        return self.db.execute("select * from fetches where run_id = ? and site_id = ?",
                               (self.runs[run], site)).fetchall()


@pytest.fixture(scope="module")
def crawled(served_world: RunningWorld, world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    work = tmp_path_factory.mktemp("crawl")
    config = served_world.write_config(work / "sites.toml")
    env = dict(os.environ, GOVAUDIT_HOME=str(work / "var"))
    findings = []
    for i in range(2):  # the nightly run, then the next night over the unchanged world
        out = work / f"out{i}"
        proc = subprocess.run([sys.executable, "-m", "govaudit.cli", "run", "--config", str(config), "--db",
                               f"sqlite:///{work / 'g.sqlite'}", "--out", str(out), "--no-progress"],
                              capture_output=True, text=True, env=env, timeout=1500)
        assert proc.returncode == 0, proc.stderr[-3000:]
        findings.append([json.loads(line) for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()])
    db = sqlite3.connect(work / "g.sqlite")
    db.row_factory = sqlite3.Row
    runs = [r for (r,) in db.execute("select id from runs order by started_at")]
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    logs = [p.read_text(encoding="utf-8") for p in sorted((work / "var" / "logs").glob("*.log"))]
    yield Crawled(db, runs, dict(served_world.urls), manifest, findings, logs)
    db.close()


def _paths(rows: list[sqlite3.Row]) -> set[str]:
    out = set()
    for r in rows:
        if r["error_type"] is None:
            for u in (r["url"], r["final_url"]):
                if u:
                    parts = urlsplit(u)
                    out.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


@pytest.mark.parametrize("site", ["pds", "yexian", "baofeng", "weidong", "pds-sfj"])
def test_every_planted_document_and_attachment_is_reached(crawled: Crawled, site: str) -> None:
    portal = next(p for p in crawled.manifest["portals"] if p["id"] == site)
    fetched = _paths(crawled.fetches(0, site))
    missing = []
    for key, doc in portal["planted"].items():
        if doc.get("reachable") is not True:
            continue  # behind robots.txt, a 503 column or a fix overlay: must NOT be reached
        candidates = {doc["url"], *doc.get("alt_urls", [])}
        if not candidates & fetched:
            missing.append((key, doc["url"]))
        for att in doc.get("attachments", []):
            if att["url"] not in fetched:
                missing.append((key, att["url"]))
    assert not missing, f"{site}: {len(missing)} planted pages/attachments not fetched: {missing[:10]}"


def test_unreachable_planted_pages_stay_unreached(crawled: Crawled) -> None:
    """robots.txt is obeyed and a 503 column yields nothing."""
    for portal in crawled.manifest["portals"]:
        fetched = _paths(crawled.fetches(0, portal["id"]))
        leaked = [d["url"] for d in portal["planted"].values()
                  if d.get("reachable") is not True and not d.get("fix") and d["url"] in fetched]
        assert not leaked, f"{portal['id']}: fetched pages that must not be reachable: {leaked}"


def _errors(crawled: Crawled, site: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in crawled.fetches(0, site):
        if r["error_type"]:
            out.setdefault(r["error_type"], []).append(r["url"])
    return out


def test_faults_are_recorded_with_their_type(crawled: Crawled) -> None:
    assert "refused" in _errors(crawled, "jiaxian"), "the dead county is 'connection refused'"
    assert "blocked" in _errors(crawled, "wugang"), "the WAF county's 200 challenge page is detected as blocked"
    yexian = _errors(crawled, "yexian")
    assert any(u.endswith("/zwgk/yfxz/index.html") for u in yexian.get("http_5xx", [])), yexian
    pds = _errors(crawled, "pds")
    assert pds.get("redirect_loop"), "the redirect loop is an error with a name"
    assert pds.get("http_4xx"), "404 links are recorded"
    assert any("/private/" in u for u in pds.get("robots", [])), "robots.txt Disallow is recorded, not fetched"
    status = dict(crawled.db.execute("select site_id, status from run_sites where run_id = ?", (crawled.runs[0],)))
    assert status["jiaxian"] == "unreachable" and status["wugang"] == "blocked" and status["pds"] == "done"


def test_redirect_chain_is_followed_and_recorded(crawled: Crawled) -> None:
    rows = [r for r in crawled.fetches(0, "pds") if r["error_type"] is None and json.loads(r["redirects"] or "[]")]
    assert rows, "the 301 → 302 chain to the I79.b document is followed"
    assert any(len(json.loads(r["redirects"])) >= 2 for r in rows)


def test_spider_traps_are_bounded(crawled: Crawled) -> None:
    calendar = [r for r in crawled.fetches(0, "pds") if "month=" in (r["url"] or "")]
    assert 0 < len(calendar) <= 61, f"the endless ?month= calendar was followed {len(calendar)} times"


def test_gbk_pages_are_decoded(crawled: Crawled) -> None:
    """The TRS county is GBK labelled gb2312 only in <meta>: its titles come out as Chinese, not mojibake."""
    portal = next(p for p in crawled.manifest["portals"] if p["id"] == "yexian")
    titles = {t for (t,) in crawled.db.execute("select title_raw from documents where run_id = ? and site_id = 'yexian'",
                                                (crawled.runs[0],))}
    planted = [d["title"] for d in portal["planted"].values() if d.get("reachable") is True and d["url"].endswith(".html")]
    norm = {t.replace("（", "(").replace("）", ")") for t in titles if t}
    hits = [t for t in planted if t.replace("（", "(").replace("）", ")") in norm]
    assert len(hits) >= 0.9 * len(planted), f"only {len(hits)}/{len(planted)} GBK titles decoded"


def test_only_pages_that_need_javascript_are_rendered(crawled: Crawled) -> None:
    rows = crawled.db.execute("select site_id, render_mode, count(*) from fetches where run_id = ? and "
                              "error_type is null group by 1, 2", (crawled.runs[0],)).fetchall()
    rendered = {site: n for site, mode, n in rows if mode == "browser"}
    total = sum(n for _, _, n in rows)
    assert set(rendered) <= {"pds-sfj", "weidong"}, f"static portals were rendered: {rendered}"
    assert rendered.get("pds-sfj", 0) > 20, "the single-page app is rendered"
    assert sum(rendered.values()) / total < 0.10, f"{sum(rendered.values())}/{total} pages rendered"


def test_nightly_recrawl_of_an_unchanged_world_skips_bodies(crawled: Crawled) -> None:
    rows = crawled.db.execute("select not_modified, count(*) from fetches where run_id = ? and error_type is null "
                              "group by 1", (crawled.runs[1],)).fetchall()
    counts = {bool(nm): n for nm, n in rows}
    total = sum(counts.values())
    assert counts.get(False, 0) / total <= 0.10, f"bodies fetched for {counts.get(False, 0)}/{total} pages"


def test_recrawl_gives_the_same_findings(crawled: Crawled) -> None:
    def key(rows: list[dict]) -> dict:
        # site findings about one document may be several rows (one per decision, per round): row_key tells them apart
        return {(r["site_id"], r["check_id"], r["scope"], r["url"], str(r["details"].get("row_key", ""))): r["verdict"]
                for r in rows}

    first, second = key(crawled.findings[0]), key(crawled.findings[1])
    diff = {k: (first.get(k), second.get(k)) for k in first.keys() | second.keys() if first.get(k) != second.get(k)}
    assert not diff, f"{len(diff)} verdicts differ after an unchanged re-crawl: {list(diff.items())[:10]}"


def test_one_browser_for_all_sites(crawled: Crawled) -> None:
    """Every site's handlers share one Playwright driver and one Chromium (crawler/browser.py)."""
    assert len(crawled.logs) == 2
    launches = [log.count("browser launched") for log in crawled.logs]
    assert launches[0] == 1, launches  # the first night renders the SPA pages: one browser for seven sites
    assert launches[1] <= 1, launches
