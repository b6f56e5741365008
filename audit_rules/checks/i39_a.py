"""重大行政决策征求意见期不少于30日 (I39.a).

What it checks: the public comment rounds of 重大行政决策: notices of drafts that say they are one (「列入…重大
行政决策事项目录」) or that match an item of a published 目录 or a decision document. Each round (one document
record per notice page) is judged on natural days of its effective online period (inclusive) against
`I39_min_natural_days` (30): 2021-11-15…12-14 is 30 days but 29 when day one is not counted → REVIEW
R_BORDERLINE; 「因情况紧急」 shortening → REVIEW R_SHORTENED_EXPLAINED (条例第十五条 allows it when explained);
posted late → REVIEW R_POSTED_LATE. A decision passes if any public round passes. A decision published without
any notice → FAIL R_NOT_FOUND after a complete crawl. A 目录 item with neither decision nor notice found is PENDING
in the 目录's own year and REVIEW afterwards (the decision may not be made yet, or be 依法不予公开). Nothing to
judge at all → REVIEW R_NOT_FOUND.

Why it matters: plan item 39 (「…重大行政决策事项通过网络公开向社会公开征求意见，征求意见期限一般不少于30日」);
《重大行政决策程序暂行条例》 第十五条 (「一般不少于30日」; 缩短须说明理由).

How to pass: put every 重大行政决策 draft out for comment in the 意见征集 column for at least 30 days online, with
the period in dates, and say in the notice that it is a 重大行政决策.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.matching import similarity
from audit_rules.machinery.normative import consultation, in_cycle, inventory, nothing_to_judge, without_draft
from audit_rules.machinery.verdicts import aggregate
from audit_rules.vocab.normative import I39_DRAFT
from govaudit.policy import Policy

META = RuleMeta(check_id="I39.a", indicator_id="I39", title="重大行政决策征求意见期不少于30日",
                failure_title="重大行政决策征求意见期不足30日或未公开征求意见", automation="A",
                columns=("ZJ", "JC"), secondary=("WJ", "NEWS"), per_document=True)


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    inv = inventory(ev)
    decisions = [f for f in inv.decisions if in_cycle(f, ev)]
    rows, documents = consultation(ev, policy, META, "decision", decisions,
                                   min_days=policy.thresholds.I39_min_natural_days, unit="natural",
                                   missing=lambda f: without_draft(ev, META, I39_DRAFT, f))
    # 目录 items that neither a notice nor a decision document answers yet
    seen = [n.core for n in inv.notices if "decision" in n.families] + [f.catalogue_item or "" for f in inv.decisions]
    for cat in inv.catalogues:
        if cat.year is None or cat.year < ev.cycle_start.year:
            continue
        for item in cat.items:
            if any(s and similarity(item, s) >= policy.policy.match_review for s in seen):
                continue
            current = cat.year >= ev.as_of.year
            row = Finding(check_id=META.check_id, verdict=Verdict.PENDING if current else Verdict.REVIEW,
                          url=cat.doc.final_url or cat.doc.url, title=cat.doc.title_raw,
                          details={"item": item, "catalogue_year": cat.year,
                                   "why": "目录事项尚未找到决策文件或征求意见公告"})
            rows.append(row.add("R_NOT_DUE" if current else "R_NOT_FOUND"))
    judged = [r for r in rows if r.verdict != Verdict.PENDING] or rows
    empty = nothing_to_judge(ev, META, I39_DRAFT, "未找到重大行政决策事项、决策文件或其征求意见公告")
    return [aggregate(META, judged, empty=empty), *documents]
