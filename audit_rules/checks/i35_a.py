"""规范性文件清理结果公布 (I35.a).

What it checks: that at least one 规范性文件清理结果 (继续有效/修改/废止/宣布失效 lists, 清理情况的公告, 废止
决定, 现行有效目录) is published within the audit window. A 清理结果征求意见稿 is not yet the result, and a
「关于开展…清理工作的通知」 only announces the work (weak evidence).

Why it matters: plan item 35 (「对…行政规范性文件进行清理，清理结果通过网络向社会公布」); 《规章制定程序条例》
第三十七条.

How to pass: publish the result of each 清理 (the decision and its lists) in the 规范性文件 or 政策文件 column.
Absence after a complete crawl is FAIL for a government site; for a department it is REVIEW, because its
documents are often cleaned up in a joint 市政府 decision.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import flat
from audit_rules.machinery.normative import find_own
from audit_rules.machinery.verdicts import presence
from audit_rules.vocab.normative import I35_CLEANUP, I35_TRIGGERS
from govaudit.policy import Policy

META = RuleMeta(check_id="I35.a", indicator_id="I35", title="规范性文件清理结果公布",
                failure_title="未找到规范性文件清理结果", automation="B",
                columns=("GFX", "WJ", "FZ"), secondary=("NEWS",))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = find_own(ev, I35_CLEANUP)
    f = presence(ev, META, I35_CLEANUP, cands=cands, department_review=True)
    best = next((c.doc for c in cands if f.url in (c.doc.final_url, c.doc.url)), None)
    if best is not None:  # which national clean-up campaign it answers, for the reviewer and the report
        f.details["campaigns"] = [t for t in I35_TRIGGERS if t in flat(best.all_text)] or None
    return [f]
