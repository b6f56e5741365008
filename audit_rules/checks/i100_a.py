"""年度依法行政考核情况通报 (I100.a).

What it checks: for every completed year of the window, at least one 依法行政 / 法治政府建设 考核 item on the site
(考核办法, 考核结果的通报, 考核情况通报) dated in that year. A missing year FAILs after complete coverage.

Why it matters: plan item 100 (「将年度依法行政考核情况通报…进行网上公开」; 法治建设成效纳入政绩考核).

How to pass: publish each year's 依法行政（法治政府建设）考核 通知 and 结果通报 in the 法治政府建设 column.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I100_ASSESSMENT
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I100.a", indicator_id="I100", title="年度依法行政考核情况通报",
    failure_title="未找到当年依法行政考核情况通报", automation="B",
    columns=("FZ", "WJ", "GK.FD"), secondary=("NEWS",),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I100_ASSESSMENT, department_review=False)]
