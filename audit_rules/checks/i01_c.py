"""清单动态调整记录 (I01.c).

What it checks: that the 行政审批（许可）事项清单 is managed dynamically: the newest adjustment document (调整,
取消, 下放, 承接 of 行政审批/行政许可 items) or newly dated version of the list (「（2024年版）」) is at most
`freshness_months.I01c` (default 24) months old at the audit date. Only older ones inside the audit window →
REVIEW R_STALE; nothing inside the window → FAIL (after complete coverage; older evidence is named).

Why it matters: plan item 1 (「实行目录化、编码化、动态化管理」); 《优化营商环境条例》第四十条.

How to pass: publish each adjustment of the list (「关于调整XX市行政许可事项清单的通知」) or a re-dated version
of the whole list at least every two years, in the 政务服务 or 政府信息公开 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import fresh_presence
from audit_rules.vocab.services import I01_ADJUST, I01_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I01.c", indicator_id="I01", title="清单动态调整记录",
                failure_title="未找到行政审批（许可）事项清单的动态调整记录", automation="B",
                columns=("ZW", "GK.FD"), secondary=("WJ", "NEWS"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find(ev, I01_ADJUST) + [c for c in find(ev, I01_LIST) if c.score >= 1.0]  # a dated version counts
    return [fresh_presence(ev, META, I01_ADJUST, cands, policy.policy.freshness_months.I01c)]
