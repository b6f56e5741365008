"""“最多跑一次”高频事项清单不少于100项 (I06.b).

What it checks: the number of distinct 事项名称 over all 「最多跑一次」 / 高频事项 lists of this jurisdiction: every
batch (「第二批」) is counted, whatever its date (an earlier batch stays in force), and names repeated across
batches or sections (「跑零次」 items listed again) once. PASS if ≥ `thresholds.I06_min_items` (100) and at least
one batch lies inside the audit window (else REVIEW R_STALE), FAIL if fewer. REVIEW when the count is short and
a list could not be read (scanned attachment, a table without 序号 or 事项名称 columns), or when the crawl was
incomplete (a further batch may be missing). FAIL R_NOT_FOUND when no list exists after complete coverage.

Why it matters: plan item 6 (「市县100个高频事项实现“最多跑一次”」; 「…的相关文件在网上公开」);
国办发〔2018〕45号.

How to pass: publish the 「最多跑一次」 事项清单 (all batches) with a 事项名称 column, as an HTML table with 序号 or
an XLS/DOC/PDF attachment, in the 政务服务 or 政策文件 column.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.tables import tables_of, unreadable
from audit_rules.machinery.verdicts import finding_from, in_window, presence
from audit_rules.vocab.services import I06_HEADERS, I06_MOST_ONCE_LIST
from govaudit.policy import Policy

META = RuleMeta(check_id="I06.b", indicator_id="I06", title="“最多跑一次”高频事项清单不少于100项",
                failure_title="“最多跑一次”高频事项清单不足100项或未公开", automation="A",
                columns=("WJ", "ZW"), secondary=("NEWS",))

_NOTE = re.compile(r"[(（](?:跑零次|零跑动|最多跑一次|不见面审批|网上办)[)）]")


def item_key(name: str) -> str:
    return _NOTE.sub("", flat(name))


def items_of(c: Candidate) -> set[str] | None:
    """Distinct item names of one list document, or None when no table of it could be read."""
    names: set[str] = set()
    for t in tables_of(c.doc, I06_HEADERS):
        col = t.col(I06_HEADERS["name"])
        if col is None or not t.rows:
            continue
        names |= {item_key(v) for v in t.values(I06_HEADERS["name"])}
    return names or None


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    minimum = policy.thresholds.I06_min_items
    cands = find(ev, I06_MOST_ONCE_LIST)
    lists = [c for c in cands if c.score >= 1.0 and c.jurisdiction == "own"]
    if not lists:
        return [presence(ev, META, I06_MOST_ONCE_LIST, cands=cands)]  # REVIEW or FAIL, as for any list
    names: set[str] = set()
    counted: list[dict[str, object]] = []
    unread: list[Candidate] = []
    for c in lists:
        got = items_of(c)
        if got is None:
            unread.append(c)
            continue
        names |= got
        counted.append({"url": c.doc.url, "title": c.doc.title_raw, "items": len(got)})
    best = next((c for c in lists if all(c is not u for u in unread)), lists[0])
    details: dict[str, object] = {"count_value": len(names), "minimum": minimum, "lists": counted}
    if len(names) >= minimum:
        current = any(in_window(c.date, ev.cycle_start, ev.as_of) for c in lists if c.date)
        return [finding_from(META, Verdict.PASS if current else Verdict.REVIEW, [] if current else ["R_STALE"], best,
                             **details)]
    if unread:
        details["unread"] = [c.doc.url for c in unread]
        return [finding_from(META, Verdict.REVIEW, [unreadable(unread[0].doc) or "R_LOW_CONFIDENCE"], unread[0],
                             **details)]
    gap = coverage_gap(ev, META.columns, I06_MOST_ONCE_LIST)
    if not gap.complete:
        return [finding_from(META, Verdict.REVIEW, ["R_COVERAGE_INCOMPLETE"], best, coverage_gaps=gap.reasons[:10],
                             **details)]
    return [finding_from(META, Verdict.FAIL, ["R_THRESHOLD"], best, **details)]
