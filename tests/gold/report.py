"""`python -m tests.gold.report [--update [--force]] [--findings F --manifest M]`: the gold set's per-check table.

Without `--findings` it builds the fixture world, serves it and runs `govaudit run` on it (~80 s). `--update`
re-pins tests/gold/baseline.json and rewrites docs/gold.md; it refuses to write a baseline worse than the pinned
one (a floor lowered, a false PASS/FAIL count raised, cases lost) unless `--force`. Exit 1 when the table falls
below the pinned floors (or an update was refused), else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.gold import gold


def _world(findings: Path | None, manifest: Path | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    if findings is not None:
        if manifest is None:
            raise SystemExit("--findings needs --manifest (the world's manifest.json)")
        from govaudit.world.expected import read_findings

        return read_findings(findings), json.loads(manifest.read_text(encoding="utf-8"))
    from govaudit.world import build_world, serve_world
    from tests.gold.world import run_world

    with tempfile.TemporaryDirectory(prefix="gold-world-") as tmp:
        world = build_world(Path(tmp) / "world")
        with serve_world(world) as running:
            print("running govaudit on the served fixture world …", file=sys.stderr, flush=True)
            run = run_world(running, world, Path(tmp) / "run")
        print(f"world run: {run.seconds:.0f} s", file=sys.stderr, flush=True)
        return run.findings, run.manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.gold.report", description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="re-pin tests/gold/baseline.json and rewrite docs/gold.md")
    ap.add_argument("--force", action="store_true", help="with --update: pin even if it lowers a floor")
    ap.add_argument("--findings", type=Path, help="findings.jsonl of an earlier `govaudit run` on the world")
    ap.add_argument("--manifest", type=Path, help="that world's manifest.json")
    ap.add_argument("--baseline", type=Path, default=gold.BASELINE)
    ap.add_argument("--doc", type=Path, default=gold.DOC)
    args = ap.parse_args(argv)

    findings, manifest = _world(args.findings, args.manifest)
    t0 = time.perf_counter()
    cases = gold.all_cases(findings, manifest)
    table = gold.tally(cases)
    print(gold.table_text(table))
    print(f"cases by source: {gold.by_source(cases)}; judged in {time.perf_counter() - t0:.0f} s")
    for c in gold.disagreements(cases):
        print(f"  disagrees: {c.source:8} {c.name}: label {c.label}, tool {c.actual} {'; '.join(c.problems)}")
    worse = gold.regressions(table, gold.load_baseline(args.baseline))
    for line in worse:
        print(f"  below the pinned floor: {line}")
    if not args.update:
        return 1 if worse else 0
    if worse and not args.force:
        print(f"refusing to write {args.baseline}: it would lower the pinned floors (fix the tool, or --force "
              "with a reason in the commit message)", file=sys.stderr)
        return 1
    args.baseline.write_text(gold.baseline_json(table), encoding="utf-8")
    args.doc.write_text(gold.markdown(cases, table), encoding="utf-8")
    print(f"wrote {args.baseline} and {args.doc}")
    return 0


if __name__ == "__main__":  # the attachment extractor's forkserver re-imports __main__: keep the guard
    sys.exit(main())
