"""The indicator catalogue is re-derived from the plan text, so a typo in the data cannot hide."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from govaudit.catalogue import load_catalogue
from govaudit.catalogue.__main__ import render

HERE = Path(__file__).parent


def test_indicators_json_is_what_the_plan_text_gives() -> None:
    committed = (Path(__file__).parents[1] / "govaudit" / "catalogue" / "indicators.json").read_text(encoding="utf-8")
    assert committed == render(), "indicators.json differs from plan.txt: run `python -m govaudit.catalogue`"


def test_counts_match_the_plan_and_the_rules_spec() -> None:
    cat = load_catalogue()
    assert len(cat.indicators) == 104
    assert [i.id for i in cat.indicators][-4:] == ["B1", "B2", "D1", "D2"]
    assert len(cat.net_search_indicators) == 41
    assert len(cat.checks) == 85
    assert Counter(c.cls for c in cat.checks) == {"A": 15, "B": 56, "C": 14}
    assert sorted(c.id for c in cat.checks if c.advisory) == ["I27.c", "I29.b", "I54.b", "I81.b"]
    assert {i.id for i in cat.net_search_indicators} == {c.indicator_id for c in cat.checks}
    primary = Counter(i.primary_class for i in cat.net_search_indicators)
    assert primary == {"A": 5, "B": 28, "C": 8}


def _norm(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    return s.translate(str.maketrans(",;:()", "，；：（）")).rstrip("。")


def test_41_items_agree_with_an_independent_extraction() -> None:
    ref = json.loads((HERE / "data" / "wangluo_jiansuo_items.json").read_text(encoding="utf-8"))
    cat = load_catalogue()
    assert len(ref) == 41
    for item in ref:
        ind = cat.indicator(item["key"])
        assert _norm(ind.text) == _norm(item["indicator"]), item["key"]
        assert _norm(ind.net_search or "") == _norm(item["net"]), item["key"]
        assert list(ind.kinds) == item["tasks"], item["key"]
        assert _norm(ind.responsible_raw) == _norm(item["resp"]), item["key"]


def test_responsible_units_are_parsed_with_lead_first() -> None:
    cat = load_catalogue()
    i57 = cat.indicator("I57")
    assert i57.units[0] == "市发改委" and i57.unit_slugs[:2] == ("fgw", "zwfw")  # the plan's 大数数据 typo
    assert i57.counties_responsible
    i24 = cat.indicator("I24")
    assert i24.units == ("市人大法工委", "市司法局") and not i24.counties_responsible
    assert cat.indicator("D1").units == ("市委网信办", "市公安局")


def test_cli_lists_104_items_41_with_net_search_85_checks() -> None:
    proc = subprocess.run([sys.executable, "-m", "govaudit.cli", "indicators", "--format", "json"],
                          capture_output=True, text=True, timeout=60, check=True)
    rows = json.loads(proc.stdout)
    assert len(rows) == 104
    assert sum(1 for r in rows if r["net_search"]) == 41
    assert sum(len(r["checks"]) for r in rows) == 85
    only_c = json.loads(subprocess.run([sys.executable, "-m", "govaudit.cli", "indicators", "--format", "json",
                                        "--class", "C"], capture_output=True, text=True, timeout=60,
                                       check=True).stdout)
    assert sum(len(r["checks"]) for r in only_c) == 14
    by_unit = json.loads(subprocess.run([sys.executable, "-m", "govaudit.cli", "indicators", "--format", "json",
                                         "--unit", "市委网信办"], capture_output=True, text=True, timeout=60,
                                        check=True).stdout)
    assert [r["id"] for r in by_unit] == ["D1"]
