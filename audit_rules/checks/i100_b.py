"""法治政府建设检查考评通知、通报、信息 (I100.b).

What it checks: for every completed year of the window, at least one item on a 法治政府建设 (依法行政) 督察,
检查, 考评 or 督导 — its 通知, 通报 or news — dated in that year. A missing year FAILs after complete coverage.

Why it matters: plan item 100 (「每年对法治政府建设情况开展检查考评工作」; 网络检索: 「开展法治政府建设检查考评
工作的相关通知、通报、信息等文件材料进行网上公开」).

How to pass: publish each year's 法治政府建设 督察/检查考评 通知 and its 通报 (or a news report on it) on the site.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I100_INSPECTION
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I100.b", indicator_id="I100", title="法治政府建设检查考评通知、通报、信息",
    failure_title="未找到当年法治政府建设检查考评通知、通报或信息", automation="B",
    columns=("FZ", "WJ", "GK.FD", "NEWS"), secondary=(),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I100_INSPECTION, department_review=False)]
