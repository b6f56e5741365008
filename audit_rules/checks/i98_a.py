"""第一季度公开上一年度法治政府建设情况报告 (I98.a).

What it checks: for every year Y of the window, that the report on 法治政府建设 of year Y−1 is
published on the site by Y-03-31 (第一季度), judged on the earliest official 发布日期 of the report.
Each report page found is also judged on its own (document records).

Why it matters: plan item 98 (「每年第一季度将上一年度法治政府建设情况在本地本单位网站上公开」);
《法治政府建设与责任落实督察工作规定》 (「每年4月1日之前…通过报刊、网站等…向社会公开」);
《法治政府建设实施纲要（2015—2020年）》.

How to pass: publish 「XX关于20XX年度法治政府建设情况的报告」 for year Y−1 on the site's
政府信息公开 or 法治政府建设 column no later than March 31 of year Y. The 政府信息公开工作年度报告
is a different report and does not count.
"""

from __future__ import annotations

import re

from audit_rules.base import Finding, RuleMeta, Verdict
from audit_rules.evidence import Doc, SiteEvidence
from audit_rules.machinery.find import Candidate, find, flat
from audit_rules.machinery.periods import deadline_date, evaluate_deadline
from audit_rules.machinery.suspects import suspicion
from audit_rules.machinery.verdicts import absent, combine, doc_details, worst
from audit_rules.vocab import I98_REPORT
from govaudit.policy import Policy

META = RuleMeta(
    check_id="I98.a", indicator_id="I98", title="第一季度公开上一年度法治政府建设情况报告",
    failure_title="上一年度法治政府建设情况报告未在第一季度公开", automation="A",
    columns=("FZ", "GK.FD", "GK", "WJ"), secondary=("NEWS",), per_document=True,
)

_YEAR_IN_TITLE = re.compile(r"(20\d{2})\s*年度?")
_YEAR_IN_TEXT = re.compile(r"(20\d{2})年(?:以来|度)?[，,]")


def report_year(doc: Doc) -> int | None:
    m = _YEAR_IN_TITLE.search(flat(doc.title))
    if m:
        return int(m.group(1))
    m = _YEAR_IN_TEXT.search(doc.text[:400])
    return int(m.group(1)) if m else None


def _judge_copy(c: Candidate, ev: SiteEvidence, policy: Policy) -> Finding:
    doc = c.doc
    year = report_year(doc)
    f = Finding(check_id=META.check_id, verdict=Verdict.REVIEW, scope="document", url=doc.final_url or doc.url,
                title=doc.title_raw, content_sha256=doc.sha256, snippet=doc.title_raw,
                column_code=next(iter(sorted(doc.column_codes)), None))
    f.details.update(doc_details(doc))
    f.details["report_year"] = year
    f.confidence = round(c.score * doc.quality, 2)
    if year is None:
        return f.add("R_DATE_UNPARSED")
    deadline = deadline_date(year + 1, policy.thresholds.I98_deadline)
    f.details["deadline"] = deadline.isoformat()
    if c.score < 1.0:
        return f.add("R_LOW_CONFIDENCE")  # a weak title (工作总结, 依法行政工作报告): a person decides
    if c.jurisdiction != "own":
        return f.add("R_WRONG_JURISDICTION")
    if doc.publish_date is None:
        return f.add("R_DATE_UNPARSED")
    result = evaluate_deadline(doc.publish_date, deadline, calendar=ev.calendar,
                               extend_on_holiday=policy.policy.extend_deadline_on_holiday)
    f.details.update(result.details)
    f.verdict = Verdict(result.verdict)
    f.add(*result.reason_codes)
    # A verdict that a date source flips, a back-dated or migration-reset date: a person decides.
    if doc.date_conflict and any((d <= deadline) != (doc.publish_date <= deadline)
                                 for d in doc.publish_candidates.values()):
        f.verdict = Verdict.REVIEW
        f.add("R_DATE_CONFLICT")
        f.details["publish_date_candidates"] = {k: v.isoformat() for k, v in doc.publish_candidates.items()}
    for code in suspicion(doc, ev, content_year=year):
        f.add(code)
        if f.verdict == Verdict.FAIL or code == "R_BACKDATE_SUSPECT":
            f.verdict = Verdict.REVIEW
    return f


def check(ev: SiteEvidence, policy: Policy) -> list[Finding]:
    cands = [c for c in find(ev, I98_REPORT) if c.where in ("title", "title_partial", "weak_title")]
    documents = [_judge_copy(c, ev, policy) for c in cands]
    by_year: dict[int, list[Finding]] = {}
    for f in documents:
        if f.details.get("report_year") is not None:
            by_year.setdefault(f.details["report_year"], []).append(f)
    years: list[Finding] = []
    for pub_year in range(ev.cycle_start.year, ev.as_of.year + 1):
        years.append(_year_verdict(ev, policy, pub_year - 1, by_year.get(pub_year - 1, [])))
    site = _site_record(years)
    undated = [f for f in documents if f.details.get("report_year") is None]
    if undated and site.verdict == Verdict.PASS:
        site.verdict = Verdict.REVIEW
        site.add("R_DATE_UNPARSED")
    return [site, *documents]


def _year_verdict(ev: SiteEvidence, policy: Policy, report_year_: int, copies: list[Finding]) -> Finding:
    deadline = deadline_date(report_year_ + 1, policy.thresholds.I98_deadline)
    if copies:
        # the earliest official copy decides (rules_spec §5.3.3); decisive copies before doubtful ones
        decided = [f for f in copies if f.verdict in (Verdict.PASS, Verdict.FAIL)]
        pool = decided or copies
        best = min(pool, key=lambda f: (f.details.get("publish_date") or "9999", f.verdict != Verdict.PASS))
        rec = Finding(check_id=META.check_id, verdict=best.verdict, url=best.url, title=best.title,
                      content_sha256=best.content_sha256, snippet=best.snippet, confidence=best.confidence,
                      column_code=best.column_code, details=dict(best.details))
        rec.add(*best.reason_codes)
        if not decided:
            rec.verdict = worst(f.verdict for f in copies)
        rec.details["copies"] = len(copies)
        return rec
    if ev.as_of <= deadline:
        rec = Finding(check_id=META.check_id, verdict=Verdict.PENDING, details={"report_year": report_year_,
                                                                               "deadline": deadline.isoformat()})
        return rec.add("R_NOT_DUE")
    missing = absent(ev, META, I98_REPORT, report_year=report_year_, deadline=deadline.isoformat())
    return missing


def _site_record(years: list[Finding]) -> Finding:
    verdict = combine(f.verdict for f in years)
    pick = next(f for f in years if f.verdict == verdict)
    site = Finding(check_id=META.check_id, verdict=verdict, url=pick.url, title=pick.title,
                   content_sha256=pick.content_sha256, snippet=pick.snippet, confidence=pick.confidence,
                   column_code=pick.column_code, details=dict(pick.details))
    for f in years:
        if f.verdict == verdict:
            site.add(*f.reason_codes)
    site.details["years"] = {str(f.details.get("report_year")): f.verdict.value for f in years}
    n_pass = sum(1 for f in years if f.verdict == Verdict.PASS)
    site.details["ratio"] = f"{n_pass}/{len(years)}"
    return site

