"""信用监管体系建设文件 (I13.a).

What it checks: that a local document on 信用监管 (社会信用体系建设, 守信联合激励和失信联合惩戒, 信用分级分类监管,
信用承诺, 信用修复) is published within the audit window.

Why it matters: plan item 13 (「加强信用监管建设体系的相关文件…在网上公开」); 《优化营商环境条例》第五十三条.

How to pass: publish the local 信用监管 plan or measures on 信用平顶山 or in the 发改委 政策文件 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I13_CREDIT
from govaudit.policy import Policy

META = RuleMeta(check_id="I13.a", indicator_id="I13", title="信用监管体系建设文件",
                failure_title="未找到信用监管体系建设文件", automation="B",
                columns=("XY", "WJ"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I13_CREDIT)]
