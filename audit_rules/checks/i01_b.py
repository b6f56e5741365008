"""清单目录化、编码化（含事项编码） (I01.b).

What it checks: that the government's 行政审批（许可）事项清单 found for I01.a is a structured 目录 (a table with
序号, 事项名称 and 实施机关 columns) **and** is coded: a code column (事项编码, 基本编码, 实施编码 …) or per-item
codes (`[0-9A-Z]{6,}`) on at least half of the items. A readable list without codes anywhere → FAIL
R_COMPONENT_MISSING; codes without the 目录 columns → REVIEW R_COMPONENT_MISSING; a scanned list → REVIEW R_SCANNED.
No list → as I01.a.

Why it matters: plan item 1 (「实行目录化、编码化、动态化管理」); 《优化营商环境条例》第四十条.

How to pass: publish the list as a table with 序号 / 事项编码 / 事项名称 / 实施机关 columns (the 河南省 事项
编码 of each item), inline or as an XLS attachment.
"""

from __future__ import annotations

import datetime as dt
import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import Candidate, find
from audit_rules.machinery.tables import Table, presence_unless, table_flaw, tables_of
from audit_rules.machinery.verdicts import finding_from, in_window
from audit_rules.vocab.services import I01_HEADERS, I01_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I01.b", indicator_id="I01", title="清单目录化、编码化（含事项编码）",
                failure_title="行政审批（许可）事项清单未体现目录化、编码化（缺少事项编码）", automation="B",
                columns=("ZW", "GK.FD"), secondary=("WJ", "NEWS"))

# a code is a run of ≥ 6 digits/capitals standing alone; a '-' before it makes it a phone number
CODE = re.compile(r"(?<![0-9A-Za-z\-])[0-9A-Z]{6,}(?![0-9A-Za-z])")
TABULAR = {"seq", "name", "dept"}


def coded(t: Table) -> bool:
    return bool(t.rows) and sum(1 for r in t.rows if any(CODE.search(c) for c in r)) * 2 >= len(t.rows)


def _roles(t: Table) -> set[str]:
    return {role for role, names in I01_HEADERS.items() if t.col(names) is not None}


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find(ev, I01_LIST)
    f = presence_unless(ev, META, I01_LIST, table_flaw(I01_HEADERS), cands=cands)
    if f.verdict != Verdict.PASS:
        return [f]
    shapes: list[tuple[Candidate, Table]] = [
        (c, t) for c in cands if c.score >= 1.0 and c.jurisdiction == "own"
        and in_window(c.date, ev.cycle_start, ev.as_of) for t in tables_of(c.doc, I01_HEADERS) if t.rows]
    cand, table = max(shapes, key=lambda s: (coded(s[1]), TABULAR <= _roles(s[1]), s[0].date or dt.date.min))
    details = {"header": table.header, "items": len(table.rows), "coded_items": sum(
        1 for r in table.rows if any(CODE.search(c) for c in r)), "table_source": table.source}
    if coded(table) and TABULAR <= _roles(table):
        return [finding_from(META, Verdict.PASS, [], cand, **details)]
    if coded(table):  # codes, but not the 序号/事项名称/实施机关 目录 columns the rule expects
        return [finding_from(META, Verdict.REVIEW, ["R_COMPONENT_MISSING"], cand, **details)]
    return [finding_from(META, Verdict.FAIL, ["R_COMPONENT_MISSING"], cand, **details)]
