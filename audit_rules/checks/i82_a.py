"""政府新闻发言人制度 (I82.a).

What it checks: that the unit publishes its 新闻发言人 制度 (新闻发言人制度, 新闻发布（会）制度, or the
新闻发言人名单 it announces under that 制度).

Why it matters: plan item 82 (「政府新闻发言人…等制度完善」; 网络检索: 「政府新闻发言人相关制度文件在网上公开」);
国办发〔2016〕80号 实施细则.

How to pass: publish the 新闻发言人制度 / 新闻发布工作制度 (and the current 新闻发言人名单) in the 政府信息公开 or
新闻发布 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I82_SPOKESPERSON
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I82.a", indicator_id="I82", title="政府新闻发言人制度",
    failure_title="未找到政府新闻发言人制度", automation="B",
    columns=("XW", "WJ", "GK.ZD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # 党委 sites (宣传部) are REVIEWed, not FAILed, on absence inside absent() (rules_spec §3.3)
    return [presence(ev, META, I82_SPOKESPERSON, since=None)]
