"""政务诚信建设文件 (I16.a).

What it checks: that a local document (意见, 方案, 办法, 制度, 通知) on 政务诚信 / 政府诚信 / 政务失信治理 /
政策承诺兑现 / 清理拖欠民营企业中小企业账款 is published within the audit window.

Why it matters: plan item 16 (「加强政务诚信建设的相关文件在网上公开」); 《优化营商环境条例》第三十条、第三十一条;
国发〔2016〕76号.

How to pass: publish the local 政务诚信建设 plan or measures in the 政策文件 column or on 信用平顶山.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I16_INTEGRITY
from govaudit.policy import Policy

META = RuleMeta(check_id="I16.a", indicator_id="I16", title="政务诚信建设文件",
                failure_title="未找到政务诚信建设文件", automation="B",
                columns=("WJ", "XY"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I16_INTEGRITY)]
