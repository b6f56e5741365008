"""重大民生决策民意调查材料 (I40.b).

What it checks: candidates for a reviewer, never a verdict: 民意调查, 问卷调查, 满意度调查, 网上调查 pages, and
the unit's known 重大行政决策 in the domains that need a 民意调查 (文化教育, 医疗卫生, 食品安全, 资源开发, 生态环境
保护, 公用事业, 供水, 供热, 燃气, 公交), each with the survey candidates that resemble it. Always REVIEW; a
flagged decision with no survey candidate is listed under `decisions_without_survey`.

Why it matters: plan item 40 (「文化教育、医疗卫生、食品安全、资源开发、生态环境保护、公用事业等重大民生决策事项民意
调查材料在网上公开」); 《重大行政决策程序暂行条例》 第十四条 (问卷调查、民意调查).

How to pass: run and publish a 民意调查 (questionnaire and results) for every 重大民生决策; a reviewer records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import flat
from audit_rules.machinery.matching import similarity
from audit_rules.machinery.normative import decision_list, find_own
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I38_ITEM_SIMILARITY, I40B_DOMAINS, I40B_SURVEY
from govaudit.policy import Policy

META = RuleMeta(check_id="I40.b", indicator_id="I40", title="重大民生决策民意调查材料",
                failure_title="重大民生决策民意调查材料需人工确认", automation="C",
                columns=("ZJ", "JC"), secondary=("NEWS", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find_own(ev, I40B_SURVEY)
    livelihood = [d for d in decision_list(ev) if any(w in flat(d["title"]) for w in I40B_DOMAINS)]
    for d in livelihood:
        d["surveys"] = [c.doc.url for c in cands if similarity(d["title"], c.doc.title_raw) >= I38_ITEM_SIMILARITY]
    return [review_candidates(ev, META, I40B_SURVEY, cands=cands, livelihood_decisions=livelihood or None,
                              decisions_without_survey=[d["title"] for d in livelihood if not d["surveys"]] or None)]
