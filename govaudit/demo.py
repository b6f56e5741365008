"""`govaudit demo`: serve the bundled miniature portals on 127.0.0.1 and audit them end to end."""

from __future__ import annotations

import sys
from pathlib import Path

from govaudit import env


def run_demo(*, db_url: str | None, out_dir: Path, pages: int = 0, progress: bool = True) -> int:
    from govaudit.config import load_config
    from govaudit.runner import RunOptions, execute
    from govaudit.world import build_world, serve_world

    home = env.home() / "demo"
    root = home / f"world-{pages}"
    print(f"[demo] 生成演示网站 / building the demo portals in {root} …", file=sys.stderr)
    world = build_world(root, pages=pages)
    db_url = db_url or f"sqlite:///{home / 'govaudit-demo.sqlite'}"
    with serve_world(world) as running:
        for site_id, url in running.urls.items():
            print(f"[demo]   {site_id:<12} {url}", file=sys.stderr)
        config_path = running.write_config(home / "sites.toml")
        config = load_config(config_path)
        as_of = config.audit.as_of
        assert as_of is not None
        opts = RunOptions(db_url=db_url, out_dir=out_dir, as_of=as_of, progress=progress)
        result = execute(config, opts)
    counts = result.counts
    verdicts = counts.get("site_verdicts", {})
    print(f"govaudit demo {result.run_id}: sites={counts.get('sites')} pages={counts.get('pages')} "
          + " ".join(f"{k}={verdicts.get(k, 0)}" for k in ("PASS", "FAIL", "REVIEW", "PENDING", "NA", "ERROR")))
    print(f"报告 / reports: {out_dir.resolve()}  (findings.jsonl, findings.csv, report.xlsx, units/*.xlsx, report.html)")
    print(f"数据库 / database: {db_url}")
    return 0
