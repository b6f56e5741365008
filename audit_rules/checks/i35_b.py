"""最近一次清理结果时效 (I35.b).

What it checks: that the newest published 规范性文件清理结果 (any date) is no older than
`policy.freshness_months.I35b` months (24 by default, a proposal, not law). Older → REVIEW R_STALE.

Why it matters: plan item 35 asks for clean-ups 「根据…上位法和上级文件的动态变化」, i.e. repeatedly;
《规章制定程序条例》 第三十七条. National campaigns (民法典, 行政处罚法, 优化营商环境, 公平竞争审查 …) each call for one.

How to pass: publish each new 清理结果 as it is decided; one at least every two years keeps this check green.
None at all after a complete crawl is FAIL for a government site and REVIEW for a department.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import find_own
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.normative import I35_CLEANUP
from govaudit.policy import Policy

META = RuleMeta(check_id="I35.b", indicator_id="I35", title="最近一次清理结果时效",
                failure_title="规范性文件清理结果未及时更新", automation="B",
                columns=("GFX", "WJ", "FZ"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I35_CLEANUP, cands=find_own(ev, I35_CLEANUP), since=None, stale_months=policy.policy.freshness_months.I35b,
                     department_review=True)]
