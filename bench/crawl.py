"""Crawl benchmark: govaudit's crawl vs a bare Scrapy spider fetching the same URLs, in one run.

    python -m bench.crawl [--pages 10000] [--concurrency 8] [--out bench/results]

Builds a fixture world with `--pages` extra filler articles, serves it on 127.0.0.1, then
1. runs `govaudit run` on it (crawl + judge + report, the real thing) and measures the crawl stage
   (first to last fetch) and the whole run, and the peak memory of the process;
2. runs a bare Scrapy spider (no parsing, no storage) over exactly the static GET URLs govaudit fetched,
   with the same per-site concurrency and no delay, in a fresh process;
3. reports pages/s of both, the ratio, peak RSS, and the share of pages that were rendered.
Both crawls hit the same served world in the same run, so the ratio is meaningful on any machine.
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

BARE_SPIDER = r'''
import json, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess

urls = json.load(open(sys.argv[1]))
concurrency = int(sys.argv[2])
count = {"n": 0}

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for u in urls:
            yield scrapy.Request(u, callback=self.parse, dont_filter=True)
    def parse(self, response):
        count["n"] += 1

process = CrawlerProcess({"LOG_LEVEL": "ERROR", "CONCURRENT_REQUESTS": concurrency * 8,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0,
                          "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False,
                          "RETRY_ENABLED": False, "CONCURRENT_ITEMS": 16})
process.crawl(Bare)
t0 = time.monotonic()
process.start()
print(json.dumps({"pages": count["n"], "seconds": time.monotonic() - t0}))
'''


def _child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--out", default="bench/results")
    args = ap.parse_args(argv)

    from govaudit.world import build_world, serve_world

    work = Path(tempfile.mkdtemp(prefix="govaudit-bench-"))
    t = time.monotonic()
    world = build_world(work / "world", pages=args.pages)
    build_s = time.monotonic() - t
    with serve_world(world) as running:
        config = running.write_config(work / "sites.toml", concurrency_per_site=args.concurrency,
                                      max_pages_per_site=200_000)
        env = dict(os.environ, GOVAUDIT_HOME=str(work / "var"))
        t = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "govaudit.cli", "run", "--config", str(config), "--db",
                               f"sqlite:///{work / 'g.sqlite'}", "--out", str(work / "out"), "--no-progress"],
                              env=env, capture_output=True, text=True)
        run_s = time.monotonic() - t
        ours_rss = _child_rss_mb()
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
            return 1
        db = sqlite3.connect(work / "g.sqlite")
        first, last = db.execute("select min(fetched_at), max(fetched_at) from fetches").fetchone()
        crawl_s = (dt.datetime.fromisoformat(last) - dt.datetime.fromisoformat(first)).total_seconds()
        pages = db.execute("select count(*) from fetches where error_type is null").fetchone()[0]
        rendered = db.execute("select count(*) from fetches where error_type is null and render_mode = 'browser'"
                              ).fetchone()[0]
        urls = [u for (u,) in db.execute("select distinct final_url from fetches where error_type is null and "
                                         "method = 'GET' and render_mode = 'static'")]
        (work / "urls.json").write_text(json.dumps(urls))
        (work / "bare.py").write_text(BARE_SPIDER)
        bare = subprocess.run([sys.executable, str(work / "bare.py"), str(work / "urls.json"), str(args.concurrency)],
                              capture_output=True, text=True)
        bare_rss = _child_rss_mb()  # the max over both children: ours was larger, see below
        bare_result = json.loads(bare.stdout.strip().splitlines()[-1])
    ours_pps = pages / crawl_s if crawl_s else 0.0
    bare_pps = bare_result["pages"] / bare_result["seconds"]
    result = {
        "date": dt.date.today().isoformat(), "filler_pages": args.pages, "world_build_s": round(build_s, 1),
        "concurrency_per_site": args.concurrency, "cpus": os.cpu_count(),
        "govaudit": {"pages": pages, "crawl_s": round(crawl_s, 1), "pages_per_s": round(ours_pps, 1),
                     "whole_run_s": round(run_s, 1), "peak_rss_mb": round(ours_rss, 1),
                     "rendered": rendered, "rendered_share": round(rendered / pages, 4) if pages else 0},
        "bare_scrapy": {"pages": bare_result["pages"], "seconds": round(bare_result["seconds"], 1),
                        "pages_per_s": round(bare_pps, 1), "peak_rss_mb_max_of_children": round(bare_rss, 1)},
        "ratio_govaudit_to_bare": round(ours_pps / bare_pps, 3) if bare_pps else None,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"crawl-{args.pages}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
