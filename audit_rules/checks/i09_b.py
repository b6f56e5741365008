"""收费基金清单制度文件 (I09.b).

What it checks: that a document establishing the 行政事业性收费和政府性基金 目录清单 制度 is published within the
audit window: a document titled as the 清单制度 / 目录清单管理 (it may be the notice that also publishes the list,
when its title says so). A list notice whose body only repeats 「清单之外一律不得收费」 is not the 制度 document: it
is shown to the reviewer as a near miss.

Why it matters: plan item 9 (「全面实施行政事业性收费和政府性基金清单制度文件在网上公开」); 《优化营商环境条例》
第二十五条 (「实行目录清单管理并向社会公开」).

How to pass: publish the 收费基金目录清单管理 (清单制度) document in the 收费目录, 政策文件 or 财政局
政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find, flat
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.services import I09_FEE_LIST, I09_FEE_SYSTEM, I09_SYSTEM_STATEMENTS
from govaudit.policy import Policy

META = RuleMeta(check_id="I09.b", indicator_id="I09", title="收费基金清单制度文件",
                failure_title="未找到收费基金清单制度文件", automation="B",
                columns=("SF", "WJ", "GK.FD"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    finding = presence(ev, META, I09_FEE_SYSTEM)
    if finding.verdict != "PASS":
        # a list notice that states the system is not the 制度 document, but the reviewer should see it
        stating = [c.doc.final_url for c in find(ev, I09_FEE_LIST)
                   if any(s in flat(c.doc.all_text) for s in I09_SYSTEM_STATEMENTS)]
        if stating:
            finding.details["list_notices_stating_the_system"] = stating[:5]
    return [finding]
