"""The gold set: labelled cases from three sources, judged by today's tool, tallied per check id.

Sources (each case is one labelled site-scope verdict of one check):

* ``fixture``  — every rule fixture ``tests/rules/fixtures/<check>/<outcome>_<name>.toml`` (label = the outcome of
  its file name plus its ``reasons`` / ``absent_reasons`` / ``[[documents]]``), judged through the real evidence path;
* ``world``    — every site-scope (site, check) row of the fixture world's hand-written ``expected/*.toml``
  against the findings of a real ``govaudit run`` on the served world;
* ``realpage`` — the real-page rule cases of ``tests/realpages/cases/`` (real government markup, real dates).

A case agrees when the tool's verdict equals the label and the label's reason codes are there (forbidden ones
absent, labelled document records as labelled). False PASS: the tool says PASS, the label does not (a hidden gap).
False FAIL: the tool says FAIL, the label does not (a unit sent chasing nothing).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from audit_rules.base import Finding
from audit_rules.engine import judge_site
from audit_rules.registry import Rule, load_rules
from govaudit.world.expected import compare
from tests.realpages import cases as realpage
from tests.rules.harness import FIXTURES, evidence_for, load_fixture

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
DOC = HERE.parents[1] / "docs" / "gold.md"
OUTCOMES = {"pass": "PASS", "fail": "FAIL", "review": "REVIEW", "pending": "PENDING", "na": "NA", "error": "ERROR"}
SOURCES = ("fixture", "world", "realpage")
TOTAL = "TOTAL"


@dataclass(frozen=True)
class Case:
    source: str  # fixture | world | realpage
    check_id: str
    name: str
    label: str  # the labelled site verdict
    actual: str  # the tool's site verdict ("(no record)" when it gave none)
    problems: tuple[str, ...] = ()  # labelled reason codes / document records the tool did not reproduce

    @property
    def agrees(self) -> bool:
        return self.actual == self.label and not self.problems

    @property
    def false_pass(self) -> bool:
        return self.actual == "PASS" and self.label != "PASS"

    @property
    def false_fail(self) -> bool:
        return self.actual == "FAIL" and self.label != "FAIL"


# ------------------------------------------------------------------ judging harness fixtures


@cache
def _rules() -> dict[str, Rule]:
    return {r.meta.check_id: r for r in load_rules()}


def judge_fixture(fixture: dict[str, Any], check_id: str, base: Path) -> list[Finding]:
    """The findings of one check on a fixture site, as a run makes them (level applicability, reachability)."""
    with tempfile.TemporaryDirectory(prefix="gold-") as tmp:
        ev = evidence_for(fixture, Path(tmp), base=base)
        return [f for f in judge_site(ev, (_rules()[check_id],)) if f.check_id == check_id]


def label_problems(fixture: Mapping[str, Any], findings: list[Finding]) -> list[str]:
    """What of a fixture's label beyond the verdict the findings miss (the checks of tests/rules/test_fixtures)."""
    site = next((f for f in findings if f.scope == "site"), None)
    if site is None:
        return ["no site record"]
    out = [f"missing {c}" for c in fixture.get("reasons", []) if c not in site.reason_codes]
    out += [f"unexpected {c}" for c in fixture.get("absent_reasons", []) if c in site.reason_codes]
    docs = [f for f in findings if f.scope == "document"]
    for want in fixture.get("documents", []):
        recs = [f for f in docs if f.url == want["url"]
                and ("row_key" not in want or str(f.details.get("row_key", "")) == want["row_key"])]
        if want["verdict"] == "ABSENT":
            if recs:
                out.append(f"{want['url']}: a {recs[0].verdict.value} record where none may be")
            continue
        if not recs:
            out.append(f"{want['url']}: no document record")
            continue
        got = recs[-1]  # as tests/rules/test_fixtures.py reads a label without row_key: the URL's last record
        if got.verdict.value != want["verdict"]:
            out.append(f"{want['url']}: {got.verdict.value} ≠ {want['verdict']}")
        out += [f"{want['url']}: missing {c}" for c in want.get("reasons", []) if c not in got.reason_codes]
    return out


def _case(source: str, check_id: str, name: str, label: str, fixture: dict[str, Any], base: Path) -> Case:
    findings = judge_fixture(fixture, check_id, base)
    site = next((f for f in findings if f.scope == "site"), None)
    return Case(source, check_id, name, label, site.verdict.value if site else "(no record)",
                tuple(label_problems(fixture, findings)))


def fixture_cases(root: Path = FIXTURES) -> list[Case]:
    out = []
    for path in sorted(p for p in root.glob("*/*.toml") if not p.parent.name.startswith("_")):
        label = OUTCOMES[path.stem.split("_", 1)[0]]
        out.append(_case("fixture", path.parent.name, f"{path.parent.name}/{path.stem}", label,
                         load_fixture(path), path.parent))
    return out


def realpage_cases() -> list[Case]:
    return [_case("realpage", p.parent.name, f"{p.parent.name}/{p.stem}", realpage.expected_verdict(p),
                  realpage.load_case(p), p.parent) for p in realpage.case_paths()]


def world_cases(findings: Iterable[Mapping[str, Any]], manifest: Mapping[str, Any]) -> list[Case]:
    """Site-scope rows of the world's expected files against a run's findings.jsonl records."""
    out = []
    for row in compare(findings, manifest).rows:
        if row.scope != "site":
            continue
        label, actual = row.expected.split(" ", 1)[0], row.actual.split(" [", 1)[0]
        problems = () if row.ok or actual != label else (f"reasons: expected {row.expected}, got {row.actual}",)
        out.append(Case("world", row.check, f"{row.site}:{row.check}", label, actual, problems))
    return out


def all_cases(world_findings: Iterable[Mapping[str, Any]], manifest: Mapping[str, Any]) -> list[Case]:
    return [*fixture_cases(), *world_cases(world_findings, manifest), *realpage_cases()]


# ------------------------------------------------------------------ tally, baseline, table


@dataclass(frozen=True)
class Stats:
    cases: int
    agreed: int
    false_pass: int
    false_fail: int

    @property
    def agreement(self) -> float:
        """Agreed / cases, rounded down to 4 decimals (a floor can be compared with what it was computed from)."""
        return int(10_000 * self.agreed / self.cases) / 10_000 if self.cases else 1.0

    def pinned(self) -> dict[str, Any]:
        return {"cases": self.cases, "agreement": self.agreement, "false_pass": self.false_pass,
                "false_fail": self.false_fail}


def tally(cases: Iterable[Case]) -> dict[str, Stats]:
    """Per check id (catalogue order is not needed: sorted ids), plus TOTAL."""
    groups: dict[str, list[Case]] = {}
    every: list[Case] = []
    for c in cases:
        groups.setdefault(c.check_id, []).append(c)
        every.append(c)

    def stats(cs: list[Case]) -> Stats:
        return Stats(len(cs), sum(c.agrees for c in cs), sum(c.false_pass for c in cs), sum(c.false_fail for c in cs))

    out = {k: stats(groups[k]) for k in sorted(groups, key=_check_order)}
    out[TOTAL] = stats(every)
    return out


def _check_order(check_id: str) -> tuple[str, int, str]:
    ind, _, sub = check_id.partition(".")
    return (ind[0], int(ind[1:]) if ind[1:].isdigit() else 0, sub)


def load_baseline(path: Path = BASELINE) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["checks"] if path.exists() else {}


def baseline_json(table: Mapping[str, Stats]) -> str:
    """One check per line, so a re-pin reads as a diff of the checks that moved."""
    about = ("Pinned floors of the gold set (tests/gold, docs/gold.md). Written by `python -m tests.gold.report "
             "--update`, which refuses to lower a floor without --force.")
    rows = [f"  {json.dumps(k)}: {json.dumps(s.pinned())}" for k, s in table.items()]
    return "{\n \"about\": " + json.dumps(about, ensure_ascii=False) + ",\n \"checks\": {\n" + ",\n".join(rows) + "\n }\n}\n"


def regressions(table: Mapping[str, Stats], baseline: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Why the current table is worse than the pinned one (empty: it is not)."""
    out = []
    for check_id, pin in baseline.items():
        now = table.get(check_id)
        if now is None:
            out.append(f"{check_id}: no labelled case left (pinned {pin['cases']})")
            continue
        if now.cases < pin["cases"]:
            out.append(f"{check_id}: {now.cases} labelled cases < pinned {pin['cases']} (were cases deleted?)")
        if now.agreement < pin["agreement"]:
            out.append(f"{check_id}: agreement {now.agreement:.4f} < pinned {pin['agreement']:.4f}")
        if now.false_pass > pin["false_pass"]:
            out.append(f"{check_id}: false PASS {now.false_pass} > pinned {pin['false_pass']}")
        if now.false_fail > pin["false_fail"]:
            out.append(f"{check_id}: false FAIL {now.false_fail} > pinned {pin['false_fail']}")
    total = table.get(TOTAL)
    if total is not None and total.false_pass > 0:
        out.append(f"{TOTAL}: {total.false_pass} false PASS (a false PASS hides a gap: none is allowed)")
    return out


def by_source(cases: Iterable[Case]) -> dict[str, int]:
    counts = dict.fromkeys(SOURCES, 0)
    for c in cases:
        counts[c.source] += 1
    return counts


def disagreements(cases: Iterable[Case]) -> list[Case]:
    return [c for c in cases if not c.agrees]


def table_text(table: Mapping[str, Stats]) -> str:
    lines = [f"{'check':8} {'cases':>5} {'agree':>7} {'fPASS':>5} {'fFAIL':>5}"]
    for k, s in table.items():
        lines.append(f"{k:8} {s.cases:5d} {100 * s.agreed / s.cases:6.1f}% {s.false_pass:5d} {s.false_fail:5d}")
    return "\n".join(lines)


def markdown(cases: list[Case], table: Mapping[str, Stats]) -> str:
    """docs/gold.md: generated by `python -m tests.gold.report --update`; deterministic (no times, no paths)."""
    total = table[TOTAL]
    src = by_source(cases)
    per_source = {s: tally(c for c in cases if c.source == s)[TOTAL] for s in SOURCES}
    lines = [
        "# The gold set",
        "",
        "<!-- generated by `python -m tests.gold.report --update`; tests/gold/test_gate.py checks it is current -->",
        "",
        "Labelled site verdicts from three sources, judged by today's tool (`tests/gold/gold.py`):",
        "",
        "* **fixture**: every rule fixture `tests/rules/fixtures/<check>/<outcome>_<name>.toml` (label = the outcome "
        "of the file name, its `reasons`, `absent_reasons` and `[[documents]]`);",
        "* **world**: every site-scope (site, check) row of `govaudit/world/expected/*.toml` against a real "
        "`govaudit run` on the served fixture world;",
        "* **realpage**: the real-page rule cases of `tests/realpages/cases/` (real government markup from "
        "`tests/data/realpages/`, real dates).",
        "",
        "A case **agrees** when the verdict equals the label and the labelled reason codes / document records are "
        "there. **False PASS**: the tool says PASS, the label does not. **False FAIL**: the tool says FAIL, the label "
        "does not.",
        "",
        "The gate (`tests/gold/test_gate.py`, baseline `tests/gold/baseline.json`) fails when a check's agreement "
        "falls below its pinned floor, its false PASS or false FAIL count rises above the pinned one, a check has "
        "fewer labelled cases than pinned, or there is any false PASS at all. `python -m tests.gold.report` prints "
        "the table; `--update` re-pins the baseline and rewrites this page (it refuses to lower a floor unless "
        "`--force`).",
        "",
        "## Totals",
        "",
        "| source | cases | agreement | false PASS | false FAIL |",
        "|---|--:|--:|--:|--:|",
    ]
    for s in SOURCES:
        st = per_source[s]
        lines.append(f"| {s} | {src[s]} | {_pct(st)} | {st.false_pass} | {st.false_fail} |")
    lines.append(f"| **total** | **{total.cases}** | **{_pct(total)}** | **{total.false_pass}** | "
                 f"**{total.false_fail}** |")
    bad = disagreements(cases)
    lines += ["", "## Disagreements", ""]
    if bad:
        lines += ["| source | case | label | tool | why |", "|---|---|---|---|---|"]
        lines += [f"| {c.source} | `{c.name}` | {c.label} | {c.actual} | {'; '.join(c.problems) or 'verdict'} |"
                  for c in bad]
    else:
        lines.append("None: every labelled case agrees.")
    lines += ["", "## Per check", "", "Labels: how many cases are labelled PASS / FAIL / REVIEW / other (PENDING, NA, "
              "ERROR). A false PASS can only happen on a case not labelled PASS, a false FAIL only on one not labelled "
              "FAIL: the mix shows how hard each count is tested.", "", "| check | cases | fixture | world | realpage | labels P/F/R/o | agreement | false PASS | "
              "false FAIL |", "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for k, st in table.items():
        if k == TOTAL:
            continue
        mine = [c for c in cases if c.check_id == k]
        n = by_source(mine)
        mix = "/".join(str(sum(c.label == v for c in mine)) for v in ("PASS", "FAIL", "REVIEW"))
        mix += f"/{sum(c.label not in ('PASS', 'FAIL', 'REVIEW') for c in mine)}"
        lines.append(f"| {k} | {st.cases} | {n['fixture']} | {n['world']} | {n['realpage']} | {mix} | {_pct(st)} | "
                     f"{st.false_pass} | {st.false_fail} |")
    return "\n".join(lines) + "\n"


def _pct(s: Stats) -> str:
    return f"{100 * s.agreed / s.cases:.1f}%" if s.cases else "—"
