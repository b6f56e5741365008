"""收费基金清单制度文件 (I09.b).

What it checks: that a document establishing the 行政事业性收费和政府性基金 目录清单 制度 is published within the
audit window: a 清单制度 / 目录清单管理 document, or the notice publishing the 目录清单 itself when it states the
system (「清单之外一律不得收费」, 「实行目录清单管理」).

Why it matters: plan item 9 (「全面实施行政事业性收费和政府性基金清单制度文件在网上公开」); 《优化营商环境条例》
第二十五条 (「实行目录清单管理并向社会公开」).

How to pass: publish the 目录清单管理 notice, or a 目录清单 notice that states the 清单之外一律不得收费 rule, in
the 收费目录, 政策文件 or 财政局 政府信息公开 column.
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
    # the list notice counts when it states the system (rules_spec: may be the same notice as I09.a)
    notices = [c for c in find(ev, I09_FEE_LIST) if any(s in flat(c.doc.all_text) for s in I09_SYSTEM_STATEMENTS)]
    return [presence(ev, META, I09_FEE_SYSTEM, cands=find(ev, I09_FEE_SYSTEM) + notices)]
