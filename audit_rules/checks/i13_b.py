"""失信惩戒“黑榜”公开且及时更新 (I13.b).

What it checks: that a 黑榜 / 失信名单 / 红黑榜 published by this government or its departments is online, and
that its latest issue is at most `freshness_months.I13b` (default 12) months old at the audit date. Older →
REVIEW R_STALE; only court 失信被执行人 lists (not 「本级政府及职能部门」) → REVIEW. Rules on keeping the list
(黑名单管理办法) are not the list.

Why it matters: plan item 13 (「本级政府及职能部门对失信主体开展失信惩戒的黑榜在网上公开」); 《优化营商环境条例》
第五十三条; 国办发〔2020〕49号.

How to pass: publish the 红黑榜 / 严重失信主体名单 issues regularly (at least once a year) on 信用平顶山 or the
departments' sites.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I13_BLACKLIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I13.b", indicator_id="I13", title="失信惩戒“黑榜”公开且及时更新",
                failure_title="未找到本级失信惩戒黑榜或未及时更新", automation="B",
                columns=("XY", "WJ"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # freshness, not the audit window, decides how old the latest issue may be
    return [presence(ev, META, I13_BLACKLIST, since=None, stale_months=policy.policy.freshness_months.I13b)]
