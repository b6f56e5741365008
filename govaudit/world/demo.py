"""`govaudit demo`: build the bundled world, serve it on loopback, run `govaudit run` on it, compare with expected."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from govaudit.world import build_world, serve_world
from govaudit.world.expected import compare, read_findings


def govaudit_command() -> list[str]:
    """The installed console script next to this interpreter, else the CLI module through this interpreter."""
    script = Path(sys.executable).with_name("govaudit")
    if script.exists():
        return [str(script)]
    found = shutil.which("govaudit")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from govaudit.cli import main; sys.exit(main())"]


def run_demo(out: Path, *, pages: int = 0, keep: Path | None = None, extra_args: tuple[str, ...] = ()) -> int:
    """Everything offline: the world is generated from the package, served on 127.0.0.1, audited end to end.

    Returns `govaudit run`'s exit code. Prints where the reports are and how the findings compare with the
    world's hand-written expected findings.
    """
    work_ctx = tempfile.TemporaryDirectory(prefix="govaudit-demo-") if keep is None else None
    work = Path(work_ctx.name) if work_ctx else Path(keep)  # type: ignore[arg-type]
    try:
        work.mkdir(parents=True, exist_ok=True)
        print(f"building the demo world in {work / 'world'} …", flush=True)
        world = build_world(work / "world", pages=pages)
        with serve_world(world) as running:
            config = running.write_config(work / "sites.toml")
            for sid, url in running.urls.items():
                print(f"  {sid:9} {url}", flush=True)
            cmd = [*govaudit_command(), "run", "--config", str(config), "--db", f"sqlite:///{work / 'demo.sqlite'}",
                   "--out", str(out), *extra_args]
            print("running: " + " ".join(cmd), flush=True)
            rc = subprocess.call(cmd)
        findings = Path(out) / "findings.jsonl"
        if findings.exists():
            import json

            manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
            result = compare(read_findings(findings), manifest)
            print(f"reports in {out}; agreement with the world's expected findings: {result.agreement:.1f}%")
        return rc
    finally:
        if work_ctx is not None:
            work_ctx.cleanup()
