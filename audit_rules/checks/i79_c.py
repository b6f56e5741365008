"""投诉举报登记制度 (I79.c).

What it checks: that the government publishes its 投诉举报登记 制度 (违法行政行为投诉举报登记制度, 投诉举报受理
办法/规定).

Why it matters: plan item 79 (「行政机关违法行政行为投诉举报登记制度建立」; 网络检索: 「投诉举报登记等制度在网上
公开」).

How to pass: publish the 投诉举报登记制度 (or 受理办法) in the 政策文件, 政府信息公开制度 or 互动交流 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I79_COMPLAINT
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I79.c", indicator_id="I79", title="投诉举报登记制度",
    failure_title="未找到投诉举报登记制度", automation="B",
    columns=("HD", "WJ", "GK.ZD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I79_COMPLAINT, since=None)]
