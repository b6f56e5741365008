"""其他执法决定20个工作日内公开 (I57.b).

What it checks: every other enforcement decision the site publishes (行政强制 such as 查封、扣押, 行政检查 and
抽查结果, 行政征收, 行政确认, 行政给付, 行政裁决, 行政奖励) is published within 20 working days of the decision:
workdays in (决定日期, 发布日期] on the official 调休 calendar; a batch article publishes all its rows on its own
date. Each decision is one document record; the site fails if any decision is late.

Why it matters: plan item 57 (「在执法决定作出之日起20个工作日内向社会公布执法机关、执法对象、执法类别、执法结论等
信息」); 国办发〔2018〕118号 (事后公开, 20个工作日).

How to pass: publish each decision's 执法机关、执法对象、执法类别、执法结论 with its 决定日期 and 文书号 in the 行政执法
公示 column no later than the 20th working day after the decision.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.checks.i57_a import judge
from audit_rules.evidence import SiteEvidence
from audit_rules.vocab.enforcement import NO_CASE_SCOPE
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I57.b", indicator_id="I57", title="其他执法决定20个工作日内公开",
    failure_title="其他执法决定未在20个工作日内公开", automation="A",
    columns=("ZF", "XY"), secondary=("GK.FD",), per_document=True,
)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    return judge(ev, policy, META, ("other",), policy.thresholds.I57_other_max_wd, NO_CASE_SCOPE["other"])
