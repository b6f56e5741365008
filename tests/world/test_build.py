"""The world builds fast and deterministically, scales with --pages, and describes itself in manifest.json."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from govaudit.world import World, build_world, load_world


def _digest(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "server.log":
            out[str(path.relative_to(root))] = (hashlib.sha256(path.read_bytes()).hexdigest(), int(os.stat(path).st_mtime))
    return out


def test_build_is_deterministic_and_fast(tmp_path: Path, world: World) -> None:
    t0 = time.perf_counter()
    again = build_world(tmp_path / "again")
    assert time.perf_counter() - t0 < 30
    assert _digest(again.root) == _digest(world.root), "same (pages, seed) must give byte-identical files and mtimes"


def test_seed_changes_filler_but_not_planted_urls(tmp_path: Path, world: World) -> None:
    other = build_world(tmp_path / "seed8", seed=8)
    a = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    b = json.loads(other.manifest_path.read_text(encoding="utf-8"))
    for pa, pb in zip(a["portals"], b["portals"], strict=True):
        assert {k: v["url"] for k, v in pa["planted"].items()} == {k: v["url"] for k, v in pb["planted"].items()}
    assert _digest(world.root) != _digest(other.root)


def test_pages_scale_filler_only(tmp_path: Path, world: World) -> None:
    big = build_world(tmp_path / "big", pages=3000)
    base = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    more = json.loads(big.manifest_path.read_text(encoding="utf-8"))
    assert sum(c["docs"] for c in more["counts"].values()) == sum(c["docs"] for c in base["counts"].values()) + 3000
    for pa, pb in zip(base["portals"], more["portals"], strict=True):
        assert pa["planted"] == pb["planted"], "planted pages, URLs and expectations do not move with --pages"


def test_manifest_and_world_api(world: World) -> None:
    ids = [p.id for p in world.portals]
    assert ids == ["pds", "yexian", "baofeng", "weidong", "pds-sfj", "jiaxian", "wugang"]
    assert {p.family for p in world.portals} == {"pdscms", "trs", "hanweb", "gkmlpt", "spa", "dead", "waf"}
    assert {p.level for p in world.portals} == {"city", "county", "district", "department"}
    assert str(world.as_of) == "2026-11-20" and str(world.cycle_start) == "2024-01-01"
    loaded = load_world(world.root)
    assert [(p.id, p.name, p.level, p.family, p.jurisdiction) for p in loaded.portals] == \
        [(p.id, p.name, p.level, p.family, p.jurisdiction) for p in world.portals]
    assert [f.name for f in loaded.fixes] == [f.name for f in world.fixes]
    manifest = json.loads(world.manifest_path.read_text(encoding="utf-8"))
    planted = sum(len(p["planted"]) for p in manifest["portals"])
    filler = sum(c["docs"] for c in manifest["counts"].values()) - planted
    assert planted > 350 and filler > 900, (planted, filler)
