"""行业协会商会与行政机关脱钩文件 (I19.b).

What it checks: that a document on separating 行业协会商会 from administrative organs (脱钩) is published at any
date since 2015-01-01, the start of the national reform (not only within the audit window).

Why it matters: plan item 19 (「全面实现行业协会商会与行政机关在机构、职能、资产财务、人员管理等事项上脱钩」;
「行业协会与行政机关脱钩的相关文件在网上公开」); 《优化营商环境条例》第十七条.

How to pass: keep the local 脱钩 implementation plan (and the list of 脱钩 associations) online in the 政策文件 or
民政局 政府信息公开 column.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I19_DECOUPLE
from govaudit.policy import Policy

META = RuleMeta(check_id="I19.b", indicator_id="I19", title="行业协会商会与行政机关脱钩文件",
                failure_title="未找到行业协会商会与行政机关脱钩的文件", automation="B",
                columns=("CG", "WJ", "GK.FD"), secondary=("NEWS",))

SINCE = dt.date(2015, 1, 1)  # the national 脱钩 reform began in 2015 (rules_spec §6 I19)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I19_DECOUPLE, since=SINCE)]
