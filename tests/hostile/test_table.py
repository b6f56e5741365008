"""docs/faults.md is generated from this suite and must match it; every reused case names a test that exists."""

from __future__ import annotations

import ast
from pathlib import Path

from .cases import REUSED
from .table import render

ROOT = Path(__file__).resolve().parents[2]


def test_faults_doc_is_up_to_date() -> None:
    doc = ROOT / "docs" / "faults.md"
    assert doc.read_text(encoding="utf-8") == render(), (
        "docs/faults.md is out of date: run `.venv/bin/python -m tests.hostile.table > docs/faults.md`")


def test_reused_cases_name_existing_tests() -> None:
    for c in REUSED:
        path, _, name = c.test.partition("::")
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}
        assert names, f"{path} has no tests"
        assert not name or name in names, f"{c.test} does not exist"
