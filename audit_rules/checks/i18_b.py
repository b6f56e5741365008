"""2018年以来清理涉企收费、摊派、评比达标文件 (I18.b).

What it checks: that a document on the 清理 / 整治 / 专项治理 / 自查 of 涉企收费, 摊派 or 评比达标 activities,
published on or after 2018-01-01 (「2018年以来」), is online.

Why it matters: plan item 18 (「2018年以来本地区对涉企收费、摊派事项和各类评比达标活动进行清理的相关文件在网上
公开」); 《优化营商环境条例》第十七条、第二十五条、第六十九条.

How to pass: publish the 清理 notice or its result (清理结果, 保留项目目录) in the 政策文件 or 收费目录 column.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I18_CLEANUP
from govaudit.policy import Policy

META = RuleMeta(check_id="I18.b", indicator_id="I18", title="2018年以来清理涉企收费、摊派、评比达标文件",
                failure_title="未找到2018年以来清理涉企收费、摊派、评比达标的文件", automation="B",
                columns=("WJ", "SF", "ZF"), secondary=("NEWS",))

SINCE = dt.date(2018, 1, 1)  # 「2018年以来」 (rules_spec §5.9)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I18_CLEANUP, since=SINCE)]
