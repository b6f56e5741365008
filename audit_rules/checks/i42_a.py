"""重大决策风险评估情况 (I42.a).

What it checks: candidates for a reviewer, never a verdict: 社会稳定风险评估, 稳评公示, 风险评估报告 pages (公共安全,
环境影响评价 and 经济风险 only as weak evidence), listed next to the unit's known 重大行政决策; 环评 approvals of
private construction projects and 安全生产 risk notices are left out. Always REVIEW.

Why it matters: plan item 42 (「对涉及经济社会发展和人民群众切身利益的重大政策、重大项目等决策事项，进行社会稳定、
公共安全、环境和经济等方面风险评估情况在网上公开」); 《重大行政决策程序暂行条例》 第二十二条至第二十四条
(「形成风险评估报告」).

How to pass: publish the 风险评估 (or its 稳评公示 and conclusions) of every such decision or 重大项目; a reviewer
records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import decision_list
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I42_RISK
from govaudit.policy import Policy

META = RuleMeta(check_id="I42.a", indicator_id="I42", title="重大决策风险评估情况",
                failure_title="重大决策风险评估情况需人工确认", automation="C",
                columns=("JC", "ZJ"), secondary=("NEWS", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [review_candidates(ev, META, I42_RISK, decisions=decision_list(ev) or None)]
