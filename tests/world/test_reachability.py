"""Every planted page is reachable from its portal's homepage by some means, and only those meant to be."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from govaudit.world import RunningWorld, World
from tests.world.walker import walk

LIVE = ("pds", "yexian", "baofeng", "weidong", "pds-sfj")
# the mechanism each family must really need for some planted page
NEEDS = {"yexian": "trs-pager", "baofeng": "dataproxy", "weidong": "gkmlpt-api", "pds-sfj": "spa-api",
         "pds": "redirect"}


@pytest.fixture(scope="module")
def walks(served_world: RunningWorld) -> dict:
    return {sid: walk(served_world.urls[sid]) for sid in LIVE}


@pytest.mark.parametrize("site", LIVE)
def test_planted_pages_are_reachable(site: str, walks: dict, world: World) -> None:
    portal = next(p for p in json.loads(world.manifest_path.read_text(encoding="utf-8"))["portals"] if p["id"] == site)
    found = walks[site].found
    missing = [k for k, d in portal["planted"].items() if d.get("reachable") and d["url"] not in found]
    assert not missing, missing
    hidden = [k for k, d in portal["planted"].items() if not d.get("reachable") and d["url"] in found]
    assert not hidden, hidden                               # /private/ (robots), the 503 column, fix-only pages
    for d in portal["planted"].values():
        if d.get("reachable"):
            for att in d.get("attachments", []):
                assert att["url"] in found, (site, att["url"])
    means = Counter(found[d["url"]] for d in portal["planted"].values() if d["url"] in found)
    assert means[NEEDS[site]] >= 1, means


def test_robots_and_faults_seen_by_the_walker(walks: dict) -> None:
    pds = walks["pds"]
    assert any(p.startswith("/private/") for p in pds.disallowed)
    assert sum(p.startswith("/search") for p in pds.disallowed) == 10_000
    assert pds.status["/sitemap/lost.html"] == 404
    assert walks["yexian"].status["/zwgk/yfxz/index.html"] == 503


def test_fz_column_is_reachable_once_restored(served_world: RunningWorld, world: World) -> None:
    portal = next(p for p in json.loads(world.manifest_path.read_text(encoding="utf-8"))["portals"] if p["id"] == "yexian")
    behind = [d["url"] for d in portal["planted"].values() if "/yfxz/" in d["url"]]
    assert len(behind) >= 6
    served_world.apply_fix("yexian-fz-restored")
    try:
        found = walk(served_world.urls["yexian"]).found
    finally:
        served_world.revert_fix("yexian-fz-restored")
    assert all(u in found for u in behind)
