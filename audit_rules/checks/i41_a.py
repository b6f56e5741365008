"""专家、专业机构论证材料 (I41.a).

What it checks: candidates for a reviewer, never a verdict: 专家论证, 论证会, 专家评审/咨询/意见, 第三方论证 and
可行性研究 pages (ranked higher when they speak of 必要性、可行性、科学性 or a decision), listed next to the unit's
known 重大行政决策. Always REVIEW: whether a decision is 「专业性、技术性较强」 is itself the judgement.

Why it matters: plan item 41 (「专业性、技术性较强的重大行政决策事项，组织专家、专业机构论证其必要性、可行性、
科学性相关材料在网上公开」); 《重大行政决策程序暂行条例》 第十九条至第二十一条.

How to pass: publish the expert or institution 论证 of each technical decision (who, when, conclusions); a
reviewer records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import decision_list
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import I41_EXPERT
from govaudit.policy import Policy

META = RuleMeta(check_id="I41.a", indicator_id="I41", title="专家、专业机构论证材料",
                failure_title="重大行政决策专家论证材料需人工确认", automation="C",
                columns=("JC", "ZJ"), secondary=("NEWS", "WJ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [review_candidates(ev, META, I41_EXPERT, decisions=decision_list(ev) or None)]
