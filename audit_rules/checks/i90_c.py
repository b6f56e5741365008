"""宪法宣誓信息 (I90.c).

What it checks: for every completed year of the window, at least one item about a 宪法宣誓 ceremony of state
functionaries. A year without one is REVIEW (a year without appointments may have no ceremony); only when two or
more completed years all have none (after complete coverage) is it FAIL for a government.

Why it matters: plan item 90 (「严格落实国家工作人员宪法宣誓制度」).

How to pass: report each 宪法宣誓仪式 (at appointments by the 人大常委会 or the government) on the site.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I90_OATH
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I90.c", indicator_id="I90", title="宪法宣誓信息",
    failure_title="未找到当年宪法宣誓信息", automation="B",
    columns=("PF", "NEWS"), secondary=("FZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I90_OATH, empty_year_review=True)]
