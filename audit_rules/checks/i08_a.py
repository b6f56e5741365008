"""落实市场准入负面清单制度的文件 (I08.a).

What it checks: that a local document implementing the 市场准入负面清单 制度 (落实, 实施, 排查, 清理, 效能评估)
is published within the audit window. Only the national list itself republished, or a 转发 without local
instructions → REVIEW R_WRONG_JURISDICTION. A *local* 负面清单 of its own (a list, not its implementation) is a
red flag → REVIEW R_NEEDS_JUDGEMENT: 「各地区、各部门不得另行制定市场准入性质的负面清单」.

Why it matters: plan item 8 (「全面落实并严格执行负面清单制度的相关文件网上公开」); 《优化营商环境条例》第二十条;
国发〔2015〕55号.

How to pass: publish the local implementation notice (「关于全面落实《市场准入负面清单（20XX年版）》的通知」,
违背市场准入负面清单案例排查 results) in the 政策文件 or the 发改委/商务局 政府信息公开 column.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.find import flat
from audit_rules.machinery.tables import bare_relay, presence_unless
from audit_rules.vocab.services import I08_IMPLEMENTS, I08_NATIONAL_LIST, I08_NEGATIVE_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I08.a", indicator_id="I08", title="落实市场准入负面清单制度的文件",
                failure_title="未找到落实市场准入负面清单制度的文件", automation="B",
                columns=("WJ", "GK.FD"), secondary=("NEWS",))

_NATIONAL = tuple(re.compile(p) for p in I08_NATIONAL_LIST)


def flaw(doc: Doc) -> str | None:
    title = flat(doc.title)
    if any(p.search(title) for p in _NATIONAL):
        return "R_WRONG_JURISDICTION"  # the national list republished: nothing local
    if "负面清单" in title and not any(w in title for w in I08_IMPLEMENTS) and "市场准入负面清单" not in title \
            and "外商投资" not in title:
        return "R_NEEDS_JUDGEMENT"  # a local 负面清单 of its own
    return bare_relay(doc)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [presence_unless(ev, META, I08_NEGATIVE_LIST, flaw)]
