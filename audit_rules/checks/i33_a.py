"""2016年以来规章、规范性文件后评估结果公开 (I33.a).

What it checks: that at least one published 后评估 result of a 规章 or 规范性文件 (立法后评估报告, 实施情况评估,
评估结果) exists since 2016-01-01. Risk, asset, performance and 环境影响 assessments do not count; a 清理 notice
that only says 「经评估」 or a line in the 法治政府建设 report is weak evidence for a reviewer.

Why it matters: plan item 33 (「每2年至少开展1次地方政府规章或者行政规范性文件后评估，评估结果向社会公布」;
网络检索: 「2016年以来…后评估结果在网上公开」); 《规章制定程序条例》 第三十八条.

How to pass: publish each 后评估报告 (or its conclusions per document) in the 法治政府建设 / 规范性文件 column.
Absence after a complete crawl is FAIL for a government site and REVIEW for a department (its documents may be
evaluated in a 市政府 report).
"""

from __future__ import annotations

import datetime as dt

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.normative import find_own
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.normative import I33_EVALUATION, I33_SINCE
from govaudit.policy import Policy

META = RuleMeta(check_id="I33.a", indicator_id="I33", title="2016年以来规章、规范性文件后评估结果公开",
                failure_title="未找到规章、规范性文件后评估结果", automation="B",
                columns=("FZ", "GFX", "GZ"), secondary=("WJ", "NEWS"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    # a summary line in the 法治政府建设 report is REVIEW, not absence (rules_spec §6 I33 pitfalls)
    return [presence(ev, META, I33_EVALUATION, cands=find_own(ev, I33_EVALUATION), since=dt.date(I33_SINCE, 1, 1),
                     department_review=True, body_mentions_review=True)]
