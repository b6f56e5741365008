"""12·4国家宪法日（宪法宣传周）活动信息 (I90.b).

What it checks: for every completed year of the window, at least one item about the 国家宪法日 / 宪法宣传周
(「12·4」) published inside that year's window `I90_xianfa_window` (default 11-24 … 12-20; the 宪法宣传周 is
12月1日–7日 since 2018). A missing year FAILs for governments after complete coverage, REVIEW for departments.

Why it matters: plan item 90 (「开展“12.4”国家宪法周（日）集中宣传教育活动」).

How to pass: report the year's 宪法宣传周 / 国家宪法日 activities on the site in late November or December.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I90_XIANFA
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I90.b", indicator_id="I90", title="12·4国家宪法日（宪法宣传周）活动信息",
    failure_title="未找到当年12·4国家宪法日（宪法宣传周）活动信息", automation="B",
    columns=("PF", "NEWS"), secondary=("FZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I90_XIANFA, window=policy.thresholds.I90_xianfa_window)]
