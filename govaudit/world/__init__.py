"""A world of miniature government portals (five CMS families plus fault sites) for tests, the demo and benchmarks.

    world = build_world(tmp_path)                 # deterministic for (pages, seed); a few seconds
    with serve_world(world) as running:           # HTTP servers in a subprocess, one port per portal
        cfg = running.write_config(tmp_path / "sites.toml")
        running.apply_fix("pds-spokesperson")     # mutate the served world, then re-check

See govaudit/world/README.md for the portals, the planted cases and the faults.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from govaudit.world.model import Column, Doc, FixSpec, PortalSpec, World
from govaudit.world.server import RunningWorld

__all__ = ["Column", "Doc", "FixSpec", "PortalSpec", "RunningWorld", "World", "build_world", "load_world",
           "serve_world"]


def build_world(root: Path, *, pages: int = 0, seed: int = 7) -> World:
    """Write the world under `root` (static files, data files, fix overlays, manifest.json).

    `pages` adds that many filler news articles spread over the portals' news columns (0 = the standard test
    world); the planted documents and the expected findings do not change with it.
    """
    from govaudit.world.build import build

    return build(Path(root), pages=pages, seed=seed)


def load_world(root: Path) -> World:
    """The World of an already built root (portals without their documents; see manifest.json for those)."""
    root = Path(root)
    m = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    portals = [PortalSpec(p["id"], p["name"], p["level"], p["family"], p["jurisdiction"], p["jurisdiction_id"],
                          columns=[Column(c["slug"], c["name"], c["code"], c["parent"], c["fault"]) for c in p["columns"]],
                          note=p["note"])
               for p in m["portals"]]
    fixes = [FixSpec(f["name"], f["site"], f["description"],
                     tuple((e["check"], e["before"], e["after"]) for e in f["effects"])) for f in m["fixes"]]
    return World(root=root, portals=portals, as_of=dt.date.fromisoformat(m["as_of"]),
                 cycle_start=dt.date.fromisoformat(m["cycle_start"]), seed=m["seed"], pages=m["pages"], fixes=fixes)


def serve_world(world_or_root: World | Path | str, *, host: str = "127.0.0.1") -> RunningWorld:
    """Serve a built world from a subprocess (the crawler under test must not share its GIL or reactor).

    Returns a RunningWorld (a context manager): .urls {site_id: base_url}, .write_config(path, **crawl),
    .apply_fix(name) / .revert_fix(name), .stop().
    """
    root = world_or_root.root if isinstance(world_or_root, World) else Path(world_or_root)
    return RunningWorld(root, host)
