"""（提示）政务公开清单12个月内更新 (I81.b).

What it checks: that the newest version of the unit's 政务公开事项清单 / 标准目录 (as I81.a recognises it) was
published within `freshness_months.I81b` (default 12) months of the audit date: older → REVIEW R_STALE; none
after complete coverage → FAIL. Advisory: a non-PASS result is flagged R_ADVISORY and never changes the
indicator verdict.

Why it matters: plan item 81 (「…并动态更新」); 政府信息公开条例 第十二条 (「应当及时更新」). The 12 months are a
proposal, not law (rules_spec §8).

How to pass: republish the updated 清单 / 标准目录 at least once a year, with the new date.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.checks.i81_a import qualifies
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.verdicts import advisory, presence
from audit_rules.vocab.enforcement import I81_LIST
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I81.b", indicator_id="I81", title="（提示）政务公开清单12个月内更新",
    failure_title="政务公开清单超过12个月未更新", automation="A", advisory=True,
    columns=("GK",), secondary=("WJ",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    months = policy.policy.freshness_months.I81b
    good = [c for c in find(ev, I81_LIST) if qualifies(c)]
    return [advisory(presence(ev, META, I81_LIST, since=None, stale_months=months, cands=good), months)]
