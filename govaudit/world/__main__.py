"""python -m govaudit.world build|serve|demo|expected — build, serve and audit the fixture world by hand."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m govaudit.world", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="write the world under --root")
    b.add_argument("--root", type=Path, required=True)
    b.add_argument("--pages", type=int, default=0, help="extra filler articles (10^4–10^5 for benchmarks)")
    b.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("serve", help="serve a built world; prints the site URLs as JSON, runs until Ctrl-C")
    s.add_argument("--root", type=Path, required=True)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--control", action="store_true", help="read fix/revert/quit commands from stdin")
    s.add_argument("--verbose", action="store_true", help="log every request to stderr")
    s.add_argument("--config", type=Path, help="also write a sites.toml for the served world")
    dm = sub.add_parser("demo", help="build, serve and audit the world end to end with `govaudit run`")
    dm.add_argument("--out", type=Path, default=Path("out/demo"))
    dm.add_argument("--pages", type=int, default=0)
    dm.add_argument("--keep", type=Path, help="keep the world, config and database in this directory")
    e = sub.add_parser("expected", help="summarise the hand-written expected findings")
    e.add_argument("--site", action="append", default=[])
    e.add_argument("--markdown", action="store_true", help="print the README's verdict matrix and notes")
    args = ap.parse_args(argv)

    if args.cmd == "build":
        from govaudit.world import build_world

        t0 = time.perf_counter()
        world = build_world(args.root, pages=args.pages, seed=args.seed)
        counts = json.loads(world.manifest_path.read_text(encoding="utf-8"))["counts"]
        print(json.dumps({"root": str(world.root), "seconds": round(time.perf_counter() - t0, 2), "counts": counts},
                         ensure_ascii=False, indent=1))
        return 0
    if args.cmd == "serve":
        from govaudit.world.server import serve_main

        if args.config:
            # write the config from a separate short-lived parent: the ports are only known once bound
            from govaudit.world import serve_world

            with serve_world(args.root, host=args.host) as running:
                running.write_config(args.config)
                print(json.dumps({"urls": running.urls, "config": str(args.config)}, ensure_ascii=False), flush=True)
                try:
                    while True:
                        time.sleep(3600)
                except KeyboardInterrupt:
                    return 0
        serve_main(args.root, args.host, control=args.control, verbose=args.verbose)
        return 0
    if args.cmd == "demo":
        from govaudit.world.demo import run_demo

        return run_demo(args.out, pages=args.pages, keep=args.keep)
    if args.cmd == "expected":
        from govaudit.world.expected import load_expected, markdown

        if args.markdown:
            print(markdown(), end="")
            return 0
        for sid, exp in load_expected().items():
            if args.site and sid not in args.site:
                continue
            tally: dict[str, int] = {}
            for c in exp.checks.values():
                tally[c.verdict] = tally.get(c.verdict, 0) + 1
            print(f"{sid:10} {exp.level:10} " + " ".join(f"{k}={v}" for k, v in sorted(tally.items()))
                  + f"  documents={len(exp.documents)}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
