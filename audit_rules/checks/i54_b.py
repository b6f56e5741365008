"""（提示）执法公示信息12个月内动态调整 (I54.b).

What it checks: that the newest of the unit's 行政执法公示 (事前公开) materials was published or updated within
`freshness_months.I54b` (default 12) months of the audit date: older → REVIEW R_STALE; none at all after
complete coverage → FAIL. Advisory: a non-PASS result is flagged R_ADVISORY and never changes the indicator
verdict.

Why it matters: plan item 54 (「…并进行动态调整」); 国办发〔2018〕118号 (事前公开信息「动态调整」). 「动态调整」 has
no statutory number, so the 12 months are the command office's proposal (rules_spec §5.9, §8).

How to pass: review the 执法主体、职责、依据、流程、随机抽查事项清单 at least once a year (and after every
机构改革 or change of law) and republish them with the new date.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import advisory, presence
from audit_rules.vocab.enforcement import I54_PUBLICITY
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I54.b", indicator_id="I54", title="（提示）执法公示信息12个月内动态调整",
    failure_title="行政执法公示信息超过12个月未调整更新", automation="A", advisory=True,
    columns=("ZF",), secondary=("QZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    months = policy.policy.freshness_months.I54b
    return [advisory(presence(ev, META, I54_PUBLICITY, since=None, stale_months=months), months)]
