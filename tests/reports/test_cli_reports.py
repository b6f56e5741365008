"""`govaudit report`, `explain`, `changes` and the re-check's before/after printout."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from govaudit.cli_reports import print_before_after, register
from tests.reports.conftest import R1, R2, R3, World


def _run(world: World, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="govaudit")
    sub = parser.add_subparsers(dest="command")
    handlers = register(sub)
    args = parser.parse_args([argv[0], "--db", world.db_url, *argv[1:]])
    return handlers[args.command](args)


def test_register_returns_handlers() -> None:
    sub = argparse.ArgumentParser().add_subparsers()
    assert set(register(sub)) == {"report", "explain", "changes"}


def test_report_latest(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _run(world, "report", "--out", str(out), "--config", str(world.config.path)) == 0
    assert (out / "report.xlsx").exists() and (out / "report.html").exists()
    assert R2 in capsys.readouterr().out  # latest completed run
    assert _run(world, "report", "--run", "nope", "--out", str(out)) == 2
    assert "找不到运行" in capsys.readouterr().err


def test_explain_record_list_revoke(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(world, "explain", "--site", "yexian", "--check", "I98.a", "--verdict", "达标") == 2
    assert "--why --by" in capsys.readouterr().err
    assert _run(world, "explain", "--site", "yexian", "--check", "I98.a", "--verdict", "达标",
                "--why", "报告以图片形式发布", "--by", "王五") == 0
    out = capsys.readouterr().out
    assert "不达标 → 达标" in out and "王五" in out
    assert _run(world, "explain", "--list") == 0
    listed = capsys.readouterr().out
    assert "yexian" in listed and "报告以图片形式发布" in listed
    oid = int(listed.split("#")[-1].split()[0])
    assert _run(world, "explain", "--revoke", str(oid), "--why", "误录", "--by", "王五") == 0
    assert f"已撤销第 {oid} 号" in capsys.readouterr().out
    assert _run(world, "explain", "--list") == 0
    assert "yexian" not in capsys.readouterr().out
    assert _run(world, "explain", "--list", "--all") == 0
    assert "王五：误录" in capsys.readouterr().out
    assert _run(world, "explain", "--site", "yexian", "--check", "I98.a", "--verdict", "OK",
                "--why", "x", "--by", "y") == 2


def test_changes_command(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(world, "changes", "--run", R2) == 0
    out = capsys.readouterr().out
    assert R1 in out and "已整改" in out and "新增不达标" in out and "抓取异常" in out
    assert _run(world, "changes", "--run", R2, "--since", "nope") == 2


def test_print_before_after(world: World) -> None:
    world.recheck_fixed()
    buf = io.StringIO()
    rows = print_before_after(world.sessions, R2, R3, site_ids=["yexian"], file=buf)
    text = buf.getvalue()
    assert [r.kind for r in rows] == ["fix"]
    assert "复查结果（站点 yexian）" in text and "已整改" in text and "仍未达标" not in text
    buf = io.StringIO()
    print_before_after(world.sessions, R1, R2, site_ids=["pds"], indicators=["I98"], file=buf)
    assert "仍未达标：pds I98.a 不达标" in buf.getvalue()
    buf = io.StringIO()
    assert print_before_after(world.sessions, None, R2, file=buf) == []
    assert "没有可比较" in buf.getvalue()
