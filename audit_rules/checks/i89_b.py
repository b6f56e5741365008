"""复议接待场所地址和受理范围、条件、程序公开 (I89.b).

What it checks: that the 复议机关's 行政复议 guides (taken together) give the address of the 行政复议接待场所
(地址/接待地点/办公地点 … 路/街/号/楼/室) and the 受理范围, 申请条件 and 申请程序.

Why it matters: plan item 89 (「在网站和行政复议接待场所公开受理行政复议案件的范围、条件、程序等事项」; 网络检索:
「行政复议接待场所地址和复议案件的受理范围、条件、程序等事项在网上公开」).

How to pass: publish a 行政复议指南 / 须知 with the 接待地址 (street, building, room), 受理范围, 申请条件 and 申请
程序 in the 行政复议 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import guide_finding
from audit_rules.vocab.enforcement import I88_COMPONENTS, I89_ADDRESS, I89_RECEPTION
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I89.b", indicator_id="I89", title="复议接待场所地址和受理范围、条件、程序公开",
    failure_title="行政复议接待场所地址和受理范围、条件、程序未在网上公开完整", automation="B",
    columns=("FY",), secondary=("HD",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [guide_finding(ev, META, I89_RECEPTION, I88_COMPONENTS, {"地址": I89_ADDRESS})]
