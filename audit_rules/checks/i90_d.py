"""青少年法治宣传教育信息 (I90.d).

What it checks: for every completed year of the window, at least one item about 青少年 / 中小学 / 校园 法治教育
(法治副校长, 法治进校园…). A missing year FAILs for governments after complete coverage, REVIEW for departments.

Why it matters: plan item 90 (「全面加强青少年法治宣传教育」).

How to pass: report the year's 青少年法治教育 activities (法治进校园, 法治副校长 lessons…) on the site.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I90_YOUTH
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I90.d", indicator_id="I90", title="青少年法治宣传教育信息",
    failure_title="未找到当年青少年法治宣传教育信息", automation="B",
    columns=("PF", "NEWS"), secondary=("FZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I90_YOUTH)]
