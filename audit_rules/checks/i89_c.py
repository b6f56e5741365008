"""行政复议决定书网上公开 (I89.c).

What it checks: that the 复议机关 publishes 行政复议决定书 (「…行政复议决定书」, 「…复决字〔…〕…号」), at least one
published within `freshness_months.I89c` (default 12) months of the audit date. Completeness is not judged.
Only older ones → REVIEW (R_STALE); none after complete coverage → FAIL.

Why it matters: plan item 89 (「全面落实行政复议决定书网上公开制度」); 行政复议法 (2023修订, 决定书向社会公开).

How to pass: publish the 行政复议决定书 (personal data masked) in the 行政复议 column as they are made.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.periods import add_months
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.enforcement import I89_DECISION
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I89.c", indicator_id="I89", title="行政复议决定书网上公开",
    failure_title="未找到近12个月公开的行政复议决定书", automation="B",
    columns=("FY",), secondary=("GK.FD",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # §6: 「≥ 1 行政复议决定书 published in the last 12 months」 is the requirement itself, so an older one
    # does not count (FAIL after complete coverage, with the older one shown), unlike a 动态调整 freshness
    months = policy.policy.freshness_months.I89c
    since = add_months(ev.as_of, -months)
    f = presence(ev, META, I89_DECISION, since=since)
    f.details["freshness_months"] = months
    return [f]
