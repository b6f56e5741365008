"""权责清单、公共服务事项清单动态调整 (I07.d).

What it checks: that the 权责清单 / 公共服务事项清单 of this government (or department) is adjusted dynamically:
the newest adjustment document (动态调整, 调整, 更新 of 权责清单/权力清单/公共服务事项) or newly dated version of
a list is at most `freshness_months.I07d` (default 24) months old at the audit date. Only older ones inside the
audit window → REVIEW R_STALE; nothing inside the window → FAIL (after complete coverage; older evidence is
named).

Why it matters: plan item 7 (「根据法律法规的变化实行动态调整」); 中办发〔2015〕21号.

How to pass: publish each 动态调整 of the lists (「关于XX市权责清单动态调整情况的公告」) or a re-dated version
at least every two years, in the 权责清单 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import fresh_presence
from audit_rules.vocab.services import I07_ADJUST, I07_POWER_LIST, I07_PUBLIC_SERVICE
from govaudit.policy import Policy

META = RuleMeta(check_id="I07.d", indicator_id="I07", title="权责清单、公共服务事项清单动态调整",
                failure_title="未找到权责清单、公共服务事项清单的动态调整记录", automation="B",
                columns=("QZ", "GK.FD", "JG"), secondary=("WJ",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    versions = [c for lex in (I07_POWER_LIST, I07_PUBLIC_SERVICE) for c in find(ev, lex) if c.score >= 1.0]
    return [fresh_presence(ev, META, I07_ADJUST, find(ev, I07_ADJUST) + versions,
                           policy.policy.freshness_months.I07d)]
