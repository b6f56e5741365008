"""政府向社会购买公共服务信息 (I19.a).

What it checks: that 信息 on this government's purchase of public services from society (政府购买服务 目录,
项目公示, 采购结果, 社会组织承接) is published within the audit window.

Why it matters: plan item 19 (「本级政府向社会购买公共服务的相关信息在网上公开」); 政府购买服务管理办法
(财政部令第102号); 《优化营商环境条例》第十七条.

How to pass: publish the 政府购买服务 目录 and the purchased projects (项目, 承接主体, 金额) in the 政府采购 /
购买服务 column or the 财政局 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I19_PURCHASE
from govaudit.policy import Policy

META = RuleMeta(check_id="I19.a", indicator_id="I19", title="政府向社会购买公共服务信息",
                failure_title="未找到政府向社会购买公共服务的信息", automation="B",
                columns=("CG", "WJ", "GK.FD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I19_PURCHASE)]
