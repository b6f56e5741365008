"""法治宣传教育活动信息 (I90.a).

What it checks: for every completed calendar year of the window, at least one item on the site about a 法治宣传
教育 activity (普法, 法治宣传, 法律进…, 以案释法, 法治讲座, 民法典宣传, 谁执法谁普法…), dated in that year. A
missing year FAILs for governments after complete coverage and is REVIEWed for departments.

Why it matters: plan item 90 (「广泛开展形式多样、生动活泼的法治宣传教育活动」; 网络检索: 「网上能查询到开展…法治
宣传教育活动信息」).

How to pass: report the year's 普法 / 法治宣传 activities on the site (工作动态 or 普法 column) every year.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.verdicts import yearly
from audit_rules.vocab.enforcement import I90_ACTIVITY
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I90.a", indicator_id="I90", title="法治宣传教育活动信息",
    failure_title="未找到当年法治宣传教育活动信息", automation="B",
    columns=("PF", "NEWS"), secondary=("FZ", "GK.FD"),
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return [yearly(ev, META, I90_ACTIVITY)]
