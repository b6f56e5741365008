"""统一政务咨询投诉举报平台整合文件 (I79.a).

What it checks: that the government publishes a document on integrating its non-emergency 政务热线 into one
政务咨询投诉举报平台 (12345), e.g. 「关于优化政务服务便民热线的实施方案」 or 「…热线归并整合工作方案」.

Why it matters: plan item 79 (「将各部门非紧急类政务热线整合，纳入统一政务咨询投诉举报平台管理」); 国务院办公厅
关于进一步优化地方政务服务便民热线的指导意见 (2020; 除「110、119、120、122等紧急热线外」归并).

How to pass: publish the 热线整合/归并 方案 or 实施意见 in the 政府信息公开 (政策文件) or 互动交流 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I79_PLATFORM
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I79.a", indicator_id="I79", title="统一政务咨询投诉举报平台整合文件",
    failure_title="未找到统一政务咨询投诉举报平台（热线整合）文件", automation="B",
    columns=("HD", "WJ", "GK.ZD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I79_PLATFORM, since=None)]  # a standing arrangement: any date
