"""中介服务机构与政府脱钩信息 (I03.c).

What it checks: that a document or 信息 on separating 行政审批中介服务机构 from the government (脱钩 in 人、财、物)
is published within the audit window.

Why it matters: plan item 3 (「行政审批中介服务机构的人、财、物与政府脱钩的相关信息在网上公开」);
《优化营商环境条例》第四十三条.

How to pass: publish the 中介服务机构脱钩 notice, work plan or result in the 政策文件, 政务服务 or 政府信息公开
column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I03_DECOUPLE
from govaudit.policy import Policy

META = RuleMeta(check_id="I03.c", indicator_id="I03", title="中介服务机构与政府脱钩信息",
                failure_title="未找到中介服务机构与政府脱钩信息", automation="B",
                columns=("WJ", "ZW", "GK.FD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I03_DECOUPLE)]
