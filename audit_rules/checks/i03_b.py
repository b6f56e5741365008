"""保留中介服务事项清单（时限、流程、条件、收费四要素） (I03.b).

What it checks: that the list of retained 行政审批中介服务事项 is published within the audit window and that all
four elements the plan names are public: 办理时限, 工作流程, 申报条件, 收费标准, as columns of the list or as
labels of the per-item 中介服务 办事指南 pages (each element present in every sampled guide, up to 5). A list
missing an element everywhere → FAIL R_COMPONENT_MISSING (REVIEW when the crawl was incomplete, since a guide
may have been missed); a scanned list → REVIEW R_SCANNED.

Why it matters: plan item 3 (「对保留的行政审批中介服务事项实行清单管理，明确办理时限、工作流程、申报条件、
收费标准并向社会公开」); 《优化营商环境条例》第四十三条 (「条件、流程、时限、收费标准，并向社会公开」).

How to pass: publish 「XX市保留的行政审批中介服务事项清单」 with 办理时限 / 工作流程 / 申报条件 / 收费标准 columns,
or a 办事指南 per item carrying them, in the 政务服务 or 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import unreadable
from audit_rules.machinery.verdicts import components_present, in_window, presence
from audit_rules.vocab.services import I03_COMPONENTS, I03_GUIDE, I03_RETAINED_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I03.b", indicator_id="I03", title="保留中介服务事项清单（时限、流程、条件、收费四要素）",
                failure_title="保留的中介服务事项清单未公开或要素不全", automation="B",
                columns=("WJ", "ZW", "GK.FD"), secondary=("NEWS",))

GUIDE_SAMPLE = 5


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find(ev, I03_RETAINED_LIST)
    f = presence(ev, META, I03_RETAINED_LIST, cands=cands)
    if f.verdict != Verdict.PASS:
        return [f]
    lists = [c.doc for c in cands if c.score >= 1.0 and c.jurisdiction == "own"
             and in_window(c.date, ev.cycle_start, ev.as_of)]
    parts = components_present("\n".join(d.all_text for d in lists), I03_COMPONENTS)
    guides = [c.doc for c in find(ev, I03_GUIDE) if c.jurisdiction == "own"][:GUIDE_SAMPLE]
    for name, present in parts.items():
        if not present and guides:
            parts[name] = all(components_present(g.all_text, {name: I03_COMPONENTS[name]})[name] for g in guides)
    f.details["components"] = parts
    f.details["guides_sampled"] = len(guides)
    missing = [name for name, present in parts.items() if not present]
    if not missing:
        return [f]
    f.details["missing_components"] = missing
    scanned = next((r for d in lists if (r := unreadable(d))), None)
    if scanned:  # the elements may be in the part the rule cannot read
        f.verdict = Verdict.REVIEW
        return [f.add(scanned, "R_COMPONENT_MISSING")]
    gap = coverage_gap(ev, META.columns, I03_GUIDE)
    f.verdict = Verdict.FAIL if gap.complete else Verdict.REVIEW
    f.add("R_COMPONENT_MISSING")
    if not gap.complete:
        f.add("R_COVERAGE_INCOMPLETE")
        f.details["coverage_gaps"] = gap.reasons[:10]
    return [f]
