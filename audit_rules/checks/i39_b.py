"""征求意见采纳情况和理由反馈 (I39.b).

What it checks: for every 重大行政决策 put out for comment (I39.a's notices, grouped by draft), a published
采纳情况 linked to it by title: a feedback page (「关于《…》征求意见采纳情况的说明」, 「意见建议采纳情况」 …) or a
起草说明/解读/the final decision reporting what was 采纳/未采纳. PASS with the lag from the end of comment as
information (「及时」 has no number). While the comment period is still open → PENDING. None once the decision is
published → FAIL R_NO_FEEDBACK after a complete crawl; none while the decision is not yet published (or the crawl
is incomplete) → REVIEW R_NO_FEEDBACK. No 重大行政决策 notice at all → REVIEW R_NOT_FOUND.

Why it matters: plan item 39 (「并通过网络向社会及时反馈意见采纳情况和理由」); 《重大行政决策程序暂行条例》
第三十二条 (说明公众意见采纳情况); 《优化营商环境条例》 第六十二条 (意见采纳情况反馈机制).

How to pass: after each consultation publish the 采纳情况 with reasons (a separate notice in the 意见征集 column,
or a section of the 起草说明/解读) and link it to the notice.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.normative import Item, feedback_for, inventory, items, nothing_to_judge
from audit_rules.machinery.verdicts import aggregate, iso
from audit_rules.vocab.normative import I39_DRAFT, I39_FEEDBACK
from govaudit.policy import Policy

META = RuleMeta(check_id="I39.b", indicator_id="I39", title="征求意见采纳情况和理由反馈",
                failure_title="征求意见后未反馈意见采纳情况", automation="B",
                columns=("ZJ", "JC"), secondary=("WJ", "JD"))


def _row(ev: SiteEvidence, policy: Policy, item: Item) -> Finding:
    last = max(item.rounds, key=lambda n: n.period.end or n.doc.publish_date or ev.as_of)
    row = Finding(check_id=META.check_id, verdict=Verdict.REVIEW, url=last.url, title=last.doc.title_raw,
                  content_sha256=last.doc.sha256, snippet=last.doc.title_raw,
                  details={"notice": last.doc.title_raw, "comment_end": iso(last.period.end),
                           "decision_url": item.final.url if item.final else None})
    found = next((fb for n in item.rounds if (fb := feedback_for(inventory(ev), n, policy))), None)
    if found is not None:
        doc, how = found
        row.verdict = Verdict.PASS
        lag = (doc.publish_date - last.period.end).days if doc.publish_date and last.period.end else None
        row.details.update(feedback_url=doc.final_url or doc.url, feedback_title=doc.title_raw, feedback_kind=how,
                           feedback_date=iso(doc.publish_date), feedback_lag_days=lag)
        return row
    if last.period.end is not None and last.period.end >= ev.as_of:
        row.verdict = Verdict.PENDING
        return row.add("R_NOT_DUE")
    row.add("R_NO_FEEDBACK")
    gap = coverage_gap(ev, META.columns, I39_FEEDBACK)
    if item.final is not None and gap.complete:
        row.verdict = Verdict.FAIL
    elif not gap.complete:
        row.add("R_COVERAGE_INCOMPLETE")
    return row


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    inv = inventory(ev)
    decided = [f for f in inv.decisions if f.enacted is None or f.enacted >= ev.cycle_start]
    rows = [_row(ev, policy, it) for it in items(inv, "decision", decided)
            if it.rounds and (it.latest is None or it.latest >= ev.cycle_start)]
    judged = [r for r in rows if r.verdict != Verdict.PENDING] or rows
    empty = nothing_to_judge(ev, META, I39_DRAFT, "未找到重大行政决策征求意见公告")
    return [aggregate(META, judged, empty=empty)]
