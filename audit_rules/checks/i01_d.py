"""法定期限办结、压缩办理时限的制度或承诺时限 (I01.d).

What it checks: that the site shows 审批 completed within the 法定期限 and time limits being cut: a document
titled for 办理时限 (压缩审批时限, 承诺时限, 限时办结, 即办件 …) within the audit window, **or** a 行政审批（许可）
事项清单 with both a 法定时限 and a 承诺时限 column where at least one item promises less than the legal limit
(「即办」 counts as 0 days). Both columns present but unreadable → REVIEW.

Why it matters: plan item 1 (「行政审批事项在法定期限内完成并不断压缩办理时限」); 《优化营商环境条例》第三十六条
(压减时限「应当向社会公开」).

How to pass: publish the 压缩办理时限 / 承诺办结时限 document, or list 法定时限 and 承诺时限 side by side in the
事项清单 or 办事指南.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.find import find
from audit_rules.machinery.tables import days_of, tables_of
from audit_rules.machinery.verdicts import finding_from, in_window, presence
from audit_rules.vocab.services import I01_HEADERS, I01_LIST, I01_TIME_LIMIT
from govaudit.policy import Policy

META = RuleMeta(check_id="I01.d", indicator_id="I01", title="法定期限办结、压缩办理时限的制度或承诺时限",
                failure_title="未找到压缩办理时限的制度文件或承诺时限", automation="B",
                columns=("ZW", "GK.FD"), secondary=("WJ", "NEWS"))


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    f = presence(ev, META, I01_TIME_LIMIT)
    if f.verdict == Verdict.PASS:
        return [f]
    unread = None
    for c in find(ev, I01_LIST):
        if c.score < 1.0 or c.jurisdiction != "own" or not in_window(c.date, ev.cycle_start, ev.as_of):
            continue
        for t in tables_of(c.doc, I01_HEADERS):
            legal, promised = t.col(I01_HEADERS["legal_limit"]), t.col(I01_HEADERS["promised_limit"])
            if legal is None or promised is None:
                continue
            pairs: list[tuple[float, float]] = [
                (a, b) for r in t.rows if max(legal, promised) < len(r)
                if (a := days_of(r[legal])) is not None and (b := days_of(r[promised])) is not None]
            shorter = sum(1 for a, b in pairs if b < a)
            if shorter:
                return [finding_from(META, Verdict.PASS, [], c, items=len(t.rows), items_compared=len(pairs),
                                     items_promise_shorter=shorter, table_source=t.source)]
            if not pairs:
                unread = unread or c
    if unread is not None and f.verdict == Verdict.FAIL:  # columns there, values unreadable: a person decides
        return [finding_from(META, Verdict.REVIEW, ["R_LOW_CONFIDENCE"], unread)]
    return [f]
