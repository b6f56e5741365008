"""Crawl benchmark: govaudit against bare baselines on the same pages, in one run.

    python -m bench.crawl [--pages 10000] [--concurrency 8] [--out bench/results]

Builds a fixture world with `--pages` extra filler articles, serves it on 127.0.0.1, then measures:

1. the whole thing: `govaudit run` on every site (crawl + judge + report), its crawl span, peak memory
   and the share of pages that had to be rendered; then the next night over the unchanged world
   (conditional requests and the render cache): bodies fetched and crawl rate;
2. static crawling: `govaudit run` on the sites that need no browser, vs a bare Scrapy spider (no
   parsing, no storage) over exactly the URLs govaudit fetched there, same per-site concurrency;
3. rendering: govaudit's renders per second on the script-built site vs a bare Playwright loop
   rendering exactly those URLs in the same Chromium with the same number of open tabs and the same
   "the page's scripts are done" wait (crawler/settle.py), so the ratio is the cost of the crawler
   around the browser (scheduling, storage, extraction), not of a different wait.

Every ratio compares two crawls of the same pages on the same machine in the same run, so it means
something on any machine; the absolute rates do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BARE_SCRAPY = r'''
import json, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess

urls = json.load(open(sys.argv[1]))
concurrency, sites = int(sys.argv[2]), int(sys.argv[3])
count = {"n": 0}

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for u in urls:
            yield scrapy.Request(u, callback=self.parse, dont_filter=True)
    def parse(self, response):
        count["n"] += 1

process = CrawlerProcess({"LOG_LEVEL": "ERROR", "CONCURRENT_REQUESTS": concurrency * sites,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0,
                          "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False,
                          "RETRY_ENABLED": False, "CONCURRENT_ITEMS": 16})
process.crawl(Bare)
t0 = time.monotonic()
process.start()
print(json.dumps({"pages": count["n"], "seconds": time.monotonic() - t0}))
'''

BARE_PLAYWRIGHT = r'''
import asyncio, json, sys, time
from playwright.async_api import async_playwright
from crawler.settle import QUIET_MS, SETTLE_CAP_MS, SETTLE_INIT_JS, SETTLE_WAIT_JS

urls, executable, pages = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])

async def main():
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable)
        context = await browser.new_context()
        async def abort(route):
            if route.request.resource_type in ("image", "media", "font"):
                await route.abort()
            else:
                await route.continue_()
        await context.route("**/*", abort)
        await context.add_init_script(SETTLE_INIT_JS)  # the same "scripts are done" wait as govaudit's
        queue = asyncio.Queue()
        for u in urls:
            queue.put_nowait(u)
        done = 0
        async def worker():
            nonlocal done
            page = await context.new_page()
            while not queue.empty():
                u = queue.get_nowait()
                await page.goto(u, wait_until="load")
                await page.evaluate(SETTLE_WAIT_JS, [QUIET_MS, SETTLE_CAP_MS])
                await page.content()
                done += 1
            await page.close()
        t0 = time.monotonic()
        await asyncio.gather(*[worker() for _ in range(pages)])
        print(json.dumps({"pages": done, "seconds": time.monotonic() - t0}))
        await browser.close()

asyncio.run(main())
'''


def _child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _govaudit(work: Path, name: str, config: Path, env: dict[str, str], sites: list[str] | None = None
              ) -> tuple[sqlite3.Connection, float]:
    db_path = work / f"{name}.sqlite"
    cmd = [sys.executable, "-m", "govaudit.cli", "run", "--config", str(config), "--db", f"sqlite:///{db_path}",
           "--out", str(work / f"out-{name}"), "--no-progress"]
    for s in sites or []:
        cmd += ["--site", s]
    t = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"govaudit run ({name}) exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return sqlite3.connect(db_path), time.monotonic() - t


def _span(db: sqlite3.Connection, where: str = "1=1", args: tuple[Any, ...] = ()) -> float:
    first, last = db.execute(f"select min(fetched_at), max(fetched_at) from fetches where {where}", args).fetchone()
    return (dt.datetime.fromisoformat(last) - dt.datetime.fromisoformat(first)).total_seconds() if first else 0.0


def _bare(work: Path, script: str, name: str, args: list[str]) -> dict[str, float]:
    path = work / f"{name}.py"
    path.write_text(script)
    proc = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--out", default="bench/results")
    args = ap.parse_args(argv)

    from crawler.run import chromium_available
    from govaudit import env as genv
    from govaudit.world import build_world, serve_world

    if not chromium_available():
        raise SystemExit(f"the benchmark renders pages: no Chromium at {genv.chromium_path()} (GOVAUDIT_CHROMIUM)")
    work = Path(tempfile.mkdtemp(prefix="govaudit-bench-"))
    t = time.monotonic()
    world = build_world(work / "world", pages=args.pages)
    build_s = time.monotonic() - t
    with serve_world(world) as running:
        config = running.write_config(work / "sites.toml", concurrency_per_site=args.concurrency,
                                      max_pages_per_site=200_000)
        env = dict(os.environ, GOVAUDIT_HOME=str(work / "var"))

        # 1. the whole run
        db, run_s = _govaudit(work, "whole", config, env)
        whole_rss = _child_rss_mb()
        pages = db.execute("select count(*) from fetches where error_type is null").fetchone()[0]
        rendered_by_site = dict(db.execute("select site_id, count(*) from fetches where error_type is null and "
                                           "render_mode = 'browser' group by 1").fetchall())
        rendered = sum(rendered_by_site.values())
        crawl_s = _span(db)
        spa = max(rendered_by_site, key=lambda s: rendered_by_site[s])
        spa_span = _span(db, "site_id = ?", (spa,))
        render_urls = [u for (u,) in db.execute("select distinct final_url from fetches where error_type is null "
                                                 "and render_mode = 'browser' and site_id = ?", (spa,))]
        reached = [s for (s,) in db.execute("select distinct site_id from fetches where error_type is null")]

        # 1b. the next night over the unchanged world: conditional requests, render cache
        first_run = db.execute("select id from runs order by started_at").fetchone()[0]
        db, rerun_s = _govaudit(work, "whole", config, env)
        second = db.execute("select id from runs where id != ? order by started_at desc", (first_run,)).fetchone()[0]
        rerun_pages, rerun_bodies = db.execute(
            "select count(*), sum(not_modified = 0 or not_modified is null) from fetches "
            "where error_type is null and run_id = ?", (second,)).fetchone()
        rerun_crawl_s = _span(db, "run_id = ?", (second,))
        static_sites = [s for s in reached if s not in rendered_by_site]

        # 2. static crawling: govaudit on the browser-free sites vs bare Scrapy on the same URLs
        sdb, static_run_s = _govaudit(work, "static", config, env, static_sites)
        static_pages = sdb.execute("select count(*) from fetches where error_type is null").fetchone()[0]
        static_s = _span(sdb)
        urls = [u for (u,) in sdb.execute("select distinct final_url from fetches where error_type is null and "
                                           "method = 'GET'")]
        (work / "static-urls.json").write_text(json.dumps(urls))
        bare = _bare(work, BARE_SCRAPY, "bare_scrapy",
                     [str(work / "static-urls.json"), str(args.concurrency), str(len(static_sites))])

        # 3. rendering: govaudit's renders of the script-built site vs bare Playwright on the same URLs
        (work / "render-urls.json").write_text(json.dumps(render_urls))
        bare_pw = _bare(work, BARE_PLAYWRIGHT, "bare_playwright",
                        [str(work / "render-urls.json"), genv.chromium_path(), "4"])

    ours_static = static_pages / static_s if static_s else 0.0
    bare_static = bare["pages"] / bare["seconds"]
    ours_render = rendered_by_site[spa] / spa_span if spa_span else 0.0
    bare_render = bare_pw["pages"] / bare_pw["seconds"]
    result = {
        "date": dt.date.today().isoformat(), "filler_pages": args.pages, "world_build_s": round(build_s, 1),
        "concurrency_per_site": args.concurrency, "cpus": os.cpu_count(),
        "whole_run": {"pages": pages, "crawl_s": round(crawl_s, 1), "pages_per_s": round(pages / crawl_s, 1),
                      "run_s_incl_judging_and_reports": round(run_s, 1), "peak_rss_mb": round(whole_rss, 1),
                      "rendered": rendered, "rendered_share": round(rendered / pages, 4),
                      "slowest_site": spa, "slowest_site_span_s": round(spa_span, 1)},
        "next_night": {"pages": rerun_pages, "bodies_fetched": rerun_bodies,
                       "bodies_share": round(rerun_bodies / rerun_pages, 4) if rerun_pages else None,
                       "crawl_s": round(rerun_crawl_s, 1),
                       "pages_per_s": round(rerun_pages / rerun_crawl_s, 1) if rerun_crawl_s else None,
                       "run_s_incl_judging_and_reports": round(rerun_s, 1)},
        "static": {"sites": static_sites, "govaudit_pages": static_pages, "govaudit_s": round(static_s, 1),
                   "govaudit_pages_per_s": round(ours_static, 1), "govaudit_run_s": round(static_run_s, 1),
                   "bare_scrapy_pages": bare["pages"], "bare_scrapy_s": round(bare["seconds"], 1),
                   "bare_scrapy_pages_per_s": round(bare_static, 1),
                   "ratio_govaudit_to_bare_scrapy": round(ours_static / bare_static, 3)},
        "render": {"site": spa, "govaudit_renders": rendered_by_site[spa],
                   "govaudit_site_renders_per_s": round(ours_render, 2),
                   "bare_playwright_pages": bare_pw["pages"], "bare_playwright_s": round(bare_pw["seconds"], 1),
                   "bare_playwright_pages_per_s": round(bare_render, 2),
                   "ratio_govaudit_to_bare_playwright": round(ours_render / bare_render, 3)},
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"crawl-{args.pages}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
