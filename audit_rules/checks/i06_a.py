"""一网、一门、一次文件 (I06.a).

What it checks: that a local document (方案, 通知, 意见, 措施) on 「一网、一门、一次」 / 一网通办 / 只进一扇门 /
最多跑一次 for 政务服务 is published within the audit window.

Why it matters: plan item 6 (「政务服务重点领域和高频事项基本实现“一网、一门、一次”的相关文件材料在网上公开」);
国办发〔2018〕45号.

How to pass: publish the local 「一网、一门、一次」 reform plan or notice in the 政策文件 or 政务服务 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I06_ONE_NET
from govaudit.policy import Policy

META = RuleMeta(check_id="I06.a", indicator_id="I06", title="一网、一门、一次文件",
                failure_title="未找到一网、一门、一次文件", automation="B",
                columns=("WJ", "ZW"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I06_ONE_NET)]
