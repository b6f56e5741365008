"""The gate's arithmetic and the report's refusal to lower floors, on small made-up tables (fast)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.gold import gold, report
from tests.gold.gold import TOTAL, Case, Stats


def _cases(*rows: tuple[str, str, str]) -> list[Case]:
    return [Case("fixture", check, f"{check}/{i}", label, actual) for i, (check, label, actual) in enumerate(rows)]


def test_tally_counts_false_pass_and_false_fail() -> None:
    table = gold.tally(_cases(("I98.a", "PASS", "PASS"), ("I98.a", "REVIEW", "FAIL"), ("I98.a", "FAIL", "PASS"),
                              ("I02.a", "REVIEW", "REVIEW")))
    assert table["I98.a"] == Stats(cases=3, agreed=1, false_pass=1, false_fail=1)
    assert table["I98.a"].agreement == 0.3333  # rounded down: a floor is never above what it was computed from
    assert table[TOTAL] == Stats(cases=4, agreed=2, false_pass=1, false_fail=1)
    assert list(table) == ["I02.a", "I98.a", TOTAL]


def test_reason_problems_are_disagreements_but_not_false_verdicts() -> None:
    case = Case("world", "I98.a", "pds:I98.a", "FAIL", "FAIL", ("missing R_LATE",))
    assert not case.agrees and not case.false_fail and not case.false_pass


def _pinned(**checks: Stats) -> dict[str, dict[str, object]]:
    return json.loads(gold.baseline_json(checks))["checks"]


def test_regressions() -> None:
    base = _pinned(**{"I98.a": Stats(4, 4, 0, 0), "I02.a": Stats(2, 1, 0, 1), TOTAL: Stats(6, 5, 0, 1)})
    same = {"I98.a": Stats(4, 4, 0, 0), "I02.a": Stats(2, 1, 0, 1), TOTAL: Stats(6, 5, 0, 1)}
    assert gold.regressions(same, base) == []
    better = {"I98.a": Stats(5, 5, 0, 0), "I02.a": Stats(2, 2, 0, 0), TOTAL: Stats(7, 7, 0, 0)}
    assert gold.regressions(better, base) == []
    worse = gold.regressions({"I98.a": Stats(4, 3, 1, 0), "I02.a": Stats(1, 1, 0, 2), TOTAL: Stats(5, 4, 1, 2)}, base)
    assert any("I98.a: agreement 0.7500 < pinned 1.0000" in w for w in worse)
    assert any("I98.a: false PASS 1 > pinned 0" in w for w in worse)
    assert any("I02.a: 1 labelled cases < pinned 2" in w for w in worse)
    assert any("I02.a: false FAIL 2 > pinned 1" in w for w in worse)
    assert any(w.startswith("TOTAL: 1 false PASS") for w in worse)
    gone = gold.regressions({TOTAL: Stats(4, 4, 0, 0)}, base)
    assert any("I98.a: no labelled case left" in w for w in gone)


def test_any_false_pass_fails_the_gate_even_if_pinned() -> None:
    base = _pinned(**{"I98.a": Stats(2, 1, 1, 0), TOTAL: Stats(2, 1, 1, 0)})
    now = {"I98.a": Stats(2, 1, 1, 0), TOTAL: Stats(2, 1, 1, 0)}
    assert gold.regressions(now, base) == ["TOTAL: 1 false PASS (a false PASS hides a gap: none is allowed)"]


@dataclass
class SmallGold:
    """The report over a made-up gold set (no world run); `cases` is what the next report run judges."""

    baseline: Path
    doc: Path
    cases: list[Case] = field(default_factory=list)

    def run(self, *extra: str) -> int:
        return report.main(["--baseline", str(self.baseline), "--doc", str(self.doc), *extra])

    def pinned(self) -> dict[str, dict[str, object]]:
        return json.loads(self.baseline.read_text(encoding="utf-8"))["checks"]


@pytest.fixture
def small_gold(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SmallGold:
    small = SmallGold(tmp_path / "baseline.json", tmp_path / "gold.md",
                      _cases(("I98.a", "PASS", "PASS"), ("I98.a", "FAIL", "FAIL")))
    monkeypatch.setattr(gold, "all_cases", lambda findings, manifest: small.cases)
    monkeypatch.setattr(report, "_world", lambda findings, manifest: ([], {}))
    return small


def test_report_update_only_raises_floors(small_gold: SmallGold) -> None:
    assert small_gold.run("--update") == 0
    pinned = small_gold.pinned()
    assert pinned["I98.a"] == {"cases": 2, "agreement": 1.0, "false_pass": 0, "false_fail": 0}
    assert "| I98.a | 2 |" in small_gold.doc.read_text(encoding="utf-8")
    # the tool got worse: the gate says so, and --update refuses to pin it
    small_gold.cases = _cases(("I98.a", "PASS", "PASS"), ("I98.a", "FAIL", "REVIEW"))
    assert small_gold.run() == 1
    assert small_gold.run("--update") == 1
    assert small_gold.pinned() == pinned
    # deleting a fixture to pass is a regression too
    small_gold.cases = _cases(("I98.a", "PASS", "PASS"))
    assert small_gold.run("--update") == 1
    # --force pins it anyway (the commit message has to say why)
    small_gold.cases = _cases(("I98.a", "PASS", "PASS"), ("I98.a", "FAIL", "REVIEW"))
    assert small_gold.run("--update", "--force") == 0
    assert small_gold.pinned()["I98.a"]["agreement"] == 0.5
