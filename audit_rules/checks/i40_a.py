"""听取企业、协会、群众代表意见情况 (I40.a).

What it checks: candidates for a reviewer, never a verdict: 座谈会, 听证会, 协商会 and other pages reporting that
企业、行业协会商会、人民团体、社会组织、群众代表 were heard on a decision, draft, plan or policy, listed next to the
unit's known 重大行政决策 (目录 items and decision documents). Always REVIEW.

Why it matters: plan item 40 (「重大行政决策事项涉及企业和特定群体、行业利益的，充分听取…意见的相关情况在网上
公开」); 《重大行政决策程序暂行条例》 第十四条.

How to pass: publish, for each such decision, how the affected enterprises and groups were heard (座谈会 or
听证会 reports, the 起草说明); a reviewer records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import decision_list
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I40A_HEARD
from govaudit.policy import Policy

META = RuleMeta(check_id="I40.a", indicator_id="I40", title="听取企业、协会、群众代表意见情况",
                failure_title="重大行政决策听取企业、协会、群众代表意见情况需人工确认", automation="C",
                columns=("ZJ", "JC"), secondary=("NEWS", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [review_candidates(ev, META, I40A_HEARD, decisions=decision_list(ev) or None)]
