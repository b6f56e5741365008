"""2018年以来专业技术性文件专家论证材料 (I29.c).

What it checks: candidates for a reviewer, never a verdict: documents since 2018-01-01 whose text reports an
expert 论证 (`专家(论证|评审|咨询|意见)|论证会|第三方评估`) of a 规范性文件 (起草说明, 解读, 论证材料), and the
list of 规范性文件 that look 专业性、技术性较强 by title (技术规范, 标准, 规划, 专业, 安全, 工程, 医疗, 环境), which
are the ones that need such material. Always REVIEW.

Why it matters: plan item 29 (「专业性、技术性较强的行政规范性文件，组织相关领域专家进行论证…评估论证结论在文件
起草说明中写明」; 网络检索: 「2018年以来…组织相关领域专家进行论证的相关材料网上公开」).

How to pass: publish the 起草说明 (or the 论证 report) of every technical 规范性文件, stating who was consulted and
what they concluded; a reviewer records PASS.
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import flat
from audit_rules.machinery.normative import find_own, inventory, merge, regex_candidates
from audit_rules.machinery.verdicts import in_window, review_candidates
from audit_rules.vocab.normative import I29_EXPERT, I29_TECHNICAL, I29C_EXPERT, I29C_SINCE
from govaudit.policy import Policy

META = RuleMeta(check_id="I29.c", indicator_id="I29", title="2018年以来专业技术性文件专家论证材料",
                failure_title="专业技术性规范性文件专家论证材料需人工确认", automation="C",
                columns=("GFX", "WJ", "JD"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    since = dt.date(I29C_SINCE, 1, 1)
    technical = [{"title": f.doc.title_raw, "url": f.url} for f in inventory(ev).normative
                 if in_window(f.enacted, since, ev.as_of) and any(t in flat(f.doc.title) for t in I29_TECHNICAL)]
    cands = merge(
        (c for c in find_own(ev, I29C_EXPERT) if c.where.startswith("title") and in_window(c.date, since, ev.as_of)),
        regex_candidates(ev, I29_EXPERT, context=I29C_EXPERT.with_any, since=since),
    )
    return [review_candidates(ev, META, I29C_EXPERT, cands=cands, technical_documents=technical[:50] or None)]
