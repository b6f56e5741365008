"""清理整顿下属事业单位、协会商会收费文件 (I09.c).

What it checks: that a document on the 清理整顿 / 专项清理 / 专项整治 of fees charged by departments' subordinate
事业单位, 行业协会商会 or on 涉企违规收费 is published within the audit window.

Why it matters: plan item 9 (「全面清理整顿部门下属事业单位、行业协会商会收费的文件在网上公开」);
《优化营商环境条例》第二十五条.

How to pass: publish the 清理整顿 notice or its result in the 收费目录, 政策文件 or 市场监管局/财政局 政府信息公开
column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I09_CLEANUP
from govaudit.policy import Policy

META = RuleMeta(check_id="I09.c", indicator_id="I09", title="清理整顿下属事业单位、协会商会收费文件",
                failure_title="未找到清理整顿下属事业单位、协会商会收费的文件", automation="B",
                columns=("SF", "WJ", "GK.FD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I09_CLEANUP)]
