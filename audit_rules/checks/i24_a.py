"""健全规章制定程序的法规、文件 (I24.a).

What it checks: that the city publishes at least one procedural rule for making 地方政府规章: a 地方性法规 on
立法 (地方立法条例) or a 政府规章/规范性文件 on 规章制定程序 (立法工作规定, 立法技术规范 …), and that it covers at
least three of the plan's elements: 立项、起草、论证、协调、审议、第三方评估、司法行政部门起草. A 年度立法计划 alone is
evidence of 立项 only and goes to a reviewer. Any publication date counts: a procedural rule in force is the
evidence, however old.

Why it matters: plan item 24 (「健全地方政府规章立项、起草、论证、协调、审议机制…引入第三方评估。建立重要行政管理
规章由司法行政部门起草制度」; 网络检索: 「有关健全地方政府规章制定程序的法规、文件网上公开」); 《规章制定程序条例》
(立项 第十至十三条, 起草 第十四至十八条, 第三方评估 第二十四条).

How to pass: publish the city's 规章制定程序 rule (e.g. 《平顶山市人民政府拟定地方政府规章程序规定》) or the
地方立法条例 in the 政府规章/地方性法规 columns of the portal, 司法局 (立法工作) or 市人大 (法规库), with its text.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import presence_with_components
from audit_rules.vocab.normative import I24_COMPONENTS, I24_MIN_COMPONENTS, I24_PROCEDURE
from govaudit.policy import Policy

META = RuleMeta(check_id="I24.a", indicator_id="I24", title="健全规章制定程序的法规、文件",
                failure_title="未找到健全规章制定程序的法规、文件", automation="B",
                columns=("GZ", "FG"), secondary=("WJ", "FZ"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_with_components(ev, META, I24_PROCEDURE, I24_COMPONENTS, I24_MIN_COMPONENTS, since=None)]
