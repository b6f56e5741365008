"""政府购买服务制度、目录文件 (I20.b).

What it checks: that a 政府购买服务 制度 (管理办法, 实施办法) or 目录 (指导性目录, 购买服务目录) document is
published within the audit window.

Why it matters: plan item 20 (「建立健全政府购买公共服务制度，公开政府购买公共服务目录」; 「政府购买公共服务的相关
文件在网上公开」); 《政府信息公开条例》第二十条(九).

How to pass: publish 「XX市政府购买服务管理办法」 and the 「政府购买服务指导性目录」 on the procurement site or in
the 政府采购 / 财政局 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I20_SYSTEM
from govaudit.policy import Policy

META = RuleMeta(check_id="I20.b", indicator_id="I20", title="政府购买服务制度、目录文件",
                failure_title="未找到政府购买服务制度、目录文件", automation="B",
                columns=("CG",), secondary=("WJ",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I20_SYSTEM)]
