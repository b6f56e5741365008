"""重大行政决策政策解读 (I38.b).

What it checks: for each published 重大行政决策 (documents that say they are one, and documents matching an item of
a published 目录), a linked 解读 (《…》解读, 答记者问, 一图读懂, 图解; linked from either page or titled after the
decision). PASS: 解读 published within `interp_tolerance_wd` (3) working days of the decision's 发布日期 (earlier
is fine). REVIEW R_LATE + R_ADVISORY: later than that. FAIL R_NOT_FOUND: no 解读 30 days after publication, after
a complete crawl; PENDING before those 30 days. No decision identified at all → REVIEW R_NOT_FOUND: the tool cannot
tell a unit without 重大行政决策 from one whose decisions it did not recognise.

Why it matters: plan item 38 (「对社会关注度高的决策事项，认真进行解释说明」; 网络检索: 「通过网络进行解释说明」);
《重大行政决策程序暂行条例》 第三十二条 (宣传解读); 国办发〔2016〕80号 (解读与文件同步).

How to pass: publish a 解读 of every 重大行政决策 on the same day as the decision, linked from its page.
"""

from __future__ import annotations

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import SiteEvidence
from audit_rules.machinery.coverage import coverage_gap
from audit_rules.machinery.normative import Final, interpretation_for, inventory
from audit_rules.machinery.verdicts import absent, aggregate, finding_from, iso
from audit_rules.machinery.workdays import CalendarMissing
from audit_rules.vocab.normative import I38_INTERPRETATION, I38_NO_INTERP_DAYS
from govaudit.policy import Policy

META = RuleMeta(check_id="I38.b", indicator_id="I38", title="重大行政决策政策解读",
                failure_title="重大行政决策未同步发布政策解读", automation="B",
                columns=("JD", "JC", "WJ"), secondary=("NEWS",))


def _row(ev: SiteEvidence, policy: Policy, f: Final) -> Finding:
    doc = f.doc
    row = Finding(check_id=META.check_id, verdict=Verdict.REVIEW, url=f.url, title=doc.title_raw,
                  content_sha256=doc.sha256, snippet=doc.title_raw, confidence=doc.quality,
                  details={"decision": doc.title_raw, "publish_date": iso(doc.publish_date),
                           "catalogue_item": f.catalogue_item})
    interp = interpretation_for(inventory(ev), f, policy)
    if interp is None:
        if doc.publish_date and (ev.as_of - doc.publish_date).days < I38_NO_INTERP_DAYS:
            row.verdict = Verdict.PENDING
            return row.add("R_NOT_DUE")
        gap = coverage_gap(ev, META.columns, I38_INTERPRETATION)
        row.verdict = Verdict.FAIL if gap.complete else Verdict.REVIEW
        return row.add("R_NOT_FOUND", *([] if gap.complete else ["R_COVERAGE_INCOMPLETE"]))
    row.details.update(interpretation_url=interp.final_url or interp.url, interpretation_title=interp.title_raw,
                       interpretation_date=iso(interp.publish_date))
    if doc.publish_date is None or interp.publish_date is None:
        return row.add("R_DATE_UNPARSED")
    try:
        lag = ev.calendar.lag_workdays(doc.publish_date, interp.publish_date)
    except CalendarMissing as exc:
        row.verdict, row.details["calendar_missing_year"] = Verdict.ERROR, exc.year
        return row.add("R_CALENDAR_MISSING")
    row.details.update(lag_workdays=lag, max_workdays=policy.policy.interp_tolerance_wd)
    if lag <= policy.policy.interp_tolerance_wd:
        row.verdict = Verdict.PASS
        return row
    return row.add("R_LATE", "R_ADVISORY")


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    decisions = [f for f in inventory(ev).decisions if f.doc.publish_date is None or f.doc.publish_date >= ev.cycle_start]
    rows = [_row(ev, policy, f) for f in decisions]
    judged = [r for r in rows if r.verdict != Verdict.PENDING] or rows
    if not rows:
        missing = absent(ev, META, I38_INTERPRETATION)
        return [finding_from(META, Verdict.REVIEW, missing.reason_codes, why="未识别出已公布的重大行政决策",
                             **{k: v for k, v in missing.details.items() if k == "coverage_gaps"})]
    site = aggregate(META, judged, empty=rows[0])
    site.details["decisions"] = [{"url": r.url, "verdict": r.verdict.value, "lag_workdays": r.details.get("lag_workdays")}
                                 for r in rows]
    return [site]

