"""Session fixtures shared by the whole suite (more are added by other test packages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govaudit.world import RunningWorld, World, build_world, serve_world
from tests.gold.world import WorldRun, run_world


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The standard fixture world (govaudit/world/README.md), built once per session."""
    return build_world(tmp_path_factory.mktemp("world"))


@pytest.fixture(scope="session")
def served_world(world: World) -> Iterator[RunningWorld]:
    """The world served on 127.0.0.1 by a subprocess: .urls, .write_config(), .apply_fix()/.revert_fix().

    Shared by the session: a test that applies a fix must revert it (see tests/world/test_fixes.py).
    """
    with serve_world(world) as running:
        yield running


@pytest.fixture(scope="session")
def world_findings(served_world: RunningWorld, world: World, tmp_path_factory: pytest.TempPathFactory) -> WorldRun:
    """One `govaudit run` over the served world per session (~80 s): its findings.jsonl records and the manifest.

    Read by tests/e2e/test_world_expected.py and the gold gate (tests/gold). Built before any test applies a fix
    to the world, or after it reverted it (a test that applies a fix must revert it).
    """
    return run_world(served_world, world, tmp_path_factory.mktemp("world-run"))
