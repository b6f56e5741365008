"""规范性文件听取企业、团体、协会意见情况 (I27.b).

What it checks: candidates for a reviewer, never a verdict: 起草说明, 解读, 征求意见座谈会 pages and news about
规范性文件 drafts, and any page whose text reports that 企业、行业协会、商会、工商联、人民团体 were heard
(`(座谈会|征求).{0,20}(企业|行业协会|商会|工商联|人民团体|律师协会)`). Always REVIEW (R_NOT_FOUND without
candidates).

Why it matters: plan item 27 (「涉及企业和特定群体、行业利益的行政规范性文件，充分听取企业、人民团体、行业协会商会
意见的有关情况…网上公开」); 《优化营商环境条例》 第六十二条.

How to pass: state in the 起草说明 or 解读 of each document that affects enterprises who was heard and how; a
reviewer records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import find_own, merge, regex_candidates
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import HEARD_ENTERPRISES, I27B_HEARD
from govaudit.policy import Policy

META = RuleMeta(check_id="I27.b", indicator_id="I27", title="规范性文件听取企业、团体、协会意见情况",
                failure_title="规范性文件听取企业、团体、协会意见情况需人工确认", automation="C",
                columns=("ZJ", "GFX", "JD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = merge(find_own(ev, I27B_HEARD), regex_candidates(ev, HEARD_ENTERPRISES, context=I27B_HEARD.with_any))
    return [review_candidates(ev, META, I27B_HEARD, cands=cands)]
