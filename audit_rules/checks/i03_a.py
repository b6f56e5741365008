"""清理行政审批中介服务的文件 (I03.a).

What it checks: that a local document on the clean-up of 行政审批中介服务 (清理规范, 中介服务收费) is published
within the audit window.

Why it matters: plan item 3 (「全面清理行政审批中介服务工作的相关文件在网上公开」); 《优化营商环境条例》
第四十三条.

How to pass: publish the 清理规范行政审批中介服务 notice or its result (the retained and abolished items) in the
政策文件, 政务服务 or 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I03_CLEANUP
from govaudit.policy import Policy

META = RuleMeta(check_id="I03.a", indicator_id="I03", title="清理行政审批中介服务的文件",
                failure_title="未找到清理行政审批中介服务的文件", automation="B",
                columns=("WJ", "ZW", "GK.FD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I03_CLEANUP)]
