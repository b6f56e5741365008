"""执法主体、权限、依据、程序、救济渠道、随机抽查事项公开 (I54.a).

What it checks: that the unit's 行政执法公示 (事前公开) material, taken together, covers all six components:
执法主体, 权限 (职责/执法事项), 依据, 程序 (流程图), 救济渠道 (复议/诉讼/投诉举报) and 随机抽查事项清单. The
components may sit in separate pages or inside one combined 「行政执法公示」 page or PDF. 执法人员 is reported as
an advisory extra (国办发〔2018〕118号 lists it, the plan does not).

Why it matters: plan item 54 (「行政执法主体、权限、依据、程序、救济渠道和随机抽查事项清单等信息全面准确及时主动
公开」); 国办发〔2018〕118号 (事前公开); 行政处罚法 第三十九条; 优化营商环境条例 第五十八条.

How to pass: publish in the 行政执法公示专栏 (事前公开) the unit's 执法主体, 执法职责和权限, 执法依据, 执法流程图,
救济渠道 and 随机抽查事项清单, as text (not scans).
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import find
from audit_rules.machinery.verdicts import absent, candidate_list, components_present, finding_from, site_text
from audit_rules.vocab.enforcement import I54_ADVISORY_COMPONENTS, I54_COMPONENTS, I54_PUBLICITY
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I54.a", indicator_id="I54", title="执法主体、权限、依据、程序、救济渠道、随机抽查事项公开",
    failure_title="行政执法主体、权限、依据、程序、救济渠道、随机抽查事项公开不全", automation="B",
    columns=("ZF",), secondary=("QZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = [c for c in find(ev, I54_PUBLICITY) if c.jurisdiction == "own"]
    if not cands:
        return [absent(ev, META, I54_PUBLICITY)]
    text = site_text(cands)  # titles + bodies + attachment texts: one combined PDF counts component by component
    components = components_present(text, I54_COMPONENTS)
    missing = [name for name, ok in components.items() if not ok]
    details = {"components": {**components, **components_present(text, I54_ADVISORY_COMPONENTS)},
               "components_advisory": list(I54_ADVISORY_COMPONENTS), "candidates": candidate_list(cands)}
    if not missing:
        return [finding_from(META, Verdict.PASS, [], cands[0], **details)]
    details["missing"] = missing
    scans = [a.url for c in cands for a in c.doc.attachments if a.scanned]
    if scans:  # the missing ones may be in the scans
        return [finding_from(META, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_SCANNED"], cands[0], scanned=scans,
                             **details)]
    gap = coverage_gap(ev, META.columns, I54_PUBLICITY)
    if not gap.complete:
        return [finding_from(META, Verdict.REVIEW, ["R_COMPONENT_MISSING", "R_COVERAGE_INCOMPLETE"], cands[0],
                             coverage_gaps=gap.reasons[:10], **details)]
    verdict = Verdict.REVIEW if ev.party_or_npc else Verdict.FAIL
    return [finding_from(META, verdict, ["R_COMPONENT_MISSING"], cands[0], **details)]
