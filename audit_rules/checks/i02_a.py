"""取消非行政许可审批的文件 (I02.a).

What it checks: that a local document on abolishing 非行政许可审批 is published, at any date: the category
was abolished nationally in 2015, so local documents date from 2015–2016 and the audit window does not apply.
A bare 转发 of the 省 document, without local arrangements, goes to REVIEW.

Why it matters: plan item 2 (「非行政许可审批事项全部取消」; 网络检索: 「非行政许可审批事项取消的相关文件在网上
公开」); 《政府信息公开条例》第二十条.

How to pass: keep 「XX市人民政府关于取消非行政许可审批事项的通知（决定）」 online in the 政策文件 or 政府信息公开
column; a 转发 counts when it adds the local list or arrangements.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.tables import bare_relay, presence_unless
from audit_rules.vocab.services import I02_ABOLISH
from govaudit.policy import Policy

META = RuleMeta(check_id="I02.a", indicator_id="I02", title="取消非行政许可审批的文件",
                failure_title="未找到取消非行政许可审批的文件", automation="B",
                columns=("WJ", "GK.FD", "ZW"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_unless(ev, META, I02_ABOLISH, bare_relay, since=None)]  # any date (rules_spec §6 I02)
