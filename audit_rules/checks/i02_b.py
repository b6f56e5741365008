"""承接落实上级取消、下放审批事项的文件信息 (I02.b).

What it checks: that a local document or 信息 on implementing (落实, 承接, 衔接) the 行政审批/行政许可 items an
upper level abolished or delegated (取消和下放, 赋权) is published within the audit window. Only older ones →
REVIEW R_STALE; a bare 转发 of the 省 document without local arrangements → REVIEW.

Why it matters: plan item 2 (「做好上级政府取消、下放行政审批事项的落实和承接工作」); 《优化营商环境条例》第四十条.

How to pass: publish the local 承接/落实 notice (「关于承接省政府下放行政许可事项的通知」, with the list of items
and the 承接部门) in the 政策文件, 政府信息公开 or 政务服务 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.tables import bare_relay, presence_unless
from audit_rules.vocab.services import I02_TAKEOVER
from govaudit.policy import Policy

META = RuleMeta(check_id="I02.b", indicator_id="I02", title="承接落实上级取消、下放审批事项的文件信息",
                failure_title="未找到承接落实上级取消、下放审批事项的文件信息", automation="B",
                columns=("WJ", "GK.FD", "ZW"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_unless(ev, META, I02_TAKEOVER, bare_relay)]
