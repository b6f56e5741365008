"""Changes between stored runs, the re-check before/after table, and the fixed-FAIL story end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reports import write_reports
from reports.changes import (
    ChangesError,
    before_after,
    changes_since_previous,
    classify,
    diff_runs,
    previous_run_id,
    render_table,
)
from reports.style import display_width
from storage.models import Run
from tests.reports.conftest import R1, R2, R3, World
from tests.reports.helpers import argb, fill, load, table


@pytest.mark.parametrize(("before", "after", "kind"), [
    ("PASS", "FAIL", "regression"), (None, "FAIL", "regression"), ("REVIEW", "FAIL", "regression"),
    ("FAIL", "PASS", "fix"), ("FAIL", "NA", "fix"), ("PASS", "REVIEW", "new_review"),
    ("FAIL", "REVIEW", "new_review"), ("REVIEW", "PASS", "other"), ("PASS", "ERROR", "other"),
    ("FAIL", None, "other"),
])
def test_classify(before: str | None, after: str | None, kind: str) -> None:
    assert classify(before, after) == kind


def test_diff_r1_r2(shared_world: World) -> None:
    c = diff_runs(shared_world.sessions, R1, R2)
    assert c.sites_compared == ["pds", "yexian", "sfj", "xinhua"]
    got = {(v.kind, v.site_id, v.check_id, v.scope) for v in c.verdicts}
    assert got == {
        ("regression", "pds", "I98.a", "site"), ("regression", "pds", "I98.a", "document"),
        ("regression", "pds", "I57.a", "document"), ("regression", "pds", "I27.c", "site"),
        ("fix", "pds", "I27.a", "site"), ("new_review", "sfj", "I27.a", "site"),
        ("other", "xinhua", "I98.a", "site"), ("other", "xinhua", "I57.a", "site"),
    }
    # new PASS documents are not verdict changes; unchanged verdicts (yexian I98.a FAIL) are not listed
    assert [v.kind for v in c.verdicts] == sorted((v.kind for v in c.verdicts),
                                                 key=["regression", "fix", "new_review", "other"].index)
    assert c.new_checks == ["I32.a"]
    assert [d.url.rsplit("/", 1)[1] for d in c.new_documents] == ["98001.html"]
    assert [d.title for d in c.vanished_documents] == ["已删除的旧文件"]
    jumps = {(j.site_id, j.what) for j in c.site_jumps}
    assert jumps == {("pds", "pages"), ("sfj", "error_rate"), ("xinhua", "status")}
    assert c.counts()["regression"] == 4
    assert "新增不达标 4 项" in c.summary()


def test_no_previous_run(shared_world: World) -> None:
    c = diff_runs(shared_world.sessions, None, R1)
    assert c.verdicts == [] and c.summary() == "没有可比较的上一次运行。"
    with shared_world.sessions() as s:
        assert previous_run_id(s, R1) is None
        assert previous_run_id(s, R2) == R1
    with pytest.raises(ChangesError):
        diff_runs(shared_world.sessions, "nope", R2)


def test_previous_run_fallback_covers_same_sites(world: World) -> None:
    with world.sessions.begin() as s:
        s.get(Run, R2).previous_run_id = None  # type: ignore[union-attr]
        # a later, partial run (one site) must not be picked for a run over all four sites
        s.add(Run(id="partial", kind="recheck", status="completed", tool_version="0", config_path="x",
                  config_hash="x", jurisdiction="平顶山市", as_of=dt.date(2026, 11, 19), site_ids=["pds"],
                  started_at=dt.datetime(2026, 11, 19, 12, 0, tzinfo=dt.UTC),
                  finished_at=dt.datetime(2026, 11, 19, 13, 0, tzinfo=dt.UTC)))
    with world.sessions() as s:
        assert previous_run_id(s, R2) == R1


def test_filters(shared_world: World) -> None:
    rows = before_after(shared_world.sessions, R1, R2, site_ids=["pds"], indicators=["i27"])
    assert {(v.check_id, v.kind) for v in rows} == {("I27.a", "fix"), ("I27.c", "regression")}
    rows = before_after(shared_world.sessions, R1, R2, site_ids=["pds"], indicators=["I27.a"])
    assert [(v.check_id, v.kind) for v in rows] == [("I27.a", "fix")]


def test_recheck_after_fix_shows_fixed(world: World, tmp_path: Path) -> None:
    """The planted FAIL (叶县 has no I98 report) is fixed; the re-check shows it in both places."""
    world.recheck_fixed()
    rows = before_after(world.sessions, R2, R3, site_ids=["yexian"])
    assert [(v.kind, v.check_id, v.scope, v.before, v.after) for v in rows] == [
        ("fix", "I98.a", "site", "FAIL", "PASS")]
    text = render_table(rows)
    assert "已整改" in text and "叶县人民政府" in text and "不达标" in text and "达标" in text
    assert "合计：新增不达标 0 项，已整改 1 项" in text
    lines = text.splitlines()
    assert display_width(lines[0]) >= display_width(lines[2].rstrip()) - 40  # aligned columns, CJK-aware

    assert changes_since_previous(world.sessions, R3).old_run_id == R2
    out = tmp_path / "recheck"
    write_reports(world.sessions, R3, out, config=world.config)
    ws = load(out / "report.xlsx")["变化"]
    headers, items, top = table(ws, "类别")
    fixed = [(i, r) for i, r in enumerate(items) if r[0] == "已整改"]
    assert len(fixed) == 1
    i, r = fixed[0]
    assert r[1] == "叶县人民政府" and r[3].startswith("I98.a") and r[5:7] == ["不达标", "达标"]
    assert fill(ws.cell(top + 1 + i, 7)) == argb("PASS")


def test_render_empty() -> None:
    assert "没有结论发生变化" in render_table([])
