"""重大行政决策程序制度文件 (I36.b).

What it checks: that the unit publishes its own 重大行政决策 procedural rule (程序规定, 实施办法, 决策规则 …)
covering at least three of 决策主体、事项范围、法定程序 (公众参与/专家论证/风险评估/合法性审查/集体讨论)、
法律责任. A republished provincial rule (省政府令第210号) or the national 暂行条例 is not the unit's own.

Why it matters: plan item 36 (「明确重大行政决策的决策主体、事项范围、法定程序、法律责任等，规范重大行政决策流程」);
《重大行政决策程序暂行条例》 第三条第三款, 第四十二条; 《河南省重大行政决策程序规定》.

How to pass: publish the unit's 重大行政决策程序规定 (any date while in force) in its 重大行政决策 or 政策文件
column. None after a complete crawl is FAIL for a government site and REVIEW for a department.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import presence_with_components
from audit_rules.vocab.normative import I36_COMPONENTS, I36_MIN_COMPONENTS, I36_PROCEDURE
from govaudit.policy import Policy

META = RuleMeta(check_id="I36.b", indicator_id="I36", title="重大行政决策程序制度文件",
                failure_title="未找到重大行政决策程序制度文件", automation="B",
                columns=("JC", "GK.FD", "WJ"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_with_components(ev, META, I36_PROCEDURE, I36_COMPONENTS, I36_MIN_COMPONENTS, since=None,
                                     department_review=True)]
