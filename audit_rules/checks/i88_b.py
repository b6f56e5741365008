"""行政复议受理范围、条件、程序公开 (I88.b).

What it checks: that the 复议机关's 行政复议指南 / 须知 (taken together) states the 受理范围, the 申请条件 and
the 申请程序 (or 流程图).

Why it matters: plan item 88 (网络检索: 「行政复议案件受理范围、条件、程序等在网上公开」); plan item 89
(「在网站…公开受理行政复议案件的范围、条件、程序等事项」).

How to pass: publish a 行政复议指南 with sections on 受理范围, 申请条件 and 申请程序 (with the 流程图) in the
行政复议 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import guide_finding
from audit_rules.vocab.enforcement import I88_COMPONENTS, I88_GUIDE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I88.b", indicator_id="I88", title="行政复议受理范围、条件、程序公开",
    failure_title="行政复议受理范围、条件、程序未在网上公开完整", automation="B",
    columns=("FY",), secondary=("HD", "ZW"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [guide_finding(ev, META, I88_GUIDE, I88_COMPONENTS)]
