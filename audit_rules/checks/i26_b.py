"""规章制定听取企业、团体、协会意见情况 (I26.b).

What it checks: candidates for a reviewer, never a verdict: 起草说明, 审议报告, 立法座谈会/听证 pages and news about
规章/法规 drafts, and any page whose text reports that 企业、行业协会、商会、工商联、人民团体 were heard
(`(座谈会|征求).{0,20}(企业|行业协会|商会|工商联|人民团体|律师协会)`). Always REVIEW (R_NOT_FOUND without
candidates).

Why it matters: plan item 26 (「出台的地方性法规、规章充分听取企业、人民团体、行业协会商会意见情况…在网上公开」);
《规章制定程序条例》 第十五条, 第十六条; 《优化营商环境条例》 第六十二条.

How to pass: say in each 规章/法规's 起草说明 (or a published 座谈会 report) which enterprises, associations and
人民团体 were consulted and how their views were handled; a reviewer records PASS.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import find_own, merge, regex_candidates
from audit_rules.machinery.verdicts import review_candidates
from audit_rules.vocab.normative import HEARD_ENTERPRISES, I26B_HEARD
from govaudit.policy import Policy

META = RuleMeta(check_id="I26.b", indicator_id="I26", title="规章制定听取企业、团体、协会意见情况",
                failure_title="规章制定听取企业、团体、协会意见情况需人工确认", automation="C",
                columns=("ZJ", "GZ", "FG"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = merge(find_own(ev, I26B_HEARD), regex_candidates(ev, HEARD_ENTERPRISES, context=I26B_HEARD.with_any))
    return [review_candidates(ev, META, I26B_HEARD, cands=cands)]
