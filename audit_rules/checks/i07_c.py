"""公共服务事项清单公开 (I07.c).

What it checks: that a 公共服务事项清单 (or 目录) of this government, or of this department on a department
site, is published within the audit window. Only a broader 政务服务事项清单 (公共服务 items inside it) → REVIEW.
On a department site absence is REVIEW, not FAIL: not every department has 公共服务 items, and the rule cannot
tell which do.

Why it matters: plan item 7 (「全部政府工作部门的权责清单、公共服务事项清单在网上公开」); 《优化营商环境条例》
第三十五条 (政务服务事项包括行政权力事项和公共服务事项).

How to pass: publish 「XX市公共服务事项清单」 (consolidated, or per department for those with 公共服务 items) in
the 权责清单 / 清单管理 column or the 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I07_PUBLIC_SERVICE
from govaudit.policy import Policy

META = RuleMeta(check_id="I07.c", indicator_id="I07", title="公共服务事项清单公开",
                failure_title="未找到公共服务事项清单", automation="B",
                columns=("QZ", "GK.FD", "JG"), secondary=("WJ",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence(ev, META, I07_PUBLIC_SERVICE, department_review=True)]
